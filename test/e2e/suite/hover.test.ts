import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT } from './draft';
import { closeAllEditors, diagnosticFor, hoverText, openDraft, rangeOf, readWorkspaceFile } from './editor';

describe('hover', () => {
  let document: vscode.TextDocument;

  before(async () => {
    ({ document } = await openDraft('hover.md', await readWorkspaceFile(DRAFT)));
    await diagnosticFor(document, 'forbidden', 'Macau');
  });
  after(closeAllEditors);

  it('on a flagged variant, shows the approved form, the forbidden form and the note', async () => {
    const at = rangeOf(document, 'Macau').start.translate(0, 2);
    const text = await hoverText(document.uri, at, (t) => t.includes('Macao'));
    for (const part of ['Macao', 'Macau', '澳门', 'Spelling used in central government documents.']) {
      assert.ok(text.includes(part), `"${part}" is not in the hover: ${text}`);
    }
  });

  it('on a correct term, shows its admitted form and translation', async () => {
    const at = rangeOf(document, 'new quality productivity forces').start.translate(0, 4);
    const text = await hoverText(document.uri, at, (t) => t.includes('新质生产力'));
    assert.ok(text.includes('new quality productive forces'), `admitted form is not in the hover: ${text}`);
  });
});
