/**
 * Guard for fuzzy matching: an ordinary English word is never reported as a misspelling of a term
 * ("macro" is not "Macao"). The word list is the maintained `an-array-of-english-words` package,
 * loaded on first use so runs that never fuzzy-match never pay for it.
 *
 * Lookups binary-search the sorted list as loaded, with no Set of 275,000 words: the package's array (tests,
 * tsc output), or the bundles' copy, one JSON string with a word a line (scripts/bundle.mjs), which parses an
 * order of magnitude faster and is searched in place.
 */

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
  return {
    has(word) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const w = list[mid]!;
        if (w === word) return true;
        if (w < word) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/** Sorted words, one a line, in one string: line starts are indexed and compared in place. */
function stringList(text: string): WordList {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineStarts = Int32Array.from(starts);
  const count = lineStarts.length;
  /** Compares line `k` with `word` as `<` compares strings (by UTF-16 code unit). */
  const compare = (k: number, word: string): number => {
    const start = lineStarts[k]!;
    const end = k + 1 < count ? lineStarts[k + 1]! - 1 : text.length;
    const n = Math.min(end - start, word.length);
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(start + i) - word.charCodeAt(i);
      if (d !== 0) return d;
    }
    return end - start - word.length;
  };
  return {
    has(word) {
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = compare(mid, word);
        if (c === 0) return true;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
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
