import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

describe('server workspace requests', () => {
  const ws = makeWorkspace({
    'glossary.terms.json': TERMS_TEXT,
    'a.md': '# A\n\nGuang dong grows.\n',
    'notes/b.txt': 'The productivityforces.\n',
    'notes/clean.md': 'Nothing to see.\n',
    'node_modules/pkg/readme.md': 'Guang dong.\n',
    'excluded/c.md': 'Guang dong.\n',
    'big.md': 'Guang dong. '.repeat(20),
  });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: { ...NO_BUNDLED, exclude: ['excluded/**'], maxFileSize: 100 } });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('lints every matching file with progress, publishing diagnostics for unopened files', async () => {
    const open = ws.uri('open.md');
    await client.open(open, 'markdown', 'Open prodforces.\n');
    const token = 'lint-1';
    const result = await client.connection.sendRequest('termlint/lintWorkspace', { workDoneToken: token });
    assert.deepEqual(result, { files: 4, findings: 3, skipped: 1 });
    const a = await client.pushedFor(ws.uri('a.md'));
    assert.deepEqual(a.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['split', 2, 0]]);
    const b = await client.pushedFor(ws.uri('notes/b.txt'));
    assert.deepEqual(b.map((d) => d.code), ['joined']);
    const big = await client.pushedFor(ws.uri('big.md'));
    assert.deepEqual(big.map((d) => d.code), ['file-too-large']);
    const published = new Set(client.diagnostics.all.map((p) => p.uri));
    for (const rel of ['notes/clean.md', 'node_modules/pkg/readme.md', 'excluded/c.md', 'glossary.terms.json']) assert.ok(!published.has(ws.uri(rel)), rel);
    assert.ok(!published.has(open), 'open documents keep their own (pulled) diagnostics');
    assert.ok(!client.configurationRequests.all.flat().includes(ws.uri('a.md')), 'settings are read per folder, not per unopened file');
    const kinds = client.progress.all.filter((p) => (p as { token: string }).token === token).map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds.at(-1), 'end');

    // Fixed on disk: the next run clears the old results.
    ws.write('a.md', '# A\n\nGuangdong grows.\n');
    await client.connection.sendRequest('termlint/lintWorkspace', {});
    assert.deepEqual(await client.pushedFor(ws.uri('a.md'), (d) => d.length === 0), []);
    ws.write('a.md', '# A\n\nGuang dong grows.\n');
    await client.close(open);
  });

  it('fixes the whole workspace in one WorkspaceEdit, versioned for open documents', async () => {
    const open = ws.uri('open2.md');
    await client.open(open, 'markdown', 'Open prodforces.\n');
    await client.diagnosticsOf(open, (d) => d.length === 1);
    const edit = (await client.connection.sendRequest('termlint/fixAllWorkspace', {})) as WorkspaceEdit;
    const changes = edit.documentChanges as TextDocumentEdit[];
    const byUri = new Map(changes.map((c) => [c.textDocument.uri, c]));
    assert.deepEqual([...byUri.keys()].sort(), [ws.uri('a.md'), open, ws.uri('notes/b.txt')].sort());
    assert.equal(byUri.get(open)!.textDocument.version, client.doc(open).version);
    assert.equal(byUri.get(ws.uri('a.md'))!.textDocument.version, null);
    await client.applyEdit(edit);
    assert.equal(fs.readFileSync(path.join(ws.root, 'a.md'), 'utf8'), '# A\n\nGuangdong grows.\n');
    assert.equal(fs.readFileSync(path.join(ws.root, 'notes/b.txt'), 'utf8'), 'The productivity forces.\n');
    assert.equal(client.doc(open).getText(), 'Open productivity forces.\n');
    await client.close(open);
  });

  it('lists the term files in force and the workspace term file', async () => {
    const result = (await client.connection.sendRequest('termlint/termFiles', {})) as { files: { uri: string; bundled: boolean; terms: number; problems: number; title?: string }[]; workspaceTermFile: string };
    const own = result.files.find((f) => f.uri === ws.uri('glossary.terms.json'));
    assert.deepEqual(own, { uri: ws.uri('glossary.terms.json'), bundled: false, title: 'Test terms', terms: 3, problems: 0 });
    assert.ok(result.files.some((f) => f.bundled));
    assert.equal(result.workspaceTermFile, ws.uri('.vscode/termlint.terms.json'));
  });

  it('proposes a term list from an open document', async () => {
    const uri = ws.uri('source.md');
    await client.open(uri, 'markdown', '# Report\n\nThe Greater Bay Area (GBA) grows. The GBA links Shenzhen and Guangzhou. Shenzhen leads.\n');
    const { text } = (await client.connection.sendRequest('termlint/extractTerms', { textDocument: { uri } })) as { text: string };
    const file = JSON.parse(text) as { title: string; source: string; terms: { term: string }[]; $schema?: string };
    assert.equal(file.title, 'Terms from source.md');
    assert.equal(file.$schema, undefined);
    assert.ok(file.terms.some((t) => t.term === 'Shenzhen'), text);
    await client.close(uri);
  });

  it('leaves out of the proposal what the lists in force already have, and what they would correct', async () => {
    const uri = ws.uri('known.md');
    await client.open(uri, 'markdown', '# Report\n\nGuangdong grows. Guangdong trades with Varnholm. Varnholm answers Guangdong.\n');
    const { text } = (await client.connection.sendRequest('termlint/extractTerms', { textDocument: { uri } })) as { text: string };
    const file = JSON.parse(text) as { terms: { term: string }[] };
    assert.deepEqual(file.terms.map((t) => t.term), ['Varnholm']);
    await client.close(uri);
  });
});
