/**
 * Text into HTML: everything a draft, a file name or a term list says is escaped before it is written, in
 * text and in attribute values (which the pages always quote with `"`).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}
