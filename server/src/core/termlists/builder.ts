/**
 * Builds a validated term list out of whatever a reader found in its file: entries with their forms and where
 * they are. Every reader feeds the same builder, so every format gets the same checks, the same messages, the
 * same positioned problems and the same `Term` objects; a reader only knows its own syntax.
 *
 *     const b = new TermListBuilder(text, file);
 *     b.list.title = '…';
 *     b.addEntry({ index: 0, span, path: 'terms[0]', approved: { text: 'Macao', span, path: 'terms[0].term' },
 *                  others: [{ kind: 'forbidden', text: 'Macau', span, path: 'terms[0].forbidden[0]' }] });
 *     return b.finish();
 */
import { LineIndex } from '../lines';
import { isEnglish } from '../languages/tags';
import { hasUpperCase } from '../text';
import type { ForbiddenStatus, FormDetail, LanguageForms, ProblemSeverity, Term, TermAbbreviation, TermException, TermFileProblem, TermFileResult, TermList, TermOrigin } from '../types';
import { type FormRef, type Report, type Span, checkCollisions, checkForm, checkFormCount, checkPhrase, collisionKey } from './validation';

/**
 * Shared by every term without admitted or forbidden forms, or without translations: a list of 50,000 terms
 * would otherwise hold 100,000 empty arrays and 50,000 empty objects. Frozen, and never mutated anywhere.
 */
export const NO_FORMS: readonly string[] = Object.freeze([]);
export const NO_TRANSLATIONS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** A Term as every reader builds it (the same properties in the same order). */
export function makeTerm(
  list: TermList,
  approved: string,
  admitted: readonly string[],
  forbidden: readonly string[],
  caseSensitive: boolean | undefined,
  translations: Record<string, string>,
  note: string | undefined,
  source: string | undefined,
  origin: TermOrigin,
  abbreviation?: TermAbbreviation,
): Term {
  const term: Term = {
    id: approved,
    term: approved,
    // Read-only in practice: nothing mutates a term's lists (the empty ones are shared and frozen).
    admitted: admitted as string[],
    forbidden: forbidden as string[],
    caseSensitive: caseSensitive ?? hasUpperCase(approved),
    translations,
    origin,
  };
  if (note !== undefined) term.note = note;
  const src = source ?? list.source;
  if (src !== undefined) term.source = src;
  if (abbreviation) term.abbreviation = abbreviation;
  return term;
}

/** A form as a reader found it. */
export interface EntryForm {
  text: string;
  span: Span;
  /** Names the value in problems, in the reader's own terms (a JSON path, `row 4, column 2`). */
  path: string;
  note?: string;
  source?: string;
  /** A forbidden form's reason: deprecated (the default) or superseded. */
  status?: ForbiddenStatus;
}

export type OtherForm = EntryForm & { kind: 'admitted' | 'forbidden' };

/** One language's forms of an entry. */
export interface LanguageInput {
  /** Normalized tag (languages/tags.ts). */
  lang: string;
  approved: EntryForm;
  others: readonly OtherForm[];
  /** The block's own `abbreviation` (and `abbreviationDefined`). */
  abbreviation?: TermAbbreviation;
}

/** An exception phrase as a reader found it. */
export interface ExceptionInput {
  phrase: string;
  note?: string;
  span: Span;
  path: string;
}

/** One entry as a reader found it; only `approved` is required. */
export interface EntryInput {
  /** Position of the entry in its file (0-based). */
  index: number;
  /** The whole entry: its origin (hover, related information) and where "too many forms" points. */
  span: Span;
  path: string;
  /** The language of `approved` and `others` (a normalized tag); default `en`. */
  lang?: string;
  approved: EntryForm;
  /** Admitted and forbidden forms in the order the file lists them (that order decides which one a collision names). */
  others: readonly OtherForm[];
  /** Other languages' forms, each checked like the entry's own. */
  languages?: readonly LanguageInput[];
  caseSensitive?: boolean;
  /** Other languages' approved forms, unchecked (as term files have always had them). */
  translations?: Record<string, string>;
  note?: string;
  /** Defaults to the list's `source`. */
  source?: string;
  exceptions?: readonly ExceptionInput[];
  subject?: string;
  definition?: string;
  conceptId?: string;
  replace?: boolean;
  /** A compound hyphenated only as a modifier (Term.modifier). */
  modifier?: boolean;
  /** Look-alikes that are not variants (Term.notVariants), each with where it stands. */
  notVariants?: readonly EntryForm[];
  /** The approved form's abbreviation, and whether the list defines it (documents may then use it undefined). */
  abbreviation?: TermAbbreviation;
}

export class TermListBuilder {
  /** The list being built: a reader sets `title`, `source`, `language` and `ignore` on it. */
  readonly list: TermList;
  readonly problems: TermFileProblem[] = [];
  private readonly forms: FormRef[] = [];
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: string,
    file: string,
  ) {
    this.list = { file, terms: [] };
  }

  /** Records a problem, positioned by line and column. A reader passes this function around as its `Report`. */
  readonly report: Report = (span, path, message, severity: ProblemSeverity = 'error', extra) => {
    const offset = span?.offset ?? 0;
    const length = span?.length ?? 0;
    const problem: TermFileProblem = { severity, message, path, offset, length, ...this.lineIndex().at(offset) };
    if (extra?.related) problem.related = { offset: extra.related.span.offset, length: extra.related.span.length, path: extra.related.path };
    if (extra?.replacement !== undefined) problem.replacement = extra.replacement;
    this.problems.push(problem);
  };

  /** Checks each form of an entry, its exceptions and the number of forms; reports every problem and returns whether there was none. */
  checkEntry(entry: EntryInput): boolean {
    const report = this.report;
    let valid = checkForm(entry.approved.text, entry.approved.span, entry.approved.path, report, entry.lang);
    for (const f of entry.others) valid = checkForm(f.text, f.span, f.path, report, entry.lang) && valid;
    let count = entry.others.length + 1;
    for (const l of entry.languages ?? []) {
      valid = checkForm(l.approved.text, l.approved.span, l.approved.path, report, l.lang) && valid;
      for (const f of l.others) valid = checkForm(f.text, f.span, f.path, report, l.lang) && valid;
      count += l.others.length + 1;
    }
    const phrases = new Set<string>();
    for (const e of entry.exceptions ?? []) {
      if (!checkPhrase(e.phrase, e.span, e.path, report)) valid = false;
      else if (phrases.has(normalizePhrase(e.phrase))) {
        report(e.span, e.path, `"${e.phrase}" is listed twice in this entry`);
        valid = false;
      } else phrases.add(normalizePhrase(e.phrase));
    }
    // A look-alike that reads as one of the entry's own forms would make that form no use of it.
    const same = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
    const keys = new Set([entry.approved, ...entry.others].map((f) => same(f.text)));
    for (const f of entry.notVariants ?? []) {
      if (!checkForm(f.text, f.span, f.path, report, entry.lang)) valid = false;
      else if (keys.has(same(f.text))) {
        report(f.span, f.path, `"${f.text}" is a form of this entry, so it cannot be a look-alike that is not a variant`);
        valid = false;
      }
    }
    return checkFormCount(count, entry.span, entry.path, report) && valid;
  }

  /** Adds an entry that passed `checkEntry`: its forms join the collision check, its Term joins the list. */
  addTerm(entry: EntryInput): Term {
    const { approved } = entry;
    const lang = entry.lang === undefined || isEnglish(entry.lang) ? undefined : entry.lang;
    this.forms.push({ termIndex: entry.index, text: approved.text, kind: 'approved', span: approved.span, path: approved.path, lang });
    let admitted: string[] | undefined;
    let forbidden: string[] | undefined;
    for (const f of entry.others) {
      this.forms.push({ termIndex: entry.index, text: f.text, kind: f.kind, span: f.span, path: f.path, lang });
      if (f.kind === 'admitted') (admitted ??= []).push(f.text);
      else (forbidden ??= []).push(f.text);
    }
    let translations = entry.translations && Object.keys(entry.translations).length > 0 ? entry.translations : NO_TRANSLATIONS;
    let languages: Record<string, LanguageForms> | undefined;
    for (const l of entry.languages ?? []) {
      this.forms.push({ termIndex: entry.index, text: l.approved.text, kind: 'approved', span: l.approved.span, path: l.approved.path, lang: l.lang });
      for (const f of l.others) this.forms.push({ termIndex: entry.index, text: f.text, kind: f.kind, span: f.span, path: f.path, lang: l.lang });
      if (translations === NO_TRANSLATIONS) translations = {};
      translations[l.lang] = l.approved.text;
      const details = detailsOf(l.approved, l.others);
      if (l.others.length > 0 || details || l.abbreviation) {
        const forms: LanguageForms = {
          approved: l.approved.text,
          admitted: l.others.filter((f) => f.kind === 'admitted').map((f) => f.text),
          forbidden: l.others.filter((f) => f.kind === 'forbidden').map((f) => f.text),
        };
        if (details) forms.details = details;
        if (l.abbreviation) forms.abbreviation = l.abbreviation;
        (languages ??= {})[l.lang] = forms;
      }
    }
    // Line and column are filled in by `finish`, once for all entries.
    const origin: TermOrigin = { file: this.list.file, offset: entry.span.offset, line: 0, column: 0 };
    const term = makeTerm(this.list, approved.text, admitted ?? NO_FORMS, forbidden ?? NO_FORMS, entry.caseSensitive, translations, entry.note, entry.source, origin, entry.abbreviation);
    if (lang !== undefined) term.lang = lang;
    if (languages) term.languages = languages;
    const details = detailsOf(approved, entry.others);
    if (details) term.details = details;
    if (entry.exceptions && entry.exceptions.length > 0) {
      term.exceptions = entry.exceptions.map((e): TermException => (e.note === undefined ? { phrase: e.phrase } : { phrase: e.phrase, note: e.note }));
    }
    if (entry.subject !== undefined) term.subject = entry.subject;
    if (entry.definition !== undefined) term.definition = entry.definition;
    if (entry.conceptId !== undefined) term.conceptId = entry.conceptId;
    if (entry.replace) term.replace = true;
    if (entry.modifier !== undefined) term.modifier = entry.modifier;
    if (entry.notVariants && entry.notVariants.length > 0) term.notVariants = entry.notVariants.map((f) => f.text);
    this.list.terms.push(term);
    return term;
  }

  /** `checkEntry`, then `addTerm` when the entry is valid. */
  addEntry(entry: EntryInput): Term | undefined {
    return this.checkEntry(entry) ? this.addTerm(entry) : undefined;
  }

  /** Checks collisions between all forms added, positions the terms' origins: the list, unless there is an error. */
  finish(): TermFileResult {
    checkCollisions(this.forms, this.report);
    const lines = this.lineIndex();
    for (const t of this.list.terms) {
      const { line, column } = lines.at(t.origin!.offset);
      t.origin!.line = line;
      t.origin!.column = column;
    }
    return this.problems.some((p) => p.severity === 'error') ? { problems: this.problems } : { list: this.list, problems: this.problems };
  }

  private lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }
}

/** Notes, sources and statuses of single forms, by form text; undefined when the forms carry none. */
function detailsOf(approved: EntryForm, others: readonly OtherForm[]): Record<string, FormDetail> | undefined {
  let details: Record<string, FormDetail> | undefined;
  for (const f of [approved, ...others]) {
    if (f.note === undefined && f.source === undefined && f.status === undefined) continue;
    const d: FormDetail = {};
    if (f.note !== undefined) d.note = f.note;
    if (f.source !== undefined) d.source = f.source;
    if (f.status !== undefined) d.status = f.status;
    (details ??= {})[f.text] = d;
  }
  return details;
}

/** How exception phrases are compared: case and runs of white space do not count. */
export function normalizePhrase(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase();
}

export { collisionKey };
