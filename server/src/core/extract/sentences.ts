/**
 * Where a capital says nothing about a word: at the start of a paragraph, a sentence, a list item, or of speech
 * quoted after "said,"; and whether a run of words fills a pair of quotes (a title, a slogan).
 */
import { english } from '../languages/english';
import { isBlankChar, isLineBreak } from './separators';

// The language's sentence punctuation (what lint's sentence starts read too); extraction reads plain text as
// well as Markdown, so emphasis marks left in the text are transparent like brackets.
const { openingQuotes: OPEN_QUOTES, closingQuotes: CLOSE_QUOTES, terminators: TERMINATORS } = english.punctuation;
const TRANSPARENT_OPEN = new Set([...english.punctuation.openingBrackets, 0x2a, 0x5f]);
const TRANSPARENT_CLOSE = new Set([...english.punctuation.closingBrackets, 0x2a, 0x5f]);

/**
 * Whether a capital at `offset` says nothing about the word: the start of a paragraph, a sentence, a list
 * item, or of speech quoted after "said,". A quote mark elsewhere ("the so-called "Blue Harbour" plan") is
 * not a sentence start, so quoted names keep their evidence.
 */
export function isInitial(s: string, paragraphStart: number, offset: number): boolean {
  let i = offset - 1;
  while (i >= paragraphStart) {
    const c = s.charCodeAt(i);
    if (isBlankChar(c) || isLineBreak(c) || TRANSPARENT_OPEN.has(c)) {
      i--;
      continue;
    }
    if (OPEN_QUOTES.has(c)) {
      let j = i - 1;
      while (j >= paragraphStart && isBlankChar(s.charCodeAt(j))) j--;
      if (j < paragraphStart) return true;
      const d = s.charCodeAt(j);
      if (d === 0x2c || TERMINATORS.has(d) || isLineBreak(d) || d === 0x2014 || d === 0x2013) return true;
      if (c === 0x22 || c === 0x27) {
        // A straight quote may be closing one ("… done." Then …): look further back.
        if (CLOSE_QUOTES.has(c) && !isBlankChar(s.charCodeAt(i - 1))) {
          i--;
          continue;
        }
      }
      return false;
    }
    if (CLOSE_QUOTES.has(c) || TRANSPARENT_CLOSE.has(c)) {
      i--;
      continue;
    }
    if (TERMINATORS.has(c)) return true;
    // List markers at the start of a line: "- ", "* ", "1. ".
    if (c === 0x2d || c === 0x2b || c === 0x2022 || (c >= 0x30 && c <= 0x39)) {
      let j = i - 1;
      while (j >= paragraphStart && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39) j--;
      while (j >= paragraphStart && isBlankChar(s.charCodeAt(j))) j--;
      if (j < paragraphStart || isLineBreak(s.charCodeAt(j))) return c === 0x2d || c === 0x2b || c === 0x2022;
    }
    return false;
  }
  return true;
}

export function isQuotedTitle(s: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && TRANSPARENT_OPEN.has(s.charCodeAt(i))) i--;
  if (i < 0 || !OPEN_QUOTES.has(s.charCodeAt(i))) return false;
  let k = end;
  while (k < s.length && /[.,!?;:]/.test(s[k]!)) k++;
  while (k < s.length && TRANSPARENT_CLOSE.has(s.charCodeAt(k))) k++;
  return k < s.length && CLOSE_QUOTES.has(s.charCodeAt(k));
}
