/**
 * Chinese drafts over a real JSON-RPC connection: the document's language from its name, the
 * `termlint.language` setting and its text; diagnostics of the Chinese kinds with UTF-16 ranges (astral
 * characters before them), a quick fix, fix-all, the hover card with the concept's other languages and the
 * document language, and incremental edits.
 */
import * as assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient, makeWorkspace } from './lspClient';

const TERMS = JSON.stringify({
  terms: [
    { term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' }, 'zh-Hant': { approved: '橫琴' } } },
    { term: 'Qianhai Cooperation Zone', languages: { 'zh-Hans': { approved: '前海合作区', forbidden: ['前海合作园'] }, 'zh-Hant': { approved: '前海合作區' } } },
    { term: 'GDP' },
  ],
});

const DRAFT = '# 简报\n\n𠀋前往橫琴，参观前海合作园和前海合做区。全省ＧＤＰ增长。\n';

describe('server: Chinese drafts', function () {
  this.timeout(20_000);
  const ws = makeWorkspace({ 'zh.terms.json': TERMS });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: { useBundledTerms: false } });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('reads a *.zh.md draft as Chinese: each kind at its UTF-16 range, astral characters counted as two', async () => {
    const uri = ws.uri('brief.zh.md');
    await client.open(uri, 'markdown', DRAFT);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 4);
    assert.deepEqual(
      ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['script', 2, 4, 6],
        ['forbidden', 2, 9, 14],
        ['misspelling', 2, 15, 20],
        ['width', 2, 23, 26],
      ],
    );
    await client.close(uri);
  });

  it('applies a quick fix, and fix-all leaves nothing to fix', async () => {
    const uri = ws.uri('fix.zh.md');
    await client.open(uri, 'markdown', DRAFT);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 4);
    const script = ds.find((d) => d.code === 'script')!;
    const action = (await client.codeActions(uri, script.range, [script], ['quickfix'])).find((a) => a.isPreferred)!;
    assert.equal(action.title, 'Replace "橫琴" with "横琴"');
    await client.applyEdit(action.edit!);
    await client.diagnosticsOf(uri, (d) => d.length === 3);
    const edit = (await client.connection.sendRequest('termlint/fixAll', { textDocument: { uri } })) as WorkspaceEdit;
    await client.applyEdit(edit);
    assert.equal(client.doc(uri).getText(), '# 简报\n\n𠀋前往横琴，参观前海合作区和前海合作区。全省GDP增长。\n');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(uri);
  });

  it('hovers a Chinese use with the concept in its other languages and the document language', async () => {
    const uri = ws.uri('hover.zh-Hant.md');
    await client.open(uri, 'markdown', '前海合作区與橫琴。\n');
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    const hover = await client.hover(uri, { line: 0, character: 1 });
    const text = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /前海合作區/);
    assert.match(text, /Qianhai Cooperation Zone/);
    assert.match(text, /Document language: zh-Hant \(from the file name\)/);
    await client.close(uri);
  });

  it('reads a document as the termlint.language setting says, and detects Chinese from the text', async () => {
    const named = ws.uri('notes.md');
    await client.open(named, 'markdown', '前往橫琴。\n');
    // Detected: mostly Han, and its script-specific characters are Traditional.
    assert.deepEqual((await client.diagnosticsOf(named, (d) => d.length === 0)).length, 0);
    await client.changeSettings({ useBundledTerms: false, language: 'zh-Hans' });
    const ds = await client.diagnosticsOf(named, (d) => d.length === 1);
    assert.equal(ds[0]!.code, 'script');
    await client.changeSettings({ useBundledTerms: false });
    await client.close(named);
  });

  it('keeps its Chinese findings right through incremental edits', async () => {
    const uri = ws.uri('edit.zh.md');
    await client.open(uri, 'markdown', '前往横琴。\n\n参观前海合作区。\n');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, text: '橫' }]);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
    assert.deepEqual([ds[0]!.code, ds[0]!.range.start.character], ['script', 2]);
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '推' }]);
    const after = await client.diagnosticsOf(uri, (d) => d.length === 1);
    assert.equal(after[0]!.range.start.line, 0);
    await client.close(uri);
  });
});
