/**
 * The built CLI with no term list at all (`--no-default-terms` and no `--terms`): only the checks that need
 * none run. `termlint --no-default-terms --format json FILE` reports kind `variant` on each minority form, with
 * the majority form as `replacements[0]`, and nothing on the guarded pairs; the switches, the workspace scope,
 * and --fix.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

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

  it('uses the spelling pairs shipped next to the bundle', () => {
    const pairs = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'english-variants.txt'), 'latin1').split('\n');
    const { pairDialects, formatPairs } = require('../../server/src/core/languages/dialects') as typeof import('../../server/src/core/languages/dialects');
    const { dialectData } = require('../../server/src/core/languages/dialectLists') as typeof import('../../server/src/core/languages/dialectLists');
    assert.deepEqual(pairs, formatPairs(pairDialects(dialectData() as never)).split('\n'), 'the bundle ships what the engine pairs');
    assert.ok(pairs.includes('colour color') && pairs.includes('organisation organization'));
    assert.ok(!pairs.some((p) => p.startsWith('licence ')), 'no pair of words both dialects use');
  });
});
