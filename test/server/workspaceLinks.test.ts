/**
 * Workspace lint and the term-file scan walk the workspace as the CLI does: symbolic links are followed,
 * each real folder is read once (a loop, a link to a parent, two links to one folder) and each real file is
 * linted once, under a path without links when it has one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

describe('server workspace lint: links', () => {
  const ws = makeWorkspace({
    'lists/glossary.terms.json': TERMS_TEXT,
    'drafts/one.md': 'Guang dong grows.\n',
    'drafts/two.txt': 'The prodforces.\n',
    'drafts/deep/three.md': 'Guang dong again.\n',
    'elsewhere/outside.md': 'Guang dong, from outside.\n',
  });
  fs.symlinkSync('..', path.join(ws.root, 'drafts', 'loop'));
  fs.symlinkSync('.', path.join(ws.root, 'drafts', 'deep', 'self'));
  fs.symlinkSync('../..', path.join(ws.root, 'drafts', 'deep', 'up'));
  fs.symlinkSync('drafts', path.join(ws.root, 'a-mirror'));
  fs.symlinkSync(path.join('..', 'drafts', 'one.md'), path.join(ws.root, 'lists', 'one-link.md'));
  fs.symlinkSync('nowhere.md', path.join(ws.root, 'drafts', 'dangling.md'));
  // A folder reached only through a link is linted too, under the link's path.
  const outside = makeWorkspace({ 'extra.md': 'Guang dong, linked in.\n' });
  fs.symlinkSync(outside.root, path.join(ws.root, 'linked'));
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
    outside.remove();
  });

  it('lints each real file once, and finds the term list once', async () => {
    const result = await client.connection.sendRequest('termlint/lintWorkspace', {});
    assert.deepEqual(result, { files: 5, findings: 5, skipped: 0 });
    const published = [...new Set(client.diagnostics.all.filter((p) => p.diagnostics.length > 0).map((p) => p.uri))].sort();
    assert.deepEqual(published, ['drafts/deep/three.md', 'drafts/one.md', 'drafts/two.txt', 'elsewhere/outside.md', 'linked/extra.md'].map((r) => ws.uri(r)).sort());
    const lists = (await client.connection.sendRequest('termlint/termFiles', {})) as { files: { uri: string; bundled: boolean }[] };
    assert.deepEqual(lists.files.filter((f) => !f.bundled).map((f) => f.uri), [ws.uri('lists/glossary.terms.json')]);
  });

  it('fixes each real file once', async () => {
    const edit = (await client.connection.sendRequest('termlint/fixAllWorkspace', {})) as WorkspaceEdit;
    const uris = (edit.documentChanges as TextDocumentEdit[]).map((c) => c.textDocument.uri).sort();
    assert.deepEqual(uris, ['drafts/deep/three.md', 'drafts/one.md', 'drafts/two.txt', 'elsewhere/outside.md', 'linked/extra.md'].map((r) => ws.uri(r)).sort());
  });
});
