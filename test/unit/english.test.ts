/**
 * The English word list: the package's array (tsc output, tests) and the bundles' Latin-1 text, front-coded,
 * searched in place (scripts/bundle.mjs, server/src/core/languages/englishWords.ts). Both must answer alike.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { frontCode, frontCodedList, isEnglishWord } from '../../server/src/core/languages/englishWords';

const stringList = (words: readonly string[]) => frontCodedList(frontCode(words));

const WORDS = (require('an-array-of-english-words') as string[]).slice().sort();

describe('the English word list', () => {
  it('finds every word of the sorted text, and nothing else', () => {
    const list = stringList(WORDS);
    const known = new Set(WORDS);
    for (const w of WORDS) assert.ok(list.has(w), w);
    const probes = ['', 'a', 'zzzzzz', '\u00e9t\u00e9', 'Macao', 'macro', 'aa', 'aaa', 'zyzzyvas', 'zyzzyvass', '{', '\u00ff'];
    for (let i = 0; i < WORDS.length; i += 97) {
      const w = WORDS[i]!;
      probes.push(w.slice(0, -1), `${w}q`, `${w}\n`, w.toUpperCase(), `${w.slice(0, 1)}${w}`);
    }
    for (const p of probes) assert.equal(list.has(p), known.has(p), JSON.stringify(p));
  });

  it('searches short and empty texts', () => {
    assert.equal(stringList([]).has('a'), false);
    assert.equal(stringList([]).has(''), false);
    assert.equal(stringList(['b']).has('b'), true);
    assert.equal(stringList(['b']).has('a'), false);
    assert.equal(stringList(['b']).has('c'), false);
    const three = stringList(['ab', 'b', 'bc']);
    for (const w of ['ab', 'b', 'bc']) assert.equal(three.has(w), true, w);
    for (const w of ['', 'a', 'abc', 'ba', 'c', 'bcd']) assert.equal(three.has(w), false, w);
  });

  it('answers as a Set does for any sorted list, across blocks and past the longest shared part written', () => {
    // Few letters and long common stems: entries share much with the one before, blocks hold runs of one stem.
    const stem = fc.constantFrom('', 'a', 'inter', 'x'.repeat(29), 'y'.repeat(31), 'z'.repeat(40));
    const word = fc.tuple(stem, fc.string({ unit: fc.constantFrom('a', 'b', 'y', 'z', '\u00e9'), maxLength: 6 })).map(([s, t]) => s + t);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 120 }), fc.array(word, { maxLength: 40 }), (words, probes) => {
        const sorted = words.slice().sort();
        const list = stringList(sorted);
        const known = new Set(sorted);
        for (const w of [...sorted, ...probes, ...sorted.map((w) => w.slice(0, -1)), ...sorted.map((w) => `${w}a`)]) {
          assert.equal(list.has(w), known.has(w), `${JSON.stringify(w)} in ${JSON.stringify(sorted)}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a list it could not search: unsorted, repeated, or with control characters', () => {
    assert.throws(() => frontCode(['b', 'a']), /not sorted/);
    assert.throws(() => frontCode(['a', 'a']), /not sorted/);
    assert.throws(() => frontCode(['a\tb']), /control character/);
  });

  it('takes well under half the room of a word a line', () => {
    const coded = frontCode(WORDS);
    assert.ok(coded.length < 0.45 * WORDS.join('\n').length, `${coded.length} characters`);
  });

  it('reads words in any case through isEnglishWord', () => {
    assert.equal(isEnglishWord('macro'), true);
    assert.equal(isEnglishWord('Macro'), true);
    assert.equal(isEnglishWord('Macao'), false);
  });
});
