/**
 * The reference the fast Markdown scanner is held to: the view built from @lezer/markdown's syntax tree, as
 * the engine did before it scanned Markdown itself. Tests only (lezer is a dev dependency of the checks).
 */
import { GFM, parser as baseParser } from '@lezer/markdown';
import { directiveRegions } from '../../server/src/core/directives';
import type { DocumentLanguage } from '../../server/src/core/types';
import { type Region, headingStyle } from '../../server/src/core/view';

interface StructureInfo {
  regions: Region[];
  blockStarts: number[];
  headings: { start: number; end: number }[];
}


const parser = baseParser.configure(GFM);

const HIDE = new Set([
  'FencedCode', 'CodeBlock', 'InlineCode', 'URL', 'Autolink', 'HTMLBlock', 'HTMLTag', 'Comment', 'CommentBlock',
  'ProcessingInstruction', 'ProcessingInstructionBlock', 'LinkLabel', 'HorizontalRule', 'HeaderMark', 'Escape',
  'Entity', 'TableDelimiter', 'TaskMarker', 'LinkTitle',
]);
const BLANK = new Set(['EmphasisMark', 'StrikethroughMark', 'LinkMark', 'QuoteMark', 'CodeMark']);
const LEAF_BLOCKS = new Set([
  'Paragraph', 'ATXHeading1', 'ATXHeading2', 'ATXHeading3', 'ATXHeading4', 'ATXHeading5', 'ATXHeading6',
  'SetextHeading1', 'SetextHeading2', 'TableCell',
]);
const HEADINGS = new Set([
  'ATXHeading1', 'ATXHeading2', 'ATXHeading3', 'ATXHeading4', 'ATXHeading5', 'ATXHeading6',
  'SetextHeading1', 'SetextHeading2',
]);

/** YAML front matter at the very start: `---` … `---` (or `...`). Returns its end offset, or 0. */
function frontMatterEnd(text: string): number {
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

/** Front matter: keys and the fences are hidden; values are prose, each its own block. */
function frontMatterStructure(text: string, end: number, out: StructureInfo): void {
  let lineStart = 0;
  let first = true;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd);
    const colon = line.indexOf(':');
    const trimmed = line.trim();
    if (first || trimmed === '---' || trimmed === '...' || trimmed.startsWith('#')) {
      out.regions.push({ start: lineStart, end: lineEnd + 1, mode: 'hide' });
    } else if (colon >= 0 && !/^\s*-/.test(line)) {
      out.regions.push({ start: lineStart, end: lineStart + colon + 1, mode: 'hide' });
      const valueStart = lineStart + colon + 1 + (line.slice(colon + 1).length - line.slice(colon + 1).trimStart().length);
      if (valueStart < lineEnd) out.blockStarts.push(valueStart);
      out.regions.push({ start: lineEnd, end: lineEnd + 1, mode: 'break' });
    } else {
      out.regions.push({ start: lineEnd, end: lineEnd + 1, mode: 'break' });
    }
    first = false;
    lineStart = lineEnd + 1;
  }
}

function markdownRegions(text: string): StructureInfo {
  const out: StructureInfo = { regions: [], blockStarts: [], headings: [] };
  const fmEnd = frontMatterEnd(text);
  if (fmEnd > 0) frontMatterStructure(text, fmEnd, out);
  const tree = parser.parse(text);
  tree.iterate({
    enter(node) {
      const name = node.name;
      if (node.to <= fmEnd) return name === 'Document';
      if (HIDE.has(name)) {
        out.regions.push({ start: node.from, end: node.to, mode: 'hide' });
        return false;
      }
      if (BLANK.has(name)) {
        out.regions.push({ start: node.from, end: node.to, mode: 'blank' });
        return false;
      }
      if (LEAF_BLOCKS.has(name)) {
        let start = node.from;
        if (name.startsWith('ATX')) {
          // Content begins after the `#` marks and their space.
          while (start < node.to && text[start] === '#') start++;
          while (start < node.to && (text[start] === ' ' || text[start] === '\t')) start++;
        } else if (name === 'TableCell') {
          while (start < node.to && (text[start] === ' ' || text[start] === '\t')) start++;
        }
        out.blockStarts.push(start);
        // The character after a leaf block (its line break, a table pipe) never joins two blocks.
        if (node.to < text.length) out.regions.push({ start: node.to, end: node.to + 1, mode: 'break' });
        if (HEADINGS.has(name)) {
          let end = node.to;
          if (name.startsWith('Setext')) {
            const nl = text.lastIndexOf('\n', node.to - 1);
            if (nl > start) {
              out.regions.push({ start: nl, end: node.to, mode: 'hide' });
              end = nl;
            }
          }
          out.headings.push({ start, end });
        }
      }
      return true;
    },
  });
  out.blockStarts.sort((a, b) => a - b);
  out.headings.sort((a, b) => a.start - b.start);
  return out;
}

const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function applyRegions(text: string, regions: Region[]): string {
  if (regions.length === 0) return text;
  const buf = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) buf[i] = text.charCodeAt(i);
  // Blank markup first, then breaks and hidden ranges, so the stronger mode wins where they overlap.
  const rank = { blank: 0, break: 1, hide: 2 } as const;
  const sorted = regions.slice().sort((a, b) => rank[a.mode] - rank[b.mode]);
  for (const r of sorted) {
    const end = Math.min(text.length, r.end);
    for (let i = Math.max(0, r.start); i < end; i++) {
      const c = buf[i]!;
      if (r.mode === 'blank') {
        // Line breaks stay, so blank lines (paragraph ends) remain visible to the matcher.
        if (c !== 10 && c !== 13 && c !== 0) buf[i] = 32;
      } else buf[i] = 0;
    }
  }
  return utf16.decode(buf);
}


/** The view as lezer's tree makes it: masked text, block starts, headings (markdown only). */
export function lezerView(text: string, language: DocumentLanguage = 'markdown'): { masked: string; blockStarts: number[]; headings: { start: number; end: number }[] } {
  const structure = markdownRegions(text);
  const regions = structure.regions.concat(directiveRegions(text, language));
  const masked = applyRegions(text, regions);
  const headings = structure.headings.map((h) => ({ ...h, style: headingStyle(text.slice(h.start, h.end)) }));
  return { masked, blockStarts: structure.blockStarts, headings };
}
