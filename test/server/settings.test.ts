import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace, type Mode } from './lspClient';

const TEXT = 'The productive forces and the productivity forces.\nThe productivityforces of Guang dong.\n';

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server settings (${mode})`, () => {
    const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT, 'other/terms/extra.terms.json': JSON.stringify({ terms: [{ term: 'Shenzhen' }] }) });
    let client: TestClient;
    let uri: string;

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root, settings: NO_BUNDLED });
      uri = ws.uri('drafts/settings.md');
      await client.open(uri, 'markdown', TEXT);
      await client.diagnosticsOf(uri, (d) => d.length === 3);
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });
    afterEach(async () => {
      await client.changeSettings(NO_BUNDLED);
      await client.diagnosticsOf(uri, (d) => d.length === 3);
    });

    it('asks for settings per document (scopeUri)', () => {
      assert.ok(client.configurationRequests.all.some((items) => items.includes(uri)));
      assert.ok(client.configurationRequests.all.some((items) => items.includes(ws.uri(''))), 'and per workspace folder');
    });

    it('uses severity per kind (inconsistent defaults to information) and re-lints on change', async () => {
      let ds = await client.diagnosticsOf(uri, (d) => d.length === 3);
      const by = (code: string) => ds.find((d) => d.code === code)!.severity;
      assert.equal(by('inconsistent'), DiagnosticSeverity.Information);
      assert.equal(by('joined'), DiagnosticSeverity.Warning);
      await client.changeSettings({ ...NO_BUNDLED, severity: { joined: 'error', split: 'hint', inconsistent: 'off' } });
      ds = await client.diagnosticsOf(uri, (d) => d.length === 2 && d.some((x) => x.severity === DiagnosticSeverity.Error));
      assert.equal(by('joined'), DiagnosticSeverity.Error);
      assert.equal(by('split'), DiagnosticSeverity.Hint);
      assert.equal(ds.find((d) => d.code === 'inconsistent'), undefined);
    });

    it('can switch off consistency checks and the whole linter', async () => {
      await client.changeSettings({ ...NO_BUNDLED, consistency: { enabled: false } });
      let ds = await client.diagnosticsOf(uri, (d) => d.length === 2);
      assert.deepEqual(ds.map((d) => d.code).sort(), ['joined', 'split']);
      await client.changeSettings({ ...NO_BUNDLED, enable: false });
      ds = await client.diagnosticsOf(uri, (d) => d.length === 0);
      assert.deepEqual(ds, []);
    });

    it('skips excluded files and other languages', async () => {
      await client.changeSettings({ ...NO_BUNDLED, exclude: ['drafts/**'] });
      await client.diagnosticsOf(uri, (d) => d.length === 0);
      await client.changeSettings({ ...NO_BUNDLED, languages: ['plaintext'] });
      await client.diagnosticsOf(uri, (d) => d.length === 0);
    });

    it('does not lint documents over maxFileSize, and says so once', async () => {
      await client.changeSettings({ ...NO_BUNDLED, maxFileSize: 40 });
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 1 && d[0]!.code === 'file-too-large');
      assert.equal(ds[0]!.severity, DiagnosticSeverity.Information);
      assert.deepEqual(ds[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(ds[0]!.message as string, /larger than termlint\.maxFileSize \(40 bytes\)/);
    });

    it('reads term files from the termFiles globs', async () => {
      const doc = ws.uri('drafts/shenzhen.md');
      await client.open(doc, 'markdown', 'Shenzen is in Guang dong.\n');
      await client.diagnosticsOf(doc, (d) => d.length === 2);
      await client.changeSettings({ ...NO_BUNDLED, termFiles: ['glossary.terms.json'] });
      const ds = await client.diagnosticsOf(doc, (d) => d.length === 1);
      assert.equal(ds[0]!.code, 'split');
      // Opening a *.terms.json the globs leave out does not make it a term list.
      const extra = ws.uri('other/terms/extra.terms.json');
      await client.open(extra, 'json', JSON.stringify({ terms: [{ term: 'Shenzhen' }] }));
      const listed = (await client.connection.sendRequest('termlint/termFiles', {})) as { files: { uri: string }[] };
      assert.deepEqual(listed.files.filter((f) => !f.uri.includes('/terms/guangdong')).map((f) => f.uri), [ws.uri('glossary.terms.json')]);
      await client.close(extra);
      await client.close(doc);
    });

    it('falls back to defaults for malformed values', async () => {
      await client.changeSettings({ ...NO_BUNDLED, severity: { joined: 'loud' }, maxFileSize: -3, languages: 'markdown', exclude: [42] });
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 3);
      assert.equal(ds.find((d) => d.code === 'joined')!.severity, DiagnosticSeverity.Warning);
    });
  });
}

describe('server settings without workspace/configuration (older clients)', () => {
  const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT });
  let client: TestClient;
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('takes the termlint section from didChangeConfiguration', async () => {
    client = await TestClient.start({ mode: 'push', workspace: ws.root, configuration: false });
    const uri = ws.uri('old-client.md');
    await client.open(uri, 'markdown', TEXT);
    await client.diagnosticsOf(uri, (d) => d.length === 3);
    await client.changeSettings({ ...NO_BUNDLED, severity: { joined: 'error' }, consistency: false });
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 2 && d.some((x) => x.severity === DiagnosticSeverity.Error));
    assert.deepEqual(ds.map((d) => d.code).sort(), ['joined', 'split']);
    assert.equal(client.configurationRequests.all.length, 0);
  });
});
