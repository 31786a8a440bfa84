/**
 * Near-miss lookup for misspellings ("Shenzen" → "Shenzhen") by symmetric deletion: every term word is
 * indexed with the strings left after deleting up to its allowed number of letters, and a query looks up its
 * own deletions. The index is a sorted Float64Array of (hash, word id) pairs, so it costs a few bytes per
 * entry instead of a Map of strings; candidates are verified with the real edit distance.
 */

const ID_BITS = 2 ** 21;

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

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function deletions(word: string, depth: number, out: Set<string>): void {
  out.add(word);
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) deletions(d, depth - 1, out);
  }
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
 * At most this many (hash, word) entries (8 bytes each). A hostile or huge term list (100,000 entries of long
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

export class FuzzyIndex {
  private readonly entries: Float64Array;
  /** Words left out because the index was full (see MAX_FUZZY_ENTRIES). */
  readonly skipped: number;

  constructor(readonly words: readonly string[]) {
    const packed: number[] = [];
    const variants = new Set<string>();
    const indexed = fuzzyCapacity(words);
    this.skipped = words.length - indexed;
    for (let id = 0; id < indexed; id++) {
      const w = words[id]!;
      const d = maxDistance(w.length);
      if (d === 0 || w.length > MAX_FUZZY_WORD_LENGTH) continue;
      variants.clear();
      deletions(w, d, variants);
      for (const v of variants) packed.push(hash(v) * ID_BITS + id);
    }
    this.entries = Float64Array.from(packed).sort();
  }

  get size(): number {
    return this.entries.length;
  }

  /** Indexed words within their allowed distance of `query` (lower case), nearest first. */
  lookup(query: string): FuzzyCandidate[] {
    // Within two edits of an indexed word, or nothing.
    if (query.length < 4 || query.length > MAX_FUZZY_WORD_LENGTH + 2) return [];
    const variants = new Set<string>();
    deletions(query, query.length >= 7 ? 2 : 1, variants);
    const ids = new Set<number>();
    const entries = this.entries;
    for (const v of variants) {
      const base = hash(v) * ID_BITS;
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (entries[mid]! < base) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < entries.length && entries[i]! < base + ID_BITS; i++) ids.add(entries[i]! - base);
    }
    const out: FuzzyCandidate[] = [];
    for (const id of ids) {
      const word = this.words[id]!;
      if (word === query) continue;
      const max = maxDistance(word.length);
      const distance = editDistance(query, word, max);
      if (distance <= max) out.push({ id, word, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  }
}
