/**
 * A term list written as a JSON term file, in the shape people write by hand: the list's language inline
 * (`term`, `admitted`, `forbidden`), other languages' approved forms under `translations`, and a `languages`
 * block only for a language with more than that. A form that carries a note, a source or a superseded status
 * is written as `{ "form", … }`; a language's own `abbreviation` (大湾区) makes its block a `languages` block. JSON holds everything the model has, so nothing is ever dropped.
 */
import { formsIn, languagesOf, ownLanguage } from '../concepts';
import type { LanguageForms, Term, TermList } from '../types';
import { explicitCase } from './dropped';
import type { WrittenList } from './reader';

function form(text: string, forms: LanguageForms): string | Record<string, string> {
  const d = forms.details?.[text];
  if (!d || (d.note === undefined && d.source === undefined && d.status !== 'superseded')) return text;
  const out: Record<string, string> = { form: text };
  if (d.note !== undefined) out.note = d.note;
  if (d.source !== undefined) out.source = d.source;
  if (d.status === 'superseded') out.status = d.status;
  return out;
}

function languageBlock(forms: LanguageForms): Record<string, unknown> {
  const out: Record<string, unknown> = { approved: form(forms.approved, forms) };
  if (forms.admitted.length > 0) out.admitted = forms.admitted.map((t) => form(t, forms));
  if (forms.forbidden.length > 0) out.forbidden = forms.forbidden.map((t) => form(t, forms));
  if (forms.abbreviation) {
    out.abbreviation = forms.abbreviation.short;
    if (forms.abbreviation.defined) out.abbreviationDefined = true;
  }
  return out;
}

/** The entry of one concept; `listLang` is the language of the file's `term` fields. */
export function jsonEntry(term: Term, listLang: string, listSource: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (term.conceptId !== undefined) out.id = term.conceptId;
  const translations: Record<string, string> = {};
  const languages: Record<string, unknown> = {};
  const own = ownLanguage(term);
  // A concept with no forms in the list's language has all of them under "languages".
  const inline = own === listLang;
  for (const lang of languagesOf(term)) {
    const forms = formsIn(term, lang)!;
    if (inline && lang === own) {
      const block = languageBlock(forms);
      out.term = block.approved;
      if (block.admitted) out.admitted = block.admitted;
      if (block.forbidden) out.forbidden = block.forbidden;
    } else if (inline && forms.admitted.length === 0 && forms.forbidden.length === 0 && !forms.details && !forms.abbreviation) translations[lang] = forms.approved;
    else languages[lang] = languageBlock(forms);
  }
  if (explicitCase(term)) out.caseSensitive = term.caseSensitive;
  if (Object.keys(translations).length > 0) out.translations = translations;
  if (Object.keys(languages).length > 0) out.languages = languages;
  if (term.exceptions) out.exceptions = term.exceptions.map((e) => (e.note === undefined ? e.phrase : { phrase: e.phrase, note: e.note }));
  if (term.subject !== undefined) out.subject = term.subject;
  if (term.definition !== undefined) out.definition = term.definition;
  if (term.note !== undefined) out.note = term.note;
  if (term.source !== undefined && term.source !== listSource) out.source = term.source;
  if (term.replace) out.replace = true;
  if (term.modifier !== undefined) out.modifier = term.modifier;
  if (term.notVariants) out.notVariants = [...term.notVariants];
  if (term.abbreviation) {
    out.abbreviation = term.abbreviation.short;
    if (term.abbreviation.defined) out.abbreviationDefined = true;
  }
  return out;
}

/** The language most of the list's concepts have their own forms in (English when it is a tie or empty). */
function mainLanguage(list: TermList): string {
  const counts = new Map<string, number>();
  for (const t of list.terms) counts.set(ownLanguage(t), (counts.get(ownLanguage(t)) ?? 0) + 1);
  let best = 'en';
  for (const [lang, n] of counts) if (n > (counts.get(best) ?? 0)) best = lang;
  return best;
}

export function writeJson(list: TermList): WrittenList {
  const lang = mainLanguage(list);
  const file: Record<string, unknown> = {};
  if (list.title !== undefined) file.title = list.title;
  if (list.source !== undefined) file.source = list.source;
  file.language = lang;
  file.terms = list.terms.map((t) => jsonEntry(t, lang, list.source));
  if (list.ignore && list.ignore.length > 0) file.ignore = list.ignore.map((p) => (list.ignoreNotes?.[p] === undefined ? p : { phrase: p, note: list.ignoreNotes[p] }));
  return { text: `${JSON.stringify(file, null, 2)}\n`, dropped: [] };
}
