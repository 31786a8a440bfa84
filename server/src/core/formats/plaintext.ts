/**
 * Plain text: every character is prose. Paragraphs are separated by blank lines, and no term use crosses a
 * blank line, so an edit re-matches only from the paragraph it starts in to the first paragraph after it that
 * is unchanged. It is also the format of every editor language Termlint has no format for (YAML, LaTeX, …,
 * when named in `termlint.languages`): "Disable Termlint for this line" then writes that language's comment.
 */
import type { Block, DocumentFormat, FormatScan, FormatStructure, LineDirective, Rescan, TextChange } from './format';
import { directiveRegions } from './directives';
import { lastAtMost } from '../search';

/** Paragraphs are separated by blank lines; everything is prose. */
export function plainTextStructure(text: string): FormatStructure {
  const blockStarts: number[] = [];
  scanStarts(text, 0, blockStarts, undefined);
  return { blockStarts, headings: [] };
}

/**
 * The paragraph starts of `text` from `at` on (0, or a paragraph start: where the reading is as at the text's
 * start), onto `out`. With `resync`, stops at the first start it accepts, returned (from there on the starts are
 * known); else -1.
 */
function scanStarts(text: string, at: number, out: number[], resync: ((start: number) => boolean) | undefined): number {
  let atBlockStart = true;
  let lineHasText = false;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // CRLF ends one line, at its LF (read as two line ends, it made every line of a CRLF file a paragraph).
      if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (!lineHasText) atBlockStart = true;
      lineHasText = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xfeff) continue;
    if (atBlockStart) {
      if (resync?.(i)) return i;
      out.push(i);
    }
    atBlockStart = false;
    lineHasText = true;
  }
  return -1;
}

function scan(text: string): FormatScan {
  return { mask: undefined, blockStarts: plainTextStructure(text).blockStarts, headings: [] };
}

/** From the paragraph the edit starts in to the first paragraph start after it that was there before (shifted). */
function rescan(old: FormatScan, oldText: string, text: string, change: TextChange): Rescan<FormatScan> {
  const delta = change.newEnd - change.oldEnd;
  const oldStarts = old.blockStarts;
  // The paragraph starts: the old ones before the last paragraph that starts before the edit, that paragraph's
  // text read again up to the first start after the edit that was there before, and the old ones from there on
  // (a start depends only on the line before it; the text from there on is the old text moved).
  const before = lastAtMost(oldStarts, change.start - 1);
  const blockStarts = oldStarts.slice(0, Math.max(before, 0));
  const known = (start: number) => start >= change.newEnd && oldStarts[lastAtMost(oldStarts, start - delta)] === start - delta;
  const resumed = scanStarts(text, before >= 0 ? oldStarts[before]! : 0, blockStarts, known);
  if (resumed >= 0) for (let k = lastAtMost(oldStarts, resumed - delta); k < oldStarts.length; k++) blockStarts.push(oldStarts[k]! + delta);
  // Paragraph starts are preceded by a blank line, which no term use crosses.
  const i = lastAtMost(blockStarts, change.start);
  const from = i >= 0 ? blockStarts[i]! : 0;
  // Up to the first start after the edit that was there before, where the scan resumed the old starts (none: the end).
  const to = resumed >= 0 ? resumed : text.length;
  const oldTo = resumed >= 0 ? resumed - delta : oldText.length;
  return { scan: { mask: undefined, blockStarts, headings: [] }, from, to, oldTo };
}

/** Line-comment markers of editor languages people add to `termlint.languages`, which are read as plain text. */
const LINE_COMMENT: Readonly<Record<string, string>> = {
  latex: '%',
  tex: '%',
  asciidoc: '//',
  yaml: '#',
  python: '#',
  shellscript: '#',
};

function disableLine(languageId: string): LineDirective {
  const comment = LINE_COMMENT[languageId];
  return { where: 'end', text: `${comment ? comment + ' ' : ''}termlint-disable-line` };
}

/** Paragraphs: from a block start to the end of the last line before the next blank line. */
function outline(text: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (/[^\s\ufeff]/.test(line)) {
      if (start < 0) start = lineStart + line.search(/[^\s\ufeff]/);
      end = lineStart + line.replace(/[\s\ufeff]+$/, '').length;
    } else if (start >= 0) {
      blocks.push({ start, end, kind: 'paragraph', level: 0 });
      start = -1;
    }
    lineStart = lineEnd + 1;
  }
  if (start >= 0) blocks.push({ start, end, kind: 'paragraph', level: 0 });
  return blocks;
}

export const plaintext = {
  id: 'plaintext',
  name: 'Plain text',
  extensions: ['txt', 'text'],
  languageIds: ['plaintext'],
  scan: (text: string): FormatStructure => plainTextStructure(text),
  headingStyleFrom: 'text',
  directives: directiveRegions,
  disableLine,
  incremental: { scan, rescan },
  outline,
} as const satisfies DocumentFormat;
