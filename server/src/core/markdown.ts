/**
 * What of a Markdown document is prose, in one pass and without building a syntax tree.
 *
 * This follows the block and inline algorithm of @lezer/markdown (CommonMark + GFM tables, task lists,
 * strikethrough and autolinks) step for step, so documents mask exactly as they did when the view was built
 * from lezer's tree (a differential test holds the two together), but it writes straight into a per-character
 * mask instead of allocating nodes: code, URLs, HTML and link labels are hidden from the matcher; emphasis,
 * link brackets and quote marks read as spaces; leaf blocks end where they end. It also reports where a new
 * top-level block starts, which is where an incremental re-scan can begin and stop.
 */

/** Per-character mask: what the view does with each code unit. */
export const enum Mask {
  Keep = 0,
  /** Markup between words of a sentence: reads as a space (line breaks stay). */
  Blank = 1,
  /** Never checked, or a block boundary: reads as NUL. */
  Hide = 2,
}

export interface MarkdownStructure {
  /** Sorted offsets where a block's text begins. */
  blockStarts: number[];
  /** Sorted headings (text after the `#` marks up to the end of the line, or the setext text). */
  headings: { start: number; end: number }[];
  /**
   * Line starts where the scanner began a block at document level with no container open: the scan from such
   * a point on does not depend on anything before it (used to re-scan only what an edit touched).
   */
  syncPoints: number[];
}

/* ---------------------------------------------------------------------------------------------- */
/* Front matter                                                                                    */

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
function frontMatterStructure(text: string, end: number, out: Output): void {
  let lineStart = 0;
  let first = true;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd);
    const colon = line.indexOf(':');
    const trimmed = line.trim();
    if (first || trimmed === '---' || trimmed === '...' || trimmed.startsWith('#')) {
      out.fill(lineStart, lineEnd + 1, Mask.Hide);
    } else if (colon >= 0 && !/^\s*-/.test(line)) {
      out.fill(lineStart, lineStart + colon + 1, Mask.Hide);
      const valueStart = lineStart + colon + 1 + (line.slice(colon + 1).length - line.slice(colon + 1).trimStart().length);
      if (valueStart < lineEnd) out.blockStarts.push(valueStart);
      out.fill(lineEnd, lineEnd + 1, Mask.Hide);
    } else {
      out.fill(lineEnd, lineEnd + 1, Mask.Hide);
    }
    first = false;
    lineStart = lineEnd + 1;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Output                                                                                          */

/** Where marks go. Inline content is sometimes parsed speculatively (a table header), so sinks can buffer. */
interface Sink {
  hide(from: number, to: number): void;
  blank(from: number, to: number): void;
  /** A table cell: a leaf block of its own. */
  cell(from: number, to: number): void;
}

class Output implements Sink {
  readonly blockStarts: number[] = [];
  readonly headings: { start: number; end: number }[] = [];
  readonly syncPoints: number[] = [];
  constructor(
    readonly text: string,
    readonly mask: Uint8Array,
    /** Nodes ending at or before this offset belong to the front matter and are skipped. */
    readonly fmEnd: number,
    /** Offset of `text` in the document `mask` covers (non-zero when re-scanning a part). */
    readonly base: number,
  ) {}

  fill(from: number, to: number, mode: Mask): void {
    const mask = this.mask;
    const end = Math.min(to, this.text.length) - this.base;
    let i = Math.max(0, from - this.base);
    if (mode === Mask.Hide) mask.fill(Mask.Hide, i, Math.max(i, end));
    else for (; i < end; i++) if (mask[i] === Mask.Keep) mask[i] = mode;
  }

  hide(from: number, to: number): void {
    if (to > this.fmEnd) this.fill(from, to, Mask.Hide);
  }

  blank(from: number, to: number): void {
    if (to > this.fmEnd) this.fill(from, to, Mask.Blank);
  }

  cell(from: number, to: number): void {
    this.leaf(LeafKind.Cell, from, to);
  }

  /** A paragraph, heading or table cell: its text starts a sentence, and the character after it ends the block. */
  leaf(kind: LeafKind, from: number, to: number): void {
    if (to <= this.fmEnd) return;
    const text = this.text;
    let start = from;
    if (kind === LeafKind.Atx) {
      while (start < to && text.charCodeAt(start) === 35) start++;
      while (start < to && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
    } else if (kind === LeafKind.Cell) {
      while (start < to && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
    }
    this.blockStarts.push(start);
    if (to < text.length) this.fill(to, to + 1, Mask.Hide);
    if (kind === LeafKind.Atx) this.headings.push({ start, end: to });
    else if (kind === LeafKind.Setext) {
      let end = to;
      const nl = text.lastIndexOf('\n', to - 1);
      if (nl > start) {
        this.fill(nl, to, Mask.Hide);
        end = nl;
      }
      this.headings.push({ start, end });
    }
  }
}

const enum LeafKind {
  Paragraph,
  Atx,
  Setext,
  Cell,
}

/** Buffers marks of a speculative inline parse; `commit` replays them. */
class BufferSink implements Sink {
  private readonly marks: number[] = [];
  hide(from: number, to: number): void {
    this.marks.push(from, to, Mask.Hide);
  }
  blank(from: number, to: number): void {
    this.marks.push(from, to, Mask.Blank);
  }
  cell(from: number, to: number): void {
    this.marks.push(from, to, -1);
  }
  commit(out: Output): void {
    const m = this.marks;
    for (let i = 0; i < m.length; i += 3) {
      const mode = m[i + 2];
      if (mode === Mask.Hide) out.hide(m[i]!, m[i + 1]!);
      else if (mode === Mask.Blank) out.blank(m[i]!, m[i + 1]!);
      else out.cell(m[i]!, m[i + 1]!);
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Character helpers                                                                               */

function space(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

function skipSpace(line: string, i = 0): number {
  while (i < line.length && space(line.charCodeAt(i))) i++;
  return i;
}

function skipSpaceBack(line: string, i: number, to: number): number {
  while (i > to && space(line.charCodeAt(i - 1))) i--;
  return i;
}

/** ASCII `\w`, as in the regular expressions lezer uses. */
function isWordAscii(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
}

const PUNCTUATION = /[\p{S}|\p{P}]/u;
const WHITESPACE = /\s/;
/** Lazily filled per code unit: bit 1 = punctuation, bit 2 = white space, bit 4 = known. */
const charInfo = new Uint8Array(0x10000);

function info(ch: number): number {
  let v = charInfo[ch]!;
  if (v === 0) {
    const s = String.fromCharCode(ch);
    v = 4 | (PUNCTUATION.test(s) ? 1 : 0) | (WHITESPACE.test(s) ? 2 : 0);
    charInfo[ch] = v;
  }
  return v;
}

/** `Punctuation.test(before)` for a one-character (or empty, ch < 0) string. */
function isPunct(ch: number): boolean {
  return ch >= 0 && (info(ch) & 1) !== 0;
}

/** `/\s|^$/.test(s)` for a one-character (or empty, ch < 0) string. */
function isSpaceOrNone(ch: number): boolean {
  return ch < 0 || (info(ch) & 2) !== 0;
}

/* ---------------------------------------------------------------------------------------------- */
/* Inline                                                                                          */

const enum Delim {
  EmphasisUnderscore,
  EmphasisAsterisk,
  Strikethrough,
  LinkStart,
  ImageStart,
}

const OPEN = 1;
const CLOSE = 2;

interface Delimiter {
  type: Delim;
  from: number;
  to: number;
  side: number;
  size: number;
}

/** Stands for any finished element in `parts` (its marks are already written). */
const ELEMENT = 1;
type Part = Delimiter | typeof ELEMENT | null;

function isDelimiter(p: Part): p is Delimiter {
  return typeof p === 'object' && p !== null;
}

const ESCAPABLE = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const ENTITY = /^(?:#\d+|#x[a-f\d]+|\w+);/i;
const AUTOLINK_TAG =
  /^(?:[a-z][-\w+.]+:[^\s>]+|[a-z\d.!#$%&'*+/=?^_`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*)>/i;
const COMMENT = /^!--(?:-?>|[^]*?-->)/;
const PROC_INST = /^\?[^]*?\?>/;
const HTML_TAG =
  /^(?:![A-Z][^]*?>|!\[CDATA\[[^]*?\]\]>|\/[a-zA-Z][\w-]*\s*>|[a-zA-Z][\w-]*(\s+[a-zA-Z:_][\w-.:]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>)/;
const AUTOLINK_RE = /(www\.)|(https?:\/\/)|([\w.+-]{1,100}@)|(mailto:|xmpp:)/y;
const URL_RE = /[\w-]+(\.[\w-]+)+(:\d+)?(\/[^\s<]*)?/y;
const LAST_TWO_DOMAIN_WORDS = /[\w-]+\.[\w-]+($|[/:])/;
const EMAIL_RE = /[\w.+-]+@[\w-]+(\.[\w.-]+)+/y;
const XMPP_RESOURCE_RE = /\/[a-zA-Z\d@.]+/y;

function count(str: string, from: number, to: number, ch: string): number {
  let result = 0;
  for (let i = from; i < to; i++) if (str[i] === ch) result++;
  return result;
}

function autolinkURLEnd(text: string, from: number): number {
  URL_RE.lastIndex = from;
  const m = URL_RE.exec(text);
  if (!m || LAST_TWO_DOMAIN_WORDS.exec(m[0])![0].indexOf('_') > -1) return -1;
  let end = from + m[0].length;
  for (;;) {
    const last = text[end - 1]!;
    let e: RegExpExecArray | null;
    if (/[?!.,:*_~]/.test(last) || (last === ')' && count(text, from, end, ')') > count(text, from, end, '('))) end--;
    else if (last === ';' && (e = /&(?:#\d+|#x[a-f\d]+|\w+);$/.exec(text.slice(from, end)))) end = from + e.index;
    else break;
  }
  return end;
}

function autolinkEmailEnd(text: string, from: number): number {
  EMAIL_RE.lastIndex = from;
  const m = EMAIL_RE.exec(text);
  if (!m) return -1;
  const last = m[0][m[0].length - 1];
  return last === '_' || last === '-' ? -1 : from + m[0].length - (last === '.' ? 1 : 0);
}

/** A URL (`<…>` or bare) starting at `start` of `text`: its end, -1 when the text runs out, -2 when invalid. */
function parseURL(text: string, start: number): number {
  const next = text.charCodeAt(start);
  if (next === 60) {
    for (let pos = start + 1, esc = false; pos < text.length; pos++) {
      const ch = text.charCodeAt(pos);
      if (ch === 62 && !esc) return pos + 1;
      if ((ch === 60 && !esc) || ch === 10) return -2;
      esc = ch === 92;
    }
    return -1;
  }
  let depth = 0;
  let pos = start;
  for (let escaped = false; pos < text.length; pos++) {
    const ch = text.charCodeAt(pos);
    if (space(ch)) break;
    else if (escaped) escaped = false;
    else if (ch === 40) depth++;
    else if (ch === 41) {
      if (!depth) break;
      depth--;
    } else if (ch === 92) escaped = true;
  }
  return pos > start ? pos : pos === text.length ? -1 : -2;
}

/** A link title at `start`: its end, -1 at the end of the text, -2 when there is none. */
function parseLinkTitle(text: string, start: number): number {
  const next = text.charCodeAt(start);
  if (next !== 39 && next !== 34 && next !== 40) return -2;
  const end = next === 40 ? 41 : next;
  for (let pos = start + 1, escaped = false; pos < text.length; pos++) {
    const ch = text.charCodeAt(pos);
    if (escaped) escaped = false;
    else if (ch === end) return pos + 1;
    else if (ch === 92) escaped = true;
  }
  return -1;
}

/** A link label `[…]` at `start`: its end, -1 at the end of the text, -2 when invalid. */
function parseLinkLabel(text: string, start: number, requireNonWS: boolean): number {
  for (let escaped = false, pos = start + 1, end = Math.min(text.length, pos + 999); pos < end; pos++) {
    const ch = text.charCodeAt(pos);
    if (escaped) escaped = false;
    else if (ch === 93) return requireNonWS ? -2 : pos + 1;
    else {
      if (requireNonWS && !space(ch)) requireNonWS = false;
      if (ch === 91) return -2;
      else if (ch === 92) escaped = true;
    }
  }
  return -1;
}

/** Characters at which some inline construct may start (autolinks are handled separately). */
const INLINE_START = new Uint8Array(128);
for (const c of '\\&`<_*~[!]') INLINE_START[c.charCodeAt(0)] = 1;

/**
 * ASCII classes for the inline loop: 0 nothing starts here, 1 letter or digit, 2 a letter that may start
 * `www.`, `http`, `mailto:` or `xmpp:`, 3 '.', '+' or '-' (may start an e-mail address).
 */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
for (const c of 'whmx') ASCII_CLASS[c.charCodeAt(0)] = 2;
for (const c of '.+-') ASCII_CLASS[c.charCodeAt(0)] = 3;
const AUTOLINK_PREFIX = /^(?:www\.|http|mailto:|xmpp:)/;

/**
 * Limits no draft reaches but a paste can. Pairing emphasis and link delimiters costs the square of their
 * number in one paragraph (a 2 MB line of `*` took hours), and every container opened on one line is
 * checked against all the others ("- - - - … x": a million list markers, likewise). Past these limits the
 * extra delimiters read as plain characters and the extra markers as paragraph text.
 */
export const MAX_INLINE_DELIMITERS = 2000;
export const MAX_MARKDOWN_NESTING = 100;

class InlineParser {
  private text = '';
  private offset = 0;
  private end = 0;
  private parts: Part[] = [];
  private sink: Sink = undefined as unknown as Sink;
  /** Delimiter characters seen in this leaf; past MAX_INLINE_DELIMITERS the leaf's delimiters are literal. */
  private delimiters = 0;
  private literal = false;

  parse(text: string, offset: number, sink: Sink): void {
    this.text = text;
    this.offset = offset;
    this.end = offset + text.length;
    this.parts = [];
    this.sink = sink;
    this.delimiters = 0;
    this.literal = false;
    const len = text.length;
    let nextAt = text.indexOf('@');
    for (let i = 0; i < len; ) {
      const ch = text.charCodeAt(i);
      if (ch >= 128) {
        i++;
        continue;
      }
      if (INLINE_START[ch] === 1) {
        const result = this.token(ch, i + offset);
        i = result >= 0 ? result - offset : i + 1;
        continue;
      }
      const cls = ASCII_CLASS[ch]!;
      if (cls === 0) {
        i++;
        continue;
      }
      // A possible autolink start: `[\w.+-]` not preceded by a word character. lezer tries its sticky
      // regular expression here; it can only succeed at `www.`, `http`, `mailto:`, `xmpp:`, or before an '@'
      // at most 100 characters on.
      if (i === 0 || !isWordAscii(text.charCodeAt(i - 1))) {
        if (nextAt >= 0 && nextAt < i) nextAt = text.indexOf('@', i);
        if ((cls === 2 && AUTOLINK_PREFIX.test(text.slice(i, i + 7))) || (nextAt >= 0 && nextAt - i <= 100)) {
          const result = this.autolink(i + offset);
          if (result >= 0) {
            i = result - offset;
            continue;
          }
        }
      }
      i++;
      // Inside a run of letters and digits nothing can start ('_' is a delimiter, so it stops the run).
      if (cls !== 3) while (i < len && ASCII_CLASS[text.charCodeAt(i)] === 1) i++;
    }
    this.resolveMarkers(0);
  }

  private char(pos: number): number {
    return pos >= this.end ? -1 : this.text.charCodeAt(pos - this.offset);
  }

  /** The inline parsers in lezer's order (with GFM): the first that applies wins. Returns the new position or -1. */
  private token(next: number, start: number): number {
    if (this.literal && (next === 42 || next === 95 || next === 126 || next === 91 || next === 93 || next === 33)) return -1;
    switch (next) {
      case 92: // Escape
        if (start === this.end - 1) return -1;
        if (ESCAPABLE.indexOf(String.fromCharCode(this.char(start + 1))) >= 0 && this.char(start + 1) >= 0) {
          this.sink.hide(start, start + 2);
          return this.element(start + 2);
        }
        return -1;
      case 38: {
        // Entity
        const m = ENTITY.exec(this.slice(start + 1, start + 31));
        if (!m) return -1;
        this.sink.hide(start, start + 1 + m[0].length);
        return this.element(start + 1 + m[0].length);
      }
      case 96:
        return this.inlineCode(start);
      case 60:
        return this.htmlTag(start);
      case 95:
      case 42:
        return this.emphasis(next, start);
      case 126:
        return this.strikethrough(start);
      case 91: // Link
        return this.delimiter(Delim.LinkStart, start, start + 1, OPEN);
      case 33: // Image
        return this.char(start + 1) === 91 ? this.delimiter(Delim.ImageStart, start, start + 2, OPEN) : -1;
      case 93:
        return this.linkEnd(start);
      default:
        return this.autolink(start);
    }
  }

  private slice(from: number, to: number): string {
    return this.text.slice(from - this.offset, to - this.offset);
  }

  private element(to: number): number {
    this.parts.push(ELEMENT);
    return to;
  }

  private delimiter(type: Delim, from: number, to: number, side: number): number {
    this.delimiters += to - from;
    if (this.delimiters > MAX_INLINE_DELIMITERS) {
      // Too many to pair: none of this leaf's remaining delimiters will be.
      this.literal = true;
      this.parts = this.parts.filter((p) => !isDelimiter(p));
      return to;
    }
    this.parts.push({ type, from, to, side, size: to - from });
    return to;
  }

  private skipSpace(from: number): number {
    return skipSpace(this.text, from - this.offset) + this.offset;
  }

  private inlineCode(start: number): number {
    if (start && this.char(start - 1) === 96) return -1;
    let pos = start + 1;
    while (pos < this.end && this.char(pos) === 96) pos++;
    const size = pos - start;
    let curSize = 0;
    for (; pos < this.end; pos++) {
      if (this.char(pos) === 96) {
        curSize++;
        if (curSize === size && this.char(pos + 1) !== 96) {
          this.sink.hide(start, pos + 1);
          return this.element(pos + 1);
        }
      } else curSize = 0;
    }
    return -1;
  }

  private htmlTag(start: number): number {
    if (start === this.end - 1) return -1;
    const after = this.slice(start + 1, this.end);
    const url = AUTOLINK_TAG.exec(after);
    if (url) {
      this.sink.hide(start, start + 1 + url[0].length);
      return this.element(start + 1 + url[0].length);
    }
    const comment = COMMENT.exec(after) ?? PROC_INST.exec(after) ?? HTML_TAG.exec(after);
    if (!comment) return -1;
    this.sink.hide(start, start + 1 + comment[0].length);
    return this.element(start + 1 + comment[0].length);
  }

  private emphasis(next: number, start: number): number {
    let pos = start + 1;
    while (this.char(pos) === next) pos++;
    const before = start > this.offset ? this.char(start - 1) : -1;
    const after = this.char(pos);
    const pBefore = isPunct(before);
    const pAfter = isPunct(after);
    const sBefore = isSpaceOrNone(before);
    const sAfter = isSpaceOrNone(after);
    const leftFlanking = !sAfter && (!pAfter || sBefore || pBefore);
    const rightFlanking = !sBefore && (!pBefore || sAfter || pAfter);
    const canOpen = leftFlanking && (next === 42 || !rightFlanking || pBefore);
    const canClose = rightFlanking && (next === 42 || !leftFlanking || pAfter);
    return this.delimiter(next === 95 ? Delim.EmphasisUnderscore : Delim.EmphasisAsterisk, start, pos, (canOpen ? OPEN : 0) | (canClose ? CLOSE : 0));
  }

  private strikethrough(pos: number): number {
    if (this.char(pos + 1) !== 126 || this.char(pos + 2) === 126) return -1;
    const before = pos > this.offset ? this.char(pos - 1) : -1;
    const after = this.char(pos + 2);
    const sBefore = isSpaceOrNone(before);
    const sAfter = isSpaceOrNone(after);
    const pBefore = isPunct(before);
    const pAfter = isPunct(after);
    const open = !sAfter && (!pAfter || sBefore || pBefore);
    const close = !sBefore && (!pBefore || sAfter || pAfter);
    return this.delimiter(Delim.Strikethrough, pos, pos + 2, (open ? OPEN : 0) | (close ? CLOSE : 0));
  }

  private hasOpenLink(): boolean {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      if (isDelimiter(part) && (part.type === Delim.LinkStart || part.type === Delim.ImageStart)) return true;
    }
    return false;
  }

  private autolink(absPos: number): number {
    const text = this.text;
    const pos = absPos - this.offset;
    if (pos && isWordAscii(text.charCodeAt(pos - 1))) return -1;
    AUTOLINK_RE.lastIndex = pos;
    let m = AUTOLINK_RE.exec(text);
    let end = -1;
    if (!m) return -1;
    if (m[1] || m[2]) {
      end = autolinkURLEnd(text, pos + m[0].length);
      if (end > -1 && this.hasOpenLink()) {
        const noBracket = /([^[\]]|\[[^\]]*\])*/.exec(text.slice(pos, end))!;
        end = pos + noBracket[0].length;
      }
    } else if (m[3]) {
      end = autolinkEmailEnd(text, pos);
    } else {
      end = autolinkEmailEnd(text, pos + m[0].length);
      if (end > -1 && m[0] === 'xmpp:') {
        XMPP_RESOURCE_RE.lastIndex = end;
        m = XMPP_RESOURCE_RE.exec(text);
        if (m) end = m.index + m[0].length;
      }
    }
    if (end < 0) return -1;
    this.sink.hide(absPos, end + this.offset);
    return this.element(end + this.offset);
  }

  private linkEnd(start: number): number {
    const parts = this.parts;
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i]!;
      if (isDelimiter(part) && (part.type === Delim.LinkStart || part.type === Delim.ImageStart)) {
        const following = this.char(start + 1);
        if (!part.side || (this.skipSpace(part.to) === start && following !== 40 && following !== 91)) {
          parts[i] = null;
          return -1;
        }
        this.resolveMarkers(i);
        parts.length = i;
        const to = this.finishLink(part.type === Delim.ImageStart, part.from, start + 1);
        parts[i] = ELEMENT;
        if (part.type === Delim.LinkStart) {
          for (let j = 0; j < i; j++) {
            const p = parts[j]!;
            if (isDelimiter(p) && p.type === Delim.LinkStart) p.side = 0;
          }
        }
        return to;
      }
    }
    return -1;
  }

  private finishLink(image: boolean, start: number, startPos: number): number {
    const { text, offset, sink } = this;
    const next = this.char(startPos);
    let endPos = startPos;
    sink.blank(start, start + (image ? 2 : 1));
    sink.blank(startPos - 1, startPos);
    if (next === 40) {
      let pos = this.skipSpace(startPos + 1);
      const dest = parseURL(text, pos - offset);
      let title = -1;
      if (dest >= 0) {
        pos = this.skipSpace(dest + offset);
        if (pos !== dest + offset) {
          title = parseLinkTitle(text, pos - offset);
          if (title >= 0) pos = this.skipSpace(title + offset);
        }
      }
      if (this.char(pos) === 41) {
        sink.blank(startPos, startPos + 1);
        endPos = pos + 1;
        if (dest >= 0) {
          const destStart = this.skipSpace(startPos + 1);
          sink.hide(destStart, dest + offset);
          if (title >= 0) {
            const titleStart = this.skipSpace(dest + offset);
            sink.hide(titleStart, title + offset);
          }
        }
        sink.blank(pos, endPos);
      }
    } else if (next === 91) {
      const label = parseLinkLabel(text, startPos - offset, false);
      if (label >= 0) {
        sink.hide(startPos, label + offset);
        endPos = label + offset;
      }
    }
    return endPos;
  }

  /** Pairs closing delimiters with openers (CommonMark's rules as lezer applies them) and writes their marks. */
  private resolveMarkers(from: number): void {
    const parts = this.parts;
    for (let i = from; i < parts.length; i++) {
      const close = parts[i]!;
      if (!(isDelimiter(close) && close.type <= Delim.Strikethrough && close.side & CLOSE)) continue;
      const emp = close.type === Delim.EmphasisUnderscore || close.type === Delim.EmphasisAsterisk;
      const closeSize = close.to - close.from;
      let open: Delimiter | undefined;
      let j = i - 1;
      for (; j >= from; j--) {
        const part = parts[j]!;
        if (
          isDelimiter(part) &&
          part.side & OPEN &&
          part.type === close.type &&
          !(emp && (close.side & OPEN || part.side & CLOSE) && (part.size + close.size) % 3 === 0 && (part.size % 3 || close.size % 3))
        ) {
          open = part;
          break;
        }
      }
      if (!open) continue;
      let start = open.from;
      let end = close.to;
      if (emp) {
        const size = Math.min(2, open.to - open.from, closeSize);
        start = open.to - size;
        end = close.from + size;
      }
      this.sink.blank(start, open.to);
      for (let k = j + 1; k < i; k++) parts[k] = null;
      this.sink.blank(close.from, end);
      parts[j] = emp && open.from !== start ? { type: open.type, from: open.from, to: start, side: open.side, size: open.size } : null;
      const keep: Part = emp && close.to !== end ? { type: close.type, from: end, to: close.to, side: close.side, size: close.size } : null;
      parts[i] = keep;
      if (keep) parts.splice(i, 0, ELEMENT);
      else parts[i] = ELEMENT;
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Blocks                                                                                          */

const enum Block {
  Document,
  Blockquote,
  BulletList,
  OrderedList,
  ListItem,
}

interface Composite {
  type: Block;
  /** Where markers stop belonging to it (lezer's CompositeBlock.end). */
  end: number;
  /** List items: content indent; lists: marker character. */
  value: number;
  children: number;
  blankFirstLine: boolean;
}

class Line {
  text = '';
  /** Offsets of the quote marks skipped on this line (lezer's markers). */
  markers: number[] = [];
  baseIndent = 0;
  basePos = 0;
  depth = 0;
  pos = 0;
  indent = 0;
  next = -1;

  forward(): void {
    if (this.basePos > this.pos) this.forwardInner();
  }

  forwardInner(): void {
    const newPos = skipSpace(this.text, this.basePos);
    this.indent = this.countIndent(newPos, this.pos, this.indent);
    this.pos = newPos;
    this.next = newPos === this.text.length ? -1 : this.text.charCodeAt(newPos);
  }

  reset(text: string): void {
    this.text = text;
    this.baseIndent = this.basePos = this.pos = this.indent = 0;
    this.forwardInner();
    this.depth = 1;
    if (this.markers.length > 0) this.markers = [];
  }

  moveBase(to: number): void {
    this.basePos = to;
    this.baseIndent = this.countIndent(to, this.pos, this.indent);
  }

  moveBaseColumn(indent: number): void {
    this.baseIndent = indent;
    this.basePos = this.findColumn(indent);
  }

  countIndent(to: number, from = 0, indent = 0): number {
    for (let i = from; i < to; i++) indent += this.text.charCodeAt(i) === 9 ? 4 - (indent % 4) : 1;
    return indent;
  }

  findColumn(goal: number): number {
    let i = 0;
    for (let indent = 0; i < this.text.length && indent < goal; i++) indent += this.text.charCodeAt(i) === 9 ? 4 - (indent % 4) : 1;
    return i;
  }

  /** The line with the container markup before `basePos` turned into spaces (as inline content sees it). */
  scrub(): string {
    if (!this.baseIndent) return this.text;
    for (let i = 0; i < this.basePos; i++) {
      if (this.text.charCodeAt(i) !== 32) return ' '.repeat(this.basePos) + this.text.slice(this.basePos);
    }
    return this.text;
  }
}

function isFencedCode(line: Line): number {
  if (line.next !== 96 && line.next !== 126) return -1;
  let pos = line.pos + 1;
  while (pos < line.text.length && line.text.charCodeAt(pos) === line.next) pos++;
  if (pos < line.pos + 3) return -1;
  if (line.next === 96) for (let i = pos; i < line.text.length; i++) if (line.text.charCodeAt(i) === 96) return -1;
  return pos;
}

function isBlockquote(line: Line): number {
  return line.next !== 62 ? -1 : line.text.charCodeAt(line.pos + 1) === 32 ? 2 : 1;
}

function isSetextUnderline(line: Line): number {
  if ((line.next !== 45 && line.next !== 61) || line.indent >= line.baseIndent + 4) return -1;
  let pos = line.pos + 1;
  while (pos < line.text.length && line.text.charCodeAt(pos) === line.next) pos++;
  const end = pos;
  while (pos < line.text.length && space(line.text.charCodeAt(pos))) pos++;
  return pos === line.text.length ? end : -1;
}

function isAtxHeading(line: Line): number {
  if (line.next !== 35) return -1;
  let pos = line.pos + 1;
  while (pos < line.text.length && line.text.charCodeAt(pos) === 35) pos++;
  if (pos < line.text.length && !space(line.text.charCodeAt(pos))) return -1;
  const size = pos - line.pos;
  return size > 6 ? -1 : size;
}

const EMPTY_LINE = /^[ \t]*$/;
const COMMENT_END = /-->/;
const PROCESSING_END = /\?>/;
const HTML_BLOCK_STYLE: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^\s*<!--/, COMMENT_END],
  [/^\s*<\?/, PROCESSING_END],
  [/^\s*<![A-Z]/, />/],
  [/^\s*<!\[CDATA\[/, /\]\]>/],
  [
    /^\s*<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i,
    EMPTY_LINE,
  ],
  [/^\s*(?:<\/[a-z][\w-]*\s*>|<[a-z][\w-]*(\s+[a-z:_][\w-.]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*>)\s*$/i, EMPTY_LINE],
];

function isHTMLBlock(line: Line, breaking: boolean): number {
  if (line.next !== 60) return -1;
  const rest = line.text.slice(line.pos);
  for (let i = 0, e = HTML_BLOCK_STYLE.length - (breaking ? 1 : 0); i < e; i++) if (HTML_BLOCK_STYLE[i]![0].test(rest)) return i;
  return -1;
}

function getListIndent(line: Line, pos: number): number {
  const indentAfter = line.countIndent(pos, line.pos, line.indent);
  const skipped = skipSpace(line.text, pos);
  const indented = line.countIndent(skipped, pos, indentAfter);
  return indented >= indentAfter + 5 || skipped === line.text.length ? indentAfter + 1 : indented;
}

/* GFM tables */

function hasPipe(str: string, start: number): boolean {
  const first = str.indexOf('|', start);
  if (first < 0) return false;
  if (str.indexOf('\\', start) < 0) return true;
  for (let i = start; i < str.length; i++) {
    const next = str.charCodeAt(i);
    if (next === 124) return true;
    if (next === 92) i++;
  }
  return false;
}

const DELIMITER_LINE = /^[>\s]*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?$/;

/** Counts the cells of a table row; with `sink`, writes cell and delimiter marks (inline content included). */
function parseRow(scanner: BlockScanner, line: string, startI: number, sink?: Sink, offset = 0): number {
  let cells = 0;
  let first = true;
  let cellStart = -1;
  let cellEnd = -1;
  let esc = false;
  const cell = () => {
    scanner.cell(offset + cellStart, offset + cellEnd, line.slice(cellStart, cellEnd), sink!);
  };
  for (let i = startI; i < line.length; i++) {
    const next = line.charCodeAt(i);
    if (next === 124 && !esc) {
      if (!first || cellStart > -1) cells++;
      first = false;
      if (sink) {
        if (cellStart > -1) cell();
        sink.hide(i + offset, i + offset + 1);
      }
      cellStart = cellEnd = -1;
    } else if (esc || (next !== 32 && next !== 9)) {
      if (cellStart < 0) cellStart = i;
      cellEnd = i + 1;
    }
    esc = !esc && next === 92;
  }
  if (cellStart > -1) {
    cells++;
    if (sink) cell();
  }
  return cells;
}

interface LeafBlock {
  start: number;
  content: string;
  parsers: LeafParser[];
}

interface LeafParser {
  /** True when it consumed the leaf (the block ends here). */
  nextLine(cx: BlockScanner, line: Line, leaf: LeafBlock): boolean;
  finish(cx: BlockScanner, leaf: LeafBlock): boolean;
}

/** Table rows collected while the leaf grows; the header is parsed speculatively into a buffer. */
class TableParser implements LeafParser {
  /** null: second line not seen; false: not a table; else the marks so far. */
  private rows: BufferSink | false | null = null;
  nextLine(cx: BlockScanner, line: Line, leaf: LeafBlock): boolean {
    if (this.rows === null) {
      this.rows = false;
      let lineText: string;
      if ((line.next === 45 || line.next === 58 || line.next === 124) && DELIMITER_LINE.test((lineText = line.text.slice(line.pos)))) {
        const header = new BufferSink();
        const firstCount = parseRow(cx, leaf.content, 0, header, leaf.start);
        if (firstCount === parseRow(cx, lineText, 0)) {
          header.hide(cx.lineStart + line.pos, cx.lineStart + line.text.length);
          this.rows = header;
        }
      }
    } else if (this.rows) {
      parseRow(cx, line.text, line.pos, this.rows, cx.lineStart);
    }
    return false;
  }
  finish(cx: BlockScanner): boolean {
    if (!this.rows) return false;
    this.rows.commit(cx.out);
    cx.addNode();
    return true;
  }
}

class SetextHeadingParser implements LeafParser {
  nextLine(cx: BlockScanner, line: Line, leaf: LeafBlock): boolean {
    const underline = line.depth < cx.stack.length ? -1 : isSetextUnderline(line);
    if (underline < 0) return false;
    const markFrom = cx.lineStart + line.pos;
    const markTo = cx.lineStart + underline;
    cx.nextLine();
    const to = cx.prevLineEnd();
    cx.inline.parse(leaf.content, leaf.start, cx.out);
    cx.out.hide(markFrom, markTo);
    cx.out.leaf(LeafKind.Setext, leaf.start, to);
    cx.addNode();
    return true;
  }
  finish(): boolean {
    return false;
  }
}

class TaskParser implements LeafParser {
  nextLine(): boolean {
    return false;
  }
  finish(cx: BlockScanner, leaf: LeafBlock): boolean {
    cx.out.hide(leaf.start, leaf.start + 3);
    cx.inline.parse(leaf.content.slice(3), leaf.start + 3, cx.out);
    cx.addNode();
    return true;
  }
}

const enum RefStage {
  Failed = -1,
  Start = 0,
  Label = 1,
  Link = 2,
  Title = 3,
}

/** Link reference definitions, parsed line by line as lezer does; marks are written only when one completes. */
class LinkReferenceParser implements LeafParser {
  private stage = RefStage.Start;
  /** [from, to, mode] triples, relative to the leaf start. */
  private readonly elts: number[] = [];
  private pos = 0;
  private readonly start: number;

  constructor(leaf: LeafBlock) {
    this.start = leaf.start;
    this.advance(leaf.content);
  }

  nextLine(cx: BlockScanner, line: Line, leaf: LeafBlock): boolean {
    if (this.stage === RefStage.Failed) return false;
    const content = leaf.content + '\n' + line.scrub();
    const finish = this.advance(content);
    if (finish > -1 && finish < content.length) return this.complete(cx);
    return false;
  }

  finish(cx: BlockScanner, leaf: LeafBlock): boolean {
    if ((this.stage === RefStage.Link || this.stage === RefStage.Title) && skipSpace(leaf.content, this.pos) === leaf.content.length) return this.complete(cx);
    return false;
  }

  private complete(cx: BlockScanner): boolean {
    const e = this.elts;
    for (let i = 0; i < e.length; i += 3) {
      if (e[i + 2] === Mask.Hide) cx.out.hide(e[i]! + this.start, e[i + 1]! + this.start);
      else cx.out.blank(e[i]! + this.start, e[i + 1]! + this.start);
    }
    cx.addNode();
    return true;
  }

  /** Records an element ending at `to` (-1 null, -2 false, as lezer's element-or-null-or-false). */
  private nextStage(from: number, to: number, mode: Mask): boolean {
    if (to >= 0) {
      this.pos = to;
      this.elts.push(from, to, mode);
      this.stage++;
      return true;
    }
    if (to === -2) this.stage = RefStage.Failed;
    return false;
  }

  private advance(content: string): number {
    for (;;) {
      if (this.stage === RefStage.Failed) return -1;
      else if (this.stage === RefStage.Start) {
        if (!this.nextStage(this.pos, parseLinkLabel(content, this.pos, true), Mask.Hide)) return -1;
        if (content.charCodeAt(this.pos) !== 58) {
          this.stage = RefStage.Failed;
          return -1;
        }
        this.elts.push(this.pos, this.pos + 1, Mask.Blank);
        this.pos++;
      } else if (this.stage === RefStage.Label) {
        const from = skipSpace(content, this.pos);
        if (!this.nextStage(from, parseURL(content, from), Mask.Hide)) return -1;
      } else if (this.stage === RefStage.Link) {
        const skip = skipSpace(content, this.pos);
        let end = 0;
        if (skip > this.pos) {
          const title = parseLinkTitle(content, skip);
          if (title >= 0) {
            const titleEnd = lineEnd(content, title);
            if (titleEnd > 0) {
              this.nextStage(skip, title, Mask.Hide);
              end = titleEnd;
            }
          }
        }
        if (!end) end = lineEnd(content, this.pos);
        return end > 0 && end < content.length ? end : -1;
      } else {
        return lineEnd(content, this.pos);
      }
    }
  }
}

function lineEnd(text: string, pos: number): number {
  for (; pos < text.length; pos++) {
    const next = text.charCodeAt(pos);
    if (next === 10) break;
    if (!space(next)) return -1;
  }
  return pos;
}

class BlockScanner {
  readonly line = new Line();
  readonly stack: Composite[] = [];
  readonly inline = new InlineParser();
  lineStart: number;
  /** End (exclusive) of the current line's text. */
  private lineEndPos = 0;
  private atEnd = false;
  private readonly text: string;
  private readonly to: number;

  constructor(
    readonly out: Output,
    from: number,
  ) {
    this.text = out.text;
    this.to = this.text.length;
    this.lineStart = from;
    this.stack.push({ type: Block.Document, end: 0, value: 0, children: 0, blankFirstLine: false });
    this.readLine();
  }

  get block(): Composite {
    return this.stack[this.stack.length - 1]!;
  }

  /** Parses blocks until the end, or until a sync point at or after `stopAt` (returns that offset, else -1). */
  run(stopAt = Infinity, isSync?: (offset: number) => boolean): number {
    for (;;) {
      const r = this.advance(stopAt, isSync);
      if (r !== undefined) return r;
    }
  }

  /** One block (lezer's BlockContext.advance). Returns -1 at the end, an offset when it stopped at a sync point. */
  private advance(stopAt: number, isSync?: (offset: number) => boolean): number | undefined {
    const line = this.line;
    for (;;) {
      // Close the contexts this line does not continue; its quote marks go to the blocks they belong to.
      for (let markI = 0; ; ) {
        const next = line.depth < this.stack.length ? this.block : undefined;
        while (markI < line.markers.length && (!next || line.markers[markI]! < next.end)) {
          markI++;
          this.addNode();
        }
        if (!next) break;
        this.finishContext();
      }
      if (line.pos < line.text.length) break;
      if (!this.nextLine()) return -1;
    }
    if (this.stack.length === 1) {
      // A new block at document level: nothing before this line can change how the rest parses.
      if (this.lineStart >= stopAt && (!isSync || isSync(this.lineStart))) return this.lineStart;
      this.out.syncPoints.push(this.lineStart);
    }
    start: for (;;) {
      // Past the nesting limit the rest of the line is a paragraph, whatever markers it still has.
      if (this.stack.length > MAX_MARKDOWN_NESTING) break;
      for (let p = 0; p < 8; p++) {
        const result = this.blockParser(p, line);
        if (result !== false) {
          if (result === true) return undefined;
          line.forward();
          continue start;
        }
      }
      break;
    }
    if (line.pos === line.text.length) return this.nextLine() ? undefined : -1;
    const leaf: LeafBlock = { start: this.lineStart + line.pos, content: line.text.slice(line.pos), parsers: [] };
    if (leaf.content.charCodeAt(0) === 91) leaf.parsers.push(new LinkReferenceParser(leaf));
    if (hasPipe(leaf.content, 0)) leaf.parsers.push(new TableParser());
    leaf.parsers.push(new SetextHeadingParser());
    if (this.block.type === Block.ListItem && /^\[[ xX]\][ \t]/.test(leaf.content)) leaf.parsers.push(new TaskParser());
    lines: while (this.nextLine()) {
      if (line.pos === line.text.length) break;
      if (line.indent < line.baseIndent + 4) {
        if (this.endLeaf(line, leaf)) break lines;
      }
      for (const parser of leaf.parsers) if (parser.nextLine(this, line, leaf)) return undefined;
      leaf.content += '\n' + line.scrub();
    }
    this.finishLeaf(leaf);
    return undefined;
  }

  private endLeaf(line: Line, leaf: LeafBlock): boolean {
    if (isAtxHeading(line) >= 0 || isFencedCode(line) >= 0 || isBlockquote(line) >= 0) return true;
    if (this.isBulletList(line, true) >= 0 || this.isOrderedList(line, true) >= 0) return true;
    if (this.isHorizontalRule(line, true) >= 0 || isHTMLBlock(line, true) >= 0) return true;
    // GFM table start inside a paragraph
    if (leaf.parsers.some((p) => p instanceof TableParser) || !hasPipe(line.text, line.basePos)) return false;
    const next = this.peekLine();
    return DELIMITER_LINE.test(next) && parseRow(this, line.text, line.basePos) === parseRow(this, next, line.basePos);
  }

  private finishLeaf(leaf: LeafBlock): void {
    for (const parser of leaf.parsers) if (parser.finish(this, leaf)) return;
    this.inline.parse(leaf.content, leaf.start, this.out);
    this.out.leaf(LeafKind.Paragraph, leaf.start, leaf.start + leaf.content.length);
    this.addNode();
  }

  /** Called by `parseRow` for each cell written. */
  cell(from: number, to: number, content: string, sink: Sink): void {
    this.inline.parse(content, from, sink);
    sink.cell(from, to);
  }

  /* lines */

  nextLine(): boolean {
    if (this.lineEndPos >= this.to) {
      this.lineStart = this.lineEndPos;
      this.atEnd = true;
      this.readLine();
      return false;
    }
    this.lineStart = this.lineEndPos + 1;
    this.readLine();
    return true;
  }

  prevLineEnd(): number {
    return this.atEnd ? this.lineStart : this.lineStart - 1;
  }

  private peekLine(): string {
    const start = this.lineEndPos + 1;
    if (start >= this.to) return '';
    let eol = this.text.indexOf('\n', start);
    if (eol < 0) eol = this.to;
    return this.text.slice(start, eol);
  }

  private readLine(): void {
    const line = this.line;
    let text = '';
    if (this.lineStart < this.to && !this.atEnd) {
      let eol = this.text.indexOf('\n', this.lineStart);
      if (eol < 0) eol = this.to;
      text = this.text.slice(this.lineStart, eol);
      this.lineEndPos = eol;
    } else this.lineEndPos = this.lineStart;
    line.reset(text);
    for (; line.depth < this.stack.length; line.depth++) {
      const cx = this.stack[line.depth]!;
      const marks = line.markers.length;
      if (!this.skipMarkup(cx, line)) {
        if (line.markers.length > marks) cx.end = line.markers[line.markers.length - 1]! + 1;
        line.forward();
        break;
      }
      line.forward();
    }
  }

  private skipMarkup(bl: Composite, line: Line): boolean {
    switch (bl.type) {
      case Block.Blockquote:
        if (line.next !== 62) return false;
        line.markers.push(this.lineStart + line.pos);
        this.out.blank(this.lineStart + line.pos, this.lineStart + line.pos + 1);
        line.moveBase(line.pos + (space(line.text.charCodeAt(line.pos + 1)) ? 2 : 1));
        bl.end = this.lineStart + line.text.length;
        return true;
      case Block.ListItem:
        if (line.next < 0 ? bl.blankFirstLine && bl.children === 1 : line.indent < line.baseIndent + bl.value) return false;
        line.moveBaseColumn(line.baseIndent + bl.value);
        return true;
      case Block.OrderedList:
      case Block.BulletList: {
        if (line.pos === line.text.length || (bl !== this.block && line.indent >= this.stack[line.depth + 1]!.value + line.baseIndent)) return true;
        if (line.indent >= line.baseIndent + 4) return false;
        const size = bl.type === Block.OrderedList ? this.isOrderedList(line, false) : this.isBulletList(line, false);
        return size > 0 && (bl.type !== Block.BulletList || this.isHorizontalRule(line, false) < 0) && line.text.charCodeAt(line.pos + size - 1) === bl.value;
      }
      default:
        return true;
    }
  }

  /* contexts */

  private startContext(type: Block, value = 0): void {
    this.stack.push({ type, end: this.lineStart + this.line.text.length, value, children: 0, blankFirstLine: false });
  }

  private finishContext(): void {
    this.stack.pop();
    this.block.children++;
  }

  addNode(): void {
    this.block.children++;
  }

  private inList(type: Block): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.type === type) return true;
    return false;
  }

  private isHorizontalRule(line: Line, breaking: boolean): number {
    if (line.next !== 42 && line.next !== 45 && line.next !== 95) return -1;
    let n = 1;
    for (let pos = line.pos + 1; pos < line.text.length; pos++) {
      const ch = line.text.charCodeAt(pos);
      if (ch === line.next) n++;
      else if (!space(ch)) return -1;
    }
    // Setext headings take precedence
    if (breaking && line.next === 45 && isSetextUnderline(line) > -1 && line.depth === this.stack.length) return -1;
    return n < 3 ? -1 : 1;
  }

  private isBulletList(line: Line, breaking: boolean): number {
    return (line.next === 45 || line.next === 43 || line.next === 42) &&
      (line.pos === line.text.length - 1 || space(line.text.charCodeAt(line.pos + 1))) &&
      (!breaking || this.inList(Block.BulletList) || skipSpace(line.text, line.pos + 2) < line.text.length)
      ? 1
      : -1;
  }

  private isOrderedList(line: Line, breaking: boolean): number {
    let pos = line.pos;
    let next = line.next;
    for (;;) {
      if (next >= 48 && next <= 57) pos++;
      else break;
      if (pos === line.text.length) return -1;
      next = line.text.charCodeAt(pos);
    }
    if (
      pos === line.pos ||
      pos > line.pos + 9 ||
      (next !== 46 && next !== 41) ||
      (pos < line.text.length - 1 && !space(line.text.charCodeAt(pos + 1))) ||
      (breaking && !this.inList(Block.OrderedList) && (skipSpace(line.text, pos + 1) === line.text.length || pos > line.pos + 1 || line.next !== 49))
    )
      return -1;
    return pos + 1 - line.pos;
  }

  /** lezer's DefaultBlockParsers in order: false = not this, true = consumed a leaf, null = opened a context. */
  private blockParser(index: number, line: Line): boolean | null {
    switch (index) {
      case 0:
        return this.indentedCode(line);
      case 1:
        return this.fencedCode(line);
      case 2: {
        const size = isBlockquote(line);
        if (size < 0) return false;
        this.startContext(Block.Blockquote);
        this.out.blank(this.lineStart + line.pos, this.lineStart + line.pos + 1);
        this.addNode();
        line.moveBase(line.pos + size);
        return null;
      }
      case 3: {
        if (this.isHorizontalRule(line, false) < 0) return false;
        const from = this.lineStart + line.pos;
        this.nextLine();
        this.out.hide(from, this.prevLineEnd());
        this.addNode();
        return true;
      }
      case 4: {
        const size = this.isBulletList(line, false);
        if (size < 0) return false;
        if (this.block.type !== Block.BulletList) this.startContext(Block.BulletList, line.next);
        const newBase = getListIndent(line, line.pos + 1);
        this.startContext(Block.ListItem, newBase - line.baseIndent);
        this.addNode();
        line.moveBaseColumn(newBase);
        this.block.blankFirstLine = newBase >= line.text.length;
        return null;
      }
      case 5: {
        const size = this.isOrderedList(line, false);
        if (size < 0) return false;
        if (this.block.type !== Block.OrderedList) this.startContext(Block.OrderedList, line.text.charCodeAt(line.pos + size - 1));
        const newBase = getListIndent(line, line.pos + size);
        this.startContext(Block.ListItem, newBase - line.baseIndent);
        this.addNode();
        line.moveBaseColumn(newBase);
        this.block.blankFirstLine = newBase === line.text.length;
        return null;
      }
      case 6:
        return this.atxHeading(line);
      default:
        return this.htmlBlock(line);
    }
  }

  private indentedCode(line: Line): boolean {
    const base = line.baseIndent + 4;
    if (line.indent < base) return false;
    const from = this.lineStart + line.findColumn(base);
    let to = this.lineStart + line.text.length;
    // Quote marks on trailing blank lines are handed back to the next block (they count as its children).
    let pending: number[] = [];
    while (this.nextLine() && line.depth >= this.stack.length) {
      if (line.pos === line.text.length) {
        for (const m of line.markers) pending.push(m);
      } else if (line.indent < base) break;
      else {
        pending = [];
        to = this.lineStart + line.text.length;
      }
    }
    if (pending.length > 0) line.markers = pending.concat(line.markers);
    this.out.hide(from, to);
    this.addNode();
    return true;
  }

  private fencedCode(line: Line): boolean {
    const fenceEnd = isFencedCode(line);
    if (fenceEnd < 0) return false;
    const from = this.lineStart + line.pos;
    const ch = line.next;
    const len = fenceEnd - line.pos;
    while (this.nextLine() && line.depth >= this.stack.length) {
      let i = line.pos;
      if (line.indent - line.baseIndent < 4) while (i < line.text.length && line.text.charCodeAt(i) === ch) i++;
      if (i - line.pos >= len && skipSpace(line.text, i) === line.text.length) {
        this.nextLine();
        break;
      }
    }
    this.out.hide(from, this.prevLineEnd());
    this.addNode();
    return true;
  }

  private atxHeading(line: Line): boolean {
    const size = isAtxHeading(line);
    if (size < 0) return false;
    const off = line.pos;
    const from = this.lineStart + off;
    const endOfSpace = skipSpaceBack(line.text, line.text.length, off);
    let after = endOfSpace;
    while (after > off && line.text.charCodeAt(after - 1) === line.next) after--;
    if (after === endOfSpace || after === off || !space(line.text.charCodeAt(after - 1))) after = line.text.length;
    this.out.hide(from, from + size);
    this.inline.parse(line.text.slice(off + size + 1, after), from + size + 1, this.out);
    if (after < line.text.length) this.out.hide(this.lineStart + after, this.lineStart + endOfSpace);
    const to = this.lineStart + line.text.length;
    this.out.leaf(LeafKind.Atx, from, to);
    this.nextLine();
    this.addNode();
    return true;
  }

  private htmlBlock(line: Line): boolean {
    const type = isHTMLBlock(line, false);
    if (type < 0) return false;
    const from = this.lineStart + line.pos;
    const end = HTML_BLOCK_STYLE[type]![1];
    let trailing = end !== EMPTY_LINE;
    while (!end.test(line.text) && this.nextLine()) {
      if (line.depth < this.stack.length) {
        trailing = false;
        break;
      }
    }
    if (trailing) this.nextLine();
    this.out.hide(from, this.prevLineEnd());
    this.addNode();
    return true;
  }
}

/* ---------------------------------------------------------------------------------------------- */

/** A Markdown scan kept alongside its document, so an edit can re-scan only the blocks it touched. */
export interface MarkdownScan extends MarkdownStructure {
  /** Same length as the text: Mask values. */
  mask: Uint8Array;
  /** End of the YAML front matter, or 0. */
  fmEnd: number;
}

/** One replacement: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Scans `text` and writes its mask into `mask` (same length as `text`, zeroed). */
export function scanMarkdown(text: string, mask: Uint8Array): MarkdownStructure {
  const { blockStarts, headings, syncPoints } = scanAll(text, mask);
  return { blockStarts, headings, syncPoints };
}

function scanAll(text: string, mask: Uint8Array): MarkdownScan {
  const fmEnd = frontMatterEnd(text);
  const out = new Output(text, mask, fmEnd, 0);
  if (fmEnd > 0) frontMatterStructure(text, fmEnd, out);
  new BlockScanner(out, 0).run();
  out.blockStarts.sort((a, b) => a - b);
  out.headings.sort((a, b) => a.start - b.start);
  return { blockStarts: out.blockStarts, headings: out.headings, syncPoints: out.syncPoints, mask, fmEnd };
}

export function scanMarkdownDocument(text: string): MarkdownScan {
  return scanAll(text, new Uint8Array(text.length));
}

/** Index of the last element <= x in a sorted array, or -1. */
function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first element >= x in a sorted array (xs.length when none). */
function firstAtLeast(xs: readonly number[], x: number): number {
  return lastAtMost(xs, x - 1) + 1;
}

function lineStartOf(text: string, pos: number): number {
  return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

/**
 * Re-scans after `change`: from a sync point before the edited lines (two lines back, since a block ending
 * there may have looked at the next two lines) until the new scan reaches a sync point the old scan also had,
 * past the edit; the old marks after it are shifted, not recomputed. Returns the new scan and the range of
 * the new text [from, to) that was scanned (it was [from, oldTo) in the old text).
 */
export function rescanMarkdown(old: MarkdownScan, text: string, change: TextChange): { scan: MarkdownScan; from: number; to: number; oldTo: number } {
  const delta = change.newEnd - change.oldEnd;
  const fmEnd = frontMatterEnd(text);
  const l0 = lineStartOf(text, change.start);
  const l2 = lineStartOf(text, lineStartOf(text, l0 - 1) - 1);
  const r = lastAtMost(old.syncPoints, l2);
  const from = r >= 0 ? old.syncPoints[r]! : 0;
  if (fmEnd !== old.fmEnd || from <= fmEnd || from === 0) {
    return { scan: scanMarkdownDocument(text), from: 0, to: text.length, oldTo: old.mask.length };
  }
  const mask = new Uint8Array(text.length);
  mask.set(old.mask.subarray(0, from));
  const out = new Output(text, mask, fmEnd, 0);
  const oldSync = old.syncPoints;
  const stop = new BlockScanner(out, from).run(change.newEnd, (offset) => {
    const i = firstAtLeast(oldSync, offset - delta);
    return i < oldSync.length && oldSync[i] === offset - delta;
  });
  const to = stop >= 0 ? stop : text.length;
  const oldTo = stop >= 0 ? stop - delta : old.mask.length;
  if (stop >= 0) mask.set(old.mask.subarray(oldTo), to);
  const splice = (xs: readonly number[], fresh: number[]): number[] => {
    const head = xs.slice(0, firstAtLeast(xs, from));
    const tail = xs.slice(firstAtLeast(xs, oldTo));
    for (let i = 0; i < tail.length; i++) tail[i]! += delta;
    fresh.sort((a, b) => a - b);
    return head.concat(fresh, tail);
  };
  const headings = old.headings.filter((h) => h.start < from);
  out.headings.sort((a, b) => a.start - b.start);
  for (const h of out.headings) headings.push(h);
  for (const h of old.headings) if (h.start >= oldTo) headings.push({ start: h.start + delta, end: h.end + delta });
  return {
    scan: { mask, fmEnd, blockStarts: splice(old.blockStarts, out.blockStarts), headings, syncPoints: splice(old.syncPoints, out.syncPoints), },
    from,
    to,
    oldTo,
  };
}
