/**
 * A term-list entry is a concept with forms in several languages (types.ts `Term`): its list's language
 * inline, the others in `translations` and `languages`. These are the questions asked of it in any language:
 * which forms it has there (`formsIn`: the translation check asks this of a concept for its target
 * language), the Term matching reads for a document in that language (`termIn`), every concept that has
 * forms in a language (`conceptsIn`: a language's matcher compiles these), and which lists said what
 * (`contributionsOf`).
 */
import { NO_FORMS, NO_TRANSLATIONS } from './termlists/builder';
import { hasUpperCase } from './text';
import type { Contribution, FormStatus, LanguageForms, Term } from './types';

/** The language of a term's inline forms. */
export function ownLanguage(term: Term): string {
  return term.lang ?? 'en';
}

/** Every language the concept has forms in: its own first, then the others as its list gives them. */
export function languagesOf(term: Term): string[] {
  const own = ownLanguage(term);
  const out = [own];
  for (const lang of Object.keys(term.translations)) if (lang !== own) out.push(lang);
  return out;
}

/** The concept's forms in `lang` (a normalized tag), or undefined when it has none there. */
export function formsIn(term: Term, lang: string): LanguageForms | undefined {
  if (lang === ownLanguage(term)) {
    const forms: LanguageForms = { approved: term.term, admitted: term.admitted, forbidden: term.forbidden };
    if (term.details) forms.details = term.details;
    return forms;
  }
  const full = term.languages?.[lang];
  if (full) return full;
  const approved = term.translations[lang];
  return approved === undefined ? undefined : { approved, admitted: NO_FORMS, forbidden: NO_FORMS };
}

/** The acceptable forms of the concept in `lang`, approved first (what a translation may use). */
export function acceptableIn(term: Term, lang: string): readonly string[] {
  const forms = formsIn(term, lang);
  return forms ? [forms.approved, ...forms.admitted] : NO_FORMS;
}

/**
 * The concept as matching in `lang` reads it: the term itself when `lang` is its own language, else a Term
 * with that language's forms inline and the others (its own included) as translations. Undefined when the
 * concept has no forms in `lang`.
 */
export function termIn(term: Term, lang: string): Term | undefined {
  const own = ownLanguage(term);
  if (lang === own) return term;
  const forms = formsIn(term, lang);
  if (!forms) return undefined;
  const translations: Record<string, string> = { [own]: term.term };
  for (const [l, text] of Object.entries(term.translations)) if (l !== lang) translations[l] = text;
  const languages: Record<string, LanguageForms> = {};
  const ownForms = formsIn(term, own)!;
  if (ownForms.admitted.length > 0 || ownForms.forbidden.length > 0 || ownForms.details) languages[own] = ownForms;
  for (const [l, f] of Object.entries(term.languages ?? {})) if (l !== lang) languages[l] = f;
  const out: Term = {
    id: forms.approved,
    term: forms.approved,
    admitted: forms.admitted as string[],
    forbidden: forms.forbidden as string[],
    caseSensitive: hasUpperCase(forms.approved),
    translations: Object.keys(translations).length > 0 ? translations : NO_TRANSLATIONS,
  };
  copyConceptFields(term, out);
  // A language's own abbreviation replaces the concept's (大湾区 in Chinese where English has none, or another).
  if (forms.abbreviation) out.abbreviation = forms.abbreviation;
  if (lang !== 'en') out.lang = lang;
  if (Object.keys(languages).length > 0) out.languages = languages;
  if (forms.details) out.details = forms.details;
  return out;
}

/** What belongs to the concept rather than to one language's forms. */
export function copyConceptFields(from: Term, to: Term): void {
  if (from.note !== undefined) to.note = from.note;
  if (from.source !== undefined) to.source = from.source;
  if (from.origin) to.origin = from.origin;
  if (from.exceptions) to.exceptions = from.exceptions;
  if (from.subject !== undefined) to.subject = from.subject;
  if (from.definition !== undefined) to.definition = from.definition;
  if (from.conceptId !== undefined) to.conceptId = from.conceptId;
  // The concept's short name: documents in any language the matcher reads must define it (or may not, if the list does).
  if (from.abbreviation) to.abbreviation = from.abbreviation;
  if (from.replace) to.replace = true;
  if (from.contributions) to.contributions = from.contributions;
}

/** The concepts that have forms in `lang`, as Terms of that language (what its matcher compiles). */
export function conceptsIn(concepts: readonly Term[], lang: string): Term[] {
  const out: Term[] = [];
  for (const c of concepts) {
    const t = termIn(c, lang);
    if (t) out.push(t);
  }
  return out;
}

/** What a single list's entry says of its concept: every form of every language. */
export function contributionOf(term: Term): Contribution {
  const forms: { lang: string; text: string; status: FormStatus }[] = [];
  for (const lang of languagesOf(term)) {
    const f = formsIn(term, lang)!;
    forms.push({ lang, text: f.approved, status: 'approved' });
    for (const text of f.admitted) forms.push({ lang, text, status: 'admitted' });
    for (const text of f.forbidden) forms.push({ lang, text, status: 'forbidden' });
  }
  const c: Contribution = { forms, exceptions: (term.exceptions ?? []).map((e) => e.phrase) };
  if (term.origin) c.origin = term.origin;
  if (term.note !== undefined) c.note = term.note;
  if (term.source !== undefined) c.source = term.source;
  if (term.replace) c.replaced = true;
  return c;
}

/** Which lists said what of the concept: one contribution per list entry, in list order. */
export function contributionsOf(term: Term): readonly Contribution[] {
  return term.contributions ?? [contributionOf(term)];
}
