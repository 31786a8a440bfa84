/**
 * Reading a span of Chinese prose the way its forms are keyed: code point by code point, folded for script (the
 * view is already folded for width, languages/chinese.ts), through markup that reads as a space (Markdown emphasis,
 * inline HTML) and one line break with its indentation, never through hidden text. The Han matchers (exact uses,
 * homophones) both walk with it.
 */
import { foldScript, scriptFoldTable } from '../languages/chinese/fold';
import { CharClass, charClassTable } from '../text';
import type { DocumentView } from '../view';

/** Where the next code point after the transparent run at `j` starts, or -1 when what is at `j` ends a term. */
export function skipTransparent(view: DocumentView, j: number, end: number, breaksSoFar: { n: number }): number {
  const { text, masked } = view;
  const cls = charClassTable();
  let k = j;
  let breaks = 0;
  let spaces = 0;
  while (k < end) {
    const c = masked.charCodeAt(k);
    if (c === 0x20 && text.charCodeAt(k) !== 0x20 && text.charCodeAt(k) !== 0x3000) {
      k++; // markup read as a space
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && masked.charCodeAt(k + 1) === 0x0a) k++;
      breaks++;
      k++;
      continue;
    }
    if (c === 0x20 || c === 0x09) {
      spaces++;
      k++;
      continue;
    }
    if (c < 0xd800 && cls[c] === CharClass.Format) {
      k++;
      continue;
    }
    break;
  }
  if (k === j || k >= end) return -1;
  // A real space inside a term only as the indentation around its one line break.
  if (breaks + breaksSoFar.n > 1 || (spaces > 0 && breaks === 0)) return -1;
  breaksSoFar.n += breaks;
  return k;
}

/** The folded code point at `i` of the view's masked text. */
export function foldedAt(masked: string, i: number): number {
  const c = masked.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return scriptFoldTable()[c] || c;
  return foldScript(masked.codePointAt(i)!);
}

/** The significant code points of `view.text[start, end)` (transparent runs left out) and their offsets. */
export function significant(view: DocumentView, start: number, end: number): { written: number[]; at: number[] } {
  const written: number[] = [];
  const at: number[] = [];
  const breaks = { n: 0 };
  for (let j = start; j < end; ) {
    const skipped = skipTransparent(view, j, end, breaks);
    if (skipped > j) {
      j = skipped;
      continue;
    }
    const cp = view.text.codePointAt(j)!;
    written.push(cp);
    at.push(j);
    j += cp > 0xffff ? 2 : 1;
  }
  return { written, at };
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}
