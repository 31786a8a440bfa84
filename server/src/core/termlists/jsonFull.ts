/**
 * The positioned JSON parser: a syntax tree (jsonc-parser, comments allowed), so every problem carries the
 * JSON path and the exact place in the file and editors can underline it. Term files are data: nothing in
 * them is ever compiled as a regular expression or executed.
 */
import { type Node as JsonNode, type ParseError, parseTree } from 'jsonc-parser';
import { normalizeLanguageTag } from '../languages/tags';
import type { TermFileResult } from '../types';
import { TermListBuilder } from './builder';
import { jsonErrorMessage } from './jsonErrors';
import { readExceptions, readJsonEntry } from './jsonEntry';
import { TOP_KEYS, unknownKey } from './jsonKeys';
import { TERM_LIMITS, checkPhrase } from './validation';

export function parseTermFileInFull(text: string, file: string): TermFileResult {
  const builder = new TermListBuilder(text, file);
  const { report, problems, list } = builder;

  if (text.trim() === '') {
    report(undefined, '', 'The term file is empty');
    return { problems };
  }
  const tooDeep = nestingPastLimit(text, TERM_LIMITS.maxNesting);
  if (tooDeep >= 0) {
    report({ offset: tooDeep, length: 1 }, '', `Arrays and objects nest more than ${TERM_LIMITS.maxNesting} levels deep here; a term file needs 4`);
    return { problems };
  }

  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
  // One message per place: after a slip the parser often reports two errors where one character is wrong.
  const seen = new Set<number>();
  for (const e of parseErrors) {
    // The parser can point one past the end (an unclosed comment or brace): keep ranges inside the file.
    const offset = Math.min(e.offset, text.length);
    if (seen.has(offset)) continue;
    seen.add(offset);
    report({ offset, length: Math.min(e.length, text.length - offset) }, '', jsonErrorMessage(e, text));
  }
  if (parseErrors.length > 0 || !root) {
    if (!root && parseErrors.length === 0) report(undefined, '', 'The term file is empty');
    return { problems };
  }
  if (root.type !== 'object') {
    report(root, '', 'A term file must be a JSON object with a "terms" array');
    return { problems };
  }

  let termsNode: JsonNode | undefined;
  let listLang = 'en';
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!TOP_KEYS.has(key)) {
      unknownKey(keyNode, key, key, TOP_KEYS, report);
      continue;
    }
    if (key === 'terms') {
      if (valueNode.type !== 'array') report(valueNode, 'terms', '"terms" must be an array');
      else termsNode = valueNode;
    } else if (key === 'ignore') {
      const phrases = readExceptions(valueNode, 'ignore', report);
      if (phrases) list.ignore = [];
      for (const p of phrases ?? []) {
        if (!checkPhrase(p.phrase, p.span, p.path, report)) continue;
        list.ignore!.push(p.phrase);
        if (p.note !== undefined) (list.ignoreNotes ??= {})[p.phrase] = p.note;
      }
    } else if (key === 'title' || key === 'source' || key === 'language' || key === '$schema') {
      if (valueNode.type !== 'string') report(valueNode, key, `"${key}" must be a string`);
      else if (key !== '$schema') list[key] = valueNode.value as string;
      if (key === 'language' && valueNode.type === 'string') {
        const tag = normalizeLanguageTag(valueNode.value as string);
        if (tag) listLang = tag;
        else report(valueNode, key, `"${String(valueNode.value)}" is not a language tag (BCP 47, e.g. "en"); the forms are read as English`, 'warning');
      }
    }
  }
  if (!termsNode) {
    if (!problems.some((p) => p.path === 'terms')) report(root, 'terms', 'Missing required property "terms"');
    return { problems };
  }

  (termsNode.children ?? []).forEach((entry, index) => readJsonEntry(entry, index, builder, listLang));
  return builder.finish();
}

/**
 * Offset of the first `[` or `{` nested deeper than `max` (outside strings and comments), or -1. The JSON
 * parser recurses once per level, so 10,000 nested brackets would overflow the stack.
 */
export function nestingPastLimit(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}
