/**
 * The checks every term-list reader applies, whatever the file format: what a form may be (letters, length,
 * words, no CJK), how many forms an entry may have, and which forms collide. A reader positions its values
 * (`Span`) and names them (`path`); the messages are the same for every format, so a TBX or CSV list gets
 * the problems a JSON list gets.
 */
import { formKey, wordCount } from '../forms';
import { isCjkLanguage } from '../languages/tags';
import { CJK_CHAR } from '../text';
import type { ProblemSeverity } from '../types';

/** Limits that keep hostile term files from exhausting memory; documented in the README. */
export const TERM_LIMITS = {
  maxFormLength: 500,
  maxWordsPerForm: 64,
  maxFormsPerTerm: 200,
  /** A term file nests 4 levels deep (file, terms, entry, translations); the JSON parser recurses per level. */
  maxNesting: 32,
} as const;

/** Where a value is in the term file's text (UTF-16 offsets); a jsonc-parser node is one. */
export interface Span {
  offset: number;
  length: number;
}

/** What else a problem may carry: the other place it is about, or the text its span should read instead. */
export interface ProblemExtra {
  /** The colliding form of a duplicate or contradiction (an editor may show the problem at whichever was edited). */
  related?: { span: Span; path: string };
  /** The span's replacement when it is clear what was meant (a misspelt key). */
  replacement?: string;
}

/** Records a problem at `span` (the start of the file when undefined), named by `path` (e.g. `terms[3].term`). */
export type Report = (span: Span | undefined, path: string, message: string, severity?: ProblemSeverity, extra?: ProblemExtra) => void;

export type FormKind = 'approved' | 'admitted' | 'forbidden';

/** One form of one entry, as the collision check sees it. */
export interface FormRef {
  /** Index of its entry in the file: forms of one entry come together. */
  termIndex: number;
  text: string;
  kind: FormKind;
  span: Span;
  path: string;
  /** Its language (normalized tag); absent: `en`. Forms of different languages never collide. */
  lang?: string;
}

/**
 * What tells two forms of one language apart: for words, the matcher's key (case, spaces and hyphens
 * ignored); for Han, kana and hangul, which no matcher reads yet, the text without its white space.
 */
export function collisionKey(text: string, lang: string | undefined): string {
  return lang !== undefined && isCjkLanguage(lang) ? text.replace(/\s+/g, '') : formKey(text);
}


/** An entry's `abbreviation`: one word of at most 20 characters, with a letter ("IPP", "SMEs", "R&D"). */
export function isAbbreviation(text: string): boolean {
  return text.length <= 20 && /^\S+$/u.test(text) && /\p{L}/u.test(text);
}

/**
 * Checks one form on its own; reports what is wrong with it and returns whether it can be matched. `lang` is
 * the form's language (absent: English): forms of Chinese, Japanese and Korean are held for other languages'
 * matchers and shown, so only their length is checked.
 */
export function checkForm(text: string, span: Span, path: string, report: Report, lang?: string): boolean {
  if (text.trim() === '') {
    report(span, path, 'Empty term');
    return false;
  }
  if (text.length > TERM_LIMITS.maxFormLength) {
    report(span, path, `Term is ${text.length} characters long; the limit is ${TERM_LIMITS.maxFormLength}`);
    return false;
  }
  if (lang !== undefined && isCjkLanguage(lang)) return true;
  if (CJK_CHAR.test(text)) {
    // The matcher reads Latin-script words; CJK characters would silently drop out of the form.
    report(span, path, `"${text.slice(0, 40)}" contains CJK characters, which Termlint does not match; put them under "translations"`);
    return false;
  }
  const words = wordCount(text);
  if (words === 0) {
    report(span, path, `"${text.slice(0, 40)}" has no letters or digits, so it can never match`);
    return false;
  }
  if (words > TERM_LIMITS.maxWordsPerForm) {
    report(span, path, `"${text.slice(0, 40)}…" has ${words} words; the limit is ${TERM_LIMITS.maxWordsPerForm}`);
    return false;
  }
  return true;
}

/** Checks that an entry (at `span`) with `count` forms, the approved one included, is within the limit. */
export function checkFormCount(count: number, span: Span, path: string, report: Report): boolean {
  if (count <= TERM_LIMITS.maxFormsPerTerm) return true;
  report(span, path, `Too many forms (${count}); the limit is ${TERM_LIMITS.maxFormsPerTerm}`);
  return false;
}

/**
 * Two forms that read the same once case, spaces and hyphens are ignored cannot be told apart by the
 * matcher. Inside one entry that is how a spelling is pinned (forbidden "high quality development" next to
 * approved "high-quality development"); across entries it is a duplicate or a contradiction. Forms must come
 * grouped by entry, in the file's order.
 */
export function checkCollisions(forms: readonly FormRef[], report: Report): void {
  const seen = new Map<string, FormRef>();
  // Forms come grouped by entry: a form listed twice is a repeat within the current group.
  let group = -1;
  const exact = new Set<string>();
  for (const f of forms) {
    if (f.termIndex !== group) {
      group = f.termIndex;
      exact.clear();
    }
    // Nearly every form is English: its key is the plain key, other languages' are prefixed with their tag.
    const lang = f.lang === undefined || f.lang === 'en' ? undefined : f.lang;
    const text = lang === undefined ? f.text : `${lang}\u0000${f.text}`;
    if (exact.has(text)) {
      report(f.span, f.path, `"${f.text}" is listed twice in this entry`);
      continue;
    }
    exact.add(text);
    const key = lang === undefined ? formKey(f.text) : `${lang}\u0000${collisionKey(f.text, lang)}`;
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, f);
      continue;
    }
    if (prev.termIndex === f.termIndex) continue;
    // Reported at the later form, naming both: an editor may move it to the one just typed (both read the same).
    const related = { related: { span: prev.span, path: prev.path } };
    const forbiddenVsAcceptable = (prev.kind === 'forbidden') !== (f.kind === 'forbidden');
    if (forbiddenVsAcceptable) {
      const [bad, good] = f.kind === 'forbidden' ? [f, prev] : [prev, f];
      report(f.span, f.path, `Contradiction: "${bad.text}" (${bad.path}) is forbidden, but "${good.text}" is an ${good.kind} form at ${good.path}`, 'error', related);
    } else {
      report(f.span, f.path, `Duplicate: "${f.text}" (${f.path}) is the same term as "${prev.text}" at ${prev.path}`, 'error', related);
    }
  }
}

/**
 * Checks an exception phrase: like a form, it must have letters (or Han characters: a phrase written in Chinese
 * covers Han uses, core/matching/hanExceptions.ts); it may be as long as a form.
 */
export function checkPhrase(text: string, span: Span, path: string, report: Report): boolean {
  if (text.trim() === '') {
    report(span, path, 'Empty phrase');
    return false;
  }
  if (text.length > TERM_LIMITS.maxFormLength) {
    report(span, path, `Phrase is ${text.length} characters long; the limit is ${TERM_LIMITS.maxFormLength}`);
    return false;
  }
  if (wordCount(text) === 0 && !HAN_CHAR.test(text)) {
    report(span, path, `"${text.slice(0, 40)}" has no letters, digits or Han characters, so it can never match`);
    return false;
  }
  return true;
}

const HAN_CHAR = /\p{Script=Han}/u;
