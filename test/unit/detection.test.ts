/**
 * The classes of error an unseen draft still tripped on (issue 15), as held-out cases of our own: other names
 * and other sentences than the issue's, written before the engine was changed for them. Each case is
 * { text, findings, fixed }; `fixed` (when given) is the text after fix-all, which must lint clean.
 */
import * as assert from 'node:assert/strict';
import type { CompiledTerms } from '../../server/src/core/compile';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import { writeCsv } from '../../server/src/core/termlists/csv/write';
import { writeJson } from '../../server/src/core/termlists/jsonWrite';
import { mergeLists } from '../../server/src/core/termlists/merge';
import { writeTbx } from '../../server/src/core/termlists/tbx/write';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { compiledOf, listOf } from '../helpers/terms';
import type { Case, Expected } from '../helpers/consistencyCases';

/** A case as the checks without a list write theirs (test/helpers/consistencyCases.ts), with no options of its own. */
export type DetectionCase = Omit<Case, 'options'>;

const places = () =>
  compiledOf([
    { term: 'Zhuhai' },
    { term: 'Dongguan' },
    { term: 'Foshan' },
    { term: 'Huizhou' },
    { term: 'Nansha' },
    { term: 'Hengqin' },
    { term: 'Macao', forbidden: ['Macau'] },
    { term: 'Hong Kong' },
    { term: 'Greater Bay Area' },
    { term: 'Guangdong-Hong Kong-Macao Greater Bay Area' },
    { term: 'win-win' },
    { term: 'cross-border' },
    { term: 'high-quality development' },
    { term: 'Wang Zhiming' },
    { term: 'Pearl River Delta' },
    { term: 'Shenzhen Stock Exchange' },
    { term: 'Hong Kong Science Park' },
    { term: 'Great Hall' },
    { term: 'Qianhai Innovation Hub' },
    { term: 'Nansha Free Trade Port' },
  ]);

export const CAPS_CASES: DetectionCase[] = [
  { name: 'a news dateline in capitals', text: 'ZHUHAI, May 2 (Xinhua) -- Ferries to Hengqin resumed.', findings: [] },
  { name: 'a dateline with a dash', text: 'DONGGUAN -- Factories reopened on Monday.', findings: [] },
  { name: 'a word in capitals for emphasis', text: 'Output in FOSHAN rose, and in Huizhou it fell.', findings: [] },
  { name: 'a cover-page line in capitals (plain text, not a heading)', text: 'REPORT ON THE GREATER BAY AREA AND HONG KONG, 2024 EDITION.\n\nText follows.', format: 'plaintext', findings: [] },
  { name: 'a forbidden form in capitals is found, and fixed in capitals', text: 'MACAU, June 3 -- Casinos reopened.', findings: [['forbidden', 'MACAU', 'MACAO']], fixed: 'MACAO, June 3 -- Casinos reopened.' },
  { name: 'a misspelt name in capitals is fixed in capitals', text: 'ZHUAHI -- Ferries resumed.', findings: [['misspelling', 'ZHUAHI', 'ZHUHAI']], fixed: 'ZHUHAI -- Ferries resumed.' },
  { name: 'a joined name in capitals is fixed in capitals', text: 'HONGKONG, July 1 -- Markets opened.', findings: [['joined', 'HONGKONG', 'HONG KONG']], fixed: 'HONG KONG, July 1 -- Markets opened.' },
  {
    name: 'a forbidden form that is capitals by itself (an abbreviation) is fixed as the list writes the term',
    text: 'Firms in HK grew, and HK ports too.',
    terms: () => compiledOf([{ term: 'Hong Kong', forbidden: ['HK'] }]),
    findings: [['forbidden', 'HK', 'Hong Kong'], ['forbidden', 'HK', 'Hong Kong']],
  },
  { name: 'lower case is still a case error', text: 'Ferries to zhuhai resumed.', findings: [['case', 'zhuhai', 'Zhuhai']] },
  { name: 'mixed capitals inside a name are still a case error', text: 'The Greater Bay area grew.', findings: [['case', 'Greater Bay area', 'Greater Bay Area']] },
];

export const DASH_CASES: DetectionCase[] = [
  { name: 'an en dash between the words of a term', text: 'It is a win–win deal.', findings: [['hyphen', 'win–win', 'win-win']], fixed: 'It is a win-win deal.' },
  { name: 'a non-breaking hyphen (U+2011)', text: 'We aim at high‑quality development.', findings: [['hyphen', 'high‑quality development', 'high-quality development']], fixed: 'We aim at high-quality development.' },
  { name: 'a figure dash (U+2012)', text: 'More cross‒border trade.', findings: [['hyphen', 'cross‒border', 'cross-border']], fixed: 'More cross-border trade.' },
  { name: 'a minus sign (U+2212)', text: 'More cross−border trade.', findings: [['hyphen', 'cross−border', 'cross-border']], fixed: 'More cross-border trade.' },
  { name: 'a soft hyphen between the words of a term', text: 'More cross\u00adborder trade.', findings: [['hyphen', 'cross\u00adborder', 'cross-border']], fixed: 'More cross-border trade.' },
  { name: 'an en dash where the term has a space', text: 'Firms in Hong–Kong grew.', findings: [['hyphen', 'Hong–Kong', 'Hong Kong']], fixed: 'Firms in Hong Kong grew.' },
  {
    name: 'en dashes in a long name',
    text: 'The Guangdong–Hong Kong–Macao Greater Bay Area grew.',
    findings: [['hyphen', 'Guangdong–Hong Kong–Macao Greater Bay Area', 'Guangdong-Hong Kong-Macao Greater Bay Area']],
    fixed: 'The Guangdong-Hong Kong-Macao Greater Bay Area grew.',
  },
  { name: 'a spaced en dash is punctuation, not a hyphen', text: 'We win – win or lose – together.', findings: [] },
  { name: 'an em dash is punctuation', text: 'A win—win, they said.', findings: [] },
  { name: 'a soft hyphen inside a one-word name is only a line-break hint', text: 'Firms in Dong\u00adguan grew.', findings: [] },
];

export const NEAR_NAME_CASES: DetectionCase[] = [
  { name: 'a district one letter from a term is not its misspelling', text: 'Offices in Nanshan and Nansha opened.', findings: [] },
  { name: 'a city one letter from a term', text: 'Silk from Huzhou and furniture from Huizhou.', findings: [] },
  { name: 'another county one letter away', text: 'Dongguang county in Hebei is not Dongguan.', findings: [] },
  { name: 'a district elsewhere in China', text: 'Fushan district of Yantai and Foshan in Guangdong.', findings: [] },
  { name: 'another person with a pinyin given name', text: 'Wang Zhiping and Wang Zhiming spoke.', findings: [] },
  { name: 'a district is no misspelling inside a longer name either', text: 'Ships call at Nanshan Free Trade Port.', findings: [] },
  { name: 'a misspelt city is still found', text: 'Offices in Foshna opened.', findings: [['misspelling', 'Foshna', 'Foshan']] },
  { name: 'a misspelt name that is no place is still found', text: 'Offices in Dongguam opened.', findings: [['misspelling', 'Dongguam', 'Dongguan']] },
  { name: 'a misspelt given name that is no pinyin is still found', text: 'Wang Zhimign spoke.', findings: [['misspelling', 'Wang Zhimign', 'Wang Zhiming']] },
];

export const NAME_WORD_CASES: DetectionCase[] = [
  { name: 'an English word one edit from a word of a capitalised name', text: 'Trade in the Pearl Liver Delta grew.', findings: [['misspelling', 'Pearl Liver Delta', 'Pearl River Delta']], fixed: 'Trade in the Pearl River Delta grew.' },
  { name: 'another name, another English word', text: 'Listed on the Shenzhen Stick Exchange.', findings: [['misspelling', 'Shenzhen Stick Exchange', 'Shenzhen Stock Exchange']] },
  { name: 'an English word two edits from a long word of a name', text: 'Start-ups at the Qianhai Renovation Hub.', findings: [['misspelling', 'Qianhai Renovation Hub', 'Qianhai Innovation Hub']] },
  { name: 'two edits from a word of seven letters is too far, as for any misspelling', text: 'Tenants of Hong Kong Silence Park.', findings: [] },
  { name: 'a two-word name is left alone: another real name', text: 'Tourists at the Great Wall.', findings: [] },
  { name: 'a plural is no misspelling', text: 'Tenants of the Hong Kong Science Parks.', findings: [] },
  { name: 'lower case ordinary words are prose', text: 'A pearl liver delta is no place.', findings: [] },
];

const compounds = () =>
  compiledOf([{ term: 'long-term' }, { term: 'high-end' }, { term: 'full-time' }, { term: 'win-win' }, { term: 'next-generation' }, { term: 'e-commerce' }]);

export const MODIFIER_CASES: DetectionCase[] = [
  { name: 'before a noun the hyphen belongs', text: 'A long term plan was adopted.', findings: [['hyphen', 'long term', 'long-term']], fixed: 'A long-term plan was adopted.' },
  { name: 'before a plural noun', text: 'They sell high end products.', findings: [['hyphen', 'high end', 'high-end']] },
  { name: 'before an adjective and a noun', text: 'We hire full time local staff.', findings: [['hyphen', 'full time', 'full-time']] },
  { name: 'a noun phrase before a comma', text: 'In the long term, growth returns.', findings: [] },
  { name: 'a noun phrase at the end of a sentence', text: 'Prices will fall over the long term.', findings: [] },
  { name: 'a noun phrase before "of"', text: 'Firms at the high end of the value chain.', findings: [] },
  { name: 'a noun phrase before a verb', text: 'The high end is crowded, and the high end remains small.', findings: [] },
  { name: 'a noun phrase before a preposition', text: 'She works full time for the city.', findings: [] },
  { name: 'a noun phrase at the end of a block', text: 'Think of the long term\n\nNext paragraph.', findings: [] },
  { name: 'the next generation of chips', text: 'The next generation of chips.', findings: [] },
  { name: 'the next generation before a noun', text: 'Next generation chips ship in May.', findings: [['hyphen', 'Next generation', 'Next-generation']] },
  { name: 'a reduplicated compound is always hyphenated', text: 'It was a win win.', findings: [['hyphen', 'win win', 'win-win']] },
  { name: 'a compound with a letter is always hyphenated', text: 'Sales in e commerce.', findings: [['hyphen', 'e commerce', 'e-commerce']] },
  { name: 'written together it is still a variant', text: 'A longterm plan.', findings: [['hyphen', 'longterm', 'long-term']] },
];

export const DECLARED_CASES: DetectionCase[] = [
  {
    name: 'a declared look-alike is no misspelling',
    text: 'Ferries from Varnholt and Varnholm.',
    terms: () => compiledOf([{ term: 'Varnholm', notVariants: ['Varnholt'] }]),
    findings: [],
  },
  {
    name: 'nor any other variant, and it is no use of the term',
    text: 'Flights to Hang Zhou, Hangzhou and Hang-zhou.',
    terms: () => compiledOf([{ term: 'Hangzhou', notVariants: ['Hang Zhou'] }]),
    findings: [['split', 'Hang-zhou', 'Hangzhou']],
  },
  {
    name: 'a compound marked "modifier": false keeps its hyphen everywhere',
    text: 'Plans for the long term.',
    terms: () => compiledOf([{ term: 'long-term', modifier: false }]),
    findings: [['hyphen', 'long term', 'long-term']],
  },
  {
    name: 'a compound marked "modifier": true that the rule would not take',
    text: 'Sales in e commerce grew, and e commerce sites too.',
    terms: () => compiledOf([{ term: 'e-commerce', modifier: true }]),
    findings: [['hyphen', 'e commerce', 'e-commerce']],
  },
];

function check(cases: readonly DetectionCase[], terms: () => CompiledTerms): void {
  let compiled: CompiledTerms | undefined;
  for (const c of cases) {
    it(c.name, () => {
      const t = c.terms ? c.terms() : (compiled ??= terms());
      const options = { format: c.format ?? 'markdown' };
      const { findings } = lintText(c.text, t, options);
      assert.deepEqual(findings.map((f): Expected => [f.kind, f.found, f.replacements[0]!.text]), c.findings);
      const fixed = applyEdits(c.text, fixAllEdits(findings));
      if (c.fixed !== undefined) assert.equal(fixed, c.fixed);
      assert.deepEqual(lintText(fixed, t, options).findings.map((f) => [f.kind, f.found]), [], 'fix-all leaves nothing to fix');
    });
  }
}

describe('detection classes (issue 15): held-out cases', () => {
  describe('ALL CAPS outside headings is typography', () => check(CAPS_CASES, places));
  describe('dashes between the words of a term are hyphen variants', () => check(DASH_CASES, places));
  describe('near misses that are other real names', () => check(NEAR_NAME_CASES, places));
  describe('multi-word names whose wrong word is ordinary English', () => check(NAME_WORD_CASES, places));
  describe('compounds hyphenated only as modifiers', () => check(MODIFIER_CASES, compounds));
  describe('what an entry declares: look-alikes, modifier compounds', () => check(DECLARED_CASES, places));
});

describe('"modifier" and "notVariants" in merges and conversions: kept, or said to be dropped', () => {
  const entry = { term: 'Nansha', notVariants: ['Nanshan'] };
  it('a later list adds look-alikes, and its "modifier" wins', () => {
    const merged = mergeLists([
      listOf([entry, { term: 'long-term', modifier: true }]),
      listOf([{ term: 'Nansha', notVariants: ['Nanshaa Bay'] }, { term: 'long-term', modifier: false }]),
    ]).terms;
    assert.deepEqual(merged.find((t) => t.term === 'Nansha')!.notVariants, ['Nanshan', 'Nanshaa Bay']);
    assert.equal(merged.find((t) => t.term === 'long-term')!.modifier, false);
  });
  it('JSON keeps them; TBX and CSV have no place for them and say so', () => {
    const list = listOf([entry, { term: 'long-term', modifier: false }]);
    const again = parseTermFile(writeJson(list).text, 'again.terms.json').list!;
    assert.deepEqual(again.terms.map((t) => [t.term, t.notVariants, t.modifier]), [['Nansha', ['Nanshan'], undefined], ['long-term', undefined, false]]);
    for (const written of [writeTbx(list), writeCsv(list)]) {
      assert.ok(written.dropped.some((l) => l.startsWith('look-alikes that are not variants ("notVariants") of: "Nansha"')), written.dropped.join('\n'));
      assert.ok(written.dropped.some((l) => l.startsWith('"modifier" on: "long-term"')), written.dropped.join('\n'));
    }
  });
});
