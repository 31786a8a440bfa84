/**
 * What the capitals check asks of a line, read the quick way (languages/english.ts headingStyle reads ASCII
 * character by character, as far as the answer needs; consistency/capitals.ts inTitle finds the line's ends and
 * quotes natively, and answers for a lower-case word of five letters or more without reading the line), held to
 * the rules written out plainly here: the regular expressions' words and parts, and the line read character by
 * character. Also `isPhrase`, the in-place comparison that spares the check a string per name it meets again.
 */
import * as assert from 'node:assert/strict';
import { DocumentLinter } from '../../server/src/core/document';
import { TITLE_REACH, inTitle } from '../../server/src/core/consistency/capitals';
import { isPhrase, lowerText, type WordTable } from '../../server/src/core/consistency/words';
import { english } from '../../server/src/core/languages/english';
import type { FormatId } from '../../server/src/core/types';
import { none } from '../helpers/consistencyCases';
import { rng } from '../helpers/random';

const NONE = 0;
const TITLE = 1;
const CAPS = 2;

const MINOR = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than', 'upon']);

/** Title Case when every part of three letters or more (minor words aside) starts upper case; capitals throughout. */
function styleByTheRule(heading: string): number {
  const words = heading.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length === 0) return NONE;
  if (!/\p{Ll}/u.test(heading)) return CAPS;
  let significant = 0;
  for (const w of words) {
    for (const part of w.split('-')) {
      if (part.length < 3 || MINOR.has(part.toLowerCase())) continue;
      significant++;
      if (!/^\p{Lu}/u.test(part)) return NONE;
    }
  }
  return significant >= 2 ? TITLE : NONE;
}

const OPEN = new Set([0x22, 0x201c, 0x2018, 0x27]);
const CLOSE = new Set([0x22, 0x201d, 0x2019, 0x27]);

/** A word's line (within TITLE_REACH of its start) reads as a title, or the word stands in a quoted title. */
function inTitleByTheRule(t: WordTable, k: number): boolean {
  const text = t.view.masked;
  const at = t.tokens.starts[k]!;
  let lineStart = at;
  while (lineStart > 0 && at - lineStart < TITLE_REACH && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  let lineEnd = t.tokens.ends[k]!;
  while (lineEnd < text.length && lineEnd - at < TITLE_REACH && text.charCodeAt(lineEnd) !== 10) lineEnd++;
  if (styleByTheRule(text.slice(lineStart, lineEnd)) !== NONE) return true;
  let open = -1;
  for (let i = at - 1; i >= lineStart; i--) {
    const c = text.charCodeAt(i);
    if (CLOSE.has(c) && !OPEN.has(c)) return false;
    if (OPEN.has(c) && (c !== 0x27 || i === 0 || /\s/.test(text[i - 1]!))) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = t.tokens.ends[k]!; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (CLOSE.has(c) && (c !== 0x27 || i + 1 >= text.length || !/\p{L}/u.test(text[i + 1]!))) {
      close = i;
      break;
    }
  }
  if (close <= 0) return false;
  const words = text.slice(open + 1, close).match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  let significant = 0;
  for (const w of words) {
    if (w.length < 3 || MINOR.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    significant++;
  }
  return significant >= 2;
}

// Words and separators of every kind the readings tell apart: minor words and the longest of them, capitals
// throughout, hyphenated parts and parts that start with an apostrophe, ’ inside and before words, letters past
// ASCII (some upper case, İ whose lower case is longer, a title-case letter), Han, an astral letter, format
// characters, quotes of both kinds.
const PIECES = ['a', 'the', 'Of', 'of', 'with', 'With', 'WITH', 'Upon', 'upon', 'Bay', 'bay', 'Greater', 'AREA', 'x-y', 'Cross-border', 'cross-Border', 'rock-\'n\'-roll', 'ROCK-\'N\'-ROLL', 'ROCK-’N’-ROLL', 'can’t', 'O’Neil', '’Tis', 'US', 'I', 'Via', 'Data', 'data', 'datum', 'Ab1', '2024', 'Éclair', 'éclair', 'ÉCLAIR', 'İstanbul', 'ǅemal', '广东', '𝐀bcde', 'Data\u00adbank', 'data\u00adbase', 'Over-the-Top', '-', '--'];
const GAPS = [' ', ' ', ' ', '  ', ', ', '. ', '\n', ' "', '" ', ' “', '” ', ' ‘', '’ ', " '", "' ", ' (', ') ', '—', '\t', '-', '’', '\u00ad'];

function randomText(random: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += PIECES[Math.floor(random() * PIECES.length)]! + GAPS[Math.floor(random() * GAPS.length)]!;
  return s;
}

function tableOf(text: string, format: FormatId): WordTable {
  const linter = new DocumentLinter(none, { format });
  linter.lint(text);
  const words = (linter as unknown as { state: { words?: WordTable } }).state.words;
  assert.ok(words);
  return words;
}

describe('the capitals check\'s reading of lines', () => {
  it('headingStyle gives the rule\'s answer, for ASCII prose and past it', () => {
    const random = rng(23);
    const seen = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      const s = randomText(random, Math.floor(random() * 9));
      const expected = styleByTheRule(s);
      assert.equal(english.headingStyle(s), expected, JSON.stringify(s));
      seen[expected]!++;
    }
    // Each answer given often enough for a reading that gave another to fail.
    assert.ok(seen.every((n) => n > 500), `answers: ${seen}`);
    assert.equal(english.headingStyle('ROCK-\'N\'-ROLL'), CAPS);
    assert.equal(english.headingStyle('Rock-\'n\'-Roll Hall'), NONE);
    assert.equal(english.headingStyle('Over-the-Top Plans'), TITLE);
    assert.equal(english.headingStyle('İstanbul Greater'), TITLE);
  });

  for (const format of ['plaintext', 'markdown'] as FormatId[]) {
    it(`inTitle gives the rule's answer for every word, on short lines, long ones and quoted titles (${format})`, () => {
      const random = rng(format === 'plaintext' ? 29 : 31);
      let words = 0;
      let titles = 0;
      for (let d = 0; d < 60; d++) {
        // Lines of titles, prose, and paragraphs on one line longer than TITLE_REACH on both sides of a word.
        const lines: string[] = [];
        for (let l = 0; l < 12; l++) {
          const r = random();
          if (r < 0.25) lines.push(Array.from({ length: 2 + Math.floor(random() * 5) }, () => ['Greater', 'Bay', 'Area', 'of', 'Data', 'Policy', 'Éclair', 'the'][Math.floor(random() * 8)]).join(' '));
          else if (r < 0.4) lines.push(randomText(random, 150));
          else if (r < 0.55) lines.push(`the meeting on "${randomText(random, 4)}" and ‘${randomText(random, 3)}’ went on`);
          else lines.push(randomText(random, 4 + Math.floor(random() * 25)));
        }
        const text = lines.join(random() < 0.5 ? '\n' : '\n\n');
        const t = tableOf(text, format);
        for (let k = 0; k < t.length; k++) {
          const expected = inTitleByTheRule(t, k);
          assert.equal(inTitle(t, k), expected, `document ${d}, word ${k} "${lowerText(t, k)}": ${JSON.stringify(text.slice(Math.max(0, t.tokens.starts[k]! - 80), t.tokens.ends[k]! + 80))}`);
          words++;
          if (expected) titles++;
        }
      }
      assert.ok(words > 5_000 && titles > 500 && titles < words - 500, `words ${words}, in titles ${titles}`);
    });
  }

  it('reads a word\'s line exactly TITLE_REACH characters either side of its start', () => {
    // A line in Title Case but for "xyz" at its start (or end): read when it is just within reach, not past it.
    const words = (n: number) => ' Bbbb'.repeat(n);
    const fill = (s: string, to: number) => s + ' '.repeat(to - s.length);
    const before = fill('xyz' + words((TITLE_REACH - 10) / 5), TITLE_REACH) + 'Target' + words(10);
    const within = tableOf(before, 'plaintext');
    const k = within.tokens.starts.indexOf(TITLE_REACH);
    assert.ok(k > 0);
    assert.equal(inTitle(within, k), false, '"xyz" TITLE_REACH before the word is read');
    assert.equal(inTitle(tableOf(' ' + before, 'plaintext'), k), false);
    assert.equal(inTitle(tableOf(before.slice(1), 'plaintext'), k), true, '"yz" is too short to read as prose');
    const after = fill('Target' + words(10), TITLE_REACH - 3) + 'xyz' + words(3);
    assert.equal(inTitle(tableOf(after, 'plaintext'), 0), false, '"xyz" ending TITLE_REACH after the word\'s start is read');
    assert.equal(inTitle(tableOf(after.replace('Target', 'Targe'), 'plaintext'), 0), false);
    assert.equal(inTitle(tableOf(after.replace('Target ', 'Target  '), 'plaintext'), 0), true, 'its "z" out of reach, "xy" is too short');
    for (const text of [before, after]) {
      const t = tableOf(text, 'plaintext');
      for (let j = 0; j < t.length; j++) assert.equal(inTitle(t, j), inTitleByTheRule(t, j));
    }
  });

  it('isPhrase says yes only where the words\' lower-case strings make the phrase, and for the same words in any case', () => {
    const random = rng(37);
    let yes = 0;
    for (let d = 0; d < 200; d++) {
      const text = randomText(random, 40);
      const t = tableOf(text, 'plaintext');
      for (let k = 0; k + 2 < t.length; k++) {
        const last = k + Math.floor(random() * 3);
        const phrase = Array.from({ length: last - k + 1 }, (_, i) => lowerText(t, k + i)).join(' ');
        // Against its own phrase and against another word's: a yes must always be right.
        const other = lowerText(t, Math.floor(random() * t.length));
        for (const key of [phrase, other, phrase.toUpperCase(), phrase + ' ', phrase.slice(0, -1)]) {
          if (isPhrase(t, k, last, key)) {
            assert.equal(key, phrase, JSON.stringify(text));
            yes++;
          }
        }
        // Words without format characters are always read in place.
        if (!/[\u00ad\u200b-\u200f\u2060]/.test(text.slice(t.tokens.starts[k]!, t.tokens.ends[last]!))) assert.ok(isPhrase(t, k, last, phrase), phrase);
      }
    }
    assert.ok(yes > 1_000, `yes: ${yes}`);
  });
});
