/**
 * Heavy inputs, run by `npm run test:stress` (not by `npm test`): a 50 MB draft, a term list of 100,000
 * entries, Markdown nested a million levels deep, a --fix killed while it writes a 40 MB file, and a server
 * handed a 50 MB document. Each case runs in its own process with a time limit (and, where memory is the
 * point, a heap limit), so a hang or a blow-up fails the case instead of the run. Times are printed.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { NO_BUNDLED } from '../server/fixtures';
import { TestClient, makeWorkspace } from '../server/lspClient';
import { waitFor } from '../helpers/wait';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;
const TERMS = JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Guangdong' }, { term: 'Hong Kong' }] });

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI; with `stdoutFile` its output goes to that file (a report can be longer than a string may be). */
function run(args: string[], cwd: string, options: { heapMb?: number; timeoutMs: number; stdoutFile?: string }): Run {
  const node = options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [];
  const out = options.stdoutFile === undefined ? 'pipe' : fs.openSync(options.stdoutFile, 'w');
  const t0 = Date.now();
  try {
    const r = spawnSync(process.execPath, [...node, CLI, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', out, 'pipe'], timeout: options.timeoutMs, maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr, ms: Date.now() - t0 };
  } finally {
    if (typeof out === 'number') fs.closeSync(out);
  }
}

const created: string[] = [];

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-stress-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function report(what: string, ms: number): void {
  process.stdout.write(`      ${what}: ${(ms / 1000).toFixed(1)} s\n`);
}

const SENTENCE = 'Visits to Macau rose in guangdong and HongKong, said the 😀 report. ';

describe('stress: huge and odd inputs', function () {
  this.timeout(600_000);
  after(() => {
    for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a 50 MB draft: skipped by default with a message; with a higher --max-file-size fixed within a 1.5 GB heap', () => {
    const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'draft.md'), 'utf8');
    const draft = example.repeat(Math.ceil((50 * MB) / Buffer.byteLength(example)));
    const dir = folder({ 'big.md': draft });
    const skipped = run(['big.md'], dir, { timeoutMs: 30_000 });
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.match(skipped.stderr, /^big\.md: skipped, \d+ bytes is over --max-file-size 50000000$/m);

    const r = run(['--fix', '--max-file-size', String(60 * MB), 'big.md'], dir, { heapMb: 1536, timeoutMs: 300_000 });
    report(`50 MB draft (the example, ${Math.round(draft.length / example.length)} times), --fix in a 1.5 GB heap`, r.ms);
    assert.equal(r.signal, null, 'not killed by the time limit');
    assert.ok(r.code === 0 || r.code === 1, r.stderr.slice(-2000));
    const again = run(['--format', 'json', '--max-file-size', String(60 * MB), 'big.md'], dir, { heapMb: 1536, timeoutMs: 300_000 });
    assert.ok(again.code === 0 || again.code === 1, again.stderr.slice(-2000));
    const left = (JSON.parse(again.stdout) as { kind: string }[]).filter((f) => f.kind !== 'inconsistent');
    assert.deepEqual(left, [], 'nothing left to fix but forms the author may keep');
  });

  it('a 50 MB draft with a finding every 23 bytes (2.2 million): fixed, and reported as JSON, in a 4 GB heap', () => {
    const draft = SENTENCE.repeat(Math.ceil((50 * MB) / Buffer.byteLength(SENTENCE)));
    const fixed = draft.replace(/Macau/g, 'Macao').replace(/guangdong/g, 'Guangdong').replace(/HongKong/g, 'Hong Kong');
    const dir = folder({ 'big.md': draft, 't.terms.json': TERMS });
    const args = ['--max-file-size', String(60 * MB), '--no-default-terms', '--terms', 't.terms.json', 'big.md'];
    const file = path.join(dir, 'report.json');
    const json = run(['--format', 'json', ...args], dir, { heapMb: 4096, timeoutMs: 300_000, stdoutFile: file });
    const size = fs.statSync(file).size;
    report(`2.2 million findings as JSON (${(size / MB).toFixed(0)} MB)`, json.ms);
    assert.equal(json.code, 1, json.stderr.slice(-2000));
    const fd = fs.openSync(file, 'r');
    const tail = Buffer.alloc(64);
    fs.readSync(fd, tail, 0, 64, size - 64);
    fs.closeSync(fd);
    assert.match(tail.toString('utf8'), /should be \\"Hong Kong\\" \(joined words\)"\n {2}\}\n\]\n$/);
    fs.rmSync(file);
    const r = run(['--fix', ...args], dir, { heapMb: 4096, timeoutMs: 300_000 });
    report('2.2 million findings fixed', r.ms);
    assert.equal(r.code, 0, r.stderr.slice(-2000));
    assert.ok(fs.readFileSync(path.join(dir, 'big.md'), 'utf8') === fixed, 'every finding fixed, nothing else changed');
  });

  it('a term list of 100,000 entries loads and checks a draft', () => {
    const letters = (i: number) => Array.from({ length: 5 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ term: `Zq${letters(i)} Port${letters(i)}`, forbidden: i % 10 === 0 ? [`Xq${letters(i)}`] : undefined }));
    entries.push({ term: 'Macao', forbidden: ['Macau'] });
    const dir = folder({ 'draft.md': 'The Zqaaaaa portaaaaa of Xqkaaaa and Macau.\n', 'huge.terms.json': JSON.stringify({ terms: entries }, null, 1) });
    const r = run(['--format', 'json', '--no-default-terms', '--terms', 'huge.terms.json', 'draft.md'], dir, { heapMb: 2048, timeoutMs: 120_000 });
    report(`100,000-entry term list (${(fs.statSync(path.join(dir, 'huge.terms.json')).size / MB).toFixed(1)} MB)`, r.ms);
    assert.equal(r.code, 1, r.stderr);
    const found = (JSON.parse(r.stdout) as { kind: string; found: string }[]).map((f) => `${f.kind}:${f.found}`);
    assert.deepEqual(found, ['case:Zqaaaaa portaaaaa', 'forbidden:Xqkaaaa', 'forbidden:Macau']);
  });

  it('Markdown nested a million levels deep (2 MB, the server\'s default limit) is linted in seconds', () => {
    const n = 1_000_000;
    const cases: Record<string, string> = {
      'list markers on one line': '- '.repeat(n) + 'Macau\n',
      'ordered list markers': '1. '.repeat(n * 0.6) + 'Macau\n',
      'block quotes': '> '.repeat(n) + 'Macau\n',
      'quote and list': '> - '.repeat(n / 2) + 'Macau\n',
      'emphasis runs': '*'.repeat(n) + 'Macau' + '*'.repeat(n) + '\n',
      'nested emphasis': '*a '.repeat(n / 3) + 'Macau' + ' a*'.repeat(n / 3) + '\n',
      'link brackets': '['.repeat(n) + 'Macau' + '](x)'.repeat(n / 4) + '\n',
      'backticks': '`'.repeat(n) + 'Macau\n',
      'HTML tags': '<b>'.repeat(n / 3) + 'Macau\n',
      'indented lines': Array.from({ length: 1400 }, (_, i) => ' '.repeat(i) + '- Macau').join('\n'),
    };
    const dir = folder(Object.fromEntries(Object.values(cases).map((text, i) => [`n${i}.md`, text])));
    for (const [i, name] of Object.keys(cases).entries()) {
      const r = run(['--format', 'json', `n${i}.md`], dir, { heapMb: 1024, timeoutMs: 20_000 });
      report(`${name} (${(Buffer.byteLength(cases[name]!) / MB).toFixed(1)} MB)`, r.ms);
      assert.equal(r.signal, null, `${name}: not finished in 20 s`);
      assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${String(r.code)}: ${r.stderr.slice(0, 500)}`);
    }
  });

  it('--fix killed while writing a 40 MB file leaves it either as it was or fully fixed', async () => {
    const old = SENTENCE.repeat(Math.ceil((40 * MB) / Buffer.byteLength(SENTENCE)));
    const fixed = old.replace(/Macau/g, 'Macao').replace(/guangdong/g, 'Guangdong').replace(/HongKong/g, 'Hong Kong');
    const dir = folder({ 'big.md': old, 't.terms.json': TERMS });
    const child = spawn(process.execPath, [CLI, '--fix', '--no-default-terms', '--terms', 't.terms.json', 'big.md'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let sawTemp = false;
    await waitFor(() => (sawTemp = fs.readdirSync(dir).some((f) => f.endsWith('.tmp'))) || child.exitCode !== null, 300_000, 'the temporary file');
    child.kill('SIGKILL');
    const signal = await exited;
    report(`killed ${sawTemp ? 'while writing' : 'after finishing'} (${String(signal)})`, 0);
    const text = fs.readFileSync(path.join(dir, 'big.md'), 'utf8');
    assert.ok(text === old || text === fixed, `big.md is neither the original nor the fixed text (${text.length} characters)`);
  });

  it('the server answers a 50 MB document with one "too large" diagnostic and keeps serving', async () => {
    const ws = makeWorkspace({ 'glossary.terms.json': TERMS });
    const client = await TestClient.start({ mode: 'pull', workspace: ws.root, settings: NO_BUNDLED });
    try {
      const big = ws.uri('big.md');
      const t0 = Date.now();
      await client.open(big, 'markdown', SENTENCE.repeat(Math.ceil((50 * MB) / Buffer.byteLength(SENTENCE))));
      const ds = await client.diagnosticsOf(big, (d) => d.length > 0);
      report('server, 50 MB document opened and answered', Date.now() - t0);
      assert.deepEqual(ds.map((d) => d.code), ['file-too-large']);
      assert.match(String(ds[0]!.message), /larger than termlint\.maxFileSize \(2 MB\)/);
      const small = ws.uri('small.md');
      await client.open(small, 'markdown', 'Macau.\n');
      assert.equal((await client.diagnosticsOf(small, (d) => d.length === 1)).length, 1);
      // An edit of the big document is still answered without linting it.
      await client.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      assert.deepEqual((await client.diagnosticsOf(big, (d) => d.length > 0)).map((d) => d.code), ['file-too-large']);
      assert.ok(client.alive);
    } finally {
      await client.shutdown();
      ws.remove();
    }
  });
});
