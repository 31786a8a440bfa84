import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActions, diagnosticFor, diagnosticsWhere, hoverText, kindOf, openDraft,
  rangeOf, workspaceFile,
} from './editor';

// Consistency without a list, in the editor: a word the glossary does not cover, written two ways.
const TEXT = [
  '# Port notes',
  '',
  'Cross-border trade grew. The cross-border rules and cross-border data matter,',
  'but cross border flows lag. Every day we file everyday forms.',
  '',
].join('\n');

describe('variants (no term list behind them)', () => {
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile('.vscode/termlint.terms.json')).then(undefined, () => undefined);
  });

  it('underlines the minority form at information severity, with the counts on hover', async () => {
    const { document } = await openDraft('variants-hover.md', TEXT);
    const diagnostic = await diagnosticFor(document, 'variant', 'cross border');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diagnostic.message, '"cross border" should be "cross-border" (variant: this document writes "cross-border" 3 times and "cross border" once)');
    const all = await diagnosticsWhere(document, 'only the variant', (d) => d.length === 1);
    assert.deepEqual(all.map(kindOf), ['variant'], '"every day" / "everyday" is no variant');
    const text = await hoverText(document.uri, diagnostic.range.start.translate(0, 3), (t) => t.includes('preferred'));
    assert.ok(text.includes('cross-border') && text.includes('3 times') && text.includes('once'), text);
  });

  it('fixes it with the preferred quick fix', async () => {
    const { document } = await openDraft('variants-fix.md', TEXT);
    const diagnostic = await diagnosticFor(document, 'variant', 'cross border');
    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix, (a) => a.some((x) => x.isPreferred));
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Replace "cross border" with "cross-border"');
    await applyCodeAction(preferred);
    assert.ok(document.getText().includes('but cross-border flows lag'));
    await diagnosticsWhere(document, 'no findings', (d) => d.length === 0);
  });

  it('"Add to the term list" makes the preferred form a term and forbids the other', async () => {
    const { document } = await openDraft('variants-add.md', TEXT);
    const diagnostic = await diagnosticFor(document, 'variant', 'cross border');
    const title = 'Add "cross-border" to the term list (forbidding "cross border")';
    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix, (a) => a.some((x) => x.title === title));
    await applyCodeAction(actions.find((a) => a.title === title)!);
    // The edit creates the workspace term file; its text is in an editor buffer until saved (the server reads it there).
    const termFile = await vscode.workspace.openTextDocument(workspaceFile('.vscode/termlint.terms.json'));
    const written = JSON.parse(termFile.getText()) as { terms: unknown[] };
    assert.deepEqual(written.terms, [{ term: 'cross-border', forbidden: ['cross border'] }]);
    // The term list covers it now: the finding is the term's own, on the same words.
    await diagnosticFor(document, 'forbidden', 'cross border');
    // Undone: the term file's buffer reverted and closed, the file deleted; the variant is back.
    await vscode.window.showTextDocument(termFile);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(workspaceFile('.vscode/termlint.terms.json'));
    await diagnosticFor(document, 'variant', 'cross border');
    assert.ok(rangeOf(document, 'cross border'));
  });
});
