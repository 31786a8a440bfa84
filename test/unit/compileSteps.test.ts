/**
 * Compiling in steps (what the language server does after a term-file change, a slice of work at a time)
 * gives exactly what compiling in one go gives, misspelling index included; and a long list is really cut
 * into many slices.
 */
import * as assert from 'node:assert/strict';
import { type CompiledTerms, compileTerms, compileTermsInSteps } from '../../server/src/core/compile';
import { lintText } from '../../server/src/core/lint';
import type { TermList } from '../../server/src/core/types';
import { listOf } from '../helpers/terms';
import { rng } from '../helpers/random';

function drain(lists: readonly TermList[], fuzzy: boolean): { compiled: CompiledTerms; steps: number } {
  const gen = compileTermsInSteps(lists, { fuzzy });
  let steps = 0;
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return { compiled: r.value, steps };
    steps++;
  }
}

/** A list of `n` generated names, institutions and phrases, some with admitted and forbidden forms. */
function generated(n: number, seed: number): TermList {
  const random = rng(seed);
  const syllables = ['guang', 'dong', 'shen', 'zhen', 'nan', 'sha', 'qian', 'hai', 'heng', 'qin', 'zhu', 'hai', 'dong', 'guan', 'fo', 'shan'];
  const types = ['Free Trade Zone', 'Science Park', 'Data Exchange Centre', 'Port Authority', 'Innovation Fund'];
  const seen = new Set<string>();
  const terms: object[] = [];
  while (terms.length < n) {
    const name = syllables[Math.floor(random() * 16)]! + syllables[Math.floor(random() * 16)]! + syllables[Math.floor(random() * 16)]!;
    const cap = name[0]!.toUpperCase() + name.slice(1);
    const form = random() < 0.5 ? cap : `${cap} ${types[Math.floor(random() * types.length)]!}`;
    const key = form.toLowerCase().replace(/[\s-]/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    const entry: Record<string, unknown> = { term: form };
    if (form.endsWith('Centre')) {
      entry.admitted = [form.replace('Centre', 'Center')];
      seen.add(key.replace('centre', 'center'));
    }
    terms.push(entry);
  }
  return listOf(terms);
}

describe('compiling term lists in steps', () => {
  it('gives what compiling in one go gives, and cuts a long list into many slices', () => {
    const lists = [generated(3000, 7), listOf([{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Hong Kong' }])];
    const whole = compileTerms(lists);
    for (const fuzzy of [false, true]) {
      const { compiled, steps } = drain(lists, fuzzy);
      assert.ok(steps > 10, `${steps} slices`);
      assert.equal(compiled.termCount, whole.termCount);
      assert.deepEqual(compiled.warnings, whole.warnings);
      assert.deepEqual(compiled.notes, whole.notes);
      assert.equal(compiled.fuzzy().index.size, whole.fuzzy().index.size);
      const random = rng(11);
      const names = [...whole.terms.keys()];
      for (let doc = 0; doc < 20; doc++) {
        // Uses of the terms as written, joined, lower-cased and misspelled, among ordinary words.
        const words: string[] = [];
        for (let i = 0; i < 60; i++) {
          const name = names[Math.floor(random() * names.length)]!;
          const r = random();
          words.push(r < 0.25 ? name : r < 0.45 ? name.replace(' ', '') : r < 0.6 ? name.toLowerCase() : r < 0.8 ? name.slice(0, -2) + name.slice(-1) + name.slice(-2, -1) : 'the policy of Macau and HongKong');
        }
        const text = words.join('. ') + '.\n';
        assert.deepEqual(lintText(text, compiled, { format: 'plaintext' }), lintText(text, whole, { format: 'plaintext' }), `fuzzy ${fuzzy}, document ${doc}`);
      }
    }
  });
});
