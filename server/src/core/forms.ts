/**
 * The shape of a written form: its words and what stands between them. Two spellings of one term share a
 * key (lower-case letters with spaces and hyphens removed), which is what the matcher looks up; the gaps
 * tell joined, split and hyphenated variants apart.
 */
import { CharClass, charClassTable, lowerCaseTable, tokenize } from './text';

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

export function classifyGap(sep: string): Gap {
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
  if (literal === '' && hyphens === 0) return { kind: 'space' };
  if (literal === '' && spaces === 0 && hyphens === 1) return { kind: 'hyphen' };
  return { kind: 'hard', literal: literal === '' ? '-' : literal };
}

function lowerWord(w: string): string {
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
  const tokens = tokenize(text);
  const words = tokens.map((t) => text.slice(t.start, t.end));
  const gaps: Gap[] = [];
  let key = '';
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) {
      const gap = classifyGap(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
      gaps.push(gap);
      if (gap.kind === 'hard') key += gap.literal;
    }
    key += lowerWord(words[i]!);
  }
  return { text, words, gaps, key };
}

export function formKey(text: string): string {
  return parseForm(text).key;
}

export function wordCount(text: string): number {
  return tokenize(text).length;
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
