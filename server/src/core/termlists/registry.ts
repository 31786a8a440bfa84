/**
 * The term-list readers Termlint has, and the one place that picks a reader for a file: loading (CLI, server),
 * discovery, watching and the settings' defaults all ask here. A new format is one reader file plus its line
 * in `TERM_LIST_READERS`.
 */
import type { TermFileResult } from '../types';
import { jsonReader } from './json';
import type { TermListReader } from './reader';

export const TERM_LIST_READERS: readonly TermListReader[] = [jsonReader];

/** The reader whose naming `name` (a file name, path or URI) follows, or undefined. */
export function readerForFile(name: string): TermListReader | undefined {
  for (const reader of TERM_LIST_READERS) if (reader.suffixes.some((s) => name.endsWith(s))) return reader;
  return undefined;
}

/** True when `name` follows a reader's naming (`*.terms.json`). */
export function isTermListFile(name: string): boolean {
  return readerForFile(name) !== undefined;
}

/**
 * Reads a term file with the reader its name asks for. A file named otherwise (given with `--terms`, or matched
 * by a `termlint.termFiles` glob of the user's) is read as JSON, as every term file was before readers.
 */
export function readTermList(text: string, file: string): TermFileResult {
  return (readerForFile(file) ?? jsonReader).read(text, file);
}

/** Every reader's globs: what finds term files under a folder. */
export function termListGlobs(): string[] {
  return TERM_LIST_READERS.flatMap((r) => r.globs);
}
