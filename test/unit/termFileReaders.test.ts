/**
 * The term-list reader seam: the registry picks a reader by file name, every reader reads through the shared
 * builder, and a reader for another format (here a toy one-entry-a-line format, as a CSV reader would be) gets
 * the same checks, messages and Terms as the JSON reader.
 */
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { type EntryInput, TermListBuilder } from '../../server/src/core/termlists/builder';
import { csvReader } from '../../server/src/core/termlists/csv';
import { jsonReader } from '../../server/src/core/termlists/json';
import { tbxReader } from '../../server/src/core/termlists/tbx';
import type { TermListReader } from '../../server/src/core/termlists/reader';
import { TERM_LIST_READERS, isTermListFile, readTermList, readerForFile, readerForName, termListGlobs } from '../../server/src/core/termlists/registry';
import type { Term, TermFileResult } from '../../server/src/core/types';

/** Problems as `line:column path message` (1-based, as the CLI prints them). */
const shown = (r: TermFileResult) => r.problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.path} ${p.message}`);

/** A Term without where it came from: what two formats holding the same entries must agree on. */
const content = ({ origin: _origin, ...rest }: Term) => rest;

/**
 * A reader for lines of `approved | admitted, … | forbidden, …` (a stand-in for TBX or CSV): it knows its syntax
 * and positions, the builder does every check.
 */
const linesReader: TermListReader = {
  id: 'lines',
  suffixes: ['.terms.txt'],
  extensions: [],
  globs: ['**/*.terms.txt'],
  write: (list) => ({ text: list.terms.map((t) => [t.term, t.admitted.join(', '), t.forbidden.join(', ')].join(' | ')).join('\n'), dropped: [] }),
  read(text, file) {
    const builder = new TermListBuilder(text, file);
    let offset = 0;
    text.split('\n').forEach((line, index) => {
      const start = offset;
      offset += line.length + 1;
      if (line.trim() === '') return;
      const cells: { text: string; offset: number }[] = [];
      let at = start;
      for (const cell of line.split('|')) {
        cells.push({ text: cell, offset: at });
        at += cell.length + 1;
      }
      const forms = (cell: { text: string; offset: number } | undefined, kind: 'admitted' | 'forbidden', column: number): EntryInput['others'] => {
        if (!cell || cell.text.trim() === '') return [];
        let o = cell.offset;
        return cell.text.split(',').map((t, i) => {
          const form = { text: t.trim(), span: { offset: o + t.indexOf(t.trim()), length: t.trim().length }, path: `line ${index + 1}, column ${column}, form ${i + 1}`, kind };
          o += t.length + 1;
          return form;
        });
      };
      const approved = cells[0]!;
      builder.addEntry({
        index,
        span: { offset: start, length: line.length },
        path: `line ${index + 1}`,
        approved: { text: approved.text.trim(), span: { offset: approved.offset, length: approved.text.length }, path: `line ${index + 1}, column 1` },
        others: [...forms(cells[1], 'admitted', 2), ...forms(cells[2], 'forbidden', 3)],
      });
    });
    return builder.finish();
  },
};

describe('term-list readers', () => {
  it('the registry picks the reader by file name, paths and URIs alike', () => {
    const cases: [string, TermListReader | undefined][] = [
      ['team.terms.json', jsonReader],
      ['lists/team.terms.json', jsonReader],
      ['file:///home/me/docs/.vscode/termlint.terms.json', jsonReader],
      ['C:\\docs\\team.terms.json', jsonReader],
      ['team.json', undefined],
      ['terms.json', undefined],
      ['draft.md', undefined],
      ['team.terms.json.bak', undefined],
      ['glossary.tbx', tbxReader],
      ['exports/MultiTerm Export.TBX', tbxReader],
      ['team.terms.csv', csvReader],
      ['team.terms.tsv', csvReader],
      // A project's other spreadsheets and XML are not term lists unless named so.
      ['budget.csv', undefined],
      ['data.tsv', undefined],
      ['pom.xml', undefined],
    ];
    for (const [name, reader] of cases) {
      assert.equal(readerForFile(name), reader, name);
      assert.equal(isTermListFile(name), reader !== undefined, name);
    }
  });

  it('a file named in no reader\'s way (--terms list.json, a user glob) is read as JSON, as before readers', () => {
    const text = '{ "terms": [{ "term": "Macao", "forbidden": ["Macau"] }] }';
    assert.deepEqual(readTermList(text, 'list.json'), jsonReader.read(text, 'list.json'));
    assert.equal(readTermList(text, 'list.json').list?.terms[0]?.forbidden[0], 'Macau');
    assert.deepEqual(readTermList(text, 'glossary'), jsonReader.read(text, 'glossary'));
  });

  it('a file named as a term list is read by its extension, else as TBX when it is XML', () => {
    const csv = 'en,en:forbidden\nMacao,Macau\n';
    assert.equal(readTermList(csv, 'budget.csv').list?.terms[0]?.forbidden[0], 'Macau');
    assert.equal(readTermList(csv.replace(',', '\t').replace(',', '\t'), 'export.tsv').list?.terms[0]?.forbidden[0], 'Macau');
    const tbx = '<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>Macao</term></termSec></langSec></conceptEntry></body></text></tbx>';
    assert.equal(readTermList(tbx, 'export.xml').list?.terms[0]?.term, 'Macao');
    assert.equal(readTermList(tbx, 'export').list?.terms[0]?.term, 'Macao');
    assert.equal(readerForName('export.xml'), tbxReader);
    assert.equal(readerForName('notes.txt'), undefined);
  });

  it('every reader has its own id and naming, and its globs find the files it reads', () => {
    assert.deepEqual(
      TERM_LIST_READERS.map((r) => r.id),
      [...new Set(TERM_LIST_READERS.map((r) => r.id))],
    );
    for (const reader of TERM_LIST_READERS) {
      assert.ok(reader.suffixes.length > 0 && reader.globs.length > 0, reader.id);
      for (const suffix of reader.suffixes) {
        const file = `docs/team${suffix}`;
        assert.equal(readerForFile(file), reader, file);
        assert.ok(picomatch(reader.globs as string[], { dot: true })(file), `${reader.id}: ${reader.globs.join()} finds ${file}`);
      }
    }
    assert.deepEqual(termListGlobs(), TERM_LIST_READERS.flatMap((r) => r.globs));
    assert.deepEqual(termListGlobs(), ['**/*.terms.json', '**/*.tbx', '**/*.terms.csv', '**/*.terms.tsv']);
  });

  // What the JSON reader makes of valid files, entry by entry (the broken ones are in termFile.test.ts).
  const valid: { name: string; text: string; terms: Partial<Term>[] }[] = [
    { name: 'an approved form only', text: '{ "terms": [{ "term": "Shenzhen" }] }', terms: [{ id: 'Shenzhen', admitted: [], forbidden: [], caseSensitive: true, translations: {} }] },
    { name: 'lower case: not case-sensitive by default', text: '{ "terms": [{ "term": "win-win" }] }', terms: [{ id: 'win-win', caseSensitive: false }] },
    {
      name: 'every property',
      text: '{ "source": "List", "terms": [{ "term": "Macao", "admitted": ["Macao SAR"], "forbidden": ["Macau"], "caseSensitive": false, "translations": { "zh-Hans": "澳门" }, "note": "n" }] }',
      terms: [{ id: 'Macao', admitted: ['Macao SAR'], forbidden: ['Macau'], caseSensitive: false, translations: { 'zh-Hans': '澳门' }, note: 'n', source: 'List' }],
    },
    { name: "an entry's source over the list's", text: '{ "source": "List", "terms": [{ "term": "Nansha", "source": "own" }] }', terms: [{ id: 'Nansha', source: 'own' }] },
    {
      name: 'with comments (the positioned parser), origins at each entry',
      text: '{\n  // ours\n  "terms": [\n    { "term": "Guangdong" },\n    { "term": "Hong Kong" }\n  ]\n}',
      terms: [
        { id: 'Guangdong', origin: { file: 'c.terms.json', offset: 29, line: 3, column: 4 } },
        { id: 'Hong Kong', origin: { file: 'c.terms.json', offset: 58, line: 4, column: 4 } },
      ],
    },
  ];
  for (const c of valid) {
    it(`JSON: ${c.name}`, () => {
      const r = readTermList(c.text, 'c.terms.json');
      assert.deepEqual(r.problems, []);
      assert.equal(r.list?.terms.length, c.terms.length);
      c.terms.forEach((expected, i) => {
        const got = r.list!.terms[i]!;
        for (const [key, value] of Object.entries(expected)) assert.deepEqual(got[key as keyof Term], value, `${c.name}: ${key}`);
      });
    });
  }

  it('another format through the builder gets the JSON reader\'s Terms', () => {
    const lines = linesReader.read('Macao | Macao SAR | Macau\nHong Kong\nhigh-quality development || high quality development\n', 'team.terms.txt');
    const json = jsonReader.read(
      JSON.stringify({
        terms: [{ term: 'Macao', admitted: ['Macao SAR'], forbidden: ['Macau'] }, { term: 'Hong Kong' }, { term: 'high-quality development', forbidden: ['high quality development'] }],
      }),
      'team.terms.json',
    );
    assert.deepEqual(lines.problems, []);
    assert.deepEqual(lines.list!.terms.map(content), json.list!.terms.map(content));
    assert.deepEqual(
      lines.list!.terms.map((t) => [t.origin?.file, t.origin?.line, t.origin?.column]),
      [['team.terms.txt', 0, 0], ['team.terms.txt', 1, 0], ['team.terms.txt', 2, 0]],
    );
  });

  it('another format through the builder gets the same problems, at its own positions and paths', () => {
    const text = 'Macao || Macau, Macau\nGuang 广东\n!!!\nMacau\nhong kong\nHong-Kong\n';
    assert.deepEqual(shown(linesReader.read(text, 'team.terms.txt')), [
      '2:1 line 2, column 1 "Guang 广东" contains CJK characters, which Termlint does not match; put them under "translations"',
      '3:1 line 3, column 1 "!!!" has no letters or digits, so it can never match',
      '1:17 line 1, column 3, form 2 "Macau" is listed twice in this entry',
      '4:1 line 4, column 1 Contradiction: "Macau" (line 1, column 3, form 1) is forbidden, but "Macau" is an approved form at line 4, column 1',
      '6:1 line 6, column 1 Duplicate: "Hong-Kong" (line 6, column 1) is the same term as "hong kong" at line 5, column 1',
    ]);
    // The JSON reader says the same things of the same entries, in its own paths.
    const json = JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau', 'Macau'] }, { term: 'Guang 广东' }, { term: '!!!' }, { term: 'Macau' }, { term: 'hong kong' }, { term: 'Hong-Kong' }] });
    const messages = (r: TermFileResult) => r.problems.map((p) => p.message.replace(/ \([^)]*\)/g, '').replace(/ at (terms\[\S+|line .+)$/, ''));
    assert.deepEqual(messages(jsonReader.read(json, 'team.terms.json')), messages(linesReader.read(text, 'team.terms.txt')));
  });

  it('the limit on forms per entry is the builder\'s, whatever the format', () => {
    const many = Array.from({ length: 200 }, (_, i) => `form${i}x`).join(', ');
    assert.deepEqual(shown(linesReader.read(`Macao | ${many}\n`, 'big.terms.txt')), ['1:1 line 1 Too many forms (201); the limit is 200']);
  });
});
