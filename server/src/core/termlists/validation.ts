/**
 * The checks every term-list reader applies, whatever the file format: what a form may be (letters, length,
 * words, no CJK), how many forms an entry may have, and which forms collide. A reader positions its values
 * (`Span`) and names them (`path`); the messages are the same for every format, so a TBX or CSV list gets
 * the problems a JSON list gets.
 */
import { formKey, wordCount } from '../forms';
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

/** Records a problem at `span` (the start of the file when undefined), named by `path` (e.g. `terms[3].term`). */
export type Report = (span: Span | undefined, path: string, message: string, severity?: ProblemSeverity) => void;

export type FormKind = 'approved' | 'admitted' | 'forbidden';

/** One form of one entry, as the collision check sees it. */
export interface FormRef {
  /** Index of its entry in the file: forms of one entry come together. */
  termIndex: number;
  text: string;
  kind: FormKind;
  span: Span;
  path: string;
}


/** Checks one form on its own; reports what is wrong with it and returns whether it can be matched. */
/** An entry's `abbreviation`: one word of at most 20 characters, with a letter ("IPP", "SMEs", "R&D"). */
export function isAbbreviation(text: string): boolean {
  return text.length <= 20 && /^\S+$/u.test(text) && /\p{L}/u.test(text);
}

export function checkForm(text: string, span: Span, path: string, report: Report): boolean {
  if (text.trim() === '') {
    report(span, path, 'Empty term');
    return false;
  }
  if (text.length > TERM_LIMITS.maxFormLength) {
    report(span, path, `Term is ${text.length} characters long; the limit is ${TERM_LIMITS.maxFormLength}`);
    return false;
  }
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
    if (exact.has(f.text)) {
      report(f.span, f.path, `"${f.text}" is listed twice in this entry`);
      continue;
    }
    exact.add(f.text);
    const key = formKey(f.text);
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, f);
      continue;
    }
    if (prev.termIndex === f.termIndex) continue;
    const forbiddenVsAcceptable = (prev.kind === 'forbidden') !== (f.kind === 'forbidden');
    if (forbiddenVsAcceptable) {
      const [bad, good] = f.kind === 'forbidden' ? [f, prev] : [prev, f];
      report(f.span, f.path, `Contradiction: "${bad.text}" (${bad.path}) is forbidden, but "${good.text}" is an ${good.kind} form at ${good.path}`);
    } else {
      report(f.span, f.path, `Duplicate: "${f.text}" is the same term as "${prev.text}" at ${prev.path}`);
    }
  }
}
