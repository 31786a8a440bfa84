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
