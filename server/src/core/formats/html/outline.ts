/**
 * An HTML document's typed blocks, from parse5's tree (its tree builder closes what the markup leaves open):
 * h1–h6 are headings, li/dt/dd list items, tr table rows, p and every other container holding text of its own
 * paragraphs. Hidden content (scripts, code, …) is left out.
 */
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import type { Block, BlockKind } from '../format';
import { El, elementFlags } from './elements';
import { parse5 } from './scan';

const KIND: Record<string, BlockKind> = { li: 'list-item', dt: 'list-item', dd: 'list-item', tr: 'table-row', p: 'paragraph' };

function hasOwnText(el: T.Element): boolean {
  return el.childNodes.some((c) => c.nodeName === '#text' && /\S/.test((c as T.TextNode).value));
}

export function htmlOutline(text: string): Block[] {
  const blocks: Block[] = [];
  const walk = (parent: T.ParentNode): void => {
    for (const node of parent.childNodes) {
      if (!('tagName' in node)) continue;
      const el = node as T.Element;
      const loc = el.sourceCodeLocation;
      const flags = elementFlags(el.tagName);
      if (flags & El.HideContent || el.tagName === 'template' || el.tagName === 'head') continue;
      const level = /^h[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 0;
      const kind: BlockKind | undefined = level > 0 ? 'heading' : (KIND[el.tagName] ?? (flags & El.Inline || !hasOwnText(el) ? undefined : 'paragraph'));
      if (kind && loc) blocks.push({ start: loc.startOffset, end: loc.endOffset, kind, level });
      else walk(el);
    }
  };
  walk(parse5().parse(text, { sourceCodeLocationInfo: true }));
  return blocks;
}
