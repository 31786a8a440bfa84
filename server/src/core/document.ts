/**
 * Lints one document as it is edited, re-doing only what an edit touched. Its results are exactly
 * `lintText`'s for the same text (a test holds the two together over random edits).
 *
 * An edit is found by comparing the new text with the last one (common prefix and suffix), so callers need
 * not pass change events. The document's format re-scans it in part when it can (`DocumentFormat.incremental`:
 * Markdown is re-parsed incrementally by lezer and re-masked over the top-level blocks the edit changed, or, for an
 * edit inside a plain paragraph, that paragraph alone is masked again from lezer's inline parser; plain
 * text from the blank line before the edit to one after it; HTML in place for prose typed inside prose, and whole
 * for any other edit); a format that cannot is scanned and linted whole.
 * No term use crosses the boundaries of the re-scanned range, so tokens and matches outside it are kept
 * (shifted past the edit) and only the range is matched again. The dominant form of each term and the
 * findings are then settled over the whole document, which is cheap; of the checks without a list, the classes
 * the edit leaves as they were (consistency/unchanged.ts) are moved past it rather than run again.
 */
import type { CompiledTerms } from './compile';
import { type ChecksByClass, type WordTable, consistencyOn, dropCapitalWords, dropWordFilter, spliceWordTable } from './consistency';
import { type DocumentFormat, type FormatScan, type Span, type TextChange, formatById } from './formats';
import { directiveMarkNear, directiveRegions, holdsDirectiveMark } from './formats/directives';
import { type Language, languageFor } from './languages';
import { type Match, matchTokens, separated, settle, tokensOf } from './lint';
import { holdUses } from './matching/findings';
import { type Region, applyMask, applyRegion } from './mask';
import { lowerBound } from './search';
import { type TokenOffsets, offsetsOf } from './text';
import type { Edit, LintOptions, LintResult, Replacement } from './types';
import { type DocumentView, type Heading, headingStyle } from './view';

interface State {
  /** The matches and result were found with another term list (`withTerms`): match again before use. */
  stale?: true;
  text: string;
  /**
   * The format's incremental scan of `text`: made at the first edit (undefined before it, after `compact`, and
   * for a format scanned whole after every edit).
   */
  scan: FormatScan | undefined;
  directives: Region[];
  /** `text` holds a directive's mark ("termlint-"); without one an edit that makes none leaves no regions. */
  marked: boolean;
  view: DocumentView;
  tokens: TokenOffsets;
  /** The term matches, in offset order; the next edit moves those after it in place (`moveMatch`). */
  matches: Match[];
  result: LintResult;
  /** The word table of the checks without a list (core/consistency/), when they run, and their findings. */
  words: WordTable | undefined;
  checks?: ChecksByClass;
}

export class DocumentLinter {
  private state: State | undefined;
  private readonly format: DocumentFormat;
  private readonly lang: Language;

  constructor(
    readonly compiled: CompiledTerms,
    readonly options: LintOptions,
  ) {
    this.format = formatById(options.format);
    this.lang = languageFor(options.lang);
  }

  /** Findings and term uses of `text`, the document as it reads now. */
  lint(text: string): LintResult {
    let old = this.state;
    if (old?.stale) old = this.state = this.rematch(old);
    if (old && old.text === text) return old.result;
    // Re-linting moves the old state's matches in place: if it threw half-way, that state is not to be used again.
    this.state = undefined;
    this.state = (old && this.relint(old, text)) ?? this.full(text);
    return this.state.result;
  }

  /** The text last linted, if any. */
  get text(): string | undefined {
    return this.state?.text;
  }

  /**
   * Drops what only the next incremental re-scan needs: the format's scan (for Markdown, lezer's tree and the
   * block list), the largest part of a document's state, several times its text. A document nobody is editing
   * keeps its results and what re-matching needs; its next edit scans the old text again, once, and re-scans
   * from there.
   */
  compact(): void {
    if (this.state?.scan) this.state = { ...this.state, scan: undefined };
    // And the word table's filters and index of capitalised words, which the next edits' checks make again.
    if (this.state?.words) {
      dropWordFilter(this.state.words);
      dropCapitalWords(this.state.words);
    }
  }

  /**
   * This document's linter for another term list. The format's scan, the view and the tokens do not depend
   * on the terms, so they are kept and only matching is redone, at the next `lint`: a term-file change
   * re-lints every open document, and scanning each one again (the costly part, for Markdown) would spend
   * time and leave as much garbage as the documents' whole state, for nothing.
   */
  withTerms(compiled: CompiledTerms): DocumentLinter {
    const next = new DocumentLinter(compiled, this.options);
    if (this.state) next.state = { ...this.state, stale: true };
    return next;
  }

  /** `old`'s document matched again with this linter's terms. */
  private rematch(old: State): State {
    const { view, tokens } = old;
    const matches = matchTokens(view, tokens, this.compiled, this.options, 0, tokens.length, this.lang);
    // The checks without a list read which words the new lists cover: their word table is made again (one pass).
    const { result, words, checks } = settle(view, tokens, this.compiled, matches, this.options, this.lang);
    return { text: old.text, scan: old.scan, directives: old.directives, marked: old.marked, view, tokens, matches, result, words, checks };
  }

  private full(text: string): State {
    const format = this.format;
    // The scan an edit re-scans from (for Markdown, lezer's tree of the whole text) is made at the first edit:
    // the first answer comes from the format's plain scan, which is the same mask and structure, sooner (in
    // Markdown, plain paragraphs skip lezer's block parser), and a document only read never holds a tree.
    const directives = format.directives(text);
    const mask = new Uint8Array(text.length);
    const structure = format.scan(text, mask);
    for (const r of directives) applyRegion(mask, r);
    let masked = applyMask(text, mask);
    if (this.lang.foldView) masked = this.lang.foldView(masked, 0, text.length);
    const styleSource = format.headingStyleFrom === 'view' ? masked : text;
    const view: DocumentView = {
      text,
      masked,
      blockStarts: structure.blockStarts,
      headings: structure.headings.map((h) => styled(styleSource, h)),
    };
    const tokens = tokensOf(view, this.options, this.lang);
    const matches = matchTokens(view, tokens, this.compiled, this.options, 0, tokens.length, this.lang);
    const { result, words, checks } = settle(view, tokens, this.compiled, matches, this.options, this.lang);
    // Kept: the offsets (the word table has read the hashes and shapes tokenWords made with them).
    return { text, scan: undefined, directives, marked: this.markedIn(text), view, tokens: words?.tokens ?? offsetsOf(tokens), matches, result, words, checks };
  }

  /** The new state, re-doing only the blocks around the edit; undefined when that is not safe (full re-lint). */
  private relint(old: State, text: string): State | undefined {
    const incremental = this.format.incremental;
    if (!incremental) return undefined;
    // The first edit since a full lint (or `compact`) scans the old text for re-scanning, once.
    const oldScan = old.scan ?? incremental.scan(old.text);
    const change = diff(old.text, text);
    const delta = change.newEnd - change.oldEnd;
    // A document with no directive anywhere (nearly all) is searched for one only where the edit wrote.
    // (`marked` is always set for a format with directives of its own: see markedIn.)
    const unmarked = !old.marked && !directiveMarkNear(text, change.start, change.newEnd);
    const directives = unmarked ? [] : this.format.directives(text);
    if (!sameRegions(old.directives, directives, change)) return undefined;
    const marked = !unmarked && this.markedIn(text);

    // The range [from, to) of the new text to redo; it was [from, oldTo) in the old text.
    const { scan, from, to, oldTo } = incremental.rescan(oldScan, old.text, text, change);
    const blockStarts = scan.blockStarts;

    // Directives go on a copy of the scan's mask (which the next re-scan starts from); most documents have none.
    const mask = scan.mask ? (directives.length > 0 ? scan.mask.slice() : scan.mask) : new Uint8Array(directives.length > 0 ? text.length : 0);
    for (const r of directives) applyRegion(mask, r);
    // A document with nothing masked (plain text with no directive) is its own view: the text itself, not a second
    // copy of it made at each keystroke (a whole-document string, 0.3 to 0.4 ms a keystroke for 300 KB).
    let masked =
      mask.length === 0 && old.view.masked === old.text
        ? text
        : old.view.masked.slice(0, from) + (mask.length > 0 ? applyMask(text, mask, from, to) : text.slice(from, to)) + old.view.masked.slice(oldTo);
    if (this.lang.foldView) masked = this.lang.foldView(masked, from, to);
    const headings = spliceHeadings(old.view.headings, scan.headings, this.format.headingStyleFrom === 'view' ? masked : text, from, oldTo, delta);
    const view: DocumentView = { text, masked, blockStarts, headings };

    // Tokens: keep those before `from`, tokenize the range, shift those after it.
    const oldTokens = old.tokens;
    const tFrom = lowerBound(oldTokens.starts, from, 0, oldTokens.length);
    const tOldTo = lowerBound(oldTokens.starts, oldTo, 0, oldTokens.length);
    const mid = this.lang.tokenOffsets(masked, from, to);
    const tailCount = oldTokens.length - tOldTo;
    const n = tFrom + mid.length + tailCount;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    starts.set(oldTokens.starts.subarray(0, tFrom));
    ends.set(oldTokens.ends.subarray(0, tFrom));
    starts.set(mid.starts.subarray(0, mid.length), tFrom);
    ends.set(mid.ends.subarray(0, mid.length), tFrom);
    const tTo = tFrom + mid.length;
    shiftTokens(oldTokens, tOldTo, tailCount, starts, ends, tTo, delta);
    const tokens: TokenOffsets = { starts, ends, length: n };
    // The boundaries must separate blocks; if they do not (they always should), re-lint everything.
    if (!separated(masked, tokens, tFrom - 1) || !separated(masked, tokens, tTo - 1)) return undefined;

    // Matches: keep those before the range, match the range, shift those after it. They are told apart by offset,
    // which holds for Han uses too (they cover no word tokens).
    const tokenDelta = tTo - tOldTo;
    const matches: Match[] = [];
    const oldMatches = old.matches;
    let m = keepBefore(oldMatches, from, matches);
    for (const fresh of matchTokens(view, tokens, this.compiled, this.options, tFrom, tTo, this.lang, from, to)) matches.push(fresh);
    while (m < oldMatches.length && oldMatches[m]!.start < oldTo) m++;
    // The old result's uses, if anyone reads them later, are of the old offsets (the matches it shares with results
    // before it were held by the edits after those).
    holdUses(old.result);
    moveAfter(oldMatches, m, tokenDelta, delta, matches);

    // The word table too: only the words of the re-scanned blocks are read again.
    const vocab = this.lang.variants;
    const kept = old.words && vocab && consistencyOn(this.options, this.lang) ? spliceWordTable(old.words, view, tokens, matches, vocab, tFrom, tOldTo, tTo) : undefined;
    // Most keystrokes change no hyphenation or spelling finding: those are moved past the edit, not found again.
    const before = kept && old.words && old.checks ? { by: old.checks, edit: { old: old.words, now: kept, from: tFrom, oldTo: tOldTo, to: tTo, change } } : undefined;
    const { result, words, checks } = settle(view, tokens, this.compiled, matches, this.options, this.lang, kept, before);
    return { text, scan, directives, marked, view, tokens, matches, result, words, checks };
  }

  /** Whether `text` holds a directive's mark (always, for a format with directives of its own). */
  private markedIn(text: string): boolean {
    return this.format.directives !== directiveRegions || holdsDirectiveMark(text);
  }
}

function styled(text: string, h: Span): Heading {
  return { start: h.start, end: h.end, style: headingStyle(text.slice(h.start, h.end)) };
}

/**
 * The replaced range: the longest common prefix and (not overlapping it) suffix. Halving compares whole
 * substrings (native comparisons) instead of walking 300,000 characters one by one in script.
 */
function diff(a: string, b: string): TextChange {
  const max = Math.min(a.length, b.length);
  let lo = 0;
  let hi = max;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (a.substring(lo, mid) === b.substring(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < max && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  const p = lo;
  const limit = max - p;
  const al = a.length;
  const bl = b.length;
  lo = 0;
  hi = limit;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (a.substring(al - mid, al - lo) === b.substring(bl - mid, bl - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < limit && a.charCodeAt(al - 1 - lo) === b.charCodeAt(bl - 1 - lo)) lo++;
  return { start: p, oldEnd: al - lo, newEnd: bl - lo };
}

/** Whether the directive regions are the old ones carried across the edit (else everything is re-linted). */
function sameRegions(old: readonly Region[], now: readonly Region[], change: TextChange): boolean {
  if (old.length !== now.length) return false;
  const delta = change.newEnd - change.oldEnd;
  const map = (x: number): number => (x <= change.start ? x : x >= change.oldEnd ? x + delta : NaN);
  for (let i = 0; i < old.length; i++) {
    const a = old[i]!;
    const b = now[i]!;
    if (a.mode !== b.mode || map(a.start) !== b.start || map(a.end) !== b.end) return false;
  }
  return true;
}

function spliceHeadings(old: readonly Heading[], scanned: readonly Span[], text: string, from: number, oldTo: number, delta: number): Heading[] {
  const out: Heading[] = [];
  for (const h of old) if (h.start < from) out.push(h);
  for (const h of scanned) {
    if (h.start < from || h.start >= oldTo + delta) continue;
    out.push(styled(text, h));
  }
  for (const h of old) if (h.start >= oldTo) out.push({ start: h.start + delta, end: h.end + delta, style: h.style });
  return out;
}

// relint's loops over every token and match, each in a function of its own. Written in relint, they made V8 compile
// relint on stack (OSR) inside its first long loop, before the code after that loop had ever run; each later entry
// into that copy bailed out after the loop, for want of feedback, keystroke after keystroke (--trace-deopt: 10 to
// 19 times on one copy in 1,500 keystrokes), and the rest of relint ran unoptimized.

/** The tokens from `from` (`count` of them) into `starts`/`ends` from `at`, moved by `delta`. */
function shiftTokens(old: TokenOffsets, from: number, count: number, starts: Int32Array, ends: Int32Array, at: number, delta: number): void {
  const oldStarts = old.starts;
  const oldEnds = old.ends;
  for (let k = 0; k < count; k++) {
    starts[at + k] = oldStarts[from + k]! + delta;
    ends[at + k] = oldEnds[from + k]! + delta;
  }
}

/** The matches ending by `from` onto `out`; returns the index of the first one left. */
function keepBefore(matches: readonly Match[], from: number, out: Match[]): number {
  let m = 0;
  while (m < matches.length && matches[m]!.end <= from) out.push(matches[m++]!);
  return m;
}

/** The matches from index `m` on, moved in place, onto `out`. */
function moveAfter(matches: readonly Match[], m: number, tokenDelta: number, delta: number, out: Match[]): void {
  for (; m < matches.length; m++) out.push(moveMatch(matches[m]!, tokenDelta, delta));
}

/**
 * `m` moved by the edit, in place: a match after the edit is the same object in the new state (a keystroke moves
 * thousands; copies of them were most of what it allocated). What results already handed out hold of it is not
 * changed: its edits and finding are new objects, and its old offsets are held for the old result's uses.
 */
function moveMatch(m: Match, tokenDelta: number, delta: number): Match {
  m.first += tokenDelta;
  m.last += tokenDelta;
  m.start += delta;
  m.end += delta;
  // Its edits are also a finding's (its replacement), and its use the old result's.
  if (m.edits.length > 0) m.edits = shiftedEdits(m.edits, delta);
  m.occurrence = undefined;
  if (m.exception) m.exception = { phrase: m.exception.phrase, start: m.exception.start + delta, end: m.exception.end + delta };
  // Its block did not change, so its finding only moves (buildFindings checks the dominant form and count).
  const f = m.memo?.finding;
  if (f) {
    m.memo!.finding = {
      kind: f.kind,
      start: f.start + delta,
      end: f.end + delta,
      found: f.found,
      termId: f.termId,
      expected: f.expected,
      replacements: shiftedReplacements(f.replacements, delta),
      message: f.message,
    };
  }
  return m;
}

/**
 * Copies of `edits` moved by `delta`. Plain loops: edits come from many places (fixes, gaps, Han characters), and the
 * callbacks of `map` here were optimized for some of their shapes and deoptimized by the others, keystroke after
 * keystroke (V8's --trace-deopt: about one keystroke in eight), with `relint` they were inlined into.
 */
function shiftedEdits(edits: readonly Edit[], delta: number): Edit[] {
  const out: Edit[] = [];
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    out.push({ start: e.start + delta, end: e.end + delta, text: e.text });
  }
  return out;
}

function shiftedReplacements(replacements: readonly Replacement[], delta: number): Replacement[] {
  const out: Replacement[] = [];
  for (let i = 0; i < replacements.length; i++) out.push({ text: replacements[i]!.text, edits: shiftedEdits(replacements[i]!.edits, delta) });
  return out;
}
