/**
 * What of a Markdown document is prose, read from @lezer/markdown's syntax tree (CommonMark + GFM tables,
 * task lists, strikethrough and autolinks). Code, URLs, HTML, link labels and front-matter keys are hidden
 * from the matcher; emphasis, link brackets and quote marks read as spaces; the character after each leaf
 * block (its line break, a table pipe) ends the block. The scan keeps lezer's tree, so an edit re-parses
 * incrementally and only the top-level blocks it touched are masked again.
 */
import { type SyntaxNodeRef, type Tree, type TreeCursor, TreeFragment } from '@lezer/common';
import { type InlineContext, type MarkdownConfig, GFM, parser as commonMark } from '@lezer/markdown';
import { SkipProse } from './markdownSpeed';

/** Per-character mask: what the view does with each code unit. */
export const enum Mask {
  Keep = 0,
  /** Markup between words of a sentence: reads as a space (line breaks stay). */
  Blank = 1,
  /** Never checked, or a block boundary: reads as NUL. */
  Hide = 2,
}

export interface MarkdownStructure {
  /** Sorted offsets where a block's text begins. */
  blockStarts: number[];
  /** Sorted headings (text after the `#` marks up to the end of the line, or the setext text). */
  headings: { start: number; end: number }[];
}

/** A Markdown scan kept alongside its document, so an edit can re-parse and re-mask only what it touched. */
export interface MarkdownScan extends MarkdownStructure {
  /** Same length as the text: Mask values. */
  mask: Uint8Array;
  /** End of the YAML front matter, or 0. */
  fmEnd: number;
  /** lezer's tree of the text (of its guarded copy, see `guardNesting`). */
  tree: Tree;
  /** The top-level blocks (children of the Document node): flat [from, to, type id] triples. */
  blocks: Int32Array;
  /** Whether lezer parsed a guarded copy (some line opens more than MAX_MARKDOWN_NESTING containers). */
  guarded: boolean;
}

/** One replacement: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/* ---------------------------------------------------------------------------------------------- */
/* Limits                                                                                          */

/**
 * Limits no draft reaches but a paste can; lezer itself has none. Containers nested on one line cost the
 * square of their number (each marker re-measures the line's indentation; "- - - … x", a million list markers,
 * ran for hours), and a leaf's emphasis and link delimiters are paired in time quadratic in their number, with
 * recursion as deep as their nesting (a 2 MB run of `*` overflowed the stack). Past MAX_MARKDOWN_NESTING
 * container markers on one line, the rest of the line reads as paragraph text; past MAX_INLINE_DELIMITERS
 * delimiter characters in one leaf block, its further delimiters read as plain characters.
 */
export const MAX_MARKDOWN_NESTING = 100;
export const MAX_INLINE_DELIMITERS = 2000;

const delimitersSeen = new WeakMap<InlineContext, number>();

/** Counts a leaf's delimiters; once over the limit, consumes them as plain text before lezer pairs them. */
const DelimiterLimit: MarkdownConfig = {
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
        const seen = (delimitersSeen.get(cx) ?? 0) + n;
        delimitersSeen.set(cx, seen);
        return seen > MAX_INLINE_DELIMITERS ? pos + n : -1;
      },
    },
  ],
};

// SkipProse first: lezer then spends its inline pass on markup, not on every character of prose.
const parser = commonMark.configure([SkipProse, DelimiterLimit, GFM]);

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
function guardNesting(text: string): string {
  return guardedLines(text, 0, text.length, true) ?? text;
}

/**
 * The guarded copy of `text` when a line starting in [from, to) opens too many containers, else undefined.
 * With `copy` false it only says whether one does (any string).
 */
function guardedLines(text: string, from: number, to: number, copy: boolean): string | undefined {
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

/* ---------------------------------------------------------------------------------------------- */
/* Front matter                                                                                    */

/** YAML front matter at the very start: `---` … `---` (or `...`). Returns its end offset, or 0. */
export function frontMatterEnd(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return 0;
  let i = bom + 3;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r') i++;
  if (text[i] !== '\n') return 0;
  let lineStart = i + 1;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '').trimEnd();
    if (line === '---' || line === '...') return lineEnd;
    lineStart = lineEnd + 1;
  }
  return 0;
}

function fill(mask: Uint8Array, from: number, to: number, mode: Mask): void {
  const end = Math.min(to, mask.length);
  if (mode === Mask.Hide) {
    if (end > from) mask.fill(Mask.Hide, from, end);
  } else for (let i = from; i < end; i++) if (mask[i] === Mask.Keep) mask[i] = mode;
}

/** Front matter: keys and the fences are hidden; values are prose, each its own block. */
function frontMatterStructure(text: string, end: number, mask: Uint8Array, out: MarkdownStructure): void {
  let lineStart = 0;
  let first = true;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd);
    const colon = line.indexOf(':');
    const trimmed = line.trim();
    if (first || trimmed === '---' || trimmed === '...' || trimmed.startsWith('#')) {
      fill(mask, lineStart, lineEnd + 1, Mask.Hide);
    } else if (colon >= 0 && !/^\s*-/.test(line)) {
      fill(mask, lineStart, lineStart + colon + 1, Mask.Hide);
      const valueStart = lineStart + colon + 1 + (line.slice(colon + 1).length - line.slice(colon + 1).trimStart().length);
      if (valueStart < lineEnd) out.blockStarts.push(valueStart);
      fill(mask, lineEnd, lineEnd + 1, Mask.Hide);
    } else {
      fill(mask, lineEnd, lineEnd + 1, Mask.Hide);
    }
    first = false;
    lineStart = lineEnd + 1;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* From the tree to the mask                                                                       */

const enum Act {
  Descend = 0,
  Hide,
  Blank,
  Leaf,
  Atx,
  Setext,
  Cell,
  /** A GFM task item's text (`- [ ] …`): a block of its own, starting after the box. */
  Task,
}

/** What each node type does to the mask, by type id. */
const ACTIONS: Act[] = (() => {
  const byName: Record<string, Act> = {};
  for (const name of [
    'FencedCode', 'CodeBlock', 'InlineCode', 'URL', 'Autolink', 'HTMLBlock', 'HTMLTag', 'Comment', 'CommentBlock',
    'ProcessingInstruction', 'ProcessingInstructionBlock', 'LinkLabel', 'HorizontalRule', 'HeaderMark', 'Escape',
    'Entity', 'TableDelimiter', 'TaskMarker', 'LinkTitle',
  ]) byName[name] = Act.Hide;
  for (const name of ['EmphasisMark', 'StrikethroughMark', 'LinkMark', 'QuoteMark', 'CodeMark']) byName[name] = Act.Blank;
  byName.Paragraph = Act.Leaf;
  for (let i = 1; i <= 6; i++) byName[`ATXHeading${i}`] = Act.Atx;
  byName.SetextHeading1 = byName.SetextHeading2 = Act.Setext;
  byName.TableCell = Act.Cell;
  byName.Task = Act.Task;
  return parser.nodeSet.types.map((t) => byName[t.name] ?? Act.Descend);
})();
const LINK_REFERENCE = parser.nodeSet.types.find((t) => t.name === 'LinkReference')!.id;

/** Masks the node at `cursor` and everything in it; nodes ending at or before `fmEnd` (front matter) are skipped. */
function maskNode(cursor: TreeCursor, text: string, mask: Uint8Array, fmEnd: number, out: MarkdownStructure): void {
  let depth = 0;
  for (;;) {
    let descend = false;
    const from = cursor.from;
    const to = cursor.to;
    if (to > fmEnd) {
      const act = ACTIONS[cursor.type.id]!;
      if (act === Act.Hide) fill(mask, from, to, Mask.Hide);
      else if (act === Act.Blank) fill(mask, from, to, Mask.Blank);
      else {
        descend = true;
        if (act !== Act.Descend) leaf(act, from, to, text, mask, out);
      }
    }
    if (descend && cursor.firstChild()) {
      depth++;
      continue;
    }
    for (;;) {
      if (depth === 0) return;
      if (cursor.nextSibling()) break;
      cursor.parent();
      depth--;
    }
  }
}

/** A paragraph, heading or table cell: its text starts a sentence, and the character after it ends the block. */
function leaf(act: Act, from: number, to: number, text: string, mask: Uint8Array, out: MarkdownStructure): void {
  let start = from;
  if (act === Act.Atx) {
    // Content begins after the `#` marks and their space.
    while (start < to && text.charCodeAt(start) === 35) start++;
    while (start < to && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  } else if (act === Act.Cell) {
    while (start < to && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  } else if (act === Act.Task) {
    if (text.charCodeAt(start) === 91 && text.charCodeAt(start + 2) === 93) start += 3;
    while (start < to && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  }
  out.blockStarts.push(start);
  if (to < text.length) fill(mask, to, to + 1, Mask.Hide);
  if (act === Act.Atx) out.headings.push({ start, end: to });
  else if (act === Act.Setext) {
    let end = to;
    const nl = text.lastIndexOf('\n', to - 1);
    if (nl > start) {
      // The underline is not prose.
      fill(mask, nl, to, Mask.Hide);
      end = nl;
    }
    out.headings.push({ start, end });
  }
}

function topLevelBlocks(tree: Tree): Int32Array {
  const out: number[] = [];
  const cursor = tree.cursor();
  if (cursor.firstChild()) {
    do out.push(cursor.from, cursor.to, cursor.type.id);
    while (cursor.nextSibling());
  }
  return Int32Array.from(out);
}

function sortStructure(out: MarkdownStructure): void {
  out.blockStarts.sort((a, b) => a - b);
  out.headings.sort((a, b) => a.start - b.start);
}

/** Masks everything from the tree: front matter, then every top-level block. */
function maskAll(text: string, tree: Tree, blocks: Int32Array, guarded: boolean): MarkdownScan {
  const mask = new Uint8Array(text.length);
  const fmEnd = frontMatterEnd(text);
  const out: MarkdownStructure = { blockStarts: [], headings: [] };
  if (fmEnd > 0) frontMatterStructure(text, fmEnd, mask, out);
  const cursor = tree.cursor();
  if (cursor.firstChild()) {
    do maskNode(cursor, text, mask, fmEnd, out);
    while (cursor.nextSibling());
  }
  sortStructure(out);
  return { mask, fmEnd, tree, blocks, guarded, blockStarts: out.blockStarts, headings: out.headings };
}

/* ---------------------------------------------------------------------------------------------- */
/* Entry points                                                                                    */

/** Scans `text` and writes its mask into `mask` (same length as `text`, zeroed). */
export function scanMarkdown(text: string, mask: Uint8Array): MarkdownStructure {
  const scan = scanMarkdownDocument(text);
  mask.set(scan.mask);
  return { blockStarts: scan.blockStarts, headings: scan.headings };
}

export function scanMarkdownDocument(text: string): MarkdownScan {
  const input = guardNesting(text);
  const tree = parser.parse(input);
  return maskAll(text, tree, topLevelBlocks(tree), input !== text);
}

/**
 * The new tree's top-level blocks without walking all of them: those ending before `safe` are the old ones
 * (lezer parsed the same text before them the same way); from there the tree is walked until a block starts
 * past the edit where an old one started, with the same end and type: from a top-level block start on, the
 * parse depends only on the text after it, so the old blocks from there on hold, shifted.
 */
function relistBlocks(old: Int32Array, tree: Tree, safe: number, newEnd: number, delta: number): Int32Array {
  const head = firstBlockEndingAtOrAfter(old, safe);
  const out: number[] = [];
  const cursor = tree.cursor();
  let tail = old.length / 3;
  if (cursor.childAfter(safe - 1)) {
    do {
      const from = cursor.from;
      const to = cursor.to;
      const type = cursor.type.id;
      if (from > newEnd) {
        const j = firstBlockEndingAtOrAfter(old, to - delta);
        if (j * 3 < old.length && old[j * 3] === from - delta && old[j * 3 + 1] === to - delta && old[j * 3 + 2] === type) {
          tail = j;
          break;
        }
      }
      out.push(from, to, type);
    } while (cursor.nextSibling());
  }
  const blocks = new Int32Array(head * 3 + out.length + (old.length - tail * 3));
  blocks.set(old.subarray(0, head * 3));
  blocks.set(out, head * 3);
  let w = head * 3 + out.length;
  for (let r = tail * 3; r < old.length; r += 3) {
    blocks[w++] = old[r]! + delta;
    blocks[w++] = old[r + 1]! + delta;
    blocks[w++] = old[r + 2]!;
  }
  return blocks;
}

/** Index of the first block (triple index / 3) whose `to` is at or after `pos`. */
function firstBlockEndingAtOrAfter(blocks: Int32Array, pos: number): number {
  let lo = 0;
  let hi = blocks.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid * 3 + 1]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineStartOf(text: string, pos: number): number {
  return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEndOf(text: string, pos: number): number {
  if (pos >= text.length) return text.length;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

function containsLinkReference(tree: Tree, from: number, to: number): boolean {
  let found = false;
  tree.iterate({
    from,
    to,
    enter(node: SyntaxNodeRef) {
      if (found) return false;
      if (node.type.id === LINK_REFERENCE) found = true;
      return !found;
    },
  });
  return found;
}

/**
 * Re-parses after `change` with lezer's incremental parser (the old tree's untouched parts are reused), then
 * masks again only the top-level blocks that differ from the old ones or overlap the edit; the marks of the
 * others are kept (shifted past the edit). Returns the new scan and the range of the new text [from, to) that
 * was masked again (it was [from, oldTo) in the old text); outside it, the old mask holds. An edit that touches
 * the front matter or a link reference definition masks the whole document again.
 */
export function rescanMarkdown(old: MarkdownScan, text: string, change: TextChange): { scan: MarkdownScan; from: number; to: number; oldTo: number } {
  const delta = change.newEnd - change.oldEnd;
  const oldLength = old.mask.length;
  // lezer reuses a block whose end it decided by looking at lines the edit changed (a paragraph ends where a
  // table's header and delimiter rows begin; a list, at the next line after blank lines that is not indented).
  // So the old tree is dropped from the block before the edited one, and at least two lines back.
  const i = firstBlockEndingAtOrAfter(old.blocks, change.start);
  const twoLinesBack = lineStartOf(text, lineStartOf(text, lineStartOf(text, change.start) - 1) - 1);
  const safe = Math.min(twoLinesBack, i > 0 ? old.blocks[(i - 1) * 3]! : 0);
  // Nor may it reuse the rest of an edited line (its indentation may have changed): the old tree is also
  // dropped up to the end of the line after the edit.
  const safeEnd = lineEndOf(text, lineEndOf(text, change.newEnd) + 1);
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(old.tree), [
    { fromA: safe, toA: safeEnd - delta, fromB: safe, toB: safeEnd },
  ]);
  // Only the edited lines can newly need the guard; a document that needed it is rare and guarded whole.
  const input = old.guarded || guardedLines(text, safe, safeEnd, false) !== undefined ? guardNesting(text) : text;
  const tree = parser.parse(input, fragments);
  const blocks = relistBlocks(old.blocks, tree, safe, change.newEnd, delta);
  const fmEnd = frontMatterEnd(text);
  const guarded = input !== text;
  const full = () => ({ scan: maskAll(text, tree, blocks, guarded), from: 0, to: text.length, oldTo: oldLength });
  if (fmEnd !== old.fmEnd || change.start <= fmEnd) return full();

  const ob = old.blocks;
  const nOld = ob.length / 3;
  const nNew = blocks.length / 3;
  // Leading blocks that end before the edit and are unchanged.
  let k = 0;
  const kMax = Math.min(firstBlockEndingAtOrAfter(ob, change.start), firstBlockEndingAtOrAfter(blocks, change.start));
  while (k < kMax && ob[k * 3] === blocks[k * 3] && ob[k * 3 + 1] === blocks[k * 3 + 1] && ob[k * 3 + 2] === blocks[k * 3 + 2]) k++;
  // Trailing blocks that start after the edit and are unchanged (shifted by delta).
  let a = nOld;
  let b = nNew;
  while (
    a > k &&
    b > k &&
    ob[(a - 1) * 3]! > change.oldEnd &&
    blocks[(b - 1) * 3]! > change.newEnd &&
    ob[(a - 1) * 3]! + delta === blocks[(b - 1) * 3] &&
    ob[(a - 1) * 3 + 1]! + delta === blocks[(b - 1) * 3 + 1] &&
    ob[(a - 1) * 3 + 2] === blocks[(b - 1) * 3 + 2]
  ) {
    a--;
    b--;
  }
  // Just after the break character that ends the last kept block; up to the first block kept after the edit.
  const from = k > 0 ? Math.min(blocks[(k - 1) * 3 + 1]! + 1, change.start) : 0;
  const to = b < nNew ? blocks[b * 3]! : text.length;
  const oldTo = a < nOld ? ob[a * 3]! : oldLength;
  if (from <= fmEnd || from === 0) return full();
  // Reference definitions are blocks of their own; one edited (or one appearing) masks everything again.
  if (containsLinkReference(old.tree, from, oldTo) || containsLinkReference(tree, from, to)) return full();

  const mask = new Uint8Array(text.length);
  mask.set(old.mask.subarray(0, from));
  mask.set(old.mask.subarray(oldTo), to);
  const fresh: MarkdownStructure = { blockStarts: [], headings: [] };
  const cursor = tree.cursor();
  if (b > k && cursor.childAfter(blocks[k * 3]! - 1)) {
    for (let i = k; i < b; i++) {
      maskNode(cursor, text, mask, fmEnd, fresh);
      if (!cursor.nextSibling()) break;
    }
  }
  sortStructure(fresh);
  const splice = <T>(xs: readonly T[], at: (x: T) => number, shift: (x: T) => T, mid: T[]): T[] => {
    const out: T[] = [];
    for (const x of xs) if (at(x) < from) out.push(x);
    for (const x of mid) out.push(x);
    // An empty heading at the very end starts at the text's length: with no block kept after the edit, keep nothing.
    if (b < nNew) for (const x of xs) if (at(x) >= oldTo) out.push(shift(x));
    return out;
  };
  const blockStarts = splice(old.blockStarts, (x) => x, (x) => x + delta, fresh.blockStarts);
  const headings = splice(old.headings, (h) => h.start, (h) => ({ start: h.start + delta, end: h.end + delta }), fresh.headings);
  return { scan: { mask, fmEnd, tree, blocks, guarded, blockStarts, headings }, from, to, oldTo };
}
