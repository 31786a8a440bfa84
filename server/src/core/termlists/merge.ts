/**
 * Several lists in force (the bundled one, a team's, the workspace's) may define the same concept. Nothing a
 * list says is dropped without it saying so: the later entry's forms are added to the earlier ones, the later
 * list deciding wherever the two disagree (its approved form wins, and the earlier approved form stays as an
 * admitted one unless the later list forbids it; a form one list admits and the other forbids takes the later
 * list's word). An entry with `"replace": true` replaces what came before on purpose. Each merged concept
 * records what every list contributed (`Term.contributions`), for the hover and `termlint --explain`.
 *
 * Two entries are one concept when they share an `id`, or when one's approved form is a spelling (approved,
 * admitted or forbidden, the same once case, spaces and hyphens are ignored) of the other in the same language.
 * Entries that only share an admitted or forbidden spelling stay two concepts: the later one takes that
 * spelling over, as compileTerms reports.
 */
import { contributionOf, contributionsOf, copyConceptFields, formsIn, languagesOf } from '../concepts';
import { isEnglish } from '../languages/tags';
import type { FormDetail, LanguageForms, Term, TermException, TermList } from '../types';
import { NO_FORMS, NO_TRANSLATIONS, normalizePhrase } from './builder';
import { collisionKey } from './validation';

export interface MergedConcepts {
  /** The concepts in force, in the order of the lists (a merged concept takes the place of its later entry). */
  terms: Term[];
  /** What merging did, one line per merged or replaced concept. */
  notes: string[];
}

/** Every spelling of a concept, as `lang\0key`, with whether it is an approved form. */
function keysOf(term: Term): { key: string; approved: boolean }[] {
  const out: { key: string; approved: boolean }[] = [];
  for (const lang of languagesOf(term)) {
    const f = formsIn(term, lang)!;
    out.push({ key: `${lang}\u0000${collisionKey(f.approved, lang)}`, approved: true });
    for (const t of f.admitted) out.push({ key: `${lang}\u0000${collisionKey(t, lang)}`, approved: false });
    for (const t of f.forbidden) out.push({ key: `${lang}\u0000${collisionKey(t, lang)}`, approved: false });
  }
  return out;
}

function fileOf(term: Term): string {
  return term.origin?.file ?? 'an earlier list';
}

export function mergeLists(lists: readonly TermList[]): MergedConcepts {
  const nonEmpty = lists.filter((l) => l.terms.length > 0);
  // One list (nearly every CLI run with --no-default-terms, every file on its own) has nothing to merge.
  if (nonEmpty.length <= 1) return { terms: nonEmpty[0]?.terms.slice() ?? [], notes: [] };

  const slots: (Term | undefined)[] = [];
  const owner = new Map<string, number>();
  const approvedKeys = new Map<number, Set<string>>();
  const byId = new Map<string, number>();
  const notes: string[] = [];

  const place = (term: Term): void => {
    const slot = slots.length;
    slots.push(term);
    const approved = new Set<string>();
    for (const { key, approved: isApproved } of keysOf(term)) {
      owner.set(key, slot);
      if (isApproved) approved.add(key);
    }
    approvedKeys.set(slot, approved);
    if (term.conceptId !== undefined) byId.set(term.conceptId, slot);
  };
  const remove = (slot: number): void => {
    const old = slots[slot]!;
    for (const { key } of keysOf(old)) if (owner.get(key) === slot) owner.delete(key);
    if (old.conceptId !== undefined && byId.get(old.conceptId) === slot) byId.delete(old.conceptId);
    approvedKeys.delete(slot);
    slots[slot] = undefined;
  };

  for (const list of nonEmpty) {
    for (const term of list.terms) {
      const slot = sameConcept(term, keysOf(term), owner, approvedKeys, byId);
      if (slot === undefined) {
        place(term);
        continue;
      }
      const earlier = slots[slot]!;
      remove(slot);
      if (term.replace) {
        const replaced: Term = { ...term, contributions: [...contributionsOf(earlier), contributionOf(term)] };
        notes.push(`"${term.id}" from ${fileOf(term)} replaces the entry from ${fileOf(earlier)} ("replace": true)`);
        place(replaced);
      } else {
        notes.push(`"${term.id}" from ${fileOf(term)} adds to the entry from ${fileOf(earlier)}`);
        place(mergeTerms(earlier, term));
      }
    }
  }
  return { terms: slots.filter((t): t is Term => t !== undefined), notes };
}

/** The slot of the concept `term` belongs to: by id, by its approved forms, or by an earlier approved form it spells. */
function sameConcept(term: Term, keys: { key: string; approved: boolean }[], owner: Map<string, number>, approvedKeys: Map<number, Set<string>>, byId: Map<string, number>): number | undefined {
  if (term.conceptId !== undefined) {
    const slot = byId.get(term.conceptId);
    if (slot !== undefined) return slot;
  }
  for (const { key, approved } of keys) {
    if (!approved) continue;
    const slot = owner.get(key);
    if (slot !== undefined) return slot;
  }
  for (const { key, approved } of keys) {
    if (approved) continue;
    const slot = owner.get(key);
    if (slot !== undefined && approvedKeys.get(slot)?.has(key)) return slot;
  }
  return undefined;
}

/** One language's forms of two entries, the later deciding where they disagree. */
function mergeForms(earlier: LanguageForms, later: LanguageForms, lang: string): LanguageForms {
  const key = (t: string) => collisionKey(t, lang);
  // The later list's word on each spelling, by key.
  const laterStatus = new Map<string, 'approved' | 'admitted' | 'forbidden'>();
  laterStatus.set(key(later.approved), 'approved');
  for (const t of later.admitted) laterStatus.set(key(t), 'admitted');
  for (const t of later.forbidden) laterStatus.set(key(t), 'forbidden');
  const seen = new Set<string>([key(later.approved)]);
  const admitted: string[] = [];
  const forbidden: string[] = [];
  const add = (text: string, status: 'admitted' | 'forbidden'): void => {
    const k = key(text);
    if (seen.has(k)) return;
    seen.add(k);
    const final = laterStatus.get(k) ?? status;
    if (final === 'admitted') admitted.push(text);
    else if (final === 'forbidden') forbidden.push(text);
  };
  // The earlier forms first (the later list's text where both spell one key), then what the later list adds.
  const laterText = new Map<string, string>();
  for (const t of [...later.admitted, ...later.forbidden]) laterText.set(key(t), t);
  const spelled = (t: string) => laterText.get(key(t)) ?? t;
  add(spelled(earlier.approved), 'admitted');
  for (const t of earlier.admitted) add(spelled(t), 'admitted');
  for (const t of earlier.forbidden) add(spelled(t), 'forbidden');
  for (const t of later.admitted) add(t, 'admitted');
  for (const t of later.forbidden) add(t, 'forbidden');
  const forms: LanguageForms = { approved: later.approved, admitted: admitted.length ? admitted : NO_FORMS, forbidden: forbidden.length ? forbidden : NO_FORMS };
  const details = mergeDetails(earlier.details, later.details, [later.approved, ...admitted, ...forbidden]);
  if (details) forms.details = details;
  return forms;
}

function mergeDetails(a: LanguageForms['details'], b: LanguageForms['details'], texts: readonly string[]): Record<string, FormDetail> | undefined {
  if (!a && !b) return undefined;
  let out: Record<string, FormDetail> | undefined;
  for (const t of texts) {
    const d = b?.[t] ?? a?.[t];
    if (d) (out ??= {})[t] = d;
  }
  return out;
}

/** Two entries of one concept as one Term, in the later entry's language (see the module comment). */
export function mergeTerms(earlier: Term, later: Term): Term {
  const langs = languagesOf(earlier);
  for (const l of languagesOf(later)) if (!langs.includes(l)) langs.push(l);
  const merged = new Map<string, LanguageForms>();
  for (const lang of langs) {
    const a = formsIn(earlier, lang);
    const b = formsIn(later, lang);
    merged.set(lang, a && b ? mergeForms(a, b, lang) : (b ?? a)!);
  }
  const own = later.lang ?? 'en';
  const mine = merged.get(own)!;
  const term: Term = {
    id: mine.approved,
    term: mine.approved,
    admitted: mine.admitted as string[],
    forbidden: mine.forbidden as string[],
    caseSensitive: later.caseSensitive,
    translations: NO_TRANSLATIONS,
  };
  copyConceptFields(earlier, term);
  copyConceptFields(later, term);
  delete term.replace;
  // Both notes stay: the later one may be a proposal's evidence, the earlier a curated usage note.
  if (earlier.note !== undefined && later.note !== undefined && earlier.note !== later.note) term.note = `${earlier.note}\n${later.note}`;
  if (!isEnglish(own)) term.lang = own;
  if (mine.details) term.details = mine.details;
  const translations: Record<string, string> = {};
  const languages: Record<string, LanguageForms> = {};
  for (const [lang, forms] of merged) {
    if (lang === own) continue;
    translations[lang] = forms.approved;
    if (forms.admitted.length > 0 || forms.forbidden.length > 0 || forms.details) languages[lang] = forms;
  }
  if (Object.keys(translations).length > 0) term.translations = translations;
  if (Object.keys(languages).length > 0) term.languages = languages;
  const exceptions = mergeExceptions(earlier.exceptions, later.exceptions);
  if (exceptions) term.exceptions = exceptions;
  term.contributions = [...contributionsOf(earlier), contributionOf(later)];
  return term;
}

function mergeExceptions(a: readonly TermException[] | undefined, b: readonly TermException[] | undefined): TermException[] | undefined {
  if (!a && !b) return undefined;
  const out: TermException[] = [];
  const seen = new Set<string>();
  for (const e of [...(b ?? []), ...(a ?? [])]) {
    const k = normalizePhrase(e.phrase);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  // The earlier list's phrases first, as the lists give them.
  const order = new Map<string, number>();
  [...(a ?? []), ...(b ?? [])].forEach((e, i) => {
    const k = normalizePhrase(e.phrase);
    if (!order.has(k)) order.set(k, i);
  });
  return out.sort((x, y) => order.get(normalizePhrase(x.phrase))! - order.get(normalizePhrase(y.phrase))!);
}
