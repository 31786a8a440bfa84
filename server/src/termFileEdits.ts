/**
 * Edits to term files for "Add to the term list" and "Ignore in this workspace", computed with
 * jsonc-parser so comments and the rest of the file are kept.
 */
import { modify, parseTree, findNodeAtLocation, type Edit as JsonEdit, type Node as JsonNode } from 'jsonc-parser';
import { normalizeLanguageTag, type Term } from './core';

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } } as const;

function sameForm(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The forms or phrases of an array: strings, or `{ "form": … }` / `{ "phrase": … }` objects. */
function stringItems(node: JsonNode | undefined): string[] {
  return (node?.children ?? []).map((c) => {
    if (typeof c.value === 'string') return c.value;
    const inner = findNodeAtLocation(c, ['form'])?.value ?? findNodeAtLocation(c, ['phrase'])?.value;
    return typeof inner === 'string' ? inner : '';
  });
}

/** The path of `lang`'s block in an entry's "languages", by whatever tag the file writes for it. */
function languageKey(entry: JsonNode, lang: string): string[] | undefined {
  const languages = findNodeAtLocation(entry, ['languages']);
  for (const prop of languages?.children ?? []) {
    const key = prop.children?.[0]?.value;
    if (typeof key === 'string' && normalizeLanguageTag(key) === lang) return ['languages', key];
  }
  return undefined;
}

/** A new term file holding just `content` (`terms` and/or `ignore`). */
export function newTermFileText(content: { terms?: unknown[]; ignore?: string[] }): string {
  return JSON.stringify({ title: 'Workspace terms', terms: content.terms ?? [], ...(content.ignore ? { ignore: content.ignore } : {}) }, null, 2) + '\n';
}

/** Adds `word` to the top-level `ignore` list (creating it); no edits when it is already there. */
export function ignoreEdits(text: string, word: string): JsonEdit[] {
  const root = parseTree(text);
  const ignore = root ? findNodeAtLocation(root, ['ignore']) : undefined;
  if (stringItems(ignore).some((w) => sameForm(w, word))) return [];
  return modify(text, ['ignore', -1], word, { ...FORMAT, isArrayInsertion: true });
}

/** Index in `terms` of the entry object starting at `offset`. */
function entryIndexAt(root: JsonNode, offset: number): number {
  const terms = findNodeAtLocation(root, ['terms']);
  return (terms?.children ?? []).findIndex((n) => n.offset === offset);
}

/**
 * Makes `found` an admitted form of the entry at `entryOffset` (removing it from `forbidden`). An entry with no
 * block for `lang` gets one when `approved` (the language's approved form) is given, else nothing. Undefined when
 * the entry is not where the term list says (the file changed since it was read).
 */
export function admitEdits(text: string, entryOffset: number, found: string, lang = 'en', approved?: string): JsonEdit[] | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const index = entryIndexAt(root, entryOffset);
  if (index < 0) return undefined;
  const entry = findNodeAtLocation(root, ['terms', index])!;
  // "term" holds the list's language; any other language's forms are in its block under "languages".
  const listLang = normalizeLanguageTag(String(findNodeAtLocation(root, ['language'])?.value ?? 'en')) ?? 'en';
  const block = findNodeAtLocation(entry, ['term']) && listLang === lang ? [] : languageKey(entry, lang);
  if (!block) return approved === undefined ? undefined : modify(text, ['terms', index, 'languages', lang], { approved, admitted: [found] }, FORMAT);
  const at = ['terms', index, ...block];
  const admitted = stringItems(findNodeAtLocation(entry, [...block, 'admitted']));
  const forbidden = stringItems(findNodeAtLocation(entry, [...block, 'forbidden']));
  const out: JsonEdit[] = [];
  let current = text;
  const apply = (edits: JsonEdit[]) => {
    // Each modify works on the text left by the previous one; compose them into one edit of the span.
    for (const e of edits) current = current.slice(0, e.offset) + e.content + current.slice(e.offset + e.length);
    out.push(...edits);
  };
  const gone = forbidden.findIndex((f) => sameForm(f, found));
  if (gone >= 0) apply(modify(current, [...at, 'forbidden', gone], undefined, FORMAT));
  if (!admitted.some((a) => sameForm(a, found))) apply(modify(current, [...at, 'admitted', -1], found, { ...FORMAT, isArrayInsertion: true }));
  if (out.length <= 1) return out;
  return [wholeDiff(text, current)];
}

/** A single edit turning `before` into `after` (common prefix and suffix left alone). */
function wholeDiff(before: string, after: string): JsonEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { offset: start, length: endB - start, content: after.slice(start, endA) };
}

/**
 * The entry to write into the workspace term file to admit `found` for a term from a list Termlint does not
 * edit (a shipped list, a TBX or CSV file). Lists merge (core/termlists/merge.ts): the later entry adds its
 * forms and decides their status, so naming the term and the admitted form is enough; the rest of the entry
 * stays where it is.
 */
export function overridingEntry(term: Term, found: string): Record<string, unknown> {
  const lang = term.lang ?? 'en';
  if (lang === 'en') return { term: term.term, admitted: [found] };
  // A form of another language (a Chinese script) goes into that language's block, beside the approved form it
  // varies; the concept's English form, when it has one, names the concept as the other lists do.
  const block = { [lang]: { approved: term.term, admitted: [found] } };
  const english = term.translations.en;
  return english !== undefined ? { term: english, languages: block } : { languages: block };
}

/** Appends `entry` to `terms` (or replaces the entry with the same approved form). */
export function addEntryEdits(text: string, entry: Record<string, unknown>): JsonEdit[] {
  const root = parseTree(text);
  const terms = root ? findNodeAtLocation(root, ['terms']) : undefined;
  const index = (terms?.children ?? []).findIndex((n) => {
    const t = findNodeAtLocation(n, ['term']);
    return typeof t?.value === 'string' && t.value === entry.term;
  });
  if (index >= 0) return modify(text, ['terms', index], entry, FORMAT);
  return modify(text, ['terms', -1], entry, { ...FORMAT, isArrayInsertion: true });
}
