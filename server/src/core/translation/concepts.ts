/**
 * Which concept a use of a term belongs to, whatever language matched it. The English matcher names a use by
 * its English approved form (`Occurrence.termId`), a matcher for another language by that language's; both
 * lead to the one merged concept (`CompiledTerms.concepts`), whose forms in the other language of the pair are
 * what the translation check asks for (`acceptableIn`).
 */
import type { CompiledTerms } from '../compile';
import { formsIn, languagesOf } from '../concepts';
import type { Term } from '../types';

const indexes = new WeakMap<CompiledTerms, Map<string, Term>>();

/** The concept a use's `termId` names, or undefined. Built once per compiled set of lists. */
export function conceptOf(compiled: CompiledTerms, termId: string): Term | undefined {
  let index = indexes.get(compiled);
  if (!index) {
    index = new Map();
    for (const c of compiled.concepts) {
      for (const lang of languagesOf(c)) {
        const approved = formsIn(c, lang)?.approved;
        if (approved !== undefined && !index.has(approved)) index.set(approved, c);
      }
    }
    indexes.set(compiled, index);
  }
  // A Chinese lint names a concept whose Chinese form is also an English term's id "澳门 (zh-Hans)"
  // (core/matching/hanTerms.ts): the form is what the index knows.
  return index.get(termId) ?? index.get(termId.replace(/ \(zh-Han[st]\)$/, ''));
}
