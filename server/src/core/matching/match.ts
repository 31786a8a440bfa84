/**
 * What the matchers produce and share: a `Match` is one use of a term (or of a variant of it) before
 * consistency is settled; a `Matcher` finds them in one script's text (core/matching/scripts.ts lists which
 * matchers read which script). The scope bundles what every matcher reads, built once per lint or re-scan.
 */
import type { CompiledTerms } from '../compile';
import type { Language } from '../languages/language';
import type { TokenOffsets } from '../text';
import type { Finding, LintOptions, Occurrence, VariantKind } from '../types';
import type { DocumentView } from '../view';

/** A use of a term in the document (or a variant of one), before consistency is settled. */
export interface Match {
  /** Token range [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
  term: number;
  /** Form it matched or is a variant of (index into acceptable forms), or -1 for a forbidden form. */
  form: number;
  kind: VariantKind | 'ok';
  /** Edits that turn the span into its form (for variants of acceptable forms and misspellings). */
  edits: { start: number; end: number; text: string }[];
  /**
   * The finding last built for this match, for the dominant form and count it was built with (the count only
   * matters for "inconsistent"). DocumentLinter keeps matches across edits, so unchanged ones are not rebuilt.
   */
  memo?: { form: number; count: number; finding: Finding | undefined };
  /** Its entry in LintResult.occurrences, made once. */
  occurrence?: Occurrence;
  /**
   * A use of a Chinese form (hanExact.ts): `term` is then a concept of the Han terms (hanTerms.ts), and the token
   * range is empty (`last` = `first` - 1, `first` the first word token after it): Han characters are no tokens.
   */
  han?: true;
  /**
   * It is a forbidden form the list writes in capitals ("HK"): its capitals are the form's, not the author's
   * typography, so the fix is written as the target is, not in capitals.
   */
  capsForm?: true;
  /** The exception phrase around it: such a use is not reported, fixed or counted (exceptions.ts). */
  exception?: { phrase: string; start: number; end: number };
}

/**
 * A match with every field of `Match`, in one order, the optional ones unset: every matcher makes its matches here,
 * so all of them share one shape, whatever is set on them later (their finding, their use, an exception around
 * them). DocumentLinter moves thousands of them in place at each keystroke; code that reads them stays monomorphic.
 */
export function newMatch(first: number, last: number, start: number, end: number, term: number, form: number, kind: Match['kind'], edits: Match['edits'], han?: true): Match {
  return { first, last, start, end, term, form, kind, edits, memo: undefined, occurrence: undefined, han, capsForm: undefined, exception: undefined };
}

/** What a matcher reads: the document, its word tokens, the terms, and the token range [from, to) to match. */
export interface MatchScope {
  readonly view: DocumentView;
  readonly tokens: TokenOffsets;
  readonly compiled: CompiledTerms;
  readonly options: LintOptions;
  readonly lang: Language;
  /** No term use crosses these token boundaries (they are block boundaries, see lint.ts `matchTokens`). */
  readonly from: number;
  readonly to: number;
  /** The same range in offsets: what matchers that read no tokens (Han) read. */
  readonly start: number;
  readonly end: number;
}

/**
 * Finds term uses in one script's text. Matchers run in order over the same scope, each adding to `matches`
 * (a later one may read or replace what earlier ones found: misspellings look only at unmatched words).
 */
export interface Matcher {
  find(scope: MatchScope, matches: Match[]): void;
}

/** The edits of a use that needs none: one shared, frozen array (a document has thousands of such uses). */
export const NO_EDITS: Match['edits'] = Object.freeze([]) as unknown as Match['edits'];
