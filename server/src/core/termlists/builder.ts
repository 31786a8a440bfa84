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
import { hasUpperCase } from '../text';
import type { ProblemSeverity, Term, TermAbbreviation, TermFileProblem, TermFileResult, TermList, TermOrigin } from '../types';
import { type FormRef, type Report, type Span, checkCollisions, checkForm, checkFormCount } from './validation';

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
}

/** One entry as a reader found it; only `approved` is required. */
export interface EntryInput {
  /** Position of the entry in its file (0-based). */
  index: number;
  /** The whole entry: its origin (hover, related information) and where "too many forms" points. */
  span: Span;
  path: string;
  approved: EntryForm;
  /** Admitted and forbidden forms in the order the file lists them (that order decides which one a collision names). */
  others: readonly (EntryForm & { kind: 'admitted' | 'forbidden' })[];
  caseSensitive?: boolean;
  translations?: Record<string, string>;
  note?: string;
  /** Defaults to the list's `source`. */
  source?: string;
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
  readonly report: Report = (span, path, message, severity: ProblemSeverity = 'error') => {
    const offset = span?.offset ?? 0;
    const length = span?.length ?? 0;
    this.problems.push({ severity, message, path, offset, length, ...this.lineIndex().at(offset) });
  };

  /** Checks each form of an entry and their number; reports every problem and returns whether there was none. */
  checkEntry(entry: EntryInput): boolean {
    let valid = checkForm(entry.approved.text, entry.approved.span, entry.approved.path, this.report);
    for (const f of entry.others) valid = checkForm(f.text, f.span, f.path, this.report) && valid;
    return checkFormCount(entry.others.length + 1, entry.span, entry.path, this.report) && valid;
  }

  /** Adds an entry that passed `checkEntry`: its forms join the collision check, its Term joins the list. */
  addTerm(entry: EntryInput): Term {
    const { approved } = entry;
    this.forms.push({ termIndex: entry.index, text: approved.text, kind: 'approved', span: approved.span, path: approved.path });
    let admitted: string[] | undefined;
    let forbidden: string[] | undefined;
    for (const f of entry.others) {
      this.forms.push({ termIndex: entry.index, text: f.text, kind: f.kind, span: f.span, path: f.path });
      if (f.kind === 'admitted') (admitted ??= []).push(f.text);
      else (forbidden ??= []).push(f.text);
    }
    const translations = entry.translations && Object.keys(entry.translations).length > 0 ? entry.translations : NO_TRANSLATIONS;
    // Line and column are filled in by `finish`, once for all entries.
    const origin: TermOrigin = { file: this.list.file, offset: entry.span.offset, line: 0, column: 0 };
    const term = makeTerm(this.list, approved.text, admitted ?? NO_FORMS, forbidden ?? NO_FORMS, entry.caseSensitive, translations, entry.note, entry.source, origin, entry.abbreviation);
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
