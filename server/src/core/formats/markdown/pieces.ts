/**
 * The Markdown scan without lezer's block parser where a draft is plain paragraphs. A document splits at its
 * blank lines into pieces. A piece whose every line starts at the margin with a character no block can start
 * with (a letter, most punctuation, any non-ASCII character; never a space, `> - + * _ = # ` ~ < | :`, a
 * list number, or a `[` on its first line) is one top-level paragraph whatever surrounds it, provided lezer
 * leaves nothing open before it: such a line after a blank line closes every list and quote, and only a
 * fenced code block or an HTML block can run on past a blank line. Its inline content goes through lezer's
 * own inline parser (`parser.parseInline`), exactly as lezer's paragraph would. The pieces between go through
 * lezer's block parser, each run as a document of its own; when the last block of such a range runs on to its end (a code
 * fence not closed yet), lezer's parse of the range is not final: the range grows past the next plain pieces
 * (doubling, so a long open fence costs a linear number of re-parses) until its last block ends inside it.
 *
 * The mask and structure are lezer's whole-document scan's exactly (`scanMarkdownDocument`); property tests
 * over generated Markdown and the corpora hold the two equal (test/unit/markdownPieces.test.ts).
 */
import type { Element } from '@lezer/markdown';
import { Mask, fillMask } from '../../mask';
import type { FormatStructure } from '../format';
import { frontMatterEnd, frontMatterStructure } from './frontMatter';
import { guardNesting } from './limits';
import { ACTIONS, Act, maskNode, sortStructure } from './masking';
import { parser } from './parser';

/** ASCII characters a plain paragraph's line may start with (1); digits (2) only when no `.` or `)` follows them. */
const LINE_START = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) LINE_START[c] = 1;
for (const c of '>-+*_=#`~<|:') LINE_START[c.charCodeAt(0)] = 0;
for (let c = 48; c <= 57; c++) LINE_START[c] = 2;

/** Whether a line starting at `i` (not blank) may be a line of a plain paragraph; `first`: the piece's first line. */
export function plainLineAt(text: string, i: number, first: boolean): boolean {
  const c = text.charCodeAt(i);
  if (c >= 128) return true;
  const k = LINE_START[c];
  if (k === 1) return c !== 91 || !first;
  if (k !== 2) return false;
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  const d = text.charCodeAt(j);
  return d !== 46 && d !== 41;
}

/** The end of the line starting at `i` (its '\n', or the text's end). */
function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e;
}

/** Whether text[i, end) is blank to lezer (spaces, tabs and carriage returns only). */
export function blank(text: string, i: number, end: number): boolean {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** An inline element's children (lezer keeps them on the element; its typings call them internal). */
function childrenOf(e: Element): readonly Element[] {
  return (e as unknown as { children?: readonly Element[] }).children ?? [];
}

/**
 * Masks text[start, end), a plain piece that is one top-level paragraph, from lezer's inline parser: as lezer's
 * paragraph (its finishLeaf) and `maskNode` would, but for the character after it, which the caller hides.
 */
export function maskPlainParagraph(text: string, start: number, end: number, mask: Uint8Array): void {
  maskElements(parser.parseInline(text.slice(start, end), start), mask);
}

/** Masks inline elements as `maskNode` masks the same nodes of lezer's tree. */
function maskElements(elements: readonly Element[], mask: Uint8Array): void {
  for (const e of elements) {
    const act = ACTIONS[e.type]!;
    if (act === Act.Hide) fillMask(mask, e.from, e.to, Mask.Hide);
    else if (act === Act.Blank) fillMask(mask, e.from, e.to, Mask.Blank);
    else maskElements(childrenOf(e), mask);
  }
}

/**
 * Scans `text` into `mask` (zeroed, the text's length) and returns where blocks and headings are: the same
 * as `scanMarkdownDocument`, without its tree.
 */
export function scanMarkdownPieces(text: string, mask: Uint8Array): FormatStructure {
  const input = guardNesting(text);
  const len = text.length;
  const fmEnd = frontMatterEnd(text);
  const out: FormatStructure = { blockStarts: [], headings: [] };
  if (fmEnd > 0) frontMatterStructure(text, fmEnd, mask, out);
  // The range lezer's block parser has yet to read: [from, its last content line's end); 0 when none.
  let from = 0;
  let contentEnd = -1;
  // After a range whose last block ran on: do not parse it again before it is `retryAt` long.
  let retryAt = 0;

  /** Parses [from, to) and masks its blocks; false when its last block runs on (then masks those before it). */
  const parseRange = (to: number, final: boolean): boolean => {
    // lezer parses the range as a document of its own: positions in its tree and scan are from `from`.
    const localText = text.slice(from, to);
    const tree = parser.parse(input === text ? localText : input.slice(from, to));
    const cursor = tree.cursor();
    if (!cursor.firstChild()) return true;
    let lastFrom = -1;
    if (!final) {
      const last = tree.topNode.lastChild;
      if (last && from + last.to > contentEnd) lastFrom = last.from;
    }
    const local: FormatStructure = { blockStarts: [], headings: [] };
    const localMask = mask.subarray(from, to);
    do {
      if (cursor.from === lastFrom) break;
      maskNode(cursor, localText, localMask, fmEnd - from, local);
    } while (cursor.nextSibling());
    for (const s of local.blockStarts) out.blockStarts.push(s + from);
    for (const h of local.headings) out.headings.push({ start: h.start + from, end: h.end + from });
    if (lastFrom < 0) return true;
    // The block that runs on is parsed again with what follows it, from its line.
    from = text.lastIndexOf('\n', from + lastFrom - 1) + 1;
    return false;
  };

  let i = 0;
  while (i < len) {
    let e = lineEnd(text, i);
    if (blank(text, i, e)) {
      i = e + 1;
      continue;
    }
    // A piece: lines up to the next blank one; plain when each line may be a plain paragraph's.
    const start = i;
    let plain = start >= fmEnd;
    for (let first = true; ; first = false) {
      if (plain && !plainLineAt(text, i, first)) plain = false;
      i = e + 1;
      if (i >= len) break;
      const next = lineEnd(text, i);
      if (blank(text, i, next)) break;
      e = next;
    }
    const end = e;
    if (plain && contentEnd >= 0) {
      if (start - from < retryAt) plain = false;
      else if (!parseRange(start, false)) {
        retryAt = 2 * (start - from);
        plain = false;
      } else {
        retryAt = 0;
        contentEnd = -1;
      }
    }
    if (!plain) {
      if (contentEnd < 0) from = start;
      contentEnd = end;
      continue;
    }
    // One top-level paragraph, as lezer's finishLeaf makes it.
    out.blockStarts.push(start);
    if (end < len) fillMask(mask, end, end + 1, Mask.Hide);
    maskPlainParagraph(text, start, end, mask);
  }
  if (contentEnd >= 0) parseRange(len, true);
  sortStructure(out);
  return out;
}
