/**
 * Character classes and word tokens, Unicode-aware and offset-preserving.
 * Tables are built once per process so the hot loops only index typed arrays.
 */

/** Character classes of a UTF-16 code unit (BMP) or code point. */
export const enum CharClass {
  Other = 0,
  /** Letters, digits and combining marks of alphabetic scripts: parts of words. */
  Word = 1,
  /** Whitespace other than line breaks (incl. NBSP and other Unicode spaces). */
  Space = 2,
  LineBreak = 3,
  /** Hyphen-like joiners: '-', U+2010, U+2011 (not dashes used as punctuation). */
  Hyphen = 4,
  /** Ideographs, kana and hangul: each is its own unit, never part of a Latin word. */
  Cjk = 5,
  /** Zero-width joiners and format characters: transparent inside words. */
  Format = 6,
  /**
   * Dashes that typographers set between words where a hyphen belongs only by mistake (en dash, figure dash,
   * minus sign, small and full-width hyphen-minus): alone between two words they read as a hyphen that is
   * not the term's own (forms.ts `classifyGap`); spaced, they are punctuation.
   */
  Dash = 7,
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
/**
 * One CJK character (Han, kana, hangul, bopomofo): the one definition of CJK text for the tokenizer
 * (CharClass.Cjk), extraction (lines more CJK than Latin are boilerplate) and term files (forms with CJK are
 * refused). Not global: derive a `g` copy to count.
 */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const SPACE_RE = /[\p{Zs}\t\v\f]/u;
const FORMAT_RE = /\p{Cf}/u;

let classTable: Uint8Array | undefined;
let lowerTable: Uint16Array | undefined;
let upperTable: Uint16Array | undefined;

function buildTables(): void {
  const cls = new Uint8Array(0x10000);
  const lower = new Uint16Array(0x10000);
  const upper = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    lower[c] = c;
    upper[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      continue; // surrogates are classified by code point in classOfCodePoint
    }
    const s = String.fromCharCode(c);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) cls[c] = CharClass.LineBreak;
    else if (c === 0x2d || c === 0x2010 || c === 0x2011) cls[c] = CharClass.Hyphen;
    else if (c === 0x2012 || c === 0x2013 || c === 0x2212 || c === 0xfe63 || c === 0xff0d) cls[c] = CharClass.Dash;
    else if (CJK_CHAR.test(s)) cls[c] = CharClass.Cjk;
    else if (WORD_RE.test(s)) cls[c] = CharClass.Word;
    else if (SPACE_RE.test(s)) cls[c] = CharClass.Space;
    else if (FORMAT_RE.test(s) && c !== 0xfeff) cls[c] = CharClass.Format;
    // Case mapping only where it keeps one code unit, so offsets never move.
    const lo = s.toLowerCase();
    if (lo.length === 1) lower[c] = lo.charCodeAt(0);
    const up = s.toUpperCase();
    if (up.length === 1) upper[c] = up.charCodeAt(0);
  }
  classTable = cls;
  lowerTable = lower;
  upperTable = upper;
}

export function charClassTable(): Uint8Array {
  if (!classTable) buildTables();
  return classTable!;
}

export function lowerCaseTable(): Uint16Array {
  if (!lowerTable) buildTables();
  return lowerTable!;
}

export function upperCaseTable(): Uint16Array {
  if (!upperTable) buildTables();
  return upperTable!;
}

/** Class of the character starting at `i` (surrogate pairs are read as one code point). */
export function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const s = text.slice(i, i + 2);
      if (CJK_CHAR.test(s)) return CharClass.Cjk;
      if (WORD_RE.test(s)) return CharClass.Word;
      if (FORMAT_RE.test(s)) return CharClass.Format;
      return CharClass.Other;
    }
  }
  if (c >= 0xd800 && c <= 0xdfff) return CharClass.Other; // lone surrogate
  return charClassTable()[c] as CharClass;
}

/** Width in code units of the character at `i` (2 for a valid surrogate pair). */
export function charWidthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** A word token: a maximal run of word characters (letters, digits, marks, inner format chars). */
export interface WordToken {
  start: number;
  end: number;
}

/** Word tokens as parallel offset arrays: no object per word, for the matcher's hot loops. */
export interface TokenOffsets {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly length: number;
}

/** `tokens` as offsets alone (no copy), without what `tokenWords` read of each word besides. */
export function offsetsOf(tokens: TokenOffsets): TokenOffsets {
  return { starts: tokens.starts, ends: tokens.ends, length: tokens.length };
}

/** Where the next word starts at or after `i` (a word character there), or `to` or past it when none does. */
function nextWordStart(text: string, i: number, to: number, cls: Uint8Array): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    // Code units outside the surrogates (nearly all) are classified by the table and one unit wide.
    if (c < 0xd800 || c > 0xdfff) {
      if (cls[c] === CharClass.Word) return i;
      i++;
    } else if (classAt(text, i) === CharClass.Word) return i;
    else i += c <= 0xdbff ? charWidthAt(text, i) : 1;
  }
  return i;
}

/** The end of the word starting at `start`: word characters, and format characters followed by one. */
function wordEnd(text: string, start: number, to: number, cls: Uint8Array): number {
  const c = text.charCodeAt(start);
  let i = c < 0xd800 || c > 0xdfff ? start + 1 : start + charWidthAt(text, start);
  while (i < to) {
    const d = text.charCodeAt(i);
    if (d < 0xd800 || d > 0xdfff) {
      const kd = cls[d];
      if (kd === CharClass.Word || (kd === CharClass.Format && i + 1 < to && classAt(text, i + 1) === CharClass.Word)) i++;
      else break;
    } else {
      const kd = classAt(text, i);
      if (kd === CharClass.Word || (kd === CharClass.Format && i + 1 < to && classAt(text, i + 1) === CharClass.Word)) i += charWidthAt(text, i);
      else break;
    }
  }
  return i;
}

/**
 * Word tokens of `text` between `from` and `to`. Apostrophes, dots and other punctuation end a word,
 * so "Shenzhen's" yields "Shenzhen" and "s".
 */
export function tokenOffsets(text: string, from = 0, to = text.length): TokenOffsets {
  let starts = new Int32Array(Math.max(16, (to - from) >> 2));
  let ends = new Int32Array(starts.length);
  let n = 0;
  const cls = charClassTable();
  for (let i = nextWordStart(text, from, to, cls); i < to; i = nextWordStart(text, i, to, cls)) {
    const start = i;
    i = wordEnd(text, start, to, cls);
    if (n === starts.length) {
      starts = grown(starts, n * 2);
      ends = grown(ends, n * 2);
    }
    starts[n] = start;
    ends[n] = i;
    n++;
  }
  return { starts: fitted(starts, n), ends: fitted(ends, n), length: n };
}

/**
 * `a` cut to its first `n` elements when more than SLACK are unused. The arrays are made with room for a word
 * every four characters and a draft has about one every six: a document's tokens are kept from one lint to the
 * next, and the room left over was 1.8 MB for 1 MB of text. (A short range's few unused slots are not worth a copy.)
 */
function fitted<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  return a.length - n > SLACK ? (a.slice(0, n) as T) : a;
}
const SLACK = 1024;

/** `a` copied into a new array of `size` elements. */
function grown<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Word tokens with what the consistency checks read of each word, made in the same pass (`tokenWords`). */
export interface WordTokens extends TokenOffsets {
  /** Case-folded polynomial hash of each word (core/consistency/words.ts), format characters left out. */
  readonly hash: Int32Array;
  /** How many code units the hash read (the word's length without format characters). */
  readonly hashed: Int32Array;
  /** WordShape bits of each word's letters. */
  readonly shape: Uint8Array;
}

/** What a word's letters look like, as `tokenWords` records it. */
export const enum WordShape {
  Digits = 1,
  Upper = 2,
  Lower = 4,
  UpperFirst = 8,
  InnerUpper = 16,
  /** Two or more capitals. */
  Uppers = 32,
}

/** The multiplier of `tokenWords`' hash (core/consistency/words.ts reads it as HASH_BASE). */
export const WORD_HASH_BASE = 0x01000193;

/** What `readLetters` found of a word (one object, rewritten by each call: the hot loops allocate nothing). */
export interface WordLetters {
  /** Case-folded polynomial hash (WORD_HASH_BASE), format characters left out. */
  hash: number;
  /** How many code units the hash read. */
  hashed: number;
  /** WordShape bits. */
  shape: number;
}

/** Reads the letters of the word text[start, end) into `out`: its case-folded hash, hashed length and shape. */
export function readLetters(text: string, start: number, end: number, out: WordLetters): void {
  const lower = lowerCaseTable();
  const upper = upperCaseTable();
  const cls = charClassTable();
  let h = 0;
  let len = 0;
  let uppers = 0;
  let lowers = 0;
  let f = 0;
  for (let j = start; j < end; j++) {
    let u = text.charCodeAt(j);
    if (u < 0x80) {
      // ASCII (nearly every letter of an English draft): no table to read.
      if (u >= 0x61 && u <= 0x7a) lowers++;
      else if (u >= 0x41 && u <= 0x5a) {
        uppers++;
        if (j > start) f |= WordShape.InnerUpper;
        u += 32;
      } else if (u >= 0x30 && u <= 0x39) f |= WordShape.Digits;
    } else {
      const lu = lower[u]!;
      if (lu !== u) {
        uppers++;
        if (j > start) f |= WordShape.InnerUpper;
        u = lu;
      } else if (upper[u] !== u) lowers++;
      else if (cls[u] === CharClass.Format) continue;
    }
    h = (Math.imul(h, WORD_HASH_BASE) + u) | 0;
    len++;
  }
  if (uppers > 0) f |= WordShape.Upper;
  if (uppers > 1) f |= WordShape.Uppers;
  if (lowers > 0) f |= WordShape.Lower;
  const first = text.charCodeAt(start);
  if (lower[first] !== first) f |= WordShape.UpperFirst;
  out.hash = h;
  out.hashed = len;
  out.shape = f;
}

/**
 * `tokenOffsets`, and for each word the case-folded hash, its hashed length and the shape of its letters, read
 * in the same pass over the characters (the consistency checks' word table needs them for every word: a second
 * pass re-read the whole document). The tokens are `tokenOffsets`' exactly (a test holds them together).
 */
export function tokenWords(text: string, from = 0, to = text.length): WordTokens {
  let cap = Math.max(16, (to - from) >> 2);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let hash = new Int32Array(cap);
  let hashed = new Int32Array(cap);
  let shape = new Uint8Array(cap);
  let n = 0;
  const cls = charClassTable();
  const letters: WordLetters = { hash: 0, hashed: 0, shape: 0 };
  for (let i = nextWordStart(text, from, to, cls); i < to; i = nextWordStart(text, i, to, cls)) {
    const start = i;
    i = wordEnd(text, start, to, cls);
    // The word's letters, while they are in the cache: hash, case and digits.
    readLetters(text, start, i, letters);
    if (n === cap) {
      cap *= 2;
      starts = grown(starts, cap);
      ends = grown(ends, cap);
      hash = grown(hash, cap);
      hashed = grown(hashed, cap);
      shape = grown(shape, cap);
    }
    starts[n] = start;
    ends[n] = i;
    hash[n] = letters.hash;
    hashed[n] = letters.hashed;
    shape[n] = letters.shape;
    n++;
  }
  return { starts: fitted(starts, n), ends: fitted(ends, n), length: n, hash: fitted(hash, n), hashed: fitted(hashed, n), shape: fitted(shape, n) };
}

/** The same tokens as objects. */
export function tokenize(text: string, from = 0, to = text.length): WordToken[] {
  const { starts, ends, length } = tokenOffsets(text, from, to);
  const tokens: WordToken[] = new Array(length);
  for (let k = 0; k < length; k++) tokens[k] = { start: starts[k]!, end: ends[k]! };
  return tokens;
}

/**
 * A word as keys hold it: lower case code unit by code unit (a character whose lower case is longer stays as
 * it is, so lengths never change), format characters dropped (they are transparent inside words, as the
 * tokenizer reads them). Forms' keys (forms.ts) and extraction's spelling keys are made with it.
 */
export function lowerWord(w: string): string {
  // ASCII words (nearly all) lower-case natively: no format characters, and no case mapping changes length.
  let ascii = true;
  for (let i = 0; i < w.length && ascii; i++) ascii = w.charCodeAt(i) < 0x80;
  if (ascii) return w.toLowerCase();
  const lower = lowerCaseTable();
  const cls = charClassTable();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (cls[c] === CharClass.Format) continue;
    out += String.fromCharCode(lower[c]!);
  }
  return out;
}

export function hasUpperCase(s: string): boolean {
  const lower = lowerCaseTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (lower[c] !== c) return true;
  }
  return false;
}

export function hasLowerCase(s: string): boolean {
  const upper = upperCaseTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (upper[c] !== c) return true;
  }
  return false;
}

export function isUpperChar(c: number): boolean {
  return lowerCaseTable()[c] !== c;
}
