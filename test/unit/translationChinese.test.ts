/**
 * Translation pairs with a Chinese source, table-driven: the concepts the source uses are the occurrences of a
 * Chinese lint (the Han matcher, `lang: 'zh-Hans'` or `'zh-Hant'`), the renderings those of the English lint
 * of the translation. Each finding is [kind, found, preferred fix or null, the source's term as written].
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import { checkPair } from '../../server/src/core/translation/check';
import type { FormatId, VariantKind } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';

type Expected = [VariantKind, string, string | null, string];

interface Case {
  name: string;
  source: string;
  target: string;
  findings: Expected[];
  lang?: string;
  format?: FormatId;
  reverse?: boolean;
}

const zh = (hans: string, hant?: string) => ({ 'zh-Hans': { approved: hans }, ...(hant ? { 'zh-Hant': { approved: hant } } : {}) });

const terms = compiledOf([
  { term: 'new quality productivity forces', admitted: ['new quality productive forces'], forbidden: ['productivityforces'], languages: zh('新质生产力', '新質生產力') },
  { term: 'high-quality development', languages: zh('高质量发展', '高質量發展') },
  { term: 'Guangzhou', forbidden: ['Kwangchow'], languages: zh('广州', '廣州') },
  { term: 'Shenzhen', languages: zh('深圳') },
  { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'], languages: zh('澳门', '澳門') },
  { term: 'Greater Bay Area', languages: zh('粤港澳大湾区', '粵港澳大灣區') },
  { term: 'Hong Kong', languages: zh('香港') },
  { term: 'Hengqin', languages: zh('横琴') },
]);

const cases: Case[] = [
  { name: 'every term rendered', source: '广州和深圳带动粤港澳大湾区发展。\n', target: 'Guangzhou and Shenzhen drive the Greater Bay Area.\n', findings: [] },
  { name: 'an admitted form renders the term', source: '各地培育新质生产力。\n', target: 'Every city fosters new quality productive forces.\n', findings: [] },
  { name: 'a rendering across a line break', source: '全省发展新质生产力。\n', target: 'The province grows new quality\nproductivity forces.\n', findings: [] },
  { name: 'a rendering across list indentation', source: '- 香港与澳门企业参与。\n', target: '- Firms from Hong\n  Kong and Macao take part.\n', findings: [] },
  { name: 'counts are not compared', source: '澳门、澳门，还是澳门。\n', target: 'Macao, and the city once more.\n', findings: [] },
  { name: 'a forbidden form', source: '游客前往澳门。\n', target: 'Visitors travel to Macau.\n', findings: [['translation', 'Macau', 'Macao', '澳门']] },
  { name: 'a superseded name the list forbids', source: '广州举办交易会。\n', target: 'Kwangchow hosts the fair.\n', findings: [['translation', 'Kwangchow', 'Guangzhou', '广州']] },
  { name: 'another term where the source has this one', source: '横琴吸引新企业。\n', target: 'Shenzhen draws new firms.\n', findings: [['translation', 'Shenzhen', 'Hengqin', '横琴']] },
  { name: 'a near miss the list does not know', source: '广东发展新质生产力。\n', target: 'Guangdong develops productive forces of a new quality.\n', findings: [['translation', 'productive forces of a new quality', 'new quality productivity forces', '新质生产力']] },
  { name: 'nothing to replace: the first line of the block', source: '深圳建设新的实验室，\n吸引各地人才。\n', target: 'The city builds new laboratories\nand draws talent from everywhere.\n', findings: [['translation', 'The city builds new laboratories', null, '深圳']] },
  { name: 'a Traditional source (zh-Hant)', lang: 'zh-Hant', source: '廣州與澳門推動高質量發展。\n', target: 'Guangzhou and Macau pursue high-quality development.\n', findings: [['translation', 'Macau', 'Macao', '澳門']] },
  { name: 'the term in another block of the translation does not count', source: '澳门持续增长。\n\n贸易不断扩大。\n', target: 'The city keeps growing.\n\nTrade with Macao expands.\n', findings: [['translation', 'The city keeps growing.', null, '澳门']] },
  { name: 'a paragraph split in two is one link', source: '广州与深圳去年春天签署协议，涵盖粤港澳大湾区的贸易、交通和人才。\n', target: 'Guangzhou and Shenzhen signed a pact last spring.\n\nIt covers trade, transport and talent in the Greater Bay Area.\n', findings: [] },
  { name: 'a list numbered 一、 in the source and 1. in the translation', source: '一、广州扩大开放。\n\n二、深圳加快创新。\n', target: '1. Guangzhou opens up further.\n\n2. The city speeds up innovation.\n', findings: [['translation', 'The city speeds up innovation.', null, '深圳']] },
  {
    name: 'a paragraph per line, no blank line between (Chinese is not wrapped by hand)',
    source: '广州扩大开放。\n深圳加快创新。\n澳门发展旅游业。\n',
    target: 'Guangzhou opens up further.\n\nShenzhen speeds up innovation.\n\nThe city grows its tourism.\n',
    findings: [['translation', 'The city grows its tourism.', null, '澳门']],
  },
  {
    name: 'the same in plain text, and a closing quote ends a sentence too',
    format: 'plaintext',
    source: '广州提出“扩大开放。”\n深圳加快创新！\n澳门发展旅游业。\n',
    target: 'Guangzhou calls for "more openness."\n\nShenzhen speeds up innovation!\n\nThe city grows its tourism.\n',
    findings: [['translation', 'The city grows its tourism.', null, '澳门']],
  },
  { name: 'inline code in the source is no term', source: '配置项 `深圳` 已更新。\n', target: 'The setting has been updated.\n', findings: [] },
  { name: 'a fenced code block is no block', source: '广州。\n\n```\n深圳\n```\n', target: 'Guangzhou.\n\n```\ncode\n```\n', findings: [] },
  { name: 'the reverse direction asked for', source: '这座城市正在发展。\n', target: 'Guangzhou is growing.\n', findings: [['unsourced', 'Guangzhou', null, '']], reverse: true },
];

function check(c: Case) {
  const format = c.format ?? 'markdown';
  return checkPair({ text: c.source, format, lang: c.lang ?? 'zh-Hans' }, { text: c.target, format, lang: 'en' }, terms, { reverse: c.reverse === true });
}

describe('translation pairs with a Chinese source (table)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c);
      const got = r.findings.map((f): Expected => [f.kind, f.found, f.replacements[0]?.text ?? null, f.counterpart?.term ?? '']);
      assert.deepEqual(got, c.findings);
      for (const f of r.findings) {
        assert.equal(c.target.slice(f.start, f.end), f.found);
        const cp = f.counterpart!;
        if (cp.term !== undefined) assert.equal(c.source.slice(cp.termStart, cp.termEnd), cp.term);
        if (f.replacements[0]) {
          const fixed = applyEdits(c.target, f.replacements[0].edits);
          assert.ok(!check({ ...c, target: fixed }).findings.some((g) => g.kind === 'translation' && g.termId === f.termId), `after the fix: ${fixed}`);
        }
      }
    });
  }

  it('the source side is the Chinese lint: the concepts it uses are its occurrences, nothing matched a second time', () => {
    const source = '广州与澳门推动新质生产力。\n';
    const lint = lintText(source, terms, { format: 'markdown', lang: 'zh-Hans' });
    assert.deepEqual(lint.occurrences.map((o) => source.slice(o.start, o.end)), ['广州', '澳门', '新质生产力']);
    const r = checkPair({ text: source, format: 'markdown', lang: 'zh-Hans', result: lint }, { text: 'Guangzhou and Macau foster new quality productivity forces.\n', format: 'markdown', lang: 'en' }, terms);
    assert.equal(r.source, lint, 'the given lint is the one the check reads');
    assert.deepEqual(r.findings.map((f) => [f.found, f.message]), [['Macau', '"Macau" should be "Macao" (translation of "澳门")']]);
  });

  it('names the source term and the expected rendering when nothing renders it', () => {
    const r = check({ name: '', source: '# 规划\n\n游客前往澳门。\n', target: '# Plan\n\nVisitors come to the city.\n', findings: [] });
    assert.deepEqual(r.findings.map((f) => [f.message, f.termId, f.start]), [['"澳门" of the source is not rendered here: expected "Macao" (translation)', 'Macao', 8]]);
  });
});
