/**
 * The incremental re-scan of an edited Markdown document: lezer re-parses reusing the old tree's untouched
 * parts, and only the top-level blocks that changed are masked again; the marks of the others are kept. An edit
 * inside a plain paragraph that leaves it one (most keystrokes in prose) is masked again from that paragraph
 * alone, without lezer's block parser; the tree catches up at the next edit that needs it.
 */
import { type ChangedRange, type SyntaxNodeRef, type Tree, TreeFragment } from '@lezer/common';
import type { FormatStructure, Rescan, Span, TextChange } from '../format';
import { frontMatterEnd } from './frontMatter';
import { guardNesting, guardedLines } from './limits';
import { LINK_REFERENCE, type MarkdownScan, PARAGRAPH, maskAll, maskNode, sortStructure } from './masking';
import { parser } from './parser';
import { blank, maskPlainParagraph, plainLineAt } from './pieces';

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
 * What lezer parses again after `change`: from the block before the edited one (and at least two lines back),
 * to the end of the line after the edit. lezer reuses a block whose end it decided by looking at lines the edit
 * changed (a paragraph ends where a table's header and delimiter rows begin; a list, at the next line after blank
 * lines that is not indented), nor may it reuse the rest of an edited line (its indentation may have changed).
 */
function reparsed(blocks: Int32Array, text: string, change: TextChange): ChangedRange {
  const delta = change.newEnd - change.oldEnd;
  const i = firstBlockEndingAtOrAfter(blocks, change.start);
  const twoLinesBack = lineStartOf(text, lineStartOf(text, lineStartOf(text, change.start) - 1) - 1);
  const safe = Math.min(twoLinesBack, i > 0 ? blocks[(i - 1) * 3]! : 0);
  const safeEnd = lineEndOf(text, lineEndOf(text, change.newEnd) + 1);
  return { fromA: safe, toA: safeEnd - delta, fromB: safe, toB: safeEnd };
}

/** Whether text[from, to) holds a line break. */
function holdsBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Past this many edits kept as pending fragments, the tree is brought up to date at once. */
const MAX_PENDING_FRAGMENTS = 64;

/**
 * The re-scan of an edit inside one plain paragraph that leaves it one, or undefined for any other edit. Plain as
 * pieces.ts reads it: every line of the piece (the lines between blank ones) at the margin, starting with a
 * character no block starts with. The old scan had the piece's lines as one top-level paragraph, and the text
 * before it is the same, so nothing is open before it; a plain piece there is one paragraph whatever it holds,
 * and the blank line (or the text's end) after it closes it: every block before and after reads as before. Its
 * inline content is masked from lezer's inline parser (as pieces.ts does, held equal to the whole-document
 * scan by test/unit/markdownPieces.test.ts); no line break is written or removed, so the lines are the old ones.
 */
function rescanParagraph(old: MarkdownScan, oldText: string, text: string, change: TextChange): Rescan<MarkdownScan> | undefined {
  if (old.guarded || holdsBreak(text, change.start, change.newEnd) || holdsBreak(oldText, change.start, change.oldEnd)) return undefined;
  let start = lineStartOf(text, change.start);
  let end = lineEndOf(text, start);
  if (blank(text, start, end)) return undefined;
  while (start > 0) {
    const before = lineStartOf(text, start - 1);
    if (blank(text, before, start - 1)) break;
    start = before;
  }
  while (end < text.length) {
    const next = lineEndOf(text, end + 1);
    if (blank(text, end + 1, next)) break;
    end = next;
  }
  if (start === 0 || start <= old.fmEnd || frontMatterEnd(text) !== old.fmEnd) return undefined;
  for (let i = start, first = true; i < end; i = lineEndOf(text, i) + 1, first = false) if (!plainLineAt(text, i, first)) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const oldEnd = end - delta;
  const j = firstBlockEndingAtOrAfter(old.blocks, start);
  const ob = old.blocks;
  if (j * 3 >= ob.length || ob[j * 3] !== start || ob[j * 3 + 1] !== oldEnd || ob[j * 3 + 2] !== PARAGRAPH) return undefined;
  // A paragraph starts one block and holds no heading: any other mark inside it means the scan is not what it seems.
  // Copied and moved in indexed loops: thousands of block starts at each keystroke, which iterating and pushing
  // allocated for (about 130 KB a keystroke on a 300 KB draft).
  const oldStarts = old.blockStarts;
  const blockStarts = oldStarts.slice();
  for (let i = 0; i < oldStarts.length; i++) {
    const x = oldStarts[i]!;
    if (x <= start) continue;
    if (x < oldEnd) return undefined;
    blockStarts[i] = x + delta;
  }
  const oldHeadings = old.headings;
  const headings = oldHeadings.slice();
  for (let i = 0; i < oldHeadings.length; i++) {
    const h = oldHeadings[i]!;
    if (h.start < start) continue;
    if (h.start < oldEnd) return undefined;
    headings[i] = { start: h.start + delta, end: h.end + delta };
  }
  const mask = new Uint8Array(text.length);
  mask.set(old.mask.subarray(0, start));
  mask.set(old.mask.subarray(oldEnd), end);
  maskPlainParagraph(text, start, end, mask);
  const blocks = ob.slice();
  blocks[j * 3 + 1] = end;
  for (let r = (j + 1) * 3; r < blocks.length; r += 3) {
    blocks[r]! += delta;
    blocks[r + 1]! += delta;
  }
  let tree = old.tree;
  let pending: readonly TreeFragment[] | undefined = TreeFragment.applyChanges(old.pending ?? TreeFragment.addTree(old.tree), [reparsed(old.blocks, text, change)]);
  if (pending.length > MAX_PENDING_FRAGMENTS) {
    tree = parser.parse(text, pending);
    pending = undefined;
  }
  return { scan: { mask, fmEnd: old.fmEnd, tree, ...(pending ? { pending } : {}), blocks, guarded: false, blockStarts, headings }, from: start, to: end, oldTo: oldEnd };
}

/**
 * Re-parses after `change` with lezer's incremental parser (the old tree's untouched parts are reused), then
 * masks again only the top-level blocks that differ from the old ones or overlap the edit; the marks of the
 * others are kept (shifted past the edit). Returns the new scan and the range of the new text [from, to) that
 * was masked again (it was [from, oldTo) in the old text); outside it, the old mask holds. An edit that touches
 * the front matter or a link reference definition masks the whole document again. An edit inside a plain
 * paragraph masks that paragraph alone (`rescanParagraph`).
 */
export function rescanMarkdown(old: MarkdownScan, oldText: string, text: string, change: TextChange): Rescan<MarkdownScan> {
  const quick = rescanParagraph(old, oldText, text, change);
  if (quick) return quick;
  // The tree of the old text, where edits since it was made were masked without it (never of a guarded copy).
  if (old.pending) old = { ...old, tree: parser.parse(oldText, old.pending), pending: undefined };
  const delta = change.newEnd - change.oldEnd;
  const oldLength = old.mask.length;
  const range = reparsed(old.blocks, text, change);
  const safe = range.fromB;
  const safeEnd = range.toB;
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(old.tree), [range]);
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
  const fresh: FormatStructure = { blockStarts: [], headings: [] };
  const cursor = tree.cursor();
  if (b > k && cursor.childAfter(blocks[k * 3]! - 1)) {
    for (let i = k; i < b; i++) {
      maskNode(cursor, text, mask, fmEnd, fresh);
      if (!cursor.nextSibling()) break;
    }
  }
  sortStructure(fresh);
  // An empty heading at the very end starts at the text's length: with no block kept after the edit, keep nothing.
  const keepAfter = b < nNew;
  const blockStarts = spliceStarts(old.blockStarts, from, oldTo, delta, fresh.blockStarts, keepAfter);
  const headings = spliceSpans(old.headings, from, oldTo, delta, fresh.headings, keepAfter);
  return { scan: { mask, fmEnd, tree, blocks, guarded, blockStarts, headings }, from, to, oldTo };
}

// The kept structure before `from`, the re-scanned one, and (when asked) the kept one from `oldTo` on, moved by
// `delta`. Module functions with plain loops: callbacks made at each call are optimized anew whenever a collection
// has dropped the last one's code.
function spliceStarts(xs: readonly number[], from: number, oldTo: number, delta: number, mid: readonly number[], keepAfter: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (xs[i]! < from) out.push(xs[i]!);
  for (let i = 0; i < mid.length; i++) out.push(mid[i]!);
  if (keepAfter) for (let i = 0; i < xs.length; i++) if (xs[i]! >= oldTo) out.push(xs[i]! + delta);
  return out;
}

function spliceSpans(xs: readonly Span[], from: number, oldTo: number, delta: number, mid: readonly Span[], keepAfter: boolean): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < xs.length; i++) if (xs[i]!.start < from) out.push(xs[i]!);
  for (let i = 0; i < mid.length; i++) out.push(mid[i]!);
  if (keepAfter) for (let i = 0; i < xs.length; i++) if (xs[i]!.start >= oldTo) out.push({ start: xs[i]!.start + delta, end: xs[i]!.end + delta });
  return out;
}
