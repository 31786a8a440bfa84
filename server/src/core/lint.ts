/**
 * The lint pipeline: text → view (the format's prose) → the language's word tokens → matches (its scripts'
 * matchers: exact and variant uses through the key trie, then near misses) → findings, settled over the whole
 * document. The stages live in core/matching/; DocumentLinter (document.ts) re-runs `matchTokens` over the
 * blocks an edit touched and `buildFindings` over the whole document.
 */
import type { CompiledTerms } from './compile';
import { type ChecksByClass, type ConsistencySource, type TableEdit, type WordTable, consistencyFindings, consistencyOn, documentChecks, inOrder, mergeFindings, releaseWordTable, variantChecks } from './consistency';
import { type Language, languageFor } from './languages';
import { buildFindings, withFindings } from './matching/findings';
import { hanAbbreviationFindings } from './matching/hanAbbreviations';
import { hanTermsOf } from './matching/hanTerms';
import type { Match, MatchScope } from './matching/match';
import { matchersFor } from './matching/scripts';
import type { TokenOffsets } from './text';
import type { Finding, LintOptions, LintResult } from './types';
import { type DocumentView, buildView } from './view';

export type { Match } from './matching/match';
export { separated } from './matching/gaps';
export { buildFindings } from './matching/findings';

export function lintText(text: string, compiled: CompiledTerms, options: LintOptions): LintResult {
  const lang = languageFor(options.lang);
  const view = buildView(text, options.format);
  if (lang.foldView) view.masked = lang.foldView(view.masked, 0, text.length);
  const tokens = tokensOf(view, options, lang);
  const matches = matchTokens(view, tokens, compiled, options, 0, tokens.length, lang);
  const { result, words } = settle(view, tokens, compiled, matches, options, lang);
  // Nothing of the word table is in the result: its arrays serve the next lint.
  if (words) releaseWordTable(words);
  return result;
}

/** The word tokens of a view, with what the consistency checks need of each word when they run. */
export function tokensOf(view: DocumentView, options: LintOptions, lang: Language): TokenOffsets {
  return lang.tokenWords && consistencyOn(options, lang) ? lang.tokenWords(view.masked) : lang.tokenOffsets(view.masked);
}

/**
 * The findings of a document over its matches: the term findings (buildFindings) and the checks that compare
 * the document with itself (core/consistency/), in one list in offset order. `words` is the document's word
 * table if the caller kept one across edits; the one used is returned (undefined when the checks are off), with
 * the checks' findings by class. `before` are those of the text before an edit, with the edit of the word table
 * (DocumentLinter): the classes the edit leaves as they were are moved, not checked again.
 */
export function settle(
  view: DocumentView,
  tokens: TokenOffsets,
  compiled: CompiledTerms,
  matches: readonly Match[],
  options: LintOptions,
  lang: Language,
  words?: WordTable,
  before?: { by: ChecksByClass; edit: TableEdit },
): { result: LintResult; words?: WordTable; checks?: ChecksByClass } {
  let result = buildFindings(view, compiled, matches, options, lang);
  // A Chinese document's abbreviations are the list's (hanAbbreviations.ts): its full names are term uses.
  if (lang.scripts.includes('han')) {
    const han = hanAbbreviationFindings(view, compiled, result.occurrences, options);
    if (han.length > 0) result = withFindings(result, mergeFindings(result.findings, han));
  }
  if (!consistencyOn(options, lang)) return { result };
  const source: ConsistencySource = { view, tokens, covered: matches, ...(words ? { words } : {}) };
  const checks = documentChecks(source, compiled, options, lang, before);
  return { result: withFindings(result, mergeFindings(result.findings, inOrder(checks))), checks, ...(source.words ? { words: source.words } : {}) };
}

/** A document to lint with others (`lintTogether`). */
export interface DocumentInput {
  text: string;
  format: LintOptions['format'];
  /**
   * Its own options (a project configuration's overrides for the file), else the run's: its term findings and
   * abbreviations follow them, and a document whose own variant check is off is left out of the count.
   */
  options?: Omit<LintOptions, 'format'>;
}

/**
 * Lints documents together: each as `lintText` does, except that variants are counted across all of them (the
 * workspace scope, with the classes `options` switch on), and messages say `where` they were counted, with the
 * verb ("the files checked write").
 */
export function lintTogether(documents: readonly DocumentInput[], compiled: CompiledTerms, options: Omit<LintOptions, 'format'>, where: string): LintResult[] {
  const lang = languageFor(options.lang);
  const analysed = documents.map((d) => {
    const opts: LintOptions = { ...(d.options ?? options), format: d.format };
    // Each document is read in its own language (a Chinese draft among English ones).
    const docLang = languageFor(opts.lang);
    const view = buildView(d.text, d.format);
    if (docLang.foldView) view.masked = docLang.foldView(view.masked, 0, d.text.length);
    const tokens = tokensOf(view, opts, docLang);
    const matches = matchTokens(view, tokens, compiled, opts, 0, tokens.length, docLang);
    return { opts, lang: docLang, view, tokens, matches };
  });
  // Abbreviations stay a matter of each document; only variants are compared across them, among the documents in
  // the run's language (a vocabulary's variants mean nothing to another language's documents).
  const shared: LintOptions = { ...options, format: 'plaintext', abbreviations: false };
  const counted = analysed.map((_, i) => i).filter((i) => analysed[i]!.lang === lang && variantChecks(analysed[i]!.opts) !== undefined);
  const together: Finding[][] = analysed.map(() => []);
  if (consistencyOn(shared, lang) && counted.length > 0) {
    const found = consistencyFindings(counted.map((i) => ({ view: analysed[i]!.view, tokens: analysed[i]!.tokens, covered: analysed[i]!.matches })), compiled, shared, lang, where);
    counted.forEach((i, k) => (together[i] = found[k]!));
  }
  return analysed.map((a, i) => {
    const { result } = settle(a.view, a.tokens, compiled, a.matches, { ...a.opts, variants: false }, a.lang);
    // Kinds the file's own options leave out stay out.
    const own = a.opts.kinds ? together[i]!.filter((f) => a.opts.kinds!.includes(f.kind)) : together[i]!;
    return { ...result, findings: mergeFindings(result.findings, own) };
  });
}

/**
 * Term uses among tokens [from, to), which are the offsets [start, end) (what matchers that read no tokens read),
 * sorted by offset. No match crosses a block boundary (the view hides the character that ends a block, and a blank
 * line is more than one line break), so a range that starts and ends at block boundaries can be matched on its own:
 * DocumentLinter re-matches only the blocks an edit touched.
 */
export function matchTokens(
  view: DocumentView,
  tokens: TokenOffsets,
  compiled: CompiledTerms,
  options: LintOptions,
  from: number,
  to: number,
  lang: Language = languageFor(options.lang),
  start = 0,
  end = view.text.length,
): Match[] {
  const scope: MatchScope = { view, tokens, compiled, options, lang, from, to, start, end };
  const matches: Match[] = [];
  for (const matcher of matchersFor(lang)) matcher.find(scope, matches);
  matches.sort((a, b) => a.start - b.start);
  // After every matcher: an excepted use still keeps its words from being read as a misspelling of something else.
  // Word phrases cover word uses; phrases written in Chinese cover Han uses (hanExceptions.ts).
  const exceptions = compiled.exceptions;
  const hanExceptions = lang.scripts.includes('han') ? hanTermsOf(compiled).exceptions : undefined;
  if (exceptions || hanExceptions) {
    for (const m of matches) {
      const hit = m.han ? hanExceptions?.find(view, m, start, end) : exceptions?.find(view.masked, tokens, from, to, m.term, m.first, m.last);
      if (hit) m.exception = { phrase: hit.phrase.text, start: hit.start, end: hit.end };
    }
  }
  return matches;
}

