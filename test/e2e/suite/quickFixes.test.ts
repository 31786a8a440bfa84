import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, EXPECTED, applyFix, fixAll } from './draft';
import {
  applyCodeAction, closeAllEditors, codeActions, diagnosticFor, diagnosticsWhere, kindOf, openDraft,
  readWorkspaceFile, withSetting,
} from './editor';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('termlint');

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length));
}

describe('quick fixes', () => {
  after(closeAllEditors);

  for (const expected of EXPECTED) {
    it(`${expected.kind}: "${expected.found}" becomes "${expected.fixed}"`, async () => {
      const text = await readWorkspaceFile(DRAFT);
      const { document } = await openDraft(`quickfix-${expected.kind}.md`, text);
      const diagnostic = await diagnosticFor(document, expected.kind, expected.found);
      const before = await diagnosticsWhere(document, 'all findings', (d) => d.length === EXPECTED.length);

      // vscode.executeCodeActionProvider drops each action's `diagnostics`; the range is what ties
      // the actions to this finding (the only one there).
      const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix,
        (all) => all.some((a) => a.isPreferred));
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, `one preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(preferred[0].title.includes(expected.fixed), `title: ${preferred[0].title}`);

      await applyCodeAction(preferred[0]);
      assert.equal(document.getText(), applyFix(text, expected));
      await diagnosticsWhere(document, `the ${expected.kind} finding to go`, (d) => d.length === before.length - 1
        && !d.some((other) => kindOf(other) === expected.kind && other.range.start.isEqual(diagnostic.range.start)));
    });
  }

  it('source.fixAll.termlint fixes every finding and leaves code alone', async () => {
    const text = await readWorkspaceFile(DRAFT);
    const { document } = await openDraft('fixall.md', text);
    await diagnosticsWhere(document, 'all findings', (d) => d.length === EXPECTED.length);

    const actions = await codeActions(document.uri, wholeDocument(document), FIX_ALL,
      (all) => all.some((a) => a.kind?.value === FIX_ALL.value));
    const fixAllAction = actions.find((a) => a.kind?.value === FIX_ALL.value)!;
    await applyCodeAction(fixAllAction);
    assert.equal(document.getText(), fixAll(text));
    await diagnosticsWhere(document, 'no findings', (d) => d.length === 0);
  });

  it('editor.codeActionsOnSave fixes the draft when it is saved', async () => {
    await withSetting('editor.codeActionsOnSave', { 'source.fixAll.termlint': 'explicit' }, async () => {
      const text = await readWorkspaceFile(DRAFT);
      const editor = await openDraft('onsave.md', text);
      const { document } = editor;
      await diagnosticsWhere(document, 'all findings', (d) => d.length === EXPECTED.length);
      const added = '\nMore factories open in Shenzen.\n';
      assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(text.length), added)));
      assert.equal(document.isDirty, true);

      assert.equal(await document.save(), true);
      const expected = fixAll(text) + added.replace('Shenzen', 'Shenzhen');
      assert.equal(document.getText(), expected);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)), expected);
    });
  });
});
