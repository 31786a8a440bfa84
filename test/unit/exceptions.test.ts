/**
 * Exceptions: a phrase right as a whole although it holds a forbidden or variant spelling. A use inside an
 * occurrence of one (a term's `exceptions` for its own uses, a list's `ignore` for any term's) is neither
 * reported nor fixed nor counted, on every path: findings, fix-all, consistency, the incremental linter.
 * Table-driven: { text, findings, excepted }.
 */
import * as assert from 'node:assert/strict';
import type { CompiledTerms } from '../../server/src/core/compile';
import { DocumentLinter } from '../../server/src/core/document';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import type { FormatId } from '../../server/src/core/types';
import { rng } from '../helpers/random';
import { compiledOf } from '../helpers/terms';

const terms = compiledOf(
  [
    { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau', { phrase: 'Air Macau', note: 'The airline keeps its name.' }, 'Bank of China (Macau)'] },
    { term: 'Hong Kong', exceptions: ['Hongkong Post', 'Hongkong Land'] },
    { term: 'Guangdong', forbidden: ['Kwangtung'] },
    { term: 'Shantou', forbidden: ['Swatow'], exceptions: ['Swatow ware', 'Swatow wares'] },
    { term: 'Shenzhen' },
  ],
  { ignore: ['Kwangtung Provincial Bank', 'Shenzen'] },
);

interface Case {
  name: string;
  text: string;
  /** Reported, as [found, expected]. */
  findings: [string, string][];
  /** Not reported, as [found, phrase]. */
  excepted?: [string, string][];
  format?: FormatId;
  terms?: CompiledTerms;
}

const cases: Case[] = [
  { name: 'a forbidden spelling inside an official name', text: 'She teaches at the University of Macau.', findings: [], excepted: [['Macau', 'University of Macau']] },
  { name: 'the same spelling outside it is still reported', text: 'The University of Macau is in Macau.', findings: [['Macau', 'Macao']], excepted: [['Macau', 'University of Macau']] },
  { name: 'across a line break', text: 'Staff of the University of\nMacau met.', findings: [], excepted: [['Macau', 'University of Macau']] },
  { name: 'across several spaces and a tab', text: 'Flights on Air  \tMacau resume.', findings: [], excepted: [['Macau', 'Air Macau']] },
  { name: 'in any case', text: 'UNIVERSITY OF MACAU REOPENS', findings: [], excepted: [['MACAU', 'University of Macau']] },
  { name: 'punctuation inside the phrase must be there', text: 'Bank of China (Macau) and Bank of China Macau.', findings: [['Macau', 'Macao']], excepted: [['Macau', 'Bank of China (Macau)']] },
  { name: 'another word in the middle breaks the phrase', text: 'The University of Old Macau.', findings: [['Macau', 'Macao']] },
  { name: 'a longer word is not the phrase', text: 'We shipped Swatow wareses.', findings: [['Swatow', 'Shantou']] },
  { name: 'the plural listed too', text: 'Swatow ware and Swatow wares.', findings: [], excepted: [['Swatow', 'Swatow ware'], ['Swatow', 'Swatow wares']] },
  { name: 'a variant spelling (joined) inside a name', text: 'Post it with Hongkong Post.', findings: [], excepted: [['Hongkong', 'Hongkong Post']] },
  { name: 'a joined spelling elsewhere is still a finding', text: 'Hongkong Land is in Hongkong.', findings: [['Hongkong', 'Hong Kong']], excepted: [['Hongkong', 'Hongkong Land']] },
  { name: "a term's exceptions cover only its own uses", text: 'Hongkong Post in Kwangtung.', findings: [['Kwangtung', 'Guangdong']], excepted: [['Hongkong', 'Hongkong Post']] },
  { name: "a list's ignore phrase covers any term", text: 'Notes of the Kwangtung Provincial Bank.', findings: [], excepted: [['Kwangtung', 'Kwangtung Provincial Bank']] },
  { name: 'a one-word ignore entry still ignores that word (as before)', text: 'A sign in Shenzen.', findings: [] },
  { name: 'Markdown emphasis inside the phrase', text: 'The University of **Macau**.\n', findings: [], excepted: [['Macau', 'University of Macau']], format: 'markdown' },
  { name: 'HTML inline markup inside the phrase', text: '<p>Hongkong <em>Post</em> opens.</p>', findings: [], excepted: [['Hongkong', 'Hongkong Post']], format: 'html' },
  { name: 'a phrase does not run across blocks', text: 'University of\n\nMacau.', findings: [['Macau', 'Macao']] },
  { name: 'a phrase does not run through code', text: 'Air `x` Macau.\n', findings: [['Macau', 'Macao']], format: 'markdown' },
];

describe('exceptions', () => {
  for (const c of cases) {
    it(c.name, () => {
      const compiled = c.terms ?? terms;
      const r = lintText(c.text, compiled, { format: c.format ?? 'plaintext' });
      assert.deepEqual(
        r.findings.map((f) => [f.found, f.expected]),
        c.findings,
      );
      assert.deepEqual(
        (r.excepted ?? []).map((e) => [c.text.slice(e.start, e.end), e.phrase]),
        c.excepted ?? [],
      );
      for (const e of r.excepted ?? []) assert.ok(e.phraseStart <= e.start && e.end <= e.phraseEnd, 'the phrase holds the use');
      // Never fixed: fix-all leaves every exception as it was written.
      const fixed = applyEdits(c.text, fixAllEdits(r.findings));
      for (const e of r.excepted ?? []) assert.ok(fixed.includes(c.text.slice(e.phraseStart, e.phraseEnd)), fixed);
    });
  }

  it('a use inside an exception is not a use of its form (consistency counts)', () => {
    const compiled = compiledOf([{ term: 'Macao', admitted: ['Macau'], exceptions: ['University of Macau'] }]);
    const text = 'Macao grows. Macao builds. The University of Macau, the University of Macau and the University of Macau teach. Macau trades.';
    const r = lintText(text, compiled, { format: 'plaintext' });
    // Two uses of "Macao" against one of "Macau": the three in the university's name do not count.
    assert.deepEqual(
      r.findings.map((f) => [f.kind, f.found, f.expected]),
      [['inconsistent', 'Macau', 'Macao']],
    );
    assert.equal(r.excepted?.length, 3);
  });

  it('the incremental linter agrees with lintText as a phrase is typed, broken and restored', () => {
    const linter = new DocumentLinter(terms, { format: 'markdown' });
    const steps = [
      'The University of Macau.\n\nMore text.\n',
      'The University or Macau.\n\nMore text.\n',
      'The University of Macau.\n\nMore text.\n',
      'The University of Macau.\n\nMore Hongkong Post text.\n',
      'The University of Macau.\n\nMore Hongkong Pos text.\n',
    ];
    for (const text of steps) {
      const expected = lintText(text, terms, { format: 'markdown' });
      const got = linter.lint(text);
      assert.deepEqual(got.findings, expected.findings, text);
      assert.deepEqual(got.excepted, expected.excepted, text);
    }
  });

  it('random drafts: no finding inside an exception, and fix-all leaves every excepted phrase as written', () => {
    const random = rng(12);
    const pieces = ['University of Macau', 'University of', 'Macau', 'Macao', 'Air', 'Air Macau', 'Hongkong Post', 'Hongkong', 'Post', 'Kwangtung Provincial Bank',
      'Kwangtung', 'Bank', 'Swatow ware', 'Swatow wares', 'Swatow', 'the', '.', ',', '\n', '\n\n', '**', '`', '# ', '- ', '(', ')', '<em>', '</em>'];
    for (let doc = 0; doc < 300; doc++) {
      let text = '';
      for (let i = 0, n = 5 + Math.floor(random() * 30); i < n; i++) text += pieces[Math.floor(random() * pieces.length)] + (random() < 0.7 ? ' ' : '');
      for (const format of ['markdown', 'plaintext', 'html'] as FormatId[]) {
        const r = lintText(text, terms, { format });
        for (const e of r.excepted ?? []) {
          assert.ok(!r.findings.some((f) => f.start < e.phraseEnd && e.phraseStart < f.end && f.termId === e.termId && e.phraseStart <= f.start && f.end <= e.phraseEnd), JSON.stringify(text));
        }
        const fixed = applyEdits(text, fixAllEdits(r.findings));
        for (const e of r.excepted ?? []) {
          // Edits never touch an excepted span (a finding of another term beside it may still be fixed).
          assert.ok(!fixAllEdits(r.findings).some((edit) => edit.start < e.end && e.start < edit.end), `${format}: ${JSON.stringify(text)} → ${JSON.stringify(fixed)}`);
        }
      }
    }
  });

  it('a list without exceptions compiles none', () => {
    assert.equal(compiledOf([{ term: 'Macao', forbidden: ['Macau'] }]).exceptions, undefined);
  });
});
