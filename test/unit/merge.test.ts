/**
 * Several lists in force merge their concepts and lose nothing on the way: a later entry for the same concept
 * adds its forms (the later list deciding where they disagree), `"replace": true` replaces on purpose, and
 * every merged concept says which list contributed what. Table-driven: lists in, the concepts out.
 */
import * as assert from 'node:assert/strict';
import { acceptableIn, contributionsOf, conceptsIn, formsIn, termIn } from '../../server/src/core/concepts';
import { compileTerms } from '../../server/src/core/compile';
import { lintText } from '../../server/src/core/lint';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { mergeLists } from '../../server/src/core/termlists/merge';
import type { Term, TermList } from '../../server/src/core/types';

function list(file: string, terms: object[], extra: object = {}): TermList {
  const r = parseTermFile(JSON.stringify({ terms, ...extra }, null, 2), file);
  assert.deepEqual(r.problems, [], file);
  return r.list!;
}

/** A concept as the cases write it: its English forms and its other languages' approved forms. */
const shape = (t: Term) => ({ term: t.term, admitted: [...t.admitted], forbidden: [...t.forbidden], translations: { ...t.translations } });

interface Case {
  name: string;
  lists: object[][];
  /** The merged concepts, in order. */
  expected: { term: string; admitted?: string[]; forbidden?: string[]; translations?: Record<string, string> }[];
}

const cases: Case[] = [
  {
    name: 'a later entry naming the same term keeps the earlier forbidden forms and translation',
    lists: [[{ term: 'Guangzhou', forbidden: ['Kwangchow'], translations: { 'zh-Hans': '广州' } }], [{ term: 'Guangzhou' }]],
    expected: [{ term: 'Guangzhou', forbidden: ['Kwangchow'], translations: { 'zh-Hans': '广州' } }],
  },
  {
    name: 'admitted and forbidden forms are the union of both',
    lists: [[{ term: 'Xiamen', forbidden: ['Amoy'] }], [{ term: 'Xiamen', admitted: ['Hsiamen'], forbidden: ['Emoui'] }]],
    expected: [{ term: 'Xiamen', admitted: ['Hsiamen'], forbidden: ['Amoy', 'Emoui'] }],
  },
  {
    name: 'the later approved form wins; the earlier one stays admitted',
    lists: [[{ term: 'Zhuhai Airport', admitted: ['Jinwan Airport'] }], [{ term: 'Jinwan Airport' }]],
    expected: [{ term: 'Jinwan Airport', admitted: ['Zhuhai Airport'] }],
  },
  {
    name: 'the later list may forbid the earlier approved form',
    lists: [[{ term: 'Peking University' }], [{ term: 'Beijing University', forbidden: ['Peking University'] }]],
    expected: [{ term: 'Beijing University', forbidden: ['Peking University'] }],
  },
  {
    name: 'a form the earlier list forbids and the later admits is admitted (the later list decides)',
    lists: [[{ term: 'Foshan', forbidden: ['Fatshan'] }], [{ term: 'Foshan', admitted: ['Fatshan'] }]],
    expected: [{ term: 'Foshan', admitted: ['Fatshan'] }],
  },
  {
    name: 'a form the earlier list admits and the later forbids is forbidden',
    lists: [[{ term: 'Zhongshan', admitted: ['Chungshan'] }], [{ term: 'Zhongshan', forbidden: ['Chungshan'] }]],
    expected: [{ term: 'Zhongshan', forbidden: ['Chungshan'] }],
  },
  {
    name: '"replace": true replaces the earlier entry on purpose',
    lists: [[{ term: 'Shenzhen', forbidden: ['Shumchun'], translations: { 'zh-Hans': '深圳' } }], [{ term: 'Shenzhen', replace: true }]],
    expected: [{ term: 'Shenzhen' }],
  },
  {
    name: 'entries that only share a forbidden spelling stay two concepts',
    lists: [[{ term: 'Macao', forbidden: ['Macau'] }], [{ term: 'Aomen', forbidden: ['Macau'] }]],
    expected: [{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Aomen', forbidden: ['Macau'] }],
  },
  {
    name: 'the same id is the same concept, whatever its forms',
    lists: [[{ id: 'fair', term: 'Canton Fair' }], [{ id: 'fair', term: 'China Import and Export Fair' }]],
    expected: [{ term: 'China Import and Export Fair', admitted: ['Canton Fair'] }],
  },
  {
    name: 'languages of both entries are kept, the later approved form winning in each',
    lists: [
      [{ term: 'Dongguan', translations: { 'zh-Hans': '东莞' } }],
      [{ term: 'Dongguan', languages: { 'zh-Hant': { approved: '東莞' }, 'zh-Hans': { approved: '东莞市', admitted: ['东莞'] } } }],
    ],
    expected: [{ term: 'Dongguan', translations: { 'zh-Hans': '东莞市', 'zh-Hant': '東莞' } }],
  },
  {
    name: 'the same spelling written otherwise takes the later text',
    lists: [[{ term: 'Huizhou', forbidden: ['Waichow'] }], [{ term: 'Huizhou', forbidden: ['WaiChow'] }]],
    expected: [{ term: 'Huizhou', forbidden: ['WaiChow'] }],
  },
  {
    name: 'three lists in a row',
    lists: [[{ term: 'Jiangmen', forbidden: ['Kongmoon'] }], [{ term: 'Jiangmen', admitted: ['Kiangmen'] }], [{ term: 'Jiangmen', forbidden: ['Kiangmen'] }]],
    expected: [{ term: 'Jiangmen', forbidden: ['Kiangmen', 'Kongmoon'] }],
  },
  {
    name: 'an unrelated later entry is appended',
    lists: [[{ term: 'Zhaoqing' }], [{ term: 'Qingyuan' }]],
    expected: [{ term: 'Zhaoqing' }, { term: 'Qingyuan' }],
  },
];

describe('merging term lists', () => {
  for (const c of cases) {
    it(c.name, () => {
      const lists = c.lists.map((terms, i) => list(`list${i}.terms.json`, terms));
      const merged = mergeLists(lists).terms;
      assert.deepEqual(
        merged.map(shape),
        c.expected.map((e) => ({ term: e.term, admitted: e.admitted ?? [], forbidden: e.forbidden ?? [], translations: e.translations ?? {} })),
      );
    });
  }

  it('a single list is not copied entry by entry', () => {
    const only = list('one.terms.json', [{ term: 'Zhaoqing' }, { term: 'Qingyuan' }]);
    const merged = mergeLists([only, list('empty.terms.json', [])]);
    assert.equal(merged.terms[0], only.terms[0]);
    assert.deepEqual(merged.notes, []);
  });

  it('every merged concept says which list contributed what, and the notes say it was merged', () => {
    const a = list('bundled.terms.json', [{ term: 'Guangzhou', forbidden: ['Kwangchow'], note: 'Provincial capital.' }]);
    const b = list('team.terms.json', [{ term: 'Guangzhou', admitted: ['Canton'], exceptions: ['Canton Tower'] }]);
    const { terms, notes } = mergeLists([a, b]);
    assert.deepEqual(notes, ['"Guangzhou" from team.terms.json adds to the entry from bundled.terms.json']);
    const contributions = contributionsOf(terms[0]!);
    assert.deepEqual(
      contributions.map((c) => [c.origin?.file, c.origin?.line, c.forms.map((f) => `${f.status} ${f.text}`), c.exceptions, c.note]),
      [
        ['bundled.terms.json', 2, ['approved Guangzhou', 'forbidden Kwangchow'], [], 'Provincial capital.'],
        ['team.terms.json', 2, ['approved Guangzhou', 'admitted Canton'], ['Canton Tower'], undefined],
      ],
    );
    // The merged concept keeps the earlier note (the later entry has none) and the later entry's place.
    assert.equal(terms[0]!.note, 'Provincial capital.');
    assert.equal(terms[0]!.origin?.file, 'team.terms.json');
    assert.deepEqual(terms[0]!.exceptions, [{ phrase: 'Canton Tower' }]);
  });

  it('a replacing entry records what it replaced', () => {
    const a = list('a.terms.json', [{ term: 'Shantou', forbidden: ['Swatow'] }]);
    const b = list('b.terms.json', [{ term: 'Shantou', replace: true }]);
    const { terms, notes } = mergeLists([a, b]);
    assert.match(notes[0]!, /replaces the entry from a\.terms\.json \("replace": true\)/);
    assert.deepEqual(
      contributionsOf(terms[0]!).map((c) => [c.origin?.file, c.replaced ?? false]),
      [
        ['a.terms.json', false],
        ['b.terms.json', true],
      ],
    );
  });

  it('linting with the merge: the earlier forbidden form is still caught, the later admitted one accepted', () => {
    const bundled = list('bundled.terms.json', [{ term: 'Guangzhou', forbidden: ['Kwangchow'] }, { term: 'Macao', forbidden: ['Macau'] }]);
    const proposal = list('proposal.terms.json', [{ term: 'Guangzhou' }, { term: 'Macao' }, { term: 'Foshan' }]);
    const compiled = compileTerms([bundled, proposal]);
    const found = lintText('Kwangchow, Macau and Foshan.', compiled, { format: 'plaintext' }).findings.map((f) => [f.kind, f.found, f.expected]);
    assert.deepEqual(found, [
      ['forbidden', 'Kwangchow', 'Guangzhou'],
      ['forbidden', 'Macau', 'Macao'],
    ]);
  });
});

describe('concepts in several languages', () => {
  const concept = list('c.terms.json', [
    {
      term: 'Greater Bay Area',
      forbidden: [{ form: 'Pearl River Delta Bay Area', status: 'superseded', note: 'Earlier working name.' }],
      languages: { 'zh-CN': { approved: '大湾区', admitted: ['粤港澳大湾区'] }, 'zh-TW': { approved: '大灣區' } },
    },
    { languages: { 'zh-Hans': { approved: '横琴' } } },
  ]).terms;

  it('gives the forms of a concept in any language, tags as tools write them read as the list keeps them', () => {
    assert.deepEqual(formsIn(concept[0]!, 'zh-Hans'), { approved: '大湾区', admitted: ['粤港澳大湾区'], forbidden: [] });
    assert.deepEqual(formsIn(concept[0]!, 'zh-Hant'), { approved: '大灣區', admitted: [], forbidden: [] });
    assert.deepEqual(acceptableIn(concept[0]!, 'en'), ['Greater Bay Area']);
    assert.equal(formsIn(concept[0]!, 'fr'), undefined);
    assert.deepEqual(concept[0]!.details, { 'Pearl River Delta Bay Area': { note: 'Earlier working name.', status: 'superseded' } });
  });

  it('lists the concepts with forms in a language, each as a Term of that language', () => {
    assert.deepEqual(
      conceptsIn(concept, 'zh-Hans').map((t) => [t.term, t.admitted, t.translations.en]),
      [
        ['大湾区', ['粤港澳大湾区'], 'Greater Bay Area'],
        ['横琴', [], undefined],
      ],
    );
    assert.deepEqual(
      conceptsIn(concept, 'en').map((t) => t.term),
      ['Greater Bay Area'],
    );
    // Read in Chinese, the English forms (forbidden included) are another language of it.
    assert.deepEqual(termIn(concept[0]!, 'zh-Hant')!.languages?.en?.forbidden, ['Pearl River Delta Bay Area']);
  });

  it('a concept with no English forms is not matched in English documents', () => {
    const compiled = compileTerms([{ file: 'c.terms.json', terms: concept }]);
    assert.deepEqual([...compiled.terms.keys()], ['Greater Bay Area']);
    assert.equal(compiled.concepts.length, 2);
  });
});
