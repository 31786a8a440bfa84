import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, EXPECTED } from './draft';
import { closeAllEditors, diagnosticFor, diagnosticsWhere, kindOf, openDraft, readWorkspaceFile } from './editor';

describe('diagnostics', () => {
  let document: vscode.TextDocument;

  before(async () => {
    ({ document } = await openDraft('diagnostics.md', await readWorkspaceFile(DRAFT)));
  });
  after(closeAllEditors);

  for (const expected of EXPECTED) {
    it(`${expected.kind}: "${expected.found}"`, async () => {
      const diagnostic = await diagnosticFor(document, expected.kind, expected.found);
      assert.equal(diagnostic.source, 'termlint');
      assert.ok(diagnostic.message.includes(expected.found), `message: ${diagnostic.message}`);
    });
  }

  // One report covers the whole document, so once there is one these checks see all of it.
  it('flags nothing else', async () => {
    const all = await diagnosticsWhere(document, 'Termlint diagnostics', (d) => d.length > 0);
    const flagged = all.map((d) => `${kindOf(d)}: ${document.getText(d.range)}`).sort();
    const expected = EXPECTED.map((e) => `${e.kind}: ${e.found}`).sort();
    assert.deepEqual(flagged, expected);
  });

  it('flags nothing in fenced or inline code', async () => {
    const all = await diagnosticsWhere(document, 'Termlint diagnostics', (d) => d.length > 0);
    const text = document.getText();
    const fenceStart = text.indexOf('```text');
    const fenceEnd = text.indexOf('```', fenceStart + 3) + 3;
    const inlineLine = document.positionAt(text.indexOf('Inline code')).line;
    const inCode = all.filter((d) => {
      const offset = document.offsetAt(d.range.start);
      return (offset >= fenceStart && offset < fenceEnd) || d.range.start.line === inlineLine;
    });
    assert.deepEqual(inCode.map((d) => document.getText(d.range)), []);
  });
});
