/**
 * Fix-all reaches a fixed point (issue 15, class 7): whatever the document, linting the text fix-all wrote
 * finds nothing left to fix. The documents are pieces glued with nothing, a space or ". ": emoji, combining
 * marks, joiners, NBSP, full-width and mathematical letters, every line break, and variants of the terms, so a
 * fix changes what stands right next to another term. Shrunk counterexamples live on in regressions.test.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { composeEdits, fixToFixedPoint } from '../../server/src/core/fixPoint';
import { lintText } from '../../server/src/core/lint';
import type { Edit } from '../../server/src/core/types';
import { compileSpecs, fcParams, formsOf, glue, gluedPieces, language, renderGlued, termSpecs } from '../helpers/arbitraries';
import { bundledTerms } from '../helpers/terms';
import { checkResult } from '../helpers/invariants';

const BUNDLED_FORMS = [...bundledTerms().terms.values()].flatMap((t) => [t.term, ...t.admitted, ...t.forbidden]);

/** Sorted, disjoint edits, no two insertions at one offset. */
function assertDisjoint(edits: readonly Edit[]): void {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    assert.ok(a.end <= b.start && !(a.start === a.end && b.start === b.end && a.start === b.start), `edits ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
  }
}

/**
 * The engine's fix-all (fixPoint.ts) leaves nothing to fix. One round of fixes is not always enough, and not
 * only in Markdown: fixing "esGuangdong" to "Guangdong" lets the next lint see the longer name it starts
 * ("Guangdong-Hong KongMacao Greater Bay Area"), so fix-all lints what it wrote and goes on.
 */
function assertFixedInOnePass(text: string, compiled: Parameters<typeof lintText>[1], format: 'markdown' | 'plaintext'): void {
  const result = lintText(text, compiled, { format });
  checkResult(text, result);
  const fix = fixToFixedPoint(text, result.findings, (t) => lintText(t, compiled, { format }).findings);
  assertDisjoint(fix.edits);
  assert.equal(applyEdits(text, fix.edits), fix.text, 'the composed edits write the fixed text');
  const left = lintText(fix.text, compiled, { format }).findings;
  const what = `of ${JSON.stringify(text)} (fixed: ${JSON.stringify(fix.text)})`;
  assert.deepEqual(left.map((f) => `${f.kind} "${f.found}" at ${f.start} -> "${f.expected}"`), [], `left to fix after fix-all ${what}`);
  assert.ok(fix.settled, `fix-all did not settle in ${fix.rounds} rounds ${what}`);
}

describe('composing edits (fixPoint.ts)', () => {
  const edits = (length: number) =>
    fc
      .array(fc.record({ at: fc.nat(), len: fc.nat({ max: 3 }), text: fc.constantFrom('', 'x', 'yz', ' ', '-') }), { maxLength: 6 })
      .map((es) => {
        // Sorted, disjoint, at most one insertion at a point: what fixAllEdits produces.
        const sorted = es.map((e) => ({ start: Math.min(e.at % (length + 1), length), len: e.len, text: e.text })).sort((a, b) => a.start - b.start);
        const out: Edit[] = [];
        let end = -1;
        for (const e of sorted) {
          const start = e.start;
          const stop = Math.min(length, start + e.len);
          if (start < end || (start === end && out.length > 0 && out[out.length - 1]!.start === out[out.length - 1]!.end && start === stop)) continue;
          if (start === stop && e.text === '') continue;
          out.push({ start, end: stop, text: e.text });
          end = stop;
        }
        return fixAllEdits([{ kind: 'hyphen', start: 0, end: length, found: '', termId: '', expected: '', message: '', replacements: [{ text: '', edits: out }] }]);
      });
  it('applying the composition is applying both, in order', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).chain((original) =>
          edits(original.length).chain((first) => {
            const middle = applyEdits(original, first);
            return edits(middle.length).map((second) => ({ original, first, middle, second }));
          }),
        ),
        ({ original, first, middle, second }) => {
          const composed = composeEdits(original, first, middle, second);
          assertDisjoint(composed);
          assert.equal(applyEdits(original, composed), applyEdits(middle, second));
        },
      ),
      fcParams(1000),
    );
  });
});

describe('fix-all edits of one round (fixes.ts)', () => {
  const finding = (start: number, end: number, edits: Edit[]) => ({ kind: 'variant' as const, start, end, found: '', termId: '', expected: '', message: '', replacements: [{ text: '', edits }] });
  it('fixes only the first of findings whose text overlaps, even when their edits are disjoint', () => {
    // [0, 16) joins at 5; [6, 16) splits at 8: disjoint edits, overlapping findings.
    assert.deepEqual(fixAllEdits([finding(6, 16, [{ start: 8, end: 8, text: ' ' }]), finding(0, 16, [{ start: 5, end: 6, text: '' }])]), [{ start: 5, end: 6, text: '' }]);
    // The earliest first; of two starting together, the longer.
    assert.deepEqual(fixAllEdits([finding(0, 4, [{ start: 1, end: 2, text: 'x' }]), finding(0, 9, [{ start: 7, end: 8, text: 'y' }])]), [{ start: 7, end: 8, text: 'y' }]);
    // A finding inside one kept is dropped, one after it kept.
    assert.deepEqual(fixAllEdits([finding(0, 10, [{ start: 0, end: 1, text: 'A' }]), finding(2, 4, [{ start: 3, end: 4, text: 'b' }]), finding(12, 14, [{ start: 12, end: 13, text: 'C' }])]), [{ start: 0, end: 1, text: 'A' }, { start: 12, end: 13, text: 'C' }]);
  });
  it('fixes findings that only touch, and counts what a fix writes past its finding', () => {
    assert.deepEqual(fixAllEdits([finding(0, 5, [{ start: 4, end: 5, text: 'x' }]), finding(5, 9, [{ start: 5, end: 6, text: 'y' }])]), [{ start: 4, end: 5, text: 'x' }, { start: 5, end: 6, text: 'y' }]);
    // The first fix rewrites [3, 7), past its finding's end: the finding at 6 reads text the first one rewrites.
    assert.deepEqual(fixAllEdits([finding(0, 5, [{ start: 3, end: 7, text: 'zz' }]), finding(6, 9, [{ start: 8, end: 9, text: 'q' }])]), [{ start: 3, end: 7, text: 'zz' }]);
  });
});

describe('fix-all reaches a fixed point (glued pieces)', function () {
  this.timeout(0);

  it('random term lists', () => {
    fc.assert(
      fc.property(termSpecs, gluedPieces, glue, language, (specs, doc, joiner, format) => {
        const { compiled } = compileSpecs(specs);
        assertFixedInOnePass(renderGlued(formsOf(specs), doc, joiner), compiled, format);
      }),
      fcParams(500),
    );
  });

  it('the bundled term list', () => {
    const compiled = bundledTerms();
    fc.assert(
      fc.property(gluedPieces, glue, language, (doc, joiner, format) => {
        assertFixedInOnePass(renderGlued(BUNDLED_FORMS, doc, joiner), compiled, format);
      }),
      fcParams(500),
    );
  });
});
