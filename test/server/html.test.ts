/** HTML documents over a real JSON-RPC connection: diagnostics, the "Disable" quick fix, fix-all, workspace lint. */
import * as assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

const PAGE = [
  '<!DOCTYPE html>',
  '<html><head><title>Draft</title><style>.prodforces { }</style></head>',
  '<body>',
  '  <p>The <em>productivityforces</em> of Guang&shy;dong grow.</p>',
  '  <p>We want high quality development. <code>prodforces</code></p>',
  '  <img src="chart.png" alt="Guang dong in numbers">',
  '</body></html>',
  '',
].join('\n');

describe('server: HTML documents', () => {
  const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT, 'site/page.htm': '<p>The prodforces.</p>\n', 'site/notes.tex': 'prodforces\n' });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('reports findings in text and alt values at their source positions, nothing in markup, code or styles', async () => {
    const uri = ws.uri('draft.html');
    await client.open(uri, 'html', PAGE);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 3);
    assert.deepEqual(
      ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['joined', 3, 13, 31],
        ['hyphen', 4, 13, 37],
        ['split', 5, 28, 38],
      ],
    );
    await client.close(uri);
  });

  it('"Disable Termlint for this line" inserts an HTML comment above the line, indented like it', async () => {
    const uri = ws.uri('disable.html');
    await client.open(uri, 'html', PAGE);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 3);
    const hyphen = ds.find((d) => d.code === 'hyphen')!;
    const action = (await client.codeActions(uri, hyphen.range, [hyphen], ['quickfix'])).find((a) => a.title === 'Disable Termlint for this line')!;
    await client.applyEdit(action.edit!);
    assert.equal(client.doc(uri).getText().split('\n')[4], '  <!-- termlint-disable-next-line -->');
    const after = await client.diagnosticsOf(uri, (d) => d.length === 2);
    assert.deepEqual(after.map((d) => d.code).sort(), ['joined', 'split']);
    await client.close(uri);
  });

  it('fixes all findings of an HTML document and leaves the markup alone', async () => {
    const uri = ws.uri('fix.html');
    await client.open(uri, 'html', PAGE);
    await client.diagnosticsOf(uri, (d) => d.length === 3);
    const edit = (await client.connection.sendRequest('termlint/fixAll', { textDocument: { uri } })) as WorkspaceEdit;
    await client.applyEdit(edit);
    const lines = client.doc(uri).getText().split('\n');
    assert.equal(lines[3], '  <p>The <em>productivity forces</em> of Guang&shy;dong grow.</p>');
    assert.equal(lines[4], '  <p>We want high-quality development. <code>prodforces</code></p>');
    assert.equal(lines[5], '  <img src="chart.png" alt="Guangdong in numbers">');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(uri);
  });

  it('workspace lint finds .htm files, and no longer claims formats it cannot read', async () => {
    const result = (await client.connection.sendRequest('termlint/lintWorkspace', {})) as { files: number; findings: number };
    assert.deepEqual(result, { files: 1, findings: 1, skipped: 0 });
    const page = await client.pushedFor(ws.uri('site/page.htm'));
    assert.deepEqual(page.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['forbidden', 0, 7]]);
    // Naming a language no format reads (LaTeX) does not make workspace lint read .tex files as plain text.
    await client.changeSettings({ ...NO_BUNDLED, languages: ['markdown', 'plaintext', 'html', 'latex'] });
    assert.deepEqual(await client.connection.sendRequest('termlint/lintWorkspace', {}), { files: 1, findings: 1, skipped: 0 });
  });
});
