import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT } from './draft';
import { EXTENSION_ID, closeAllEditors, diagnosticsWhere, openDraft, readWorkspaceFile } from './editor';

describe('activation', () => {
  after(closeAllEditors);

  it('is active once a Markdown draft is open, and lints it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const { document } = await openDraft('activation.md', await readWorkspaceFile(DRAFT));
    assert.equal(document.languageId, 'markdown');
    await diagnosticsWhere(document, 'Termlint diagnostics', (all) => all.length > 0);
    assert.equal(extension.isActive, true);
  });
});
