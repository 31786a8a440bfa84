/**
 * The edits "Add to the term list" and "Ignore in this workspace" make to a JSON term file, in both entry
 * shapes: the edited file must read back, with the form admitted (and no longer forbidden) or the phrase ignored.
 */
import * as assert from 'node:assert/strict';
import type { Edit as JsonEdit } from 'jsonc-parser';
import { termIn } from '../../server/src/core/concepts';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { addEntryEdits, admitEdits, ignoreEdits, overridingEntry } from '../../server/src/termFileEdits';

function apply(text: string, edits: readonly JsonEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

const entryOffset = (text: string, term: string) => parseTermFile(text, 't.terms.json').list!.terms.find((t) => t.term === term)!.origin!.offset;

describe('term file edits', () => {
  const cases: { name: string; file: object; term: string; found: string; admitted: string[]; forbidden: string[] }[] = [
    { name: 'an inline entry', file: { terms: [{ term: 'Macao', forbidden: ['Macau'] }] }, term: 'Macao', found: 'Macau', admitted: ['Macau'], forbidden: [] },
    { name: 'an inline entry with form objects', file: { terms: [{ term: 'Guangdong', forbidden: [{ form: 'Kwangtung', status: 'superseded' }, 'Canton Province'] }] }, term: 'Guangdong', found: 'Kwangtung', admitted: ['Kwangtung'], forbidden: ['Canton Province'] },
    {
      name: 'an entry in the concept shape: the language block gets it',
      file: { terms: [{ languages: { 'en-US': { approved: 'Zhuhai', forbidden: ['Chuhai'] }, 'zh-Hans': { approved: '珠海' } } }] },
      term: 'Zhuhai',
      found: 'Chuhai',
      admitted: ['Chuhai'],
      forbidden: [],
    },
    { name: 'a variant that no list names', file: { terms: [{ term: 'Guangdong' }] }, term: 'Guangdong', found: 'Guang dong', admitted: ['Guang dong'], forbidden: [] },
    {
      name: 'a Chinese list: the English block gets it, not the Chinese term',
      file: { language: 'zh-Hans', terms: [{ term: '珠海', languages: { en: { approved: 'Zhuhai', forbidden: ['Chuhai'] } } }] },
      term: '珠海',
      found: 'Chuhai',
      admitted: [],
      forbidden: [],
    },
  ];
  for (const c of cases) {
    it(`admits a form: ${c.name}`, () => {
      const text = JSON.stringify(c.file, null, 2);
      const edited = apply(text, admitEdits(text, entryOffset(text, c.term), c.found)!);
      const r = parseTermFile(edited, 't.terms.json');
      assert.deepEqual(r.problems, [], edited);
      const t = r.list!.terms.find((x) => x.term === c.term)!;
      assert.deepEqual([t.admitted, t.forbidden], [c.admitted, c.forbidden], edited);
      if (t.lang === 'zh-Hans') assert.deepEqual([t.languages?.en?.admitted, t.languages?.en?.forbidden], [['Chuhai'], []], edited);
    });
  }

  // Han forms (a Chinese finding's "Add to the term list") go into the block of the document's script.
  const hanCases: { name: string; file: object; lang: string; found: string; approved?: string; expected: object | undefined }[] = [
    {
      name: "the script's block, beside what it admits, the other script left alone",
      file: { terms: [{ term: 'Qianhai Cooperation Zone', languages: { 'zh-Hans': { approved: '前海合作区', admitted: ['前海'] }, 'zh-Hant': { approved: '前海合作區' } } }] },
      lang: 'zh-Hans',
      found: '前海合做区',
      expected: { 'zh-Hans': { approved: '前海合作区', admitted: ['前海', '前海合做区'] }, 'zh-Hant': { approved: '前海合作區' } },
    },
    {
      name: 'a forbidden Traditional form becomes admitted',
      file: { terms: [{ term: 'Hengqin', languages: { 'zh-Hant': { approved: '橫琴', forbidden: ['橫琴島'] } } }] },
      lang: 'zh-Hant',
      found: '橫琴島',
      expected: { 'zh-Hant': { approved: '橫琴', forbidden: [], admitted: ['橫琴島'] } },
    },
    { name: 'no block for the script: nothing, unless its approved form is given', file: { terms: [{ term: 'Hengqin' }] }, lang: 'zh-Hans', found: '横琴岛', expected: undefined },
    { name: 'no block for the script, its approved form given: a new block', file: { terms: [{ term: 'Hengqin' }] }, lang: 'zh-Hans', found: '横琴岛', approved: '横琴', expected: { 'zh-Hans': { approved: '横琴', admitted: ['横琴岛'] } } },
  ];
  for (const c of hanCases) {
    it(`admits a Han form: ${c.name}`, () => {
      const text = JSON.stringify(c.file, null, 2);
      const edits = admitEdits(text, entryOffset(text, (c.file as { terms: { term: string }[] }).terms[0]!.term), c.found, c.lang, c.approved);
      if (c.expected === undefined) return assert.equal(edits, undefined);
      const edited = apply(text, edits!);
      const r = parseTermFile(edited, 't.terms.json');
      assert.deepEqual(r.problems, [], edited);
      assert.deepEqual((JSON.parse(edited) as { terms: { languages: object }[] }).terms[0]!.languages, c.expected);
    });
  }

  it("a workspace entry for a Chinese form names the concept by its English form and the script's block", () => {
    const list = parseTermFile(JSON.stringify({ terms: [{ term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' }, 'zh-Hant': { approved: '橫琴' } } }] }), 'b.terms.json').list!;
    const hant = termIn(list.terms[0]!, 'zh-Hant')!;
    const entry = overridingEntry(hant, '橫琴島');
    assert.deepEqual(entry, { term: 'Hengqin', languages: { 'zh-Hant': { approved: '橫琴', admitted: ['橫琴島'] } } });
    // A Chinese list's concept with no English form is named by its forms alone.
    const zh = parseTermFile(JSON.stringify({ language: 'zh-Hans', terms: [{ term: '横琴' }] }), 'z.terms.json').list!;
    assert.deepEqual(overridingEntry(termIn(zh.terms[0]!, 'zh-Hans')!, '横琴岛'), { languages: { 'zh-Hans': { approved: '横琴', admitted: ['横琴岛'] } } });
    // Written into a workspace file, it reads back as a valid list.
    const file = JSON.stringify({ terms: [] });
    const written = apply(file, addEntryEdits(file, entry));
    assert.deepEqual(parseTermFile(written, 'w.terms.json').problems, []);
  });

  it('ignores a phrase once, whether the list writes its phrases as strings or objects', () => {
    const text = JSON.stringify({ terms: [], ignore: [{ phrase: 'Macau Street', note: 'A street name.' }] }, null, 2);
    assert.deepEqual(ignoreEdits(text, 'macau  street'), []);
    const edited = apply(text, ignoreEdits(text, 'Hongkong Post'));
    assert.deepEqual(parseTermFile(edited, 't.terms.json').list!.ignore, ['Macau Street', 'Hongkong Post']);
  });

  it('an entry for a list Termlint does not edit names only the term and the admitted form', () => {
    const bundled = parseTermFile(JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'], translations: { 'zh-Hans': '澳门' }, note: 'n' }] }), 'b.terms.json').list!;
    assert.deepEqual(overridingEntry(bundled.terms[0]!, 'Macau'), { term: 'Macao', admitted: ['Macau'] });
  });
});
