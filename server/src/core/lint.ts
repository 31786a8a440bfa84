/**
 * The lint pipeline: text → view (the format's prose) → the language's word tokens → matches (its scripts'
 * matchers: exact and variant uses through the key trie, then near misses) → findings, settled over the whole
 * document. The stages live in core/matching/; DocumentLinter (document.ts) re-runs `matchTokens` over the
 * blocks an edit touched and `buildFindings` over the whole document.
 */
import type { CompiledTerms } from './compile';
import { type Language, languageFor } from './languages';
import { buildFindings } from './matching/findings';
import { hanTermsOf } from './matching/hanTerms';
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
  if (lang.foldView) view.masked = lang.foldView(view.masked, 0, text.length);
  const tokens = lang.tokenOffsets(view.masked);
  const matches = matchTokens(view, tokens, compiled, options, 0, tokens.length, lang);
  return buildFindings(view, compiled, matches, options, lang);
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

