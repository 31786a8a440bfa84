/**
 * The language seam: the registry picks a language per document and falls back to English, and the rules
 * that used to have two copies (Title Case minor words, sentence starts) are one, shared by what reads a
 * document (lint, extraction) and what writes into it (fixes).
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/lint';
import { isInitial } from '../../server/src/core/extract/sentences';
import { HeadingStyle, LANGUAGES, chinese, english, languageFor } from '../../server/src/core/languages';
import { compiledOf } from '../helpers/terms';

describe('languageFor', () => {
  it('finds English by its tag, any case, with or without subtags', () => {
    for (const tag of ['en', 'EN', 'en-GB', 'en_US', 'en-Latn-HK']) assert.equal(languageFor(tag), english, tag);
  });

  it('falls back to English for a tag it does not know, an empty one, or none', () => {
    for (const tag of [undefined, '', 'fr-CA', 'ja', 'x-klingon', '-']) assert.equal(languageFor(tag), english, String(tag));
    assert.equal(LANGUAGES[0], english);
  });

  it('finds Chinese by its tag, whatever its script or region', () => {
    for (const tag of ['zh', 'zh-Hans', 'zh-Hant', 'zh-HK', 'zh_TW', 'ZH-hant-MO', 'zh-CN']) assert.equal(languageFor(tag), chinese, tag);
  });

  it('an unknown document language lints exactly as English', () => {
    const compiled = compiledOf([{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Shenzhen' }, { term: 'Hong Kong' }]);
    const text = 'Shenzen, HongKong and Macau. macau is there.';
    const en = lintText(text, compiled, { format: 'plaintext' });
    for (const lang of ['en', 'en-GB', 'de', 'fr-CA']) assert.deepEqual(lintText(text, compiled, { format: 'plaintext', lang }), en, lang);
    assert.equal(en.findings.length, 4);
  });
});

describe('Title Case: one list of minor words', () => {
  it('is the one list headings are read and fixes are written with', () => {
    assert.deepEqual(
      [...english.minorWords].sort(),
      ['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'off', 'on', 'onto', 'or', 'over', 'per', 'so', 'than', 'the', 'to', 'up', 'upon', 'via', 'vs', 'with', 'yet'],
    );
  });

  it('reads a heading as Title Case whether its minor words are capitalised or not', () => {
    assert.equal(english.headingStyle('Journey into Science'), HeadingStyle.Title);
    assert.equal(english.headingStyle('Journey Into Science'), HeadingStyle.Title);
    assert.equal(english.headingStyle('Journey into science'), HeadingStyle.None);
    assert.equal(english.headingStyle('JOURNEY INTO SCIENCE'), HeadingStyle.Caps);
  });

  it('writes minor words in lower case into a Title Case heading, so the fixed heading still reads as one', () => {
    // "into" and "over" were capitalised by the fix's own shorter list while the heading's list left them out.
    assert.equal(english.adaptCase('bridge over the river', 'Bridge Across The River', false, false, HeadingStyle.Title), 'Bridge over the River');
    const compiled = compiledOf([{ term: 'Journey into Science', forbidden: ['Trip to Science'] }]);
    const text = '## The Trip To Science Fair\n';
    const { findings } = lintText(text, compiled, { format: 'markdown' });
    assert.deepEqual(findings.map((f) => [f.kind, f.found, f.expected]), [['forbidden', 'Trip To Science', 'Journey into Science']]);
    const heading = text.slice(3, findings[0]!.start) + findings[0]!.expected + text.slice(findings[0]!.end, -1);
    assert.equal(english.headingStyle(heading), HeadingStyle.Title);
  });
});

describe('sentence starts: one rule for lint and extraction', () => {
  // [text before the word, whether a sentence starts at the word]
  const cases: [string, boolean][] = [
    ['', true],
    ['It works. ', true],
    ['Note: ', true],
    ['注意：', true],
    ['Why? ', true],
    ['It ended… ', true],
    ['完了。', true],
    ['(It works.) ', true],
    ['It works.» ', true],
    ['It works.› ', true],
    ['It works.」', true],
    ['It works.} ', true],
    ['It works. „', true],
    ['It works. 「', true],
    ['It works.\n', true],
    ['the so-called ', false],
    ['in the (', false],
    ['e.g., ', false],
    ['a "', false],
    ['one; ', false],
  ];
  for (const [before, expected] of cases) {
    it(`${expected ? 'starts' : 'does not start'} after ${JSON.stringify(before)}`, () => {
      const text = `${before}Word`;
      assert.equal(english.isSentenceStart(text, 0, before.length), expected, 'lint');
      assert.equal(isInitial(text, 0, before.length), expected, 'extraction');
    });
  }

  it('extraction alone also reads quoted speech after "said," and plain-text list items as initial', () => {
    // Evidence rules, not sentence ends: lint gets list items as blocks from the format instead.
    for (const before of ['He said, “', '- ']) {
      assert.equal(isInitial(`${before}Word`, 0, before.length), true, before);
      assert.equal(english.isSentenceStart(`${before}Word`, 0, before.length), false, before);
    }
  });

  it('lets a capital after a colon stand, and keeps it in a fix, as after a full stop', () => {
    const compiled = compiledOf([{ term: 'next-generation Internet' }]);
    const lint = (text: string) => lintText(text, compiled, { format: 'plaintext' }).findings.map((f) => [f.kind, f.found, f.expected]);
    assert.deepEqual(lint('Note: Next-generation Internet pilots start.'), []);
    assert.deepEqual(lint('Note: Next-generation internet is next.'), [['case', 'Next-generation internet', 'Next-generation Internet']]);
    assert.deepEqual(lint('Note, Next-generation Internet pilots start.'), [['case', 'Next-generation Internet', 'next-generation Internet']]);
  });
});
