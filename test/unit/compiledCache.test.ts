/**
 * Compiled term lists read back from their cache (node/compiledCache.ts): the same findings as the lists compiled
 * afresh, for random lists and documents; and a cache file that is missing, short, foreign, corrupt or crafted is
 * never used (nothing thrown, the caller compiles again), a folder that cannot be written only costs the write, and
 * the folder stays bounded.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { checkParts } from '../../server/src/core/checkParts';
import { compileTerms } from '../../server/src/core/compile';
import { partsOf } from '../../server/src/core/compiledTerms';
import { lintText } from '../../server/src/core/lint';
import type { TermFileProblem } from '../../server/src/core/types';
import { MAX_FILES, cacheKey, compiledFromPayload, compiledPayload, defaultCacheDir, prune, readCache, writeCache } from '../../server/src/node/compiledCache';
import { compileSpecs, fcParams, listAndDocument } from '../helpers/arbitraries';
import { bundledTerms, listOf } from '../helpers/terms';

const BUILD = 'test-build';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-cache-test-'));
}

function sources(text: string, name = 'team.terms.json') {
  return [{ name, bytes: Buffer.from(text) }];
}

const LIST_TEXT = JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'] }, { term: 'Hong Kong' }, { term: 'Greater Bay Area' }], ignore: ['Macau Street'] });
const DRAFT = 'Macau, HongKong and the greater bay area; the University of Macau on Macau Street; Hong Kongg.\n';

describe('compiled term lists cached on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads back what lints exactly like the lists compiled afresh (random lists and documents)', () => {
    fc.assert(
      fc.property(listAndDocument, ({ specs, text, language: format }) => {
        const { compiled } = compileSpecs(specs);
        const back = compiledFromPayload(compiledPayload(compiled));
        assert.deepEqual(lintText(text, back, { format }), lintText(text, compiled, { format }));
        assert.deepEqual([...back.terms.keys()], [...compiled.terms.keys()]);
        assert.deepEqual(back.notes, compiled.notes);
      }),
      fcParams(100),
    );
  });

  it('keeps the bundled list whole: terms, concepts, exceptions and the misspelling index', () => {
    const bundled = bundledTerms();
    const back = compiledFromPayload(compiledPayload(bundled));
    assert.deepEqual(back.lists, bundled.lists);
    assert.deepEqual(back.concepts, bundled.concepts);
    assert.equal(back.fuzzy().index.size, bundled.fuzzy().index.size);
    const text = 'Kwangtung, Shenzen, the Universty of Macau, Air Macau and Hongkong Post in the Greater Bay area.\n';
    assert.deepEqual(lintText(text, back, { format: 'markdown' }), lintText(text, bundled, { format: 'markdown' }));
  });

  it('writes a file that the next run reads, with the lists\' warnings', () => {
    const key = cacheKey(BUILD, sources(LIST_TEXT));
    assert.deepEqual(readCache(dir, key), { miss: undefined });
    const compiled = compileTerms([listOf(JSON.parse(LIST_TEXT).terms, { ignore: ['Macau Street'] })]);
    const warning: TermFileProblem = { severity: 'warning', message: 'a warning', path: 'terms[0]', offset: 3, length: 1, line: 0, column: 3 };
    assert.equal(writeCache(dir, key, compiled, [[warning]]), undefined);
    const files = fs.readdirSync(dir);
    assert.deepEqual(files, [`${key.toString('hex')}.tlcache`]);
    assert.equal(fs.statSync(path.join(dir, files[0]!)).mode & 0o777, 0o600);
    const back = readCache(dir, key);
    assert.ok('compiled' in back);
    assert.deepEqual(back.problems, [[warning]]);
    assert.deepEqual(lintText(DRAFT, back.compiled, { format: 'plaintext' }), lintText(DRAFT, compiled, { format: 'plaintext' }));
  });

  it('keys on the build, each list\'s name and bytes, and their order', () => {
    const base = cacheKey(BUILD, [...sources(LIST_TEXT), ...sources('{"terms":[]}', 'b.terms.json')]);
    const others = [
      cacheKey('other-build', [...sources(LIST_TEXT), ...sources('{"terms":[]}', 'b.terms.json')]),
      cacheKey(BUILD, [...sources(LIST_TEXT, 'other.terms.json'), ...sources('{"terms":[]}', 'b.terms.json')]),
      cacheKey(BUILD, [...sources(LIST_TEXT.replace('Macau', 'Macaw')), ...sources('{"terms":[]}', 'b.terms.json')]),
      cacheKey(BUILD, [...sources('{"terms":[]}', 'b.terms.json'), ...sources(LIST_TEXT)]),
      cacheKey(BUILD, sources(LIST_TEXT)),
    ];
    for (const k of others) assert.notDeepEqual(k, base);
    assert.deepEqual(cacheKey(BUILD, [...sources(LIST_TEXT), ...sources('{"terms":[]}', 'b.terms.json')]), base);
  });

  describe('never trusts a bad file', () => {
    const key = cacheKey(BUILD, sources(LIST_TEXT));
    let file: string;
    let good: Buffer;
    beforeEach(() => {
      const compiled = compileTerms([listOf(JSON.parse(LIST_TEXT).terms)]);
      assert.equal(writeCache(dir, key, compiled, [[]]), undefined);
      file = path.join(dir, `${key.toString('hex')}.tlcache`);
      good = fs.readFileSync(file);
    });

    const rejected = (why: RegExp) => {
      const r = readCache(dir, key);
      assert.ok('miss' in r, 'not used');
      assert.match(r.miss ?? '', why);
    };

    it('empty, short, or not a cache file', () => {
      for (const bytes of [Buffer.alloc(0), good.subarray(0, 20), Buffer.from('{"terms": []}'.padEnd(100))]) {
        fs.writeFileSync(file, bytes);
        rejected(/not a Termlint cache file/);
      }
    });

    it('cut short, or one byte changed anywhere in the payload', () => {
      fs.writeFileSync(file, good.subarray(0, good.length - 1));
      rejected(/truncated/);
      for (const at of [48, 49, Math.floor(good.length / 2), good.length - 1]) {
        const bad = Buffer.from(good);
        bad[at] ^= 0x41;
        fs.writeFileSync(file, bad);
        rejected(/corrupt/);
      }
    });

    it('written for other lists, or in another layout', () => {
      fs.writeFileSync(path.join(dir, 'x'), good);
      const other = cacheKey(BUILD, sources('{"terms":[{"term":"Zhuhai"}]}'));
      fs.copyFileSync(file, path.join(dir, `${other.toString('hex')}.tlcache`));
      const r = readCache(dir, other);
      assert.ok('miss' in r && /other term lists/.test(r.miss ?? ''));
      const bad = Buffer.from(good);
      bad.writeUInt32LE(999, 4);
      fs.writeFileSync(file, bad);
      rejected(/layout 999/);
    });

    /** A file whose header and checksum are right, around `payload`. */
    function forged(payload: Buffer): void {
      const header = Buffer.from(good.subarray(0, 48));
      header.writeUInt32LE(zlib.crc32(payload), 8);
      header.writeUInt32LE(payload.length, 12);
      fs.writeFileSync(file, Buffer.concat([header, payload]));
    }

    it('a checksummed payload that is not v8 data, or not compiled parts', () => {
      forged(Buffer.from('definitely not v8 serialized data'));
      rejected(/./);
      forged(v8.serialize({ parts: { lists: 'no' }, problems: [] }));
      rejected(/not a compiled term set/);
      forged(v8.serialize(null));
      rejected(/not a compiled term set/);
    });

    it('compiled parts with an index out of range or a wrong type', () => {
      const compiled = compileTerms([listOf(JSON.parse(LIST_TEXT).terms)]);
      const parts = partsOf(compiled, { fuzzyIndex: true })!;
      const mutations: [string, (p: Record<string, unknown>) => void][] = [
        ['trie.firstChild', (p) => ((p.trie as { firstChild: Int32Array }).firstChild = Int32Array.from((p.trie as { firstChild: Int32Array }).firstChild, (v, i) => (i === 0 ? 0 : v)))],
        ['trie.nextSibling', (p) => ((p.trie as { nextSibling: Int32Array }).nextSibling = new Int32Array((p.trie as { count: number }).count).fill(1))],
        ['trie.chars', (p) => ((p.trie as { chars: unknown }).chars = new Int32Array((p.trie as { count: number }).count))],
        ['packedTerm', (p) => ((p.packedTerm as Int32Array) = Int32Array.from(p.packedTerm as Int32Array, () => 99))],
        ['packedCode', (p) => ((p.packedCode as Int16Array) = Int16Array.from(p.packedCode as Int16Array, () => 50))],
        ['keyStart', (p) => ((p.keyStart as Int32Array) = Int32Array.from(p.keyStart as Int32Array, (v, i) => (i === 1 ? -5 : v)))],
        ['order', (p) => ((p.order as unknown[])[0] = { id: 5 })],
        ['fuzzyUses', (p) => ((p.fuzzyUses as { term: Int32Array }).term = Int32Array.from((p.fuzzyUses as { term: Int32Array }).term, () => 1e6))],
        ['vocabulary', (p) => ((p.vocabulary as { slots: Int32Array }).slots = new Int32Array(3))],
        ['warnings', (p) => (p.warnings = [1])],
        ['fuzzyEntries type', (p) => (p.fuzzyEntries = Float64Array.from(p.fuzzyEntries as Uint32Array))],
        ['fuzzyEntries buckets', (p) => (p.fuzzyEntries = (p.fuzzyEntries as Uint32Array).slice(0, -1))],
        ['fuzzyEntries bucket bits', (p) => ((p.fuzzyEntries as Uint32Array)[0] = 30)],
        ['fuzzyEntries starts', (p) => ((p.fuzzyEntries as Uint32Array)[3] = 0xffff)],
        ['fuzzyEntries id', (p) => ((p.fuzzyEntries as Uint32Array)[(p.fuzzyEntries as Uint32Array).length - 1]! |= 0x1fffff)],
      ];
      for (const [what, mutate] of mutations) {
        const copy = v8.deserialize(v8.serialize(parts)) as Record<string, unknown>;
        mutate(copy);
        assert.throws(() => checkParts(copy), /not a compiled term set/, what);
        forged(v8.serialize({ parts: copy, problems: [[]] }));
        rejected(/not a compiled term set/);
      }
      assert.doesNotThrow(() => checkParts(v8.deserialize(v8.serialize(parts))));
    });

    it('is replaced by the next write', () => {
      fs.writeFileSync(file, 'garbage');
      const compiled = compileTerms([listOf(JSON.parse(LIST_TEXT).terms)]);
      assert.equal(writeCache(dir, key, compiled, [[]]), undefined);
      assert.ok('compiled' in readCache(dir, key));
    });
  });

  it('says why it cannot write, and throws nothing: a file where the folder should be, a read-only folder', () => {
    const compiled = compileTerms([listOf(JSON.parse(LIST_TEXT).terms)]);
    const key = cacheKey(BUILD, sources(LIST_TEXT));
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, '');
    assert.match(writeCache(path.join(blocker, 'cache'), key, compiled, [[]]) ?? '', /cannot write/);
    assert.deepEqual(readCache(path.join(blocker, 'cache'), key), { miss: undefined });
    if (process.getuid?.() !== 0) {
      const ro = path.join(dir, 'ro');
      fs.mkdirSync(ro, { mode: 0o500 });
      assert.match(writeCache(ro, key, compiled, [[]]) ?? '', /cannot write/);
      assert.deepEqual(fs.readdirSync(ro), []);
    }
  });

  it('keeps the files used last, never anyone else\'s, and drops temporary files a killed run left', () => {
    const compiled = compileTerms([listOf(JSON.parse(LIST_TEXT).terms)]);
    const keys = Array.from({ length: MAX_FILES + 3 }, (_, i) => cacheKey(BUILD, sources(LIST_TEXT, `list${i}.terms.json`)));
    const old = Date.now() / 1000 - 7200;
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const staleTemp = path.join(dir, `${keys[0]!.toString('hex')}.tlcache.123.abcd.tmp`);
    const freshTemp = path.join(dir, `${keys[1]!.toString('hex')}.tlcache.124.abcd.tmp`);
    fs.writeFileSync(staleTemp, '');
    fs.utimesSync(staleTemp, old, old);
    fs.writeFileSync(freshTemp, '');
    const write = (i: number) => {
      assert.equal(writeCache(dir, keys[i]!, compiled, [[]]), undefined);
      const f = path.join(dir, `${keys[i]!.toString('hex')}.tlcache`);
      fs.utimesSync(f, old + i * 10, old + i * 10);
    };
    for (let i = 0; i < MAX_FILES; i++) write(i);
    // Reading one marks it used: it outlives later writes although it was written first.
    assert.ok('compiled' in readCache(dir, keys[0]!));
    for (let i = MAX_FILES; i < keys.length; i++) write(i);
    prune(dir, path.join(dir, `${keys.at(-1)!.toString('hex')}.tlcache`));
    const left = new Set(fs.readdirSync(dir));
    assert.ok(left.has('notes.txt'));
    assert.ok(!left.has(path.basename(staleTemp)));
    assert.ok(left.has(path.basename(freshTemp)));
    const cached = keys.filter((k) => left.has(`${k.toString('hex')}.tlcache`));
    assert.equal(cached.length, MAX_FILES);
    assert.ok(cached.includes(keys[0]!));
    assert.ok(cached.includes(keys.at(-1)!));
    assert.ok(!cached.includes(keys[1]!));
  });

  it('lives where each platform keeps caches, or where TERMLINT_CACHE_DIR says', () => {
    assert.equal(defaultCacheDir({ TERMLINT_CACHE_DIR: '/tmp/tc' }, 'linux', '/home/a'), path.resolve('/tmp/tc'));
    assert.equal(defaultCacheDir({}, 'linux', '/home/a'), path.join('/home/a', '.cache', 'termlint'));
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/a' }, 'linux', '/home/a'), path.join('/var/cache/a', 'termlint'));
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/a'), path.join('/home/a', '.cache', 'termlint'));
    assert.equal(defaultCacheDir({}, 'darwin', '/Users/a'), path.join('/Users/a', 'Library', 'Caches', 'termlint'));
    assert.equal(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a'), path.join('C:\\Users\\a\\AppData\\Local', 'termlint', 'Cache'));
    assert.equal(defaultCacheDir({}, 'linux', ''), undefined);
  });
});
