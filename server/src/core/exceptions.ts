/**
 * Exceptions: phrases that are right as a whole although they hold a forbidden or variant spelling of a term
 * ("University of Macau" where the list forbids "Macau", "Hongkong Post" where it asks for "Hong Kong"). A
 * term's `exceptions` cover its own uses, a list's `ignore` phrases any term's. A use whose words all lie
 * inside an occurrence of such a phrase is neither reported nor fixed, nor counted as a use of its form.
 *
 * A phrase is compiled once into its lower-case words and what stands between them; an occurrence is the same
 * words, in any case, with the same punctuation between them and any white space (one line break at most, as
 * between a term's words) or transparent markup where the phrase has white space. Only uses of terms that have exceptions, or whose first
 * word is a word of an ignore phrase, are ever compared, so a list without exceptions costs nothing.
 */
import { FNV_OFFSET, fnv1aStep } from './hash';
import { normalizeHardChar } from './forms';
import { gapBetween } from './matching/gaps';
import { CharClass, charClassTable, lowerCaseTable, lowerWord, tokenOffsets, type TokenOffsets } from './text';

export interface CompiledPhrase {
  /** The phrase as its list writes it. */
  readonly text: string;
  readonly note?: string;
  /** Lower-case words, and the normalized text between consecutive words (one space for any white space). */
  readonly words: readonly string[];
  readonly gaps: readonly string[];
}

/** An occurrence of an exception around a use of a term. */
export interface ExceptionHit {
  phrase: CompiledPhrase;
  start: number;
  end: number;
}

/**
 * What stands between two words, as phrases compare it: its punctuation (typographic apostrophes as the plain
 * one, as forms read them) without white space, or one space when it is only white space (or transparent
 * markup, which the view shows as spaces). "China (Macau)" and "China\n(Macau)" read alike.
 */
function normalizeGap(gap: string): string {
  const cls = charClassTable();
  let out = '';
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    const k = cls[c];
    if (k !== CharClass.Space && k !== CharClass.LineBreak && k !== CharClass.Format) out += String.fromCharCode(normalizeHardChar(c));
  }
  return out === '' ? ' ' : out;
}

/** Compiles one phrase; undefined when it has no words (the readers refuse those). */
export function compilePhrase(text: string, note?: string): CompiledPhrase | undefined {
  const { starts, ends, length } = tokenOffsets(text);
  if (length === 0) return undefined;
  const words: string[] = [];
  const gaps: string[] = [];
  for (let k = 0; k < length; k++) {
    words.push(lowerWord(text.slice(starts[k]!, ends[k]!)));
    if (k > 0) gaps.push(normalizeGap(text.slice(ends[k - 1]!, starts[k]!)));
  }
  return note === undefined ? { text, words, gaps } : { text, note, words, gaps };
}

/** FNV-1a of a lower-case word (format characters left out), as `wordHashAt` computes it from a document. */
function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = fnv1aStep(h, word.charCodeAt(i));
  return h >>> 0;
}

/** The hash of token `k` of `masked`, lower-cased, format characters skipped: no string is made. */
function wordHashAt(masked: string, tokens: TokenOffsets, k: number): number {
  const cls = charClassTable();
  const lower = lowerCaseTable();
  let h = FNV_OFFSET;
  for (let p = tokens.starts[k]!, end = tokens.ends[k]!; p < end; p++) {
    const c = masked.charCodeAt(p);
    if (cls[c] === CharClass.Format) continue;
    h = fnv1aStep(h, lower[c]!);
  }
  return h >>> 0;
}

/** Whether token `k` of `masked` reads `word` (lower case, format characters skipped). */
function tokenIs(masked: string, tokens: TokenOffsets, k: number, word: string): boolean {
  const cls = charClassTable();
  const lower = lowerCaseTable();
  let w = 0;
  for (let p = tokens.starts[k]!, end = tokens.ends[k]!; p < end; p++) {
    const c = masked.charCodeAt(p);
    if (cls[c] === CharClass.Format) continue;
    if (w >= word.length || lower[c] !== word.charCodeAt(w++)) return false;
  }
  return w === word.length;
}

export class ExceptionIndex {
  /** Global (ignore) phrases by the hash of each of their words. */
  private readonly byWord = new Map<number, CompiledPhrase[]>();
  /** Every phrase, terms' own included, by the hash of each of its words: made when the checks without a list first ask. */
  private anyByWord: Map<number, CompiledPhrase[]> | undefined;

  constructor(
    /** Per term index: its own exception phrases. */
    private readonly termPhrases: ReadonlyMap<number, readonly CompiledPhrase[]>,
    global: readonly CompiledPhrase[],
  ) {
    for (const p of global) {
      for (const w of new Set(p.words)) {
        const h = wordHash(w);
        let list = this.byWord.get(h);
        if (!list) this.byWord.set(h, (list = []));
        list.push(p);
      }
    }
  }

  get empty(): boolean {
    return this.termPhrases.size === 0 && this.byWord.size === 0;
  }

  /**
   * The occurrence of an exception that holds the use of term `term` over tokens [first, last] of `masked`, or
   * undefined. Occurrences are looked for within tokens [from, to) (the block being matched).
   */
  find(masked: string, tokens: TokenOffsets, from: number, to: number, term: number, first: number, last: number): ExceptionHit | undefined {
    const own = this.termPhrases.get(term);
    if (own) {
      for (const p of own) {
        const hit = this.around(masked, tokens, from, to, first, last, p);
        if (hit) return hit;
      }
    }
    if (this.byWord.size === 0) return undefined;
    const global = this.byWord.get(wordHashAt(masked, tokens, first));
    if (global) {
      for (const p of global) {
        const hit = this.around(masked, tokens, from, to, first, last, p);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  /**
   * The occurrence of any exception phrase, a term's own or a list's, that holds tokens [first, last] of `masked`,
   * or undefined. The checks that need no term list ask this: a variant or an abbreviation belongs to no term,
   * and a phrase right as a whole ("Hongkong Post") is right whoever asks.
   */
  findAny(masked: string, tokens: TokenOffsets, first: number, last: number): ExceptionHit | undefined {
    const phrases = this.anyPhrases().get(wordHashAt(masked, tokens, first));
    if (!phrases) return undefined;
    for (const p of phrases) {
      const hit = this.around(masked, tokens, 0, tokens.length, first, last, p);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Whether token `k` of `masked` is a word of any exception phrase (an edit of it may make or break one). */
  holdsWordAt(masked: string, tokens: TokenOffsets, k: number): boolean {
    return this.anyPhrases().has(wordHashAt(masked, tokens, k));
  }

  /** Every phrase, terms' own included, by the hash of each of its words. */
  private anyPhrases(): Map<number, CompiledPhrase[]> {
    if (!this.anyByWord) {
      const all = new Map<number, CompiledPhrase[]>();
      const add = (p: CompiledPhrase) => {
        for (const w of new Set(p.words)) {
          const h = wordHash(w);
          let list = all.get(h);
          if (!list) all.set(h, (list = []));
          if (!list.includes(p)) list.push(p);
        }
      };
      for (const phrases of this.termPhrases.values()) phrases.forEach(add);
      for (const phrases of this.byWord.values()) phrases.forEach(add);
      this.anyByWord = all;
    }
    return this.anyByWord;
  }

  /** An occurrence of `p` over tokens [a, a + words) for some a that covers [first, last]. */
  private around(masked: string, tokens: TokenOffsets, from: number, to: number, first: number, last: number, p: CompiledPhrase): ExceptionHit | undefined {
    const n = p.words.length;
    const lo = Math.max(from, last - n + 1);
    const hi = Math.min(first, to - n);
    outer: for (let a = lo; a <= hi; a++) {
      for (let w = 0; w < n; w++) if (!tokenIs(masked, tokens, a + w, p.words[w]!)) continue outer;
      for (let g = 0; g < n - 1; g++) {
        // Where a term's words may stand apart (one line break at most, nothing hidden), so may a phrase's.
        if (!gapBetween(masked, tokens, a + g)) continue outer;
        if (normalizeGap(masked.slice(tokens.ends[a + g]!, tokens.starts[a + g + 1]!)) !== p.gaps[g]) continue outer;
      }
      return { phrase: p, start: tokens.starts[a]!, end: tokens.ends[a + n - 1]! };
    }
    return undefined;
  }
}
