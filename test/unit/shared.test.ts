/**
 * The one binary search module and the one FNV-1a hash: every caller (matcher, indexes, line maps, word list,
 * diagnostic result ids) relies on these answering exactly as the copies they replaced did.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FNV_OFFSET, fnv1a, fnv1aAsciiLower, fnv1aStep, fnv1aWithout } from '../../server/src/core/hash';
import { lastAtMost, lowerBound, sortedIncludes, spanAt } from '../../server/src/core/search';

const sortedNumbers = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));

describe('binary searches (core/search.ts)', () => {
  it('lowerBound and lastAtMost answer as a linear scan, on plain and typed arrays', () => {
    fc.assert(
      fc.property(sortedNumbers, fc.integer({ min: -60, max: 60 }), (xs, x) => {
        const first = xs.findIndex((v) => v >= x);
        const expectedLower = first < 0 ? xs.length : first;
        let expectedLast = -1;
        xs.forEach((v, i) => {
          if (v <= x) expectedLast = i;
        });
        for (const arr of [xs, Float64Array.from(xs), Int32Array.from(xs)]) {
          assert.equal(lowerBound(arr, x), expectedLower);
          assert.equal(lastAtMost(arr, x), expectedLast);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lowerBound searches only [lo, hi)', () => {
    assert.equal(lowerBound([1, 2, 3, 4, 5], 0, 2, 4), 2);
    assert.equal(lowerBound([1, 2, 3, 4, 5], 9, 2, 4), 4);
    assert.equal(lowerBound([1, 2, 3, 4, 5], 4, 2, 4), 3);
  });

  it('spanAt finds the span holding an offset, and none in the gaps or at an end', () => {
    const spans = [{ start: 2, end: 5 }, { start: 5, end: 6 }, { start: 9, end: 9 }, { start: 10, end: 14 }];
    const expected = [-1, -1, 0, 0, 0, 1, -1, -1, -1, -1, 3, 3, 3, 3, -1, -1];
    expected.forEach((e, offset) => assert.equal(spanAt(spans, offset), e, `offset ${offset}`));
    assert.equal(spanAt([], 3), -1);
  });

  it('sortedIncludes compares strings by code unit', () => {
    const words = ['', 'B', 'a', 'ab', 'b', 'é'];
    for (const w of words) assert.equal(sortedIncludes(words, w), true, w);
    for (const w of ['A', 'aa', 'c', 'e', 'ź']) assert.equal(sortedIncludes(words, w), false, w);
  });
});

describe('FNV-1a (core/hash.ts)', () => {
  it('gives the published 32-bit FNV-1a values', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
    assert.equal(fnv1a('foobar'), 0xbf9cf968);
  });

  it('its variants are the same hash: stepping by hand, and leaving characters out', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: -1, max: 12 }), fc.integer({ min: -1, max: 12 }), (s, i, j) => {
        let h = FNV_OFFSET;
        for (let k = 0; k < s.length; k++) h = fnv1aStep(h, s.charCodeAt(k));
        assert.equal(h >>> 0, fnv1a(s));
        const kept = [...Array(s.length).keys()].filter((k) => k !== i && k !== j).map((k) => s[k]).join('');
        assert.equal(fnv1aWithout(s, i, j), fnv1a(kept));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes an ASCII slice as its lower case, and refuses any other', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), fc.nat(), fc.nat(), (s, a, b) => {
        const start = s.length === 0 ? 0 : a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        const slice = s.slice(start, end);
        const ascii = [...slice].every((c) => c.charCodeAt(0) < 0x80);
        assert.equal(fnv1aAsciiLower(s, start, end), ascii ? fnv1a(slice.toLowerCase()) : -1);
      }),
      { numRuns: 500 },
    );
    assert.equal(fnv1aAsciiLower('say HongKong!', 4, 12), fnv1a('hongkong'));
  });
});
