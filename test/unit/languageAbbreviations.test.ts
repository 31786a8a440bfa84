/**
 * A language block's own abbreviation (`"zh-Hans": { "approved": "珠江三角洲", "abbreviation": "珠三角" }`) in
 * every format, table-driven: TBX writes it as a term typed abbreviation in that language's section and reads
 * one there back as that language's (in the concept's own section, as the concept's); CSV has
 * `<tag>:abbreviation` and `<tag>:abbreviationDefined` columns, each problem in them positioned at its cell;
 * JSON keeps it; and convert's read-back check names a write that lost one.
 */
import * as assert from 'node:assert/strict';
import { formsIn, languagesOf } from '../../server/src/core/concepts';
import { csvReader } from '../../server/src/core/termlists/csv';
import { jsonReader } from '../../server/src/core/termlists/json';
import { readBackLosses } from '../../server/src/core/termlists/readBack';
import { tbxReader } from '../../server/src/core/termlists/tbx';
import type { Term, TermFileResult, TermList } from '../../server/src/core/types';

const shown = (r: TermFileResult) => r.problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.path} ${p.message}`);

/** A concept's abbreviations: the concept's own (`*`) and each language's, `!` when the list defines it. */
function abbreviations(t: Term): Record<string, string> {
  const out: Record<string, string> = {};
  if (t.abbreviation) out['*'] = t.abbreviation.short + (t.abbreviation.defined ? '!' : '');
  for (const lang of languagesOf(t)) {
    const a = formsIn(t, lang)?.abbreviation;
    if (a) out[lang] = a.short + (a.defined ? '!' : '');
  }
  return out;
}

function listOf(terms: unknown[]): TermList {
  const r = jsonReader.read(JSON.stringify({ language: 'en', terms }, null, 2), 'x.terms.json');
  assert.deepEqual(r.problems, []);
  return r.list!;
}

const PRD = { term: 'Pearl River Delta', abbreviation: 'PRD', languages: { 'zh-Hans': { approved: '珠江三角洲', abbreviation: '珠三角' }, 'zh-Hant': { approved: '珠江三角洲', abbreviation: '珠三角' } } };
const HENGQIN = {
  term: 'Hengqin Guangdong-Macao In-Depth Cooperation Zone',
  languages: { 'zh-Hans': { approved: '横琴粤澳深度合作区', abbreviation: '横琴合作区', abbreviationDefined: true }, 'zh-Hant': { approved: '橫琴粵澳深度合作區', abbreviation: '橫琴合作區' } },
};
const NANSHA = { term: 'Nansha', translations: { 'zh-Hans': '南沙' } };

describe('a language block\'s own abbreviation', () => {
  describe('JSON → TBX → read', () => {
    const cases: { name: string; terms: unknown[]; sections: [string, string[]][]; back: Record<string, string>[]; dropped: string[] }[] = [
      {
        name: 'the concept\'s abbreviation in English, each Chinese block\'s in its own section',
        terms: [PRD],
        sections: [['en', ['PRD']], ['zh-Hans', ['珠三角']], ['zh-Hant', ['珠三角']]],
        back: [{ '*': 'PRD', 'zh-Hans': '珠三角', 'zh-Hant': '珠三角' }],
        dropped: [],
      },
      {
        name: 'blocks only, one the list defines: its abbreviationDefined is named as dropped',
        terms: [HENGQIN, NANSHA],
        sections: [['en', []], ['zh-Hans', ['横琴合作区']], ['zh-Hant', ['橫琴合作區']], ['en', []], ['zh-Hans', []]],
        back: [{ 'zh-Hans': '横琴合作区', 'zh-Hant': '橫琴合作區' }, {}],
        dropped: ['"abbreviationDefined" on a language\'s own abbreviation, in: "Hengqin Guangdong-Macao In-Depth Cooperation Zone (zh-Hans: 横琴合作区)"'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        for (const version of [3, 2] as const) {
          const written = tbxReader.write(listOf(c.terms), { tbxVersion: version });
          const sec = version === 3 ? 'langSec' : 'langSet';
          const tig = version === 3 ? 'termSec' : 'tig';
          const sections = [...written.text.matchAll(new RegExp(`<${sec} xml:lang="([^"]+)">([\\s\\S]*?)</${sec}>`, 'g'))].map((m): [string, string[]] => [
            m[1]!,
            [...m[2]!.matchAll(new RegExp(`<${tig}>\\s*<term>([^<]+)</term>\\s*<termNote type="termType">abbreviation</termNote>`, 'g'))].map((t) => t[1]!),
          ]);
          assert.deepEqual(sections, c.sections, written.text);
          assert.deepEqual(written.dropped, c.dropped);
          const back = tbxReader.read(written.text, 'x.tbx');
          assert.deepEqual(back.problems, []);
          assert.deepEqual(back.list!.terms.map(abbreviations), c.back);
        }
      });
    }
  });

  describe('TBX read', () => {
    const tbx = (body: string, lang = 'en') => `<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="${lang}" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc/></tbxHeader><text><body>${body}</body></text></tbx>`;
    const t = (text: string, type?: string) => `<termSec><term>${text}</term>${type ? `<termNote type="termType">${type}</termNote>` : ''}</termSec>`;
    const sec = (lang: string, ...terms: string[]) => `<langSec xml:lang="${lang}">${terms.join('')}</langSec>`;
    const cases: { name: string; text: string; terms: string[]; abbreviations: Record<string, string>[]; problems?: string[] }[] = [
      {
        name: 'in the English section the concept\'s, in a Chinese one that language\'s (tags as tools write them)',
        text: tbx(`<conceptEntry id="prd">${sec('zh-CN', t('珠江三角洲'), t('珠三角', 'abbreviation'))}${sec('en-GB', t('Pearl River Delta'), t('PRD', 'acronym'))}</conceptEntry>`),
        terms: ['Pearl River Delta'],
        abbreviations: [{ '*': 'PRD', 'zh-Hans': '珠三角' }],
      },
      {
        name: 'no English: the file\'s language is the concept\'s own, so its abbreviation is the concept\'s',
        text: tbx(`<conceptEntry>${sec('zh-Hant', t('橫琴粵澳深度合作區'), t('橫琴合作區', 'shortForm'))}${sec('zh-Hans', t('横琴粤澳深度合作区'), t('横琴合作区', 'abbreviation'))}</conceptEntry>`, 'zh-Hans'),
        terms: ['横琴粤澳深度合作区'],
        abbreviations: [{ '*': '横琴合作区', 'zh-Hant': '橫琴合作區' }],
      },
      {
        name: 'an abbreviation in a section with no other term is the concept\'s, as before',
        text: tbx(`<conceptEntry>${sec('en', t('Pearl River Delta'))}${sec('zh-Hans', t('珠三角', 'abbreviation'))}</conceptEntry>`),
        terms: ['Pearl River Delta'],
        abbreviations: [{ '*': '珠三角' }],
      },
      {
        name: 'the first abbreviation of a section counts, a different second one is a warning at it; a phrase typed abbreviation is a form',
        text: tbx(`<conceptEntry>${sec('en', t('Nansha'))}${sec('zh-Hans', t('南沙新区'), t('南沙', 'abbreviation'), t('南区', 'abbreviation'), t('南沙', 'abbreviation'), t('南沙 新区', 'abbreviation'))}</conceptEntry>`),
        terms: ['Nansha'],
        abbreviations: [{ 'zh-Hans': '南沙' }],
        problems: ['2:377 conceptEntry[1]/langSec[zh-Hans]/termSec[3]/term A second abbreviation for zh-Hans in this concept, "南区": Termlint keeps one abbreviation per language, the first ("南沙"); this one is not read'],
      },
      {
        name: 'two English abbreviations: the second is a warning',
        text: tbx(`<conceptEntry>${sec('en', t('Pearl River Delta'), t('PRD', 'acronym'), t('PRDR', 'abbreviation'))}</conceptEntry>`),
        terms: ['Pearl River Delta'],
        abbreviations: [{ '*': 'PRD' }],
        problems: ['2:310 conceptEntry[1]/langSec[en]/termSec[3]/term A second abbreviation for en in this concept, "PRDR": Termlint keeps one abbreviation per language, the first ("PRD"); this one is not read'],
      },
      {
        name: 'abbreviations alone in two sections, different, or beside the own section\'s: each one not read is a warning',
        text: tbx(`<conceptEntry>${sec('en', t('Pearl River Delta'))}${sec('zh-Hans', t('珠三角', 'abbreviation'))}${sec('zh-Hant', t('珠三角區', 'abbreviation'))}</conceptEntry><conceptEntry>${sec('en', t('Greater Bay Area'), t('GBA', 'abbreviation'))}${sec('zh-Hans', t('大湾区', 'abbreviation'))}</conceptEntry>`),
        terms: ['Pearl River Delta', 'Greater Bay Area'],
        abbreviations: [{ '*': '珠三角' }, { '*': 'GBA' }],
        problems: [
          '2:391 conceptEntry[1]/langSec[zh-Hant]/termSec[1]/term Another abbreviation of the concept, "珠三角區": Termlint keeps one abbreviation per language, the first ("珠三角"); this one is not read',
          '2:708 conceptEntry[2]/langSec[zh-Hans]/termSec[1]/term Another abbreviation of the concept, "大湾区": Termlint keeps one abbreviation per language, the first ("GBA"); this one is not read',
        ],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = tbxReader.read(c.text, 'x.tbx');
        assert.deepEqual(shown(r), c.problems ?? []);
        assert.deepEqual(r.list!.terms.map((x) => x.term), c.terms);
        assert.deepEqual(r.list!.terms.map(abbreviations), c.abbreviations);
      });
    }
  });

  describe('CSV and TSV write → read', () => {
    const cases: { name: string; terms: unknown[]; delimiter: ',' | '\t'; text: string; back: Record<string, string>[] }[] = [
      {
        name: 'Simplified and Traditional blocks, beside the concept\'s own abbreviation',
        terms: [PRD, NANSHA],
        delimiter: ',',
        text: 'en,zh-Hans,zh-Hans:abbreviation,zh-Hant,zh-Hant:abbreviation,abbreviation\nPearl River Delta,珠江三角洲,珠三角,珠江三角洲,珠三角,PRD\nNansha,南沙,,,,\n',
        back: [{ '*': 'PRD', 'zh-Hans': '珠三角', 'zh-Hant': '珠三角' }, {}],
      },
      {
        name: 'one the list defines, in TSV',
        terms: [HENGQIN],
        delimiter: '\t',
        text: 'en\tzh-Hans\tzh-Hans:abbreviation\tzh-Hans:abbreviationDefined\tzh-Hant\tzh-Hant:abbreviation\nHengqin Guangdong-Macao In-Depth Cooperation Zone\t横琴粤澳深度合作区\t横琴合作区\ttrue\t橫琴粵澳深度合作區\t橫琴合作區\n',
        back: [{ 'zh-Hans': '横琴合作区!', 'zh-Hant': '橫琴合作區' }],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const list = listOf(c.terms);
        const written = csvReader.write(list, { delimiter: c.delimiter });
        assert.equal(written.text, c.text);
        assert.deepEqual(written.dropped, []);
        const back = csvReader.read(written.text, c.delimiter === '\t' ? 'x.tsv' : 'x.csv');
        assert.deepEqual(shown(back), []);
        assert.deepEqual(back.list!.terms.map(abbreviations), c.back);
        assert.deepEqual(readBackLosses(list, back.list!, true), []);
      });
    }
  });

  describe('CSV read', () => {
    const cases: { name: string; text: string; abbreviations: Record<string, string>[] }[] = [
      {
        name: 'columns in any order and case, yes/1 as true',
        text: 'ZH-HANT:Abbreviation,en,zh-hant,zh-Hans:ABBREVIATIONDEFINED,zh-Hans,zh-Hans:abbreviation\n大灣區,Greater Bay Area (full),粵港澳大灣區,yes,粤港澳大湾区,大湾区\n,Shantou,,,汕头,\n',
        abbreviations: [{ 'zh-Hans': '大湾区!', 'zh-Hant': '大灣區' }, {}],
      },
      {
        name: 'the row\'s own language (no English): its abbreviation column is the concept\'s, as the plain one is',
        text: 'zh-Hans,zh-Hans:abbreviation,zh-Hans:abbreviationDefined,zh-Hant,zh-Hant:abbreviation\n珠江三角洲,珠三角,1,珠江三角洲,珠三角\n',
        abbreviations: [{ '*': '珠三角!', 'zh-Hant': '珠三角' }],
      },
      {
        name: 'the same abbreviation in the plain and the own language\'s column is said once',
        text: 'zh-Hans,zh-Hans:abbreviation,abbreviation\n珠江三角洲,珠三角,珠三角\n',
        abbreviations: [{ '*': '珠三角' }],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = csvReader.read(c.text, 'x.csv');
        assert.deepEqual(shown(r), []);
        assert.deepEqual(r.list!.terms.map(abbreviations), c.abbreviations);
      });
    }
  });

  describe('CSV problems, each at its cell', () => {
    const cases: { name: string; text: string; problems: string[] }[] = [
      {
        name: 'an abbreviation of two words',
        text: 'en,zh-Hans,zh-Hans:abbreviation\nPearl River Delta,珠江三角洲,珠 三角\n',
        problems: ['2:25 row 2, column 3 An abbreviation is one word of at most 20 characters with a letter, such as "IPP" or "大湾区", not "珠 三角"'],
      },
      {
        name: 'abbreviationDefined that is not true or false',
        text: 'en,zh-Hant,zh-Hant:abbreviation,zh-Hant:abbreviationDefined\nPearl River Delta,珠江三角洲,珠三角,maybe\n',
        problems: ['2:29 row 2, column 4 zh-Hant:abbreviationDefined is true or false, not "maybe"'],
      },
      {
        name: 'abbreviationDefined with no abbreviation',
        text: 'en,zh-Hans,zh-Hans:abbreviation,zh-Hans:abbreviationDefined\nNansha,南沙,,true\n',
        problems: ['2:12 row 2, column 4 zh-Hans:abbreviationDefined needs a zh-Hans:abbreviation in the same row'],
      },
      {
        name: 'an abbreviation of a language the row has no form in',
        text: 'en,zh-Hans,zh-Hant:abbreviation\nPearl River Delta,珠江三角洲,珠三角\n',
        problems: ['2:25 row 2, column 3 zh-Hant:abbreviation needs a zh-Hant form in the same row: it is the abbreviation of that form'],
      },
      {
        name: 'two abbreviations of the row\'s own form',
        text: 'zh-Hans,abbreviation,zh-Hans:abbreviation\n珠江三角洲,PRD,珠三角\n',
        problems: ['2:11 row 2, column 3 zh-Hans:abbreviation "珠三角" differs from the abbreviation "PRD" of this row\'s zh-Hans form; zh-Hans is the row\'s own language, so give it once'],
      },
      {
        name: 'the own language\'s abbreviationDefined against the plain one',
        text: 'zh-Hans,abbreviation,abbreviationDefined,zh-Hans:abbreviationDefined,zh-Hans:abbreviation\n珠江三角洲,珠三角,false,true,珠三角\n',
        problems: ['2:17 row 2, column 4 zh-Hans:abbreviationDefined says true, abbreviationDefined false, of the same abbreviation; give it once'],
      },
      {
        name: 'a column twice',
        text: 'en,zh-Hans,zh-Hans:abbreviation,zh-CN:Abbreviation\nPearl River Delta,珠江三角洲,珠三角,珠三角\n',
        problems: ['1:33 header, column 4 "zh-CN:Abbreviation" holds the same as column 3'],
      },
      {
        name: 'an unknown suffix',
        text: 'en,zh-Hans,zh-Hans:abbr\nPearl River Delta,珠江三角洲,珠三角\n',
        problems: ['1:12 header, column 3 Unknown column "zh-Hans:abbr": a language\'s column is <language tag>:admitted, :forbidden, :superseded, :abbreviation or :abbreviationDefined (e.g. "en:forbidden", "zh-Hans:abbreviation")'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = csvReader.read(c.text, 'x.csv');
        assert.equal(r.list, undefined);
        assert.deepEqual(shown(r), c.problems);
      });
    }
  });

  describe('JSON → JSON', () => {
    it('keeps a block\'s abbreviation, and writes a block that has one as a block, not a translation', () => {
      const list = listOf([HENGQIN, { term: 'Pearl River Delta', languages: { 'zh-Hans': { approved: '珠江三角洲', abbreviation: '珠三角' } } }]);
      const written = jsonReader.write(list, {});
      const back = jsonReader.read(written.text, 'x.terms.json');
      assert.deepEqual(back.list!.terms.map(abbreviations), [{ 'zh-Hans': '横琴合作区!', 'zh-Hant': '橫琴合作區' }, { 'zh-Hans': '珠三角' }]);
      assert.deepEqual((JSON.parse(written.text) as { terms: Record<string, unknown>[] }).terms[1]!.languages, { 'zh-Hans': { approved: '珠江三角洲', abbreviation: '珠三角' } });
    });
  });

  describe('convert\'s read-back check', () => {
    const cases: { name: string; written: unknown[]; back: unknown[]; holdsDefined: boolean; losses: string[] }[] = [
      { name: 'a block\'s abbreviation lost', written: [PRD], back: [{ ...PRD, languages: { ...PRD.languages, 'zh-Hant': { approved: '珠江三角洲' } } }], holdsDefined: true, losses: ['"Pearl River Delta" (zh-Hant): the abbreviation "珠三角" read back as "PRD"'] },
      { name: 'a block\'s abbreviation lost where the concept has none', written: [HENGQIN], back: [{ term: HENGQIN.term, translations: { 'zh-Hans': '横琴粤澳深度合作区', 'zh-Hant': '橫琴粵澳深度合作區' } }], holdsDefined: false, losses: ['"Hengqin Guangdong-Macao In-Depth Cooperation Zone" (zh-Hans): the abbreviation "横琴合作区" read back as none', '"Hengqin Guangdong-Macao In-Depth Cooperation Zone" (zh-Hant): the abbreviation "橫琴合作區" read back as none'] },
      { name: '"the list defines it" lost where the format holds it', written: [HENGQIN], back: [{ ...HENGQIN, languages: { ...HENGQIN.languages, 'zh-Hans': { approved: '横琴粤澳深度合作区', abbreviation: '横琴合作区' } } }], holdsDefined: true, losses: ['"Hengqin Guangdong-Macao In-Depth Cooperation Zone" (zh-Hans): the abbreviation "横琴合作区" (defined by the list) read back as "横琴合作区"'] },
      { name: '… but not where it does not (TBX names it as dropped)', written: [HENGQIN], back: [{ ...HENGQIN, languages: { ...HENGQIN.languages, 'zh-Hans': { approved: '横琴粤澳深度合作区', abbreviation: '横琴合作区' } } }], holdsDefined: false, losses: [] },
      { name: 'a language and an entry lost', written: [PRD, NANSHA], back: [{ term: 'Pearl River Delta', abbreviation: 'PRD' }], holdsDefined: true, losses: ['2 entries were written, 1 read back'] },
      { name: 'a language lost', written: [NANSHA], back: [{ term: 'Nansha' }], holdsDefined: true, losses: ['"Nansha": languages en, zh-Hans read back as en'] },
      { name: 'an approved form changed', written: [NANSHA], back: [{ term: 'Nansha', translations: { 'zh-Hans': '南沙区' } }], holdsDefined: true, losses: ['"Nansha" (zh-Hans): the approved form "南沙" read back as "南沙区"'] },
      { name: 'nothing lost', written: [PRD, HENGQIN, NANSHA], back: [PRD, HENGQIN, NANSHA, { term: 'extra concept' }], holdsDefined: true, losses: [] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        assert.deepEqual(readBackLosses(listOf(c.written), listOf(c.back), c.holdsDefined), c.losses);
      });
    }
  });
});
