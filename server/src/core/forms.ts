/**
 * The shape of a written form: its words and what stands between them. Two spellings of one term share a
 * key (lower-case letters with spaces and hyphens removed), which is what the matcher looks up; the gaps
 * tell joined, split and hyphenated variants apart.
 */
import { CharClass, charClassTable, lowerCaseTable, lowerWord, tokenOffsets } from './text';

/** What separates two words of a form. Hard separators (apostrophes, dots, ampersands) are part of the key. */
export type Gap = { kind: 'space' } | { kind: 'hyphen' } | { kind: 'hard'; literal: string };

export interface FormShape {
  text: string;
  /** Word texts as written. */
  words: string[];
  /** gaps[i] stands between words[i] and words[i + 1]. */
  gaps: Gap[];
  /** Lower-case key: words and hard literals concatenated. */
  key: string;
}

/** Typographic apostrophes read as the plain one, so "People’s" and "People's" match alike. */
export function normalizeHardChar(c: number): number {
  return c === 0x2019 || c === 0x2018 || c === 0x02bc ? 0x27 : c;
}

/** The two common gaps are shared: a term list has one per word boundary. Gaps are values, never mutated. */
const SPACE_GAP: Gap = Object.freeze({ kind: 'space' });
const HYPHEN_GAP: Gap = Object.freeze({ kind: 'hyphen' });

export function classifyGap(sep: string): Gap {
  if (sep === ' ') return SPACE_GAP;
  if (sep === '-') return HYPHEN_GAP;
  const cls = charClassTable();
  let spaces = 0;
  let hyphens = 0;
  let literal = '';
  for (let i = 0; i < sep.length; i++) {
    const c = sep.charCodeAt(i);
    const k = cls[c];
    if (k === CharClass.Space || k === CharClass.LineBreak) spaces++;
    else if (k === CharClass.Hyphen) hyphens++;
    else literal += String.fromCharCode(normalizeHardChar(c));
  }
  if (literal === '' && hyphens === 0) return SPACE_GAP;
  if (literal === '' && spaces === 0 && hyphens === 1) return HYPHEN_GAP;
  return { kind: 'hard', literal: literal === '' ? '-' : literal };
}

/** ASCII words joined by single spaces or hyphens: most forms, whose key is the text lower-cased without them. */
const SIMPLE_FORM = /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/;
const SIMPLE_GAPS = /[ -]/g;

/**
 * For a form of ASCII words joined by single spaces or hyphens, the first and last characters of its key
 * (`first * 65536 + last`) without building the key; -1 for any other form. Merging lists checks these
 * against the keys it holds before it makes a key at all.
 */
export function simpleKeyEnds(text: string): number {
  if (!SIMPLE_FORM.test(text)) return -1;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(text.length - 1);
  return (a >= 65 && a <= 90 ? a + 32 : a) * 65536 + (b >= 65 && b <= 90 ? b + 32 : b);
}

export function parseForm(text: string): FormShape {
  if (!SIMPLE_FORM.test(text)) return parseFormByTokens(text);
  // ASCII words joined by single spaces or hyphens (nearly every form): split natively, no token arrays.
  const words = text.split(SIMPLE_GAPS);
  const gaps: Gap[] = new Array(words.length - 1);
  let at = -1;
  for (let i = 0; i < gaps.length; i++) {
    at += words[i]!.length + 1;
    gaps[i] = text.charCodeAt(at) === 0x20 ? SPACE_GAP : HYPHEN_GAP;
  }
  return { text, words, gaps, key: text.replace(SIMPLE_GAPS, '').toLowerCase() };
}

/** parseForm for any text, word token by word token (exported for tests: the reference for the shortcut). */
export function parseFormByTokens(text: string): FormShape {
  const { starts, ends, length } = tokenOffsets(text);
  const words: string[] = new Array(length);
  const gaps: Gap[] = [];
  // Joined once, the key is a flat string: it is hashed into maps right away.
  const keyParts: string[] = [];
  for (let i = 0; i < length; i++) {
    const word = text.slice(starts[i]!, ends[i]!);
    words[i] = word;
    if (i > 0) {
      const gap = classifyGap(text.slice(ends[i - 1]!, starts[i]!));
      gaps.push(gap);
      if (gap.kind === 'hard') keyParts.push(gap.literal);
    }
    keyParts.push(lowerWord(word));
  }
  return { text, words, gaps, key: keyParts.length === 1 ? keyParts[0]! : keyParts.join('') };
}

/**
 * `parseForm(text).key`, building nothing but the key: term files check every form's key (checkCollisions).
 * Simple forms take native string functions, others one pass; text with surrogates takes parseForm itself.
 */
export function formKey(text: string): string {
  if (SIMPLE_FORM.test(text)) return text.replace(SIMPLE_GAPS, '').toLowerCase();
  const cls = charClassTable();
  const lower = lowerCaseTable();
  const n = text.length;
  let key = '';
  let words = 0;
  // The gap since the last word, counted as classifyGap counts it.
  let spaces = 0;
  let hyphens = 0;
  let literal = '';
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return parseFormByTokens(text).key;
    if (cls[c] !== CharClass.Word) {
      if (words > 0) {
        const k = cls[c];
        if (k === CharClass.Space || k === CharClass.LineBreak) spaces++;
        else if (k === CharClass.Hyphen) hyphens++;
        else literal += String.fromCharCode(normalizeHardChar(c));
      }
      i++;
      continue;
    }
    if (words > 0 && !(literal === '' && (hyphens === 0 || (spaces === 0 && hyphens === 1)))) key += literal === '' ? '-' : literal;
    spaces = 0;
    hyphens = 0;
    literal = '';
    words++;
    // A word (tokenOffsets): word characters, and format characters followed by one (left out of the key).
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d >= 0xd800 && d <= 0xdfff) return parseFormByTokens(text).key;
      const k = cls[d];
      if (k === CharClass.Word) key += String.fromCharCode(lower[d]!);
      else if (!(k === CharClass.Format && i + 1 < n && cls[text.charCodeAt(i + 1)] === CharClass.Word)) break;
    }
  }
  return key;
}

/** `tokenOffsets(text).length`, counted without building the offsets (text with surrogates takes tokenOffsets). */
export function wordCount(text: string): number {
  if (SIMPLE_FORM.test(text)) {
    let gaps = 0;
    for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) gaps++;
    for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) gaps++;
    return gaps + 1;
  }
  const cls = charClassTable();
  const n = text.length;
  let count = 0;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return tokenOffsets(text).length;
    const k = cls[c];
    if (k === CharClass.Word) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && k === CharClass.Format && i + 1 < n && cls[text.charCodeAt(i + 1)] === CharClass.Word)) inWord = false;
  }
  return count;
}

/** A form's letters (with case, format characters dropped) and, at each letter index, the gap before it. */
export interface FormSide {
  letters: string;
  gapAt: (Gap | undefined)[];
}

/** The form's side of an alignment (matching/align.ts): every use of the form aligns against the same letters. */
export function formSide(shape: FormShape): FormSide {
  const cls = charClassTable();
  let letters = '';
  const gapAt: (Gap | undefined)[] = [];
  shape.words.forEach((w, k) => {
    if (k > 0) gapAt[letters.length] = shape.gaps[k - 1]!;
    for (let p = 0; p < w.length; p++) if (cls[w.charCodeAt(p)] !== CharClass.Format) letters += w[p];
  });
  return { letters, gapAt };
}
