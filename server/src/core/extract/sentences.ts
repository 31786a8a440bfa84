/**
 * Where a capital says nothing about a word: at the start of a paragraph, a sentence, a list item, or of speech
 * quoted after "said,"; and whether a run of words fills a pair of quotes (a title, a slogan).
 */
import { isBlankChar, isLineBreak } from './gaps';

const OPEN_QUOTES = new Set([0x22, 0x27, 0x201c, 0x2018, 0xab, 0x201e]);
const CLOSE_QUOTES = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb]);
const TRANSPARENT_OPEN = new Set([0x28, 0x5b, 0x7b, 0x2a, 0x5f]);
const TRANSPARENT_CLOSE = new Set([0x29, 0x5d, 0x7d, 0x2a, 0x5f]);
const TERMINATORS = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x3002, 0xff01, 0xff1f, 0xff1a]);

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
