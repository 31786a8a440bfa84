/**
 * Limits no draft reaches but a paste can; lezer itself has none. Containers nested on one line cost the
 * square of their number (each marker re-measures the line's indentation; "- - - … x", a million list markers,
 * ran for hours), and a leaf's emphasis and link delimiters are paired in time quadratic in their number, with
 * recursion as deep as their nesting (a 2 MB run of `*` overflowed the stack). Past MAX_MARKDOWN_NESTING
 * container markers on one line, the rest of the line reads as paragraph text; past MAX_INLINE_DELIMITERS
 * delimiter characters in one leaf block, its further delimiters read as plain characters.
 */
import type { InlineContext, MarkdownConfig } from '@lezer/markdown';

export const MAX_MARKDOWN_NESTING = 100;
export const MAX_INLINE_DELIMITERS = 2000;

/** Delimiters seen so far in the section lezer is parsing (one at a time; a WeakMap per section cost more). */
let delimiterSection: InlineContext | undefined;
let delimitersSeen = 0;

/** Counts a leaf's delimiters; once over the limit, consumes them as plain text before lezer pairs them. */
export const DelimiterLimit: MarkdownConfig = {
  parseInline: [
    {
      name: 'DelimiterLimit',
      before: 'Emphasis',
      parse(cx, next, pos) {
        let n: number;
        if (next === 42 || next === 95 || next === 126) {
          n = 1;
          while (cx.char(pos + n) === next) n++;
        } else if (next === 91 || next === 93) n = 1;
        else if (next === 33 && cx.char(pos + 1) === 91) n = 2;
        else return -1;
        if (cx !== delimiterSection) {
          delimiterSection = cx;
          delimitersSeen = 0;
        }
        delimitersSeen += n;
        return delimitersSeen > MAX_INLINE_DELIMITERS ? pos + n : -1;
      },
    },
  ],
};

function isSpaceOrEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

/** Whether text[i, lineEnd) is a thematic break made of `ch` (lezer reads it as one before a list marker). */
function isThematicBreak(text: string, i: number, lineEnd: number, ch: number): boolean {
  let count = 0;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === ch) count++;
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return count >= 3;
}

/**
 * The text lezer parses: the document itself, or (when some line opens more than MAX_MARKDOWN_NESTING
 * containers) a same-length copy whose marker after the limit is a letter, so the rest of that line is
 * paragraph text. Offsets are unchanged; only the parse sees the copy.
 */
export function guardNesting(text: string): string {
  return guardedLines(text, 0, text.length, true) ?? text;
}

/**
 * The guarded copy of `text` when a line starting in [from, to) opens too many containers, else undefined.
 * With `copy` false it only says whether one does (any string).
 */
export function guardedLines(text: string, from: number, to: number, copy: boolean): string | undefined {
  let out: string[] | undefined;
  let last = 0;
  for (let lineStart = from; lineStart < to; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let depth = 0;
    let i = lineStart;
    for (;;) {
      while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      const c = text.charCodeAt(i);
      let size = 0;
      if (c === 62) size = 1;
      else if ((c === 45 || c === 42 || c === 43) && isSpaceOrEnd(text, i + 1)) {
        if (c !== 43 && isThematicBreak(text, i, lineEnd, c)) break;
        size = 1;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && isSpaceOrEnd(text, j + 1)) size = j + 1 - i;
      }
      if (size === 0 || i >= lineEnd) break;
      if (++depth > MAX_MARKDOWN_NESTING) {
        if (!copy) return text;
        (out ??= []).push(text.slice(last, i), 'x');
        last = i + 1;
        break;
      }
      i += size;
    }
    lineStart = lineEnd + 1;
  }
  if (!out) return undefined;
  out.push(text.slice(last));
  return out.join('');
}

