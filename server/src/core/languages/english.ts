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
  // Words are read one at a time, and the answer is known at the first significant word in lower case: most
  // lines the capitals check asks about (is a word's line a title? consistency/capitals.ts inTitle) are prose.
  const word = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  let w = word.exec(heading);
  if (w === null) return HeadingStyle.None;
  if (!/\p{Ll}/u.test(heading)) return HeadingStyle.Caps;
  let significant = 0;
  for (; w !== null; w = word.exec(heading)) {
    for (const part of w[0].split('-')) {
      if (part.length < 3 || MINOR_WORDS.has(part.toLowerCase())) continue;
      significant++;
      if (!/^\p{Lu}/u.test(part)) return HeadingStyle.None;
    }
  }
  return significant >= 2 ? HeadingStyle.Title : HeadingStyle.None;
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
