/** The keys a JSON term file may hold, shared by its two parsers (the fast one and the positioned one). */
import type { Node as JsonNode } from 'jsonc-parser';
import { closestName } from '../suggest';
import type { Report } from './validation';

export const TOP_KEYS: ReadonlySet<string> = new Set(['$schema', 'title', 'source', 'language', 'terms', 'ignore']);
export const TERM_KEYS: ReadonlySet<string> = new Set([
  'term',
  'admitted',
  'forbidden',
  'caseSensitive',
  'translations',
  'note',
  'source',
  'id',
  'languages',
  'exceptions',
  'subject',
  'definition',
  'replace',
  'modifier',
  'notVariants',
  'abbreviation',
  'abbreviationDefined',
]);


/** An unknown key: the known one it most likely misspells ("admited"), as a replacement, or the keys allowed there. */
export function unknownKey(node: JsonNode, path: string, key: string, known: Iterable<string>, report: Report): void {
  const keys = [...known];
  const meant = closestName(key, keys.filter((k) => k !== '$schema'));
  if (meant) report(node, path, `Unknown property "${key}": did you mean "${meant}"?`, 'error', { replacement: JSON.stringify(meant) });
  else report(node, path, `Unknown property "${key}" (allowed: ${keys.join(', ')})`);
}
