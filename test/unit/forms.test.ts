/** parseForm, formKey and wordCount take shortcuts; they must agree with the token-by-token reading. */
import * as assert from 'node:assert/strict';
import { formKey, parseForm, parseFormByTokens, wordCount } from '../../server/src/core/forms';
import { tokenOffsets } from '../../server/src/core/text';
import { rng } from '../helpers/random';

// Word characters (ASCII, accented, capital, non-Latin), every kind of gap, format characters, CJK, astral.
const PIECES = [
  'a', 'B', 'z', '7', 'É', 'ß', 'İ', 'Σ', 'ж', '\u0301', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '-', '--', '\u2010', '\u2011', ' - ',
  "'", '\u2019', '\u02bc', '.', '&', '/', '\u200d', '\u00ad', '\ufeff', '香', 'か', '𝐀', '😀', '\ud800', '\udc00', 'Hong', 'Kong', "People's",
];

describe('form keys and word counts', () => {
  it('agree with parseFormByTokens and tokenOffsets on 20,000 random forms', () => {
    const random = rng(7);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 8); k >= 0; k--) text += PIECES[Math.floor(random() * PIECES.length)];
      const reference = parseFormByTokens(text);
      assert.deepEqual(parseForm(text), reference, JSON.stringify(text));
      assert.equal(formKey(text), reference.key, JSON.stringify(text));
      assert.equal(wordCount(text), tokenOffsets(text).length, JSON.stringify(text));
    }
  });

  it('read common forms', () => {
    assert.equal(formKey('High-quality  development'), 'highqualitydevelopment');
    assert.equal(formKey("People\u2019s Bank"), "people'sbank");
    assert.equal(formKey('a - b'), 'a-b');
    assert.equal(formKey('a--b'), 'a-b');
    assert.equal(formKey(' -a- '), 'a');
    assert.equal(wordCount(' High-quality  development '), 3);
    assert.equal(wordCount('---'), 0);
    assert.deepEqual(parseForm('High-quality development'), parseFormByTokens('High-quality development'));
    assert.deepEqual(parseForm('High-quality development').words, ['High', 'quality', 'development']);
  });
});
