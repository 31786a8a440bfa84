/**
 * A document's blocks as the alignment reads them: the format's outline (headings, paragraphs, list items,
 * table rows: `DocumentFormat.outline`), each with its length in prose characters, the number it starts with,
 * its anchors and the concepts used in it. Everything is read from the view, so what a format hides (code, URLs,
 * markup, disabled regions) is neither counted nor anchored.
 */
import type { Block } from '../formats';
import { type FormatId, formatById } from '../formats';
import { CharClass, charClassTable } from '../text';
import type { Occurrence } from '../types';
import type { DocumentView } from '../view';
import { anchorsOf, leadingNumber } from './anchors';

export interface PairBlock extends Block {
  /** Letters, digits and CJK characters of its prose: what lengths are compared by. */
  size: number;
  /** The number it starts with (a list item's, a numbered heading's), or -1. */
  number: number;
  /** Numbers and (in prose of a non-Latin script) Latin words, as anchor keys; repeats kept. */
  anchors: string[];
  /**
   * The concepts used in it (any form, right or wrong, in either language: the key `conceptKey` gives a use's
   * termId, the same for 澳门 and Macao), in order of use; repeats kept.
   */
  concepts: string[];
  /** Its uses of terms (indexes into the document's occurrences), in order. */
  uses: number[];
}

/** Sentence-final punctuation of Chinese prose (and its closing quotes and brackets): a line ending in one ends a paragraph. */
const SENTENCE_END = /[。！？；…」』”’）!?;]\s*$/u;

/**
 * Chinese prose is not wrapped by hand, so a paragraph block whose lines each end a sentence is a paragraph per
 * line, written without the blank lines Markdown and plain text want between them: the translation's paragraphs
 * are then aligned with those lines, not with one block holding them all. A line ending mid-sentence stays joined
 * to the next one.
 */
function splitAtSentenceLines(text: string, b: Block): Block[] {
  if (b.kind !== 'paragraph') return [b];
  const out: Block[] = [];
  let start = b.start;
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl < b.end; nl = text.indexOf('\n', nl + 1)) {
    const lineEnd = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    if (!SENTENCE_END.test(text.slice(start, lineEnd))) continue;
    let next = nl + 1;
    while (next < b.end && (text[next] === ' ' || text[next] === '\t' || text[next] === '\u3000')) next++;
    if (next >= b.end) break;
    out.push({ ...b, start, end: lineEnd });
    start = next;
  }
  out.push({ ...b, start });
  return out;
}

/** The prose size of `masked[start, end)`: word characters and CJK characters. */
function proseSize(masked: string, start: number, end: number): number {
  const cls = charClassTable();
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = cls[masked.charCodeAt(i)]!;
    if (c === CharClass.Word || c === CharClass.Cjk) n++;
  }
  return n;
}

/**
 * The blocks of a document read as `format`, with what the alignment compares. `conceptKey` names the concept of
 * a use by its termId: a Chinese lint names its uses by the Chinese forms, an English one by the English, and
 * only the concept behind both makes them an anchor.
 */
export function pairBlocks(
  view: DocumentView,
  format: FormatId,
  occurrences: readonly Occurrence[],
  latinAnchors: boolean,
  conceptKey: (termId: string) => string = (id) => id,
  lineParagraphs = false,
): PairBlock[] {
  const { text, masked } = view;
  const out: PairBlock[] = [];
  let o = 0;
  const outline = formatById(format).outline(text);
  for (const b of lineParagraphs ? outline.flatMap((x) => splitAtSentenceLines(text, x)) : outline) {
    const size = proseSize(masked, b.start, b.end);
    // A block with no prose (a rule, a table's delimiter row, an image) has nothing to translate.
    if (size === 0) continue;
    const lineStart = text.lastIndexOf('\n', b.start - 1) + 1;
    const prose = masked.slice(b.start, b.end);
    const concepts: string[] = [];
    const uses: number[] = [];
    while (o < occurrences.length && occurrences[o]!.start < b.start) o++;
    for (let k = o; k < occurrences.length && occurrences[k]!.start < b.end; k++) {
      concepts.push(conceptKey(occurrences[k]!.termId));
      uses.push(k);
    }
    out.push({
      ...b,
      size,
      number: leadingNumber(text.slice(lineStart, b.start), text.slice(b.start, Math.min(b.end, b.start + 40))),
      anchors: anchorsOf(prose, latinAnchors),
      concepts,
      uses,
    });
  }
  return out;
}
