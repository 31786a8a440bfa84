/**
 * Plain data shared by every part of Termlint. The core works on UTF-16 offsets into the
 * document text; line/column positions only exist at the edges (LSP, CLI).
 */
import type { FormatId } from './formats';

export type { FormatId } from './formats';

import type { VariantKind } from './kinds';

// The finding kinds are one table (kinds.ts); their types are part of this shared vocabulary.
export { DEFAULT_SEVERITY, VARIANT_KINDS, type SeverityName, type VariantKind } from './kinds';

/** Where a term entry came from, so editors can point at it (relatedInformation, hover). */
export interface TermOrigin {
  /** File name or URI of the term file, as given to its reader (`readTermList`). */
  file: string;
  /** UTF-16 offset of the entry's object in the term file. */
  offset: number;
  /** 0-based line and UTF-16 column of that offset. */
  line: number;
  column: number;
}

/**
 * One entry of a term list, after validation and defaults: a concept, with its forms in the list's language
 * inline (`term`, `admitted`, `forbidden`, the forms matching reads) and its other languages beside them
 * (`translations`: their approved forms; `languages`: their admitted and forbidden forms too, when they have
 * any). `concepts.ts` reads any language's forms of it (`formsIn`) and makes the Term of another language
 * (`termIn`); a merge of several lists' entries for one concept is a Term too (termlists/merge.ts).
 */
export interface Term {
  /** Stable id: the approved form, unique within a compiled set. */
  id: string;
  /** Approved form. */
  term: string;
  /** Also acceptable; mixing forms of one term in one document is flagged as `inconsistent`. */
  admitted: string[];
  /** Always wrong; fixed to the approved (or the document's dominant acceptable) form. */
  forbidden: string[];
  caseSensitive: boolean;
  /** Approved forms in other languages, by normalized BCP 47 tag (`languageTags.ts`). */
  translations: Record<string, string>;
  note?: string;
  /** The `source` of the entry, or of its term list. */
  source?: string;
  /** The abbreviation of the approved form (an entry's `abbreviation`), for the abbreviation checks. */
  abbreviation?: TermAbbreviation;
  origin?: TermOrigin;
  /** The language of `term`, `admitted` and `forbidden` (normalized tag); absent: `en`. */
  lang?: string;
  /** Other languages that have more than an approved form (their approved one is in `translations` too). */
  languages?: Readonly<Record<string, LanguageForms>>;
  /** What the list says about single forms of `lang` (a superseded name's note), by form text. */
  details?: Readonly<Record<string, FormDetail>>;
  /** Phrases right as a whole that contain a spelling of this term: a finding inside one is not reported. */
  exceptions?: readonly TermException[];
  subject?: string;
  definition?: string;
  /** The concept's id as its file names it (`id`, TBX `conceptEntry id`, a CSV `id` column). */
  conceptId?: string;
  /** The entry replaces, rather than adds to, what earlier lists say of the concept. */
  replace?: boolean;
  /** Set on a merge of several lists' entries: what each list said, in list order. */
  contributions?: readonly Contribution[];
  /**
   * A compound hyphenated only before a noun ("long-term plan", "in the long term"): true or false as the entry
   * says; absent, two different ordinary words joined by a hyphen are one (matching/modifiers.ts).
   */
  modifier?: boolean;
  /**
   * Look-alikes that are other names, not variants of this term ("Shenzhou" for "Shenzhen", "Nanshan" for
   * "Nansha"): never reported or counted as a use of it, whatever kind they would be.
   */
  notVariants?: readonly string[];
}

/** Forbidden forms say why: a deprecated spelling, or a superseded (old) name. Default `deprecated`. */
export type ForbiddenStatus = 'deprecated' | 'superseded';

export type FormStatus = 'approved' | 'admitted' | 'forbidden';

export interface FormDetail {
  note?: string;
  source?: string;
  /** Only for forbidden forms. */
  status?: ForbiddenStatus;
}

/** One language's forms of a concept. */
export interface LanguageForms {
  approved: string;
  admitted: readonly string[];
  forbidden: readonly string[];
  details?: Readonly<Record<string, FormDetail>>;
  /**
   * This language's abbreviation of the approved form (a block's `abbreviation`: 大湾区 for 粤港澳大湾区), where
   * it differs from the concept's; the Term of the language carries it (concepts.ts `termIn`).
   */
  abbreviation?: TermAbbreviation;
}

/** A phrase right as a whole although it holds a forbidden or variant spelling ("University of Macau"). */
export interface TermException {
  phrase: string;
  note?: string;
}

/** What one list said about a merged concept. */
export interface Contribution {
  /** The term file (as given to its reader) and where the entry is in it. */
  origin?: TermOrigin;
  forms: readonly { lang: string; text: string; status: FormStatus }[];
  exceptions: readonly string[];
  note?: string;
  source?: string;
  /** The entry had `"replace": true`: what came before it was dropped on purpose. */
  replaced?: boolean;
}

/** An abbreviation a term list knows: its short form, and whether documents may use it without defining it. */
export interface TermAbbreviation {
  short: string;
  /** The list defines it: documents may use it undefined (otherwise they must define it before using it). */
  defined: boolean;
}

/** A validated term file. */
export interface TermList {
  /** File name or URI it was read from (or a label for in-memory lists). */
  file: string;
  title?: string;
  source?: string;
  language?: string;
  terms: Term[];
  /**
   * Words or phrases never reported (the editor's "Ignore in this workspace"): a finding inside an occurrence
   * of one is dropped, like a term's `exceptions`, whatever its term.
   */
  ignore?: string[];
  /** Notes on `ignore` phrases, by phrase. */
  ignoreNotes?: Record<string, string>;
}

export type ProblemSeverity = 'error' | 'warning';

/** A problem in a term file, positioned for editors and the CLI. */
export interface TermFileProblem {
  severity: ProblemSeverity;
  message: string;
  /** JSON path of the offending value, e.g. `terms[3].forbidden[0]`. */
  path: string;
  /** UTF-16 offset and length in the term file text. */
  offset: number;
  length: number;
  /** 0-based line and UTF-16 column of `offset`. */
  line: number;
  column: number;
  /** What [offset, offset + length) should read instead, when that is clear (a misspelt key): a quick fix. */
  replacement?: string;
  /** The other place the problem is about (the colliding form of a duplicate or contradiction). */
  related?: { offset: number; length: number; path: string };
}

export interface TermFileResult {
  /** Present when the file has no errors (warnings allowed). */
  list?: TermList;
  problems: TermFileProblem[];
}

/** A text edit on the linted document, in offsets. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One way to fix a finding: the full replacement text of the span and the minimal edits that produce it. */
export interface Replacement {
  /** What the finding's span reads after the fix. */
  text: string;
  /** Minimal, non-overlapping edits inside [finding.start, finding.end], sorted by offset. */
  edits: Edit[];
}

export interface Finding {
  kind: VariantKind;
  /** Span of the variant in the document. */
  start: number;
  end: number;
  /** The text as written (document slice). */
  found: string;
  /** Id of the term (its approved form). */
  termId: string;
  /** The form the preferred fix writes (the document's dominant acceptable form). */
  expected: string;
  /**
   * Best first: `replacements[0]` is the preferred fix. Never empty, but for a `translation` finding that found
   * no likely wrong rendering to replace (it marks the block's first line, and the writer decides).
   */
  replacements: Replacement[];
  /** Human-readable, e.g. `"productivityforces" should be "productivity forces" (joined words)`. */
  message: string;
  /**
   * A finding of a translation pair (`translation`, `unsourced`): the aligned block in the pair's other
   * document (offsets into that text), and the term as it is written there, when it is.
   */
  counterpart?: Counterpart;
  /**
   * For a `variant` (a spelling the document itself disagrees on, no term list involved): every form the
   * document writes, the preferred one first, with how often; hovers and "Add to the term list" read it.
   */
  forms?: FormCount[];
  /**
   * Places in the same document the finding refers to (a variant's preferred form where it is first written, an
   * abbreviation's definition), for editors to link to.
   */
  related?: RelatedSpan[];
}

/** Where a pair finding's term is, or should be, in the other document of the pair. */
export interface Counterpart {
  start: number;
  end: number;
  /** The form of the term written there (the source's "澳门"); absent when that block does not have it. */
  term?: string;
  /** Where that form is in the other document. */
  termStart?: number;
  termEnd?: number;
}

export interface RelatedSpan {
  start: number;
  end: number;
  message: string;
}

/** One form of a variant and how many times it is written. */
export interface FormCount {
  text: string;
  count: number;
}

/** A spelling of a term that lies inside an occurrence of an exception phrase, so nothing is reported. */
export interface Excepted {
  termId: string;
  start: number;
  end: number;
  /** The exception phrase as its list writes it, and the occurrence of it in the document. */
  phrase: string;
  phraseStart: number;
  phraseEnd: number;
}

/** A use of a term in the document, correct or not (used for hover and consistency). */
export interface Occurrence {
  termId: string;
  start: number;
  end: number;
  /** Index of the form it matched: 0 = approved, 1.. = admitted, -1 = a forbidden or fuzzy form. */
  form: number;
  /**
   * The kind of variant it is written as, whether or not it is reported (`kinds`, a severity set to off, the
   * list's `ignore`); absent for a use written in an acceptable form. A use of an acceptable form may still be
   * reported as `inconsistent`: that is a finding about the document, not about how the use is written.
   */
  kind?: VariantKind;
}

/** @deprecated The name this type had before formats had a registry; it is the format id: use `FormatId`. */
export type DocumentLanguage = FormatId;

export interface LintOptions {
  /** The document's format (`formats/index.ts`): which of its characters are prose. */
  format: FormatId;
  /** BCP 47 tag of the document's natural language (languages/index.ts `languageFor`). Default 'en'. */
  lang?: string;
  /** Misspelling detection (edit distance). Default true. */
  fuzzy?: boolean;
  /** Flag mixing acceptable forms of one term. Default true. */
  consistency?: boolean;
  /** Kinds to report; default all. */
  kinds?: readonly VariantKind[];
  /**
   * Consistency without a list (`variant`): words and phrases no term list covers, written more than one way
   * in the document. `false` switches it off; an object switches off single classes. Default: all on.
   */
  variants?: boolean | VariantChecks;
  /** Abbreviation checks (`abbreviation`, `expansion`, `unused-abbreviation`). Default true. */
  abbreviations?: boolean;
}

/** The classes of `variant`, each on unless set to false. */
export interface VariantChecks {
  /** Hyphenated, spaced and joined forms of one word ("cross-border" / "cross border" / "crossborder"). */
  hyphenation?: boolean;
  /** British and American spellings of one word ("centre" / "center"). */
  spelling?: boolean;
  /** A word or name capitalised differently mid-sentence ("Internet" / "internet"). */
  capitalization?: boolean;
}

export interface LintResult {
  findings: Finding[];
  occurrences: Occurrence[];
  /** Spellings not reported because they are part of an exception (term `exceptions`, list `ignore`). */
  excepted?: Excepted[];
  /**
   * The script a Chinese document was read in (`zh-Hans` or `zh-Hant`); absent for English. The termIds of its
   * findings and uses name terms of `termsIn(compiled, lang)` (core/matching/hanTerms.ts): Chinese concepts as
   * that script reads them, beside the English terms.
   */
  lang?: string;
}
