/**
 * What of a document is prose. A view masks everything that must not be checked (code, URLs, HTML,
 * front-matter keys, disabled regions) with NUL, and markup that sits between words of a sentence
 * (emphasis marks, link brackets, quote marks) with spaces, so the matcher sees one same-length string of
 * prose and offsets never move. It also records where blocks start (sentence starts) and which blocks are
 * headings (title case and ALL CAPS are allowed there).
 */
import { Mask, scanMarkdown } from './markdown';
import { directiveRegions } from './directives';
import type { DocumentLanguage } from './types';
import { HeadingStyle } from './languages/language';
import { headingStyle } from './languages/english';

export { HeadingStyle, headingStyle };

export interface Heading {
  start: number;
  end: number;
  style: HeadingStyle;
}

export interface DocumentView {
  text: string;
  /** Same length as `text`; NUL where nothing may match, a space over transparent markup. */
  masked: string;
  /** Sorted offsets where a block's text begins (a sentence starts there). */
  blockStarts: number[];
  /** Sorted, non-overlapping headings. */
  headings: Heading[];
}

/** A range of the document and what to do with it. */
export interface Region {
  start: number;
  end: number;
  /** 'hide': never checked; 'blank': markup read as a space between words; 'break': ends a block. */
  mode: 'hide' | 'blank' | 'break';
}

export function buildView(text: string, language: DocumentLanguage): DocumentView {
  const mask = new Uint8Array(text.length);
  const structure = language === 'markdown' ? scanMarkdown(text, mask) : plainTextStructure(text);
  for (const r of directiveRegions(text, language)) applyRegion(mask, r);
  const masked = applyMask(text, mask);
  const headings = structure.headings.map((h) => ({ ...h, style: headingStyle(text.slice(h.start, h.end)) }));
  return { text, masked, blockStarts: structure.blockStarts, headings };
}

export function applyRegion(mask: Uint8Array, r: Region): void {
  const start = Math.max(0, r.start);
  const end = Math.min(mask.length, r.end);
  if (r.mode === 'blank') {
    for (let i = start; i < end; i++) if (mask[i] === Mask.Keep) mask[i] = Mask.Blank;
  } else if (end > start) mask.fill(Mask.Hide, start, end);
}

// ignoreBOM keeps a leading U+FEFF in the output: by default the decoder eats it and every offset shifts by one
// (test/unit/regressions.test.ts).
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The text with hidden characters as NUL and blank markup as spaces (line breaks and NULs stay). */
export function applyMask(text: string, mask: Uint8Array, from = 0, to = text.length): string {
  const n = to - from;
  const buf = new Uint16Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(from + i);
    const m = mask[from + i];
    if (m === Mask.Keep) buf[i] = c;
    else if (m === Mask.Hide) {
      buf[i] = 0;
      changed = true;
    } else if (c !== 10 && c !== 13 && c !== 0) {
      buf[i] = 32;
      changed = true;
    } else buf[i] = c;
  }
  if (!changed) return from === 0 && to === text.length ? text : text.slice(from, to);
  return utf16.decode(buf);
}

/** Plain text: paragraphs are separated by blank lines; everything is prose. */
export function plainTextStructure(text: string): { blockStarts: number[]; headings: { start: number; end: number }[] } {
  const blockStarts: number[] = [];
  let atBlockStart = true;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (!lineHasText) atBlockStart = true;
      lineHasText = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xfeff) continue;
    if (atBlockStart) blockStarts.push(i);
    atBlockStart = false;
    lineHasText = true;
  }
  return { blockStarts, headings: [] };
}
