/**
 * The positioned JSON parser: a syntax tree (jsonc-parser, comments allowed), so every problem carries the
 * JSON path and the exact place in the file and editors can underline it. Term files are data: nothing in
 * them is ever compiled as a regular expression or executed.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { TermFileResult } from '../types';
import { type EntryInput, TermListBuilder } from './builder';
import { TERM_KEYS, TOP_KEYS } from './jsonKeys';
import { type Report, TERM_LIMITS, isAbbreviation } from './validation';

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
  for (const e of parseErrors) {
    // The parser can point one past the end (an unclosed comment or brace): keep ranges inside the file.
    const offset = Math.min(e.offset, text.length);
    report({ offset, length: Math.min(e.length, text.length - offset) }, '', `Invalid JSON: ${printParseErrorCode(e.error)}`);
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
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!TOP_KEYS.has(key)) {
      report(keyNode, key, `Unknown property "${key}" (allowed: ${[...TOP_KEYS].join(', ')})`);
      continue;
    }
    if (key === 'terms') {
      if (valueNode.type !== 'array') report(valueNode, 'terms', '"terms" must be an array');
      else termsNode = valueNode;
    } else if (key === 'ignore') {
      const ignore = readStringArray(valueNode, 'ignore', report);
      if (ignore) list.ignore = ignore;
    } else if (key === 'title' || key === 'source' || key === 'language' || key === '$schema') {
      if (valueNode.type !== 'string') report(valueNode, key, `"${key}" must be a string`);
      else if (key !== '$schema') list[key] = valueNode.value as string;
    }
  }
  if (!termsNode) {
    if (!problems.some((p) => p.path === 'terms')) report(root, 'terms', 'Missing required property "terms"');
    return { problems };
  }

  (termsNode.children ?? []).forEach((entry, index) => readTerm(entry, index, builder));
  return builder.finish();
}

/**
 * Offset of the first `[` or `{` nested deeper than `max` (outside strings and comments), or -1. The JSON
 * parser recurses once per level, so 10,000 nested brackets would overflow the stack.
 */
function nestingPastLimit(text: string, max: number): number {
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

function readStringArray(node: JsonNode, path: string, report: Report): string[] | undefined {
  if (node.type !== 'array') {
    report(node, path, `"${path.replace(/.*\./, '')}" must be an array of strings`);
    return undefined;
  }
  const out: string[] = [];
  (node.children ?? []).forEach((item, i) => {
    if (item.type !== 'string') report(item, `${path}[${i}]`, 'Expected a string');
    else if ((item.value as string).trim() === '') report(item, `${path}[${i}]`, 'Empty string');
    else out.push(item.value as string);
  });
  return out;
}

/** Reads one element of "terms": its types here, its forms through the builder. */
function readTerm(entry: JsonNode, index: number, builder: TermListBuilder): void {
  const { report } = builder;
  const base = `terms[${index}]`;
  if (entry.type !== 'object') {
    report(entry, base, 'A term entry must be an object with a "term" property');
    return;
  }
  let approved: string | undefined;
  let approvedNode: JsonNode | undefined;
  let caseSensitive: boolean | undefined;
  let note: string | undefined;
  let source: string | undefined;
  let abbreviation: string | undefined;
  let abbreviationDefined: boolean | undefined;
  let definedNode: JsonNode | undefined;
  const translations: Record<string, string> = {};
  const others: EntryInput['others'][number][] = [];
  let ok = true;

  for (const prop of entry.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const path = `${base}.${key}`;
    switch (key) {
      case 'term':
        if (valueNode.type !== 'string') {
          report(valueNode, path, '"term" must be a string');
          ok = false;
        } else {
          approved = valueNode.value as string;
          approvedNode = valueNode;
        }
        break;
      case 'admitted':
      case 'forbidden': {
        if (valueNode.type !== 'array') {
          report(valueNode, path, `"${key}" must be an array of strings`);
          ok = false;
          break;
        }
        (valueNode.children ?? []).forEach((item, i) => {
          if (item.type !== 'string') {
            report(item, `${path}[${i}]`, 'Expected a string');
            ok = false;
          } else others.push({ text: item.value as string, kind: key, span: item, path: `${path}[${i}]` });
        });
        break;
      }
      case 'caseSensitive':
        if (valueNode.type !== 'boolean') report(valueNode, path, '"caseSensitive" must be true or false');
        else caseSensitive = valueNode.value as boolean;
        break;
      case 'translations':
        if (valueNode.type !== 'object') report(valueNode, path, '"translations" must be an object of language tag → text');
        else
          for (const t of valueNode.children ?? []) {
            const [k, v] = t.children ?? [];
            if (!k || !v) continue;
            if (v.type !== 'string') report(v, `${path}.${String(k.value)}`, 'A translation must be a string');
            else translations[String(k.value)] = v.value as string;
          }
        break;
      case 'note':
      case 'source':
        if (valueNode.type !== 'string') report(valueNode, path, `"${key}" must be a string`);
        else if (key === 'note') note = valueNode.value as string;
        else source = valueNode.value as string;
        break;
      case 'abbreviation':
        if (valueNode.type !== 'string' || !isAbbreviation(valueNode.value as string)) report(valueNode, path, '"abbreviation" must be one word of at most 20 characters with a letter, such as "IPP"');
        else abbreviation = valueNode.value as string;
        break;
      case 'abbreviationDefined':
        if (valueNode.type !== 'boolean') report(valueNode, path, '"abbreviationDefined" must be true or false');
        else {
          abbreviationDefined = valueNode.value as boolean;
          definedNode = keyNode;
        }
        break;
      default:
        report(keyNode, path, `Unknown property "${key}" (allowed: ${[...TERM_KEYS].join(', ')})`);
    }
  }
  if (approved === undefined) {
    if (ok) report(entry, `${base}.term`, 'Missing required property "term"');
    return;
  }
  if (definedNode && abbreviation === undefined) report(definedNode, `${base}.abbreviationDefined`, '"abbreviationDefined" needs an "abbreviation"');
  const input: EntryInput = {
    index,
    span: entry,
    path: base,
    approved: { text: approved, span: approvedNode!, path: `${base}.term` },
    others,
    caseSensitive,
    translations,
    note,
    source,
    ...(abbreviation !== undefined ? { abbreviation: { short: abbreviation, defined: abbreviationDefined ?? false } } : {}),
  };
  // Forms are checked even in an entry with a wrong type elsewhere, so one pass shows every problem.
  if (builder.checkEntry(input) && ok) builder.addTerm(input);
}
