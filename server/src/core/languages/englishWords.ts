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

/**
 * Sorted words, one a line, in one string, searched in place: a binary search over character offsets that
 * finds the line around each probe, so loading builds no index of 275,000 line starts.
 */
export function stringList(text: string): WordList {
  return {
    has(word) {
      // [lo, hi) holds whole lines: lo is a line start, hi a line start or one past the end of the text.
      let lo = 0;
      let hi = text.length + 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const start = mid === lo ? lo : text.lastIndexOf('\n', mid - 1) + 1;
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        // Compare the line with `word` as `<` compares strings (by UTF-16 code unit).
        const n = Math.min(end - start, word.length);
        let c = 0;
        for (let i = 0; i < n && c === 0; i++) c = text.charCodeAt(start + i) - word.charCodeAt(i);
        if (c === 0) c = end - start - word.length;
        if (c === 0) return true;
        if (c < 0) lo = end + 1;
        else hi = start;
      }
      return false;
    },
  };
}

function load(): WordList {
  const data = require('an-array-of-english-words') as string[] | string;
  return typeof data === 'string' ? stringList(data) : arrayList(data);
}

/** True when `word` (any case) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  if (!words) words = load();
  if (words.has(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && words.has(lower);
}
