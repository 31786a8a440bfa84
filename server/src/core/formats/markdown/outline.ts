/**
 * A Markdown document's typed blocks, from lezer's tree: headings (with their level), paragraphs, the paragraphs
 * of list items, and table rows. Code, HTML blocks, reference definitions and the front matter are not blocks
 * of prose and are left out.
 */
import type { SyntaxNodeRef } from '@lezer/common';
import type { Block } from '../format';
import { frontMatterEnd } from './frontMatter';
import { guardNesting } from './limits';
import { parser } from './parser';

const HEADING_LEVEL: Record<string, number> = {
  ATXHeading1: 1, ATXHeading2: 2, ATXHeading3: 3, ATXHeading4: 4, ATXHeading5: 5, ATXHeading6: 6, SetextHeading1: 1, SetextHeading2: 2,
};

export function markdownOutline(text: string): Block[] {
  const blocks: Block[] = [];
  const fmEnd = frontMatterEnd(text);
  parser.parse(guardNesting(text)).iterate({
    enter(node: SyntaxNodeRef) {
      if (node.to <= fmEnd) return false;
      const name = node.name;
      const level = HEADING_LEVEL[name];
      if (level !== undefined) blocks.push({ start: node.from, end: node.to, kind: 'heading', level });
      else if (name === 'Paragraph' || name === 'Task') {
        const kind = node.node.parent?.name === 'ListItem' ? 'list-item' : 'paragraph';
        blocks.push({ start: node.from, end: node.to, kind, level: 0 });
      } else if (name === 'TableHeader' || name === 'TableRow') blocks.push({ start: node.from, end: node.to, kind: 'table-row', level: 0 });
      else return true;
      return false;
    },
  });
  return blocks;
}
