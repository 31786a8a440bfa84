/**
 * The characters between two words of the source text, as extraction reads them: blanks, line breaks,
 * hyphens and apostrophes that keep the words of one name, phrase or spelling together.
 */
import { CharClass, charClassTable } from '../text';

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x02bc]);

/** "Fishermen's": an apostrophe between two letters keeps the words of a name together. */
export function isApostropheGap(s: string, from: number, to: number): boolean {
  return to === from + 1 && APOSTROPHES.has(s.charCodeAt(from));
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** The separator joins two words of one name or phrase: white space with at most one line break. */
export function isSoftGap(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isLineBreak(c)) {
      if (c === 13 && s.charCodeAt(i + 1) === 10) continue;
      if (++breaks > 1) return false;
    } else if (!isBlankChar(c) || c === 0) return false;
  }
  return true;
}

export function isHyphenGap(s: string, from: number, to: number): boolean {
  return to === from + 1 && charClassTable()[s.charCodeAt(from)] === CharClass.Hyphen;
}
