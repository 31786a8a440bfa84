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

const TITLE_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const QUOTED_SENTENCE = /[.!?;:]\s/;

/**
 * Whether [start, end) lies inside a pair of quotes, within the paragraph [pStart, pEnd), that hold a title
 * rather than speech: three words or more, most of them capitalised ("the “Plan for Deepening Guangdong-Hong
 * Kong-Macao Cooperation in Nansha”"), no sentence inside. A name in such a title is the title's word.
 */
export function insideQuotedTitle(s: string, pStart: number, pEnd: number, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= pStart && open < 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      let straight = 0;
      for (let k = pStart; k <= i; k++) if (s.charCodeAt(k) === 0x22) straight++;
      if (straight % 2 === 0) return false;
      open = i;
    } else if (OPEN_QUOTES.has(c) && c !== 0x27) open = i;
    else if (CLOSE_QUOTES.has(c) && c !== 0x27 && c !== 0x2019) return false;
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = end; i < pEnd && close < 0; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || (CLOSE_QUOTES.has(c) && c !== 0x27 && c !== 0x2019)) close = i;
    else if (OPEN_QUOTES.has(c) && c !== 0x27) return false;
  }
  if (close < 0 || close - open > 300) return false;
  const inner = s.slice(open + 1, close).replace(/[.,!?;:\s]+$/, '');
  if (QUOTED_SENTENCE.test(inner)) return false;
  const words = inner.match(TITLE_WORD) ?? [];
  if (words.length < 3) return false;
  const content = words.filter((w) => !english.minorWords.has(w.toLowerCase()));
  const capitalised = content.filter((w) => w[0] !== w[0]!.toLowerCase()).length;
  return content.length > 0 && capitalised / content.length >= 0.6;
}
