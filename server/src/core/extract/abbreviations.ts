/**
 * Abbreviations the text defines: "Institute of Public Policy (IPP)" and "IPP (Institute of Public Policy)".
 * The letters of the short form must spell the long one (Schwartz & Hearst).
 */
import { isUpperChar } from '../text';
import { STOP } from './lexicon';
import { type Document, type Unit, nameUnit, surfaceOf } from './reading';

/** An abbreviation as written in parentheses: two or more capitals, short, one word ("IPP", "SMEs", "5G" not). */
const ABBREVIATION = /^[A-Z][A-Za-z0-9&]{1,9}$/;
const ALNUM = /[\p{L}\p{N}]/u;

export interface AbbreviationDef {
  abbreviation: string;
  expansion: string;
  capitalised: boolean;
}

/** Schwartz & Hearst: every letter of the short form, right to left, in the long form; the first at a word start. */
export function abbreviates(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const l = long.toLowerCase();
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si--) {
    const c = s[si]!;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && ALNUM.test(l[li - 1]!)))) li--;
    if (li < 0) return false;
    li--;
  }
  return true;
}

export function findAbbreviations(doc: Document): AbbreviationDef[] {
  const defs: AbbreviationDef[] = [];
  const s = doc.masked;
  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    let next = 0; // units before the parenthesis: p.units[0 .. next)
    for (let open = s.indexOf('(', p.start); open >= 0 && open < p.end; open = s.indexOf('(', open + 1)) {
      const limit = Math.min(p.end, open + 121);
      let close = open + 1;
      while (close < limit && s.charCodeAt(close) !== 0x29) close++;
      if (close >= limit) continue;
      const inner = s.slice(open + 1, close).split(/[,;]/)[0]!.trim();
      while (next < p.units.length && p.units[next]!.end <= open) next++;
      const before = p.units.slice(Math.max(0, next - 24), next);
      const last = before[before.length - 1];
      if (!last || !/^\s*$/.test(s.slice(last.end, open))) continue;
      if (ABBREVIATION.test(inner) && (inner.match(/[A-Z]/g)?.length ?? 0) >= 2) {
        // "Institute of Public Policy (IPP)": the shortest run of words before the parenthesis that the
        // letters spell, within the same stretch of words.
        const window: Unit[] = [last];
        for (let k = before.length - 2; k >= 0 && before[k]!.joinNext && window.length < Math.max(inner.length + 5, inner.length * 2); k--) {
          window.unshift(before[k]!);
        }
        const short = inner.replace(/s$/, '');
        for (let k = 2; k <= window.length; k++) {
          const words = window.slice(window.length - k);
          const head = words[0]!;
          if (STOP.has(head.lower) || head.lower[0] !== short[0]!.toLowerCase()) continue;
          const long = surfaceOf(words);
          if (abbreviates(short, long)) {
            defs.push({ abbreviation: inner, expansion: long, capitalised: nameUnit(head) });
            break;
          }
        }
      } else if (last.allCaps && ABBREVIATION.test(last.text)) {
        // "IPP (Institute of Public Policy)".
        const words = inner.split(/\s+/).filter((w) => w !== '');
        if (words.length >= 2 && abbreviates(last.text.replace(/s$/, ''), inner) && !STOP.has(words[0]!.toLowerCase())) {
          defs.push({ abbreviation: last.text, expansion: words.join(' '), capitalised: isUpperChar(inner.charCodeAt(0)) });
        }
      }
    }
  }
  return defs;
}
