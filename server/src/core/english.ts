/**
 * Guard for fuzzy matching: an ordinary English word is never reported as a misspelling of a term
 * ("macro" is not "Macao"). The word list is the maintained `an-array-of-english-words` package,
 * loaded on first use so runs that never fuzzy-match never pay for it.
 *
 * The list is sorted and lower-case, so lookups binary-search the array as loaded: turning 275,000 words into
 * a Set took as long as parsing them, and a one-shot CLI run pays for every millisecond of loading.
 */

let words: readonly string[] | undefined;
let fallback: Set<string> | undefined;

function load(): readonly string[] {
  const list = require('an-array-of-english-words') as string[];
  for (let i = 1; i < list.length; i++) {
    if (!(list[i - 1]! < list[i]!)) {
      // Not sorted (another version of the package): look words up the slow way.
      fallback = new Set(list);
      break;
    }
  }
  return list;
}

function has(word: string): boolean {
  if (fallback) return fallback.has(word);
  const list = words!;
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
}

/** True when `word` (any case) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  if (!words) words = load();
  if (has(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && has(lower);
}
