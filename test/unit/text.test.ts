/**
 * Word tokens: a fast path for code units outside the surrogates must give exactly the tokens of the
 * per-character definition (classAt / charWidthAt at every step), for any text and any range.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CharClass, charWidthAt, classAt, tokenOffsets } from '../../server/src/core/text';

function referenceTokens(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let i = from;
  while (i < to) {
    if (classAt(text, i) === CharClass.Word) {
      const start = i;
      i += charWidthAt(text, i);
      while (i < to) {
        const k = classAt(text, i);
        if (k === CharClass.Word || (k === CharClass.Format && i + 1 < to && classAt(text, i + 1) === CharClass.Word)) i += charWidthAt(text, i);
        else break;
      }
      out.push([start, i]);
    } else i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? charWidthAt(text, i) : 1;
  }
  return out;
}

const pieces = fc.constantFrom('a', 'Z', '9', ' ', '-', "'", '\u200d', '\u00ad', 'é', '\u0301', '中', '\ud835\udc00', '\ud83d\ude00', '\ud800', '\udc00', '\n', '\u0000', 'ß', '\u2060');

describe('word tokens', () => {
  it('tokenOffsets gives the per-character tokens for any text and range', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length - from === 0 ? 0 : b % (text.length - from + 1));
        const t = tokenOffsets(text, from, to);
        const got: [number, number][] = [];
        for (let k = 0; k < t.length; k++) got.push([t.starts[k]!, t.ends[k]!]);
        assert.deepEqual(got, referenceTokens(text, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('grows past its first guess of the token count', () => {
    const text = 'a '.repeat(5000);
    assert.equal(tokenOffsets(text).length, 5000);
  });
});
