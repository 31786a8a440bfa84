/**
 * `termlint report`, the built CLI spawned as users run it: its numbers against `termlint --format json` on
 * the same inputs and options, its three formats and how it picks one, where it writes, and the errors that
 * leave nothing written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TermUsageReport } from '../../server/src/report/model';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';



/** The report's JSON and the linter's JSON for the same arguments. */
function both(args: string[], cwd: string): { report: TermUsageReport; findings: { file: string; kind: string; term: string }[] } {
  const r = run(['report', ...args, '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const lint = run([...args, '--format', 'json'], cwd);
  assert.ok(lint.code === 0 || lint.code === 1, lint.stderr);
  return { report: JSON.parse(r.stdout) as TermUsageReport, findings: JSON.parse(lint.stdout) as { file: string; kind: string; term: string }[] };
}

function assertSameFindings(report: TermUsageReport, findings: { file: string; kind: string; term: string }[]): void {
  assert.equal(report.totals.findings, findings.length);
  // Findings no term list is behind (variants, abbreviations) are the report's `unlisted` rows, by kind and name.
  const unlisted = findings.filter((f) => ['variant', 'abbreviation', 'expansion', 'unused-abbreviation'].includes(f.kind));
  assert.equal(report.unlisted.reduce((n, u) => n + u.count, 0), unlisted.length);
  for (const u of report.unlisted) assert.ok(unlisted.some((f) => f.kind === u.kind && f.term === u.name), `${u.kind} ${u.name}`);
  assert.equal(report.terms.reduce((n, t) => n + t.findings, 0), findings.length - unlisted.length);
  for (const t of report.terms) {
    assert.equal(t.findings, findings.filter((f) => f.term === t.term).length, t.term);
    for (const [kind, n] of Object.entries(t.byKind)) assert.equal(n, findings.filter((f) => f.term === t.term && f.kind === kind).length, `${t.term} ${kind}`);
  }
  for (const f of report.files) assert.equal(f.findings, findings.filter((x) => x.file === f.file).length, f.file);
}

const TEAM_TERMS = JSON.stringify({
  title: 'Harbour terms',
  terms: [
    { term: 'Qianhai', forbidden: ['Chienhai'], translations: { 'zh-Hans': '前海' } },
    { term: 'shore power', admitted: ['shore-side electricity'] },
    { term: 'Nansha Port' },
  ],
});

describe('termlint report', () => {
  after(() => {
    removeWorkspaces();
  });

  it('counts, in JSON, exactly the findings termlint reports for the bundled examples', () => {
    for (const file of ['examples/draft.md', 'examples/draft.html']) {
      const { report, findings } = both(['--terms', 'terms/guangdong.terms.json', file], REPO_ROOT);
      assert.ok(findings.length > 0, file);
      assertSameFindings(report, findings);
      assert.deepEqual(Object.keys(report).sort(), ['files', 'options', 'skipped', 'termLists', 'termlint', 'terms', 'totals', 'unlisted']);
      assert.deepEqual(Object.keys(report.totals).sort(), ['byKind', 'files', 'findings', 'terms', 'uses', 'variants']);
      for (const t of report.terms) for (const key of ['term', 'uses', 'findings', 'byKind', 'files']) assert.ok(key in t, `${t.term}: ${key}`);
      assert.equal(report.totals.files, 1);
    }
  });

  it('counts the same as termlint over several files, with --kinds, --no-consistency and --jobs', () => {
    const dir = workspace({
      'team.terms.json': TEAM_TERMS,
      'a.md': '# Qianhai\n\nChienhai and Qian hai; shore power, shore-side electricity and shore power.\n',
      'notes/b.txt': 'Nansha port and Nansha Port. Shorepower at Qianhai.\n',
      'c.html': '<p>Qianhai <code>Chienhai</code> Chienhai</p>\n',
      'clean.md': 'Nothing about harbours.\n',
    });
    for (const extra of [[], ['--kinds', 'forbidden,case'], ['--no-consistency'], ['--no-fuzzy', '--jobs', '2']]) {
      const { report, findings } = both(['--no-default-terms', ...extra], dir);
      assertSameFindings(report, findings);
      assert.deepEqual(report.files.map((f) => f.file), ['a.md', 'c.html', 'clean.md', 'notes/b.txt'], extra.join(' '));
      assert.equal(report.totals.files, 4);
    }
    const one = run(['report', '--no-default-terms', '--format', 'json', '--jobs', '1'], dir);
    const two = run(['report', '--no-default-terms', '--format', 'json', '--jobs', '2'], dir);
    assert.equal(two.stdout, one.stdout, 'the same report on one thread or two');
    const report = JSON.parse(one.stdout) as TermUsageReport;
    const qianhai = report.terms.find((t) => t.term === 'Qianhai')!;
    assert.deepEqual(qianhai.languages, [{ lang: 'zh-Hans', text: '前海' }]);
    assert.deepEqual(
      qianhai.variants.map((v) => [v.found, v.kind, v.count, v.locations.map((l) => `${l.file}:${l.line}:${l.column}`)]),
      [
        ['Chienhai', 'forbidden', 2, ['a.md:3:1', 'c.html:1:34']],
        ['Qian hai', 'split', 1, ['a.md:3:14']],
      ],
    );
    assert.deepEqual(report.termLists, [{ file: 'team.terms.json', title: 'Harbour terms', terms: 3 }]);
  });

  it('writes one HTML page to --out, with links relative to it, and says what it wrote', () => {
    const dir = workspace({ 'team.terms.json': TEAM_TERMS, 'docs/plan one.md': 'Qianhai.\n\nChienhai.\n' });
    const r = run(['report', 'docs', '--no-default-terms', '--out', 'out/site/report.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '1 file checked: 1 term used 2 times, 1 finding (forbidden 1) in 1 variant. Written to out/site/report.html.\n');
    const html = fs.readFileSync(path.join(dir, 'out/site/report.html'), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.ok(html.includes('<a href="../../docs/plan%20one.md#L3">docs/plan one.md:3</a>'), 'a link from the page to the line');
    assert.match(html, /<svg class="chart"/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out/site')), ['report.html'], 'no temporary file left');
  });

  it('picks the format from --out, and writes Markdown to stdout by default', () => {
    const dir = workspace({ 'team.terms.json': TEAM_TERMS, 'a.md': 'Chienhai.\n' });
    assert.equal(run(['report', 'a.md', '--no-default-terms', '--out', 'r.json'], dir).code, 0);
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as TermUsageReport).totals.findings, 1);
    assert.equal(run(['report', 'a.md', '--no-default-terms', '-o', 'r.MD'], dir).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'r.MD'), 'utf8'), /^# Term usage report\n/);
    assert.equal(run(['report', 'a.md', '--no-default-terms', '--out', 'r.txt', '--format', 'html'], dir).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'r.txt'), 'utf8'), /^<!doctype html>/);
    const md = run(['report', 'a.md', '--no-default-terms'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Term usage report\n\n1 file checked: 1 term used 1 time, 1 finding \(forbidden 1\) in 1 variant\.\n/);
    assert.match(md.stdout, /\| Chienhai \| forbidden → Qianhai \| 1 \| \[a\.md:1\]\(a\.md#L1\) \|/);
  });

  it('never checks, or overwrites a draft with, the report it writes', () => {
    const dir = workspace({ 'team.terms.json': TEAM_TERMS, 'docs/a.md': 'Chienhai.\n' });
    assert.equal(run(['report', 'docs', '--no-default-terms', '--out', 'docs/terms-report.md'], dir).code, 0);
    const again = run(['report', 'docs', '--no-default-terms', '--out', 'docs/terms-report.md'], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /docs\/terms-report\.md is the report being written: not checked/);
    assert.match(again.stdout, /^1 file checked: 1 term used 1 time, 1 finding/);
    const overwrite = run(['report', 'docs/a.md', '--no-default-terms', '--out', 'docs/a.md', '--format', 'md'], dir);
    assert.equal(overwrite.code, 2);
    assert.match(overwrite.stderr, /--out docs\/a\.md is one of the files to check/);
    assert.equal(fs.readFileSync(path.join(dir, 'docs/a.md'), 'utf8'), 'Chienhai.\n');
  });

  it('lists the files it could not check, and why', () => {
    const dir = workspace({ 'team.terms.json': TEAM_TERMS, 'a.md': 'Qianhai.\n', 'b.txt': Buffer.from([0x51, 0, 0x61]), 'c.txt': Buffer.from([0x51, 0xe9, 0x0a]) });
    const r = run(['report', '--no-default-terms', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as TermUsageReport;
    assert.deepEqual(report.skipped, [
      { file: 'b.txt', reason: 'cannot check: not a text file' },
      { file: 'c.txt', reason: 'cannot check: not UTF-8 text' },
    ]);
    assert.equal(report.totals.files, 1);
    assert.match(r.stderr, /^b\.txt: cannot check: not a text file$/m);
  });

  it('exits 2 and writes nothing on a usage error, a bad term list, a missing input or an --out that is a folder', () => {
    const dir = workspace({ 'team.terms.json': TEAM_TERMS, 'a.md': 'Chienhai.\n', 'report.html': 'the old report\n', 'folder/x.txt': '' });
    const cases: [string[], RegExp][] = [
      [['report', 'a.md', '--out', 'report.pdf'], /Cannot tell the report's format from "report\.pdf": name it \.html, \.json or \.md, or add --format html\|json\|md/],
      [['report', 'a.md', '--format', 'pdf', '--out', 'report.html'], /Unknown --format "pdf" \(html, json or md\)/],
      [['report', 'a.md', '--kinds', 'typo', '--out', 'report.html'], /Unknown kind\(s\) typo/],
      [['report', 'missing.md', '--out', 'report.html'], /^termlint: no files matched missing\.md \(no such file or folder\)$/m],
      [['report', 'a.md', '--format', 'html', '--out', 'folder'], /--out folder is a folder/],
    ];
    for (const [args, message] of cases) {
      const r = run([...args, '--no-default-terms'], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    fs.writeFileSync(path.join(dir, 'bad.terms.json'), '{ "terms": [ { "term": "Qianhai", "colour": "red" } ] }');
    const bad = run(['report', 'a.md', '--no-default-terms', '--out', 'report.html'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bad\.terms\.json:1:\d+ {2}error {2}/m);
    assert.equal(fs.readFileSync(path.join(dir, 'report.html'), 'utf8'), 'the old report\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'bad.terms.json', 'folder', 'report.html', 'team.terms.json']);
  });

  it('is in termlint --help, and has its own', () => {
    assert.match(run(['--help'], REPO_ROOT).stdout, /termlint report \[paths or globs…\] \[--out FILE\] \[--format html\|json\|md\]/);
    const help = run(['report', '--help'], REPO_ROOT);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: termlint report /);
  });
});
