/** The proposal written as a term file. */
import type { ExtractionResult } from './types';

export interface TermFileJsonOptions {
  title?: string;
  source?: string;
  /**
   * The `$schema` to write, relative to where the file is saved; none by default (a relative path resolves only
   * where it was meant to, and editors with the extension validate every `*.terms.json` anyway).
   */
  schema?: string;
  /** Default "en". */
  language?: string;
}

/** The proposal as term file text: entries sorted by term, 2-space JSON, a trailing newline. */
export function toTermFileJson(result: ExtractionResult, options: TermFileJsonOptions = {}): string {
  const entries = result.terms
    .map((t) => t.entry)
    .slice()
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const terms = entries.map((e) => {
    const out: Record<string, unknown> = { term: e.term, admitted: e.admitted, forbidden: e.forbidden };
    if (e.caseSensitive !== undefined) out.caseSensitive = e.caseSensitive;
    out.note = e.note;
    return out;
  });
  const file: Record<string, unknown> = {};
  if (options.schema !== undefined) file.$schema = options.schema;
  if (options.title !== undefined) file.title = options.title;
  const source = options.source ?? result.source;
  if (source !== undefined) file.source = source;
  file.language = options.language ?? 'en';
  file.terms = terms;
  return `${JSON.stringify(file, null, 2)}\n`;
}
