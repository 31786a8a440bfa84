/**
 * What a term-list reader is: one file format in, the validated model (`TermFileResult`) out, and the same
 * model back out as that format (`write`, for `termlint convert`). One file per reader beside this one, each
 * registered in `registry.ts`; readers parse their own syntax and leave every check to `TermListBuilder`
 * (builder.ts), so every format is validated alike.
 */
import type { TermFileResult, TermList } from '../types';

export interface WriteOptions {
  /** TBX only: 3 (ISO 30042:2019, the default) or 2 (`martif`). */
  tbxVersion?: 2 | 3;
  /** CSV only: a comma (`.csv`, the default) or a tab (`.tsv`). */
  delimiter?: ',' | '\t';
}

export interface WrittenList {
  text: string;
  /** What the format has no place for, one line per kind of data: a writer never drops anything silently. */
  dropped: string[];
  /**
   * What the format has no place for as such but holds in another shape that lints the same, one line per kind
   * (TBX: exceptions become concepts of their own). Optional: most writers reshape nothing.
   */
  reshaped?: string[];
}

export interface TermListReader {
  /** Short name of the format, e.g. `json`. */
  readonly id: string;
  /**
   * Endings of the file names that are term lists of this format wherever they are, e.g. `.terms.json`: how
   * discovery and watching tell term lists from other files.
   */
  readonly suffixes: readonly string[];
  /** Extensions it reads when a file is named as a term list (`--terms`, a `termlint.termFiles` glob), e.g. `.csv`. */
  readonly extensions: readonly string[];
  /**
   * Globs that find its files under a folder: the CLI's discovery, the server's default `termlint.termFiles`
   * and its file watchers.
   */
  readonly globs: readonly string[];
  /**
   * Reads a term file. `file` names it in the list and in every `Term.origin` (a path or a URI). Never throws:
   * whatever the text, problems are returned, positioned in it.
   */
  read(text: string, file: string): TermFileResult;
  /** The list as a file of this format. */
  write(list: TermList, options?: WriteOptions): WrittenList;
}
