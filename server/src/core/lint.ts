/**
 * The lint pipeline: text → view (the format's prose) → the language's word tokens → matches (its scripts'
 * matchers: exact and variant uses through the key trie, then near misses) → findings, settled over the whole
 * document. The stages live in core/matching/; DocumentLinter (document.ts) re-runs `matchTokens` over the
 * blocks an edit touched and `buildFindings` over the whole document.
 */
import type { CompiledTerms } from './compile';
import { type ConsistencySource, type WordTable, consistencyFindings, consistencyOn, mergeFindings, releaseWordTable } from './consistency';
import { type Language, languageFor } from './languages';
import { buildFindings } from './matching/findings';
import type { Match, MatchScope } from './matching/match';
import { matchersFor } from './matching/scripts';
import type { TokenOffsets } from './text';
import type { LintOptions, LintResult } from './types';
import { type DocumentView, buildView } from './view';

export type { Match } from './matching/match';
export { separated } from './matching/gaps';
export { buildFindings } from './matching/findings';

export function lintText(text: string, compiled: CompiledTerms, options: LintOptions): LintResult {
  const lang = languageFor(options.lang);
  const view = buildView(text, options.format);
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
 * table if the caller kept one across edits; the one used is returned (undefined when the checks are off).
 */
export function settle(
  view: DocumentView,
  tokens: TokenOffsets,
  compiled: CompiledTerms,
  matches: readonly Match[],
  options: LintOptions,
  lang: Language,
  words?: WordTable,
): { result: LintResult; words?: WordTable } {
  const result = buildFindings(view, compiled, matches, options, lang);
  if (!consistencyOn(options, lang)) return { result };
  const source: ConsistencySource = { view, tokens, covered: matches, ...(words ? { words } : {}) };
  const [own] = consistencyFindings([source], compiled, options, lang, 'this document writes');
  return { result: { findings: mergeFindings(result.findings, own!), occurrences: result.occurrences }, ...(source.words ? { words: source.words } : {}) };
}

/** A document to lint with others (`lintTogether`). */
export interface DocumentInput {
  text: string;
  format: LintOptions['format'];
}

/**
 * Lints documents together: each as `lintText` does, except that variants are counted across all of them (the
 * workspace scope), and messages say `where` they were counted, with the verb ("the files checked write").
 */
export function lintTogether(documents: readonly DocumentInput[], compiled: CompiledTerms, options: Omit<LintOptions, 'format'>, where: string): LintResult[] {
  const lang = languageFor(options.lang);
  const analysed = documents.map((d) => {
    const opts: LintOptions = { ...options, format: d.format };
    const view = buildView(d.text, d.format);
    const tokens = tokensOf(view, opts, lang);
    const matches = matchTokens(view, tokens, compiled, opts, 0, tokens.length, lang);
    return { opts, view, tokens, matches };
  });
  // Abbreviations stay a matter of each document; only variants are compared across them.
  const together = consistencyOn({ ...options, format: 'plaintext', abbreviations: false }, lang)
    ? consistencyFindings(analysed.map((a) => ({ view: a.view, tokens: a.tokens, covered: a.matches })), compiled, { ...options, format: 'plaintext', abbreviations: false }, lang, where)
    : analysed.map(() => []);
  return analysed.map((a, i) => {
    const { result } = settle(a.view, a.tokens, compiled, a.matches, { ...a.opts, variants: false }, lang);
    return { findings: mergeFindings(result.findings, together[i]!), occurrences: result.occurrences };
  });
}

/**
 * Term uses among tokens [from, to), sorted by offset. No match crosses a block boundary (the view hides the
 * character that ends a block, and a blank line is more than one line break), so a range that starts and ends
 * at block boundaries can be matched on its own: DocumentLinter re-matches only the blocks an edit touched.
 */
export function matchTokens(
  view: DocumentView,
  tokens: TokenOffsets,
  compiled: CompiledTerms,
  options: LintOptions,
  from: number,
  to: number,
  lang: Language = languageFor(options.lang),
): Match[] {
  const scope: MatchScope = { view, tokens, compiled, options, lang, from, to };
  const matches: Match[] = [];
  for (const matcher of matchersFor(lang)) matcher.find(scope, matches);
  matches.sort((a, b) => a.start - b.start);
  return matches;
}

