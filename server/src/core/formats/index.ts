/**
 * The one registry of document formats. The server, the CLI, workspace lint, extraction, code actions and
 * `DocumentLinter` all ask it, by format id, by VS Code language id or by file path, so a format is known
 * everywhere once it is listed here.
 */
import { html } from './html';
import { markdown } from './markdown';
import { plaintext } from './plaintext';

/** Every format Termlint checks. Plain text comes second but is the fallback for what no format claims. */
export const FORMATS = [markdown, plaintext, html] as const;

/** One of the registered formats (its `id` is a `FormatId`). */
export type RegisteredFormat = (typeof FORMATS)[number];

/** A format's id, as in `LintOptions.format`. */
export type FormatId = RegisteredFormat['id'];

const byId = new Map<string, RegisteredFormat>(FORMATS.map((f) => [f.id, f]));
const byLanguageId = new Map<string, RegisteredFormat>(FORMATS.flatMap((f) => f.languageIds.map((l) => [l, f] as const)));
const byExtension = new Map<string, RegisteredFormat>(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

export function formatById(id: FormatId): RegisteredFormat {
  const format = byId.get(id);
  if (!format) throw new Error(`Termlint: no document format "${String(id)}" (known: ${[...byId.keys()].join(', ')})`);
  return format;
}

/** The format of documents with this VS Code language id, if one claims it. */
export function findFormatByLanguageId(languageId: string): RegisteredFormat | undefined {
  return byLanguageId.get(languageId);
}

/** The format to lint a document with this language id in: plain text when no format claims it. */
export function formatForLanguageId(languageId: string): RegisteredFormat {
  return byLanguageId.get(languageId) ?? plaintext;
}

/** The extension of a file name or path, lower case, without the dot ('' when it has none). */
export function extensionOf(path: string): string {
  return /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

/** The format whose extensions include this path's, if one does. */
export function findFormatByPath(path: string): RegisteredFormat | undefined {
  return byExtension.get(extensionOf(path));
}

/** The format to lint a file in: plain text when no format claims its extension. */
export function formatForPath(path: string): RegisteredFormat {
  return findFormatByPath(path) ?? plaintext;
}

/** The language ids `termlint.languages` names by default: each format's first. */
export const DEFAULT_LANGUAGE_IDS: readonly string[] = FORMATS.map((f) => f.languageIds[0]);

export type { Block, BlockKind, DocumentFormat, FormatScan, FormatStructure, IncrementalScanner, LineDirective, Rescan, Span, TextChange } from './format';
