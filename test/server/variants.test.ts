/**
 * Consistency without a list in the language server, over a real JSON-RPC connection: with no term list at all
 * (no shipped list, no term file) a draft still gets its variant and abbreviation diagnostics, at information and
 * hint severity, with quick fixes, fix-all, "Add to the term list", "Ignore in this workspace", a hover with the
 * counts, and settings that switch each check off.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { NO_BUNDLED } from './fixtures';
import { FileChangeType, TestClient, makeWorkspace } from './lspClient';

const DRAFT = [
  '# Port notes',
  '',
  'Cross-border trade grew. The cross-border rules and cross-border data matter,',
  'but cross border flows lag. The Harbour Data Office (HDO) opened.',
  '',
].join('\n');

function whole(uri: string, client: TestClient) {
  const doc = client.doc(uri);
  return { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
}

describe('server: consistency without a list', () => {
  const ws = makeWorkspace({ 'notes.txt': 'nothing here\n' });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  async function openDraft(name: string, count = 2): Promise<{ uri: string; ds: Diagnostic[] }> {
    const uri = ws.uri(name);
    await client.open(uri, 'markdown', DRAFT);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === count);
    return { uri, ds };
  }

  it('reports variants and abbreviations with no term list at all, at their own severities', async () => {
    const { uri, ds } = await openDraft('plain.md');
    const variant = ds.find((d) => d.code === 'variant')!;
    assert.equal(variant.source, 'termlint');
    assert.equal(variant.severity, DiagnosticSeverity.Information);
    assert.deepEqual(variant.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 16 } });
    assert.equal(variant.message, '"cross border" should be "cross-border" (variant: this document writes "cross-border" 3 times and "cross border" once)');
    assert.deepEqual(variant.relatedInformation, [
      { location: { uri, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } } }, message: '"cross-border" is written here first (3 times in all)' },
    ]);
    const unused = ds.find((d) => d.code === 'unused-abbreviation')!;
    assert.equal(unused.severity, DiagnosticSeverity.Hint);
    await client.close(uri);
  });

  it('fixes a variant with its quick fix, and everything with source.fixAll.termlint', async () => {
    const { uri, ds } = await openDraft('fix.md');
    const variant = ds.find((d) => d.code === 'variant')!;
    const actions = await client.codeActions(uri, variant.range, [variant], ['quickfix']);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Replace "cross border" with "cross-border"');
    await client.applyEdit(fix.edit!);
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    const all = await client.codeActions(uri, whole(uri, client), [], ['source.fixAll.termlint']);
    assert.equal(all.length, 1);
    await client.applyEdit(all[0]!.edit!);
    assert.ok(client.doc(uri).getText().includes('The Harbour Data Office opened.'));
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(uri);
  });

  it('shows the forms and their counts on hover', async () => {
    const { uri, ds } = await openDraft('hover.md');
    const variant = ds.find((d) => d.code === 'variant')!;
    const hover = await client.hover(uri, { line: 3, character: 8 });
    assert.ok(hover);
    const value = (hover.contents as { value: string }).value;
    // A compact card, one line each: the forms with their counts, then what the entry would be.
    const lines = value.split('  \n');
    assert.equal(lines[0], '**cross-border** 3 times (preferred) · `cross border` once');
    assert.match(lines[1]!, /^variant: no term list covers it; "Add to the term list" makes `cross-border` a term/);
    assert.deepEqual(hover.range, variant.range);
    await client.close(uri);
  });

  it('adds a variant to the term list as an entry: the preferred form approved, the other forbidden', async () => {
    const { uri, ds } = await openDraft('entry.md');
    const variant = ds.find((d) => d.code === 'variant')!;
    const actions = await client.codeActions(uri, variant.range, [variant], ['quickfix']);
    const add = actions.find((a) => a.title === 'Add "cross-border" to the term list (forbidding "cross border")');
    assert.ok(add, actions.map((a) => a.title).join('\n'));
    await client.applyEdit(add.edit!);
    const file = path.join(ws.root, '.vscode', 'termlint.terms.json');
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { terms: unknown[] };
    assert.deepEqual(written.terms, [{ term: 'cross-border', forbidden: ['cross border'] }]);
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Created);
    // The term list covers it now: its own kind applies, and the variant is gone.
    const after = await client.diagnosticsOf(uri, (d) => d.some((x) => x.code === 'forbidden'));
    assert.deepEqual(after.map((d) => d.code).sort(), ['forbidden', 'unused-abbreviation']);
    fs.rmSync(path.join(ws.root, '.vscode'), { recursive: true });
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Deleted);
    await client.diagnosticsOf(uri, (d) => d.some((x) => x.code === 'variant'));
    await client.close(uri);
  });

  it('ignores a variant form and an abbreviation in this workspace', async () => {
    const { uri, ds } = await openDraft('ignore.md');
    const variant = ds.find((d) => d.code === 'variant')!;
    const ignore = (await client.codeActions(uri, variant.range, [variant], ['quickfix'])).find((a) => a.title === 'Ignore "cross border" in this workspace')!;
    assert.ok(ignore);
    await client.applyEdit(ignore.edit!);
    const wsFile = ws.uri('.vscode/termlint.terms.json');
    await client.watchedFileChanged(wsFile, FileChangeType.Created);
    const after = await client.diagnosticsOf(uri, (d) => d.length === 1);
    const unused = after[0]!;
    assert.equal(unused.code, 'unused-abbreviation');
    const second = (await client.codeActions(uri, unused.range, [unused], ['quickfix'])).find((a) => a.title === 'Ignore "HDO" in this workspace')!;
    assert.ok(second);
    assert.equal((second.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, null);
    await client.applyEdit(second.edit!);
    await client.watchedFileChanged(wsFile);
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    const written = JSON.parse(fs.readFileSync(path.join(ws.root, '.vscode', 'termlint.terms.json'), 'utf8')) as { ignore: string[] };
    assert.deepEqual(written.ignore, ['cross border', 'HDO']);
    fs.rmSync(path.join(ws.root, '.vscode'), { recursive: true });
    await client.watchedFileChanged(wsFile, FileChangeType.Deleted);
    await client.diagnosticsOf(uri, (d) => d.length === 2);
    await client.close(uri);
  });

  it('switches each check off by setting, and back on', async () => {
    const { uri } = await openDraft('settings.md');
    await client.changeSettings({ ...NO_BUNDLED, variants: { scope: 'off' } });
    let ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
    assert.equal(ds[0]!.code, 'unused-abbreviation');
    await client.changeSettings({ ...NO_BUNDLED, abbreviations: { enabled: false } });
    ds = await client.diagnosticsOf(uri, (d) => d.length === 1 && d[0]!.code === 'variant');
    await client.changeSettings({ ...NO_BUNDLED, variants: { hyphenation: false } });
    ds = await client.diagnosticsOf(uri, (d) => d.length === 1 && d[0]!.code === 'unused-abbreviation');
    await client.changeSettings({ ...NO_BUNDLED, severity: { variant: 'warning', 'unused-abbreviation': 'off' } });
    ds = await client.diagnosticsOf(uri, (d) => d.length === 1 && d[0]!.code === 'variant');
    assert.equal(ds[0]!.severity, DiagnosticSeverity.Warning);
    await client.changeSettings(NO_BUNDLED);
    await client.diagnosticsOf(uri, (d) => d.length === 2);
    await client.close(uri);
  });
});

describe('server: variants counted across the workspace (termlint.variants.scope workspace)', () => {
  const ws = makeWorkspace({
    'a.md': '# A\n\nCross-border trade and cross-border rules.\n',
    'b.md': '# B\n\nThe cross-border data.\n',
    'c.txt': 'Then cross border flows.\n',
  });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: { ...NO_BUNDLED, variants: { scope: 'workspace' } } });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('"Lint workspace" reports a form one file writes against the others, open documents included until edited', async () => {
    const open = ws.uri('c.txt');
    await client.open(open, 'plaintext', 'Then cross border flows.\n');
    assert.deepEqual(await client.diagnosticsOf(open), [], 'alone, the document is consistent');
    // The counts hold for the term lists they were made with: a run that raced the server's first loading of the
    // lists is stale at once, and the next run is not (each try is a request and its answer, no waiting).
    let d: Diagnostic | undefined;
    for (let attempt = 0; attempt < 10 && !d; attempt++) {
      const result = await client.connection.sendRequest('termlint/lintWorkspace', {});
      assert.deepEqual(result, { files: 3, findings: 1, skipped: 0 });
      const report = await client.pull(open);
      d = report.kind === 'full' && report.items.length === 1 ? report.items[0] : undefined;
    }
    assert.ok(d, 'the open document shows the variant counted across the workspace');
    assert.equal(d!.code, 'variant');
    assert.equal(d!.message, '"cross border" should be "cross-border" (variant: the workspace writes "cross-border" 3 times and "cross border" once)');
    for (const rel of ['a.md', 'b.md']) assert.ok(!client.diagnostics.all.some((p) => p.uri === ws.uri(rel) && p.diagnostics.length > 0), rel);
    // Edited, it is compared with itself again.
    await client.replace(open, 'Then', 'Now');
    await client.diagnosticsOf(open, (ds) => ds.length === 0);
    await client.close(open);
  });

  it('fixes the workspace as the report counts it', async () => {
    await client.close(ws.uri('c.txt')); // whatever the test before left open
    const edit = (await client.connection.sendRequest('termlint/fixAllWorkspace', {})) as { documentChanges: TextDocumentEdit[] };
    assert.deepEqual(
      edit.documentChanges.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.map((e) => ('newText' in e ? e.newText : ''))]),
      [[ws.uri('c.txt'), null, ['-']]],
    );
  });
});
