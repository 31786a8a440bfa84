/**
 * Consistency without a list: the checks that compare a document with itself rather than with a term list.
 * `variant` (core/consistency/hyphenation.ts, spelling.ts, capitals.ts, settled in tally.ts) and the
 * abbreviation kinds (abbreviations.ts). They run once over the whole document after the term matcher, on the
 * same view (what the format masks is never read), and skip every word a term list matched: a listed term's
 * own kinds apply there. With several documents (the workspace scope), variants are counted across all of them.
 */
import type { CompiledTerms } from '../compile';
import type { Language, VariantVocabulary } from '../languages/language';
import { lowerBound } from '../search';
import type { TokenOffsets } from '../text';
import type { Finding, LintOptions, VariantChecks, VariantKind } from '../types';
import type { DocumentView } from '../view';
import { type KnownAbbreviation, abbreviationFindings } from './abbreviations';
import { capitalizationGroups } from './capitals';
import { hyphenationGroups } from './hyphenation';
import { spellingGroups } from './spelling';
import { type VariantGroup, tally } from './tally';
import { type WordTable, wordTable } from './words';

export type { KnownAbbreviation } from './abbreviations';

/** One document as the checks read it: its view, its word tokens, and the word ranges term lists matched. */
export interface ConsistencySource {
  view: DocumentView;
  tokens: TokenOffsets;
  covered: Iterable<{ readonly first: number; readonly last: number }>;
  /** Its word table when the caller has it (DocumentLinter keeps one across edits); else it is made here. */
  words?: WordTable;
}

export { releaseWordTable, spliceWordTable, type WordTable } from './words';

/** The word table of a source, made once. */
export function wordsOf(source: ConsistencySource, lang: Language): WordTable | undefined {
  if (!lang.variants) return undefined;
  return (source.words ??= wordTable(source.view, source.tokens, source.covered, lang, lang.variants));
}

const ABBREVIATION_KINDS: readonly VariantKind[] = ['abbreviation', 'expansion', 'unused-abbreviation'];

function wanted(options: LintOptions, kind: VariantKind): boolean {
  return !options.kinds || options.kinds.includes(kind);
}

/** The variant classes switched on, or undefined when the variant check is off. */
export function variantChecks(options: LintOptions): Required<VariantChecks> | undefined {
  const v = options.variants ?? true;
  if (v === false || !wanted(options, 'variant')) return undefined;
  const on = v === true ? {} : v;
  const checks = { hyphenation: on.hyphenation !== false, spelling: on.spelling !== false, capitalization: on.capitalization !== false };
  return checks.hyphenation || checks.spelling || checks.capitalization ? checks : undefined;
}

function abbreviationsOn(options: LintOptions): boolean {
  return options.abbreviations !== false && ABBREVIATION_KINDS.some((k) => wanted(options, k));
}

/** Whether any of these checks runs for `options` in `lang`. */
export function consistencyOn(options: LintOptions, lang: Language): boolean {
  return lang.variants !== undefined && (variantChecks(options) !== undefined || abbreviationsOn(options));
}

function groupsOf(tables: readonly WordTable[], lang: Language, vocab: VariantVocabulary, checks: Required<VariantChecks>): VariantGroup[] {
  const groups: VariantGroup[] = [];
  if (checks.hyphenation) groups.push(...hyphenationGroups(tables, lang, vocab));
  if (checks.spelling) groups.push(...spellingGroups(tables, vocab));
  if (checks.capitalization) groups.push(...capitalizationGroups(tables, lang, vocab));
  return groups;
}

const knownCache = new WeakMap<CompiledTerms, ReadonlyMap<string, KnownAbbreviation>>();

/** The abbreviations the term lists know (an entry's `abbreviation`), by short form. */
export function knownAbbreviations(compiled: CompiledTerms): ReadonlyMap<string, KnownAbbreviation> {
  let known = knownCache.get(compiled);
  if (!known) {
    const map = new Map<string, KnownAbbreviation>();
    for (const term of compiled.terms.values()) {
      if (term.abbreviation) map.set(term.abbreviation.short, { expansion: term.term, defined: term.abbreviation.defined });
    }
    knownCache.set(compiled, (known = map));
  }
  return known;
}

/**
 * The findings of these checks for each of `sources`, in offset order; variants are counted across all the
 * sources (`where` names them in messages, with the verb: "this document writes", "the files checked write").
 */
export function consistencyFindings(sources: readonly ConsistencySource[], compiled: CompiledTerms, options: LintOptions, lang: Language, where: string): Finding[][] {
  const out: Finding[][] = sources.map(() => []);
  const vocab = lang.variants;
  if (!vocab) return out;
  const checks = variantChecks(options);
  const abbreviations = abbreviationsOn(options);
  if (!checks && !abbreviations) return out;
  const tables = sources.map((s) => wordsOf(s, lang)!);
  const excepted = exceptedIn(sources, compiled);
  // Abbreviations first: an expansion spelled out again is the abbreviation's to fix, and no use of a variant.
  const claimed: Finding[][] = sources.map(() => []);
  if (abbreviations) {
    const known = knownAbbreviations(compiled);
    tables.forEach((t, i) => {
      for (const f of abbreviationFindings(t, vocab, known, compiled.ignore)) {
        if (excepted?.(i, f.start, f.end)) continue;
        if (wanted(options, f.kind)) out[i]!.push(f);
        if (f.kind === 'expansion') claimed[i]!.push(f);
      }
    });
  }
  if (checks) {
    const ctx = { texts: sources.map((s) => s.view.text), views: sources.map((s) => s.view.masked), ignore: compiled.ignore, claimed, where, ...(excepted ? { excepted } : {}) };
    for (const g of groupsOf(tables, lang, vocab, checks)) tally(g, ctx, out);
  }
  for (const list of out) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/**
 * Whether [start, end) of source `i` lies inside an occurrence of an exception phrase (core/exceptions.ts): such a
 * span is neither counted nor reported, as a term's use there is not. Undefined when the lists have no exceptions.
 */
function exceptedIn(sources: readonly ConsistencySource[], compiled: CompiledTerms): ((i: number, start: number, end: number) => boolean) | undefined {
  const index = compiled.exceptions;
  if (!index || index.empty) return undefined;
  return (i, start, end) => {
    const { tokens, view } = sources[i]!;
    const first = lowerBound(tokens.starts, start, 0, tokens.length);
    let last = lowerBound(tokens.starts, end, first, tokens.length) - 1;
    while (last >= first && tokens.ends[last]! > end) last--;
    return last >= first && index.findAny(view.masked, tokens, first, last) !== undefined;
  };
}

/** Term findings and these findings in one list, in offset order (term findings first at equal offsets). */
export function mergeFindings(terms: readonly Finding[], own: readonly Finding[]): Finding[] {
  if (own.length === 0) return terms as Finding[];
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < terms.length || j < own.length) {
    if (j >= own.length || (i < terms.length && terms[i]!.start <= own[j]!.start)) out.push(terms[i++]!);
    else out.push(own[j++]!);
  }
  return out;
}
