/**
 * The built CLI against hostile input: every broken term list stops the run with a positioned error and
 * exit code 2 before anything is read or written; odd files are skipped with a message, never rewritten;
 * and a `--fix` run killed half-way leaves every file either as it was or fully fixed, never truncated.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { waitFor } from '../helpers/wait';
import { type CliRun, runCli } from '../helpers/cli';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string): CliRun {
  return runCli(args, cwd, { maxBuffer: 1 << 30 });
}

const DRAFT = 'Visits to Macau rose in guangdong.\n';
const TERMS = JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Guangdong' }] });

const terms = (entries: unknown[]) => JSON.stringify({ terms: entries }, null, 2);

describe('termlint CLI: hostile input', function () {
  this.timeout(60_000);
  after(() => {
    removeWorkspaces();
  });

  const broken: { name: string; list: string; error: RegExp }[] = [
    { name: 'invalid JSON', list: '{ "terms": [ { "term": "Macao" ', error: /^bad\.terms\.json:1:32 {2}error {2}The file ends before every \{ and \[ is closed: is something cut off\?$/m },
    { name: 'a wrong type', list: terms([{ term: 'Macao', forbidden: 'Macau' }]), error: /^bad\.terms\.json:5:20 {2}error {2}"forbidden" must be an array of strings {2}\(at terms\[0\]\.forbidden\)$/m },
    { name: 'a missing term', list: terms([{ admitted: ['Macau'] }]), error: /^bad\.terms\.json:3:5 {2}error {2}Missing required property "term" {2}\(at terms\[0\]\.term\)$/m },
    { name: 'an empty string', list: terms([{ term: 'Macao', admitted: [''] }]), error: /^bad\.terms\.json:6:9 {2}error {2}Empty term {2}\(at terms\[0\]\.admitted\[0\]\)$/m },
    { name: 'a duplicate', list: terms([{ term: 'Macao' }, { term: 'MACAO' }]), error: /^bad\.terms\.json:7:15 {2}error {2}Duplicate: "MACAO" \(terms\[1\]\.term\) is the same term as "Macao" at terms\[0\]\.term {2}\(at terms\[1\]\.term\)$/m },
    { name: 'a contradiction', list: terms([{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Macau' }]), error: /^bad\.terms\.json:10:15 {2}error {2}Contradiction: "Macau" \(terms\[0\]\.forbidden\[0\]\) is forbidden/m },
    { name: 'a punctuation-only term', list: terms([{ term: '?!' }]), error: /^bad\.terms\.json:4:15 {2}error {2}"\?!" has no letters or digits, so it can never match {2}\(at terms\[0\]\.term\)$/m },
    { name: 'a form over the length limit', list: terms([{ term: 'x'.repeat(501) }]), error: /^bad\.terms\.json:4:15 {2}error {2}Term is 501 characters long; the limit is 500/m },
    { name: 'nesting 50,000 deep', list: '{"terms":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}', error: /^bad\.terms\.json:1:41 {2}error {2}Arrays and objects nest more than 32 levels deep here/m },
    { name: 'not UTF-8 at all', list: '\u0000\u0001', error: /^bad\.terms\.json:1:1 {2}error {2}This character cannot start a JSON value/m },
  ];
  for (const c of broken) {
    it(`${c.name}: positioned error, exit 2, nothing written`, () => {
      const dir = workspace({ 'draft.md': DRAFT, 'good.terms.json': TERMS, 'bad.terms.json': c.list });
      const before = fs.statSync(path.join(dir, 'draft.md')).mtimeMs;
      const r = run(['--fix', '--no-default-terms', '--terms', 'good.terms.json', '--terms', 'bad.terms.json', 'draft.md'], dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, c.error);
      assert.match(r.stderr, /termlint: invalid term list; nothing was checked or written\.\n$/);
      assert.equal(r.stdout, '');
      assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), DRAFT);
      assert.equal(fs.statSync(path.join(dir, 'draft.md')).mtimeMs, before);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['bad.terms.json', 'draft.md', 'good.terms.json']);
    });
  }

  it('a huge term list runs into the misspelling-index cap and says so', () => {
    // 6,000 distinct 40-letter words need more than the 4 million index entries.
    const letters = (i: number) => Array.from({ length: 6 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
    const entries = Array.from({ length: 6000 }, (_, i) => ({ term: 'abcdefghijklmnopqrstuvwxyz'.repeat(3).slice(i % 26, (i % 26) + 34) + letters(i) }));
    const dir = workspace({ 'draft.md': DRAFT, 'huge.terms.json': terms([...entries, { term: 'Macao', forbidden: ['Macau'] }]) });
    const r = run(['--no-default-terms', '--no-fuzzy', '--terms', 'huge.terms.json', 'draft.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^termlint: note: Misspellings are looked for only near the first \d+ of 6001 distinct term words: the misspelling index is limited to 4,000,000 entries\.$/m);
    assert.match(r.stdout, /forbidden +"Macau" → "Macao"/);
  });

  it('never rewrites a file that is not UTF-8 (--fix would have turned its bytes into U+FFFD); each is an error of the run', () => {
    const latin1 = Buffer.from('Visits to Macau rose in the caf\xe9.\n', 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Macau\n', 'utf16le')]);
    const dir = workspace({ 'latin1.md': latin1, 'utf16.txt': utf16, 'ok.md': DRAFT, 't.terms.json': TERMS });
    const r = run(['--fix', '--no-default-terms', '--terms', 't.terms.json', '.'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^latin1\.md: cannot check: not UTF-8 text$/m);
    assert.match(r.stderr, /^utf16\.txt: cannot check: UTF-16 text \(Termlint reads UTF-8\)$/m);
    assert.match(r.stderr, /^termlint: 2 errors \(see above\)\.$/m);
    assert.match(r.stdout, /^Fixed 2 findings\.$/m);
    assert.ok(fs.readFileSync(path.join(dir, 'latin1.md')).equals(latin1));
    assert.ok(fs.readFileSync(path.join(dir, 'utf16.txt')).equals(utf16));
    assert.equal(fs.readFileSync(path.join(dir, 'ok.md'), 'utf8'), 'Visits to Macao rose in Guangdong.\n');
  });

  it('a binary file named .md, a 5 MB line and deeply nested Markdown: no crash, findings where there is prose', () => {
    const binary = Buffer.alloc(64 * 1024);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    const line = 'Visits to Macau rose. '.repeat(Math.ceil((5 * 1024 * 1024) / 22));
    const nested = '> '.repeat(20_000) + 'Macau\n\n' + '- '.repeat(5_000) + 'Macau\n\n' + '*'.repeat(5_000) + 'Macau' + '*'.repeat(5_000) + '\n';
    const dir = workspace({ 'binary.md': binary, 'line.txt': line, 'nested.md': nested, 't.terms.json': TERMS });
    const r = run(['--format', 'json', '--no-default-terms', '--terms', 't.terms.json', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^binary\.md: cannot check: not a text file$/m);
    const records = JSON.parse(r.stdout) as { file: string; found: string }[];
    assert.equal(records.filter((f) => f.file === 'line.txt').length, Math.ceil((5 * 1024 * 1024) / 22));
    assert.ok(records.some((f) => f.file === 'nested.md' && f.found === 'Macau'));
  });

  it('--fix killed mid-run leaves every file either as it was or fully fixed', async () => {
    const count = 12;
    const old = 'Visits to Macau rose in guangdong. '.repeat(8_000) + '\n';
    const fixed = 'Visits to Macao rose in Guangdong. '.repeat(8_000) + '\n';
    const files: Record<string, string> = { 't.terms.json': TERMS };
    for (let i = 0; i < count; i++) files[`d${String(i).padStart(2, '0')}.md`] = old;
    const dir = workspace(files);
    const drafts = Object.keys(files).filter((f) => f.endsWith('.md'));
    const mtimes = new Map(drafts.map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]));

    const child = spawn(process.execPath, [CLI, '--fix', '--no-default-terms', '--terms', 't.terms.json', '.'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it the moment it starts writing: a temporary file appears, or a draft changes.
    await waitFor(
      () => fs.readdirSync(dir).some((f) => f.endsWith('.tmp')) || drafts.some((f) => fs.statSync(path.join(dir, f)).mtimeMs !== mtimes.get(f)),
      30_000,
      'the first write',
    );
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL', 'the run was killed before it finished');

    let changed = 0;
    for (const f of drafts) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(text === old || text === fixed, `${f} is neither the original nor the fixed text (${text.length} characters)`);
      if (text === fixed) changed++;
    }
    assert.ok(changed < count, 'some files were still untouched when the run was killed');
    // A rerun finishes the job; a temporary file left by the kill is not a draft and is not linted.
    const again = run(['--fix', '--no-default-terms', '--terms', 't.terms.json', '.'], dir);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    for (const f of drafts) assert.equal(fs.readFileSync(path.join(dir, f), 'utf8'), fixed);
  });
});
