/**
 * The English word list: the package's array (tsc output, tests) and the bundles' Latin-1 text, one word a
 * line, searched in place (scripts/bundle.mjs, server/src/core/languages/englishWords.ts). Both must answer alike.
 */
import * as assert from 'node:assert/strict';
import { isEnglishWord, stringList } from '../../server/src/core/languages/englishWords';

const WORDS = (require('an-array-of-english-words') as string[]).slice().sort();

describe('the English word list', () => {
  it('finds every word of the sorted text, and nothing else', () => {
    const list = stringList(WORDS.join('\n'));
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
    assert.equal(stringList('').has('a'), false);
    assert.equal(stringList('b').has('b'), true);
    assert.equal(stringList('b').has('a'), false);
    assert.equal(stringList('b').has('c'), false);
    const three = stringList('ab\nb\nbc');
    for (const w of ['ab', 'b', 'bc']) assert.equal(three.has(w), true, w);
    for (const w of ['', 'a', 'abc', 'ba', 'c', 'bcd']) assert.equal(three.has(w), false, w);
  });

  it('reads words in any case through isEnglishWord', () => {
    assert.equal(isEnglishWord('macro'), true);
    assert.equal(isEnglishWord('Macro'), true);
    assert.equal(isEnglishWord('Macao'), false);
  });
});
