/**
 * Table-driven engine cases: { text, findings, fixed }. Each finding is written as [kind, found, preferred
 * replacement]; `fixed` is the text after applying every preferred fix, which must then lint clean.
 */
import * as assert from 'node:assert/strict';
import type { CompiledTerms } from '../../server/src/core/compile';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import type { FormatId, LintOptions, VariantKind } from '../../server/src/core/types';
import { bundledTerms, compiledOf } from '../helpers/terms';

type Expected = [VariantKind, string, string];

interface Case {
  name: string;
  text: string;
  findings: Expected[];
  fixed?: string;
  language?: FormatId;
  terms?: CompiledTerms;
  options?: Partial<LintOptions>;
}

const small = () =>
  compiledOf([
    { term: 'new quality productivity forces', admitted: ['new quality productive forces'], forbidden: ['productivityforces'] },
    { term: 'high-quality development' },
    { term: 'win-win' },
    { term: 'Hong Kong' },
    { term: 'Guangdong' },
    { term: 'Nansha' },
    { term: 'Shenzhen' },
    { term: 'Macao', forbidden: ['Macau'] },
    { term: 'Greater Bay Area' },
    { term: 'next-generation Internet' },
    { term: 'Yangcheng Evening News' },
    { term: 'South China University of Technology' },
    { term: 'Guangzhou' },
  ]);

const cases: Case[] = [
  // joined
  { name: 'joined words of a multi-word term', text: 'We build new quality productivityforces here.', findings: [['joined', 'new quality productivityforces', 'new quality productivity forces']], fixed: 'We build new quality productivity forces here.' },
  { name: 'joined proper name', text: 'Firms in HongKong agree.', findings: [['joined', 'HongKong', 'Hong Kong']], fixed: 'Firms in Hong Kong agree.' },
  // split
  { name: 'split one-word term', text: 'Exports from Guang dong rose.', findings: [['split', 'Guang dong', 'Guangdong']], fixed: 'Exports from Guangdong rose.' },
  { name: 'split one-word term (Nansha)', text: 'A port in Nan sha opened.', findings: [['split', 'Nan sha', 'Nansha']] },
  { name: 'split one-word term (Shenzhen)', text: 'The city of Shen zhen grew.', findings: [['split', 'Shen zhen', 'Shenzhen']] },
  { name: 'split into ordinary English words is not a finding', text: 'They ran a new port.', findings: [], terms: compiledOf([{ term: 'Newport' }]) },
  // hyphen
  { name: 'missing hyphen', text: 'We want high quality development now.', findings: [['hyphen', 'high quality development', 'high-quality development']], fixed: 'We want high-quality development now.' },
  { name: 'extra hyphen', text: 'Some new-quality productivity forces.', findings: [['hyphen', 'new-quality productivity forces', 'new quality productivity forces']] },
  { name: 'win win', text: 'It is a win win deal.', findings: [['hyphen', 'win win', 'win-win']] },
  { name: 'hyphen in a proper name', text: 'Visitors to Hong-Kong.', findings: [['hyphen', 'Hong-Kong', 'Hong Kong']] },
  { name: 'hyphen written together', text: 'A winwin deal.', findings: [['hyphen', 'winwin', 'win-win']] },
  // case
  { name: 'lower-case proper name', text: 'Firms in guangdong agree.', findings: [['case', 'guangdong', 'Guangdong']], fixed: 'Firms in Guangdong agree.' },
  { name: 'wrong case inside a name', text: 'The Greater Bay area grows.', findings: [['case', 'Greater Bay area', 'Greater Bay Area']] },
  { name: 'case-insensitive term at sentence start is fine', text: 'High-quality development is the aim.', findings: [] },
  { name: 'sentence start allows a capital on a case-sensitive term', text: 'It works. Next-generation Internet pilots start.', findings: [] },
  { name: 'Title Case heading allows capitals', text: '# Next-Generation Internet Pilots\n\nText.', findings: [] },
  { name: 'ALL CAPS heading is fine', text: '## NEXT-GENERATION INTERNET AND GUANGDONG\n', findings: [] },
  { name: 'lower case in a sentence-case heading is still wrong', text: '## Plans for guangdong\n', findings: [['case', 'guangdong', 'Guangdong']] },
  { name: 'case fix keeps a sentence-start capital', text: 'Done. Next-generation internet is next.', findings: [['case', 'Next-generation internet', 'Next-generation Internet']] },
  // misspelling
  { name: 'misspelled place name', text: 'Offices in Shenzen open.', findings: [['misspelling', 'Shenzen', 'Shenzhen']], fixed: 'Offices in Shenzhen open.' },
  { name: 'misspelled place name (deleted letter)', text: 'Trains to Guangzou run daily.', findings: [['misspelling', 'Guangzou', 'Guangzhou']] },
  { name: 'misspelled word inside a multi-word name', text: 'Read the Yangcheng Evening Newss today.', findings: [['misspelling', 'Yangcheng Evening Newss', 'Yangcheng Evening News']] },
  { name: 'misspelled last word of a long name', text: 'At South China University of Technolgy, staff agree.', findings: [['misspelling', 'South China University of Technolgy', 'South China University of Technology']] },
  { name: 'an English word is never a misspelling', text: 'A macro view of the economy.', findings: [] },
  { name: 'short words are never fuzzy-matched', text: 'Maca and Maco.', findings: [] },
  { name: 'misspelling with a line break inside the name keeps the break', text: 'Read the Yangcheng\nEvening Newss today.', findings: [['misspelling', 'Yangcheng\nEvening Newss', 'Yangcheng\nEvening News']], fixed: 'Read the Yangcheng\nEvening News today.' },
  // forbidden
  { name: 'forbidden form', text: 'Visits to Macau rose.', findings: [['forbidden', 'Macau', 'Macao']], fixed: 'Visits to Macao rose.' },
  { name: 'forbidden form at sentence start keeps the capital', text: 'productivityforces matter.', findings: [['forbidden', 'productivityforces', 'new quality productivity forces']] },
  { name: 'a forbidden one-word form written apart is ordinary prose', text: 'The productivity forces of a region.', findings: [] },
  // inconsistent
  {
    name: 'minority acceptable form is flagged, fixed to the majority',
    text: 'new quality productivity forces and new quality productivity forces, but new quality productive forces.',
    findings: [['inconsistent', 'new quality productive forces', 'new quality productivity forces']],
    fixed: 'new quality productivity forces and new quality productivity forces, but new quality productivity forces.',
  },
  {
    name: 'majority admitted form wins over the approved one',
    text: 'new quality productive forces, new quality productive forces and new quality productivity forces.',
    findings: [['inconsistent', 'new quality productivity forces', 'new quality productive forces']],
  },
  { name: 'ties go to the approved form', text: 'new quality productive forces and new quality productivity forces.', findings: [['inconsistent', 'new quality productive forces', 'new quality productivity forces']] },
  { name: 'consistency can be switched off', text: 'new quality productive forces and new quality productivity forces.', findings: [], options: { consistency: false } },
  // boundaries and whitespace
  { name: 'term across a line break and list indentation is correct', text: '- We build new quality productivity\n  forces in Guangdong.', findings: [] },
  { name: 'hyphenated compound with a term is correct', text: 'A Guangdong-themed event for Hong Kong-based firms.', findings: [] },
  { name: 'possessive is correct', text: "Shenzhen's firms.", findings: [] },
  { name: 'a term inside a longer word is not a finding', text: 'Guangdongese cuisine and Macaoan food.', findings: [] },
  { name: 'a term does not run across a paragraph break', text: 'Hong\n\nKong', findings: [] },
  { name: 'CJK text next to a term', text: '广东Guangdong与深圳', findings: [] },
  { name: 'joined fix keeps author line breaks elsewhere', text: 'new quality\nproductivityforces', findings: [['joined', 'new quality\nproductivityforces', 'new quality\nproductivity forces']] },
  // Markdown
  { name: 'inline code is skipped', text: 'Use `Shenzen` and `guangdong` here.', findings: [] },
  { name: 'fenced code is skipped', text: '```\nShenzen guangdong Macau\n```\n', findings: [] },
  { name: 'indented code is skipped', text: 'Text.\n\n    Shenzen guangdong\n', findings: [] },
  { name: 'URLs and autolinks are skipped', text: 'See <https://macau.example/shenzen> and [Shenzhen](https://x.example/Macau).', findings: [] },
  { name: 'link text is checked', text: 'See [Shenzen](https://x.example).', findings: [['misspelling', 'Shenzen', 'Shenzhen']] },
  { name: 'HTML comments are skipped', text: '<!-- Macau -->\nText.', findings: [] },
  { name: 'front-matter keys are skipped, values checked', text: '---\nmacau: Macau\n---\n\nText.', findings: [['forbidden', 'Macau', 'Macao']] },
  { name: 'emphasis inside a term is transparent', text: 'The **Greater Bay** Area.', findings: [] },
  { name: 'task items are blocks of their own: no term runs across two', text: '- [ ] Hong\n- [x] Kong', findings: [] },
  { name: 'a task item starts a sentence', text: '- [ ] Next-generation Internet pilots', findings: [] },
  { name: 'blockquote continuation inside a term', text: '> new quality productivity\n> forces grow.', findings: [] },
  { name: 'plain text is checked whole', text: '`Shenzen` here', language: 'plaintext', findings: [['misspelling', 'Shenzen', 'Shenzhen']] },
  // directives
  { name: 'disable-next-line', text: '<!-- termlint-disable-next-line -->\nMacau.\nMacau.', findings: [['forbidden', 'Macau', 'Macao']] },
  { name: 'disable-line in any comment syntax', text: 'Macau // termlint-disable-line\nok', language: 'plaintext', findings: [] },
  { name: 'disable / enable region', text: '<!-- termlint-disable -->\nMacau\n\nguangdong\n<!-- termlint-enable -->\n\nMacau', findings: [['forbidden', 'Macau', 'Macao']] },
  // kinds filter
  { name: 'kinds filter', text: 'Macau and guangdong.', findings: [['case', 'guangdong', 'Guangdong']], options: { kinds: ['case'] } },
  { name: 'fuzzy off', text: 'Shenzen and Macau.', findings: [['forbidden', 'Macau', 'Macao']], options: { fuzzy: false } },
];

describe('lintText: table of cases', () => {
  let terms: CompiledTerms;
  before(() => {
    terms = small();
  });
  for (const c of cases) {
    it(c.name, () => {
      const compiled = c.terms ?? terms;
      const options: LintOptions = { format: c.language ?? 'markdown', ...c.options };
      const { findings } = lintText(c.text, compiled, options);
      const got = findings.map((f): Expected => [f.kind, f.found, f.replacements[0]!.text]);
      assert.deepEqual(got, c.findings);
      for (const f of findings) assert.equal(c.text.slice(f.start, f.end), f.found);
      const fixed = applyEdits(c.text, fixAllEdits(findings));
      if (c.fixed !== undefined) assert.equal(fixed, c.fixed);
      // Fixing is idempotent: the fixed text has nothing left to fix.
      const again = lintText(fixed, compiled, options).findings;
      assert.deepEqual(again.map((f) => [f.kind, f.found]), []);
    });
  }
});

describe('findings as data', () => {
  it('carry term id, expected form, minimal edits and a message', () => {
    const text = 'Firms in HongKong.';
    const [f] = lintText(text, small(), { format: 'plaintext' }).findings;
    assert.ok(f);
    assert.equal(f.termId, 'Hong Kong');
    assert.equal(f.expected, 'Hong Kong');
    assert.deepEqual(f.replacements[0]!.edits, [{ start: 13, end: 13, text: ' ' }]);
    assert.equal(f.message, '"HongKong" should be "Hong Kong" (joined words)');
  });

  it('offers the written form, corrected, as a second replacement when another form dominates', () => {
    const text = 'new quality productivity forces, new quality productivity forces, new quality productive-forces.';
    const f = lintText(text, small(), { format: 'plaintext' }).findings.find((x) => x.kind === 'hyphen');
    assert.ok(f);
    assert.deepEqual(f.replacements.map((r) => r.text), ['new quality productivity forces', 'new quality productive forces']);
  });

  it('counts each document afresh with the same compiled list: no count of an earlier lint carries over', () => {
    const compiled = small();
    const approvedOnly = 'new quality productivity forces. '.repeat(6);
    const admittedOnly = 'new quality productive forces and new quality productive forces.';
    const mixed = 'new quality productive forces, new quality productive forces and new quality productivity forces.';
    // In any order, after any other document, each reads as it does linted first.
    const alone = [approvedOnly, admittedOnly, mixed].map((t) => lintText(t, small(), { format: 'plaintext' }).findings);
    for (const order of [[0, 1, 2], [2, 0, 1], [0, 2, 1, 0, 1]]) {
      for (const i of order) assert.deepEqual(lintText([approvedOnly, admittedOnly, mixed][i]!, compiled, { format: 'plaintext' }).findings, alone[i], `document ${i} in order ${order}`);
    }
    assert.deepEqual(alone[1], [], 'a document written in its admitted form only is consistent');
    assert.deepEqual(alone[2]!.map((f) => f.found), ['new quality productivity forces']);
  });

  it('reports occurrences of correct uses for hover', () => {
    const { occurrences, findings } = lintText('Guangdong and Hong Kong.', small(), { format: 'plaintext' });
    assert.deepEqual(findings, []);
    assert.deepEqual(occurrences.map((o) => [o.termId, o.start, o.end]), [['Guangdong', 0, 9], ['Hong Kong', 14, 23]]);
  });

  it('names the variant each occurrence is written as, reported or not', () => {
    const text = 'Guangdong, Guang dong, guangdong, HongKong, Hong-Kong, Macau, Shenzen; new quality productive forces.';
    const compiled = compiledOf([
      { term: 'Guangdong' },
      { term: 'Hong Kong' },
      { term: 'Macao', forbidden: ['Macau'] },
      { term: 'Shenzhen' },
      { term: 'new quality productivity forces', admitted: ['new quality productive forces'] },
    ]);
    const written = (options: Partial<LintOptions>) => {
      const { occurrences } = lintText(text, compiled, { format: 'plaintext', ...options });
      return occurrences.map((o) => `${text.slice(o.start, o.end)}:${o.kind ?? 'as written'}:${o.form}`);
    };
    const expected = [
      'Guangdong:as written:0',
      'Guang dong:split:0',
      'guangdong:case:0',
      'HongKong:joined:0',
      'Hong-Kong:hyphen:0',
      'Macau:forbidden:-1',
      'Shenzen:misspelling:-1',
      'new quality productive forces:as written:1',
    ];
    assert.deepEqual(written({}), expected);
    // Kinds left out of the report are still how those uses are written.
    assert.deepEqual(written({ kinds: ['forbidden'] }), expected);
  });

  it('ignored words from a term list are never reported', () => {
    const compiled = compiledOf([{ term: 'Macao', forbidden: ['Macau'] }], { ignore: ['macau'] });
    assert.deepEqual(lintText('Macau', compiled, { format: 'plaintext' }).findings, []);
  });

  it('surrogate pairs and combining marks around terms keep offsets exact', () => {
    const text = '😀 Macau 👍🏽 e\u0301 guangdong';
    const { findings } = lintText(text, small(), { format: 'plaintext' });
    assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['Macau', 'guangdong']);
  });
});

describe('the bundled term list', () => {
  it('catches every variant planted in a draft', () => {
    const text = [
      'Our plan for new quality productivityforces covers Guang dong and Shenzen.',
      'It relies on HongKong, Macau and the Greater Bay area, for high quality development.',
      'The Yangcheng Evening Newss reported on guangdong.',
    ].join('\n');
    const kinds = lintText(text, bundledTerms(), { format: 'markdown' }).findings.map((f) => `${f.kind}:${f.found}`);
    assert.deepEqual(kinds, [
      'joined:new quality productivityforces',
      'split:Guang dong',
      'misspelling:Shenzen',
      'joined:HongKong',
      'forbidden:Macau',
      'case:Greater Bay area',
      'hyphen:high quality development',
      'misspelling:Yangcheng Evening Newss',
      'case:guangdong',
    ]);
  });

  it('prefers the longest name: the full Greater Bay Area name is one term', () => {
    const { occurrences } = lintText('The Guangdong-Hong Kong-Macao Greater Bay Area.', bundledTerms(), { format: 'plaintext' });
    assert.deepEqual(occurrences.map((o) => o.termId), ['Guangdong-Hong Kong-Macao Greater Bay Area']);
  });
});
