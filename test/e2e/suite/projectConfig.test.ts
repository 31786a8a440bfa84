import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT } from './draft';
import {
  applyCodeAction, closeAllEditors, codeActions, diagnosticFor, diagnosticsWhere, kindOf, openDraft, readWorkspaceFile,
  termlintDiagnostics, workspaceFile, withSetting,
} from './editor';

const CONFIG = 'termlint.config.json';

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceFile(CONFIG), new TextEncoder().encode(text));
}

describe('the project configuration (termlint.config.json) in VS Code', () => {
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(CONFIG)).then(undefined, () => undefined);
  });

  it('applies to open drafts; a setting the user set wins over it, a default nobody set does not', async () => {
    const { document } = await openDraft('config-draft.md', await readWorkspaceFile(DRAFT));
    const macau = () => termlintDiagnostics(document.uri).find((d) => kindOf(d) === 'forbidden');
    await diagnosticFor(document, 'forbidden', 'Macau');
    assert.equal(macau()?.severity, vscode.DiagnosticSeverity.Warning);

    await writeConfig('{ "severity": { "forbidden": "error" }, "consistency": false }\n');
    // termlint.severity has a default in VS Code (every kind); it must not override the file.
    await diagnosticsWhere(document, 'forbidden as an error, no inconsistent finding', (d) =>
      d.some((x) => kindOf(x) === 'forbidden' && x.severity === vscode.DiagnosticSeverity.Error) && !d.some((x) => kindOf(x) === 'inconsistent'));

    await withSetting('termlint.severity', { forbidden: 'hint' }, async () => {
      await diagnosticsWhere(document, 'forbidden as a hint (the user setting)', () => macau()?.severity === vscode.DiagnosticSeverity.Hint);
    });
    await diagnosticsWhere(document, 'forbidden back to the file\'s error', () => macau()?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('shows its problems in the file as it is edited, with a quick fix for a misspelt key; the last good version stays', async () => {
    const { document: draft } = await openDraft('config-draft-2.md', 'The ferry to Macau runs every hour.\n');
    await diagnosticsWhere(draft, 'forbidden as an error', (d) => d.some((x) => kindOf(x) === 'forbidden' && x.severity === vscode.DiagnosticSeverity.Error));
    const config = await vscode.workspace.openTextDocument(workspaceFile(CONFIG));
    // Beside the draft: shown in its place, the draft (a preview editor) would be closed.
    await vscode.window.showTextDocument(config, { viewColumn: vscode.ViewColumn.Beside });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(config.uri, new vscode.Range(config.positionAt(0), config.positionAt(config.getText().length)), '{ "severity": { "forbidden": "error" }, "consistensy": false }\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [problem] = await diagnosticsWhere(config, 'the unknown key', (d) => d.length === 1);
    assert.equal(problem!.message, 'Unknown key "consistensy": did you mean "consistency"?');
    assert.equal(kindOf(problem!), 'config-file');
    assert.equal(config.getText(problem!.range), '"consistensy"');
    // The drafts keep the last good configuration meanwhile.
    assert.equal(termlintDiagnostics(draft.uri).find((d) => kindOf(d) === 'forbidden')?.severity, vscode.DiagnosticSeverity.Error);

    const [fix] = await codeActions(config.uri, problem!.range, vscode.CodeActionKind.QuickFix, (a) => a.some((x) => x.title.startsWith('Change')));
    assert.equal(fix!.title, 'Change "consistensy" to "consistency"');
    await applyCodeAction(fix!);
    await diagnosticsWhere(config, 'no problem left', (d) => d.length === 0);
    assert.ok(await config.save());
  });

  it('deleting it goes back to the settings alone', async () => {
    const { document } = await openDraft('config-draft-3.md', 'The ferry to Macau runs every hour.\n');
    await diagnosticsWhere(document, 'forbidden as an error', (d) => d.some((x) => kindOf(x) === 'forbidden' && x.severity === vscode.DiagnosticSeverity.Error));
    // Close its editor, as a user would before deleting it (it is saved). VS Code keeps the document open for a
    // while even so: the server must take the deletion of an unchanged open file as the file's end.
    const configUri = workspaceFile(CONFIG).toString();
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === configUri);
    await vscode.window.tabGroups.close(tabs);
    await vscode.workspace.fs.delete(workspaceFile(CONFIG));
    await diagnosticsWhere(document, 'forbidden as a warning again', (d) => d.some((x) => kindOf(x) === 'forbidden' && x.severity === vscode.DiagnosticSeverity.Warning));
  });
});

describe('a language only the project configuration names', () => {
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(CONFIG)).then(undefined, () => undefined);
  });

  it('is checked too: the server reports it and the extension hands it those documents', async () => {
    const { document } = await openDraft('notes.tex', 'The ferry to Macau runs every hour.\n');
    assert.equal(document.languageId, 'latex');
    await writeConfig('{ "languages": ["markdown", "plaintext", "html", "latex"] }\n');
    const [forbidden] = await diagnosticsWhere(document, 'a finding in the LaTeX document', (d) => d.some((x) => kindOf(x) === 'forbidden'));
    assert.equal(document.getText(forbidden!.range), 'Macau');
  });
});

describe('"Create term list from this document"', () => {
  after(closeAllEditors);

  it('opens the proposal unsaved, already named as a term list beside the document', async () => {
    const { document } = await openDraft('harbour.md', '# Harbour plan\n\nThe Varnholm Port Authority and Varnholm grow. Varnholm leads.\n');
    await vscode.window.showTextDocument(document);
    const uri = await vscode.commands.executeCommand<string>('termlint.createTermList');
    const proposal = vscode.window.activeTextEditor!.document;
    assert.equal(proposal.uri.toString(), uri);
    assert.equal(proposal.uri.scheme, 'untitled');
    assert.equal(proposal.uri.path, vscode.Uri.joinPath(document.uri, '..', 'harbour.terms.json').path, 'saving writes harbour.terms.json, which **/*.terms.json finds');
    assert.equal(proposal.languageId, 'json');
    const file = JSON.parse(proposal.getText()) as { terms: { term: string }[] };
    assert.ok(file.terms.some((t) => t.term === 'Varnholm'), proposal.getText());
    assert.doesNotMatch(proposal.getText(), /×/, 'no character VS Code flags as ambiguous');
    // Leave nothing behind: discard the unsaved proposal.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceFile('harbour.terms.json'))));
  });
});
