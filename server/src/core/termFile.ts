/**
 * Reads and validates a term file (`*.terms.json`). Every problem carries the JSON path and the exact
 * position in the file, so editors can underline it and the CLI can name it. Term files are data:
 * nothing in them is ever compiled as a regular expression or executed.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { formKey, wordCount } from './forms';
import { LineIndex } from './lines';
import { hasUpperCase } from './text';
import type { Term, TermFileProblem, TermFileResult, TermList, TermOrigin } from './types';

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
  for (const t of list.terms) {
    const { line, column } = lines.at(t.origin!.offset);
    t.origin!.line = line;
    t.origin!.column = column;
  }

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
  let root: unknown;
  try {
    // V8's JSON.parse does not recurse, so deep nesting is safe here; scanStructure refuses it afterwards.
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(root)) return undefined;
  const scan = scanStructure(text, TERM_LIMITS.maxNesting);
  if (!scan) return undefined;
  let failed = false;
  const report: Report = () => {
    failed = true;
  };
  const list: TermList = { file, terms: [] };
  let entries: unknown[] | undefined;
  const rootKeys = Object.keys(root);
  if (rootKeys.length !== scan.rootKeys) return undefined;
  for (const key of rootKeys) {
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
  const count = scan.offsets.length;
  if (!entries || entries.length !== count) return undefined;
  const node = { offset: 0, length: 0 } as JsonNode;
  const forms: FormRef[] = [];
  const terms: Term[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const entry = entries[index];
    if (!isObject(entry)) return undefined;
    const keys = Object.keys(entry);
    // Fewer keys than the text has: JSON.parse kept one of a repeated key.
    if (keys.length !== scan.entryKeys[index]) return undefined;
    let approved: string | undefined;
    let admitted: readonly string[] = NO_FORMS;
    let forbidden: readonly string[] = NO_FORMS;
    let caseSensitive: boolean | undefined;
    let note: string | undefined;
    let source: string | undefined;
    let translations: Record<string, string> = NO_TRANSLATIONS;
    let innerKeys = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const value = entry[key];
      switch (key) {
        case 'term':
          if (typeof value !== 'string') return undefined;
          approved = value;
          break;
        case 'admitted':
        case 'forbidden':
          if (!Array.isArray(value)) return undefined;
          for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return undefined;
          // JSON.parse's own array, exactly sized and referenced from nowhere else, becomes the term's.
          if (value.length > 0) {
            if (key === 'admitted') admitted = value as string[];
            else forbidden = value as string[];
          }
          break;
        case 'caseSensitive':
          if (typeof value !== 'boolean') return undefined;
          caseSensitive = value;
          break;
        case 'translations': {
          if (!isObject(value)) return undefined;
          const langs = Object.keys(value);
          innerKeys = langs.length;
          for (let i = 0; i < langs.length; i++) if (typeof value[langs[i]!] !== 'string') return undefined;
          if (langs.length > 0) translations = value as Record<string, string>;
          break;
        }
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
    // The only object an accepted entry holds is its translations: a repeated language tag shows here.
    if (approved === undefined || innerKeys !== scan.innerKeys[index]) return undefined;
    const formCount = 1 + admitted.length + forbidden.length;
    if (formCount > TERM_LIMITS.maxFormsPerTerm) return undefined;
    // Paths only name problems, and any problem sends the file to the full parser: none are built here.
    checkForm(approved, node, '', report);
    for (let i = 0; i < admitted.length; i++) checkForm(admitted[i]!, node, '', report);
    for (let i = 0; i < forbidden.length; i++) checkForm(forbidden[i]!, node, '', report);
    if (failed) return undefined;
    forms.push({ termIndex: index, text: approved, kind: 'approved', node, path: '' });
    for (let i = 0; i < admitted.length; i++) forms.push({ termIndex: index, text: admitted[i]!, kind: 'admitted', node, path: '' });
    for (let i = 0; i < forbidden.length; i++) forms.push({ termIndex: index, text: forbidden[i]!, kind: 'forbidden', node, path: '' });
    const origin: TermOrigin = { file, offset: scan.offsets[index]!, line: scan.lines[index]!, column: scan.columns[index]! };
    terms[index] = makeTerm(list, approved, admitted, forbidden, caseSensitive, translations, note, source, origin);
  }
  checkCollisions(forms, report);
  if (failed) return undefined;
  list.terms = terms;
  return { list, problems: [] };
}

/** What `scanStructure` reads from the text: entry positions, and key counts to compare with JSON.parse's. */
interface Structure {
  /** Offset, 0-based line and column where each element of the top-level "terms" array starts. */
  offsets: number[];
  lines: number[];
  columns: number[];
  /** Keys written in the root object. */
  rootKeys: number;
  /** Keys written in each element of "terms" (0 for one that is not an object). */
  entryKeys: number[];
  /** Keys written in the objects directly inside each element (its translations, in an accepted entry). */
  innerKeys: number[];
}

const ARRAY = 0;
const OBJECT = 1;
const TERMS_ARRAY = 2;
const ENTRY_OBJECT = 3;

/**
 * One pass over strict JSON (JSON.parse has accepted it, so it holds nothing but strings, numbers, literals,
 * punctuation and whitespace, and line breaks only between tokens). Returns undefined when arrays and objects
 * nest deeper than `maxNesting`, a key has an escape, or a key is "__proto__" (JSON.parse and the full parser
 * read those differently). Repeated keys are found by the caller: an object JSON.parse built with fewer keys
 * than the text wrote.
 */
function scanStructure(text: string, maxNesting: number): Structure | undefined {
  const offsets: number[] = [];
  const lines: number[] = [];
  const columns: number[] = [];
  const entryKeys: number[] = [];
  const innerKeys: number[] = [];
  let rootKeys = 0;
  // Per open container: its kind and the keys written in it so far.
  const kinds = new Uint8Array(maxNesting + 1);
  const keyCounts = new Int32Array(maxNesting + 1);
  let depth = 0;
  let line = 0;
  let lineStart = 0;
  let lastRootKey = '';
  let expectKey = false;
  let backslash = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3a /* : */) continue;
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 0x2c /* , */) {
      expectKey = kinds[depth - 1] !== ARRAY && kinds[depth - 1] !== TERMS_ARRAY;
      continue;
    }
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      if (c === 0x7d) {
        const keys = keyCounts[depth]!;
        if (depth === 0) rootKeys = keys;
        else if (kinds[depth] === ENTRY_OBJECT) entryKeys[entryKeys.length - 1] = keys;
        else if (depth > 0 && kinds[depth - 1] === ENTRY_OBJECT) innerKeys[innerKeys.length - 1]! += keys;
      }
      expectKey = false;
      continue;
    }
    const inTerms = depth > 0 && kinds[depth - 1] === TERMS_ARRAY;
    if (inTerms) {
      offsets.push(i);
      lines.push(line);
      columns.push(i - lineStart);
      entryKeys.push(0);
      innerKeys.push(0);
    }
    if (c === 0x22 /* " */) {
      // To the closing quote, natively: a quote after a backslash is escaped (and so is a backslash).
      const start = i;
      let escaped = false;
      if (backslash <= i) backslash = nextBackslash(text, i + 1);
      i = text.indexOf('"', i + 1);
      while (backslash < i) {
        escaped = true;
        const after = backslash + 2;
        if (i < after) i = text.indexOf('"', after);
        backslash = nextBackslash(text, after);
      }
      if (expectKey) {
        if (escaped || (i - start === 10 && text.startsWith('__proto__', start + 1))) return undefined;
        keyCounts[depth - 1]!++;
        if (depth === 1) lastRootKey = text.slice(start + 1, i);
        expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === maxNesting) return undefined;
      if (c === 0x7b) {
        kinds[depth] = inTerms ? ENTRY_OBJECT : OBJECT;
        keyCounts[depth] = 0;
        expectKey = true;
      } else {
        kinds[depth] = depth === 1 && lastRootKey === 'terms' ? TERMS_ARRAY : ARRAY;
        expectKey = false;
      }
      depth++;
    } else {
      // A number or true/false/null: skip to its end.
      for (let d = text.charCodeAt(i + 1); i + 1 < n; d = text.charCodeAt(i + 1)) {
        if (d === 0x2c || d === 0x5d || d === 0x7d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
        i++;
      }
    }
  }
  return { offsets, lines, columns, rootKeys, entryKeys, innerKeys };
}

function nextBackslash(text: string, from: number): number {
  const at = text.indexOf('\\', from);
  return at < 0 ? text.length : at;
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

  const origin: TermOrigin = { file: list.file, offset: entry.offset, line: 0, column: 0 };
  return registerTerm(list, index, { text: approved, node: approvedNode!, path: `${base}.term` }, formNodes, { caseSensitive, translations, note, source, origin }, forms);
}

/**
 * Shared by every term without admitted or forbidden forms, or without translations: a list of 50,000 terms
 * would otherwise hold 100,000 empty arrays and 50,000 empty objects. Frozen, and never mutated anywhere.
 */
const NO_FORMS: readonly string[] = Object.freeze([]);
const NO_TRANSLATIONS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Builds a validated entry into a Term and records its forms for the collision check (the full parser). */
function registerTerm(
  list: TermList,
  index: number,
  approved: { text: string; node: JsonNode; path: string },
  others: readonly { text: string; kind: 'admitted' | 'forbidden'; node: JsonNode; path: string }[],
  meta: { caseSensitive: boolean | undefined; translations: Record<string, string>; note: string | undefined; source: string | undefined; origin: TermOrigin },
  forms: FormRef[],
): Term {
  forms.push({ termIndex: index, text: approved.text, kind: 'approved', node: approved.node, path: approved.path });
  let admitted: string[] | undefined;
  let forbidden: string[] | undefined;
  for (const f of others) {
    forms.push({ termIndex: index, text: f.text, kind: f.kind, node: f.node, path: f.path });
    if (f.kind === 'admitted') (admitted ??= []).push(f.text);
    else (forbidden ??= []).push(f.text);
  }
  const translations = Object.keys(meta.translations).length > 0 ? meta.translations : NO_TRANSLATIONS;
  return makeTerm(list, approved.text, admitted ?? NO_FORMS, forbidden ?? NO_FORMS, meta.caseSensitive, translations, meta.note, meta.source, meta.origin);
}

/** A Term as both parsers build it (the same properties in the same order). */
function makeTerm(
  list: TermList,
  approved: string,
  admitted: readonly string[],
  forbidden: readonly string[],
  caseSensitive: boolean | undefined,
  translations: Record<string, string>,
  note: string | undefined,
  source: string | undefined,
  origin: TermOrigin,
): Term {
  const term: Term = {
    id: approved,
    term: approved,
    // Read-only in practice: nothing mutates a term's lists (the empty ones are shared and frozen).
    admitted: admitted as string[],
    forbidden: forbidden as string[],
    caseSensitive: caseSensitive ?? hasUpperCase(approved),
    translations,
    origin,
  };
  if (note !== undefined) term.note = note;
  const src = source ?? list.source;
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
