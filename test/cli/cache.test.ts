/**
 * The built CLI with its cache of compiled term lists: a run that reads the lists from the cache prints exactly
 * what a run that compiles them prints (reports, warnings, notes, exit codes), in every command that loads lists;
 * a changed list is compiled again; a corrupt or foreign cache file is never used and is rewritten; a cache that
 * cannot be written costs nothing but the write; `--no-cache` neither reads nor writes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const DRAFT = ['# Notes', '', 'Visits to Macau and HongKong rose; the University of Macau agrees.', '', 'Shenzen and the Greater Bay area grow.', ''].join('\n');

const LIST = {
  terms: [
    { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'] },
    { term: 'Hong Kong' },
    { term: 'Shenzhen' },
    { term: 'Greater Bay Area' },
  ],
};

describe('termlint CLI: the compiled term-list cache', function () {
  this.timeout(60_000);
  let work: string;
  let cache: string;

  function run(args: string[], env: Record<string, string | undefined> = {}): Run {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERMLINT_CACHE_DIR: cache, ...env } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  const cacheFiles = () => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith('.tlcache')) : []);

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-cache-cli-'));
    cache = path.join(work, '.cache');
    fs.writeFileSync(path.join(work, 'draft.md'), DRAFT);
    fs.writeFileSync(path.join(work, 'team.terms.json'), JSON.stringify(LIST, null, 2));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('prints the same from the cache as when compiling, for every report format and command', () => {
    const commands = [
      ['draft.md'],
      ['--format', 'json', 'draft.md'],
      ['--format', 'sarif', 'draft.md'],
      ['--terms', 'team.terms.json', '--no-default-terms', 'draft.md'],
      ['--explain', 'Macau'],
      ['report', '--format', 'json', 'draft.md'],
    ];
    for (const args of commands) {
      const fresh = run([...args, '--no-cache']);
      assert.deepEqual(cacheFiles(), [], '--no-cache writes nothing');
      const miss = run(args);
      const hit = run(args);
      assert.deepEqual(miss, fresh, `${args.join(' ')}: compiled and cached`);
      assert.deepEqual(hit, fresh, `${args.join(' ')}: read from the cache`);
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('writes one file per set of lists, and compiles again when a list changes', () => {
    const first = run(['--format', 'json', 'draft.md']);
    assert.equal(first.code, 1);
    assert.equal(cacheFiles().length, 1);
    // "Shenzen" is now the approved spelling, and "Hongkong Post" an exception.
    const changed = { terms: [...LIST.terms.filter((t) => t.term !== 'Shenzhen'), { term: 'Shenzen' }] };
    fs.writeFileSync(path.join(work, 'team.terms.json'), JSON.stringify(changed, null, 2));
    const second = run(['--format', 'json', 'draft.md']);
    assert.deepEqual(second, run(['--no-cache', '--format', 'json', 'draft.md']));
    assert.notEqual(second.stdout, first.stdout);
    assert.equal(cacheFiles().length, 2);
  });

  it('never uses a corrupt or foreign cache file, says why with --debug, and rewrites it', () => {
    const expected = run(['--no-cache', '--format', 'json', 'draft.md']);
    run(['draft.md']);
    const [name] = cacheFiles();
    const file = path.join(cache, name!);
    const good = fs.readFileSync(file);
    const bad = Buffer.from(good);
    bad[bad.length >> 1] ^= 0xff;
    fs.writeFileSync(file, bad);
    const debug = run(['--debug', '--format', 'json', 'draft.md']);
    assert.equal(debug.stdout, expected.stdout);
    assert.match(debug.stderr, /compiling the term lists again: .*corrupt/);
    assert.deepEqual(fs.readFileSync(file), good, 'rewritten');
    // Another set of lists' file under this name.
    fs.writeFileSync(path.join(work, 'other.json'), JSON.stringify({ terms: [{ term: 'Zhuhai' }] }));
    run(['--terms', 'other.json', 'draft.md']);
    const other = cacheFiles().find((f) => f !== name)!;
    fs.copyFileSync(path.join(cache, other), file);
    assert.deepEqual(run(['--format', 'json', 'draft.md']), expected);
    assert.deepEqual(fs.readFileSync(file), good);
    // Not a cache file at all, and an empty one.
    for (const junk of ['{"terms": []}', '']) {
      fs.writeFileSync(file, junk);
      assert.deepEqual(run(['--format', 'json', 'draft.md']), expected);
      assert.deepEqual(fs.readFileSync(file), good);
    }
  });

  it('runs as usual when the cache cannot be written or read', () => {
    const expected = run(['--no-cache', '--format', 'json', 'draft.md']);
    fs.writeFileSync(path.join(work, 'not-a-folder'), '');
    const blocked = run(['--format', 'json', 'draft.md'], { TERMLINT_CACHE_DIR: path.join(work, 'not-a-folder', 'cache') });
    assert.deepEqual(blocked, expected);
    const debug = run(['--debug', '--format', 'json', 'draft.md'], { TERMLINT_CACHE_DIR: path.join(work, 'not-a-folder', 'cache') });
    assert.match(debug.stderr, /the compiled term lists are not cached: cannot write/);
    // No home to put a cache in.
    assert.deepEqual(run(['--format', 'json', 'draft.md'], { TERMLINT_CACHE_DIR: undefined, HOME: '', XDG_CACHE_HOME: undefined }), expected);
  });

  it('says a list\'s warnings and the misspelling cap again when the lists come from the cache', () => {
    // A language tag that is not one (a warning: the forms are read as English), and 20,000 long words: past
    // the misspelling index's cap, which compiling announces as a note.
    const words = Array.from({ length: 20_000 }, (_, i) => `Qilinlangxiangzhuang${i.toString(36)}`);
    fs.writeFileSync(path.join(work, 'big.terms.json'), JSON.stringify({ language: 'not a tag', terms: [...LIST.terms, ...words.map((term) => ({ term }))] }));
    const args = ['--no-default-terms', '--terms', 'big.terms.json', 'draft.md'];
    const fresh = run(['--no-cache', ...args]);
    assert.match(fresh.stderr, /big\.terms\.json:1:\d+ {2}warning {2}"not a tag" is not a language tag/);
    assert.match(fresh.stderr, /note: Misspellings are looked for only near the first/);
    assert.deepEqual(run(args), fresh);
    assert.equal(cacheFiles().length, 1);
    assert.deepEqual(run(args), fresh);
  });
});
