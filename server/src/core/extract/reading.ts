/**
 * Reading the source document: the format's view (code, URLs and markup masked), boilerplate lines (bylines,
 * credits, footers) masked too, paragraphs (by blank lines, or one a line for unwrapped text; headings apart),
 * and in each paragraph its word tokens and units (a word or a hyphenated compound) with what extraction
 * asks of them (capitals, sentence-initial, what joins them to the next).
 */
import { CJK_CHAR, hasLowerCase, hasUpperCase, isUpperChar, lowerWord, tokenize } from '../text';
import type { FormatId } from '../types';
import { buildView } from '../view';
import { isApostropheGap, isBlankChar, isHyphenGap, isSoftGap } from './separators';
import { STOP } from './lexicon';
import { isInitial } from './sentences';

/** Lines that are bylines, credits and links rather than text ("Source: Yangcheng Evening News"). */
const BOILERPLATE_LABEL =
  /^[\s*_>#-]*(?:sources?|editors?|edited by|reporters?|reported by|authors?|written by|by|photos?|photo by|images?|pictures?|translators?|translated by|translation|copyright|tags|keywords|links?|url|via|credits?|contact|e-?mail|tel|phone|published|updated|posted|date|read more|related|share)\s*[:：|]/i;
const LETTER = /\p{L}/u;
const COPYRIGHT = /©|all rights reserved/i;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;
const CJK_CHARS = new RegExp(CJK_CHAR.source, 'gu');

export interface Unit {
  /** Offsets in the document; a unit is one word or a hyphenated compound ("next-generation"). */
  start: number;
  end: number;
  text: string;
  lower: string;
  parts: string[];
  /** Every part starts with a capital ("Guangdong", "Guangdong-Hong", "IPP"). */
  capital: boolean;
  /** No lower-case letter and at least one capital ("IPP"). */
  allCaps: boolean;
  /** No capital letter. */
  lowerCase: boolean;
  /** Capitalisation proves nothing here: sentence start, after a colon, at the start of quoted speech. */
  initial: boolean;
  /** Only white space (at most one line break) separates it from the next unit. */
  joinNext: boolean;
  /** An apostrophe separates it from the next unit ("Fishermen" ' "s"). */
  apostropheNext: boolean;
}

export interface Token {
  start: number;
  end: number;
  /** Lower case, format characters dropped: the unit of the spelling key. */
  key: string;
  initial: boolean;
  /** White space (at most one line break), a single hyphen or an apostrophe separates it from the next token. */
  joinNext: boolean;
  /** What the gap to the next token adds to the key: "'" for an apostrophe, else nothing. */
  gapKey: string;
}

export interface Paragraph {
  start: number;
  end: number;
  heading: boolean;
  units: Unit[];
  tokens: Token[];
}

export interface Document {
  text: string;
  masked: string;
  paragraphs: Paragraph[];
  /** Lower-case words seen written in lower case in the body (so they are ordinary words here). */
  lowerSeen: Set<string>;
  words: number;
}

/** The words as written, with one space for white space (units of a run are joined by space or apostrophe). */
export function surfaceOf(units: readonly Unit[]): string {
  let out = '';
  units.forEach((u, i) => {
    out += u.text;
    if (i < units.length - 1) out += u.apostropheNext ? "'" : ' ';
  });
  return out;
}

export function nameUnit(u: Unit): boolean {
  return u.capital && LETTER.test(u.text);
}

function isBoilerplateLine(line: string): boolean {
  const trimmed = line.replace(/\0/g, '').trim();
  if (trimmed === '') return false;
  if (trimmed.length < 200 && BOILERPLATE_LABEL.test(trimmed)) return true;
  if (COPYRIGHT.test(trimmed)) return true;
  // Social-media footers and untranslated captions in an English document: more CJK than Latin letters.
  const latin = trimmed.match(LATIN_LETTER)?.length ?? 0;
  const cjk = trimmed.match(CJK_CHARS)?.length ?? 0;
  return latin === 0 ? /\p{L}|\d/u.test(trimmed) : cjk >= latin;
}

export function readDocument(text: string, format: FormatId): Document {
  const view = buildView(text, format);
  let masked = view.masked;
  const headingSpans = view.headings.map((h) => [h.start, h.end] as const);

  // Lines: blank, boilerplate (masked out entirely), or text.
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= masked.length; ) {
    let end = masked.indexOf('\n', start);
    if (end < 0) end = masked.length;
    lines.push({ start, end: masked.charCodeAt(end - 1) === 13 ? end - 1 : end });
    start = end + 1;
  }
  let maskedChars: string[] | undefined;
  const blank = lines.map((l) => {
    const content = masked.slice(l.start, l.end);
    if (isBoilerplateLine(content)) {
      maskedChars ??= masked.split('');
      for (let i = l.start; i < l.end; i++) maskedChars[i] = '\0';
      return true;
    }
    return /^[\s\0]*$/.test(content);
  });
  if (maskedChars) masked = maskedChars.join('');

  // Unwrapped text (one paragraph per line, as pasted from a web page) has long lines; hard-wrapped text
  // separates paragraphs with blank lines.
  const lengths = lines.filter((_, i) => !blank[i]).map((l) => l.end - l.start);
  lengths.sort((a, b) => a - b);
  const lineParagraphs = lengths.length > 0 && lengths[lengths.length >> 1]! > 100;

  const blockStarts = new Set(view.blockStarts);
  const spans: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  lines.forEach((l, i) => {
    if (blank[i]) {
      current = undefined;
      return;
    }
    let first = l.start;
    while (first < l.end && isBlankChar(masked.charCodeAt(first))) first++;
    const inHeading = headingSpans.some(([s, e]) => l.start < e && l.end > s);
    if (!current || lineParagraphs || inHeading || blockStarts.has(first) || spans.length === 0) {
      current = { start: l.start, end: l.end };
      spans.push(current);
      if (inHeading) current = undefined;
    } else current.end = l.end;
  });

  const lowerSeen = new Set<string>();
  let words = 0;
  const paragraphs: Paragraph[] = [];
  for (const span of spans) {
    const tokens = readTokens(masked, span.start, span.end);
    if (tokens.length === 0) continue;
    const units = readUnits(text, masked, span.start, tokens);
    const heading =
      headingSpans.some(([s, e]) => span.start < e && span.end > s) || (span.end - span.start < 120 && looksLikeHeading(masked, span, units));
    words += tokens.length;
    if (!heading) for (const u of units) if (u.lowerCase && !u.initial) lowerSeen.add(u.lower);
    paragraphs.push({ start: span.start, end: span.end, heading, units, tokens });
  }
  return { text, masked, paragraphs, lowerSeen, words };
}

function readTokens(masked: string, from: number, to: number): Token[] {
  const raw = tokenize(masked, from, to);
  return raw.map((t, i) => {
    const next = raw[i + 1];
    const apostrophe = next !== undefined && isApostropheGap(masked, t.end, next.start);
    const joinNext = next !== undefined && (apostrophe || isSoftGap(masked, t.end, next.start) || isHyphenGap(masked, t.end, next.start));
    return { start: t.start, end: t.end, key: lowerWord(masked.slice(t.start, t.end)), initial: false, joinNext, gapKey: apostrophe ? "'" : '' };
  });
}

function readUnits(text: string, masked: string, paragraphStart: number, tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j + 1 < tokens.length && isHyphenGap(masked, tokens[j]!.end, tokens[j + 1]!.start)) j++;
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    const parts: string[] = [];
    for (let k = i; k <= j; k++) parts.push(text.slice(tokens[k]!.start, tokens[k]!.end));
    const unitText = text.slice(start, end);
    const initial = isInitial(masked, paragraphStart, start);
    tokens[i]!.initial = initial;
    const next = tokens[j + 1];
    units.push({
      start,
      end,
      text: unitText,
      lower: lowerWord(unitText),
      parts,
      capital: parts.every((p) => isUpperChar(p.charCodeAt(0))),
      allCaps: hasUpperCase(unitText) && !hasLowerCase(unitText),
      lowerCase: !hasUpperCase(unitText),
      initial,
      joinNext: next !== undefined && isSoftGap(masked, end, next.start),
      apostropheNext: next !== undefined && isApostropheGap(masked, end, next.start),
    });
    i = j + 1;
  }
  return units;
}

/** A short line without end punctuation, most of whose words are capitalised: a title, not a sentence. */
function looksLikeHeading(masked: string, span: { start: number; end: number }, units: Unit[]): boolean {
  const line = masked.slice(span.start, span.end).replace(/\0/g, '').trim();
  if (line.includes('\n') || units.length > 14 || /[.!?,;:"”’)]$/.test(line)) return false;
  const content = units.filter((u) => !STOP.has(u.lower));
  if (content.length === 0) return false;
  const capitals = content.filter((u) => isUpperChar(u.text.charCodeAt(0))).length;
  return capitals / content.length >= 0.75;
}
