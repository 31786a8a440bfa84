/**
 * Guard for fuzzy matching: an ordinary English word is never reported as a misspelling of a term
 * ("macro" is not "Macao"). The word list is the maintained `an-array-of-english-words` package,
 * loaded on first use so runs that never fuzzy-match never pay for it.
 */

let words: Set<string> | undefined;

function load(): Set<string> {
  const list = require('an-array-of-english-words') as string[];
  return new Set(list);
}

/** True when `word` (any case) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  if (!words) words = load();
  if (words.has(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && words.has(lower);
}
