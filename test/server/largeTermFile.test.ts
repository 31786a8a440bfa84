/**
 * A term file of a megabyte or more that is closed and has no problems is not kept as text once parsed
 * (termLists.ts KEEP_TEXT_BELOW): what the server still does with it is what it did while it kept the text.
 * A later read is compared by length and hashes (the same text is not parsed again, a different one of the
 * same length is), its problems are positioned exactly (a file with problems keeps its text), and once open in
 * the editor it follows the editor.
 */
import * as assert from 'node:assert/strict';
import { textFingerprint, KEEP_TEXT_BELOW } from '../../server/src/termLists';
import { NO_BUNDLED } from './fixtures';
import { TestClient, makeWorkspace } from './lspClient';

/** A list of generated park names (with notes, so it passes a megabyte) and `extra` entries last. */
function bigList(extra: object[]): string {
  const syllables = ['lin', 'hua', 'qiao', 'feng', 'yuan', 'tai', 'shui', 'mu', 'lan', 'xing', 'bo', 'kai'];
  const terms: object[] = [];
  for (let i = 0; i < 12 ** 3; i++) {
    const name = syllables[i % 12]! + syllables[Math.floor(i / 12) % 12]! + syllables[Math.floor(i / 144) % 12]!;
    const cap = name[0]!.toUpperCase() + name.slice(1);
    for (const kind of ['Science Park', 'Logistics Hub', 'Wetland Reserve', 'Innovation Corridor']) {
      terms.push({ term: `${cap} ${kind}`, note: `Generated entry ${i} for a ${kind.toLowerCase()}; the note pads the file to a realistic export size.` });
    }
  }
  return JSON.stringify({ title: 'Large export', terms: [...terms, ...extra] }, null, 2) + '\n';
}

describe('text fingerprints of dropped term files', () => {
  it('tell texts apart by content, not only length', () => {
    assert.equal(textFingerprint('Kwangtung'), textFingerprint('Kwangtung'));
    assert.notEqual(textFingerprint('Kwangtung'), textFingerprint('Kwangtunk'));
    assert.notEqual(textFingerprint('ab'), textFingerprint('ba'));
    assert.notEqual(textFingerprint(''), textFingerprint('\0'));
  });
});

describe('server: a large closed term file', function () {
  this.timeout(90_000);
  const first = bigList([{ term: 'Guangdong', forbidden: ['Kwangtung'] }]);
  const ws = makeWorkspace({ 'export.terms.json': first });
  const termsUri = ws.uri('export.terms.json');
  let client: TestClient;

  before(async () => {
    assert.ok(first.length >= KEEP_TEXT_BELOW, `the list is ${first.length} characters`);
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('keeps checking against it, reads a same-length change and positions its problems', async () => {
    const uri = ws.uri('draft.md');
    await client.open(uri, 'markdown', 'Kwangtung and Kwangtunk agreed on the Linhuaqiao Science Park.\n');
    let ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
    assert.equal(ds[0]!.message, '"Kwangtung" should be "Guangdong" (forbidden form)');

    // The same text again (a save without changes): nothing changes.
    await client.watchedFileChanged(termsUri);
    // A change of the same length: read again, the other spelling is now the forbidden one.
    const second = first.replace('"Kwangtung"', '"Kwangtunk"');
    assert.equal(second.length, first.length);
    ws.write('export.terms.json', second);
    await client.watchedFileChanged(termsUri);
    ds = await client.diagnosticsOf(uri, (d) => d.length === 1 && String(d[0]!.message).includes('Kwangtunk'));
    assert.equal(ds[0]!.range.start.character, 'Kwangtung and '.length);

    // A problem near the end of the file is positioned in it exactly.
    const broken = second.replace('"term": "Guangdong"', '"term": 42');
    ws.write('export.terms.json', broken);
    await client.watchedFileChanged(termsUri);
    const at = broken.indexOf('"term": 42') + '"term": '.length;
    const line = broken.slice(0, at).split('\n').length - 1;
    const character = at - broken.lastIndexOf('\n', at - 1) - 1;
    const problems = await client.pushedFor(termsUri, (d) => d.length > 0);
    assert.deepEqual(problems[0]!.range, { start: { line, character }, end: { line, character: character + 2 } });
    // Fixed again: its problems clear, and the fixed list is in force.
    ws.write('export.terms.json', first);
    await client.watchedFileChanged(termsUri);
    assert.deepEqual(await client.pushedFor(termsUri, (d) => d.length === 0), []);
    ds = await client.diagnosticsOf(uri, (d) => d.length === 1 && String(d[0]!.message).includes('"Kwangtung"'));
    await client.close(uri);
  });

  it('follows the editor once opened, and the disk once closed', async () => {
    const uri = ws.uri('draft2.md');
    await client.open(uri, 'markdown', 'Kwangtung signed.\n');
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    await client.open(termsUri, 'json', first);
    await client.replace(termsUri, '"Kwangtung"', '"Kwongtung"');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(termsUri);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
    assert.equal(ds[0]!.message, '"Kwangtung" should be "Guangdong" (forbidden form)');
    await client.close(uri);
  });
});
