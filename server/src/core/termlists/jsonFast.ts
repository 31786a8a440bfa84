/**
 * The fast path of the JSON reader, for the common case: a term file that is strict JSON with no problem at
 * all. JSON.parse builds the values natively and `scanStructure` finds what it cannot tell (where each entry
 * starts, duplicate keys); the checks are the shared ones (validation.ts) and the Terms are built as the
 * builder builds them. Anything else — a comment, a duplicate key, any problem — returns undefined and the
 * positioned parser (jsonFull.ts) reports it. A 50,000-entry list never becomes a syntax tree of a million
 * nodes, and no entry here allocates more than its Term and its forms' records.
 */
import type { Term, TermFileResult, TermList, TermOrigin } from '../types';
import { NO_FORMS, NO_TRANSLATIONS, makeTerm } from './builder';
import { TOP_KEYS } from './jsonKeys';
import { normalizeLanguageTag } from '../languages/tags';
import { type FormRef, type Report, type Span, TERM_LIMITS, checkCollisions, checkForm, checkPhrase, isAbbreviation } from './validation';

/** Tags already as the list keeps them, remembered: a list repeats the same few tags thousands of times. */
const normalTags = new Map<string, boolean>();
function isNormalTag(tag: string): boolean {
  let normal = normalTags.get(tag);
  if (normal === undefined) {
    const n = normalizeLanguageTag(tag);
    normal = n === tag || n === undefined;
    if (normalTags.size < 1000) normalTags.set(tag, normal);
  }
  return normal;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Exactly what the positioned parser returns for a clean file; undefined for any other file. */
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
  // Problems here only decide that the full parser takes over: no positions, no paths.
  const span: Span = { offset: 0, length: 0 };
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
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && checkPhrase(v, span, '', report))) return undefined;
      list.ignore = value.slice() as string[];
    } else {
      if (typeof value !== 'string') return undefined;
      if (key !== '$schema') list[key as 'title' | 'source' | 'language'] = value;
      // Only English lists: another language's forms are checked by its own rules (the positioned parser's).
      if (key === 'language' && normalizeLanguageTag(value) !== 'en') return undefined;
    }
  }
  const count = scan.offsets.length;
  if (!entries || entries.length !== count) return undefined;

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
    let abbreviation: string | undefined;
    let abbreviationDefined: boolean | undefined;
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
          // A tag written otherwise than the list keeps it (zh-CN for zh-Hans) is renamed by the positioned parser.
          for (let i = 0; i < langs.length; i++) if (typeof value[langs[i]!] !== 'string' || !isNormalTag(langs[i]!)) return undefined;
          if (langs.length > 0) translations = value as Record<string, string>;
          break;
        }
        case 'note':
        case 'source':
          if (typeof value !== 'string') return undefined;
          if (key === 'note') note = value;
          else source = value;
          break;
        case 'abbreviation':
          // Anything but one word is a problem the full parser positions.
          if (typeof value !== 'string' || !isAbbreviation(value)) return undefined;
          abbreviation = value;
          break;
        case 'abbreviationDefined':
          if (typeof value !== 'boolean') return undefined;
          abbreviationDefined = value;
          break;
        default:
          return undefined;
      }
    }
    // The only object an accepted entry holds is its translations: a repeated language tag shows here.
    if (approved === undefined || innerKeys !== scan.innerKeys[index]) return undefined;
    if (abbreviationDefined !== undefined && abbreviation === undefined) return undefined;
    const formCount = 1 + admitted.length + forbidden.length;
    if (formCount > TERM_LIMITS.maxFormsPerTerm) return undefined;
    // Paths only name problems, and any problem sends the file to the full parser: none are built here.
    checkForm(approved, span, '', report);
    for (let i = 0; i < admitted.length; i++) checkForm(admitted[i]!, span, '', report);
    for (let i = 0; i < forbidden.length; i++) checkForm(forbidden[i]!, span, '', report);
    if (failed) return undefined;
    forms.push({ termIndex: index, text: approved, kind: 'approved', span, path: '' });
    for (let i = 0; i < admitted.length; i++) forms.push({ termIndex: index, text: admitted[i]!, kind: 'admitted', span, path: '' });
    for (let i = 0; i < forbidden.length; i++) forms.push({ termIndex: index, text: forbidden[i]!, kind: 'forbidden', span, path: '' });
    const origin: TermOrigin = { file, offset: scan.offsets[index]!, line: scan.lines[index]!, column: scan.columns[index]! };
    terms[index] = makeTerm(list, approved, admitted, forbidden, caseSensitive, translations, note, source, origin, abbreviation === undefined ? undefined : { short: abbreviation, defined: abbreviationDefined ?? false });
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
