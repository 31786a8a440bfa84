/**
 * Translation pairs with a Chinese source in the language server: the source (read from the disk, or the editor's
 * text) is linted as Chinese by the Han matcher, so its concepts are its Chinese terms; the translation's
 * diagnostics name them, follow edits of the source and its hover shows the Chinese sentence.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, makeWorkspace } from './lspClient';

const TERMS = JSON.stringify({
  terms: [
    { term: 'Guangzhou', languages: { 'zh-Hans': { approved: '广州' }, 'zh-Hant': { approved: '廣州' } } },
    { term: 'Shenzhen', languages: { 'zh-Hans': { approved: '深圳' } } },
    { term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' } } },
    { term: 'Macao', forbidden: ['Macau'], languages: { 'zh-Hans': { approved: '澳门' }, 'zh-Hant': { approved: '澳門' } } },
  ],
});

const SOURCE = '# 简报\n\n广州与澳门签署协议。深圳建设实验室。\n';
const TARGET = '# Brief\n\nGuangzhou and Macau sign a pact. Shenzhen builds laboratories.\n';

const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const translations = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'translation').map((d) => [d.range.start.line, d.range.start.character, text(d)]);

describe('server: a translation of a Chinese source', () => {
  const ws = makeWorkspace({ 'terms.terms.json': TERMS, 'brief.zh.md': SOURCE, 'brief.en.md': TARGET, 'memo.zh-Hant.md': '廣州與澳門簽約。\n', 'memo.en.md': 'Guangzhou and Macao sign.\n' });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: { useBundledTerms: false } });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('the Chinese source on disk: its terms are what the translation must render', async () => {
    await client.open(ws.uri('brief.en.md'), 'markdown', TARGET);
    const ds = await client.diagnosticsOf(ws.uri('brief.en.md'), (d) => translations(d).length === 1);
    assert.deepEqual(translations(ds), [[2, 14, '"Macau" should be "Macao" (translation of "澳门")']]);
    assert.equal(ds.find((d) => d.code === 'translation')!.relatedInformation?.[0]?.message, 'the source\'s "澳门"');
  });

  it('the hover on a term of the translation shows the Chinese sentence it renders', async () => {
    const hover = await client.hover(ws.uri('brief.en.md'), { line: 2, character: 36 });
    assert.match((hover?.contents as MarkupContent).value, /Source, \[brief\.zh\.md:3\]\([^)]*\): 深圳建设实验室。/);
  });

  it('an edit of the open Chinese source re-lints the translation', async () => {
    const refreshed = client.refreshes.next();
    await client.open(ws.uri('brief.zh.md'), 'markdown', SOURCE);
    await client.replace(ws.uri('brief.zh.md'), '深圳', '横琴');
    await refreshed;
    const ds = await client.diagnosticsOf(ws.uri('brief.en.md'), (d) => translations(d).length === 2);
    assert.deepEqual(translations(ds), [
      [2, 14, '"Macau" should be "Macao" (translation of "澳门")'],
      [2, 33, '"Shenzhen" should be "Hengqin" (translation of "横琴")'],
    ]);
  });

  it('a Traditional source (memo.zh-Hant.md) is matched in its script: a translation that renders it is clean', async () => {
    await client.open(ws.uri('memo.en.md'), 'markdown', 'Guangzhou and Macao sign.\n');
    assert.deepEqual(translations(await client.diagnosticsOf(ws.uri('memo.en.md'))), []);
    await client.replace(ws.uri('memo.en.md'), 'Macao', 'Macau');
    const ds = await client.diagnosticsOf(ws.uri('memo.en.md'), (d) => translations(d).length === 1);
    assert.deepEqual(translations(ds), [[0, 14, '"Macau" should be "Macao" (translation of "澳門")']]);
  });
});
