/**
 * `termlint/termUsage` over a real JSON-RPC connection: the report of an open document counts exactly its
 * diagnostics, follows unsaved edits and the severity settings; the workspace report covers every file
 * workspace lint checks, open ones as they read in the editor, and says which it could not check.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { TermUsageReport } from '../../server/src/report/model';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

const DRAFT = '# Plan\n\nGuang dong and Guangdong.\nThe prodforces of high quality development.\n\nProductive forces and productivity forces.\n';

function sameFindings(report: TermUsageReport, diagnostics: Diagnostic[]): void {
  assert.equal(report.totals.findings, diagnostics.length);
  for (const t of report.terms) {
    const own = diagnostics.filter((d) => (d.data as { termId: string }).termId === t.term);
    assert.equal(t.findings, own.length, t.term);
    for (const [kind, n] of Object.entries(t.byKind)) assert.equal(n, own.filter((d) => d.code === kind).length, `${t.term} ${kind}`);
  }
}

describe('server term-usage report', () => {
  const ws = makeWorkspace({
    'glossary.terms.json': TERMS_TEXT,
    'a.md': '# A\n\nGuang dong grows.\n',
    'notes/b.txt': 'The prodforces. Guangdong.\n',
    'latin1.md': '',
    'big.md': 'Guangdong. '.repeat(200),
  });
  let client: TestClient;

  before(async () => {
    fs.writeFileSync(path.join(ws.root, 'latin1.md'), Buffer.from([0x47, 0xe9, 0x0a]));
    client = await TestClient.start({ workspace: ws.root, settings: { ...NO_BUNDLED, maxFileSize: 1000 } });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it("reports an open document from the diagnostics' own lint results, unsaved edits included", async () => {
    const uri = ws.uri('draft.md');
    await client.open(uri, 'markdown', DRAFT);
    const diagnostics = await client.diagnosticsOf(uri, (d) => d.length > 0);
    const report = await client.connection.sendRequest<TermUsageReport>('termlint/termUsage', { textDocument: { uri } });
    sameFindings(report, diagnostics);
    assert.deepEqual(report.files.map((f) => [f.file, f.uri, f.uses, f.findings]), [['draft.md', uri, 6, 4]]);
    const guangdong = report.terms.find((t) => t.term === 'Guangdong')!;
    assert.deepEqual(guangdong.forms.map((f) => [f.form, f.uses, f.locations.map((l) => [l.line, l.column])]), [['Guangdong', 1, [[3, 16]]]]);
    assert.deepEqual(guangdong.variants.map((v) => [v.found, v.kind, v.fix, v.locations.map((l) => [l.line, l.column, l.endLine, l.endColumn])]), [['Guang dong', 'split', 'Guangdong', [[3, 1, 3, 11]]]]);
    assert.deepEqual(guangdong.languages, [{ lang: 'zh-Hans', text: '广东' }]);
    assert.equal(guangdong.list, 'glossary.terms.json');
    assert.deepEqual(report.termLists, [{ file: 'glossary.terms.json', title: 'Test terms', terms: 3 }]);

    await client.replace(uri, 'Guang dong', 'Guangdong');
    const after = await client.diagnosticsOf(uri, (d) => d.length === diagnostics.length - 1);
    const edited = await client.connection.sendRequest<TermUsageReport>('termlint/termUsage', { textDocument: { uri } });
    sameFindings(edited, after);
    assert.deepEqual(edited.terms.find((t) => t.term === 'Guangdong')!.forms[0]!.uses, 2);
    await client.close(uri);
  });

  it('leaves out the kinds whose severity is off, as the diagnostics do, but still counts those uses', async () => {
    const uri = ws.uri('off.md');
    await client.changeSettings({ ...NO_BUNDLED, maxFileSize: 1000, severity: { split: 'off' } });
    try {
      await client.open(uri, 'markdown', 'Guang dong and Guangdong.\n');
      const diagnostics = await client.diagnosticsOf(uri);
      assert.deepEqual(diagnostics, []);
      const report = await client.connection.sendRequest<TermUsageReport>('termlint/termUsage', { textDocument: { uri } });
      assert.equal(report.totals.findings, 0);
      assert.equal(report.totals.uses, 2);
      assert.deepEqual(report.terms[0]!.variants.map((v) => [v.found, v.kind, v.reported]), [['Guang dong', 'split', false]]);
      assert.ok(!report.options.kinds.includes('split'));
      await client.close(uri);
    } finally {
      await client.changeSettings({ ...NO_BUNDLED, maxFileSize: 1000 });
    }
  });

  it('reports the workspace: every file workspace lint checks, open ones as edited, and the ones it could not check', async () => {
    const open = ws.uri('notes/b.txt');
    await client.open(open, 'plaintext', 'The prodforces. Guangdong. Guang dong.\n');
    const openDiagnostics = await client.diagnosticsOf(open, (d) => d.length === 2);
    const token = 'report-1';
    const report = await client.connection.sendRequest<TermUsageReport>('termlint/termUsage', { workDoneToken: token });
    assert.deepEqual(report.files.map((f) => [f.file, f.findings]), [['a.md', 1], ['notes/b.txt', openDiagnostics.length]]);
    assert.deepEqual(report.skipped, [
      { file: 'big.md', reason: 'larger than termlint.maxFileSize' },
      { file: 'latin1.md', reason: 'not readable as UTF-8 text' },
    ]);
    const lint = await client.connection.sendRequest<{ findings: number }>('termlint/lintWorkspace', {});
    assert.equal(report.totals.findings, lint.findings);
    assert.equal(report.totals.files, 2);
    const guangdong = report.terms.find((t) => t.term === 'Guangdong')!;
    assert.deepEqual(guangdong.files, [
      { file: 'a.md', uses: 1, findings: 1 },
      { file: 'notes/b.txt', uses: 2, findings: 1 },
    ]);
    const kinds = client.progress.all.filter((p) => (p as { token: string }).token === token).map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    await client.close(open);
  });

  it('renders the report page for a webview with its nonce and CSP source, and refuses values that would widen the CSP', async () => {
    const uri = ws.uri('page.md');
    await client.open(uri, 'markdown', 'Guang dong and Guangdong.\n');
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    const webview = { nonce: 'AbCdEfGhIjKlMnOpQrSt', cspSource: "'self' https://*.vscode-cdn.net" };
    const page = await client.connection.sendRequest<{ report: TermUsageReport; html: string }>('termlint/termReportPage', { textDocument: { uri }, webview });
    assert.equal(page.report.totals.findings, 1);
    assert.match(page.html, /content="default-src 'none'; style-src 'self' https:\/\/\*\.vscode-cdn\.net 'nonce-AbCdEfGhIjKlMnOpQrSt'; script-src 'nonce-AbCdEfGhIjKlMnOpQrSt';/);
    assert.match(page.html, /<a href="#" data-file="page\.md" data-line="1" data-column="1" data-end-line="1" data-end-column="11"/);
    for (const bad of [{ ...webview, nonce: 'short' }, { ...webview, nonce: "x'; script-src *; '" }, { ...webview, cspSource: "* 'unsafe-inline'" }, { ...webview, cspSource: "'self'; script-src *" }, { ...webview, cspSource: 'https://*' }, { nonce: webview.nonce }]) {
      await assert.rejects(client.connection.sendRequest('termlint/termReportPage', { textDocument: { uri }, webview: bad }), /needs webview\.nonce/);
    }
    await client.close(uri);
  });

  it('answers a document that is not open with an error that names it', async () => {
    const uri = ws.uri('nowhere.md');
    await assert.rejects(client.connection.sendRequest('termlint/termUsage', { textDocument: { uri } }), (e: Error) => e.message.includes(uri) && e.message.includes('is not open'));
  });
});
