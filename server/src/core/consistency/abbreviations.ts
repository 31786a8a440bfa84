/**
 * Abbreviations checked in the same pass as variants: "Institute of Public Policy (IPP)" and
 * "IPP (Institute of Public Policy)" define one (the letters of the short form must spell the long one,
 * Schwartz & Hearst, as extraction reads them). Then, per abbreviation:
 *
 * - `abbreviation`: used before its definition (fixed by defining it at the first use, and using the short form
 *   where it was defined); defined again (fixed to the short form); defined with another expansion than the
 *   first definition, or than the term list's; used with no definition when the term list knows its expansion
 *   but does not say it is defined;
 * - `expansion`: the expansion spelled out again after the definition (fixed to the short form);
 * - `unused-abbreviation`: defined and never used (fixed by dropping the definition's short form).
 *
 * Headings are left alone (a title may spell a name out, or use an abbreviation defined below it).
 */
import { abbreviates } from '../extract/abbreviations';
import { trimmedEdit } from '../fixes';
import type { VariantVocabulary } from '../languages/language';
import { KINDS } from '../kinds';
import type { Finding, RelatedSpan, Replacement, VariantKind } from '../types';
import { IntTable } from './intTable';
import { Gap, Word, type WordTable, capitalWords, endOf, inHeading, lowerText, startOf, wordText } from './words';

/** A word that may be a short form: a capital first and another capital in it ("IPP", "SMEs"). */
function mayBeShort(t: WordTable, k: number): boolean {
  const f = t.flags[k]!;
  return (f & Word.UpperFirst) !== 0 && (f & (Word.AllCaps | Word.InnerUpper)) !== 0;
}

/** What a term list knows of an abbreviation: its expansion, and whether documents may use it undefined. */
export interface KnownAbbreviation {
  expansion: string;
  defined: boolean;
}

/** The short form as written in parentheses: a capital, then up to nine letters or digits, two capitals at least. */
const SHORT = /^[A-Z][A-Za-z0-9]{1,9}$/;

interface Definition {
  /** The whole definition, "Institute of Public Policy (IPP)" or "IPP (Institute of Public Policy)". */
  start: number;
  end: number;
  /** The short form's word. */
  word: number;
  /** The expansion's words [first, last]. */
  first: number;
  last: number;
  expansion: string;
  /** "IPP (Institute of Public Policy)": the short form comes first. */
  shortFirst: boolean;
}

interface Abbreviation {
  short: string;
  definitions: Definition[];
}

function isShort(s: string): boolean {
  return SHORT.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** "SMEs" → "SME": a plural short form stands for the same abbreviation. */
function base(short: string): string {
  return /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
}

function textBetween(t: WordTable, from: number, to: number): string {
  return t.view.masked.slice(from, to);
}

/** The expansion before word k, "… Public Policy (IPP)": the fewest words whose letters the short form spells. */
function expansionBefore(t: WordTable, k: number, short: string, vocab: VariantVocabulary): [number, number] | undefined {
  if (k === 0 || !/^[ \t]*\($/.test(textBetween(t, endOf(t, k - 1), startOf(t, k))) || t.view.masked.charCodeAt(endOf(t, k)) !== 0x29) return undefined;
  const max = Math.max(short.length + 5, short.length * 2);
  const letters = base(short);
  for (let first = k - 2, n = 2; first >= 0 && n <= max; first--, n++) {
    if (t.gap[first] !== Gap.Space && t.gap[first] !== Gap.Hyphen) return undefined;
    const head = lowerText(t, first);
    if (vocab.isFunctionWord(head) || head[0] !== letters[0]!.toLowerCase()) continue;
    if (abbreviates(letters, t.view.text.slice(startOf(t, first), endOf(t, k - 1)))) return [first, k - 1];
  }
  return undefined;
}

/** The expansion after word k, "IPP (Institute of Public Policy)". */
function expansionAfter(t: WordTable, k: number, short: string, vocab: VariantVocabulary): [number, number, number] | undefined {
  if (k + 2 >= t.length || !/^[ \t]*\($/.test(textBetween(t, endOf(t, k), startOf(t, k + 1)))) return undefined;
  let last = k + 1;
  while (last + 1 < t.length && last - k < 12 && (t.gap[last] === Gap.Space || t.gap[last] === Gap.Hyphen)) last++;
  for (; last > k + 1; last--) {
    if (t.view.masked.charCodeAt(endOf(t, last)) !== 0x29) continue;
    if (vocab.isFunctionWord(lowerText(t, k + 1))) return undefined;
    return abbreviates(base(short), t.view.text.slice(startOf(t, k + 1), endOf(t, last))) ? [k + 1, last, endOf(t, last) + 1] : undefined;
  }
  return undefined;
}

function normalized(s: string): string {
  return s.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ');
}

function findDefinitions(t: WordTable, vocab: VariantVocabulary): Map<string, Abbreviation> {
  const out = new Map<string, Abbreviation>();
  const add = (short: string, d: Definition) => {
    const key = base(short);
    let a = out.get(key);
    if (!a) out.set(key, (a = { short: key, definitions: [] }));
    a.definitions.push(d);
  };
  const masked = t.view.masked;
  // A short form starts with a capital: only those words are read.
  const capitals = capitalWords(t);
  for (let i = 0; i < capitals.length; i++) {
    const k = capitals[i]!;
    if (!mayBeShort(t, k)) continue;
    const s = startOf(t, k);
    const e = endOf(t, k);
    if (e - s > 10) continue;
    const before = masked.charCodeAt(s - 1) === 0x28;
    // "(IPP)" or "IPP (": nothing else can be a definition.
    if (before ? masked.charCodeAt(e) !== 0x29 : k + 1 >= t.length || masked.charCodeAt(startOf(t, k + 1) - 1) !== 0x28) continue;
    const short = wordText(t, k);
    if (!isShort(short) || inHeading(t, k)) continue;
    if (before) {
      const span = expansionBefore(t, k, short, vocab);
      if (span) add(short, { start: startOf(t, span[0]), end: e + 1, word: k, first: span[0], last: span[1], expansion: t.view.text.slice(startOf(t, span[0]), endOf(t, span[1])), shortFirst: false });
    } else {
      const span = expansionAfter(t, k, short, vocab);
      if (span) add(short, { start: s, end: span[2], word: k, first: span[0], last: span[1], expansion: t.view.text.slice(startOf(t, span[0]), endOf(t, span[1])), shortFirst: true });
    }
  }
  return out;
}

/** A finding on [start, end), replaced by `texts` (the first preferred); `why` ends its message; `related` links. */
function finding(t: WordTable, kind: VariantKind, start: number, end: number, short: string, why: string, texts: readonly string[], related?: RelatedSpan): Finding | undefined {
  const found = t.view.text.slice(start, end);
  const replacements: Replacement[] = [];
  for (const text of texts) {
    if (text === found || replacements.some((r) => r.text === text)) continue;
    replacements.push({ text, edits: trimmedEdit(start, found, text) });
  }
  if (replacements.length === 0) return undefined;
  const expected = replacements[0]!.text;
  const f: Finding = { kind, start, end, found, termId: short, expected, replacements, message: `"${found}" should be "${expected}" (${KINDS[kind].label}: ${why})` };
  if (related) f.related = [related];
  return f;
}

/** Where the definition's short form stands alone once the definition is gone: "IPP". */
function shortOnly(d: Definition, t: WordTable): string {
  return wordText(t, d.word);
}

export function abbreviationFindings(t: WordTable, vocab: VariantVocabulary, known: ReadonlyMap<string, KnownAbbreviation>, ignore: ReadonlySet<string>): Finding[] {
  const abbreviations = findDefinitions(t, vocab);
  for (const [short] of known) if (!abbreviations.has(short)) abbreviations.set(short, { short, definitions: [] });
  if (abbreviations.size === 0) return [];
  // Uses: words spelling a short form, or its plural, outside headings and definitions.
  const definitionWords = new Set<number>();
  for (const a of abbreviations.values()) for (const d of a.definitions) definitionWords.add(d.word);
  const uses = new Map<string, number[]>();
  for (let k = 0; k < t.length; k++) {
    if (!mayBeShort(t, k) || definitionWords.has(k)) continue;
    const key = base(wordText(t, k));
    const a = abbreviations.get(key);
    if (!a || ignore.has(key.toLowerCase()) || inHeading(t, k)) continue;
    let list = uses.get(key);
    if (!list) uses.set(key, (list = []));
    list.push(k);
  }

  const out: Finding[] = [];
  const push = (f: Finding | undefined) => f && out.push(f);
  const spelledOut = expansionUses(t, [...abbreviations.values()]);
  for (const a of abbreviations.values()) {
    if (ignore.has(a.short.toLowerCase())) continue;
    const list = known.get(a.short);
    const used = uses.get(a.short) ?? [];
    const [first, ...again] = a.definitions;
    const expansion = first?.expansion ?? list?.expansion;
    const defineHere = (k: number) => (expansion ? `${expansion} (${wordText(t, k)})` : undefined);
    if (!first) {
      // The list knows it; it is used, and never defined.
      if (list && !list.defined && used.length > 0) {
        const k = used[0]!;
        push(finding(t, 'abbreviation', startOf(t, k), endOf(t, k), a.short, `used but never defined; the term list spells it out as "${list.expansion}"`, [defineHere(k)!]));
      }
      continue;
    }
    const early = list?.defined ? [] : used.filter((k) => startOf(t, k) < first.start);
    if (early.length > 0) {
      const k = early[0]!;
      push(finding(t, 'abbreviation', startOf(t, k), endOf(t, k), a.short, `used before its definition "${t.view.text.slice(first.start, first.end)}"`, [defineHere(k)!], { start: first.start, end: first.end, message: `"${a.short}" is defined here` }));
      push(finding(t, 'abbreviation', first.start, first.end, a.short, `defined after its first use`, [shortOnly(first, t)], { start: startOf(t, k), end: endOf(t, k), message: `"${a.short}" is first used here` }));
    }
    if (list && normalized(list.expansion) !== normalized(first.expansion)) {
      push(finding(t, 'abbreviation', first.start, first.end, a.short, `the term list spells "${a.short}" out as "${list.expansion}"`, [first.shortFirst ? `${shortOnly(first, t)} (${list.expansion})` : `${list.expansion} (${shortOnly(first, t)})`]));
    }
    for (const d of again) {
      const same = normalized(d.expansion) === normalized(first.expansion);
      const message = same
        ? `defined again; it was defined before as "${first.expansion}"`
        : `defined before as "${first.expansion}"`;
      push(finding(t, 'abbreviation', d.start, d.end, a.short, message, same ? [shortOnly(d, t)] : [shortOnly(d, t), d.shortFirst ? `${shortOnly(d, t)} (${first.expansion})` : `${first.expansion} (${shortOnly(d, t)})`], { start: first.start, end: first.end, message: `"${a.short}" is first defined here` }));
    }
    // The expansion spelled out again after the definition.
    const spelled = spelledOut.get(a) ?? [];
    for (const [s, e] of spelled) {
      if (ignore.has(normalized(t.view.text.slice(s, e)))) continue;
      push(finding(t, 'expansion', s, e, a.short, `abbreviated "${a.short}" since its definition`, [a.short], { start: first.start, end: first.end, message: `"${a.short}" is defined here` }));
    }
    if (used.length === 0 && spelled.length === 0 && again.length === 0) {
      push(finding(t, 'unused-abbreviation', first.start, first.end, a.short, `"${a.short}" is never used after its definition`, [first.expansion]));
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Where each abbreviation's first expansion is written again after its definition, not as part of another
 * definition, in one pass over the words for all of them: a word starting an expansion is looked up by its hash.
 */
function expansionUses(t: WordTable, abbreviations: readonly Abbreviation[]): Map<Abbreviation, [number, number][]> {
  const out = new Map<Abbreviation, [number, number][]>();
  const heads = new IntTable(abbreviations.length);
  const byHead: { a: Abbreviation; first: Definition; words: string[] }[][] = [];
  const skip = new Set<number>();
  for (const a of abbreviations) {
    const first = a.definitions[0];
    if (!first) continue;
    out.set(a, []);
    for (const d of a.definitions) skip.add(d.first);
    const words: string[] = [];
    for (let k = first.first; k <= first.last; k++) words.push(lowerText(t, k));
    const id = heads.add(t.hash[first.first]!, byHead.length);
    if (id === byHead.length) byHead.push([]);
    byHead[id]!.push({ a, first, words });
  }
  if (byHead.length === 0) return out;
  for (let k = 0; k < t.length; k++) {
    const id = heads.get(t.hash[k]!);
    if (id < 0 || skip.has(k) || inHeading(t, k)) continue;
    for (const { a, first, words } of byHead[id]!) {
      const n = words.length;
      if (k <= first.word || k + n > t.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = lowerText(t, k + j) === words[j] && (j === n - 1 || t.gap[k + j] === Gap.Space || t.gap[k + j] === Gap.Hyphen);
      if (!ok) continue;
      const end = endOf(t, k + n - 1);
      // Followed by "(IPP)": a definition, reported as such.
      if (/^[ \t]*\(/.test(t.view.masked.slice(end, end + 3))) continue;
      out.get(a)!.push([startOf(t, k), end]);
      k += n - 1;
      break;
    }
  }
  return out;
}
