/**
 * The words of a document as the consistency checks read them, built once per lint in one pass over the word
 * tokens (DocumentLinter keeps it across edits and reads again only the words of the blocks an edit touched): a case-folded hash of each word (polynomial, so the hash of words written together is computed from
 * theirs, with no string made), what its letters look like (capitals, digits), what separates it from the next
 * word (a hyphen, white space, anything else), and whether a term list already covers it. Strings are made only
 * for the few words a check compares.
 */
import { lowerWord, lowerCaseTable, offsetsOf, WORD_HASH_BASE, WordShape, readLetters, type TokenOffsets, type WordLetters, type WordTokens } from '../text';
import type { Language, VariantVocabulary } from '../languages/language';
import { lastAtMost, lowerBound } from '../search';
import { IntTable } from './intTable';
import type { DocumentView } from '../view';

/**
 * The hash's multiplier: odd, so every power of it is too. The loops read module-local copies: an exported const
 * is read through `exports` in tsc's output, in the innermost loop.
 */
const BASE = WORD_HASH_BASE;
const SEP = 32;
export const HASH_BASE = BASE;
/** What stands for a word gap in a phrase's hash ("greater bay area" is not "greaterbayarea"). */
export const SEPARATOR = SEP;

export const enum Word {
  /** A term list matched it: its own findings apply, no variant check. */
  Covered = 1,
  /** Letters only (no digits): a word the checks compare. */
  Letters = 2,
  /** Starts with a capital. */
  UpperFirst = 4,
  /** Two or more letters, no lower-case one ("IPP", "ALL"). */
  AllCaps = 8,
  /** No capital. */
  Lower = 16,
  /** A capital after the first letter ("iPhone", "McKinsey"). */
  InnerUpper = 32,
  /** A grammar word (VariantVocabulary.isFunctionWord). */
  Function = 64,
  /** In a heading. */
  Heading = 128,
}

export const enum Gap {
  /** Punctuation, markup, a hidden span, a paragraph break: the words belong to nothing together. */
  Other = 0,
  /** One hyphen, no line break: the words are a hyphenated compound. */
  Hyphen = 1,
  /** White space with at most one line break (wrapped lines, list indentation, blanked emphasis marks). */
  Space = 2,
}

export interface WordTable {
  readonly view: DocumentView;
  readonly tokens: TokenOffsets;
  readonly lang: Language;
  readonly length: number;
  /** Case-folded polynomial hash of each word. */
  readonly hash: Int32Array;
  /** HASH_BASE to the power of each word's length: hash(a + b) = hash(a) · pow(b) + hash(b). */
  readonly pow: Int32Array;
  readonly flags: Uint8Array;
  /** What separates word i from word i + 1. */
  readonly gap: Uint8Array;
  /** Whether a sentence starts at word i, found on first need: 0 not yet known, 1 no, 2 yes. */
  readonly sentenceStarts: Uint8Array;
}

/** BASE to the power of 0‥63: a word's `pow` by its length, with no multiplication per letter. */
const POWERS = (() => {
  const out = new Int32Array(64);
  out[0] = 1;
  for (let i = 1; i < 64; i++) out[i] = Math.imul(out[i - 1]!, BASE);
  return out;
})();

/** The vocabulary's grammar words by hash, made once per vocabulary. */
const grammar = new WeakMap<VariantVocabulary, IntTable>();

function grammarWords(vocab: VariantVocabulary): IntTable {
  let table = grammar.get(vocab);
  if (!table) {
    table = new IntTable(vocab.functionWords.length);
    vocab.functionWords.forEach((w, i) => table!.add(hashOfWords([w], true), i));
    grammar.set(vocab, table);
  }
  return table;
}

/** The table of `tokens` over `view`; words inside `covered` token ranges ([first, last] pairs) are marked. */
/** The arrays of a table no one holds any more (lintText's), for the next one: a megabyte is cheaper reused. */
interface Arrays {
  hash: Int32Array;
  pow: Int32Array;
  flags: Uint8Array;
  gap: Uint8Array;
  sentenceStarts: Uint8Array;
}
let spare: Arrays | undefined;

/** Gives `t`'s arrays back for the next table; `t` must not be read again (lintText's, never DocumentLinter's). */
export function releaseWordTable(t: WordTable): void {
  const arrays = { hash: t.hash, pow: t.pow, flags: t.flags, gap: t.gap, sentenceStarts: t.sentenceStarts };
  if (!spare || spare.hash.length < arrays.hash.length) spare = arrays;
}

function arraysFor(n: number): Arrays {
  const s = spare;
  if (!s || s.hash.length < n) return { hash: new Int32Array(n), pow: new Int32Array(n), flags: new Uint8Array(n), gap: new Uint8Array(n), sentenceStarts: new Uint8Array(n) };
  spare = undefined;
  // readWords writes every word's hash, pow, flags and gap but the last one's gap; the memo starts empty.
  const arrays = { hash: s.hash.subarray(0, n), pow: s.pow.subarray(0, n), flags: s.flags.subarray(0, n), gap: s.gap.subarray(0, n), sentenceStarts: s.sentenceStarts.subarray(0, n) };
  if (n > 0) arrays.gap[n - 1] = 0;
  arrays.sentenceStarts.fill(0);
  return arrays;
}

export function wordTable(view: DocumentView, tokens: TokenOffsets, covered: Iterable<{ readonly first: number; readonly last: number }>, lang: Language, vocab: VariantVocabulary): WordTable {
  const n = tokens.length;
  // The table keeps the tokens' offsets only: the hashes and shapes `tokenWords` read with them (9 bytes a word)
  // are read into the table here and not held after it.
  const t: WordTable = { view, tokens: offsetsOf(tokens), lang, length: n, ...arraysFor(n) };
  const read = tokens as Partial<WordTokens>;
  readWords(t, vocab, 0, n, read.hash && read.hashed && read.shape ? (read as WordTokens) : undefined);
  markPlaces(t, covered);
  knownSentenceStarts(t, 0, n);
  return t;
}

/**
 * Settles, for words [from, to), the sentence starts a gap already tells: a word after nothing but white space
 * from the word before it, in the same block, starts no sentence (no terminator stands between them). The rest
 * are asked of the language when first needed (atSentenceStart). It spares the check a call per capital.
 */
function knownSentenceStarts(t: WordTable, from: number, to: number): void {
  const { gap, sentenceStarts } = t;
  const starts = t.tokens.starts;
  const blocks = t.view.blockStarts;
  if (from >= to) return;
  // The first block start after word `from`'s previous word: a word at or past it is the first of its block.
  let b = lowerBound(blocks, from > 0 ? starts[from - 1]! + 1 : 0);
  for (let k = Math.max(from, 1); k < to; k++) {
    while (b < blocks.length && blocks[b]! <= starts[k - 1]!) b++;
    const firstOfBlock = b < blocks.length && blocks[b]! <= starts[k]!;
    if (gap[k - 1] === Gap.Space && !firstOfBlock) sentenceStarts[k] = 1;
  }
}

/**
 * The table of a document after an edit, from the table before it (DocumentLinter): words [0, from) are the
 * old ones, words [from, to) are read anew, and the old words from `oldTo` on follow, unchanged but for their
 * index. Re-scanned ranges are whole blocks, so no word outside one changes its sentence start either.
 */
export function spliceWordTable(
  old: WordTable,
  view: DocumentView,
  tokens: TokenOffsets,
  covered: Iterable<{ readonly first: number; readonly last: number }>,
  vocab: VariantVocabulary,
  from: number,
  oldTo: number,
  to: number,
): WordTable {
  const n = tokens.length;
  const t: WordTable = { view, tokens, lang: old.lang, length: n, hash: new Int32Array(n), pow: new Int32Array(n), flags: new Uint8Array(n), gap: new Uint8Array(n), sentenceStarts: new Uint8Array(n) };
  for (const [dst, src] of [
    [t.hash, old.hash],
    [t.pow, old.pow],
    [t.flags, old.flags],
    [t.gap, old.gap],
    [t.sentenceStarts, old.sentenceStarts],
  ] as const) {
    dst.set(src.subarray(0, from));
    dst.set(src.subarray(oldTo, old.length), to);
  }
  // The words read anew (with the gap after the last, whose next word is the first old one), and the gap of
  // the word before them (its next word changed).
  readWords(t, vocab, from, to);
  if (from > 0 && from < n) t.gap[from - 1] = gapAfter(t, from - 1);
  // Outside the range the term matches and headings are the old ones, moved with their words: only the range's
  // places are marked again.
  markPlaces(t, covered, from, to);
  // The first old word after the range has a new word before it.
  if (to < n) t.sentenceStarts[to] = 0;
  knownSentenceStarts(t, from, Math.min(n, to + 1));
  const oldCapitals = capitalIndex.get(old);
  if (oldCapitals) capitalIndex.set(t, spliceCapitals(oldCapitals, t, from, oldTo, to));
  return t;
}

/**
 * The words with a capital first (`Word.UpperFirst`), in order, kept with a table: the checks of capitals and
 * abbreviations start only at one, and read these (a fraction of a document's words: 30 % in the benchmark's
 * name-dense draft) instead of every word's flags, three times a lint. Made on first need; an edited table's is
 * the old one's with the re-read words' read again (spliceWordTable).
 */
const capitalIndex = new WeakMap<WordTable, Int32Array>();

export function capitalWords(t: WordTable): Int32Array {
  let c = capitalIndex.get(t);
  if (!c) capitalIndex.set(t, (c = capitalsIn(t, 0, t.length)));
  return c;
}

/** Drops a table's index of capitalised words (DocumentLinter.compact, with the word filters). */
export function dropCapitalWords(t: WordTable): void {
  capitalIndex.delete(t);
}

function capitalsIn(t: WordTable, from: number, to: number): Int32Array {
  const { flags } = t;
  let count = 0;
  for (let k = from; k < to; k++) if ((flags[k]! & Word.UpperFirst) !== 0) count++;
  const out = new Int32Array(count);
  for (let k = from, i = 0; i < count; k++) if ((flags[k]! & Word.UpperFirst) !== 0) out[i++] = k;
  return out;
}

/** `old`'s capitalised words before `from`, the new table's in [from, to), and old ones from `oldTo` on, moved. */
function spliceCapitals(old: Int32Array, t: WordTable, from: number, oldTo: number, to: number): Int32Array {
  const head = lowerBound(old, from);
  const tail = lowerBound(old, oldTo, head);
  const mid = capitalsIn(t, from, to);
  const out = new Int32Array(head + mid.length + (old.length - tail));
  out.set(old.subarray(0, head));
  out.set(mid, head);
  const delta = to - oldTo;
  for (let i = tail, j = head + mid.length; i < old.length; i++, j++) out[j] = old[i]! + delta;
  return out;
}

function gapAfter(t: WordTable, k: number): Gap {
  const text = t.view.masked;
  const e = t.tokens.ends[k]!;
  const next = t.tokens.starts[k + 1]!;
  return next === e + 1 && text.charCodeAt(e) === 32 ? Gap.Space : gapBetween(text, e, next);
}

/**
 * Term-list matches and headings: where a word is, as opposed to what it is, for words [from, to) (their flags
 * just read by readWords, so neither mark is set yet).
 */
function markPlaces(t: WordTable, covered: Iterable<{ readonly first: number; readonly last: number }>, from = 0, to = t.length): void {
  const { flags } = t;
  const starts = t.tokens.starts;
  for (const m of covered) {
    if (m.last < from || m.first >= to) continue;
    for (let k = Math.max(from, m.first); k <= m.last && k < to; k++) flags[k]! |= Word.Covered;
  }
  const lo = from < to ? starts[from]! : 0;
  const hi = to > from ? starts[to - 1]! : -1;
  for (const h of t.view.headings) {
    if (h.end <= lo || h.start > hi) continue;
    for (let k = lowerBound(starts, h.start, from, to); k < to && starts[k]! < h.end; k++) flags[k]! |= Word.Heading;
  }
}

/**
 * What words [from, to) are: their hashes, letters and the gaps after them (the last one's: if it has a next word).
 * `given`: the hashes and shapes `tokenWords` read with the tokens; else (an edit's re-tokenized blocks) they
 * are read here, by the same reader.
 */
function readWords(t: WordTable, vocab: VariantVocabulary, from: number, to: number, given?: WordTokens): void {
  const { hash, pow, flags, gap } = t;
  const n = t.length;
  const text = t.view.masked;
  const { starts, ends } = t.tokens;
  const functionWords = grammarWords(vocab);
  const letters: WordLetters = { hash: 0, hashed: 0, shape: 0 };
  for (let k = from; k < to; k++) {
    const s = starts[k]!;
    const e = ends[k]!;
    let h: number;
    let len: number;
    let sh: number;
    if (given) {
      h = given.hash[k]!;
      len = given.hashed[k]!;
      sh = given.shape[k]!;
    } else {
      readLetters(text, s, e, letters);
      ({ hash: h, hashed: len, shape: sh } = letters);
    }
    hash[k] = h;
    pow[k] = len < 64 ? POWERS[len]! : power(len);
    let f = (sh & WordShape.Digits) !== 0 || (sh & (WordShape.Upper | WordShape.Lower)) === 0 ? 0 : Word.Letters;
    if ((sh & (WordShape.Upper | WordShape.UpperFirst)) === (WordShape.Upper | WordShape.UpperFirst)) f |= Word.UpperFirst;
    if ((sh & WordShape.Uppers) !== 0 && (sh & WordShape.Lower) === 0) f |= Word.AllCaps;
    if ((sh & WordShape.Upper) === 0) f |= Word.Lower;
    if ((sh & (WordShape.InnerUpper | WordShape.Lower)) === (WordShape.InnerUpper | WordShape.Lower)) f |= Word.InnerUpper;
    const fw = functionWords.get(h);
    if (fw >= 0 && sameLower(text, s, e, vocab.functionWords[fw]!)) f |= Word.Function;
    flags[k] = f;
    if (k + 1 < n) {
      const next = starts[k + 1]!;
      // One space between words, the common case, decided without a call.
      gap[k] = next === e + 1 && text.charCodeAt(e) === 32 ? Gap.Space : gapBetween(text, e, next);
    }
  }
}

function power(n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p = Math.imul(p, BASE);
  return p;
}

/** Whether `text[s, e)` is `word` (lower case) in any case, compared in place. */
function sameLower(text: string, s: number, e: number, word: string): boolean {
  return e - s === word.length && sameLowerAt(text, s, e, word, 0);
}

/** Whether `text[s, e)` in lower case is `key[at, at + e - s)`, compared in place. */
function sameLowerAt(text: string, s: number, e: number, key: string, at: number): boolean {
  if (at + e - s > key.length) return false;
  const lower = lowerCaseTable();
  for (let i = s, j = at; i < e; i++, j++) if (lower[text.charCodeAt(i)] !== key.charCodeAt(j)) return false;
  return true;
}

/**
 * Whether words [first, last] are the phrase `key` (`lowerText` of each, one space apart), compared in place: a
 * yes is always right (a word with a format character in it, which `lowerText` drops, never reads as the same
 * here); a no is not final, and the caller makes the strings to compare.
 */
export function isPhrase(t: WordTable, first: number, last: number, key: string): boolean {
  const text = t.view.text;
  const { starts, ends } = t.tokens;
  let at = 0;
  for (let k = first; k <= last; k++) {
    if (k > first) {
      if (key.charCodeAt(at) !== 32) return false;
      at++;
    }
    const s = starts[k]!;
    const e = ends[k]!;
    if (!sameLowerAt(text, s, e, key, at)) return false;
    at += e - s;
  }
  return at === key.length;
}

function gapBetween(text: string, from: number, to: number): Gap {
  if (to === from + 1) {
    const c = text.charCodeAt(from);
    if (c === 0x2d || c === 0x2010 || c === 0x2011) return Gap.Hyphen;
  }
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    if (c === 10) {
      if (++breaks > 1) return Gap.Other;
    } else if (c !== 13) return Gap.Other;
  }
  return from < to ? Gap.Space : Gap.Other;
}

/** The hash of words [first, last] written together ("crossborder"). */
export function joinedHash(t: WordTable, first: number, last: number): number {
  let h = t.hash[first]!;
  for (let k = first + 1; k <= last; k++) h = (Math.imul(h, t.pow[k]!) + t.hash[k]!) | 0;
  return h;
}

/** The hash of words [first, last] as a phrase: a separator between words ("greater bay area"). */
export function phraseHash(t: WordTable, first: number, last: number): number {
  let h = t.hash[first]!;
  for (let k = first + 1; k <= last; k++) h = (Math.imul((Math.imul(h, BASE) + SEP) | 0, t.pow[k]!) + t.hash[k]!) | 0;
  return h;
}

/** The hash of the hyphenated compound from word j (whose gap is a hyphen) to its last word, letters together. */
export function compoundHash(t: WordTable, j: number): number {
  const { gap, hash, pow } = t;
  let r = hash[j]!;
  for (let m = j + 1; m < t.length; m++) {
    r = (Math.imul(r, pow[m]!) + hash[m]!) | 0;
    if (gap[m] !== Gap.Hyphen) break;
  }
  return r;
}

/** The hash `phraseHash` gives the lower-case words of `words`. */
export function hashOfWords(words: readonly string[], joined: boolean): number {
  let h = 0;
  for (let w = 0; w < words.length; w++) {
    if (w > 0 && !joined) h = (Math.imul(h, BASE) + SEP) | 0;
    const word = words[w]!;
    for (let i = 0; i < word.length; i++) h = (Math.imul(h, BASE) + word.charCodeAt(i)) | 0;
  }
  return h;
}

export function wordText(t: WordTable, k: number): string {
  return t.view.text.slice(t.tokens.starts[k]!, t.tokens.ends[k]!);
}

/** Word k in lower case, as keys hold words (format characters dropped). */
export function lowerText(t: WordTable, k: number): string {
  return lowerWord(wordText(t, k));
}

export function startOf(t: WordTable, k: number): number {
  return t.tokens.starts[k]!;
}

export function endOf(t: WordTable, k: number): number {
  return t.tokens.ends[k]!;
}

/** Whether a sentence starts at word k (its capital may be the author's). */
export function atSentenceStart(t: WordTable, k: number): boolean {
  const known = t.sentenceStarts[k]!;
  if (known !== 0) return known === 2;
  const offset = t.tokens.starts[k]!;
  const block = lastAtMost(t.view.blockStarts, offset);
  const yes = t.lang.isSentenceStart(t.view.masked, block < 0 ? 0 : t.view.blockStarts[block]!, offset);
  t.sentenceStarts[k] = yes ? 2 : 1;
  return yes;
}

/** Whether word k is in a heading (any style: headings have capitals of their own). */
export function inHeading(t: WordTable, k: number): boolean {
  return (t.flags[k]! & Word.Heading) !== 0;
}


