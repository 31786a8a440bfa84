/**
 * English vocabulary for the variant check (core/consistency/): which spaced pairs are grammar rather than a
 * compound written apart, which hyphens tell two words apart, which capitals belong to the word, and the
 * British/American spellings (languages/dialects.ts).
 */
import { englishDialects } from './dialects';
import type { VariantVocabulary } from './language';

/**
 * Grammar words. A spaced pair that starts or ends with one reads as a phrase of its own, whose joined form is
 * another word: "every day" / "everyday", "may be" / "maybe", "any one" / "anyone", "in to" / "into" (a
 * determiner, modal or preposition first), "set up" / "setup", "log in" / "login", "break down" / "breakdown"
 * (a verb and its particle: the joined form is the noun). Such pairs are never variants of each other, nor of
 * the hyphenated form ("follow up" the verb, "follow-up" the noun).
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // articles, determiners, quantifiers
  'a', 'an', 'the', 'every', 'any', 'some', 'no', 'each', 'all', 'this', 'that', 'these', 'those', 'another', 'either',
  'neither', 'such', 'what', 'which', 'whose', 'much', 'many', 'more', 'most', 'few', 'several', 'both', 'other',
  // pronouns
  'i', 'me', 'my', 'mine', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'we', 'us', 'our', 'they',
  'them', 'their', 'one', 'who', 'whom', 'where', 'how', 'there', 'here', 'then',
  'ever', 'never', 'now', 'else', 'even', 'when', 'why', 'whether',
  // prepositions and particles
  'in', 'on', 'at', 'to', 'into', 'onto', 'up', 'down', 'out', 'off', 'over', 'under', 'with', 'within', 'without',
  'by', 'for', 'from', 'of', 'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'before',
  'behind', 'below', 'beneath', 'beside', 'between', 'beyond', 'during', 'except', 'inside', 'outside', 'near',
  'past', 'per', 'since', 'through', 'throughout', 'toward', 'towards', 'upon', 'via', 'back', 'away', 'apart',
  'forth', 'together', 'aside', 'ahead', 'round',
  // conjunctions
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'as', 'than', 'because', 'while', 'though', 'although',
  // auxiliaries and modals
  'be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'do', 'does', 'did', 'can', 'could',
  'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'not',
]);

/**
 * Joined words whose hyphenated form is another word: "re-sign" (sign again) is not "resign", "re-cover" is not
 * "recover", "co-op" is not "coop". Each stands for its inflections too ("re-signed" / "resigned").
 */
const HYPHEN_KEEPS_APART: ReadonlySet<string> = new Set([
  'resign', 'recover', 'reform', 'recreate', 'recreation', 'repress', 'retreat', 'release', 'resent', 'remark',
  'recount', 'recollect', 'represent', 'reserve', 'resolve', 'react', 'refuse', 'repose', 'redress', 'retire',
  'relay', 'research', 'resort', 'restrain', 'reprove', 'recede', 'coop', 'unionized', 'unionised',
]);
const INFLECTIONS = ['', 's', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'ation', 'ations', 'ment', 'ments'];

/**
 * Names whose capital is part of the word, never a style choice: "in May" is not "may", "March" is not
 * "march". Days and months (the ones that are also ordinary words need it; the rest cost nothing).
 */
const ALWAYS_CAPITALISED: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

export const englishVariants: VariantVocabulary = {
  isFunctionWord: (lower) => FUNCTION_WORDS.has(lower),
  functionWords: [...FUNCTION_WORDS],
  hyphenKeepsApart(joined) {
    for (const suffix of INFLECTIONS) {
      if (suffix.length >= joined.length || !joined.endsWith(suffix)) continue;
      const stem = joined.slice(0, joined.length - suffix.length);
      if (HYPHEN_KEEPS_APART.has(stem) || (suffix !== '' && HYPHEN_KEEPS_APART.has(stem + 'e'))) return true;
    }
    return false;
  },
  isAlwaysCapitalised: (lower) => ALWAYS_CAPITALISED.has(lower),
  dialects: englishDialects,
};
