/**
 * Finds the prose of an HTML document with parse5's tokenizer (the WHATWG tokenizer, exact source offsets;
 * the scan switches it into raw-text modes at `<script>`, `<style>`, `<title>`, … as the tree builder would).
 * Tags, comments and the doctype are hidden; inline elements' tags read as spaces; the text of block elements
 * is checked, each block starting a sentence; `alt` and `title` values are checked as blocks of their own;
 * the content of code, scripts, styles, form fields and SVG/MathML is hidden.
 *
 * Text is what lies between markup tokens, whose offsets are exact (character tokens' are not: a token's end
 * is where the tokenizer stood when it emitted it, past a character reference or a tag cut off by the end of
 * the file). Character references are masked from the source (references.ts); a tag cut off by the end of the
 * file, which the tokenizer drops, stays hidden.
 */
import type { Token, TokenHandler, Tokenizer } from 'parse5';
import { Mask } from '../../mask';
import type { FormatStructure, Span } from '../format';
import { El, elementFlags, isCheckedAttribute } from './elements';
import { maskReferences } from './references';

type Parse5 = typeof import('parse5');
let loaded: Parse5 | undefined;

/** parse5, loaded when the first HTML document is read: linting Markdown and plain text never pays for it. */
export function parse5(): Parse5 {
  return (loaded ??= require('parse5') as Parse5);
}

/** The tokenizer state an element's content is read in, outside foreign content (0: ordinary markup). */
function contentMode(p: Parse5, tagName: string): Tokenizer['state'] | 0 {
  switch (tagName) {
    case 'title':
    case 'textarea':
      return p.TokenizerMode.RCDATA;
    case 'script':
      return p.TokenizerMode.SCRIPT_DATA;
    case 'plaintext':
      return p.TokenizerMode.PLAINTEXT;
    case 'style':
    case 'iframe':
    case 'xmp':
    case 'noembed':
    case 'noframes':
    case 'noscript':
      return p.TokenizerMode.RAWTEXT;
    default:
      return 0;
  }
}

const TAG_START = /<\/?[A-Za-z]/g;

/** White space to the tokenizer (and a BOM): a run of it alone holds no prose. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff;
}

class Scanner implements TokenHandler {
  readonly blockStarts: number[] = [];
  readonly headings: Span[] = [];
  tokenizer!: Tokenizer;
  /** Where the last markup token ended: text runs from here to the next one. */
  private pos = 0;
  /** Open elements whose content is hidden, innermost last. */
  private readonly hidden: string[] = [];
  /** How many of them are `svg` or `math` (foreign content: no raw-text modes, CDATA sections). */
  private foreign = 0;
  /** The next prose character starts a block. */
  private pendingBlock = true;
  private headingStart = -1;

  constructor(
    private readonly p: Parse5,
    private readonly text: string,
    private readonly mask: Uint8Array,
  ) {}

  // Text is read between markup tokens (see the module comment).
  onCharacter(): void {}
  onWhitespaceCharacter(): void {}
  onNullCharacter(): void {}

  onComment(token: Token.CommentToken): void {
    this.flush(token.location!);
  }

  onDoctype(token: Token.DoctypeToken): void {
    this.flush(token.location!);
  }

  onEof(): void {
    const text = this.text;
    // A tag still open at the end was dropped by the tokenizer: it starts at the first `<x` or `</x` left.
    TAG_START.lastIndex = this.pos;
    const cut = TAG_START.exec(text);
    const end = cut ? cut.index : text.length;
    this.flush({ startOffset: end, endOffset: text.length });
    this.closeHeading(text.length);
  }

  onStartTag(token: Token.TagToken): void {
    const loc = token.location!;
    this.flush(loc);
    const name = token.tagName;
    const flags = elementFlags(name);
    if (this.foreign === 0) {
      const mode = contentMode(this.p, name);
      if (mode !== 0) this.tokenizer.state = mode;
    }
    const opens = (flags & El.HideContent) !== 0 && !(token.selfClosing && (name === 'svg' || name === 'math'));
    if (this.hidden.length > 0) {
      if (opens) this.open(name);
      return;
    }
    let checked = false;
    for (const attr of token.attrs) {
      const at = isCheckedAttribute(attr.name) ? loc.attrs?.[attr.name] : undefined;
      if (at && this.attribute(at.startOffset, at.endOffset)) checked = true;
    }
    // An inline tag carrying a checked value stays hidden: the value must not run into the sentence around it.
    if (flags & El.Inline && !checked) this.mask.fill(Mask.Blank, loc.startOffset, loc.endOffset);
    if (flags & El.Heading) {
      this.closeHeading(loc.startOffset);
      this.headingStart = loc.endOffset;
    }
    if (flags & El.Block) this.pendingBlock = true;
    if (opens) this.open(name);
  }

  onEndTag(token: Token.TagToken): void {
    const loc = token.location!;
    this.flush(loc);
    const name = token.tagName;
    const flags = elementFlags(name);
    if (this.hidden.length > 0) {
      const k = this.hidden.lastIndexOf(name);
      if (k < 0) return;
      for (const closed of this.hidden.splice(k)) if (closed === 'svg' || closed === 'math') this.foreign--;
      this.tokenizer.inForeignNode = this.foreign > 0;
      if (this.hidden.length === 0 && flags & El.Block) this.pendingBlock = true;
      return;
    }
    if (flags & El.Inline) this.mask.fill(Mask.Blank, loc.startOffset, loc.endOffset);
    if (flags & El.Heading) this.closeHeading(loc.startOffset);
    if (flags & El.Block) this.pendingBlock = true;
  }

  private open(name: string): void {
    this.hidden.push(name);
    if (name === 'svg' || name === 'math') {
      this.foreign++;
      this.tokenizer.inForeignNode = true;
    }
  }

  /** The text from the last markup token to `next` (the markup token now read) is prose, unless it is hidden content. */
  private flush(next: { startOffset: number; endOffset: number }): void {
    const from = this.pos;
    const to = Math.min(next.startOffset, this.text.length);
    this.pos = Math.max(from, Math.min(next.endOffset, this.text.length));
    if (to <= from || this.hidden.length > 0) return;
    const first = this.prose(from, to);
    if (first >= 0 && this.pendingBlock) {
      this.blockStarts.push(first);
      this.pendingBlock = false;
    }
  }

  /** Marks text[from, to) as prose; returns where its first word or mark is (-1: only space). */
  private prose(from: number, to: number): number {
    const { mask, text } = this;
    mask.fill(Mask.Keep, from, to);
    maskReferences(text, mask, from, to);
    for (let i = from; i < to; i++) if (mask[i] === Mask.Keep && !isSpace(text.charCodeAt(i))) return i;
    return -1;
  }

  /** A checked attribute (`name="value"` at [start, end)): its value is prose, a block of its own. */
  private attribute(start: number, end: number): boolean {
    const text = this.text;
    let i = start + 1;
    while (i < end && text.charCodeAt(i) !== 61) i++;
    if (i >= end) return false;
    i++;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    let valueEnd = end;
    if (quote === 34 || quote === 39) {
      i++;
      if (end > i && text.charCodeAt(end - 1) === quote) valueEnd = end - 1;
    }
    if (valueEnd <= i) return false;
    const first = this.prose(i, valueEnd);
    if (first < 0) return false;
    this.blockStarts.push(first);
    return true;
  }

  private closeHeading(at: number): void {
    if (this.headingStart < 0) return;
    if (at > this.headingStart) this.headings.push({ start: this.headingStart, end: at });
    this.headingStart = -1;
  }
}

/** Writes the mask of an HTML document (into a mask that reads all Keep) and returns its structure. */
export function scanHtml(text: string, mask: Uint8Array): FormatStructure {
  mask.fill(Mask.Hide);
  const p = parse5();
  const scanner = new Scanner(p, text, mask);
  scanner.tokenizer = new p.Tokenizer({ sourceCodeLocationInfo: true }, scanner);
  scanner.tokenizer.write(text, true);
  return { blockStarts: scanner.blockStarts, headings: scanner.headings };
}
