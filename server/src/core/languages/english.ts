/**
 * English: word runs as tokens, sentence punctuation (with the full-width marks a bilingual draft uses), Title
 * Case with its minor words, and the English word list as ordinary vocabulary. The only language today, and
 * the fallback for any other tag (languages/index.ts).
 */
import { tokenOffsets, tokenWords } from '../text';
import { englishVariants } from './englishVariants';
import { isEnglishWord } from './englishWords';
import { HeadingStyle, type Language, type SentencePunctuation } from './language';

/**
 * Sentence punctuation, for what reads a document (lint's sentence starts, extraction's "a capital proves
 * nothing here") and what writes into it (a fix keeps a sentence-start capital) alike. A colon ends a
 * sentence: what follows may be one, capitalised as such ("Note: High-quality development…"), so a capital
 * there is the author's, as after a full stop.
 */
const punctuation: SentencePunctuation = {
  terminators: new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x3002, 0xff01, 0xff1f, 0xff1a]),
  openingQuotes: new Set([0x22, 0x27, 0x201c, 0x2018, 0xab, 0x2039, 0x201e, 0x300c, 0x300e]),
  closingQuotes: new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x203a, 0x300d, 0x300f]),
  openingBrackets: new Set([0x28, 0x5b, 0x7b]),
  closingBrackets: new Set([0x29, 0x5d, 0x7d]),
};

/** White space between a sentence's terminator and the next one's first word (line breaks included). */
const SPACES = [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x3000, 0xfeff];

/** What may stand before a sentence's first word, back to the previous sentence's closing marks. */
const BEFORE_START = new Set([...punctuation.openingQuotes, ...punctuation.openingBrackets, ...SPACES]);
const AFTER_END = new Set([...punctuation.closingQuotes, ...punctuation.closingBrackets]);

/** True at the start of a block, or after a sentence-ending mark (past quotes, brackets and spaces). */
function isSentenceStart(text: string, blockStart: number, offset: number): boolean {
  let i = offset - 1;
  while (i >= blockStart && BEFORE_START.has(text.charCodeAt(i))) i--;
  if (i < blockStart) return true;
  while (i >= blockStart && AFTER_END.has(text.charCodeAt(i))) i--;
  return i >= blockStart && punctuation.terminators.has(text.charCodeAt(i));
}

/**
 * Words Title Case leaves in lower case inside a title: articles, coordinating conjunctions and short
 * prepositions. One list for reading a heading's style and for writing a fix into a Title Case heading, so a
 * fix never writes a heading that no longer reads as Title Case.
 */
const MINOR_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on',
  'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than', 'upon',
]);

/** Title Case when every word of three letters or more (minor words aside) starts upper case. */
export function headingStyle(heading: string): HeadingStyle {
  const style = asciiHeadingStyle(heading);
  if (style !== undefined) return style;
  // Text past ASCII: words are read one at a time, and the answer is known at the first significant word in
  // lower case.
  const word = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  let w = word.exec(heading);
  if (w === null) return HeadingStyle.None;
  if (!/\p{Ll}/u.test(heading)) return HeadingStyle.Caps;
  let significant = 0;
  for (; w !== null; w = word.exec(heading)) {
    const parts = significantParts(w[0], 0, w[0].length);
    if (parts < 0) return HeadingStyle.None;
    significant += parts;
  }
  return significant >= 2 ? HeadingStyle.Title : HeadingStyle.None;
}

/**
 * How many significant parts the word s[from, end) has between its hyphens (three letters or more, no minor word:
 * none is longer than four letters, and lower case is never shorter), read in place; -1 at the first that does
 * not start upper case.
 */
function significantParts(s: string, from: number, end: number): number {
  let significant = 0;
  while (from <= end) {
    let to = s.indexOf('-', from);
    if (to < 0 || to > end) to = end;
    const n = to - from;
    if (n >= 3 && (n > MINOR_LONGEST || !MINOR_WORDS.has(s.slice(from, to).toLowerCase()))) {
      if (!upperFirst(s, from, to)) return -1;
      significant++;
    }
    from = to + 1;
  }
  return significant;
}

const enum Ascii {
  Other = 0,
  Lower = 1,
  Upper = 2,
  /** What a word goes on with after its first letter: an apostrophe or a hyphen. */
  Joiner = 3,
}

/** ASCII characters as headingStyle's words read them. */
const ASCII_CLASS = (() => {
  const out = new Uint8Array(128);
  for (let c = 0x61; c <= 0x7a; c++) out[c] = Ascii.Lower;
  for (let c = 0x41; c <= 0x5a; c++) out[c] = Ascii.Upper;
  out[0x27] = out[0x2d] = Ascii.Joiner;
  return out;
})();

/** A right single quote, which words go on through like an apostrophe. */
const RSQUO = 0x2019;

/**
 * headingStyle read character by character, as far as the answer needs (a line of prose answers at its first
 * significant word in lower case), with the same words and parts as the regular expressions: a letter, then
 * letters, apostrophes and hyphens. Undefined at the first character past ASCII (but ’) it would have to read:
 * the regular expressions read that text.
 */
function asciiHeadingStyle(heading: string): HeadingStyle | undefined {
  const n = heading.length;
  let words = 0;
  let significant = 0;
  // Whether a lower-case letter has been read: until then the heading may be in capitals throughout.
  let lower = false;
  for (let i = 0; i < n; ) {
    const c = heading.charCodeAt(i);
    if (c >= 0x80) {
      if (c !== RSQUO) return undefined;
      i++;
      continue;
    }
    const k = ASCII_CLASS[c]!;
    if (k !== Ascii.Lower && k !== Ascii.Upper) {
      i++;
      continue;
    }
    if (k === Ascii.Lower) lower = true;
    let end = i + 1;
    for (; end < n; end++) {
      const d = heading.charCodeAt(end);
      if (d === RSQUO) continue;
      if (d >= 0x80) return undefined;
      const kd = ASCII_CLASS[d]!;
      if (kd === Ascii.Other) break;
      if (kd === Ascii.Lower) lower = true;
    }
    words++;
    const parts = significantParts(heading, i, end);
    if (parts < 0) {
      if (lower) return HeadingStyle.None;
      // Capitals throughout (no lower-case letter anywhere) come before any word's case.
      const more = lowerFrom(heading, end);
      return more === undefined ? undefined : more ? HeadingStyle.None : HeadingStyle.Caps;
    }
    significant += parts;
    i = end;
  }
  if (words === 0) return HeadingStyle.None;
  if (!lower) return HeadingStyle.Caps;
  return significant >= 2 ? HeadingStyle.Title : HeadingStyle.None;
}

/** Whether heading[from…] has a lower-case ASCII letter; undefined at a character past ASCII (but ’) first. */
function lowerFrom(heading: string, from: number): boolean | undefined {
  for (let i = from; i < heading.length; i++) {
    const c = heading.charCodeAt(i);
    if (c >= 0x80) {
      if (c !== RSQUO) return undefined;
    } else if (ASCII_CLASS[c] === Ascii.Lower) return true;
  }
  return false;
}

/** The length of the longest of MINOR_WORDS. */
const MINOR_LONGEST = Math.max(...[...MINOR_WORDS].map((w) => w.length));

/** Whether s[from, to) starts with an upper-case letter (`/^\p{Lu}/u`), ASCII read without a regular expression. */
function upperFirst(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(s.slice(from, to));
}

/**
 * Writes `target` the way the author wrote `written`: sentence case, Title Case headings, ALL CAPS. Capitals
 * throughout are the author's typography wherever they stand (a dateline "MACAU, June 3", emphasis), so the fix
 * of a forbidden or misspelt form written so is in capitals too ("MACAO").
 */
function adaptCase(target: string, written: string, caseSensitive: boolean, sentenceStart: boolean, heading: HeadingStyle): string {
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && !/\p{Ll}/u.test(letters)) return target.toUpperCase();
  let out = target;
  if (heading === HeadingStyle.Title) {
    out = out.replace(/\p{L}[\p{L}\p{M}]*/gu, (w, at: number) => (at > 0 && MINOR_WORDS.has(w.toLowerCase()) ? w : w[0]!.toUpperCase() + w.slice(1)));
  }
  const firstWritten = letters[0];
  if (firstWritten && firstWritten !== firstWritten.toLowerCase() && (sentenceStart || !caseSensitive)) {
    out = out.replace(/\p{L}/u, (c) => c.toUpperCase());
  }
  return out;
}

export const english: Language = {
  tag: 'en',
  scripts: ['alphabetic'],
  tokenOffsets,
  tokenWords,
  punctuation,
  isSentenceStart,
  minorWords: MINOR_WORDS,
  headingStyle,
  adaptCase,
  isWord: isEnglishWord,
  variants: englishVariants,
};
