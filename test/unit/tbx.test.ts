/**
 * The TBX reader, table-driven: TBX v3 (ISO 30042:2019) in the DCA and DCT styles, TBX v2 (`martif`, `tig`
 * and `ntig`), namespace spellings, statuses, language tags as tools write them; and broken files, each with
 * the position (line:column, 1-based) and path of its problem. Nothing from a DTD or an external entity is
 * ever read.
 */
import * as assert from 'node:assert/strict';
import { tbxReader } from '../../server/src/core/termlists/tbx';
import type { Term, TermFileResult } from '../../server/src/core/types';

const shown = (r: TermFileResult) => r.problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.path} ${p.message}`);

/** What a case expects of a concept. */
interface Concept {
  term: string;
  admitted?: string[];
  forbidden?: string[];
  translations?: Record<string, string>;
  lang?: string;
  details?: Term['details'];
  subject?: string;
  definition?: string;
  note?: string;
  source?: string;
  conceptId?: string;
}

const pick = (t: Term): Concept => {
  const c: Concept = { term: t.term };
  if (t.admitted.length) c.admitted = t.admitted;
  if (t.forbidden.length) c.forbidden = t.forbidden;
  if (Object.keys(t.translations).length) c.translations = t.translations;
  for (const k of ['lang', 'details', 'subject', 'definition', 'note', 'source', 'conceptId'] as const) if (t[k] !== undefined) (c as unknown as Record<string, unknown>)[k] = t[k];
  return c;
};

const v3 = (body: string, header = '', attrs = 'xmlns="urn:iso:std:iso:30042:ed-2"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" ${attrs}>\n<tbxHeader><fileDesc>${header}</fileDesc></tbxHeader>\n<text><body>\n${body}\n</body></text>\n</tbx>\n`;

const term = (text: string, status?: string, extra = '') =>
  `<termSec><term>${text}</term>${status ? `<termNote type="administrativeStatus">${status}</termNote>` : ''}${extra}</termSec>`;

const concept = (langs: string, attrs = '') => `<conceptEntry${attrs}>${langs}</conceptEntry>`;
const lang = (tag: string, terms: string, extra = '') => `<langSec xml:lang="${tag}">${extra}${terms}</langSec>`;

interface Valid {
  name: string;
  text: string;
  terms: Concept[];
  list?: { title?: string; source?: string; language?: string };
}

const valid: Valid[] = [
  {
    name: 'TBX v3 (DCA): statuses, notes, a source, a subject field, a definition, the header, tags as tools write them',
    text: v3(
      concept(
        '<descrip type="subjectField">geography</descrip><note>Provincial capital.</note>' +
          lang('en-US', term('Guangzhou', 'preferredTerm-admn-sts') + term('Canton', 'supersededTerm-admn-sts', '<note>Postal romanization.</note>') + term('Kwangchow', 'deprecatedTerm-admn-sts', '<admin type="source">Wade-Giles</admin>'), '<descripGrp><descrip type="definition">Capital of Guangdong.</descrip></descripGrp>') +
          lang('zh-CN', term('广州')) +
          lang('zh-HK', term('廣州')),
        ' id="gz"',
      ),
      '<titleStmt><title>Delta names</title></titleStmt><sourceDesc><p>Team termbase</p></sourceDesc>',
    ),
    list: { title: 'Delta names', source: 'Team termbase', language: 'en' },
    terms: [
      {
        term: 'Guangzhou',
        forbidden: ['Canton', 'Kwangchow'],
        translations: { 'zh-Hans': '广州', 'zh-Hant': '廣州' },
        details: { Canton: { note: 'Postal romanization.', status: 'superseded' }, Kwangchow: { source: 'Wade-Giles' } },
        subject: 'geography',
        definition: 'Capital of Guangdong.',
        note: 'Provincial capital.',
        source: 'Team termbase',
        conceptId: 'gz',
      },
    ],
  },
  {
    name: 'TBX v3 (DCT): data categories as prefixed elements',
    text: v3(
      concept('<min:subjectField>ports</min:subjectField>' + lang('en', '<termSec><term>Nansha Port</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec><termSec><term>Namsha Port</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>')),
      '',
      'xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic"',
    ),
    terms: [{ term: 'Nansha Port', forbidden: ['Namsha Port'], subject: 'ports' }],
  },
  {
    name: 'TBX v2 (martif): tig and ntig/termGrp, normativeAuthorization, a DOCTYPE that is never read',
    text:
      '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX-Basic" xml:lang="en-GB" xmlns="http://www.lisa.org/TBX-Specification.33.0.html">\n' +
      '<martifHeader><fileDesc><sourceDesc><p>Old export</p></sourceDesc></fileDesc></martifHeader>\n<text><body>\n' +
      '<termEntry id="e1"><langSet xml:lang="en"><tig><term>Zhuhai</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>' +
      '<ntig><termGrp><term>Chuhai</term><termNote type="normativeAuthorization">supersededTerm</termNote></termGrp></ntig></langSet>' +
      '<langSet xml:lang="zh"><tig><term>珠海</term></tig></langSet></termEntry>\n</body></text>\n</martif>\n',
    list: { source: 'Old export', language: 'en-GB' },
    terms: [{ term: 'Zhuhai', forbidden: ['Chuhai'], translations: { 'zh-Hans': '珠海' }, details: { Chuhai: { status: 'superseded' } }, source: 'Old export', conceptId: 'e1' }],
  },
  {
    name: 'the ISO 30042:2008 namespace and no namespace at all read alike',
    text: v3(concept(lang('en', term('Foshan'))), '', 'xmlns="urn:iso:std:iso:30042:ed-1"') + '',
    terms: [{ term: 'Foshan' }],
  },
  {
    name: 'no statuses: the first term is approved, the others admitted',
    text: v3(concept(lang('en', term('Pearl River Delta') + term('PRD region')))),
    terms: [{ term: 'Pearl River Delta', admitted: ['PRD region'] }],
  },
  {
    name: 'two preferred terms: the first approved, the second admitted; short status values',
    text: v3(concept(lang('en', term('Hengqin', 'preferred') + term('Hengqin Island', 'preferred') + term('Hoeng Kam', 'deprecated')))),
    terms: [{ term: 'Hengqin', admitted: ['Hengqin Island'], forbidden: ['Hoeng Kam'] }],
  },
  {
    name: 'only admitted terms: the first becomes the approved one',
    text: v3(concept(lang('en', term('Qianhai', 'admittedTerm-admn-sts') + term('Qianhai Bay', 'admittedTerm-admn-sts')))),
    terms: [{ term: 'Qianhai', admitted: ['Qianhai Bay'] }],
  },
  {
    name: 'a concept with only Chinese terms keeps them as its own language',
    text: v3(concept(lang('zh-CN', term('横琴')) + lang('zh-TW', term('橫琴')))),
    terms: [{ term: '横琴', lang: 'zh-Hans', translations: { 'zh-Hant': '橫琴' } }],
  },
  {
    name: 'two language sections of one language (en-US, en-GB) are one language',
    text: v3(concept(lang('en-US', term('digitalization', 'preferredTerm-admn-sts')) + lang('en-GB', term('digitalisation', 'preferredTerm-admn-sts')))),
    terms: [{ term: 'digitalization', admitted: ['digitalisation'] }],
  },
  {
    name: 'markup inside a term, and a pretty-printer\'s line breaks, read as its text',
    text: v3(concept(lang('en', '<termSec>\n  <term>State Council\n      <hi type="italics">Information</hi> Office</term>\n</termSec>'))),
    terms: [{ term: 'State Council Information Office' }],
  },
  {
    name: 'character references and CDATA',
    text: v3(concept('<note><![CDATA[Use "&" as written.]]></note>' + lang('en', term('Hong&#32;Kong &amp; Macao')))),
    terms: [{ term: 'Hong Kong & Macao', note: 'Use "&" as written.' }],
  },
];

const broken: { name: string; text: string; problems: string[] }[] = [
  { name: 'an end tag that closes the wrong element', text: v3(concept(lang('en', '<termSec><term>Macao</trem></termSec>'))), problems: ['5:58  Malformed XML: </trem> does not close <term>'] },
  { name: 'a file cut short', text: v3(concept(lang('en', term('Macao')))).slice(0, 200), problems: ['5:19  Malformed XML: unclosed tag: conceptEntry'] },
  {
    name: 'an unknown status',
    text: v3(concept(lang('en', term('Macao', 'preferredTerm-admn-sts') + term('Macau', 'forbiddenTerm-admn-sts')))),
    problems: ['5:211 conceptEntry[1]/langSec[en]/termSec[2]/termNote Unknown administrative status "forbiddenTerm-admn-sts" (preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts)'],
  },
  { name: 'an empty term', text: v3(concept(lang('en', term('  ')))), problems: ['5:53 conceptEntry[1]/langSec[en]/termSec[1]/term Empty term'] },
  { name: 'a language section without a language', text: v3(concept('<langSec>' + term('Macao') + '</langSec>')), problems: ['5:15 conceptEntry[1]/langSec[] <langSec> has no xml:lang'] },
  { name: 'a language tag that is none', text: v3(concept(lang('English', term('Macao')))), problems: ['5:15 conceptEntry[1]/langSec[English] xml:lang "English" is not a language tag (BCP 47, e.g. "en", "zh-Hans", "zh-CN")'] },
  {
    name: 'only deprecated terms in a language',
    text: v3(concept(lang('en', term('Macau', 'deprecatedTerm-admn-sts')))),
    problems: ['5:15 conceptEntry[1]/langSec[en] No preferred or admitted term for en: its deprecated and superseded terms need an approved one to be fixed to'],
  },
  { name: 'a term section without a term', text: v3(concept(lang('en', '<termSec><note>x</note></termSec>'))), problems: ['5:38 conceptEntry[1]/langSec[en]/termSec[1] <termSec> has no <term>'] },
  { name: 'CJK in an English term', text: v3(concept(lang('en', term('Macao 澳门')))), problems: ['5:53 conceptEntry[1]/langSec[en]/termSec[1]/term "Macao 澳门" contains CJK characters, which Termlint does not match; put them under "translations"'] },
  {
    name: 'two concepts with the same English term',
    text: v3(concept(lang('en', term('Macao'))) + '\n' + concept(lang('en', term('macao')))),
    problems: ['6:53 conceptEntry[2]/langSec[en]/termSec[1]/term Duplicate: "macao" (conceptEntry[2]/langSec[en]/termSec[1]/term) is the same term as "Macao" at conceptEntry[1]/langSec[en]/termSec[1]/term'],
  },
  { name: 'another root element', text: '<?xml version="1.0"?>\n<glossary><entry/></glossary>\n', problems: ['2:1 glossary Not a TBX file: the root element is <glossary>; TBX has <tbx> (TBX v3, ISO 30042:2019) or <martif> (TBX v2)'] },
  { name: 'no body', text: '<tbx xml:lang="en"><tbxHeader/></tbx>', problems: ['1:1 tbx/text/body Missing <text><body>: a TBX file holds its concepts there'] },
  { name: 'not XML at all (a JSON term file named .tbx)', text: '{ "terms": [] }\n', problems: ['1:1  Malformed XML: text outside the root element'] },
  { name: 'an empty file', text: '  \n', problems: ['1:1  The term file is empty'] },
  {
    name: 'elements nested far deeper than TBX ever does',
    text: `<tbx><text><body><conceptEntry>${'<descripGrp>'.repeat(100_000)}</conceptEntry></body></text></tbx>`,
    problems: ['1:752  Elements nest more than 64 levels deep here; a TBX file needs about 8'],
  },
];

/** XXE attempts and an entity bomb: never expanded, never read, refused where the entity is used. */
const hostile: { name: string; text: string; problems: string[] }[] = [
  {
    name: 'an external entity (XXE)',
    text: `<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>\n`,
    problems: [`3:70  Entity "&xxe;" is not defined: Termlint reads no DTD and expands no entity but XML's own (&amp; &lt; &gt; &quot; &apos;) and character references`],
  },
  {
    name: 'an external DTD with a parameter entity',
    text: `<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>\n<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>Macao</term></termSec></langSec></conceptEntry></body></text></tbx>\n`,
    problems: [],
  },
  {
    name: 'the billion laughs',
    text:
      '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n' +
      '<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&d;</term></termSec></langSec></conceptEntry></body></text></tbx>\n',
    problems: [`3:70  Entity "&d;" is not defined: Termlint reads no DTD and expands no entity but XML's own (&amp; &lt; &gt; &quot; &apos;) and character references`],
  },
];

describe('TBX reader', () => {
  for (const c of valid) {
    it(c.name, () => {
      const r = tbxReader.read(c.text, 'team.tbx');
      assert.deepEqual(shown(r), []);
      assert.deepEqual(r.list!.terms.map(pick), c.terms);
      for (const [k, v] of Object.entries(c.list ?? {})) assert.equal(r.list![k as 'title'], v, k);
    });
  }
  for (const c of [...broken, ...hostile]) {
    it(`${c.name}: ${c.problems.length ? 'a positioned problem' : 'read, the DTD passed over'}`, () => {
      const r = tbxReader.read(c.text, 'team.tbx');
      assert.deepEqual(shown(r), c.problems);
      assert.equal(r.list === undefined, c.problems.length > 0);
      for (const p of r.problems) assert.ok(p.offset >= 0 && p.offset + p.length <= c.text.length, 'inside the file');
    });
  }

  it('a concept\'s origin is its start tag: related information and "open the entry" land there', () => {
    const text = v3(concept(lang('en', term('Macao'))) + '\n' + concept(lang('en', term('Shantou'))));
    const r = tbxReader.read(text, 'team.tbx');
    assert.deepEqual(
      r.list!.terms.map((t) => [t.term, t.origin!.line, t.origin!.column, text.slice(t.origin!.offset, t.origin!.offset + 13)]),
      [
        ['Macao', 4, 0, '<conceptEntry'],
        ['Shantou', 5, 0, '<conceptEntry'],
      ],
    );
  });
});
