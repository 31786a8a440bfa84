/**
 * The built CLI with no term list at all (`--no-default-terms` and no `--terms`): only the checks that need
 * none run. `termlint --no-default-terms --format json FILE` reports kind `variant` on each minority form, with
 * the majority form as `replacements[0]`, and nothing on the guarded pairs; the switches, the workspace scope,
 * and --fix.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';



interface Record {
  kind: string;
  found: string;
  replacements: string[];
  line: number;
  severity: string;
  message: string;
}

/** Variants of every class, and pairs that look alike but are not variants, in one draft. */
const DRAFT = [
  '# Harbour Notes',
  '',
  'Long-term plans, long-term loans and long-term rates; a long term lease.',
  'The e-learning portal, e-learning staff, an elearning course.',
  'The labour market, labour law and the labor union.',
  'They use the Internet; the Internet grows; the internet slows.',
  '',
  'Every day we file everyday forms. We set up the setup. Anyone may ask any one of us.',
  'Log in at the login page. A licence lets ports license carriers. In May we may decide.',
  'Tariffs rose. Tariffs fell. The tariffs held.',
  '',
].join('\n');

describe('termlint with no term list', () => {
  after(() => removeWorkspaces());

  it('reports kind variant on each minority form, the majority form as replacements[0], nothing on guarded pairs', () => {
    const dir = workspace({ 'draft.md': DRAFT });
    const r = run(['--no-default-terms', '--format', 'json', 'draft.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const records = JSON.parse(r.stdout) as Record[];
    assert.deepEqual(
      records.map((x) => [x.kind, x.found, x.replacements[0], x.line, x.severity]),
      [
        ['variant', 'long term', 'long-term', 3, 'information'],
        ['variant', 'elearning', 'e-learning', 4, 'information'],
        ['variant', 'labor', 'labour', 5, 'information'],
        ['variant', 'internet', 'Internet', 6, 'information'],
      ],
    );
    assert.equal(records[0]!.message, '"long term" should be "long-term" (variant: this document writes "long-term" 3 times and "long term" once)');
  });

  it('prints the counts in the text report, and fixes every variant with --fix', () => {
    const dir = workspace({ 'draft.md': DRAFT });
    const text = run(['--no-default-terms', 'draft.md'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /draft\.md:3:57 +variant +"long term" → "long-term" {2}\(this document writes "long-term" 3 times and "long term" once\)/);
    assert.match(text.stdout, /4 term problems in 1 file \(variant 4\); 1 file checked\./);
    const fix = run(['--no-default-terms', '--fix', 'draft.md'], dir);
    assert.equal(fix.code, 0, fix.stdout + fix.stderr);
    assert.match(fix.stderr, /draft\.md: fixed 4 of 4 findings/);
    const fixed = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    assert.ok(fixed.includes('a long-term lease') && fixed.includes('an e-learning course') && fixed.includes('the labour union') && fixed.includes('the Internet slows'), fixed);
    assert.ok(fixed.includes('Every day we file everyday forms. We set up the setup.'), 'guarded pairs untouched');
  });

  it('reports abbreviations, and switches each check off', () => {
    const dir = workspace({ 'a.md': 'The WTO ruled. Later the World Trade Organization (WTO) appealed. The cross-border rule and the cross border rule and cross-border data.\n' });
    const all = JSON.parse(run(['--no-default-terms', '--format', 'json', 'a.md'], dir).stdout) as Record[];
    assert.deepEqual(all.map((x) => x.kind), ['abbreviation', 'abbreviation', 'variant']);
    assert.deepEqual((JSON.parse(run(['--no-default-terms', '--format', 'json', '--no-abbreviations', 'a.md'], dir).stdout) as Record[]).map((x) => x.kind), ['variant']);
    assert.deepEqual((JSON.parse(run(['--no-default-terms', '--format', 'json', '--no-variants', 'a.md'], dir).stdout) as Record[]).map((x) => x.kind), ['abbreviation', 'abbreviation']);
    assert.equal(run(['--no-default-terms', '--format', 'json', '--variant-scope', 'off', '--kinds', 'variant', 'a.md'], dir).code, 2, 'nothing left to check');
    assert.deepEqual((JSON.parse(run(['--no-default-terms', '--format', 'json', '--variants', 'spelling,capitalization', '--no-abbreviations', 'a.md'], dir).stdout) as Record[]), []);
  });

  it('refuses only when nothing at all is left to check', () => {
    const dir = workspace({ 'a.md': 'Text.\n' });
    const r = run(['--no-default-terms', '--no-variants', '--no-abbreviations', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no terms to check against, and the checks that need none are off/);
    assert.equal(run(['--no-default-terms', 'a.md'], dir).code, 0);
  });

  it('rejects an unknown variant class or scope with the usage', () => {
    const dir = workspace({ 'a.md': 'Text.\n' });
    const a = run(['--no-default-terms', '--variants', 'hyphenation,spellling', 'a.md'], dir);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /Unknown --variants class\(es\) spellling \(hyphenation, spelling, capitalization\)/);
    const b = run(['--no-default-terms', '--variant-scope', 'folder', 'a.md'], dir);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /Unknown --variant-scope "folder" \(document, workspace or off\)/);
  });

  it('--variant-scope workspace counts forms across every file checked, and fixes them so', () => {
    const dir = workspace({
      'a.md': 'Cross-border trade and cross-border rules.\n',
      'b.md': 'The cross-border data.\n',
      'notes/c.txt': 'Then cross border flows.\n',
    });
    assert.equal(run(['--no-default-terms', '.'], dir).code, 0, 'each file alone is consistent');
    const r = run(['--no-default-terms', '--variant-scope', 'workspace', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    const records = JSON.parse(r.stdout) as (Record & { file: string })[];
    assert.deepEqual(records.map((x) => [x.file, x.found, x.replacements[0]]), [['notes/c.txt', 'cross border', 'cross-border']]);
    assert.equal(records[0]!.message, '"cross border" should be "cross-border" (variant: the files checked write "cross-border" 3 times and "cross border" once)');
    const fix = run(['--no-default-terms', '--variant-scope', 'workspace', '--fix', '.'], dir);
    assert.equal(fix.code, 0, fix.stdout + fix.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'notes/c.txt'), 'utf8'), 'Then cross-border flows.\n');
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'Cross-border trade and cross-border rules.\n');
  });

  it('the workspace scope from termlint.config.json, with --jobs, an override and a file that cannot be read', () => {
    const dir = workspace({
      'termlint.config.json': JSON.stringify({ useBundledTerms: false, variants: { scope: 'workspace' }, overrides: [{ files: ['own/**'], variants: { scope: 'document' } }] }),
      'a.md': 'Cross-border trade and cross-border rules.\n',
      'b.md': 'The cross-border data.\n',
      'notes/c.txt': 'Then cross border flows.\n',
      'own/d.md': 'A cross border lease.\n',
      'bad.md': Buffer.from([0x43, 0x72, 0x6f, 0x73, 0x73, 0xff, 0xfe, 0x0a]),
    });
    const r = run(['--format', 'json', '--jobs', '2', '.'], dir);
    assert.equal(r.code, 2, 'bad.md is an error of the run');
    assert.match(r.stderr, /^bad\.md: cannot check: not UTF-8 text$/m);
    const records = JSON.parse(r.stdout) as (Record & { file: string })[];
    // own/d.md is compared with itself (its override), the others together; the report is in file order.
    assert.deepEqual(records.map((x) => [x.file, x.found]), [['notes/c.txt', 'cross border']]);
    assert.match(records[0]!.message, /the files checked write "cross-border" 3 times and "cross border" once/);
    assert.equal(run(['--format', 'json', '--variant-scope', 'document', 'a.md', 'b.md', 'notes/c.txt'], dir).code, 0, 'the flag wins over the configuration');
    const off = workspace({ 'termlint.config.json': JSON.stringify({ useBundledTerms: false, variants: false }), 'a.md': 'Cross-border trade, cross-border rules and cross border data.\n' });
    assert.equal(run(['a.md'], off).code, 0, 'variants: false');
    assert.equal(run(['--variants', 'hyphenation', 'a.md'], off).code, 1, '--variants switches it back on');
    // termlint report counts the same way, with no term list at all.
    const report = run(['report', '--format', 'json', 'a.md', 'b.md', 'notes/c.txt'], dir);
    assert.equal(report.code, 0, report.stderr);
    const json = JSON.parse(report.stdout) as { totals: { findings: number }; terms: unknown[]; unlisted: { kind: string; found: string; fix: string; count: number }[] };
    assert.equal(json.totals.findings, 1);
    assert.deepEqual(json.terms, []);
    assert.deepEqual(json.unlisted.map((u) => [u.kind, u.found, u.fix, u.count]), [['variant', 'cross border', 'cross-border', 1]]);
  });

  it('honours exceptions and ignore phrases, and the entries\' abbreviations from a CSV or TBX list', () => {
    const dir = workspace({
      // Not a name discovery finds: the run without --terms has no list.
      'list.json': JSON.stringify({
        ignore: ['Harbour Post'],
        terms: [
          { term: 'Macao', forbidden: ['Macau'], exceptions: ['Macau Cross Border Office'] },
          { term: 'Institute of Public Policy', abbreviation: 'IPP', abbreviationDefined: true },
        ],
      }),
      'a.md': 'The Harbour Post opened. The Macau Cross Border Office and a cross-border rule, cross-border fees, cross-border tolls. IPP wrote it.\n',
    });
    const r = run(['--no-default-terms', '--terms', 'list.json', '--format', 'json', 'a.md'], dir);
    assert.deepEqual(JSON.parse(r.stdout), [], 'no variant inside an exception or an ignore phrase; IPP is defined by the list');
    const without = run(['--no-default-terms', '--format', 'json', 'a.md'], dir);
    assert.deepEqual((JSON.parse(without.stdout) as Record[]).map((x) => [x.kind, x.found]), [['variant', 'Cross Border']]);
    for (const out of ['list.terms.csv', 'list.tbx']) {
      const c = run(['convert', 'list.json', out], dir);
      assert.equal(c.code, 0, c.stderr);
      if (out.endsWith('.tbx')) assert.match(c.stderr, /"abbreviationDefined" \(the list defines the abbreviation\) on: "Institute of Public Policy"/);
      else assert.match(fs.readFileSync(path.join(dir, out), 'utf8'), /^en,en:forbidden,exceptions,abbreviation,abbreviationDefined\n/);
      const back = run(['convert', out, `back-${out}.terms.json`], dir);
      assert.equal(back.code, 0, back.stderr);
      const entry = (JSON.parse(fs.readFileSync(path.join(dir, `back-${out}.terms.json`), 'utf8')) as { terms: { term: string; abbreviation?: string; abbreviationDefined?: boolean }[] }).terms.find((t) => t.term === 'Institute of Public Policy')!;
      assert.equal(entry.abbreviation, 'IPP', out);
      assert.equal(entry.abbreviationDefined, out.endsWith('.tbx') ? undefined : true, out);
    }
    const explained = run(['--no-default-terms', '--terms', 'list.json', '--explain', 'IPP'], dir);
    assert.equal(explained.code, 0, explained.stderr);
    assert.match(explained.stdout, /^"IPP" is the abbreviation of "Institute of Public Policy"\./);
    assert.match(explained.stdout, /abbreviation\s+IPP {2}\(defined by the list: documents may use it undefined\)/);
  });

  it('uses the spelling pairs shipped next to the bundle', () => {
    const pairs = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'english-variants.txt'), 'latin1').split('\n');
    const { pairDialects, formatPairs } = require('../../server/src/core/languages/dialects') as typeof import('../../server/src/core/languages/dialects');
    const { dialectData } = require('../../server/src/core/languages/dialectLists') as typeof import('../../server/src/core/languages/dialectLists');
    assert.deepEqual(pairs, formatPairs(pairDialects(dialectData() as never)).split('\n'), 'the bundle ships what the engine pairs');
    assert.ok(pairs.includes('colour color') && pairs.includes('organisation organization'));
    assert.ok(!pairs.some((p) => p.startsWith('licence ')), 'no pair of words both dialects use');
  });
});
