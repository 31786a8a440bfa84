/**
 * Look-alikes a term list declares are not variants of a term (`"notVariants": ["Nanshan"]` on "Nansha"): a
 * span written as one is no use of the term at all, neither a finding nor a use that counts for consistency.
 * Compared as the `ignore` list compares (case and runs of white space aside).
 */
import { normalizeIgnored } from '../compile';
import type { Term } from '../types';

const sets = new WeakMap<Term, ReadonlySet<string>>();

/** Whether `written` is one of the look-alikes `term` says are not its variants. */
export function isLookAlike(term: Term, written: string): boolean {
  const list = term.notVariants;
  if (!list) return false;
  let set = sets.get(term);
  if (!set) sets.set(term, (set = new Set(list.map(normalizeIgnored))));
  return set.has(normalizeIgnored(written));
}
