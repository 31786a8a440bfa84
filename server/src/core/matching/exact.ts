/**
 * Exact and variant matches through the key trie. One pass over the words walks the compiled trie from each
 * word (leftmost-longest); each key reached is classified against the forms sharing it: written as a form
 * (a use), as an acceptable form with other gaps or case (a variant), or as a forbidden form.
 */
import type { CompiledForm } from '../compile';
import { CharClass, charClassTable, hasLowerCase, isUpperChar, lowerCaseTable } from '../text';
import type { DocumentView } from '../view';
import { type Alignment, align, kindOf } from './align';
import { type CaseContext, caseContext } from './casing';
import { gapBetween } from './gaps';
import { type Match, type MatchScope, type Matcher, NO_EDITS, newMatch } from './match';
import { isLookAlike } from './lookAlikes';
import { beforeNoun, isModifierCompound } from './modifiers';

export const exactMatcher: Matcher = {
  find(scope, matches) {
    findExactMatches(scope, matches);
  },
};

function findExactMatches(scope: MatchScope, matches: Match[]): void {
  const { view, tokens, compiled, from, to } = scope;
  const { masked } = view;
  const trie = compiled.trie;
  const lower = lowerCaseTable();
  const cls = charClassTable();
  const n = to;
  // Every key the walk from token i passes (last token, trie value), shortest first: ends[0, nEnds).
  const ends: number[] = [];
  let nEnds = 0;
  let i = from;
  while (i < n) {
    let node = 0;
    nEnds = 0;
    let j = i;
    walk: for (;;) {
      for (let p = tokens.starts[j]!, end = tokens.ends[j]!; p < end; p++) {
        const c = masked.charCodeAt(p);
        if (cls[c] === CharClass.Format) continue;
        node = trie.child(node, lower[c]!);
        if (node < 0) break walk;
      }
      const v = trie.value(node);
      if (v >= 0) {
        ends[nEnds++] = j;
        ends[nEnds++] = v;
      }
      if (j + 1 >= n) break;
      const gap = gapBetween(masked, tokens, j);
      if (!gap) break;
      if (gap.kind === 'hard') {
        for (let p = 0; p < gap.literal.length && node >= 0; p++) node = trie.child(node, gap.literal.charCodeAt(p));
        if (node < 0) break;
      }
      j++;
    }
    if (nEnds === 0) {
      i++;
      continue;
    }
    // The longest key first; when it is not a use of its term ("Wa nhua in a" is not the one-word name
    // "Wanhuaina" split), a shorter one may be ("Wa nhua" for "Wanhua").
    let m: Match | undefined;
    for (let e = nEnds - 2; e >= 0 && !m; e -= 2) m = classifyMatch(scope, i, ends[e]!, compiled.formsOf(ends[e + 1]!));
    if (m) matches.push(m);
    i = (m ? m.last : ends[nEnds - 2]!) + 1;
  }
}

/** Whether text[start, end) reads `form` exactly and the view masks none of it (no allocation). */
function writtenAs(view: DocumentView, start: number, end: number, form: string): boolean {
  if (end - start !== form.length) return false;
  const { text, masked } = view;
  for (let i = start, k = 0; i < end; i++, k++) {
    const c = text.charCodeAt(i);
    if (c !== form.charCodeAt(k) || c !== masked.charCodeAt(i)) return false;
  }
  return true;
}

// Each match is made with the two fields findings.ts sets on it later (its occurrence, its memo), so that V8 lays
// them out in the object itself rather than in a properties array added when they come (40 bytes a match: 0.5 MB
// for the 13,000 matches of a 1 MB draft).
function classifyMatch(scope: MatchScope, first: number, last: number, forms: readonly CompiledForm[]): Match | undefined {
  if (forms.length === 0) return undefined;
  const { view, tokens, compiled, lang } = scope;
  const start = tokens.starts[first]!;
  const end = tokens.ends[last]!;
  // Most uses are written exactly as a form, with no markup inside: that aligns with no flags, so say so
  // without aligning (or working out the case context).
  let ctx: CaseContext | undefined;
  let best: { f: CompiledForm; a: Alignment } | undefined;
  for (const f of forms) {
    const t = compiled.entry(f.term).term;
    if (t.notVariants && isLookAlike(t, view.text.slice(start, end))) continue;
    if (writtenAs(view, start, end, f.text)) {
      return forbiddenIn(f, newMatch(first, last, start, end, f.term, f.form, f.form < 0 ? 'forbidden' : 'ok', NO_EDITS));
    }
    const caseSensitive = compiled.entry(f.term).term.caseSensitive;
    const a = align(view, tokens, first, last, f.side, caseSensitive, (ctx ??= caseContext(view, start, lang)));
    if (a.flags.size === 0) {
      return forbiddenIn(f, newMatch(first, last, start, end, f.term, f.form, f.form < 0 ? 'forbidden' : 'ok', NO_EDITS));
    }
    // A forbidden spelling written in another case is still that forbidden spelling.
    if (f.form < 0 && !a.flags.has('joined') && !a.flags.has('split') && !a.flags.has('hyphen')) {
      return forbiddenIn(f, newMatch(first, last, start, end, f.term, -1, 'forbidden', NO_EDITS));
    }
    if (f.form >= 0 && (!best || a.flags.size < best.a.flags.size)) best = { f, a };
  }
  // Only forbidden spellings share this key, and the text is not one of them: "productivity forces" is not
  // the forbidden "productivityforces" written apart, it is ordinary prose.
  if (!best) return undefined;
  const kind = kindOf(best.a.flags)!;
  // "in the long term": the open spelling of a compound hyphenated only as a modifier, where no noun follows.
  if (kind === 'hyphen' && last === first + 1 && gapBetween(view.masked, tokens, first)?.kind === 'space') {
    const term = compiled.entry(best.f.term).term;
    if (isModifierCompound(term, best.f.text, lang) && !beforeNoun(view.masked, tokens, last, scope.to)) return undefined;
  }
  if (kind === 'joined' || kind === 'split') {
    // Ordinary words written together or apart ("makeup", "on line") are not a term variant.
    const pieces = [];
    for (let k = first; k <= last; k++) pieces.push(view.text.slice(tokens.starts[k]!, tokens.ends[k]!));
    if (kind === 'joined' && pieces.length === 1 && lang.isWord(pieces[0]!)) return undefined;
    // Split into ordinary words: a proper name keeps its capital ("Nan sha" for "Nansha"); "new port" is prose.
    const capitalised = compiled.entry(best.f.term).term.caseSensitive && isUpperChar(pieces[0]!.charCodeAt(0)) && isUpperChar(best.f.text.charCodeAt(0));
    if (kind === 'split' && !capitalised && pieces.every((p) => lang.isWord(p))) return undefined;
  }
  return newMatch(first, last, start, end, best.f.term, best.f.form, kind, best.a.edits);
}

/** A use of a forbidden form the list writes in capitals ("HK") says so: those capitals are not typography. */
function forbiddenIn(f: CompiledForm, m: Match): Match {
  if (f.form < 0 && !hasLowerCase(f.text)) m.capsForm = true;
  return m;
}
