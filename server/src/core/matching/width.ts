/**
 * Full-width Latin letters and digits in the words of a Chinese document ("ＧＤＰ", "Ｓｈｅｎｚｈｅｎ"): the
 * language folds the view for width (languages/chinese.ts), so the word matchers found these uses as if they were
 * written half-width; this pass, run after them, says what the text really holds. A use whose only fault is its
 * width becomes `width`, fixed character by character; one with another fault too keeps that kind, and its fix also
 * writes the characters half-width. Han uses settle their width themselves (hanExact.ts).
 */
import { joinTouching, trimmedEdit } from '../fixes';
import { foldWidth, isFullWidth } from '../languages/chinese/fold';
import type { Match, Matcher } from './match';

export const widthMatcher: Matcher = {
  find(scope, matches) {
    const { text, masked } = scope.view;
    for (let n = 0; n < matches.length; n++) {
      const m = matches[n]!;
      if (m.han || m.kind === 'forbidden') continue;
      let full = false;
      for (let p = m.start; p < m.end && !full; p++) full = isFullWidth(text.charCodeAt(p)) && masked.charCodeAt(p) !== 0;
      if (full) matches[n] = widthOf(text, m);
    }
  },
};

function foldedWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isFullWidth(c) ? String.fromCharCode(foldWidth(c)) : s[i];
  }
  return out;
}

function widthOf(text: string, m: Match): Match {
  const written = text.slice(m.start, m.end);
  let fixed = '';
  let pos = m.start;
  for (const e of m.edits) {
    fixed += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  fixed = foldedWidth(fixed + text.slice(pos, m.end));
  if (m.kind === 'ok' || fixed === foldedWidth(written)) {
    const edits: Match['edits'] = [];
    for (let p = m.start; p < m.end; p++) {
      const c = text.charCodeAt(p);
      if (isFullWidth(c)) edits.push({ start: p, end: p + 1, text: String.fromCharCode(foldWidth(c)) });
    }
    return { ...m, kind: 'width', edits: joinTouching(edits) };
  }
  return { ...m, edits: trimmedEdit(m.start, written, fixed) };
}
