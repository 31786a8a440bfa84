/**
 * Reads and validates a term file (`*.terms.json`). Every problem carries the JSON path and the exact
 * position in the file, so editors can underline it and the CLI can name it. Term files are data:
 * nothing in them is ever compiled as a regular expression or executed.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { formKey, wordCount } from './forms';
import { LineIndex } from './lines';
import { hasUpperCase } from './text';
import type { Term, TermFileProblem, TermFileResult, TermList } from './types';

/** Limits that keep hostile term files from exhausting memory; documented in the README. */
export const TERM_LIMITS = {
  maxFormLength: 500,
  maxWordsPerForm: 64,
  maxFormsPerTerm: 200,
  /** A term file nests 4 levels deep (file, terms, entry, translations); the JSON parser recurses per level. */
  maxNesting: 32,
} as const;

const TOP_KEYS = new Set(['$schema', 'title', 'source', 'language', 'terms', 'ignore']);
const TERM_KEYS = new Set(['term', 'admitted', 'forbidden', 'caseSensitive', 'translations', 'note', 'source']);

interface FormRef {
  termIndex: number;
  text: string;
  kind: 'approved' | 'admitted' | 'forbidden';
  node: JsonNode;
  path: string;
}

export function parseTermFile(text: string, file: string): TermFileResult {
  return parseCleanTermFile(text, file) ?? parseTermFileInFull(text, file);
}

/** The full parser: a syntax tree with positions, so every problem can be pointed at. */
export function parseTermFileInFull(text: string, file: string): TermFileResult {
  const lines = new LineIndex(text);
  const problems: TermFileProblem[] = [];
  const report = (node: { offset: number; length: number } | undefined, path: string, message: string, severity: 'error' | 'warning' = 'error') => {
    const offset = node?.offset ?? 0;
    const length = node?.length ?? 0;
    problems.push({ severity, message, path, offset, length, ...lines.at(offset) });
  };

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
    problems.push({
      severity: 'error',
      message: `Invalid JSON: ${printParseErrorCode(e.error)}`,
      path: '',
      offset,
      length: Math.min(e.length, text.length - offset),
      ...lines.at(offset),
    });
  }
  if (parseErrors.length > 0 || !root) {
    if (!root && parseErrors.length === 0) report(undefined, '', 'The term file is empty');
    return { problems };
  }
  if (root.type !== 'object') {
    report(root, '', 'A term file must be a JSON object with a "terms" array');
    return { problems };
  }

  const list: TermList = { file, terms: [] };
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

  const forms: FormRef[] = [];
  (termsNode.children ?? []).forEach((entry, index) => {
    const term = readTerm(entry, index, list, report, forms);
    if (term) list.terms.push(term);
  });
  checkCollisions(forms, report);
  for (const t of list.terms) Object.assign(t.origin!, lines.at(t.origin!.offset));

  return problems.some((p) => p.severity === 'error') ? { problems } : { list, problems };
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

type Report = (node: { offset: number; length: number } | undefined, path: string, message: string, severity?: 'error' | 'warning') => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The common case, fast: a term file that is strict JSON with no problem at all. JSON.parse builds the values
 * natively and `scanStructure` finds what it cannot tell (where each entry starts, duplicate keys); the checks
 * are the full parser's own. Anything else — a comment, a duplicate key, any problem — returns undefined and the
 * full parser reports it with positions. A 50,000-entry list no longer becomes a syntax tree of a million nodes.
 */
export function parseCleanTermFile(text: string, file: string): TermFileResult | undefined {
  if (nestingPastLimit(text, TERM_LIMITS.maxNesting) >= 0) return undefined;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(root)) return undefined;
  const entryOffsets = scanStructure(text);
  if (!entryOffsets) return undefined;
  let failed = false;
  const report: Report = () => {
    failed = true;
  };
  const list: TermList = { file, terms: [] };
  let entries: unknown[] | undefined;
  for (const key of Object.keys(root)) {
    const value = root[key];
    if (!TOP_KEYS.has(key)) return undefined;
    if (key === 'terms') {
      if (!Array.isArray(value)) return undefined;
      entries = value;
    } else if (key === 'ignore') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) return undefined;
      list.ignore = value.slice() as string[];
    } else {
      if (typeof value !== 'string') return undefined;
      if (key !== '$schema') list[key as 'title' | 'source' | 'language'] = value;
    }
  }
  if (!entries || entries.length !== entryOffsets.length) return undefined;
  const node = { offset: 0, length: 0 } as JsonNode;
  const forms: FormRef[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (!isObject(entry)) return undefined;
    let approved: string | undefined;
    let caseSensitive: boolean | undefined;
    let note: string | undefined;
    let source: string | undefined;
    const translations: Record<string, string> = {};
    // Paths only name problems, and any problem sends the file to the full parser: none are built here.
    const formTexts: { text: string; kind: 'admitted' | 'forbidden' }[] = [];
    for (const key of Object.keys(entry)) {
      const value = entry[key];
      switch (key) {
        case 'term':
          if (typeof value !== 'string') return undefined;
          approved = value;
          break;
        case 'admitted':
        case 'forbidden':
          if (!Array.isArray(value)) return undefined;
          for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i];
            if (typeof item !== 'string') return undefined;
            formTexts.push({ text: item, kind: key });
          }
          break;
        case 'caseSensitive':
          if (typeof value !== 'boolean') return undefined;
          caseSensitive = value;
          break;
        case 'translations':
          if (!isObject(value)) return undefined;
          for (const lang of Object.keys(value)) {
            const t = value[lang];
            if (typeof t !== 'string') return undefined;
            translations[lang] = t;
          }
          break;
        case 'note':
        case 'source':
          if (typeof value !== 'string') return undefined;
          if (key === 'note') note = value;
          else source = value;
          break;
        default:
          return undefined;
      }
    }
    if (approved === undefined) return undefined;
    checkForm(approved, node, '', report);
    for (const f of formTexts) checkForm(f.text, node, '', report);
    if (failed || formTexts.length + 1 > TERM_LIMITS.maxFormsPerTerm) return undefined;
    const term = registerTerm(list, index, { text: approved, node, path: '' }, formTexts.map((f) => ({ ...f, node, path: '' })), { caseSensitive, translations, note, source, offset: entryOffsets[index]! }, forms);
    list.terms.push(term);
  }
  checkCollisions(forms, report);
  if (failed) return undefined;
  const lines = new LineIndex(text);
  for (const t of list.terms) Object.assign(t.origin!, lines.at(t.origin!.offset));
  return { list, problems: [] };
}

/**
 * One pass over strict JSON (JSON.parse has accepted it): the offsets where the elements of the top-level
 * "terms" array start, or undefined when an object repeats a key, a key has an escape, or a key is "__proto__"
 * (JSON.parse and the full parser read those differently).
 */
function scanStructure(text: string): number[] | undefined {
  const offsets: number[] = [];
  // Per open container: keys seen (objects) or null (arrays); the root's "terms" array is marked.
  const keys: (Set<string> | null)[] = [];
  const isTerms: boolean[] = [];
  let lastRootKey = '';
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c /* , */ || c === 0x3a /* : */) {
      if (c === 0x2c) expectKey = keys[keys.length - 1] !== null;
      continue;
    }
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keys.pop();
      isTerms.pop();
      expectKey = false;
      continue;
    }
    const depth = keys.length;
    if (!expectKey && depth > 0 && isTerms[depth - 1]) offsets.push(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      if (expectKey) {
        if (escaped) return undefined;
        const key = text.slice(start + 1, i);
        const seen = keys[depth - 1]!;
        if (key === '__proto__' || seen.has(key)) return undefined;
        seen.add(key);
        if (depth === 1) lastRootKey = key;
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      keys.push(new Set());
      isTerms.push(false);
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      isTerms.push(depth === 1 && lastRootKey === 'terms');
      keys.push(null);
      expectKey = false;
    } else {
      // A number or true/false/null: skip to its end.
      while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    }
  }
  return offsets;
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

function readTerm(entry: JsonNode, index: number, list: TermList, report: Report, forms: FormRef[]): Term | undefined {
  const base = `terms[${index}]`;
  if (entry.type !== 'object') {
    report(entry, base, 'A term entry must be an object with a "term" property');
    return undefined;
  }
  let approved: string | undefined;
  let approvedNode: JsonNode | undefined;
  let caseSensitive: boolean | undefined;
  let note: string | undefined;
  let source: string | undefined;
  const translations: Record<string, string> = {};
  const formNodes: { text: string; kind: 'admitted' | 'forbidden'; node: JsonNode; path: string }[] = [];
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
          } else formNodes.push({ text: item.value as string, kind: key, node: item, path: `${path}[${i}]` });
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
      default:
        report(keyNode, path, `Unknown property "${key}" (allowed: ${[...TERM_KEYS].join(', ')})`);
    }
  }
  if (approved === undefined) {
    if (ok) report(entry, `${base}.term`, 'Missing required property "term"');
    return undefined;
  }
  let valid = checkForm(approved, approvedNode!, `${base}.term`, report);
  for (const f of formNodes) valid = checkForm(f.text, f.node, f.path, report) && valid;
  if (formNodes.length + 1 > TERM_LIMITS.maxFormsPerTerm) {
    report(entry, base, `Too many forms (${formNodes.length + 1}); the limit is ${TERM_LIMITS.maxFormsPerTerm}`);
    valid = false;
  }
  if (!valid || !ok) return undefined;

  const term = registerTerm(list, index, { text: approved, node: approvedNode!, path: `${base}.term` }, formNodes, { caseSensitive, translations, note, source, offset: entry.offset }, forms);
  return term;
}

/** Builds a validated entry into a Term and records its forms for the collision check (both parsers). */
function registerTerm(
  list: TermList,
  index: number,
  approved: { text: string; node: JsonNode; path: string },
  others: readonly { text: string; kind: 'admitted' | 'forbidden'; node: JsonNode; path: string }[],
  meta: { caseSensitive: boolean | undefined; translations: Record<string, string>; note: string | undefined; source: string | undefined; offset: number },
  forms: FormRef[],
): Term {
  forms.push({ termIndex: index, text: approved.text, kind: 'approved', node: approved.node, path: approved.path });
  const admitted: string[] = [];
  const forbidden: string[] = [];
  for (const f of others) {
    forms.push({ termIndex: index, text: f.text, kind: f.kind, node: f.node, path: f.path });
    (f.kind === 'admitted' ? admitted : forbidden).push(f.text);
  }
  const term: Term = {
    id: approved.text,
    term: approved.text,
    admitted,
    forbidden,
    caseSensitive: meta.caseSensitive ?? hasUpperCase(approved.text),
    translations: meta.translations,
    origin: { file: list.file, offset: meta.offset, line: 0, column: 0 },
  };
  if (meta.note !== undefined) term.note = meta.note;
  const src = meta.source ?? list.source;
  if (src !== undefined) term.source = src;
  return term;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

function checkForm(text: string, node: JsonNode, path: string, report: Report): boolean {
  if (text.trim() === '') {
    report(node, path, 'Empty term');
    return false;
  }
  if (text.length > TERM_LIMITS.maxFormLength) {
    report(node, path, `Term is ${text.length} characters long; the limit is ${TERM_LIMITS.maxFormLength}`);
    return false;
  }
  if (CJK.test(text)) {
    // The matcher reads Latin-script words; CJK characters would silently drop out of the form.
    report(node, path, `"${text.slice(0, 40)}" contains CJK characters, which Termlint does not match; put them under "translations"`);
    return false;
  }
  const words = wordCount(text);
  if (words === 0) {
    report(node, path, `"${text.slice(0, 40)}" has no letters or digits, so it can never match`);
    return false;
  }
  if (words > TERM_LIMITS.maxWordsPerForm) {
    report(node, path, `"${text.slice(0, 40)}…" has ${words} words; the limit is ${TERM_LIMITS.maxWordsPerForm}`);
    return false;
  }
  return true;
}

/**
 * Two forms that read the same once case, spaces and hyphens are ignored cannot be told apart by the
 * matcher. Inside one entry that is how a spelling is pinned (forbidden "high quality development" next to
 * approved "high-quality development"); across entries it is a duplicate or a contradiction.
 */
function checkCollisions(forms: FormRef[], report: Report): void {
  const seen = new Map<string, FormRef>();
  // Forms come grouped by entry: a form listed twice is a repeat within the current group.
  let group = -1;
  const exact = new Set<string>();
  for (const f of forms) {
    if (f.termIndex !== group) {
      group = f.termIndex;
      exact.clear();
    }
    if (exact.has(f.text)) {
      report(f.node, f.path, `"${f.text}" is listed twice in this entry`);
      continue;
    }
    exact.add(f.text);
    const key = formKey(f.text);
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, f);
      continue;
    }
    if (prev.termIndex === f.termIndex) continue;
    const forbiddenVsAcceptable = (prev.kind === 'forbidden') !== (f.kind === 'forbidden');
    if (forbiddenVsAcceptable) {
      const [bad, good] = f.kind === 'forbidden' ? [f, prev] : [prev, f];
      report(f.node, f.path, `Contradiction: "${bad.text}" (${bad.path}) is forbidden, but "${good.text}" is an ${good.kind} form at ${good.path}`);
    } else {
      report(f.node, f.path, `Duplicate: "${f.text}" is the same term as "${prev.text}" at ${prev.path}`);
    }
  }
}
