/**
 * Uses of the lists' Chinese forms in Chinese prose: leftmost-longest through the folded-key trie (hanTerms.ts),
 * reading the view as hanWalk.ts does. A use must start where a word starts: a candidate whose first character
 * could close a word begun before it (推广州际 holds no 广州) is settled by jieba's cut of its clause
 * (languages/chinese/segment.ts); one that starts a longer word (广州市, 深圳湾) is a use. Each use is then read
 * against the forms sharing its key (classify): written as a form of the document's script (a use, or a forbidden
 * form), as another script's form or with characters of the other script (`script`), with full-width letters or
 * digits (`width`).
 */
import { isFullWidth } from '../languages/chinese/fold';
import { isClauseUnit, wordStarts } from '../languages/chinese/segment';
import { foldText } from '../languages/chinese/fold';
import { mergeEdits } from '../fixes';
import { lowerBound } from '../search';
import type { VariantKind } from '../types';
import type { DocumentView } from '../view';
import { type ChineseScript, type HanForm, type HanTerms, hanTermsOf, scriptOfTag } from './hanTerms';
import { foldedAt, isAsciiAlnum, significant, skipTransparent } from './hanWalk';
import { type Match, type MatchScope, type Matcher, NO_EDITS, newMatch } from './match';

export const hanMatcher: Matcher = {
  find(scope, matches) {
    findHanMatches(scope, matches);
  },
};

/** How far a clause is read either side of a use for jieba (a run of Han this long is no sentence). */
const MAX_CLAUSE = 120;

interface Candidate {
  start: number;
  end: number;
  value: number;
  /** No transparent run inside: the span's text is its characters. */
  plain: boolean;
}

/** The longest key starting at `i` (valid at its Latin edges), or undefined. */
function longestAt(view: DocumentView, han: HanTerms, i: number, end: number): Candidate | undefined {
  const masked = view.masked;
  const trie = han.trie;
  let node = 0;
  let j = i;
  let breaks: { n: number } | undefined;
  let bestEnd = -1;
  let bestValue = -1;
  let bestPlain = true;
  let lastCp = 0;
  let plain = true;
  while (j < end) {
    if (j > i) {
      const d = masked.charCodeAt(j);
      // Only white space, markup read as a space and format characters can be transparent.
      if (d <= 0x20 || (d >= 0x200b && d <= 0x206f) || d === 0xad) {
        const skipped = skipTransparent(view, j, end, (breaks ??= { n: 0 }));
        if (skipped === -1) break;
        j = skipped;
        plain = false;
      }
    }
    const c = masked.charCodeAt(j);
    if (c === 0) break;
    const f = foldedAt(masked, j);
    if (f > 0xffff) {
      node = trie.child(node, 0xd800 + ((f - 0x10000) >> 10));
      if (node >= 0) node = trie.child(node, 0xdc00 + ((f - 0x10000) & 0x3ff));
    } else node = trie.child(node, f);
    if (node < 0) break;
    j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    lastCp = f;
    const v = trie.value(node);
    // A key ending in a letter or digit must not end inside a Latin word ("5G基站" is no key in "5G基站s" — but
    // "基站5" is none in "基站56").
    if (v >= 0 && !(isAsciiAlnum(lastCp) && j < end && isAsciiAlnum(masked.charCodeAt(j)))) {
      bestEnd = j;
      bestValue = v;
      bestPlain = plain;
    }
  }
  return bestEnd < 0 ? undefined : { start: i, end: bestEnd, value: bestValue, plain: bestPlain };
}

function findHanMatches(scope: MatchScope, matches: Match[]): void {
  const { view, compiled, options } = scope;
  const han = hanTermsOf(compiled);
  const script = scriptOfTag(options.lang);
  const masked = view.masked;
  const root = han.trie;
  const start = scope.start;
  const end = scope.end;

  // 1. The longest key at every position that can start one.
  const candidates: Candidate[] = [];
  for (let i = start; i < end; i++) {
    const c = masked.charCodeAt(i);
    if (c < 0x30 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    const f = foldedAt(masked, i);
    if (root.child(0, f > 0xffff ? 0xd800 + ((f - 0x10000) >> 10) : f) < 0) continue;
    // A key starting with a letter or digit must not start inside a Latin word.
    if (isAsciiAlnum(f) && i > 0 && isAsciiAlnum(masked.charCodeAt(i - 1))) continue;
    const cand = longestAt(view, han, i, end);
    if (cand) candidates.push(cand);
    if (f > 0xffff) i++;
  }
  if (candidates.length === 0) return;

  // 2. Candidates whose start could be inside a word: ask jieba, all clauses in one call.
  const doubtful: number[] = [];
  const clauses: string[] = [];
  const offsets: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const s = candidates[k]!.start;
    if (s <= start || !isClauseUnit(masked.charCodeAt(s - 1)) || !isClauseUnit(masked.charCodeAt(s))) continue;
    let a = s;
    while (a > start && s - a < MAX_CLAUSE && isClauseUnit(masked.charCodeAt(a - 1))) a--;
    let b = s;
    while (b < end && b - s < MAX_CLAUSE && isClauseUnit(masked.charCodeAt(b))) b++;
    // jieba's dictionary is Simplified: it cuts the clause folded, where the start has its folded offset.
    const before = foldText(masked.slice(a, s));
    doubtful.push(k);
    clauses.push(before + foldText(masked.slice(s, b)));
    offsets.push(before.length);
  }
  const startsWord = new Uint8Array(candidates.length).fill(1);
  if (doubtful.length > 0) {
    const verdicts = wordStarts(clauses, offsets);
    doubtful.forEach((k, n) => {
      if (!verdicts[n]) startsWord[k] = 0;
    });
  }

  // 3. Leftmost-longest among the candidates that start words; a use covering a word matcher's match whole takes
  // its place ("5G基站" over "5G"), one crossing it is dropped.
  const words = matches.filter((m) => m.end > start && m.start < end).sort((x, y) => x.start - y.start);
  const wordStartsAt = words.map((m) => m.start);
  const replaced = new Set<Match>();
  let reached = -1;
  for (let k = 0; k < candidates.length; k++) {
    const cand = candidates[k]!;
    if (cand.start < reached || !startsWord[k]) continue;
    let w = lowerBound(wordStartsAt, cand.start);
    if (w > 0 && words[w - 1]!.end > cand.start) continue;
    const covered: Match[] = [];
    let crossing = false;
    for (; w < words.length && words[w]!.start < cand.end; w++) {
      if (words[w]!.end > cand.end) crossing = true;
      else covered.push(words[w]!);
    }
    if (crossing) continue;
    const m = classify(view, han, script, cand, scope.tokens.starts, scope.tokens.length);
    if (!m) continue;
    for (const c of covered) replaced.add(c);
    matches.push(m);
    reached = cand.end;
  }
  if (replaced.size > 0) {
    let n = 0;
    for (const m of matches) if (!replaced.has(m)) matches[n++] = m;
    matches.length = n;
  }
}

/** The use `cand` read against the forms of its key, or undefined when none of them reads it. */
function classify(view: DocumentView, han: HanTerms, script: ChineseScript, cand: Candidate, tokenStarts: Int32Array, tokenCount: number): Match | undefined {
  const forms = han.formsOf(cand.value);
  let sig: { written: number[]; at: number[] } | undefined;
  const sigOf = () => (sig ??= significant(view, cand.start, cand.end));
  const text = cand.plain ? view.text.slice(cand.start, cand.end) : String.fromCodePoint(...sigOf().written);
  const first = lowerBound(tokenStarts, cand.start, 0, tokenCount);
  const make = (f: HanForm, form: number, kind: VariantKind | 'ok', edits: Match['edits']): Match => newMatch(first, first - 1, cand.start, cand.end, f.concept, form, kind, edits, true);
  const ownForm = (f: HanForm): boolean => f.script === han.entry(f.concept, script).script;

  // Written exactly as a form: of the document's script (or of the only script the concept has), or of the other.
  let other: HanForm | undefined;
  for (const f of forms) {
    if (f.text !== text) continue;
    if (ownForm(f)) return make(f, f.form, f.form < 0 ? 'forbidden' : 'ok', NO_EDITS);
    other ??= f;
  }
  if (other) {
    if (other.form < 0) return make(other, -1, 'forbidden', NO_EDITS);
    const same = forms.find((f) => f.concept === other.concept && ownForm(f) && f.form >= 0);
    return same ? make(same, same.form, 'script', charEdits(view, sigOf().written, sigOf().at, same.text)) : make(other, -1, 'script', NO_EDITS);
  }

  // Written with characters that fold to a form's: what differs is width or script.
  const ref =
    forms.find((f) => ownForm(f) && f.form >= 0) ?? forms.find((f) => ownForm(f)) ?? forms.find((f) => f.form >= 0) ?? forms[0];
  if (!ref) return undefined;
  const { written, at } = sigOf();
  const target = [...ref.text];
  let widths = 0;
  let scripts = 0;
  for (let p = 0; p < written.length; p++) {
    const w = written[p]!;
    const t = target[p]!.codePointAt(0)!;
    if (w === t) continue;
    if (w <= 0xffff && isFullWidth(w) && view.masked.charCodeAt(at[p]!) === t) widths++;
    else scripts++;
  }
  if (ref.form < 0) return make(ref, -1, 'forbidden', NO_EDITS);
  if (!ownForm(ref)) {
    // The concept has forms in the document's script, but none with this key (資訊 in a Simplified draft for 信息).
    return make(ref, -1, 'script', NO_EDITS);
  }
  const entry = han.entry(ref.concept, script);
  if (scripts > 0 && !entry.own) {
    // Forms in one script only: its other script cannot be told wrong, but its width can.
    if (widths === 0) return make(ref, ref.form, 'ok', NO_EDITS);
    return make(ref, ref.form, 'width', widthEdits(view, written, at));
  }
  return make(ref, ref.form, scripts > 0 ? 'script' : 'width', charEdits(view, written, at, ref.text));
}

/** Edits turning each written code point that differs from `target`'s into it (the same number of code points). */
export function charEdits(view: DocumentView, written: readonly number[], at: readonly number[], target: string): Match['edits'] {
  const t = [...target];
  const edits: Match['edits'] = [];
  for (let p = 0; p < written.length; p++) {
    const w = written[p]!;
    const want = t[p]!;
    if (w === want.codePointAt(0)) continue;
    edits.push({ start: at[p]!, end: at[p]! + (w > 0xffff ? 2 : 1), text: want });
  }
  return mergeEdits(edits, view.text);
}

/** Edits turning each full-width character written into its half-width one. */
function widthEdits(view: DocumentView, written: readonly number[], at: readonly number[]): Match['edits'] {
  const edits: Match['edits'] = [];
  for (let p = 0; p < written.length; p++) {
    const w = written[p]!;
    if (w <= 0xffff && isFullWidth(w)) edits.push({ start: at[p]!, end: at[p]! + 1, text: view.masked[at[p]!]! });
  }
  return mergeEdits(edits, view.text);
}
