/**
 * Exceptions on the server's paths (issue 15, class 1), over a real JSON-RPC connection: diagnostics,
 * `source.fixAll.termlint`, the `termlint/fixAll` request, the workspace fix of open and unopened files, and
 * the hover of a spelling an exception covers, from a workspace list of our own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CANTON_TERMS } from '../unit/exceptionPaths.test';
import { NO_BUNDLED } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

const LIST = JSON.stringify({ terms: CANTON_TERMS, ignore: ['Win – Win Trading Company'] }, null, 2);
const DRAFT = 'CANTON FAIR, April 15 -- Buyers from Canton met at the Canton\nTower, and Win – Win Trading Company signed a longterm deal.\n';
const FIXED = 'CANTON FAIR, April 15 -- Buyers from Guangzhou met at the Canton\nTower, and Win – Win Trading Company signed a long-term deal.\n';

describe('server: exceptions on every path (issue 15)', () => {
  const ws = makeWorkspace({ 'glossary.terms.json': LIST, 'closed.md': DRAFT });
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('reports only what lies outside official names', async () => {
    const uri = ws.uri('open.md');
    await client.open(uri, 'markdown', DRAFT);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 2);
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['forbidden', 0, 37], ['hyphen', 1, 46]]);
    await client.close(uri);
  });

  it('source.fixAll.termlint and termlint/fixAll leave official names as written', async () => {
    const uri = ws.uri('fixall.md');
    await client.open(uri, 'markdown', DRAFT);
    await client.diagnosticsOf(uri, (d) => d.length === 2);
    const doc = client.doc(uri);
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    const [action] = await client.codeActions(uri, range, [], ['source.fixAll.termlint']);
    assert.ok(action?.edit);
    const request = (await client.connection.sendRequest('termlint/fixAll', { textDocument: { uri } })) as WorkspaceEdit;
    assert.deepEqual((request.documentChanges![0] as TextDocumentEdit).edits, (action.edit.documentChanges![0] as TextDocumentEdit).edits);
    await client.applyEdit(action.edit);
    assert.equal(client.doc(uri).getText(), FIXED);
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(uri);
  });

  it('the workspace fix leaves them in open and unopened files', async () => {
    const uri = ws.uri('open2.md');
    await client.open(uri, 'markdown', DRAFT);
    await client.diagnosticsOf(uri, (d) => d.length === 2);
    const edit = (await client.connection.sendRequest('termlint/fixAllWorkspace', {})) as WorkspaceEdit;
    await client.applyEdit(edit);
    assert.equal(client.doc(uri).getText(), FIXED);
    assert.equal(fs.readFileSync(path.join(ws.root, 'closed.md'), 'utf8'), FIXED);
    await client.close(uri);
  });

  it('hover on a spelling an exception covers says why it is not reported', async () => {
    const uri = ws.uri('hover.md');
    await client.open(uri, 'markdown', 'Shops on Canton Road.\n');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    const hover = await client.hover(uri, { line: 0, character: 11 });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /Canton Road/);
    assert.match(value, /exception/);
    assert.match(value, /A street in Tsim Sha Tsui/);
    await client.close(uri);
  });
});
