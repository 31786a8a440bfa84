/**
 * The CLI lints many files on worker threads; whatever the number of threads, its report (JSON, SARIF, text),
 * its messages and exit code, and the files --fix writes are exactly the single-threaded run's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultJobs } from '../../server/src/cli/parallel';
import { type CliRun, runCli } from '../helpers/cli';


function run(args: string[], cwd: string): CliRun {
  return runCli(args, cwd, { maxBuffer: 1 << 30 });
}

const TERMS = JSON.stringify({
  terms: [
    { term: 'Hong Kong' },
    { term: 'Guangdong', forbidden: ['Kwangtung'] },
    { term: 'Macao', forbidden: ['Macau'] },
    { term: 'Greater Bay Area' },
    { term: 'high-quality development' },
    { term: 'Nansha Data Exchange Centre', admitted: ['Nansha Data Exchange Center'] },
  ],
});

const SENTENCES = [
  'Firms in HongKong agree.', 'Exports from Guang dong rose.', 'Visits to Macau rose in guangdong.', 'The Greater Bay area grows.',
  'We want high quality development now.', 'The Nansha Data Exchange Center opened.', 'The Nansha Data Exchange Centre opened again.',
  'Shenzen and Guangdong Provnce report.', 'Nothing to see here.', 'Kwangtung is the old name.',
];

/** A folder of `count` drafts (Markdown and plain text, some nested), one file not UTF-8, one empty. */
function folder(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-parallel-'));
  fs.writeFileSync(path.join(dir, 'list.terms.json'), TERMS);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const lines: string[] = [`# Draft ${i}`, ''];
    for (let p = 0; p < 20 + (i % 7) * 10; p++) {
      const n = 1 + Math.floor(random() * 4);
      lines.push(Array.from({ length: n }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]).join(' '), '');
    }
    const sub = i % 3 === 0 ? 'nested/' : '';
    const file = path.join(dir, 'docs', `${sub}draft-${String(i).padStart(2, '0')}.${i % 4 === 0 ? 'txt' : 'md'}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join('\n'));
  }
  fs.writeFileSync(path.join(dir, 'docs', 'latin1.md'), Buffer.from('Caf\xe9 in Macau\n', 'latin1'));
  fs.writeFileSync(path.join(dir, 'docs', 'empty.md'), '');
  return dir;
}

describe('termlint CLI: worker threads', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const format of ['json', 'sarif', 'text']) {
    it(`prints the single-threaded ${format} report with --jobs 2 and --jobs 3`, () => {
      const dir = folder(17);
      dirs.push(dir);
      const args = ['--no-default-terms', '--terms', 'list.terms.json', '--format', format, 'docs'];
      const single = run([...args, '--jobs', '1'], dir);
      // The Latin-1 file is an error of the run (exit 2); every other file is still checked and reported.
      assert.equal(single.code, 2, single.stderr);
      if (format === 'json') assert.ok(JSON.parse(single.stdout).length > 100);
      assert.match(single.stderr, /^docs\/latin1\.md: cannot check: not UTF-8 text$/m);
      for (const jobs of ['2', '3']) {
        const parallel = run([...args, '--jobs', jobs], dir);
        assert.equal(parallel.code, single.code);
        assert.equal(parallel.stdout, single.stdout, `--jobs ${jobs} report differs`);
        assert.equal(parallel.stderr, single.stderr, `--jobs ${jobs} messages differ`);
      }
    });
  }

  it('--fix on worker threads writes the same files and reports the same counts', () => {
    const a = folder(11);
    const b = folder(11);
    dirs.push(a, b);
    const args = ['--no-default-terms', '--terms', 'list.terms.json', '--fix', 'docs'];
    const single = run([...args, '--jobs', '1'], a);
    const parallel = run([...args, '--jobs', '3'], b);
    assert.equal(parallel.stdout, single.stdout);
    assert.equal(parallel.stderr, single.stderr);
    assert.match(single.stdout, /Fixed \d+ findings?\./);
    const files = (dir: string) => fs.readdirSync(path.join(dir, 'docs'), { recursive: true, encoding: 'utf8' }).sort();
    assert.deepEqual(files(b), files(a));
    for (const f of files(a)) {
      const p = path.join('docs', f);
      if (fs.statSync(path.join(a, p)).isFile()) assert.equal(fs.readFileSync(path.join(b, p), 'utf8'), fs.readFileSync(path.join(a, p), 'utf8'), p);
    }
  });

  it('rejects a --jobs that is not a whole number of threads', () => {
    const dir = folder(1);
    dirs.push(dir);
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const r = run(['--no-default-terms', '--terms', 'list.terms.json', `--jobs=${jobs}`, 'docs'], dir);
      assert.equal(r.code, 2, jobs);
      assert.match(r.stderr, /--jobs takes a whole number/);
    }
  });
});

describe('termlint CLI: threads by default', () => {
  it('one per two cores: V8 compiles each thread\'s hot code on another core meanwhile', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 16].map((cores) => defaultJobs(cores)), [1, 1, 1, 2, 4, 8]);
    assert.ok(defaultJobs() >= 1);
  });
});
