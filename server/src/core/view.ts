/**
 * What of a document is prose. A view masks everything that must not be checked (code, URLs, markup,
 * front-matter keys, disabled regions) with NUL, and markup that sits between words of a sentence
 * (emphasis marks, link brackets, quote marks) with spaces, so the matcher sees one same-length string of
 * prose and offsets never move. It also records where blocks start (sentence starts) and which blocks are
 * headings (title case and ALL CAPS are allowed there). Which characters those are is the document format's
 * knowledge (formats/); the view only applies it.
 */
import { type DocumentFormat, type FormatId, formatById } from './formats';
import { applyMask, applyRegion } from './mask';
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

/** The view of `text` read as `format`: the format's mask and structure, then the directives. */
export function buildView(text: string, format: FormatId): DocumentView {
  const f: DocumentFormat = formatById(format);
  const mask = new Uint8Array(text.length);
  const structure = f.scan(text, mask);
  for (const r of f.directives(text)) applyRegion(mask, r);
  const masked = applyMask(text, mask);
  const source = f.headingStyleFrom === 'view' ? masked : text;
  const headings = structure.headings.map((h) => ({ ...h, style: headingStyle(source.slice(h.start, h.end)) }));
  return { text, masked, blockStarts: structure.blockStarts, headings };
}
