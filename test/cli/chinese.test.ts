/**
 * The built CLI on Chinese drafts: the README's command prints what the README shows, JSON carries the kinds with
 * the fixed form as replacements[0] and the document's language, --fix applies them, --lang and names decide the
 * language, and `termlint report` counts the Chinese kinds and shows the Chinese forms used.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';



const TERMS = JSON.stringify({
  terms: [
    { term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' }, 'zh-Hant': { approved: '橫琴' } } },
    { term: 'Qianhai Cooperation Zone', languages: { 'zh-Hans': { approved: '前海合作区', forbidden: ['前海合作园'] }, 'zh-Hant': { approved: '前海合作區' } } },
    { term: 'smart manufacturing', languages: { 'zh-Hans': { approved: '智能制造', admitted: ['智慧制造'] } } },
    { term: 'GDP' },
  ],
});
const DRAFT = '前往橫琴，参观前海合作园和前海合做区。全省ＧＤＰ增长。智能制造，智能制造，智慧制造。\n';

describe('termlint CLI: Chinese drafts', function () {
  this.timeout(30_000);
  after(() => removeWorkspaces());

  it('prints the README\'s example output for examples/draft.zh.md', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Chinese drafts'));
    const command = /```sh\nnpm run build && (node dist\/cli\.js [^\n]+)\n```/.exec(section)![1]!;
    const expected = /```\n(examples\/draft\.zh\.md \(zh-Hans\)\n[\s\S]*?)```/.exec(section)![1]!;
    const r = run(command.split(' ').slice(2), REPO_ROOT);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, expected);
  });

  it("prints the README's example output for examples/draft.zh-Hant.md, and --fix leaves nothing to report", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Chinese drafts'));
    const command = /```sh\n(node dist\/cli\.js [^\n]+draft\.zh-Hant\.md)\n```/.exec(section)![1]!;
    const expected = /```\n(examples\/draft\.zh-Hant\.md \(zh-Hant\)\n[\s\S]*?)```/.exec(section)![1]!;
    const r = run(command.split(' ').slice(2), REPO_ROOT);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, expected);
    const dir = workspace({ 'draft.zh-Hant.md': fs.readFileSync(path.join(REPO_ROOT, 'examples', 'draft.zh-Hant.md'), 'utf8') });
    assert.equal(run(['--fix', 'draft.zh-Hant.md'], dir).code, 0);
    const fixed = fs.readFileSync(path.join(dir, 'draft.zh-Hant.md'), 'utf8');
    assert.ok(fixed.includes('粵港澳大灣區的高校'), 'the short form is named in full at its first use');
    assert.ok(fixed.includes('# 大灣區協同發展簡報'), 'the heading keeps its short form');
    assert.ok(fixed.includes('堅持互利共贏開放戰略'), 'the fixed wording stands');
    assert.equal(run(['draft.zh-Hant.md'], dir).code, 0);
  });

  it('reports each Chinese kind in JSON with the fixed form first and the language, and --fix applies them', () => {
    const dir = workspace({ 'zh.terms.json': TERMS, 'brief.zh.md': DRAFT });
    const json = run(['--no-default-terms', '--terms', 'zh.terms.json', 'brief.zh.md', '--format', 'json'], dir);
    assert.equal(json.code, 1, json.stderr);
    const records = JSON.parse(json.stdout) as { kind: string; found: string; replacements: string[]; language: string; column: number }[];
    assert.deepEqual(
      records.map((r) => [r.kind, r.found, r.replacements[0], r.language, r.column]),
      [
        ['script', '橫琴', '横琴', 'zh-Hans', 3],
        ['forbidden', '前海合作园', '前海合作区', 'zh-Hans', 8],
        ['misspelling', '前海合做区', '前海合作区', 'zh-Hans', 14],
        ['width', 'ＧＤＰ', 'GDP', 'zh-Hans', 22],
        ['inconsistent', '智慧制造', '智能制造', 'zh-Hans', 38],
      ],
    );
    const fixed = run(['--no-default-terms', '--terms', 'zh.terms.json', 'brief.zh.md', '--fix'], dir);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'brief.zh.md'), 'utf8'), '前往横琴，参观前海合作区和前海合作区。全省GDP增长。智能制造，智能制造，智能制造。\n');
  });

  it('reads a file as --lang says unless its name names a language, and detects Chinese from the text', () => {
    const dir = workspace({ 'zh.terms.json': TERMS, 'plain.md': '前往横琴。\n', 'hk.zh-HK.md': '前往横琴。\n', 'english.md': 'Hengqin and 横琴.\n' });
    const args = ['--no-default-terms', '--terms', 'zh.terms.json', '--format', 'json'];
    const kinds = (r: { stdout: string }) => (JSON.parse(r.stdout) as { file: string; kind: string; language?: string }[]).map((x) => [x.file, x.kind, x.language]);
    assert.deepEqual(kinds(run([...args, 'plain.md', 'hk.zh-HK.md', 'english.md'], dir)), [['hk.zh-HK.md', 'script', 'zh-HK']]);
    assert.deepEqual(kinds(run([...args, '--lang', 'zh-Hant', 'plain.md', 'hk.zh-HK.md'], dir)), [
      ['hk.zh-HK.md', 'script', 'zh-HK'],
      ['plain.md', 'script', 'zh-Hant'],
    ]);
    const bad = run([...args, '--lang', 'not a tag!', 'plain.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--lang takes a language tag/);
  });

  it("termlint.config.json's language, and an override's, decide for files whose name names none; --lang wins; --print-config says why", () => {
    const dir = workspace({
      'termlint.config.json': '{ "language": "zh-Hant", "overrides": [ { "files": ["hans/**"], "language": "zh-Hans" } ] }',
      'zh.terms.json': TERMS,
      'a.md': '前往横琴。\n',
      'hans/b.md': '前往橫琴。\n',
      'c.zh-Hans.md': '前往橫琴。\n',
    });
    const args = ['--no-default-terms', '--terms', 'zh.terms.json', '--format', 'json'];
    const kinds = (r: { stdout: string; stderr: string }) => (JSON.parse(r.stdout || '[]') as { file: string; kind: string; language?: string }[]).map((x) => [x.file, x.kind, x.language]);
    assert.deepEqual(kinds(run([...args, 'a.md', 'hans/b.md', 'c.zh-Hans.md'], dir)), [
      ['a.md', 'script', 'zh-Hant'],
      ['c.zh-Hans.md', 'script', 'zh-Hans'],
      ['hans/b.md', 'script', 'zh-Hans'],
    ]);
    assert.deepEqual(kinds(run([...args, '--lang', 'zh-Hans', 'a.md', 'hans/b.md'], dir)), [['hans/b.md', 'script', 'zh-Hans']]);
    const printed = (file: string, ...flags: string[]) => (JSON.parse(run(['--print-config', file, ...flags], dir).stdout) as { language: unknown; settings: { language: string } });
    assert.deepEqual(printed('a.md').language, { tag: 'zh-Hant', source: 'setting' });
    assert.deepEqual(printed('hans/b.md').settings.language, 'zh-Hans');
    assert.deepEqual(printed('c.zh-Hans.md').language, { tag: 'zh-Hans', source: 'file name' });
    assert.deepEqual(printed('a.md', '--lang', 'auto').language, { tag: 'zh-Hans', source: 'text' });
    const broken = workspace({ 'termlint.config.json': '{ "language": "Cantonese please" }', 'a.md': '前往横琴。\n' });
    const r = run(['a.md'], broken);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^termlint\.config\.json:1:15 {2}error {2}"Cantonese please" is not a value "language" takes: use one such as "auto", "en", "zh-Hans"/);
  });

  it('termlint report counts the Chinese kinds and lists the Chinese forms a draft uses', () => {
    const dir = workspace({ 'zh.terms.json': TERMS, 'brief.zh.md': DRAFT });
    const r = run(['report', '--no-default-terms', '--terms', 'zh.terms.json', 'brief.zh.md', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { totals: { findings: number; byKind: Record<string, number> }; terms: { term: string; languages: unknown; variants: { found: string; kind: string }[] }[] };
    assert.equal(report.totals.findings, 5);
    assert.equal(report.totals.byKind.script, 1);
    assert.equal(report.totals.byKind.width, 1);
    const qianhai = report.terms.find((t) => t.term === '前海合作区')!;
    assert.ok(qianhai, JSON.stringify(report.terms.map((t) => t.term)));
    assert.deepEqual(qianhai.variants.map((v) => [v.found, v.kind]).sort(), [['前海合作园', 'forbidden'], ['前海合做区', 'misspelling']]);
    assert.match(JSON.stringify(qianhai.languages), /Qianhai Cooperation Zone/);
  });
});
