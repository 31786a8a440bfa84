import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS, TERMS_TEXT, lineOf } from './fixtures';
import { SERVER, TestClient, fileUri, makeWorkspace, type Mode } from './lspClient';

const BROKEN = TERMS_TEXT.replace('"term": "Guangdong"', '"term": 42');

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server term lists (${mode})`, () => {
    const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT });
    const termsUri = ws.uri('glossary.terms.json');
    let client: TestClient;

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root, settings: NO_BUNDLED });
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });
    afterEach(async () => {
      ws.write('glossary.terms.json', TERMS_TEXT);
      await client.watchedFileChanged(termsUri);
    });

    it('registers file watchers for term files', async () => {
      // The term lists' own registration (the project configuration registers one of its own).
      const globs = await client.watchedGlobs((g) => g.includes('**/*.terms.json'));
      assert.ok(globs.includes('**/*.terms.json'), globs.join());
      assert.ok(globs.includes('**/.vscode/termlint.terms.json'), globs.join());
    });

    it('re-lints open documents when a term file changes on disk', async () => {
      const uri = ws.uri('watch.md');
      await client.open(uri, 'markdown', 'We met in Kwangtung.\n');
      await client.diagnosticsOf(uri, (d) => d.length === 0);
      const more = { ...TERMS, terms: TERMS.terms.map((t) => (t.term === 'Guangdong' ? { ...t, forbidden: ['Kwangtung'] } : t)) };
      ws.write('glossary.terms.json', JSON.stringify(more, null, 2));
      await client.watchedFileChanged(termsUri);
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
      assert.equal(ds[0]!.code, 'forbidden');
      assert.equal(ds[0]!.message, '"Kwangtung" should be "Guangdong" (forbidden form)');
      await client.close(uri);
    });

    it('follows unsaved edits of an open term file', async () => {
      const uri = ws.uri('live.md');
      await client.open(uri, 'markdown', 'Visit Shenzen soon.\n');
      await client.diagnosticsOf(uri, (d) => d.length === 0);
      await client.open(termsUri, 'json', TERMS_TEXT);
      await client.replace(termsUri, '{ "term": "high-quality development" }'.replace('{ ', '{\n      ').replace(' }', '\n    }'), '{\n      "term": "high-quality development"\n    },\n    {\n      "term": "Shenzhen"\n    }');
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
      assert.equal(ds[0]!.code, 'misspelling');
      // Closing without saving goes back to the file on disk.
      await client.close(termsUri);
      await client.diagnosticsOf(uri, (d) => d.length === 0);
      await client.close(uri);
    });

    it('reports an invalid term file at the exact position and keeps the last good list', async () => {
      const uri = ws.uri('keep.md');
      await client.open(uri, 'markdown', 'Guang dong and productivityforces.\n');
      await client.diagnosticsOf(uri, (d) => d.length === 2);
      ws.write('glossary.terms.json', BROKEN);
      await client.watchedFileChanged(termsUri);
      const at = BROKEN.indexOf('42');
      const line = BROKEN.slice(0, at).split('\n').length - 1;
      const character = at - BROKEN.lastIndexOf('\n', at - 1) - 1;
      const problems = await client.pushedFor(termsUri, (d) => d.some((x) => x.range.start.line === line));
      const p = problems.find((d) => d.range.start.line === line)!;
      assert.ok(p, JSON.stringify(problems));
      assert.deepEqual(p.range, { start: { line, character }, end: { line, character: character + 2 } });
      assert.equal(p.severity, DiagnosticSeverity.Error);
      assert.equal(p.source, 'termlint');
      // The draft is still checked against the last good list.
      await client.replace(uri, 'Guang dong', 'Guang  dong');
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 2);
      assert.deepEqual(ds.map((d) => d.code).sort(), ['joined', 'split']);
      // Fixing the file clears its problems.
      ws.write('glossary.terms.json', TERMS_TEXT);
      await client.watchedFileChanged(termsUri);
      assert.deepEqual(await client.pushedFor(termsUri, (d) => d.length === 0), []);
      await client.close(uri);
    });

    it('reports problems of an open term file as its own diagnostics', async () => {
      await client.open(termsUri, 'json', TERMS_TEXT);
      await client.diagnosticsOf(termsUri, (d) => d.length === 0);
      await client.replace(termsUri, '"term": "Guangdong"', '"term": 42');
      const ds = await client.diagnosticsOf(termsUri, (d) => d.length > 0);
      assert.ok(ds.every((d) => d.source === 'termlint' && d.code === 'term-file'));
      await client.close(termsUri);
    });

    it('shows a hover card for any occurrence of a term', async () => {
      const uri = ws.uri('hover.md');
      const text = 'The productive forces and the productivity forces and prodforces.\n';
      await client.open(uri, 'markdown', text);
      await client.diagnosticsOf(uri, (d) => d.length === 2);
      const correct = await client.hover(uri, { line: 0, character: text.indexOf('productivity forces') + 3 });
      const value = (correct?.contents as MarkupContent).value;
      assert.equal((correct?.contents as MarkupContent).kind, 'markdown');
      // One compact paragraph: forms (the one written here marked), other languages, note, where it comes from.
      const line = lineOf(TERMS_TEXT, '"term": "productivity forces"');
      assert.deepEqual(value.split('  \n'), [
        '**productivity forces** ✓ · admitted `productive forces` · forbidden `prodforces`',
        '生产力 (zh-Hans)',
        'Keep one form per document.',
        `*[glossary.terms.json:${line}](${termsUri}#L${line} "Test glossary") · Test glossary*`,
      ]);
      assert.deepEqual(correct?.range, { start: { line: 0, character: 30 }, end: { line: 0, character: 49 } });
      // Here the admitted form is flagged (the document mixes forms): no ✓. Alone, it is marked as the form used.
      const mixed = await client.hover(uri, { line: 0, character: text.indexOf('productive forces') + 2 });
      assert.match((mixed?.contents as MarkupContent).value, /^\*\*productivity forces\*\* · admitted `productive forces` · forbidden/);
      const alone = ws.uri('hover-admitted.md');
      await client.open(alone, 'markdown', 'The productive forces grow.\n');
      await client.diagnosticsOf(alone, (d) => d.length === 0);
      const admitted = await client.hover(alone, { line: 0, character: 6 });
      assert.match((admitted?.contents as MarkupContent).value, /^\*\*productivity forces\*\* · admitted `productive forces` ✓ · forbidden/);
      await client.close(alone);
      const flagged = await client.hover(uri, { line: 0, character: text.indexOf('prodforces') });
      const card = (flagged?.contents as MarkupContent).value;
      // The diagnostic's message is right above the card in the editor: not repeated in it.
      assert.doesNotMatch(card, /should be/);
      assert.match(card, /^\*\*productivity forces\*\* · admitted `productive forces` · forbidden `prodforces`  \n/);
      assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
      await client.close(uri);
    });
  });
}

describe('server bundled term list', () => {
  const ws = makeWorkspace({ 'draft.md': 'Trade through Kwangtung.\n' });
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ workspace: ws.root });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('uses the shipped list, and its hover card links to the entry, with the list\'s long source cut to one line', async () => {
    const uri = ws.uri('draft.md');
    await client.open(uri, 'markdown', 'Trade through Kwangtung.\n');
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
    const bundled = fileUri(path.join(path.dirname(SERVER), '..', 'terms', 'guangdong.terms.json'));
    const card = ((await client.hover(uri, ds[0]!.range.start))?.contents as MarkupContent).value;
    assert.match(card, new RegExp(`\\[guangdong\\.terms\\.json:\\d+\\]\\(${bundled.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L\\d+ "Yangcheng Evening News, interview`));
    const shown = card.split('  \n').at(-1)!.replace(/^.*\) · /, '');
    assert.equal(shown, 'Yangcheng Evening News, interview with Jiang Yuhao (IPP…*');
    await client.changeSettings({ useBundledTerms: false });
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(uri);
  });
});
