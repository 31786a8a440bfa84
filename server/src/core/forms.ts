/**
 * The shape of a written form: its words and what stands between them. Two spellings of one term share a
 * key (lower-case letters with spaces and hyphens removed), which is what the matcher looks up; the gaps
 * tell joined, split and hyphenated variants apart.
 */
import { CharClass, charClassTable, lowerCaseTable, tokenOffsets } from './text';

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

function lowerWord(w: string): string {
  // ASCII words (nearly all) lower-case natively: no format characters, and no case mapping changes length.
  let ascii = true;
  for (let i = 0; i < w.length && ascii; i++) ascii = w.charCodeAt(i) < 0x80;
  if (ascii) return w.toLowerCase();
  const lower = lowerCaseTable();
  const cls = charClassTable();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (cls[c] === CharClass.Format) continue;
    out += String.fromCharCode(lower[c]!);
  }
  return out;
}

export function parseForm(text: string): FormShape {
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

export function formKey(text: string): string {
  return parseForm(text).key;
}

export function wordCount(text: string): number {
  return tokenOffsets(text).length;
}

/** Writes a form's words with its canonical gaps. */
export function renderForm(shape: FormShape): string {
  let out = shape.words[0] ?? '';
  for (let i = 1; i < shape.words.length; i++) {
    const g = shape.gaps[i - 1]!;
    out += (g.kind === 'space' ? ' ' : g.kind === 'hyphen' ? '-' : g.literal) + shape.words[i];
  }
  return out;
}
