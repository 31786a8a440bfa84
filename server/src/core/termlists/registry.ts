/**
 * The term-list readers Termlint has, and the one place that picks a reader for a file: loading (CLI, server),
 * discovery, watching, conversion and the settings' defaults all ask here. A new format is one reader file
 * plus its line in `TERM_LIST_READERS`.
 *
 * Two questions, two answers. Is this file a term list, found under a folder or watched? Only by a reader's
 * naming (`*.terms.json`, `*.tbx`, `*.terms.csv`, `*.terms.tsv`), so a project's other JSON and CSV files are
 * never taken for term lists. Which reader reads a file named as a term list (`--terms`, a user's glob)? Its
 * naming, else its extension (`.csv`, `.tsv`, `.json`, `.xml`), else its content (XML is TBX), else JSON.
 */
import type { TermFileResult } from '../types';
import { csvReader } from './csv';
import { jsonReader } from './json';
import type { TermListReader } from './reader';
import { tbxReader } from './tbx';

export const TERM_LIST_READERS: readonly TermListReader[] = [jsonReader, tbxReader, csvReader];

function endsWith(name: string, suffix: string): boolean {
  return name.length >= suffix.length && name.slice(name.length - suffix.length).toLowerCase() === suffix;
}

/** The reader whose naming `name` (a file name, path or URI) follows, or undefined. */
export function readerForFile(name: string): TermListReader | undefined {
  for (const reader of TERM_LIST_READERS) if (reader.suffixes.some((s) => endsWith(name, s))) return reader;
  return undefined;
}

/** True when `name` follows a reader's naming (`*.terms.json`, `*.tbx`, `*.terms.csv`, `*.terms.tsv`). */
export function isTermListFile(name: string): boolean {
  return readerForFile(name) !== undefined;
}

/** The reader for a file named as a term list: by its naming, else its extension; undefined when neither says. */
export function readerForName(name: string): TermListReader | undefined {
  return readerForFile(name) ?? TERM_LIST_READERS.find((r) => r.extensions.some((e) => endsWith(name, e)));
}

/**
 * Reads a term file with the reader its name asks for. A file named otherwise (given with `--terms`, or matched
 * by a `termlint.termFiles` glob of the user's) is read as TBX when it is XML, else as JSON, as every term file
 * was before readers.
 */
export function readTermList(text: string, file: string): TermFileResult {
  const reader = readerForName(file) ?? (/^\ufeff?\s*</.test(text) ? tbxReader : jsonReader);
  return reader.read(text, file);
}

/** Every reader's globs: what finds term files under a folder. */
export function termListGlobs(): string[] {
  return TERM_LIST_READERS.flatMap((r) => r.globs);
}
