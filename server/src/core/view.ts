/**
 * What of a document is prose. A view masks everything that must not be checked (code, URLs, HTML,
 * front-matter keys, disabled regions) with NUL, and markup that sits between words of a sentence
 * (emphasis marks, link brackets, quote marks) with spaces, so the matcher sees one same-length string of
 * prose and offsets never move. It also records where blocks start (sentence starts) and which blocks are
 * headings (title case and ALL CAPS are allowed there).
 */
import { markdownRegions } from './markdown';
import { directiveRegions } from './directives';
import type { DocumentLanguage } from './types';

export const enum HeadingStyle {
  None = 0,
  Title = 1,
  Caps = 2,
}

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

export interface StructureInfo {
  regions: Region[];
  blockStarts: number[];
  headings: { start: number; end: number }[];
}

export function buildView(text: string, language: DocumentLanguage): DocumentView {
  const structure = language === 'markdown' ? markdownRegions(text) : plainTextStructure(text);
  const regions = structure.regions.concat(directiveRegions(text, language));
  const masked = applyRegions(text, regions);
  const headings = structure.headings.map((h) => ({ ...h, style: headingStyle(text.slice(h.start, h.end)) }));
  return { text, masked, blockStarts: structure.blockStarts, headings };
}

// ignoreBOM keeps a leading U+FEFF in the output: by default the decoder eats it and every offset shifts by one.
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

/** Plain text: paragraphs are separated by blank lines; everything is prose. */
function plainTextStructure(text: string): StructureInfo {
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
  return { regions: [], blockStarts, headings: [] };
}

const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on',
  'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than', 'upon',
]);

/** Title Case when every word of three letters or more (minor words aside) starts upper case. */
export function headingStyle(heading: string): HeadingStyle {
  const words = heading.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length === 0) return HeadingStyle.None;
  if (!/\p{Ll}/u.test(heading)) return HeadingStyle.Caps;
  let significant = 0;
  for (const w of words) {
    for (const part of w.split('-')) {
      if (part.length < 3 || MINOR_WORDS.has(part.toLowerCase())) continue;
      significant++;
      if (!/^\p{Lu}/u.test(part)) return HeadingStyle.None;
    }
  }
  return significant >= 2 ? HeadingStyle.Title : HeadingStyle.None;
}
