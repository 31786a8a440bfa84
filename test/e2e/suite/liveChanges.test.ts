import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, EXPECTED } from './draft';
import {
  closeAllEditors, diagnosticFor, diagnosticsWhere, kindOf, openDraft, readWorkspaceFile, termlintDiagnostics,
  workspaceFile, withSetting,
} from './editor';

const GLOSSARY = 'glossary.terms.json';

describe('term list and settings changes re-lint open drafts', () => {
  after(closeAllEditors);

  it('an edit of a term file applies to the open draft', async () => {
    const { document } = await openDraft('live-terms.md', 'Ships sail from Shenzen to Nan sha.\n');
    await diagnosticFor(document, 'misspelling', 'Shenzen');
    assert.deepEqual(termlintDiagnostics(document.uri).map((d) => document.getText(d.range)), ['Shenzen']);

    const original = await readWorkspaceFile(GLOSSARY);
    const glossary = await vscode.workspace.openTextDocument(workspaceFile(GLOSSARY));
    try {
      const edit = new vscode.WorkspaceEdit();
      const at = glossary.positionAt(original.indexOf('"terms": [') + '"terms": ['.length);
      edit.insert(glossary.uri, at, '\n    { "term": "Nansha" },');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await glossary.save());
      await diagnosticFor(document, 'split', 'Nan sha');
    } finally {
      await vscode.workspace.fs.writeFile(glossary.uri, new TextEncoder().encode(original));
    }
    await diagnosticsWhere(document, 'the new term to be gone again', (d) => d.length === 1);
  });

  it('severity "off" for a kind removes its findings, and only those', async () => {
    const { document } = await openDraft('live-settings.md', await readWorkspaceFile(DRAFT));
    await diagnosticsWhere(document, 'all findings', (d) => d.length === EXPECTED.length);
    await withSetting('termlint.severity', { misspelling: 'off' }, async () => {
      const left = await diagnosticsWhere(document, 'no misspelling findings',
        (d) => !d.some((x) => kindOf(x) === 'misspelling') && d.length > 0);
      assert.deepEqual(left.map(kindOf).sort(), EXPECTED.map((e) => e.kind).filter((k) => k !== 'misspelling').sort());
    });
    await diagnosticFor(document, 'misspelling', 'Shenzen');
  });

  it('turning the bundled term list on applies its terms', async () => {
    const { document } = await openDraft('live-bundled.md', 'Toys from Swatow reach Shenzen.\n');
    await diagnosticFor(document, 'misspelling', 'Shenzen');
    assert.equal(termlintDiagnostics(document.uri).length, 1, 'Swatow is flagged without the bundled list');
    await withSetting('termlint.useBundledTerms', true, async () => {
      await diagnosticFor(document, 'forbidden', 'Swatow');
    });
    await diagnosticsWhere(document, 'the bundled finding to go', (d) => d.length === 1);
  });
});
