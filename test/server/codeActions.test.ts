import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { FileChangeType, TestClient, makeWorkspace } from './lspClient';

const DRAFT = ['# Draft', '', 'The productivityforces of Guang dong grow.', 'We want high quality development.', ''].join('\n');
const FIXED = ['# Draft', '', 'The productivity forces of Guangdong grow.', 'We want high-quality development.', ''].join('\n');

function whole(uri: string, client: TestClient) {
  const doc = client.doc(uri);
  return { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
}

describe('server code actions', () => {
  const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  async function openDraft(name: string, text = DRAFT, count = 3): Promise<{ uri: string; ds: Diagnostic[] }> {
    const uri = ws.uri(name);
    await client.open(uri, 'markdown', text);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === count);
    return { uri, ds };
  }

  it('offers one quick fix per replacement, the first preferred, with a direct edit', async () => {
    const { uri, ds } = await openDraft('quickfix.md');
    const joined = ds.find((d) => d.code === 'joined')!;
    const actions = await client.codeActions(uri, joined.range, [joined], ['quickfix']);
    const fixes = actions.filter((a) => a.title.startsWith('Replace'));
    assert.equal(fixes.length, 1);
    const fix = fixes[0]!;
    assert.equal(fix.title, 'Replace "productivityforces" with "productivity forces"');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [joined]);
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: { line: 2, character: 16 }, end: { line: 2, character: 16 } }, newText: ' ' }]);
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.termlint'), 'context.only = quickfix excludes fix-all');
    await client.applyEdit(fix.edit!);
    const after = await client.diagnosticsOf(uri, (d) => d.length === 2);
    assert.deepEqual(after.map((d) => d.code).sort(), ['hyphen', 'split']);
    await client.close(uri);
  });

  it('finds the fixes in the current text even after edits above moved it (the diagnostic carries only an id)', async () => {
    const { uri, ds } = await openDraft('moved.md');
    const split = ds.find((d) => d.code === 'split')!;
    assert.deepEqual(split.data, { termId: 'Guangdong' });
    // The user types on the first line; the client keeps the diagnostic where it was.
    await client.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: ' v2' }]);
    const actions = await client.codeActions(uri, split.range, [split], ['quickfix']);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Replace "Guang dong" with "Guangdong"');
    await client.applyEdit(fix.edit!);
    assert.ok(client.doc(uri).getText().includes('of Guangdong grow'));
    // Lines inserted above: the client moves the diagnostic down with its text (VS Code's markers do).
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'A new line.\nAnd another.\n' }]);
    const hyphen = ds.find((d) => d.code === 'hyphen')!;
    const movedDown = { ...hyphen, range: { start: { ...hyphen.range.start, line: hyphen.range.start.line + 2 }, end: { ...hyphen.range.end, line: hyphen.range.end.line + 2 } } };
    const hyphenFix = (await client.codeActions(uri, movedDown.range, [movedDown], ['quickfix'])).find((a) => a.isPreferred)!;
    await client.applyEdit(hyphenFix.edit!);
    assert.ok(client.doc(uri).getText().includes('We want high-quality development.'));
    // A diagnostic whose text is gone, one of another term, and one of another kind over the same span get no fix.
    const joined = ds.find((d) => d.code === 'joined')!;
    const stale = [
      { ...hyphen, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } } },
      { ...joined, data: { termId: 'Guangdong' } },
      { ...joined, code: 'split' },
    ];
    for (const d of stale) assert.deepEqual(await client.codeActions(uri, d.range, [d], ['quickfix']), [], JSON.stringify(d));
    await client.close(uri);
  });

  it('ignores diagnostics that are not its own', async () => {
    const { uri } = await openDraft('foreign.md');
    const foreign: Diagnostic = { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } }, message: 'x', source: 'cspell', data: { termId: 'x', kind: 'joined', found: 'productivityforces', offset: 13, replacements: [] } };
    assert.deepEqual(await client.codeActions(uri, foreign.range, [foreign]), []);
    await client.close(uri);
  });

  it('fixes everything with source.fixAll.termlint as one versioned documentChanges edit', async () => {
    const { uri } = await openDraft('fixall.md');
    const actions = await client.codeActions(uri, whole(uri, client), [], ['source.fixAll.termlint']);
    assert.equal(actions.length, 1);
    const action = actions[0]!;
    assert.equal(action.kind, 'source.fixAll.termlint');
    assert.equal(action.title, 'Fix all Termlint problems in this file');
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: client.doc(uri).version });
    // Minimal, non-overlapping edits.
    assert.equal(change.edits.length, 3);
    await client.applyEdit(action.edit!);
    assert.equal(client.doc(uri).getText(), FIXED);
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    // Nothing left to fix: no action.
    assert.deepEqual(await client.codeActions(uri, whole(uri, client), [], ['source.fixAll.termlint']), []);
    await client.close(uri);
  });

  it('honours context.only for fix-all: source and source.fixAll include it, refactor does not', async () => {
    const { uri } = await openDraft('only.md');
    for (const only of [['source'], ['source.fixAll']]) {
      const actions = await client.codeActions(uri, whole(uri, client), [], only);
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.termlint'], `only=${only.join()}`);
    }
    assert.deepEqual(await client.codeActions(uri, whole(uri, client), [], ['refactor']), []);
    await client.close(uri);
  });

  it('answers the termlint/fixAll request with the same edit', async () => {
    const { uri } = await openDraft('fixall-request.md');
    const edit = await client.connection.sendRequest('termlint/fixAll', { textDocument: { uri } });
    await client.applyEdit(edit as never);
    assert.equal(client.doc(uri).getText(), FIXED);
    await client.close(uri);
  });

  it('disables Termlint for a Markdown line with a directive above it', async () => {
    const { uri, ds } = await openDraft('disable.md');
    const hyphen = ds.find((d) => d.code === 'hyphen')!;
    const action = (await client.codeActions(uri, hyphen.range, [hyphen], ['quickfix'])).find((a) => a.title === 'Disable Termlint for this line')!;
    await client.applyEdit(action.edit!);
    assert.equal(client.doc(uri).getText().split('\n')[3], '<!-- termlint-disable-next-line -->');
    const after = await client.diagnosticsOf(uri, (d) => d.length === 2);
    assert.deepEqual(after.map((d) => d.code).sort(), ['joined', 'split']);
    await client.close(uri);
  });

  it('disables Termlint for a plain-text line with a trailing marker', async () => {
    const uri = ws.uri('disable.txt');
    await client.open(uri, 'plaintext', 'One Guang dong.\nTwo Guang dong.\n');
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 2);
    const action = (await client.codeActions(uri, ds[0]!.range, [ds[0]!], ['quickfix'])).find((a) => a.title === 'Disable Termlint for this line')!;
    await client.applyEdit(action.edit!);
    assert.equal(client.doc(uri).getText(), 'One Guang dong. termlint-disable-line\nTwo Guang dong.\n');
    const after = await client.diagnosticsOf(uri, (d) => d.length === 1);
    assert.equal(after[0]!.range.start.line, 1);
    await client.close(uri);
  });

  it('adds the found form to the workspace term list as admitted, and the finding goes away', async () => {
    const { uri, ds } = await openDraft('admit.md');
    const split = ds.find((d) => d.code === 'split')!;
    const actions = await client.codeActions(uri, split.range, [split], ['quickfix']);
    const admit = actions.find((a) => a.title === 'Add "Guang dong" to the term list as admitted')!;
    assert.ok(admit, actions.map((a) => a.title).join('\n'));
    await client.applyEdit(admit.edit!);
    const termsPath = path.join(ws.root, 'glossary.terms.json');
    const written = JSON.parse(fs.readFileSync(termsPath, 'utf8')) as { terms: { term: string; admitted?: string[] }[] };
    assert.deepEqual(written.terms.find((t) => t.term === 'Guangdong')?.admitted, ['Guang dong']);
    await client.watchedFileChanged(ws.uri('glossary.terms.json'));
    const after = await client.diagnosticsOf(uri, (d) => !d.some((x) => x.code === 'split'));
    assert.deepEqual(after.map((d) => d.code).sort(), ['hyphen', 'joined']);
    fs.writeFileSync(termsPath, TERMS_TEXT);
    await client.watchedFileChanged(ws.uri('glossary.terms.json'));
    await client.close(uri);
  });

  it('ignores a word in this workspace by creating .vscode/termlint.terms.json', async () => {
    const { uri, ds } = await openDraft('ignore.md');
    const hyphen = ds.find((d) => d.code === 'hyphen')!;
    const actions: CodeAction[] = await client.codeActions(uri, hyphen.range, [hyphen], ['quickfix']);
    const ignore = actions.find((a) => a.title === 'Ignore "high quality development" in this workspace')!;
    assert.ok(ignore, actions.map((a) => a.title).join('\n'));
    const wsFile = ws.uri('.vscode/termlint.terms.json');
    assert.deepEqual((ignore.edit!.documentChanges![0] as { kind: string; uri: string }).uri, wsFile);
    await client.applyEdit(ignore.edit!);
    const created = JSON.parse(fs.readFileSync(path.join(ws.root, '.vscode/termlint.terms.json'), 'utf8')) as { ignore: string[]; terms: unknown[] };
    assert.deepEqual(created.ignore, ['high quality development']);
    assert.deepEqual(created.terms, []);
    await client.watchedFileChanged(wsFile, FileChangeType.Created);
    const after = await client.diagnosticsOf(uri, (d) => d.length === 2);
    assert.deepEqual(after.map((d) => d.code).sort(), ['joined', 'split']);

    // A second ignore edits the existing file instead of creating it again.
    const joined = after.find((d) => d.code === 'joined')!;
    const second = (await client.codeActions(uri, joined.range, [joined], ['quickfix'])).find((a) => a.title.startsWith('Ignore'))!;
    assert.equal((second.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, null);
    await client.applyEdit(second.edit!);
    const updated = JSON.parse(fs.readFileSync(path.join(ws.root, '.vscode/termlint.terms.json'), 'utf8')) as { ignore: string[] };
    assert.deepEqual(updated.ignore, ['high quality development', 'productivityforces']);
    await client.watchedFileChanged(wsFile);
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    fs.rmSync(path.join(ws.root, '.vscode'), { recursive: true });
    await client.watchedFileChanged(wsFile, FileChangeType.Deleted);
    await client.diagnosticsOf(uri, (d) => d.length === 3);
    await client.close(uri);
  });
});
