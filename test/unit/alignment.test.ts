/**
 * Block alignment: anchors (numbers, Latin words, list numbering in either language's style), the moves for a
 * paragraph split in two, two merged, a block left out and a block added, and the accuracy on the aligned test
 * pairs, which the README states.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorsOf, chineseNumber, leadingNumber, romanNumber } from '../../server/src/core/translation/anchors';
import { checkPair } from '../../server/src/core/translation/check';
import { alignedPairs, asIndexes, scorePairs } from '../helpers/pairs';
import { REPO_ROOT, bundledTerms, compiledOf } from '../helpers/terms';

describe('alignment anchors', () => {
  const numbers: [string, number][] = [['一', 1], ['九', 9], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['两', 2], ['百', -1], ['', -1]];
  for (const [s, n] of numbers) it(`${s || '(empty)'} is ${n}`, () => assert.equal(chineseNumber(s), n));
  for (const [s, n] of [['I', 1], ['IV', 4], ['IX', 9], ['XIV', 14], ['IIII', -1], ['', -1]] as [string, number][]) it(`${s || '(empty)'} in Roman numerals is ${n}`, () => assert.equal(romanNumber(s), n));

  const leading: [string, string, number][] = [
    ['', '一、总体要求', 1],
    ['## ', '三、保障措施', 3],
    ['', '（二）建设网络安全监测平台。', 2],
    ['', '(2) Open up application scenarios', 2],
    ['', '第十二条 本条例自发布之日起施行。', 12],
    ['', 'Article 4 Those who complete', 4],
    ['', 'II. Key Tasks', 2],
    ['3. ', 'Deepen scientific cooperation', 3],
    ['  - ', '2. Nested number in text', 2],
    ['', '2024年完成网络主体建设', -1],
    ['', '1.5 trillion yuan is the goal', -1],
    ['', 'In 2023, the institute', -1],
    ['', 'I am not a numeral.', -1],
  ];
  for (const [before, text, n] of leading) it(`"${before}${text}" starts with ${n}`, () => assert.equal(leadingNumber(before, text), n));

  it('numbers without thousands separators, Latin words only when asked for', () => {
    assert.deepEqual(anchorsOf('到2026年突破1.5万亿元，培育10家企业，支持AI和5G。', true), ['#2026', '#1.5', '#10', '@ai', '@5g']);
    assert.deepEqual(anchorsOf('more than 3,000 companies and 1,000 trainees, 4.6%', false), ['#3000', '#1000', '#4.6']);
  });
});

describe('block alignment', () => {
  const terms = compiledOf([{ term: 'Guangzhou' }, { term: 'Shenzhen' }, { term: 'Macao' }]);
  const links = (source: string, target: string) => asIndexes(checkPair({ text: source, format: 'markdown', lang: 'zh-Hans' }, { text: target, format: 'markdown', lang: 'en' }, terms).links);

  const zh = ['# 年度计划', '全年引进项目120个，完成投资350亿元，新增就业岗位2万个。', '重点支持人工智能和生物医药两大产业，各设立50亿元专项基金，三年内培育龙头企业20家。', '## 工作安排', '第一季度完成项目遴选。', '第四季度开展年度评估。'];
  const en = [
    '# Annual Plan',
    'The year will bring in 120 projects, with 35 billion yuan invested and 20,000 new jobs.',
    'Two industries, artificial intelligence and biomedicine, get priority support, with a dedicated fund of 5 billion yuan each and 20 leading companies to be fostered within three years.',
    '## Work Schedule',
    'Projects will be selected in the first quarter.',
    'An annual review will take place in the fourth quarter.',
  ];
  const doc = (blocks: string[]) => blocks.join('\n\n') + '\n';
  const identity = zh.map((_, i): [number[], number[]] => [[i], [i]]);

  it('one to one', () => assert.deepEqual(links(doc(zh), doc(en)), identity));

  it('a paragraph the translation splits in two (1-2)', () => {
    const split = [...en.slice(0, 2), 'Two industries, artificial intelligence and biomedicine, get priority support, with a dedicated fund of 5 billion yuan each.', '20 leading companies are to be fostered within three years.', ...en.slice(3)];
    assert.deepEqual(links(doc(zh), doc(split)), [[[0], [0]], [[1], [1]], [[2], [2, 3]], [[3], [4]], [[4], [5]], [[5], [6]]]);
  });

  it('two paragraphs the translation merges (2-1)', () => {
    const merged = [...en.slice(0, 1), `${en[1]} ${en[2]}`, ...en.slice(3)];
    assert.deepEqual(links(doc(zh), doc(merged)), [[[0], [0]], [[1, 2], [1]], [[3], [2]], [[4], [3]], [[5], [4]]]);
  });

  it('a block the translation leaves out (1-0)', () => {
    const missing = [...en.slice(0, 2), ...en.slice(3)];
    assert.deepEqual(links(doc(zh), doc(missing)), [[[0], [0]], [[1], [1]], [[2], []], [[3], [2]], [[4], [3]], [[5], [4]]]);
  });

  it('a block the translation adds (0-1)', () => {
    const added = [...en.slice(0, 3), "*Translator's note: the figures are the plan's, not outcomes.*", ...en.slice(3)];
    assert.deepEqual(links(doc(zh), doc(added)), [[[0], [0]], [[1], [1]], [[2], [2]], [[], [3]], [[3], [4]], [[4], [5]], [[5], [6]]]);
  });

  it('list numbering 一、 ↔ 1. anchors, but a renumbered list still aligns by content', () => {
    const source = doc(['## 一、目标', '（一）引进项目120个。', '（二）完成投资350亿元，覆盖广州、深圳两市的重点园区。', '（三）新增就业岗位2万个。']);
    const target = doc(['## 1. Goals', '1. Bring in 120 projects.', '2. Create 20,000 new jobs.']);
    assert.deepEqual(links(source, target), [[[0], [0]], [[1], [1]], [[2], []], [[3], [2]]]);
  });

  it('a document with no blocks on one side links every block to nothing', () => {
    assert.deepEqual(links(doc(zh.slice(0, 2)), ''), [[[0], []], [[1], []]]);
    assert.deepEqual(links('', doc(en.slice(0, 1))), [[[], [0]]]);
  });

  it('aligns a thousand blocks a side in a band, in order', () => {
    const many = (blocks: string[], n: number) => doc(Array.from({ length: n }, (_, k) => blocks[k % blocks.length]!.replace(/\d+/, String(100 + k))));
    const got = links(many(zh.slice(1, 3), 1000), many(en.slice(1, 3), 1000));
    assert.equal(got.length, 1000);
    assert.ok(got.every(([s, t], k) => s[0] === k && t[0] === k));
  });
});

describe('alignment accuracy on the aligned test pairs', () => {
  const scores = scorePairs(bundledTerms());
  const correct = scores.reduce((n, s) => n + s.correct, 0);
  const predicted = scores.reduce((n, s) => n + s.predicted, 0);
  const gold = scores.reduce((n, s) => n + s.gold, 0);
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;

  it('reads every block the gold links name', () => {
    for (const p of alignedPairs()) {
      const s = scores.find((x) => x.name === p.name)!;
      assert.equal(s.sourceBlocks, p.gold.reduce((n, [a]) => n + a.length, 0), `${p.name}: source blocks`);
      assert.equal(s.targetBlocks, p.gold.reduce((n, [, b]) => n + b.length, 0), `${p.name}: target blocks`);
    }
  });

  it('has the precision and recall the README states', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const line = `block links: precision ${pct(correct, predicted)} (${correct} of ${predicted}), recall ${pct(correct, gold)} (${correct} of ${gold})`;
    assert.ok(readme.includes(line), `the README should say: ${line}`);
    for (const s of scores) {
      const row = `| ${s.name} | ${s.sourceBlocks} | ${s.targetBlocks} | ${s.correct}/${s.predicted} | ${s.correct}/${s.gold} |`;
      assert.ok(readme.includes(row), `the README's row: ${row}`);
    }
    // A floor, so that a change that loses accuracy fails here and not only in the README's numbers.
    assert.ok(correct / predicted >= 0.95 && correct / gold >= 0.95, line);
  });
});
