/**
 * The edits "Add to the term list" and "Ignore in this workspace" make to a JSON term file, in both entry
 * shapes: the edited file must read back, with the form admitted (and no longer forbidden) or the phrase ignored.
 */
import * as assert from 'node:assert/strict';
import type { Edit as JsonEdit } from 'jsonc-parser';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { admitEdits, ignoreEdits, overridingEntry } from '../../server/src/termFileEdits';

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
