/**
 * What extraction proposes, as plain data: entries for a term file with the evidence behind each (counts,
 * spread, the forms seen), and the options it takes.
 */
import type { FormatId } from '../types';

export type TermCategory = 'proper-name' | 'abbreviation' | 'compound' | 'phrase' | 'cluster';

export interface ExtractOptions {
  /** Entries seen fewer times than this are dropped. Default 1: a name written once is still a name. */
  minCount?: number;
  /** Recorded in the result (the term file's `source`). */
  source?: string;
  /** The document's format; default 'plaintext'. Markup, code and URLs are never read. */
  format?: FormatId;
}

/** A term entry as it will be written to the term file. */
export interface ProposedTerm {
  term: string;
  admitted: string[];
  forbidden: string[];
  /** Only set when it differs from the term file default (true iff the term has an upper-case letter). */
  caseSensitive?: boolean;
  note: string;
}

/** How a form seen in the document differs from the approved one. */
export type FormKind = 'approved' | 'joined' | 'split' | 'hyphen' | 'case';

export interface FormCount {
  form: string;
  count: number;
  kind: FormKind;
}

export interface ExtractedTerm {
  entry: ProposedTerm;
  category: TermCategory;
  /** Occurrences of any form (case, spaces and hyphens ignored). */
  count: number;
  /** Paragraphs (headings included) with at least one occurrence. */
  spread: number;
  /** Every form seen, approved first, then by count. */
  variants: FormCount[];
  /** Offset of the first occurrence. */
  first: number;
  /** count × spread: what the ranking sorts by. */
  score: number;
  /** For an expansion: the abbreviation the text defines for it. */
  abbreviation?: string;
  /** For an abbreviation: its expansion as defined in the text. */
  expansion?: string;
}

export interface ExtractionResult {
  /** Ranked: highest score first, then first occurrence. */
  terms: ExtractedTerm[];
  /** Paragraphs read (boilerplate lines and code excluded, headings included). */
  paragraphs: number;
  /** Words read in those paragraphs. */
  words: number;
  format: FormatId;
  source?: string;
}
