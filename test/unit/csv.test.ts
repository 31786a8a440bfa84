/**
 * The CSV/TSV reader, table-driven: language columns and form columns, quotes, doubled quotes, line breaks in
 * quotes, a BOM, CRLF, semicolon and tab delimiters, memoQ's exported columns; and broken files, each with
 * the position (line:column, 1-based) of its problem.
 */
import * as assert from 'node:assert/strict';
import { csvReader } from '../../server/src/core/termlists/csv';
import type { Term, TermFileResult } from '../../server/src/core/types';

const shown = (r: TermFileResult) => r.problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.path} ${p.message}`);

const pick = (t: Term) => {
  const c: Record<string, unknown> = { term: t.term };
  if (t.admitted.length) c.admitted = t.admitted;
  if (t.forbidden.length) c.forbidden = t.forbidden;
  if (Object.keys(t.translations).length) c.translations = t.translations;
  for (const k of ['lang', 'details', 'subject', 'definition', 'note', 'source', 'conceptId', 'exceptions'] as const) if (t[k] !== undefined) c[k] = t[k];
  if (t.caseSensitive !== /\p{Lu}/u.test(t.term)) c.caseSensitive = t.caseSensitive;
  return c;
};

const valid: { name: string; text: string; file?: string; terms: Record<string, unknown>[] }[] = [
  {
    name: 'language columns, form columns with ; between forms, note and source',
    text: 'en,en:admitted,en:forbidden,zh-Hans,note,source\nGuangzhou,,Kwangchow; Canton,广州,Provincial capital.,Atlas 2024\nhigh-quality development,quality development,,高质量发展,,\n',
    terms: [
      { term: 'Guangzhou', forbidden: ['Kwangchow', 'Canton'], translations: { 'zh-Hans': '广州' }, note: 'Provincial capital.', source: 'Atlas 2024' },
      { term: 'high-quality development', admitted: ['quality development'], translations: { 'zh-Hans': '高质量发展' } },
    ],
  },
  {
    name: 'a BOM, CRLF line ends, quotes, doubled quotes and a line break inside quotes',
    text: '\ufeffen,zh-CN,note\r\nMacao,澳门,"Use ""Macao"",\r\nnot ""Macau"""\r\n"Hong Kong",香港,\r\n',
    terms: [
      { term: 'Macao', translations: { 'zh-Hans': '澳门' }, note: 'Use "Macao",\r\nnot "Macau"' },
      { term: 'Hong Kong', translations: { 'zh-Hans': '香港' } },
    ],
  },
  {
    name: 'semicolons between cells, as spreadsheets write them where the comma is a decimal mark',
    text: 'en;en:forbidden;zh-TW\nShantou;Swatow;汕頭\n',
    terms: [{ term: 'Shantou', forbidden: ['Swatow'], translations: { 'zh-Hant': '汕頭' } }],
  },
  {
    name: 'TSV, by its name',
    file: 'team.terms.tsv',
    text: 'en\ten:forbidden\nZhuhai\tChuhai, the old spelling\n',
    terms: [{ term: 'Zhuhai', forbidden: ['Chuhai, the old spelling'] }],
  },
  {
    name: 'superseded forms, exceptions, an id, a subject, a definition and an explicit case rule',
    text: 'id,en,en:superseded,exceptions,subject,definition,caseSensitive\nc7,Macao,Macau,University of Macau; Air Macau,places,Special administrative region.,false\n',
    terms: [
      {
        term: 'Macao',
        forbidden: ['Macau'],
        details: { Macau: { status: 'superseded' } },
        exceptions: [{ phrase: 'University of Macau' }, { phrase: 'Air Macau' }],
        subject: 'places',
        definition: 'Special administrative region.',
        conceptId: 'c7',
        caseSensitive: false,
      },
    ],
  },
  {
    name: "memoQ's export: its entry columns, language names, a second term of a language, a Forbidden flag",
    text:
      'Entry_ID,Entry_Subject,Entry_Domain,Entry_Note,English_United_States_Def,English_United_States,Term_Info,Term_Example,English_United_States,Term_Info,Term_Example,Chinese_PRC_Def,Chinese_PRC,Term_Info,Term_Example\n' +
      '12,Geography,Delta,Checked 2026,Capital of Guangdong.,Guangzhou,CasePermissive;HalfPrefix,,Kwangchow,CaseSensitive;Exact;Forbidden,,,广州,,\n',
    terms: [
      {
        term: 'Guangzhou',
        forbidden: ['Kwangchow'],
        translations: { 'zh-Hans': '广州' },
        subject: 'Geography / Delta',
        definition: 'Capital of Guangdong.',
        note: 'Checked 2026',
        conceptId: '12',
      },
    ],
  },
  {
    name: 'a row with only Chinese is its own language; empty rows are passed over',
    text: 'en,zh-Hans,zh-Hant\n,横琴,橫琴\n,,\n\nNansha,南沙,\n',
    terms: [{ term: '横琴', lang: 'zh-Hans', translations: { 'zh-Hant': '橫琴' } }, { term: 'Nansha', translations: { 'zh-Hans': '南沙' } }],
  },
];

const broken: { name: string; text: string; problems: string[] }[] = [
  {
    name: 'an unknown column',
    text: 'en,Comment\nMacao,x\n',
    problems: ['1:4 header, column 2 Unknown column "Comment": columns are language tags (en, zh-Hans, zh-Hant…), <tag>:admitted, <tag>:forbidden, <tag>:superseded, <tag>:abbreviation, <tag>:abbreviationDefined, id, note, source, subject, definition, exceptions, caseSensitive, abbreviation, abbreviationDefined, or memoQ\'s'],
  },
  { name: 'an unknown form column', text: 'en,en:banned\nMacao,Macau\n', problems: ['1:4 header, column 2 Unknown column "en:banned": a language\'s column is <language tag>:admitted, :forbidden, :superseded, :abbreviation or :abbreviationDefined (e.g. "en:forbidden", "zh-Hans:abbreviation")'] },
  { name: 'no language column', text: 'note,source\nx,y\n', problems: ['1:1 header No language column: the header row names the languages of the approved forms (en, zh-Hans, …)'] },
  { name: 'a column twice', text: 'en,en:forbidden,en:forbidden\nMacao,Macau,Macaw\n', problems: ['1:17 header, column 3 "en:forbidden" holds the same as column 2'] },
  { name: 'a quote never closed', text: 'en,note\nMacao,"Use Macao\nShenzhen,x\n', problems: ['2:7  Malformed CSV: Quote Not Closed: a quoted cell is never closed'] },
  { name: 'a row of the wrong length', text: 'en,note\nMacao,x\nShenzhen,y,z\n', problems: ['3:1  Malformed CSV: Invalid Record Length: expect 2, got 3'] },
  { name: 'forms without an approved one', text: 'en,en:forbidden\n,Macau\n', problems: ['2:2 row 2, column 2, form 1 No approved form for en in this row: its admitted and forbidden forms need one'] },
  { name: 'two approved forms in one cell', text: 'en\nMacao; Aomen\n', problems: ['2:1 row 2, column 1 One approved form per cell: "Macao; Aomen" has several; put the others in a en:admitted column'] },
  { name: 'a case rule that is none', text: 'en,caseSensitive\nMacao,maybe\n', problems: ['2:7 row 2, column 2 caseSensitive is true or false, not "maybe"'] },
  { name: 'CJK in an English column', text: 'en\n澳门\n', problems: ['2:1 row 2, column 1 "澳门" contains CJK characters, which Termlint does not match; put them under "translations"'] },
  { name: 'the same term in two rows', text: 'en\nMacao\nmacao\n', problems: ['3:1 row 3, column 1 Duplicate: "macao" (row 3, column 1) is the same term as "Macao" at row 2, column 1'] },
  { name: 'an empty file', text: '\ufeff\r\n', problems: ['1:1  The term file is empty'] },
];

describe('CSV reader', () => {
  for (const c of valid) {
    it(c.name, () => {
      const r = csvReader.read(c.text, c.file ?? 'team.terms.csv');
      assert.deepEqual(shown(r), []);
      assert.deepEqual(r.list!.terms.map(pick), c.terms);
    });
  }
  for (const c of broken) {
    it(`${c.name}: a positioned problem`, () => {
      const r = csvReader.read(c.text, 'team.terms.csv');
      assert.deepEqual(shown(r), c.problems);
      assert.equal(r.list, undefined);
    });
  }

  it('places every form in its cell, after quotes, multibyte text and line breaks', () => {
    const text = '\ufeffnote,en,en:forbidden\r\n"澳门 ""x""\r\ny",Macao,"Macau; Makau"\r\n';
    const r = csvReader.read(text, 'team.terms.csv');
    const t = r.list!.terms[0]!;
    assert.equal(text.slice(t.origin!.offset, t.origin!.offset + 2), '澳门');
    // A duplicate forbidden form is reported at its own place in the cell.
    const dup = csvReader.read(text.replace('Makau', 'Macau'), 'team.terms.csv');
    assert.deepEqual(shown(dup), ['3:18 row 2, column 3, form 2 "Macau" is listed twice in this entry']);
  });
});
