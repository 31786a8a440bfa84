/**
 * A term-file change while someone types (pull mode): the new lists are compiled in the background and the
 * list in force stays until they are ready, so the document being edited keeps getting answers meanwhile;
 * the open documents are re-linted before the client is asked to pull again, and it is asked only when some
 * document's diagnostics changed.
 */
import * as assert from 'node:assert/strict';
import { NO_BUNDLED } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

/** A list long enough to take many slices to compile: generated place names, and the two the tests use. */
function termsText(extra: object[]): string {
  const syllables = ['guang', 'dong', 'shen', 'zhen', 'nan', 'sha', 'qian', 'hai', 'heng', 'qin', 'zhu', 'fo', 'shan', 'jiang', 'men', 'hui'];
  const terms: object[] = [];
  const seen = new Set<string>();
  for (let i = 0; terms.length < 3000; i++) {
    const name = syllables[i % 16]! + syllables[Math.floor(i / 16) % 16]! + syllables[Math.floor(i / 256) % 16]!;
    const cap = name[0]!.toUpperCase() + name.slice(1);
    if (seen.has(cap)) continue;
    seen.add(cap);
    terms.push({ term: `${cap} Science Park` });
  }
  return JSON.stringify({ terms: [...terms, { term: 'Macao', forbidden: ['Macau'] }, ...extra] }, null, 2);
}

describe('server: a term-file change while typing (pull)', function () {
  this.timeout(60_000);
  const files: Record<string, string> = { 'big.terms.json': termsText([]) };
  for (let i = 0; i < 30; i++) files[`drafts/d${i}.md`] = `# Draft ${i}\n\nVisits to Macau rose. The Qianhai office and Kwangtung province agreed.\n`;
  const ws = makeWorkspace(files);
  const termsUri = ws.uri('big.terms.json');
  const drafts = Array.from({ length: 30 }, (_, i) => ws.uri(`drafts/d${i}.md`));
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
    // A probe first, closed once its answer shows the settings and the list in force (the bundled list would
    // add Kwangtung): a document linted before that is re-linted when they arrive, and the refresh that follows
    // can come late on a loaded machine, in the middle of the tests. The drafts are opened after it.
    const probe = ws.uri('probe.md');
    await client.open(probe, 'markdown', files['drafts/d0.md']!);
    await client.diagnosticsOf(probe, (d) => d.length === 1);
    await client.close(probe);
    for (const uri of drafts) await client.open(uri, 'markdown', files[`drafts/${uri.split('/').pop()}`]!);
    for (const uri of drafts) await client.diagnosticsOf(uri, (d) => d.length === 1);
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('answers the document being edited with the list in force until the new one is ready, then asks for a pull', async () => {
    const refreshed = client.refreshes.next();
    let refreshedYet = false;
    void refreshed.then(() => (refreshedYet = true));
    ws.write('big.terms.json', termsText([{ term: 'Guangdong', forbidden: ['Kwangtung'] }]));
    await client.watchedFileChanged(termsUri);
    // Typing in the first draft right after the change: answered while the new list is still being compiled.
    await client.change(drafts[0]!, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'New: ' }]);
    const during = await client.pull(drafts[0]!);
    // On a loaded machine the background compile may win the race; then the answer must already be the new
    // list's (never the old list's once the client was told to pull again), else the list still in force.
    const codes = during.kind === 'full' ? during.items.map((d) => d.code) : during.kind;
    if (refreshedYet) assert.deepEqual(codes, ['forbidden', 'forbidden'], 'answered with the old list after the refresh');
    else assert.deepEqual(codes, ['forbidden'], 'the edit was answered with the new list before the refresh');
    await refreshed;
    // Every draft was re-linted before the refresh: each now reports the new forbidden form.
    for (const uri of drafts) {
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 2);
      assert.deepEqual(ds.map((d) => d.message).sort(), ['"Kwangtung" should be "Guangdong" (forbidden form)', '"Macau" should be "Macao" (forbidden form)']);
    }
  });

  it('does not ask the client to pull again when no open document changed', async () => {
    const before = client.refreshes.all.length;
    // A new term that the drafts use correctly: no diagnostic changes, so no refresh. Its hover card shows
    // when the new list is in force.
    ws.write('big.terms.json', termsText([{ term: 'Guangdong', forbidden: ['Kwangtung'] }, { term: 'Qianhai' }]));
    await client.watchedFileChanged(termsUri);
    const at = { line: 2, character: 'New: Visits to Macau rose. The Qia'.length };
    for (;;) {
      const hover = await client.hover(drafts[0]!, at);
      if (hover && JSON.stringify(hover.contents).includes('Qianhai')) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Then a change that does affect them: exactly one refresh, for it.
    ws.write('big.terms.json', termsText([{ term: 'Guangdong', forbidden: ['Kwangtung'] }, { term: 'Qianhai' }, { term: 'Qianhai Office' }]));
    await client.watchedFileChanged(termsUri);
    await client.diagnosticsOf(drafts[1]!, (d) => d.some((x) => x.code === 'case'));
    assert.equal(client.refreshes.all.length, before + 1);
  });
});
