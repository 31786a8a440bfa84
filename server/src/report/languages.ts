/**
 * A term in other languages, as the report shows it: the concept's approved form in each language besides the
 * one it is matched in (core/concepts.ts).
 */
import { formsIn, languagesOf, ownLanguage } from '../core/concepts';
import type { Term } from '../core/types';

export function otherLanguages(term: Term): { lang: string; text: string }[] {
  const own = ownLanguage(term);
  return languagesOf(term)
    .filter((lang) => lang !== own)
    .map((lang) => ({ lang, text: formsIn(term, lang)!.approved }))
    .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
}
