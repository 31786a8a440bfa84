/**
 * What a term-list reader is: one file format in, the validated model (`TermFileResult`) out. One file per
 * reader beside this one, each registered in `registry.ts`; readers parse their own syntax and leave every
 * check to `TermListBuilder` (builder.ts), so every format is validated alike.
 */
import type { TermFileResult } from '../types';

export interface TermListReader {
  /** Short name of the format, e.g. `json`. */
  readonly id: string;
  /** Endings of the file names it reads, e.g. `.terms.json`: how a file's reader is chosen. */
  readonly suffixes: readonly string[];
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
}
