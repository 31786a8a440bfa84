/**
 * Romanised names of China, for the misspelling pass: a word that is itself a known place ("Nanshan", a
 * district of Shenzhen, one letter from "Nansha") is never a misspelling of a term, and neither is a pinyin
 * given name after a surname ("Wang Zhiping" is another person than "Wang Zhiming"). The data is derived from
 * maintained packages (deriveChinaNames.ts) and loaded on first need.
 */

interface ChinaNames {
  places: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  syllables: ReadonlySet<string>;
  longestSyllable: number;
}

let names: ChinaNames | undefined;

function load(): ChinaNames {
  // The bundles replace this module with a reader of dist/china-names.json (scripts/bundle.mjs).
  const { deriveChinaNames } = require('./deriveChinaNames') as typeof import('./deriveChinaNames');
  const data = deriveChinaNames();
  return {
    places: new Set(data.places),
    surnames: new Set(data.surnames),
    syllables: new Set(data.syllables),
    longestSyllable: Math.max(...data.syllables.map((s) => s.length)),
  };
}

function get(): ChinaNames {
  return (names ??= load());
}

/** Whether `word` (lower case) is the pinyin name of a province, city or county-level division of China. */
export function isChinaPlace(word: string): boolean {
  return get().places.has(word);
}

/** Whether `word` (lower case) is a Chinese surname in pinyin. */
export function isChineseSurname(word: string): boolean {
  return get().surnames.has(word);
}

/** How many pinyin syllables `word` (lower case) is made of, or 0 when it is not pinyin. */
export function pinyinSyllables(word: string): number {
  const { syllables, longestSyllable } = get();
  // Fewest syllables covering word[0, i), or Infinity.
  const best = new Array<number>(word.length + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < word.length; i++) {
    if (best[i] === Infinity) continue;
    for (let n = 1; n <= longestSyllable && i + n <= word.length; n++) {
      if (syllables.has(word.slice(i, i + n)) && best[i]! + 1 < best[i + n]!) best[i + n] = best[i]! + 1;
    }
  }
  return best[word.length] === Infinity ? 0 : best[word.length]!;
}

/**
 * Whether `given` (lower case), written after `surname`, reads as a Chinese given name in pinyin: the surname
 * is one, and the given name is two or three syllables run together ("zhiping"), as English writes them.
 */
export function isPinyinGivenName(surname: string, given: string): boolean {
  if (!isChineseSurname(surname)) return false;
  const n = pinyinSyllables(given);
  return n >= 2 && n <= 3;
}
