/**
 * From lezer's syntax tree to the mask: code, URLs, HTML, link labels and front-matter keys are hidden from the
 * matcher; emphasis, link brackets and quote marks read as spaces; the character after each leaf block (its
 * line break, a table pipe) ends the block. The scan keeps the tree and its top-level blocks, so an edit can
 * re-parse incrementally and mask again only the blocks it touched (rescan.ts).
 */
import type { Tree, TreeCursor, TreeFragment } from '@lezer/common';
import { Mask, fillMask } from '../../mask';
import type { FormatScan, FormatStructure } from '../format';
import { frontMatterEnd, frontMatterStructure } from './frontMatter';
import { guardNesting } from './limits';
import { parser } from './parser';

/** A Markdown scan kept alongside its document, so an edit can re-parse and re-mask only what it touched. */
export interface MarkdownScan extends FormatScan {
  /** Same length as the text: Mask values. */
  mask: Uint8Array;
  /** End of the YAML front matter, or 0. */
  fmEnd: number;
  /** lezer's tree of the text (of its guarded copy, see `guardNesting`), or of an earlier text when `pending`. */
  tree: Tree;
  /**
   * Set after edits inside plain paragraphs, which re-mask the paragraph without lezer's block parser
   * (rescan.ts): `tree` is of the text before them, and these are its fragments with those edits applied, for
   * the next re-scan that needs the tree to parse the current text with.
   */
  pending?: readonly TreeFragment[];
  /** The top-level blocks (children of the Document node): flat [from, to, type id] triples. */
  blocks: Int32Array;
  /** Whether lezer parsed a guarded copy (some line opens more than MAX_MARKDOWN_NESTING containers). */
  guarded: boolean;
}

/** What a node type does to the mask (`ACTIONS`). */
export const enum Act {
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
export const ACTIONS: Act[] = (() => {
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
export const LINK_REFERENCE = parser.nodeSet.types.find((t) => t.name === 'LinkReference')!.id;
export const PARAGRAPH = parser.nodeSet.types.find((t) => t.name === 'Paragraph')!.id;

/** Masks the node at `cursor` and everything in it; nodes ending at or before `fmEnd` (front matter) are skipped. */
export function maskNode(cursor: TreeCursor, text: string, mask: Uint8Array, fmEnd: number, out: FormatStructure): void {
  let depth = 0;
  for (;;) {
    let descend = false;
    const from = cursor.from;
    const to = cursor.to;
    if (to > fmEnd) {
      const act = ACTIONS[cursor.type.id]!;
      if (act === Act.Hide) fillMask(mask, from, to, Mask.Hide);
      else if (act === Act.Blank) fillMask(mask, from, to, Mask.Blank);
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
function leaf(act: Act, from: number, to: number, text: string, mask: Uint8Array, out: FormatStructure): void {
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
  if (to < text.length) fillMask(mask, to, to + 1, Mask.Hide);
  if (act === Act.Atx) out.headings.push({ start, end: to });
  else if (act === Act.Setext) {
    let end = to;
    const nl = text.lastIndexOf('\n', to - 1);
    if (nl > start) {
      // The underline is not prose.
      fillMask(mask, nl, to, Mask.Hide);
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

export function sortStructure(out: FormatStructure): void {
  out.blockStarts.sort((a, b) => a - b);
  out.headings.sort((a, b) => a.start - b.start);
}

/** Masks everything from the tree: front matter, then every top-level block. */
export function maskAll(text: string, tree: Tree, blocks: Int32Array, guarded: boolean): MarkdownScan {
  const mask = new Uint8Array(text.length);
  const fmEnd = frontMatterEnd(text);
  const out: FormatStructure = { blockStarts: [], headings: [] };
  if (fmEnd > 0) frontMatterStructure(text, fmEnd, mask, out);
  const cursor = tree.cursor();
  if (cursor.firstChild()) {
    do maskNode(cursor, text, mask, fmEnd, out);
    while (cursor.nextSibling());
  }
  sortStructure(out);
  return { mask, fmEnd, tree, blocks, guarded, blockStarts: out.blockStarts, headings: out.headings };
}

/** Parses and masks `text` whole. */
export function scanMarkdownDocument(text: string): MarkdownScan {
  const input = guardNesting(text);
  const tree = parser.parse(input);
  return maskAll(text, tree, topLevelBlocks(tree), input !== text);
}
