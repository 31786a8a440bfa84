/**
 * Chinese, Simplified and Traditional alike (the script is the document tag's: zh-Hans, zh-Hant, zh-HK, …; the Han
 * matcher reads it). Its prose is matched in two scripts: the Latin words inside it keep the English rules (word
 * tokens, sentence starts, case, the English word list), and its Han text is matched against the lists' Chinese
 * forms (core/matching/hanExact.ts). The view is folded for width, so "ＧＤＰ" and "５Ｇ" read as "GDP" and "5G" to
 * every matcher, and what differs from the text is reported as `width`.
 */
import { english } from './english';
import { foldWidth, isFullWidth } from './chinese/fold';
import type { Language } from './language';

/** The masked view with full-width ASCII in [from, to) as half-width (a same-length rewrite). */
function foldView(masked: string, from: number, to: number): string {
  let i = from;
  while (i < to && !isFullWidth(masked.charCodeAt(i))) i++;
  if (i === to) return masked;
  let out = masked.slice(0, i);
  let run = i;
  for (; i < to; i++) {
    const c = masked.charCodeAt(i);
    if (!isFullWidth(c)) continue;
    out += masked.slice(run, i) + String.fromCharCode(foldWidth(c));
    run = i + 1;
  }
  return out + masked.slice(run);
}

export const chinese: Language = {
  ...english,
  tag: 'zh',
  scripts: ['alphabetic', 'han'],
  foldView,
};
