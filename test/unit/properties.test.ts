/**
 * Property tests over the engine: whatever the document and the term list, linting never throws, every
 * range lies inside the document on whole characters, fixes never overlap and touch nothing outside their
 * ranges, fixing converges, and every planted variant of a term is found. `npm run test:fuzz` runs the same
 * properties with FUZZ_RUNS cases each; shrunk counterexamples live on in regressions.test.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompiledTerms } from '../../server/src/core/compile';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { editDistance } from '../../server/src/core/fuzzy';
import { lintText } from '../../server/src/core/lint';
import type { Edit, FormatId, LintResult } from '../../server/src/core/types';
import { INERT, compileSpecs, fcParams, hostilePiece, inertPiece, language, listAndDocument, plantSpec, plantText, termSpecs } from '../helpers/arbitraries';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) inside [0, ${text.length}]`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: [${start}, ${end}) splits a surrogate pair`);
}

/** Edits sorted and disjoint; two insertions at one point would be ambiguous, so they count as overlapping. */
function assertDisjoint(edits: readonly Edit[], what: string): void {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    assert.ok(a.end <= b.start, `${what}: edits [${a.start}, ${a.end}) and [${b.start}, ${b.end}) overlap`);
    assert.ok(!(a.start === a.end && b.start === b.end && a.start === b.start), `${what}: two insertions at ${a.start}`);
  }
}

/** Applies edits independently of `applyEdits`, checking everything between them is copied unchanged. */
function applyChecked(text: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += text.slice(pos);
  const viaCore = applyEdits(text, edits);
  assert.equal(viaCore, out, 'applyEdits agrees with a plain splice');
  // Text outside the edits is unchanged: every gap between edits appears, in order, in the result.
  let at = 0;
  pos = 0;
  for (const e of edits) {
    const kept = text.slice(pos, e.start);
    assert.equal(out.slice(at, at + kept.length), kept, `text before ${e.start} unchanged`);
    at += kept.length + e.text.length;
    pos = e.end;
  }
  assert.equal(out.slice(at), text.slice(pos), 'text after the last edit unchanged');
  return out;
}

/** Every invariant of one lint result against its text. */
export function checkResult(text: string, result: LintResult): void {
  for (const o of result.occurrences) assertRange(text, o.start, o.end, `occurrence ${o.termId}`);
  for (const f of result.findings) {
    const what = `${f.kind} "${f.found}" at ${f.start}`;
    assertRange(text, f.start, f.end, what);
    assert.equal(text.slice(f.start, f.end), f.found, `${what}: found is the document slice`);
    assert.ok(f.replacements.length > 0, `${what}: has a replacement`);
    assert.equal(f.expected, f.replacements[0]!.text, `${what}: expected is the preferred replacement`);
    for (const r of f.replacements) {
      assert.ok(r.edits.length > 0, `${what}: replacement "${r.text}" has edits`);
      assertDisjoint(r.edits, what);
      for (const e of r.edits) {
        assertRange(text, e.start, e.end, `${what}: edit`);
        assert.ok(f.start <= e.start && e.end <= f.end, `${what}: edit [${e.start}, ${e.end}) inside the finding`);
      }
      const fixed = applyChecked(text, r.edits);
      assert.equal(fixed.slice(f.start, fixed.length - (text.length - f.end)), r.text, `${what}: edits produce "${r.text}"`);
      assert.notEqual(r.text, f.found, `${what}: a replacement changes something`);
    }
  }
  for (let i = 1; i < result.findings.length; i++) {
    assert.ok(result.findings[i - 1]!.start <= result.findings[i]!.start, 'findings sorted by offset');
  }
  assertDisjoint(fixAllEdits(result.findings), 'fix-all');
}

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
});

const inertPieceSet = new Set(INERT);

