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
import { simpleKeyEnds } from '../forms';
import { collisionKey } from './validation';

export interface MergedConcepts {
  /** The concepts in force, in the order of the lists (a merged concept takes the place of its later entry). */
  terms: Term[];
  /** What merging did, one line per merged or replaced concept. */
  notes: string[];
}

/**
 * Calls `fn` with every spelling of a concept, as its key (English forms by their plain key, other languages'
 * prefixed with their tag), and whether it is an approved form. No arrays or objects per term: a 50,000-entry
 * list is keyed once per merge.
 */
function forEachKey(term: Term, fn: (key: string, approved: boolean) => void): void {
  const own = term.lang ?? 'en';
  const key = (text: string, lang: string) => (lang === 'en' ? collisionKey(text, lang) : `${lang}\u0000${collisionKey(text, lang)}`);
  fn(key(term.term, own), true);
  for (let i = 0; i < term.admitted.length; i++) fn(key(term.admitted[i]!, own), false);
  for (let i = 0; i < term.forbidden.length; i++) fn(key(term.forbidden[i]!, own), false);
  if (term.translations !== NO_TRANSLATIONS) for (const lang in term.translations) if (lang !== own) fn(key(term.translations[lang]!, lang), true);
  const languages = term.languages;
  if (languages) {
    for (const lang in languages) {
      const f = languages[lang]!;
      for (const t of f.admitted) fn(key(t, lang), false);
      for (const t of f.forbidden) fn(key(t, lang), false);
    }
  }
}

function fileOf(term: Term): string {
  return term.origin?.file ?? 'an earlier list';
}

export function mergeLists(lists: readonly TermList[]): MergedConcepts {
  const nonEmpty = lists.filter((l) => l.terms.length > 0);
  // One list (nearly every CLI run with --no-default-terms, every file on its own) has nothing to merge.
  if (nonEmpty.length <= 1) return { terms: nonEmpty[0]?.terms.slice() ?? [], notes: [] };

  const slots: (Term | undefined)[] = [];
  // Every spelling of the concepts so far, by key: which concept has it, and which has it as an approved form.
  const owner = new Map<string, number>();
  const approvedBy = new Map<string, number>();
  const byId = new Map<string, number>();
  // The first and last characters of those keys: most forms of a long later list are ruled out by them
  // before their key is made (simpleKeyEnds).
  const ends = new Set<number>();
  const notes: string[] = [];

  const place = (term: Term, keys: boolean): void => {
    const slot = slots.length;
    slots.push(term);
    if (term.conceptId !== undefined) byId.set(term.conceptId, slot);
    // The last list's own spellings are never looked up (no later list, and a list never repeats a spelling).
    if (!keys) return;
    forEachKey(term, (key, approved) => {
      owner.set(key, slot);
      if (approved) approvedBy.set(key, slot);
      ends.add(key.charCodeAt(0) * 65536 + key.charCodeAt(key.length - 1));
    });
  };
  const remove = (slot: number): void => {
    const old = slots[slot]!;
    forEachKey(old, (key) => {
      if (owner.get(key) === slot) owner.delete(key);
      if (approvedBy.get(key) === slot) approvedBy.delete(key);
    });
    if (old.conceptId !== undefined && byId.get(old.conceptId) === slot) byId.delete(old.conceptId);
    slots[slot] = undefined;
  };

  nonEmpty.forEach((list, n) => {
    const last = n === nonEmpty.length - 1;
    for (const term of list.terms) {
      const slot = sameConcept(term, owner, approvedBy, byId, ends);
      if (slot === undefined) {
        place(term, !last);
        continue;
      }
      const earlier = slots[slot]!;
      remove(slot);
      if (term.replace) {
        notes.push(`"${term.id}" from ${fileOf(term)} replaces the entry from ${fileOf(earlier)} ("replace": true)`);
        place({ ...term, contributions: [...contributionsOf(earlier), contributionOf(term)] }, true);
      } else {
        notes.push(`"${term.id}" from ${fileOf(term)} adds to the entry from ${fileOf(earlier)}`);
        place(mergeTerms(earlier, term), true);
      }
    }
  });
  return { terms: slots.filter((t): t is Term => t !== undefined), notes };
}

/** The slot of the concept `term` belongs to: by id, by its approved forms, or by an earlier approved form it spells. */
function sameConcept(term: Term, owner: Map<string, number>, approvedBy: Map<string, number>, byId: Map<string, number>, ends: Set<number>): number | undefined {
  if (term.conceptId !== undefined) {
    const slot = byId.get(term.conceptId);
    if (slot !== undefined) return slot;
  }
  // Nearly every entry of a long list is an English one with simple forms, none of them known yet.
  if (term.lang === undefined && term.translations === NO_TRANSLATIONS && !term.languages) {
    const unknown = (t: string) => {
      const e = simpleKeyEnds(t);
      return e >= 0 && !ends.has(e);
    };
    if (unknown(term.term) && term.admitted.every(unknown) && term.forbidden.every(unknown)) return undefined;
  }
  let found: number | undefined;
  let weak: number | undefined;
  forEachKey(term, (key, approved) => {
    if (found !== undefined) return;
    if (approved) found = owner.get(key);
    else weak ??= approvedBy.get(key);
  });
  return found ?? weak;
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
  // The language's short form: the later list's word on it, else the earlier's (a workspace list adding a form
  // keeps the shipped list's 大湾区).
  const abbreviation = later.abbreviation ?? earlier.abbreviation;
  if (abbreviation) forms.abbreviation = abbreviation;
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
    if (forms.admitted.length > 0 || forms.forbidden.length > 0 || forms.details || forms.abbreviation) languages[lang] = forms;
  }
  if (Object.keys(translations).length > 0) term.translations = translations;
  if (Object.keys(languages).length > 0) term.languages = languages;
  const exceptions = mergeExceptions(earlier.exceptions, later.exceptions);
  if (exceptions) term.exceptions = exceptions;
  // The later list says whether a compound is a modifier; look-alikes add up, as forms do.
  const modifier = later.modifier ?? earlier.modifier;
  if (modifier !== undefined) term.modifier = modifier;
  const lookAlikes = [...new Set([...(earlier.notVariants ?? []), ...(later.notVariants ?? [])])];
  if (lookAlikes.length > 0) term.notVariants = lookAlikes;
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
