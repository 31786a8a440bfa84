/**
 * The seam between a document format (Markdown, plain text, HTML, …) and the rest of Termlint. A format says
 * which files and editor documents are its own, which characters of a text are prose, where blocks and
 * headings are, and how its comments switch checking off. Everything after that (tokens, matching, findings,
 * fixes) is the same for every format. Adding one is one file in this folder, registered in `index.ts`.
 */
import type { Region } from '../mask';

/** [start, end) offsets into a document. */
export interface Span {
  start: number;
  end: number;
}

/** Kinds of block a format can tell apart (for aligning a document with its translation block by block). */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

/** One block of a document's outline, in document order. */
export interface Block extends Span {
  kind: BlockKind;
  /** 1–6 for headings; 0 otherwise. */
  level: number;
}

/** What a format's scan reports besides the mask: where sentences start and where headings are. */
export interface FormatStructure {
  /** Sorted offsets where a block's text begins: a sentence starts there. */
  blockStarts: number[];
  /**
   * Sorted, non-overlapping spans of heading text, where Title Case and ALL CAPS are the author's choice
   * (the language's rules judge which style a heading has).
   */
  headings: Span[];
}

/** A scan kept with its document, so that an edit can re-scan only what it touched. */
export interface FormatScan extends FormatStructure {
  /** Same length as the text: `Mask` values; undefined when the format masks nothing (all prose). */
  mask: Uint8Array | undefined;
}

/** One replacement: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The result of a re-scan: the new scan, and the range of the new text [from, to) whose mask or structure changed. */
export interface Rescan<S extends FormatScan> {
  scan: S;
  /** [from, to) of the new text was [from, oldTo) of the old one; outside it, the old scan holds (shifted). No term use crosses `from` or `to`. */
  from: number;
  to: number;
  oldTo: number;
}

/** A format that can re-scan an edited document in part. Methods, so a format may narrow `S`. */
export interface IncrementalScanner<S extends FormatScan = FormatScan> {
  /** A full scan that keeps what `rescan` needs. */
  scan(text: string): S;
  /** The scan of `text`, which is `oldText` after `change`. */
  rescan(old: S, oldText: string, text: string, change: TextChange): Rescan<S>;
}

/** What "Disable Termlint for this line" writes. */
export interface LineDirective {
  /** 'above': a comment line inserted above the line (same indentation); 'end': appended to the line after a space. */
  where: 'above' | 'end';
  text: string;
}

export interface DocumentFormat<S extends FormatScan = FormatScan> {
  /** The format id, as in `LintOptions.format`. */
  readonly id: string;
  /** Name for people: "Markdown". */
  readonly name: string;
  /** File extensions without the dot, lower case; files are matched case-insensitively. */
  readonly extensions: readonly string[];
  /** VS Code language ids of documents in this format; the first is the one `termlint.languages` names by default. */
  readonly languageIds: readonly string[];
  /**
   * Finds the prose of `text`: writes into `mask` (same length, all `Mask.Keep`) what is hidden (never checked,
   * or a block boundary: `Mask.Hide`) and what is markup between words (`Mask.Blank`, read as a space), and
   * returns where blocks start and which spans are headings.
   */
  scan(text: string, mask: Uint8Array): FormatStructure;
  /**
   * Whether a heading's style (Title Case, ALL CAPS) is judged on the document's text ('text') or on the view
   * ('view': markup hidden). Markdown keeps judging its source text, as Termlint always has; HTML headings
   * hold tags, whose names would read as lower-case words.
   */
  readonly headingStyleFrom: 'text' | 'view';
  /** The `termlint-disable` regions of `text` (every format so far uses the shared `directiveRegions`). */
  directives(text: string): Region[];
  /** What "Disable Termlint for this line" writes in a document of this format with VS Code language id `languageId`. */
  disableLine(languageId: string): LineDirective;
  /** Re-scans an edited document in part; a format without it is scanned whole after every edit (`DocumentLinter`). */
  readonly incremental?: IncrementalScanner<S>;
  /** The typed blocks of `text` in document order (not used by linting; for block-by-block alignment). */
  outline(text: string): Block[];
}
