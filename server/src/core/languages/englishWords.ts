/**
 * The English word list behind `english.isWord` (languages/english.ts): an ordinary English word is never
 * reported as a misspelling of a term ("macro" is not "Macao"). The list is the maintained
 * `an-array-of-english-words` package, loaded on first use so runs that never fuzzy-match never pay for it.
 *
 * Lookups binary-search the sorted list as loaded, with no Set of 275,000 words: the package's array (tests,
 * tsc output), or the bundles' copy, a text file with a word a line (scripts/bundle.mjs) read as one Latin-1
 * string — no JSON to parse, no array of 275,000 strings to build — and searched in place.
 */
import { sortedIncludes } from '../search';

interface WordList {
  has(word: string): boolean;
}

let words: WordList | undefined;

/** A sorted array of words; a Set if it turns out not to be sorted (another version of the package). */
function arrayList(list: readonly string[]): WordList {
  for (let i = 1; i < list.length; i++) {
    if (!(list[i - 1]! < list[i]!)) {
      const set = new Set(list);
      return { has: (w) => set.has(w) };
    }
  }
  return { has: (word) => sortedIncludes(list, word) };
}

/** Entries a block: each block starts with a whole word, the others with what they share with the one before. */
const BLOCK = 16;
/** Shared lengths are written as the characters 0x01 + length (so one also separates entries): 0 to 30. */
const MAX_SHARED = 0x1e;

/**
 * Sorted words (by UTF-16 code unit, as `sort()` sorts them) front-coded into one string, the bundles' shipped
 * list: each entry is a control character, 0x01 plus the number of characters it shares with the entry before,
 * then the rest of the word; every BLOCK-th entry shares nothing. The 275,000 words take 1.0 MB so, against 2.8 MB
 * a word a line, searched in place all the same. Words must hold no character below 0x20.
 */
export function frontCode(sorted: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const w = sorted[i]!;
    if (i > 0 && !(sorted[i - 1]! < w)) throw new Error(`the word list is not sorted and distinct at ${JSON.stringify(w)}`);
    if (/[\x00-\x1f]/.test(w)) throw new Error(`a word holds a control character: ${JSON.stringify(w)}`);
    let shared = 0;
    if (i % BLOCK !== 0) {
      const before = sorted[i - 1]!;
      while (shared < MAX_SHARED && shared < before.length && shared < w.length && before.charCodeAt(shared) === w.charCodeAt(shared)) shared++;
    }
    parts.push(String.fromCharCode(1 + shared), w.slice(shared));
  }
  return parts.join('');
}

/**
 * A front-coded list (`frontCode`), searched in place: a binary search over the blocks' whole first words (their
 * offsets found in one pass at load, 17,000 of them), then along one block, comparing only the characters past
 * what the query shares with the entry before.
 */
export function frontCodedList(text: string): WordList {
  const heads: number[] = [];
  for (let i = 0, entry = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x20) {
      if (entry % BLOCK === 0) heads.push(i);
      entry++;
    }
  }
  const starts = Int32Array.from(heads);
  /** End of the entry whose marker is at `at`: the next marker, or the end of the text. */
  const endOf = (at: number): number => {
    let i = at + 1;
    while (i < text.length && text.charCodeAt(i) >= 0x20) i++;
    return i;
  };
  /** `word` against the whole word at marker `at`, as `<` orders strings: negative when the word there is less. */
  const compareHead = (at: number, word: string): number => {
    const end = endOf(at);
    const n = Math.min(end - at - 1, word.length);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(at + 1 + i) - word.charCodeAt(i);
      if (c !== 0) return c;
    }
    return end - at - 1 - word.length;
  };
  return {
    has(word) {
      // The last block whose first word is at most `word`.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareHead(starts[mid]!, word) <= 0) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return false;
      let at = starts[lo - 1]!;
      const stop = lo < starts.length ? starts[lo]! : text.length;
      // Each entry passed is less than the query; `matched` is what the query shares with the last one passed.
      let matched = 0;
      while (at < stop) {
        const shared = text.charCodeAt(at) - 1;
        const end = endOf(at);
        // An entry that shares more with the one before than the query does reads as that one where the query
        // parts from it: less than the query too. Otherwise its first `shared` characters are the query's.
        if (shared <= matched) {
          let i = at + 1;
          let k = shared;
          while (i < end && k < word.length && text.charCodeAt(i) === word.charCodeAt(k)) {
            i++;
            k++;
          }
          if (i === end && k === word.length) return true;
          // Greater than the query (the query ends first, or a greater character): so is every entry after it.
          if (k === word.length || (i < end && text.charCodeAt(i) > word.charCodeAt(k))) return false;
          matched = k;
        }
        at = end;
      }
      return false;
    },
  };
}

function load(): WordList {
  const data = require('an-array-of-english-words') as string[] | string;
  return typeof data === 'string' ? frontCodedList(data) : arrayList(data);
}

/** True when `word` (any case) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  if (!words) words = load();
  if (words.has(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && words.has(lower);
}
