/**
 * A proposal set against the lists already in force, so that saving it never weakens them. Each proposed
 * term is linted as a phrase with the active terms:
 *
 *   new       no active term reads it: proposed as it is;
 *   known     it is an acceptable form of an active term, and every form it lists is one the active term
 *             already has or already catches: left out (the merge would add nothing);
 *   adds      it is an active term with forms the term does not catch yet: proposed as that term with only
 *             the new forms (merged, they are added to it);
 *   conflict  the active lists read it as a variant, a misspelling or a forbidden form of one of their terms
 *             ("Shenzen" for "Shenzhen", "Macau" for "Macao"), or it would forbid one of their acceptable
 *             forms: left out, so the list never approves what the lists in force correct.
 */
import type { CompiledTerms } from '../compile';
import { lintText } from '../lint';
import { hasUpperCase } from '../text';
import type { Term } from '../types';
import type { ExtractedTerm, ExtractionResult, ProposedTerm } from './types';

export type ProposalStatus = 'new' | 'known' | 'adds' | 'conflict';

export interface ProposalVerdict {
  status: ProposalStatus;
  /** The active term it is, or conflicts with. */
  term?: Term;
  /** For `adds`: the forms the active term does not catch yet. */
  admitted?: string[];
  forbidden?: string[];
  /** For `conflict`: why, in a few words. */
  reason?: string;
}

/** How the active lists read `form` written on its own: as a use of a term, a finding of one, or nothing. */
function readAs(form: string, compiled: CompiledTerms): { termId: string; kind: string; ok: boolean } | undefined {
  const r = lintText(form, compiled, { format: 'plaintext', consistency: false });
  const whole = (s: { start: number; end: number }) => s.start === 0 && s.end === form.length;
  const finding = r.findings.find(whole);
  if (finding) return { termId: finding.termId, kind: finding.kind, ok: false };
  const use = r.occurrences.find(whole);
  return use ? { termId: use.termId, kind: 'ok', ok: true } : undefined;
}

export function checkAgainstLists(result: ExtractionResult, compiled: CompiledTerms): ProposalVerdict[] {
  return result.terms.map((t) => verdict(t.entry, compiled));
}

function verdict(entry: ProposedTerm, compiled: CompiledTerms): ProposalVerdict {
  const approved = readAs(entry.term, compiled);
  if (!approved) return { status: 'new' };
  const term = compiled.terms.get(approved.termId);
  if (!term) return { status: 'new' };
  if (!approved.ok) {
    const as = approved.kind === 'forbidden' ? 'a forbidden form' : approved.kind === 'misspelling' ? 'a misspelling' : `a ${approved.kind} variant`;
    return { status: 'conflict', term, reason: `the active lists read "${entry.term}" as ${as} of "${term.term}"` };
  }
  const admitted: string[] = [];
  const forbidden: string[] = [];
  for (const [kind, forms] of [
    ['admitted', entry.admitted],
    ['forbidden', entry.forbidden],
  ] as const) {
    for (const form of forms) {
      const read = readAs(form, compiled);
      if (!read) {
        (kind === 'admitted' ? admitted : forbidden).push(form);
        continue;
      }
      // Already caught as a variant of this term, or already acceptable for it (and proposed as acceptable).
      if (read.termId === term.id && (!read.ok || kind === 'admitted')) continue;
      const other = compiled.terms.get(read.termId)?.term ?? read.termId;
      return { status: 'conflict', term, reason: read.ok ? `it would forbid "${form}", an acceptable form of "${other}"` : `the active lists read "${form}" as a spelling of "${other}"` };
    }
  }
  return admitted.length + forbidden.length === 0 ? { status: 'known', term } : { status: 'adds', term, admitted, forbidden };
}

/** Where a term is, as `file:line` (the entry a merge would add to). */
export function whereIs(term: Term): string {
  return term.origin ? `${term.origin.file}:${term.origin.line + 1}` : 'an active list';
}

/**
 * The result with only what may be written: new terms as proposed, terms that add forms as the active term
 * with those forms (its note says so); known and conflicting ones left out.
 */
export function keepWhatAdds(result: ExtractionResult, verdicts: readonly ProposalVerdict[]): ExtractionResult {
  const terms: ExtractedTerm[] = [];
  result.terms.forEach((t, i) => {
    const v = verdicts[i]!;
    if (v.status === 'new') terms.push(t);
    else if (v.status === 'adds') {
      const entry: ProposedTerm = {
        term: v.term!.term,
        admitted: v.admitted ?? [],
        forbidden: v.forbidden ?? [],
        note: `${t.entry.note} Adds to "${v.term!.term}" in ${whereIs(v.term!)}.`,
      };
      // Merged, the later entry's case rule wins: keep the active term's.
      if (v.term!.caseSensitive !== hasUpperCase(v.term!.term)) entry.caseSensitive = v.term!.caseSensitive;
      terms.push({ ...t, entry });
    }
  });
  return { ...result, terms };
}
