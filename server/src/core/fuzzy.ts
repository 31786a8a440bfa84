/**
 * Near-miss lookup for misspellings ("Shenzen" → "Shenzhen") by symmetric deletion: every term word is
 * indexed with the strings left after deleting up to its allowed number of letters, and a query looks up its
 * own deletions. The index is one Uint32Array (FuzzyEntries) of word ids by deletion hash, 4 bytes an entry
 * instead of a Map of strings; candidates are verified with the real edit distance.
 */
import { fnv1aWithout } from './hash';

/** Word ids are below this: 21 bits of an entry. */
const ID_SHIFT = 21;
const ID_BITS = 2 ** ID_SHIFT;
/** Entries are grouped by the top bits of their hash (at most 16: 65,536 buckets; fewer for a short list)... */
const MAX_BUCKET_BITS = 16;
const MIN_BUCKET_BITS = 4;
/** ...and keep the next 11 bits beside the word id. */
const TAG_BITS = 11;
const TAG_MASK = 2 ** TAG_BITS - 1;

/**
 * The index over a word list: its first element is the number of bucket bits b, the next 2^b + 1 where each
 * bucket's entries start (counted from the end of these), then the entries, each a word id under TAG_BITS more
 * bits of the deletion hash. A bucket holds about 8 entries (b grows with the list, up to 16): a hash keeps b + 11
 * of its 32 bits, which lets through about 4 words in 1,000 lookups that a whole hash would not. Each is verified
 * like any candidate, so the candidates found are the same, for half the memory of (hash, id) pairs as doubles
 * (2.5 MB rather than 4.6 MB with 50,000 terms), and a short list's directory stays small.
 */
export type FuzzyEntries = Uint32Array;

/** Bucket bits for `n` entries: about 8 entries a bucket. */
function bucketBits(n: number): number {
  let b = MIN_BUCKET_BITS;
  while (b < MAX_BUCKET_BITS && 2 ** b * 8 < n) b++;
  return b;
}

function tagOf(hash: number, bits: number): number {
  return (hash >>> (32 - bits - TAG_BITS)) & TAG_MASK;
}

/**
 * Where each fuzzy word is used, flat: the uses of word `id` are [start[id], start[id + 1]), each a term,
 * an acceptable form of it and the word's index in that form.
 */
export interface WordUses {
  start: Int32Array;
  term: Int32Array;
  form: Int16Array;
  word: Uint8Array;
}

/**
 * Longer words are never fuzzy-matched. The deletion neighbourhood of a word grows with the square of its
 * length (and its strings with the length again), so one 5 MB "word" (a data URI, a minified blob) would
 * otherwise exhaust memory; no real term word comes near this.
 */
export const MAX_FUZZY_WORD_LENGTH = 40;

/** Allowed edits for a word of this length: short words are never fuzzy-matched on their own. */
export function maxDistance(length: number): number {
  if (length < 4) return 0;
  return length >= 9 ? 2 : 1;
}

/**
 * Hashes of `word` and of every string left after deleting up to `depth` (1 or 2) of its characters (none from
 * strings of two characters or fewer), sorted, each once. Equal to hashing each distinct deletion string, without
 * building the strings: the index is built from a few hundred thousand of them.
 */
export function deletionHashes(word: string, depth: number): Float64Array {
  const n = word.length;
  const out: number[] = [fnv1aWithout(word, -1, -1)];
  if (depth > 0 && n > 2) {
    for (let i = 0; i < n; i++) {
      out.push(fnv1aWithout(word, i, -1));
      if (depth > 1 && n - 1 > 2) for (let j = i + 1; j < n; j++) out.push(fnv1aWithout(word, i, j));
    }
  }
  return sortedUnique(out);
}

/** `values` sorted ascending, each once. */
export function sortedUnique(values: readonly number[]): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let w = 0;
  for (let i = 0; i < sorted.length; i++) if (w === 0 || sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i]!;
  return sorted.subarray(0, w);
}

/** Optimal string alignment distance (adjacent transpositions count 1); returns max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

export interface FuzzyCandidate {
  id: number;
  word: string;
  distance: number;
}

/**
 * At most this many (hash, word) entries (4 bytes each). A hostile or huge term list (100,000 entries of long
 * words) would otherwise need gigabytes, and past ~100 million entries V8 aborts the process outright.
 */
export const MAX_FUZZY_ENTRIES = 4_000_000;

/** Upper bound of the index entries `word` needs: itself and its deletions within its allowed distance. */
export function fuzzyCost(word: string): number {
  const d = maxDistance(word.length);
  if (d === 0 || word.length > MAX_FUZZY_WORD_LENGTH) return 0;
  const n = word.length;
  return d === 1 ? 1 + n : 1 + n + (n * (n - 1)) / 2;
}

/** How many of `words`, in order, fit in the index (the rest are never fuzzy-matched). */
export function fuzzyCapacity(words: readonly string[]): number {
  let total = 0;
  for (let id = 0; id < words.length && id < ID_BITS; id++) {
    total += fuzzyCost(words[id]!);
    if (total > MAX_FUZZY_ENTRIES) return id;
  }
  return Math.min(words.length, ID_BITS);
}

/** Words between two pauses of `fuzzyEntriesInSteps`: about a millisecond of hashing. */
const WORDS_PER_STEP = 256;

/**
 * The index entries over `words` (FuzzyEntries), yielding after each slice of words so that a caller can spread
 * the work over turns of its event loop (the language server after a term-list change); `new FuzzyIndex(words)`
 * runs it in one go. The hashes are made once, then placed by bucket (word by word: each bucket in word order).
 */
export function* fuzzyEntriesInSteps(words: readonly string[]): Generator<void, FuzzyEntries, void> {
  const indexed = fuzzyCapacity(words);
  let capacity = 0;
  for (let id = 0; id < indexed; id++) capacity += fuzzyCost(words[id]!);
  const hashes = new Uint32Array(capacity);
  /** Word `id`'s hashes are [ends[id - 1], ends[id]). */
  const ends = new Int32Array(indexed);
  let n = 0;
  for (let id = 0; id < indexed; id++) {
    if (id % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
    const w = words[id]!;
    const d = maxDistance(w.length);
    if (d !== 0 && w.length <= MAX_FUZZY_WORD_LENGTH) for (const h of deletionHashes(w, d)) hashes[n++] = h;
    ends[id] = n;
  }
  yield;
  const bits = bucketBits(n);
  const buckets = 2 ** bits;
  const shift = 32 - bits;
  // [bits, the buckets' starts (buckets + 1), the entries]
  const base = 2 + buckets;
  const index = new Uint32Array(base + n);
  index[0] = bits;
  for (let i = 0; i < n; i++) index[2 + (hashes[i]! >>> shift)]!++;
  for (let b = 2; b < base; b++) index[b]! += index[b - 1]!;
  // Filled from each bucket's start, which moves on.
  const next = index.slice(1, 1 + buckets);
  for (let id = 0, i = 0; id < indexed; id++) {
    for (const end = ends[id]!; i < end; i++) {
      const h = hashes[i]!;
      index[base + next[h >>> shift]!++] = ((tagOf(h, bits) << ID_SHIFT) | id) >>> 0;
    }
  }
  return index;
}

/** Where `index` is not FuzzyEntries over `words` words (a damaged cache): what is wrong, else undefined. */
export function fuzzyEntriesProblem(index: Uint32Array, words: number): string | undefined {
  const bits = index[0] ?? 0;
  if (bits < MIN_BUCKET_BITS || bits > MAX_BUCKET_BITS) return 'bucket bits';
  const base = 2 + 2 ** bits;
  if (index.length < base || index[1] !== 0 || index[base - 1] !== index.length - base) return 'bucket starts';
  for (let b = 2; b < base; b++) if (index[b]! < index[b - 1]!) return 'bucket starts';
  for (let i = base; i < index.length; i++) if ((index[i]! & (ID_BITS - 1)) >= words) return `entry ${i - base}`;
  return undefined;
}

export class FuzzyIndex {
  private readonly entries: FuzzyEntries;
  /** Words left out because the index was full (see MAX_FUZZY_ENTRIES). */
  readonly skipped: number;

  /** `entries`: made by `fuzzyEntriesInSteps(words)` beforehand (else made here, in one go). */
  constructor(
    readonly words: readonly string[],
    entries?: FuzzyEntries,
  ) {
    this.skipped = words.length - fuzzyCapacity(words);
    if (!entries) {
      const steps = fuzzyEntriesInSteps(words);
      let r = steps.next();
      while (!r.done) r = steps.next();
      entries = r.value;
    }
    this.entries = entries;
  }

  /** Entries in the index. */
  get size(): number {
    return this.entries.length - (2 + 2 ** this.entries[0]!);
  }

  /** Indexed words within their allowed distance of `query` (lower case), nearest first. */
  lookup(query: string): FuzzyCandidate[] {
    // Within two edits of an indexed word, or nothing.
    if (query.length < 4 || query.length > MAX_FUZZY_WORD_LENGTH + 2) return [];
    const ids = new Set<number>();
    const entries = this.entries;
    const bits = entries[0]!;
    const shift = 32 - bits;
    const base = 2 + 2 ** bits;
    for (const h of deletionHashes(query, query.length >= 7 ? 2 : 1)) {
      const bucket = h >>> shift;
      const tag = tagOf(h, bits);
      for (let i = base + entries[1 + bucket]!, end = base + entries[2 + bucket]!; i < end; i++) {
        const e = entries[i]!;
        if (e >>> ID_SHIFT === tag) ids.add(e & (ID_BITS - 1));
      }
    }
    const out: FuzzyCandidate[] = [];
    for (const id of ids) {
      const word = this.words[id]!;
      if (word === query) continue;
      const max = maxDistance(word.length);
      const distance = editDistance(query, word, max);
      if (distance <= max) out.push({ id, word, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || byWord(a.word, b.word));
  }
}

const LOWER_ASCII = /^[a-z]*$/;

/**
 * Candidates as near as each other in `localeCompare`'s order, which for two words of the letters a to z only (as
 * nearly all term words are, lower-cased) is the order of their code units: compared so, no collator is made. The
 * collator (ICU's, made at the first `localeCompare`) brings about 2 MB of the runtime's data into memory.
 */
export function byWord(a: string, b: string): number {
  if (LOWER_ASCII.test(a) && LOWER_ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
