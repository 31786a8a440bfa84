/** The built CLI, spawned as users run it: output formats, exit codes, --fix and term-list errors. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';



const DRAFT = '# Plan\n\nWe grow new quality productivityforces in Guang dong.\nVisits to Macau rose; 😀 guangdong firms agree.\n';

describe('termlint CLI', () => {
  after(() => {
    removeWorkspaces();
  });

  it('prints text findings grouped per file with a summary, and exits 1', () => {
    const dir = workspace({ 'draft.md': DRAFT, 'clean.md': 'Guangdong and Hong Kong.\n' });
    const r = run([], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'draft.md');
    assert.match(lines[1]!, /^ {2}draft\.md:3:9 +joined +"new quality productivityforces" → "new quality productivity forces"/);
    assert.match(r.stdout, /draft\.md:3:43 +split +"Guang dong" → "Guangdong"/);
    assert.match(r.stdout, /draft\.md:4:11 +forbidden +"Macau" → "Macao"/);
    // Columns count UTF-16 code units, as in LSP: the emoji is two.
    assert.match(r.stdout, /draft\.md:4:26 +case/);
    assert.equal(lines[lines.length - 1], '4 term problems in 1 file (joined 1, split 1, case 1, forbidden 1); 2 files checked.');
  });

  it('exits 0 with a clean summary when nothing is wrong', () => {
    const dir = workspace({ 'ok.txt': 'Guangdong, Hong Kong and Macao.\n' });
    const r = run(['ok.txt'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'No term problems: 1 file checked.\n');
  });

  it('prints JSON records with 1-based UTF-16 positions', () => {
    const dir = workspace({ 'draft.md': DRAFT });
    const r = run(['--format', 'json', 'draft.md'], dir);
    assert.equal(r.code, 1);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(records.length, 4);
    assert.deepEqual(records[2], {
      file: 'draft.md',
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 16,
      kind: 'forbidden',
      found: 'Macau',
      replacements: ['Macao'],
      term: 'Macao',
      severity: 'warning',
      message: '"Macau" should be "Macao" (forbidden form)',
    });
  });

  it('prints SARIF 2.1.0 with rules, regions and fixes', () => {
    const dir = workspace({ 'draft.md': DRAFT });
    const r = run(['--format', 'sarif'], dir);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.deepEqual(run0.tool.driver.rules.map((x: { id: string }) => x.id), ['joined', 'split', 'hyphen', 'case', 'misspelling', 'script', 'width', 'forbidden', 'inconsistent', 'variant', 'abbreviation', 'expansion', 'unused-abbreviation', 'translation', 'unsourced']);
    assert.equal(run0.results.length, 4);
    const macau = run0.results.find((x: { ruleId: string }) => x.ruleId === 'forbidden');
    assert.deepEqual(macau.locations[0].physicalLocation.region, { startLine: 4, startColumn: 11, endLine: 4, endColumn: 16, charOffset: 72, charLength: 5 });
    assert.equal(macau.locations[0].physicalLocation.artifactLocation.uri, 'draft.md');
    assert.deepEqual(macau.fixes[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 4, startColumn: 15, endLine: 4, endColumn: 16 }, insertedContent: { text: 'o' } },
    ]);
  });

  it("--version and SARIF's driver version are package.json's", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const dir = workspace({ 'draft.md': DRAFT });
    assert.deepEqual(run(['--version'], dir), { code: 0, stdout: `${version}\n`, stderr: '' });
    assert.equal(JSON.parse(run(['--format', 'sarif'], dir).stdout).runs[0].tool.driver.version, version);
  });

  it('--fix rewrites files, reports what changed, and leaves nothing to fix', () => {
    const dir = workspace({ 'draft.md': '\ufeff' + DRAFT });
    const r = run(['--fix', 'draft.md'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /draft\.md: fixed 4 of 4 findings/);
    assert.match(r.stdout, /Fixed 4 findings\./);
    const fixed = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    assert.equal(fixed, '\ufeff# Plan\n\nWe grow new quality productivity forces in Guangdong.\nVisits to Macao rose; 😀 Guangdong firms agree.\n');
    assert.deepEqual(fs.readdirSync(dir), ['draft.md'], 'no temporary files left behind');
    assert.equal(run(['draft.md'], dir).code, 0);
  });

  it('uses --terms instead of discovered lists, and --no-default-terms drops the bundled one', () => {
    const dir = workspace({
      'draft.md': 'The Widget Co and Guang dong.\n',
      'lists/team.terms.json': JSON.stringify({ terms: [{ term: 'Widget Company', forbidden: ['Widget Co'] }] }),
    });
    const both = run(['--format', 'json', 'draft.md'], dir);
    assert.deepEqual((JSON.parse(both.stdout) as { kind: string }[]).map((f) => f.kind), ['forbidden', 'split']);
    const only = run(['--format', 'json', '--no-default-terms', '--terms', 'lists/team.terms.json', 'draft.md'], dir);
    assert.deepEqual((JSON.parse(only.stdout) as { found: string }[]).map((f) => f.found), ['Widget Co']);
  });

  it('names the file, line, column and JSON path of a term-list error, exits 2 and writes nothing', () => {
    const bad = '{\n  "terms": [\n    { "term": "Macao", "forbidden": ["Macau"] },\n    { "term": "Macau" }\n  ]\n}\n';
    const dir = workspace({ 'draft.md': DRAFT, 'bad.terms.json': bad });
    const r = run(['--fix', 'draft.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bad\.terms\.json:4:15 {2}error {2}Contradiction: "Macau" \(terms\[0\]\.forbidden\[0\]\) is forbidden, but "Macau" is an approved form at terms\[1\]\.term {2}\(at terms\[1\]\.term\)$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), DRAFT);
  });

  it('reports invalid JSON with its position', () => {
    const dir = workspace({ 'draft.md': DRAFT, 'x.terms.json': '{ "terms": [ { "term": "A" }, ] }' });
    const r = run(['draft.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^x\.terms\.json:1:31 {2}error {2}Remove the comma before \]: JSON allows none after the last item$/m);
  });

  it('exits 2 on usage errors and unknown paths', () => {
    const dir = workspace({ 'draft.md': DRAFT });
    assert.equal(run(['--format', 'xml'], dir).code, 2);
    assert.equal(run(['--bogus'], dir).code, 2);
    const missing = run(['nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^termlint: no files matched nope\.md \(no such file or folder\)$/m);
  });

  it('skips files over --max-file-size with a message; a binary file is an error of the run (exit 2)', () => {
    const dir = workspace({ 'bin.md': 'Macau\u0000\u0001', 'big.md': 'Macau '.repeat(100), 'ok.md': 'Macao\n' });
    const r = run(['--max-file-size', '200', '.'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /^bin\.md: cannot check: not a text file$/m);
    assert.match(r.stderr, /^big\.md: skipped, 600 bytes is over --max-file-size 200$/m);
    assert.match(r.stderr, /^termlint: 1 error \(see above\)\.$/m);
    assert.equal(r.stdout, 'No term problems: 3 files checked.\n');
    const limited = run(['--max-file-size', '200', 'big.md', 'ok.md'], dir);
    assert.equal(limited.code, 0, limited.stderr);
  });

  it('lints the bundled example draft', () => {
    const r = run(['--terms', 'terms/guangdong.terms.json', 'examples/draft.md'], REPO_ROOT);
    assert.equal(r.code, 1);
    for (const kind of ['joined', 'split', 'hyphen', 'case', 'misspelling', 'forbidden', 'inconsistent']) {
      assert.match(r.stdout, new RegExp(`examples/draft\\.md:\\d+:\\d+ +${kind}`), kind);
    }
    assert.doesNotMatch(r.stdout, /Kwangtung/, 'the disabled line is not checked');
  });
});
