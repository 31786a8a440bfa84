/** The proposal written as a term file. */
import type { ExtractionResult } from './types';

export interface TermFileJsonOptions {
  title?: string;
  source?: string;
  /** Default "./terms.schema.json" (the schema next to the shipped lists). */
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
  const file: Record<string, unknown> = { $schema: options.schema ?? './terms.schema.json' };
  if (options.title !== undefined) file.title = options.title;
  const source = options.source ?? result.source;
  if (source !== undefined) file.source = source;
  file.language = options.language ?? 'en';
  file.terms = terms;
  return `${JSON.stringify(file, null, 2)}\n`;
}
