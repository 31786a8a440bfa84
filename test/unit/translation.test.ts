/**
 * Table-driven translation pairs: { source, target, findings }. Each finding is [kind, found, preferred fix or
 * null, the source's term]. The sources here are written in English, the language the engine matches today, so
 * every concept use comes from the linter as it is; the check reads any language's forms alike (formsIn).
 */
import * as assert from 'node:assert/strict';
import type { CompiledTerms } from '../../server/src/core/compile';
import { applyEdits } from '../../server/src/core/fixes';
import { checkPair, counterpartSpan, linkAt } from '../../server/src/core/translation/check';
import { sentenceAt } from '../../server/src/core/translation/sentences';
import type { FormatId, VariantKind } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';

type Expected = [VariantKind, string, string | null, string];

interface Case {
  name: string;
  source: string;
  target: string;
  findings: Expected[];
  format?: FormatId;
  reverse?: boolean;
  kinds?: VariantKind[];
}

const terms = compiledOf([
  { term: 'new quality productivity forces', admitted: ['new quality productive forces'], forbidden: ['productivityforces'] },
  { term: 'high-quality development' },
  { term: 'Guangzhou', forbidden: ['Kwangchow'] },
  { term: 'Shenzhen' },
  { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'] },
  { term: 'Greater Bay Area' },
  { term: 'Hong Kong' },
  { term: 'next-generation Internet' },
]);

const cases: Case[] = [
  { name: 'every term rendered', source: 'Guangzhou and Shenzhen lead the Greater Bay Area.\n', target: 'Shenzhen and Guangzhou lead the Greater Bay Area.\n', findings: [] },
  { name: 'an admitted form renders the term', source: 'We foster new quality productivity forces.\n', target: 'We grow new quality productive forces.\n', findings: [] },
  { name: 'a rendering across a line break', source: 'We foster new quality productivity forces.\n', target: 'The province grows new quality\nproductivity forces at last.\n', findings: [] },
  { name: 'a rendering across list indentation', source: '- Firms in Hong Kong and Macao.\n', target: '- Companies in Hong\n  Kong and Macao.\n', findings: [] },
  { name: 'a variant of an acceptable form is the linter\'s finding, not a missing rendering', source: 'It is high-quality development.\n', target: 'It is high quality development.\n', findings: [] },
  { name: 'counts are not compared', source: 'Macao, Macao and Macao again.\n', target: 'Macao, and the city once more.\n', findings: [] },
  { name: 'a forbidden form', source: 'Visitors come to Macao.\n', target: 'Visitors travel to Macau.\n', findings: [['translation', 'Macau', 'Macao', 'Macao']] },
  { name: 'a superseded name the list forbids', source: 'Guangzhou trades.\n', target: 'Kwangchow trades.\n', findings: [['translation', 'Kwangchow', 'Guangzhou', 'Guangzhou']] },
  { name: 'a near miss the list does not know', source: 'Guangdong builds new quality productivity forces.\n', target: 'The province builds productive forces of a new quality.\n', findings: [['translation', 'productive forces of a new quality', 'new quality productivity forces', 'new quality productivity forces']] },
  { name: 'another term where the source has this one', source: 'Guangzhou hosts the fair.\n', target: 'Shenzhen hosts the fair.\n', findings: [['translation', 'Shenzhen', 'Guangzhou', 'Guangzhou']] },
  { name: 'the nearest of two other terms', source: 'Exports grew, and Guangzhou hosts the fair.\n', target: 'Shenzhen exports grew, and Hong Kong hosts the fair.\n', findings: [['translation', 'Hong Kong', 'Guangzhou', 'Guangzhou']] },
  { name: 'nothing to replace: the first line of the block', source: 'The next-generation Internet\nreaches every county.\n', target: 'The new network\nreaches every county.\n', findings: [['translation', 'The new network', null, 'next-generation Internet']] },
  { name: 'a fix in the case of a sentence start', source: 'New quality productivity forces drive growth.\n', target: 'High-quality development drives growth.\n', findings: [['translation', 'High-quality development', 'New quality productivity forces', 'New quality productivity forces']] },
  { name: 'a fix in a Title Case heading', source: '# Guangzhou Pilots\n', target: '# Shenzhen Pilots\n', findings: [['translation', 'Shenzhen', 'Guangzhou', 'Guangzhou']] },
  { name: 'the term in another block of the translation does not count', source: 'Macao grows.\n\nTrade rises.\n', target: 'The city grows.\n\nTrade with Macao rises.\n', findings: [['translation', 'The city grows.', null, 'Macao']] },
  { name: 'a paragraph split in two is one link', source: 'Guangzhou and Shenzhen signed a pact on trade, transport and talent in the Greater Bay Area last spring.\n', target: 'Guangzhou and Shenzhen signed a pact last spring.\n\nIt covers trade, transport and talent in the Greater Bay Area.\n', findings: [] },
  { name: 'two paragraphs merged are one link', source: 'Guangzhou signed a pact with its neighbour.\n\nShenzhen agreed to share its ports.\n', target: 'Guangzhou signed a pact with its neighbour, and Shenzhen agreed to share its ports.\n', findings: [] },
  { name: 'a block the translation leaves out is not reported term by term', source: '# Plan\n\nGuangzhou grows fast.\n\nMacao joins a new tourism compact with the rest of the region this year.\n\nShenzhen builds.\n', target: '# Plan\n\nGuangzhou grows fast.\n\nShenzhen builds.\n', findings: [] },
  { name: 'an exception spelling renders the term', source: 'A campus in Macao.\n', target: 'The University of Macau campus.\n', findings: [] },
  { name: 'inline code in the translation renders nothing', source: 'Shenzhen grows.\n', target: 'The `Shenzhen` key grows.\n', findings: [['translation', 'The `Shenzhen` key grows.', null, 'Shenzhen']] },
  { name: 'inline code in the source is no term', source: 'The `Shenzhen` key grows.\n', target: 'The key grows.\n', findings: [] },
  { name: 'a link destination in the source is no term', source: 'See [the plan](https://example.org/Shenzhen).\n', target: 'See [the plan](https://example.org/plan).\n', findings: [] },
  { name: 'a fenced code block is no block', source: 'Guangzhou.\n\n```\nShenzhen\n```\n', target: 'Guangzhou.\n\n```\ncode\n```\n', findings: [] },
  { name: 'a disabled line is not checked', source: 'Guangzhou grows.\n', target: '<!-- termlint-disable-next-line -->\nThe city grows.\n', findings: [] },
  { name: 'the reverse direction is off by default', source: 'The city grows.\n', target: 'Guangzhou grows.\n', findings: [] },
  { name: 'the reverse direction asked for', source: 'The city grows.\n', target: 'Guangzhou grows.\n', findings: [['unsourced', 'Guangzhou', null, '']], reverse: true },
  { name: 'kinds leave translation out', source: 'Visitors come to Macao.\n', target: 'Visitors travel to Macau.\n', findings: [], kinds: ['forbidden'] },
  {
    name: 'HTML pairs block by block',
    format: 'html',
    source: '<h1>Guangzhou</h1><p>Trade with Macao.</p><ul><li>Shenzhen</li></ul>',
    target: '<h1>Guangzhou</h1><p>Trade with Macau.</p><ul><li>The city</li></ul>',
    findings: [
      ['translation', 'Macau', 'Macao', 'Macao'],
      ['translation', 'The city', null, 'Shenzhen'],
    ],
  },
];

function check(c: Case, compiled: CompiledTerms = terms) {
  const format = c.format ?? 'markdown';
  return checkPair({ text: c.source, format, lang: 'en' }, { text: c.target, format, lang: 'en' }, compiled, { reverse: c.reverse === true, ...(c.kinds ? { kinds: c.kinds } : {}) });
}

describe('translation pairs (table)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c);
      const got = r.findings.map((f): Expected => [f.kind, f.found, f.replacements[0]?.text ?? null, f.counterpart?.term ?? '']);
      assert.deepEqual(got, c.findings.map(([k, found, fix, term]): Expected => [k, found, fix, term === 'New quality productivity forces' ? 'New quality productivity forces' : term]));
      for (const f of r.findings) {
        assert.equal(c.target.slice(f.start, f.end), f.found, 'found is the target text at the span');
        const cp = f.counterpart!;
        assert.ok(cp.start <= cp.end && cp.end <= c.source.length, 'the counterpart is a span of the source');
        if (cp.term !== undefined) assert.equal(c.source.slice(cp.termStart, cp.termEnd), cp.term);
        assert.ok(f.message.includes(`(${f.kind === 'translation' ? 'translation' : 'unsourced term'}`), f.message);
        // A fix makes the term present: checking again leaves nothing for it.
        if (f.replacements[0]) {
          const fixed = applyEdits(c.target, f.replacements[0].edits);
          const again = check({ ...c, target: fixed });
          assert.ok(!again.findings.some((g) => g.kind === 'translation' && g.termId === f.termId), `after the fix: ${fixed}`);
        }
      }
    });
  }

  it('names the source term and the expected rendering, and points at the source block', () => {
    const r = check({ name: '', source: '# Plan\n\nVisitors come to Macao.\n', target: '# Plan\n\nThe city welcomes visitors.\n', findings: [] });
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.equal(f.message, '"Macao" of the source is not rendered here: expected "Macao" (translation)');
    assert.equal(f.termId, 'Macao');
    assert.deepEqual(f.replacements, []);
    assert.deepEqual(f.counterpart, { start: 8, end: 31, term: 'Macao', termStart: 25, termEnd: 30 });
  });

  it('the expected rendering is the form the translation itself prefers', () => {
    const r = check({ name: '', source: 'We foster new quality productivity forces.\n\nThey grow new quality productivity forces.\n', target: 'We grow new quality productive forces.\n\nThey grow high-quality development.\n', findings: [] });
    assert.deepEqual(r.findings.map((f) => [f.found, f.replacements[0]?.text, f.termId]), [['high-quality development', 'new quality productive forces', 'new quality productivity forces']]);
  });

  it('finds the aligned block and the source sentence of a place in the translation', () => {
    const source = '# Plan\n\nTrade grows. Visitors come to Macao. Shenzhen builds.\n\nGuangzhou hosts.\n';
    const target = '# Plan\n\nTrade grows. Visitors come to Macao. Shenzhen builds.\n\nGuangzhou hosts.\n';
    const r = checkPair({ text: source, format: 'markdown', lang: 'en' }, { text: target, format: 'markdown', lang: 'en' }, terms);
    const at = target.indexOf('Macao');
    const block = counterpartSpan(r, 'target', at)!;
    assert.equal(source.slice(block.start, block.end), 'Trade grows. Visitors come to Macao. Shenzhen builds.');
    const s = sentenceAt(source, block, source.indexOf('Macao'));
    assert.equal(source.slice(s.start, s.end), 'Visitors come to Macao.');
    const back = counterpartSpan(r, 'source', source.indexOf('Guangzhou'))!;
    assert.equal(target.slice(back.start, back.end), 'Guangzhou hosts.');
    assert.ok(linkAt(r, 'target', 0));
  });
});

describe('sentences around a place', () => {
  const table: [string, string, string][] = [
    ['澳门旅游业恢复。广东加快发展新质生产力！深圳领先。', '新质', '广东加快发展新质生产力！'],
    ['GDP grew 3.5 percent. Macao recovered fast. Others lag.', 'Macao', 'Macao recovered fast.'],
    ['“Shenzhen leads.” Guangzhou follows.', 'Shenzhen', '“Shenzhen leads.”'],
    ['One sentence without an end', 'without', 'One sentence without an end'],
  ];
  for (const [text, at, expected] of table) {
    it(expected, () => {
      const s = sentenceAt(text, { start: 0, end: text.length }, text.indexOf(at));
      assert.equal(text.slice(s.start, s.end), expected);
    });
  }
});
