/** YAML front matter of a Markdown document: its keys and fences are hidden, its values are prose. */
import { Mask, fillMask } from '../../mask';
import type { FormatStructure } from '../format';

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

/** Front matter: keys and the fences are hidden; values are prose, each its own block. */
export function frontMatterStructure(text: string, end: number, mask: Uint8Array, out: FormatStructure): void {
  let lineStart = 0;
  let first = true;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd);
    const colon = line.indexOf(':');
    const trimmed = line.trim();
    if (first || trimmed === '---' || trimmed === '...' || trimmed.startsWith('#')) {
      fillMask(mask, lineStart, lineEnd + 1, Mask.Hide);
    } else if (colon >= 0 && !/^\s*-/.test(line)) {
      fillMask(mask, lineStart, lineStart + colon + 1, Mask.Hide);
      const valueStart = lineStart + colon + 1 + (line.slice(colon + 1).length - line.slice(colon + 1).trimStart().length);
      if (valueStart < lineEnd) out.blockStarts.push(valueStart);
      fillMask(mask, lineEnd, lineEnd + 1, Mask.Hide);
    } else {
      fillMask(mask, lineEnd, lineEnd + 1, Mask.Hide);
    }
    first = false;
    lineStart = lineEnd + 1;
  }
}
