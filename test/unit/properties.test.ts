/**
 * Property tests over the engine: whatever the document and the term list, linting never throws, every
 * range lies inside the document on whole characters, fixes never overlap and touch nothing outside their
 * ranges, fixing converges, and every planted variant of a term is found. `npm run test:fuzz` runs the same
 * properties with FUZZ_RUNS cases each; shrunk counterexamples live on in regressions.test.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompiledTerms } from '../../server/src/core/compile';
import { fixAllEdits } from '../../server/src/core/fixes';
import { FuzzyIndex, byWord, deletionHashes, editDistance, maxDistance } from '../../server/src/core/fuzzy';
import { lintText } from '../../server/src/core/lint';
import type { Edit, FormatId } from '../../server/src/core/types';
import { applyChecked, checkResult } from '../helpers/invariants';
import { INERT, compileSpecs, fcParams, hostilePiece, inertPiece, language, listAndDocument, plantSpec, plantText, termSpecs } from '../helpers/arbitraries';

/** Where edits land in the text they produce: [start, end) of each replacement text. */
function landedRanges(edits: readonly Edit[]): [number, number][] {
  let delta = 0;
  return edits.map((e) => {
    const start = e.start + delta;
    delta += e.text.length - (e.end - e.start);
    return [start, start + e.text.length];
  });
}

/**
 * Lints, checks, fixes everything, and lints again until nothing is left; fixing must settle within a few
 * rounds instead of oscillating. In plain text a later round may only find what the previous fixes created
 * (a corrected word completing a longer forbidden form), never something left alone. Markdown is not local:
 * removing `**` from one word re-pairs the emphasis marks after it, so there only settling is required.
 */
export function checkLintAndFix(text: string, compiled: CompiledTerms, language: FormatId): void {
  let current = text;
  let changed: [number, number][] | undefined;
  for (let round = 1; ; round++) {
    const result = lintText(current, compiled, { format: language });
    checkResult(current, result);
    if (result.findings.length === 0) return;
    if (changed && language === 'plaintext') {
      const untouched = result.findings.filter((f) => !changed!.some(([s, e]) => f.start <= e && s <= f.end));
      assert.deepEqual(
        untouched.map((f) => `${f.kind} "${f.found}" at ${f.start} -> "${f.expected}"`),
        [],
        `round ${round}: findings the previous fix-all left alone in ${JSON.stringify(current)}`,
      );
    }
    assert.ok(round <= 3, `fix-all has not settled after 3 rounds: ${JSON.stringify(current)}`);
    const edits = fixAllEdits(result.findings);
    current = applyChecked(current, edits);
    changed = landedRanges(edits);
  }
}

describe('engine properties', function () {
  this.timeout(0);

  it('lint never throws, ranges are whole characters inside the document, fixes are disjoint and converge', () => {
    fc.assert(
      fc.property(listAndDocument, ({ specs, text, language }) => {
        const { compiled } = compileSpecs(specs);
        checkLintAndFix(text, compiled, language);
      }),
      fcParams(500),
    );
  });

  it('finds every planted variant of a term, at its exact span, whatever surrounds it', () => {
    const input = fc.record({
      specs: termSpecs,
      plants: fc.array(plantSpec, { minLength: 1, maxLength: 5 }),
      language,
      before: fc.array(fc.oneof(hostilePiece, inertPiece), { maxLength: 12 }),
      after: fc.array(hostilePiece, { maxLength: 12 }),
      wrapper: fc.constantFrom('', '- ', '> ', '1. ', '* ', '>  - '),
    });
    fc.assert(
      fc.property(input, ({ specs, plants, language, before, after, wrapper }) => {
        const { compiled } = compileSpecs(specs);
        const caseSensitive = (term: number) => compiled.terms.get(specs[term]!.term)!.caseSensitive;
        const planted = plants.map((p) => plantText(specs, p, compiled.vocabulary, caseSensitive)).filter((p) => p !== undefined);
        // Markdown before the planted paragraph could open a fence or an HTML block that swallows it.
        const prefix = before.filter((p) => language === 'plaintext' || inertPieceSet.has(p)).filter((p) => !p.includes('termlint-')).join('');
        let text = prefix + '\n\n' + wrapper + 'Then ';
        const spans: { start: number; end: number; term: string; written: string; kind: string }[] = [];
        planted.forEach((p, i) => {
          if (i > 0) text += ' and then ';
          spans.push({ start: text.length, end: text.length + p.text.length, term: specs[p.term]!.term, written: p.text, kind: p.kind });
          text += p.text;
        });
        text += ' ends.\n\n' + after.join('');
        const { findings } = lintText(text, compiled, { format: language });
        checkResult(text, { findings, occurrences: [] });
        for (const s of spans) {
          const hit = findings.find((f) => f.start === s.start && f.end === s.end);
          assert.ok(hit, `planted "${s.written}" (${s.term}) at ${s.start} not found in ${JSON.stringify(text)}; found ${JSON.stringify(findings.map((f) => [f.kind, f.found, f.start]))}`);
          if (s.kind === 'misspelling' && hit.termId !== s.term) {
            // Another term just as near is as good a guess.
            assert.ok(editDistance(s.written.toLowerCase(), hit.expected.toLowerCase(), 2) <= 1, `planted "${s.written}" (${s.term}) taken for "${hit.expected}"`);
          } else assert.equal(hit.termId, s.term, `planted "${s.written}" reported as a variant of "${hit.termId}"`);
        }
      }),
      fcParams(500),
    );
  });

  /** What the fuzzy index should answer for `q`: every deletion hash, whole, to the words it comes from. */
  function wholeHashLookup(words: readonly string[]): (q: string) => ReturnType<FuzzyIndex['lookup']> {
    const byHash = new Map<number, number[]>();
    words.forEach((w, id) => {
      const d = maxDistance(w.length);
      if (d > 0) for (const h of deletionHashes(w, d)) byHash.set(h, [...(byHash.get(h) ?? []), id]);
    });
    return (q) => {
      const ids = new Set<number>();
      if (q.length >= 4) for (const h of deletionHashes(q, q.length >= 7 ? 2 : 1)) for (const id of byHash.get(h) ?? []) ids.add(id);
      return [...ids]
        .map((id) => ({ id, word: words[id]!, distance: editDistance(q, words[id]!, maxDistance(words[id]!.length)) }))
        .filter((c) => c.word !== q && c.distance <= maxDistance(c.word.length))
        .sort((a, b) => a.distance - b.distance || byWord(a.word, b.word));
    };
  }

  it('the fuzzy index finds what whole hashes of the deletions find, no more and no less', () => {
    // Words from few letters, so that many share their deletions (and buckets hold more than one).
    const word = fc.string({ unit: fc.constantFrom('a', 'e', 'n', 's', 't', 'h', 'z'), minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 150 }), fc.array(word, { maxLength: 30 }), (words, queries) => {
        const index = new FuzzyIndex(words);
        const expected = wholeHashLookup(words);
        for (const q of [...queries, ...words, ...words.map((w) => `${w}s`), ...words.map((w) => w.slice(1))]) assert.deepEqual(index.lookup(q), expected(q), q);
      }),
      fcParams(300),
    );
  });

  it('the fuzzy index of a long list (all 65,536 buckets) finds the same', () => {
    const random = fc.sample(fc.string({ unit: fc.constantFrom(...'abcdefghilmnoprstu'), minLength: 4, maxLength: 14 }), { numRuns: 12_000, seed: 7 });
    const words = [...new Set(random)];
    const index = new FuzzyIndex(words);
    const expected = wholeHashLookup(words);
    // Past 8 × 32,768 entries: 16 bucket bits.
    assert.ok(index.size > 2 ** 18, `${index.size} entries`);
    for (let i = 0; i < words.length; i += 97) for (const q of [words[i]!, `${words[i]}e`, words[i]!.slice(1), words[i]!.replace(/a/g, 'o')]) assert.deepEqual(index.lookup(q), expected(q), q);
  });

  it("orders equally near candidates as localeCompare does, without a collator for words of a to z", () => {
    const sign = (n: number) => Math.sign(n);
    const lowerWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 12 });
    // Other words (capitals, hyphens, accents) are compared by localeCompare itself.
    const anyWord = fc.string({ unit: fc.constantFrom(...'abyzABYZ-\'éÉ '), maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(lowerWord, anyWord), fc.oneof(lowerWord, anyWord), (a, b) => {
        assert.equal(sign(byWord(a, b)), sign(a.localeCompare(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }),
      fcParams(2000),
    );
    // Where code units and the collator disagree, the collator decides.
    assert.equal(sign(byWord('a', 'B')), -1);
    assert.equal(sign(byWord('e', 'é')), sign('e'.localeCompare('é')));
  });
});

const inertPieceSet = new Set(INERT);

