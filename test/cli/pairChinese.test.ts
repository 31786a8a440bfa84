/**
 * Translation pairs with a Chinese source on the command line: the source's concepts are found by the Han matcher
 * (the source is linted as Chinese, in its script), the findings are the translation's. The README's example
 * (examples/pair/) run as it shows it, the interface the issue names (`--format json`: kind, file, line, term),
 * a Traditional source, an XLIFF file with a Chinese source, and a folder run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';
import type { FindingRecord } from '../../server/src/cli/report';

const TERMS = JSON.stringify({
  terms: [
    { term: 'Guangzhou', forbidden: ['Kwangchow'], languages: { 'zh-Hans': { approved: '广州' }, 'zh-Hant': { approved: '廣州' } } },
    { term: 'Shenzhen', languages: { 'zh-Hans': { approved: '深圳' } } },
    { term: 'Macao', forbidden: ['Macau'], languages: { 'zh-Hans': { approved: '澳门' }, 'zh-Hant': { approved: '澳門' } } },
    { term: 'new quality productivity forces', admitted: ['new quality productive forces'], languages: { 'zh-Hans': { approved: '新质生产力' } } },
  ],
});

const SOURCE = `# 合作简报

广州与澳门签署新的合作协议。

深圳培育新质生产力，
吸引各地人才。
`;

const TARGET = `# Cooperation brief

Guangzhou and Macau sign a new
cooperation agreement.

The city fosters new quality productive forces
and draws talent from everywhere.
`;

describe('termlint pair with a Chinese source', () => {
  after(() => removeWorkspaces());

  it('--format json: translation findings in the target at the first line of the block, term the expected English form', () => {
    const dir = workspace({ 'terms.terms.json': TERMS, 'brief.zh.md': SOURCE, 'brief.en.md': TARGET });
    const r = run(['pair', 'brief.zh.md', 'brief.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const records = (JSON.parse(r.stdout) as FindingRecord[]).filter((x) => x.kind === 'translation');
    assert.deepEqual(
      records.map((x) => [x.file, x.line, x.column, x.found, x.term, x.replacements, x.source?.file, x.source?.term, x.source?.termLine]),
      [
        ['brief.en.md', 3, 15, 'Macau', 'Macao', ['Macao'], 'brief.zh.md', '澳门', 3],
        ['brief.en.md', 6, 1, 'The city fosters new quality productive forces', 'Shenzhen', [], 'brief.zh.md', '深圳', 5],
      ],
    );
    assert.equal(records[0]!.message, '"Macau" should be "Macao" (translation of "澳门")');
    assert.equal(records[1]!.message, '"深圳" of the source is not rendered here: expected "Shenzhen" (translation)');
  });

  it('a Traditional source (zh-Hant in its name) is read in its script', () => {
    const hant = '廣州與澳門簽署新的合作協議。\n';
    const dir = workspace({ 'terms.terms.json': TERMS, 'brief.zh-Hant.md': hant, 'brief.en.md': 'Kwangchow and Macao sign a new agreement.\n' });
    const r = run(['pair', 'brief.zh-Hant.md', 'brief.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir);
    const records = (JSON.parse(r.stdout) as FindingRecord[]).filter((x) => x.kind === 'translation');
    assert.deepEqual(records.map((x) => [x.found, x.term, x.source?.term]), [['Kwangchow', 'Guangzhou', '廣州']]);
  });

  it('an XLIFF file with a Chinese source: findings placed in the XLIFF file', () => {
    const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="u1"><segment><source>游客前往澳门。</source><target>Visitors travel to Macau.</target></segment></unit>
    <unit id="u2"><segment><source>深圳建设实验室。</source><target>Shenzhen builds laboratories.</target></segment></unit>
  </file>
</xliff>
`;
    const dir = workspace({ 'terms.terms.json': TERMS, 'brief.xlf': xlf });
    const r = run(['pair', 'brief.xlf', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const records = (JSON.parse(r.stdout) as FindingRecord[]).filter((x) => x.kind === 'translation');
    assert.deepEqual(records.map((x) => [x.file, x.line, x.found, x.term]), [['brief.xlf', 4, 'Macau', 'Macao']]);
    const line = xlf.split('\n')[3]!;
    assert.equal(records[0]!.column, line.indexOf('Macau') + 1);
  });

  it('a folder run checks the pair found by name, the source linted as Chinese', () => {
    const dir = workspace({ 'terms.terms.json': TERMS, 'brief.zh.md': SOURCE, 'brief.en.md': TARGET });
    const r = run(['--no-default-terms', '--terms', 'terms.terms.json', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /brief\.en\.md:3:15 +translation +"Macau" → "Macao" {2}\(brief\.zh\.md:3 "澳门"\)/);
    assert.match(r.stdout, /2 files checked, 1 translation pair/);
  });

  it("the README's example runs as the README shows it", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const m = /\n {4}\$ node dist\/cli\.js (pair examples\/pair\/[^\n]+)\n((?: {4}[^\n]*\n|\n)+?)\n(?! {4})/.exec(readme);
    assert.ok(m, 'the README shows the example with its output');
    const args = m[1]!.split(/\s+/);
    const r = run(args, REPO_ROOT);
    assert.equal(r.code, 1, r.stderr);
    const shown = m[2]!.split('\n').map((l) => l.replace(/^ {4}/, '')).join('\n').trimEnd();
    assert.equal(r.stdout.trimEnd(), shown);
  });
});
