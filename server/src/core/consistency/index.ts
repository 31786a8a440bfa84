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
import type { Span } from '../formats';
import { type TableEdit, movedFindings, movedSpans, unchangedClasses } from './unchanged';
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

export { dropCapitalWords, releaseWordTable, spliceWordTable, type WordTable } from './words';
export { dropWordFilter } from './wordFilter';
export type { TableEdit } from './unchanged';

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

/** The variant classes, in the order their groups are tallied. */
const CLASSES = ['hyphenation', 'spelling', 'capitalization'] as const;
type VariantClass = (typeof CLASSES)[number];

/**
 * One document's findings of these checks, by class (each in the order the checks found them), and the spans of
 * the expansions the abbreviation check fixes (no variant use is counted over one): what DocumentLinter keeps to
 * move past an edit that changes no finding of a class (unchanged.ts).
 */
export interface ChecksByClass {
  abbreviations: Finding[];
  claimed: Span[];
  hyphenation: Finding[];
  spelling: Finding[];
  capitalization: Finding[];
}

function groupsOf(tables: readonly WordTable[], lang: Language, vocab: VariantVocabulary, c: VariantClass): VariantGroup[] {
  if (c === 'hyphenation') return hyphenationGroups(tables, lang, vocab);
  if (c === 'spelling') return spellingGroups(tables, vocab);
  return capitalizationGroups(tables, lang, vocab);
}

/**
 * The findings of these checks for each of `sources`, by class; variants are counted across all the sources
 * (`where` names them in messages, with the verb: "this document writes", "the files checked write"). A class
 * in `kept` is not checked: its findings are those given (for one source, when the abbreviations' expansions are
 * where they were).
 */
function checksByClass(sources: readonly ConsistencySource[], compiled: CompiledTerms, options: LintOptions, lang: Language, where: string, kept?: Kept): ChecksByClass[] {
  const by: ChecksByClass[] = sources.map(() => ({ abbreviations: [], claimed: [], hyphenation: [], spelling: [], capitalization: [] }));
  const vocab = lang.variants;
  if (!vocab) return by;
  const checks = variantChecks(options);
  const abbreviations = abbreviationsOn(options);
  if (!checks && !abbreviations) return by;
  const tables = sources.map((s) => wordsOf(s, lang)!);
  const excepted = exceptedIn(sources, compiled);
  // Abbreviations first: an expansion spelled out again is the abbreviation's to fix, and no use of a variant.
  if (abbreviations) {
    const known = knownAbbreviations(compiled);
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i]!;
      for (const f of abbreviationFindings(t, vocab, known, compiled.ignore)) {
        if (excepted?.(i, f.start, f.end)) continue;
        if (wanted(options, f.kind)) by[i]!.abbreviations.push(f);
        if (f.kind === 'expansion') by[i]!.claimed.push({ start: f.start, end: f.end });
      }
    }
  }
  if (!checks) return by;
  const keep = kept && sameSpans(kept.claimed, by[0]!.claimed) ? kept : undefined;
  const ctx = { texts: sources.map((s) => s.view.text), views: sources.map((s) => s.view.masked), ignore: compiled.ignore, claimed: by.map((b) => b.claimed), where, ...(excepted ? { excepted } : {}) };
  for (const c of CLASSES) {
    if (!checks[c]) continue;
    const findings = keep?.[c];
    if (findings) {
      by[0]![c] = findings;
      continue;
    }
    const out = by.map((b) => b[c]);
    for (const g of groupsOf(tables, lang, vocab, c)) tally(g, ctx, out);
  }
  return by;
}

/** Findings of the classes an edit left as they were, moved past it, and the expansions' spans, moved too. */
interface Kept {
  claimed: Span[];
  hyphenation: Finding[] | undefined;
  spelling: Finding[] | undefined;
  capitalization: Finding[] | undefined;
}

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((f, i) => f.start === b[i]!.start && f.end === b[i]!.end);
}

/** A document's findings of these checks in offset order, from its findings by class. */
export function inOrder(by: ChecksByClass): Finding[] {
  return [...by.abbreviations, ...by.hyphenation, ...by.spelling, ...by.capitalization].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The findings of these checks for each of `sources`, in offset order; variants are counted across all the
 * sources (`where` names them in messages, with the verb: "this document writes", "the files checked write").
 */
export function consistencyFindings(sources: readonly ConsistencySource[], compiled: CompiledTerms, options: LintOptions, lang: Language, where: string): Finding[][] {
  return checksByClass(sources, compiled, options, lang, where).map(inOrder);
}

/**
 * One document's findings of these checks, by class. With `before` (its findings before an edit, and the edit of
 * its word table), the classes the edit leaves as they were (unchanged.ts) are moved past it, not checked.
 */
export function documentChecks(source: ConsistencySource, compiled: CompiledTerms, options: LintOptions, lang: Language, before?: { by: ChecksByClass; edit: TableEdit }): ChecksByClass {
  let kept: Kept | undefined;
  const vocab = lang.variants;
  // The expansions must be where they were, moved (checksByClass compares them with the new ones).
  const claimed = before && vocab ? movedSpans(before.by.claimed, before.edit.change) : undefined;
  if (before && vocab && claimed) {
    const same = unchangedClasses(before.edit, compiled, vocab, variantChecks(options));
    const hyphenation = same.hyphenation ? movedFindings(before.by.hyphenation, before.edit.change) : undefined;
    const spelling = same.spelling ? movedFindings(before.by.spelling, before.edit.change) : undefined;
    const capitalization = same.capitalization ? movedFindings(before.by.capitalization, before.edit.change) : undefined;
    if (hyphenation || spelling || capitalization) kept = { claimed, hyphenation, spelling, capitalization };
  }
  return checksByClass([source], compiled, options, lang, 'this document writes', kept)[0]!;
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
