import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAIR_SOURCE as SOURCE, PAIR_TARGET as TARGET } from './draft';
import { closeAllEditors, diagnosticFor, diagnosticsWhere, hoverText, kindOf, openDraft, rangeOf } from './editor';

// The pair of draft.ts (PAIR_SOURCE, PAIR_TARGET): Macao rendered "Macau", Shenzhen left out.

interface Revealed {
  uri: string;
  line: number;
  endLine: number;
}

describe('translation pairs', () => {
  let source: vscode.TextDocument;
  let target: vscode.TextDocument;

  before(async () => {
    ({ document: source } = await openDraft('cooperation.zh.md', SOURCE));
    ({ document: target } = await openDraft('cooperation.en.md', TARGET));
  });
  after(closeAllEditors);

  it('the translation has translation findings against its source, with the source block as related information', async () => {
    const macau = await diagnosticFor(target, 'translation', 'Macau');
    assert.match(macau.message, /澳门/);
    assert.match(macau.message, /Macao/);
    assert.equal(macau.relatedInformation?.[0]?.location.uri.toString(), source.uri.toString());
    assert.equal(macau.relatedInformation?.[0]?.location.range.start.line, 2);
    const all = await diagnosticsWhere(target, 'the missing Shenzhen', (d) => d.some((x) => kindOf(x) === 'translation' && x.message.includes('Shenzhen')));
    const shenzhen = all.find((x) => kindOf(x) === 'translation' && x.message.includes('Shenzhen'))!;
    assert.equal(shenzhen.range.start.line, 2, 'on the first line of the block');
  });

  it('the hover on a term of the translation shows the source sentence it renders', async () => {
    const at = rangeOf(target, 'Hong Kong').start.translate(0, 2);
    const text = await hoverText(target.uri, at, (t) => t.includes('Source'));
    assert.ok(text.includes('香港推进新质生产力。'), text);
  });

  it('"Open the source side by side" reveals the aligned block of the source beside the translation', async () => {
    const editor = await vscode.window.showTextDocument(target);
    const at = rangeOf(target, 'Hong Kong').start;
    editor.selection = new vscode.Selection(at, at);
    const revealed = await vscode.commands.executeCommand<Revealed>('termlint.openSource');
    assert.deepEqual(revealed, { uri: source.uri.toString(), line: 4, endLine: 4 });
    const beside = vscode.window.visibleTextEditors.filter((e) => [source.uri.toString(), target.uri.toString()].includes(e.document.uri.toString()));
    assert.equal(new Set(beside.map((e) => e.viewColumn)).size, 2, 'the two documents side by side');
  });

  it('"Open the translation side by side" reveals the aligned blocks of the translation', async () => {
    const editor = await vscode.window.showTextDocument(source);
    const at = rangeOf(source, '深圳').start;
    editor.selection = new vscode.Selection(at, at);
    const revealed = await vscode.commands.executeCommand<Revealed>('termlint.openTranslation');
    assert.deepEqual(revealed, { uri: target.uri.toString(), line: 2, endLine: 3 });
  });

  it("an edit of the source re-lints the translation's diagnostics", async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(source.uri, rangeOf(source, '深圳'), '大湾区');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await diagnosticsWhere(target, 'Shenzhen no longer expected, the Greater Bay Area instead', (d) =>
      !d.some((x) => x.message.includes('Shenzhen')) && d.some((x) => kindOf(x) === 'translation' && x.message.includes('Greater Bay Area')),
    );
    assert.ok(after.some((x) => kindOf(x) === 'translation' && x.message.includes('Macao')));
  });
});
