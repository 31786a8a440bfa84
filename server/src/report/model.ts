/**
 * The term-usage report as data: which terms a set of drafts uses, how often, in which forms, and what is
 * still wrong. One shape for every consumer: `termlint report --format json` prints it as it is, the HTML
 * and Markdown pages render it, and the language server sends it to the extension (the Terms view and the
 * report webview), so every number anyone sees comes from the same lint results.
 */
import type { VariantKind } from '../core/kinds';

/** Where a use is: 1-based lines and columns (UTF-16 code units, as in LSP and `termlint --format json`). */
export interface UseLocation {
  /** The file as `FileUsage.file` names it. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** An acceptable form of a term (approved or admitted) and the uses written in it that stand as they are. */
export interface FormUsage {
  form: string;
  status: 'approved' | 'admitted';
  /** Uses written in this form (in the author's case) that are not reported; `inconsistent` ones are variants. */
  uses: number;
  locations: UseLocation[];
}

/**
 * One way a term is written that is to be fixed, with every place it is written so: a wrong spelling, or an
 * acceptable form the document does not prefer (`inconsistent`).
 */
export interface VariantUsage {
  /** As written (whitespace runs, line breaks included, read as one space). */
  found: string;
  kind: VariantKind;
  /**
   * False when the linter does not report these uses: their kind is not checked (`--kinds`, a severity set
   * to off). They are still uses, and are not counted as findings (exceptions are `excepted`, not variants).
   */
  reported: boolean;
  /** The preferred fix of the first of them (undefined when not reported). */
  fix?: string;
  count: number;
  locations: UseLocation[];
}

/**
 * A spelling the linter leaves alone because it stands inside one of the lists' exceptions (an entry's
 * `exceptions`, a list's `ignore`): an official name that keeps an older spelling ("University of Macau").
 * Not a use of the term and never a finding; listed so that whoever signs off sees what was let stand.
 */
export interface ExceptedUsage {
  /** As written. */
  found: string;
  /** The exception phrase, as the list writes it. */
  phrase: string;
  count: number;
  locations: UseLocation[];
}

/** One use count per file, for a term. */
export interface TermInFile {
  file: string;
  uses: number;
  findings: number;
}

/** A term (a concept of the term lists) that the drafts use. */
export interface TermUsage {
  /** The approved form: the term's id. */
  term: string;
  /** Every use, correct or not. */
  uses: number;
  /** Findings the linter reports for this term. */
  findings: number;
  /** Findings by kind; every kind there is, in the kinds table's order, zeros included. */
  byKind: Record<VariantKind, number>;
  /** The approved form, then the admitted ones, in the list's order (unused ones included, with 0 uses). */
  forms: FormUsage[];
  /** Wrong spellings and inconsistent uses, the most frequent first. */
  variants: VariantUsage[];
  /** Spellings inside an exception of the lists: let stand, not counted as uses. */
  excepted: ExceptedUsage[];
  /** The files using the term, in report order. */
  files: TermInFile[];
  /** The term in other languages (from the term list). */
  languages: { lang: string; text: string }[];
  note?: string;
  source?: string;
  /** The term file its entry comes from. */
  list?: string;
}

/**
 * Findings no term list is behind (`KINDS[kind].against` is `document`): a word or phrase a draft writes more
 * than one way (`variant`) or an abbreviation's problem. They belong to no term, so they are not among `terms`;
 * one row per kind, name and spelling, with every place. They count among the findings like any other.
 */
export interface UnlistedUsage {
  kind: VariantKind;
  /** What the finding is about: a variant's preferred form, an abbreviation's short form. */
  name: string;
  /** As written (whitespace runs read as one space). */
  found: string;
  /** The preferred fix of the first of them, if there is one. */
  fix?: string;
  count: number;
  locations: UseLocation[];
}

export interface FileUsage {
  file: string;
  /** The document's URI, when the report comes from the language server (the extension reveals uses by it). */
  uri?: string;
  uses: number;
  findings: number;
  byKind: Record<VariantKind, number>;
  /** Terms used in the file, the most used first. */
  terms: { term: string; uses: number; findings: number }[];
}

export interface ReportTotals {
  /** Files checked. */
  files: number;
  /** Uses of terms, correct or not. */
  uses: number;
  /** Findings: exactly what the linter reports for the same files, term lists and options. */
  findings: number;
  /** Terms used at least once. */
  terms: number;
  /** Distinct variants (one per term, kind and spelling), reported or not. */
  variants: number;
  byKind: Record<VariantKind, number>;
}

/** A translation pair checked: a source and its translation (core/translation/). */
export interface PairUsage {
  /** As `FileUsage.file` names files. */
  source: string;
  target: string;
  sourceLanguage: string;
  targetLanguage: string;
  /** Blocks of each side, and the links the alignment made between them. */
  sourceBlocks: number;
  targetBlocks: number;
  links: number;
  /** Translation findings in the target (kinds `translation`, `unsourced`). */
  findings: number;
}

export interface TermUsageReport {
  /** Termlint's version. */
  termlint: string;
  totals: ReportTotals;
  /** The most used first. */
  terms: TermUsage[];
  /** Findings no term list is behind (variants, abbreviations), the most frequent first. */
  unlisted: UnlistedUsage[];
  /** Every file checked, in the order checked. */
  files: FileUsage[];
  /** Files that were not checked, and why. */
  skipped: { file: string; reason: string }[];
  /** The translation pairs checked, when there were any. */
  pairs?: PairUsage[];
  termLists: { file: string; title?: string; terms: number }[];
  /** What was checked: the same options the linter ran with. */
  options: { fuzzy: boolean; consistency: boolean; kinds: VariantKind[] };
}
