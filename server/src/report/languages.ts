/**
 * A term in other languages, as the report shows it. Today a term carries `translations` (`{ "zh-Hans":
 * "新质生产力" }`); when term lists hold concepts with forms per language, this is the one function to change.
 */
import type { Term } from '../core/types';

export function otherLanguages(term: Term): { lang: string; text: string }[] {
  return Object.entries(term.translations)
    .map(([lang, text]) => ({ lang, text }))
    .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
}
