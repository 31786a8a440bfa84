/**
 * What a document's words could answer, as three Bloom filters of hashes kept with its word table while it is
 * edited (DocumentLinter's): the hash of each word, of each two words across white space and each hyphenated
 * compound (the letters written apart), and of each capitalised word. unchanged.ts asks them first whether any
 * word elsewhere could answer its questions ("is this changed word written as two words anywhere?"); only a
 * "maybe" sends it through every word of the document, so most keystrokes skip that pass.
 *
 * A filter only ever says "no" for a hash no word has: it holds every hash the table's words make (the same
 * definitions as unchanged.ts `answer`), and after an edit gains those of the words the edit changed while
 * keeping those of the words it removed (a "maybe" too many, never a "no" too many). Once the words it gained
 * since it was made are a quarter of those it was made with, it is made again from the table.
 */
import { Gap, Word, type WordTable, capitalWords, compoundHash, joinedHash } from './words';

/** Bits per hash held: with three probes, about one "maybe" in 200 for a hash nobody has. */
const BITS_PER_ENTRY = 16;

class Bloom {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 1024;
    while (size < entries * BITS_PER_ENTRY) size *= 2;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
  }

  add(h: number): void {
    this.probe(h, true);
  }

  has(h: number): boolean {
    return this.probe(h, false);
  }

  /** Three probes from two mixes of the hash (double hashing): sets them, or tells whether all are set. */
  private probe(h: number, set: boolean): boolean {
    const { bits, mask } = this;
    const a = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    const b = Math.imul(h ^ (h >>> 13), 0x2c1b3c6d) | 1;
    for (let i = 0, p = a; i < 3; i++, p = (p + b) | 0) {
      const bit = p & mask;
      if (set) bits[bit >>> 5]! |= 1 << (bit & 31);
      else if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

export interface WordFilter {
  /** Whether some word's hash, or some compound's, may be `h`. */
  word(h: number): boolean;
  /** Whether some two words apart, or some compound, may have the letters of hash `h`. */
  apart(h: number): boolean;
  /** Whether some capitalised word may have hash `h`. */
  capitalised(h: number): boolean;
}

class Filters implements WordFilter {
  private readonly words: Bloom;
  private readonly pairs: Bloom;
  private readonly capitals: Bloom;
  /** Words added since it was made, against the words it was made with. */
  added = 0;
  readonly madeWith: number;

  constructor(t: WordTable) {
    const n = Math.max(64, t.length);
    this.madeWith = n;
    // Room for a quarter more before it is made again.
    this.words = new Bloom(n + (n >> 2));
    this.pairs = new Bloom(n + (n >> 2));
    this.capitals = new Bloom(capitalWords(t).length + (n >> 2));
    this.addWords(t, 0, t.length);
    this.added = 0;
  }

  word(h: number): boolean {
    return this.words.has(h);
  }

  apart(h: number): boolean {
    return this.pairs.has(h);
  }

  capitalised(h: number): boolean {
    return this.capitals.has(h);
  }

  /**
   * Adds what words [from, to) of `t` make: each word, the pair it starts across white space, the compound it
   * starts (to the compound's end, wherever that is), and its capital.
   */
  addWords(t: WordTable, from: number, to: number): void {
    const { gap, hash, flags } = t;
    const n = t.length;
    for (let j = from; j < to; j++) {
      const h = hash[j]!;
      this.words.add(h);
      if ((flags[j]! & Word.UpperFirst) !== 0) this.capitals.add(h);
      if (j + 1 >= n) continue;
      const g = gap[j]!;
      if (g === Gap.Space) this.pairs.add(joinedHash(t, j, j + 1));
      else if (g === Gap.Hyphen && (j === 0 || gap[j - 1] !== Gap.Hyphen)) {
        const r = compoundHash(t, j);
        this.words.add(r);
        this.pairs.add(r);
      }
    }
    this.added += Math.max(0, to - from);
  }
}

/** The filters of the tables DocumentLinter keeps, by table (moved to the table an edit makes). */
const kept = new WeakMap<WordTable, Filters>();

/** `t`'s filters, made now if it has none. */
export function wordFilter(t: WordTable): WordFilter {
  let f = kept.get(t);
  if (!f) kept.set(t, (f = new Filters(t)));
  return f;
}

/**
 * Moves `old`'s filters, if it has any, to `now`, the table after an edit that changed words [from, to) of it
 * (and whose words outside them are `old`'s, moved): they gain what those words make, and what the words before
 * them make with them (the pair ending at `from`, a compound through it). Made again instead when they have
 * gained a quarter of what they were made with.
 */
export function moveWordFilter(old: WordTable, now: WordTable, from: number, to: number): void {
  const f = kept.get(old);
  if (!f) return;
  kept.delete(old);
  if (f.added > f.madeWith >> 2) return;
  // Back to the start of a compound the changed words may end.
  let start = Math.max(0, from - 1);
  while (start > 0 && now.gap[start - 1] === Gap.Hyphen) start--;
  f.addWords(now, start, Math.min(now.length, to + 1));
  kept.set(now, f);
}

/** Drops `t`'s filters (a document nobody is editing keeps no more than its table). */
export function dropWordFilter(t: WordTable): void {
  kept.delete(t);
}
