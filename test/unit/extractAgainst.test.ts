/**
 * A proposal set against the lists in force: each proposed entry is new, known (left out), adds forms (kept as
 * the active term with only those), or conflicts (left out). Table-driven over entries, with the bundled list
 * in force; then the whole way: what is written, merged with the lists, never loses a finding they made.
 */
import * as assert from 'node:assert/strict';
import { compileTerms } from '../../server/src/core/compile';
import { type ProposalStatus, checkAgainstLists, keepWhatAdds } from '../../server/src/core/extract/against';
import { extractTerms, toTermFileJson } from '../../server/src/core/extract';
import type { ExtractionResult, ProposedTerm } from '../../server/src/core/extract/types';
import { lintText } from '../../server/src/core/lint';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { bundledTerms } from '../helpers/terms';

const result = (entries: ProposedTerm[]): ExtractionResult => ({
  terms: entries.map((entry, i) => ({ entry, category: 'proper-name', count: 1, spread: 1, variants: [], first: i, score: 1 })),
  paragraphs: 1,
  words: 1,
  format: 'plaintext',
});

const entry = (term: string, forbidden: string[] = [], admitted: string[] = []): ProposedTerm => ({ term, admitted, forbidden, note: 'Proposed.' });

const cases: { name: string; entry: ProposedTerm; status: ProposalStatus; term?: string; forbidden?: string[]; reason?: RegExp }[] = [
  { name: 'a term no list has', entry: entry('Varnholm'), status: 'new' },
  { name: 'a term the bundled list has, with nothing more', entry: entry('Guangzhou'), status: 'known', term: 'Guangzhou' },
  { name: 'its forbidden form is one the list already forbids', entry: entry('Guangdong', ['Kwangtung']), status: 'known', term: 'Guangdong' },
  { name: 'its forbidden form is a variant the linter already catches', entry: entry('Hong Kong', ['HongKong', 'Hong-Kong']), status: 'known', term: 'Hong Kong' },
  { name: 'a forbidden form the list does not catch yet', entry: entry('Shantou', ['Shan Tow']), status: 'adds', term: 'Shantou', forbidden: ['Shan Tow'] },
  { name: 'a misspelling of an active term', entry: entry('Shenzen'), status: 'conflict', term: 'Shenzhen', reason: /read "Shenzen" as a misspelling of "Shenzhen"/ },
  { name: 'a form the active lists forbid', entry: entry('Macau'), status: 'conflict', term: 'Macao', reason: /as a forbidden form of "Macao"/ },
  { name: 'a joined spelling of an active term', entry: entry('HongKong'), status: 'conflict', term: 'Hong Kong', reason: /as a joined variant of "Hong Kong"/ },
  { name: 'forbidding what the active lists accept', entry: entry('Guangdong Province', ['Guangdong']), status: 'conflict', term: 'Guangdong Province', reason: /would forbid "Guangdong", an acceptable form of "Guangdong"/ },
];

describe('extraction against the lists in force', () => {
  for (const c of cases) {
    it(c.name, () => {
      const [v] = checkAgainstLists(result([c.entry]), bundledTerms());
      assert.equal(v!.status, c.status);
      assert.equal(v!.term?.term, c.term);
      if (c.forbidden) assert.deepEqual(v!.forbidden, c.forbidden);
      if (c.reason) assert.match(v!.reason!, c.reason);
    });
  }

  it('keeps new terms as proposed and an adding one as the active term with only its new forms', () => {
    const r = result([entry('Varnholm'), entry('Guangzhou'), entry('Shantou', ['Shan Tow']), entry('Shenzen')]);
    const kept = keepWhatAdds(r, checkAgainstLists(r, bundledTerms()));
    assert.deepEqual(
      kept.terms.map((t) => [t.entry.term, t.entry.forbidden]),
      [
        ['Varnholm', []],
        ['Shantou', ['Shan Tow']],
      ],
    );
    assert.match(kept.terms[1]!.entry.note, /Adds to "Shantou" in .*guangdong\.terms\.json:\d+\.$/);
  });

  it('saved and merged with the lists, the proposal from any text loses none of their findings', () => {
    const text = 'Kwangchow traders met in Macau and Shenzen. Kwangchow ships sailed. Macau banks lent. Shenzen grew. Kwangchow again.';
    const before = lintText(text, bundledTerms(), { format: 'plaintext' }).findings.map((f) => [f.kind, f.found, f.expected]);
    const proposal = extractTerms(text);
    const kept = keepWhatAdds(proposal, checkAgainstLists(proposal, bundledTerms()));
    const saved = parseTermFile(toTermFileJson(kept), 'proposal.terms.json').list!;
    const after = lintText(text, compileTerms([...bundledTerms().lists, saved]), { format: 'plaintext' }).findings.map((f) => [f.kind, f.found, f.expected]);
    assert.deepEqual(after, before);
    assert.ok(before.length >= 6);
  });
});
