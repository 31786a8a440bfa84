/**
 * fast-check generators for the property tests: hostile documents (every script, space, line break and
 * Markdown construct the engine must survive), random but valid term lists, and variants of their terms
 * planted where the engine must find them.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type CompiledTerms, compileTerms } from '../../server/src/core/compile';
import { isEnglishWord } from '../../server/src/core/languages/englishWords';
import { formKey } from '../../server/src/core/forms';
import { isChinaPlace, isPinyinGivenName } from '../../server/src/core/names/chinaNames';
import { parseTermFile } from '../../server/src/core/termlists/json';
import type { TermList } from '../../server/src/core/types';

/** How many cases each property runs: a few hundred by default, `FUZZ_RUNS` in `npm run test:fuzz`. */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : defaultRuns;
}

/** Settings for `fc.assert`; `FUZZ_SEED` replays a failing run. */
export function fcParams(defaultRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED);
  return { numRuns: runs(defaultRuns), ...(Number.isFinite(seed) && process.env.FUZZ_SEED ? { seed } : {}) };
}

/* ---------------------------------------------------------------------------------------------- */
/* Term lists                                                                                      */

const SYLLABLES = ['gu', 'ang', 'dong', 'zhen', 'shen', 'xi', 'qua', 'mor', 'tel', 'vin', 'kao', 'nan', 'sha', 'lu', 'bei', 'zho', 'ruk', 'pex'];

/** A made-up word that is not English (so joined/split/misspelled forms of it are always findings). */
const coinedWord = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 })
  .map((s) => s.join(''))
  .filter((w) => !isEnglishWord(w));

const wordWithCase = fc.tuple(coinedWord, fc.constantFrom('lower', 'Capital', 'UPPER', 'cAmel')).map(([w, c]) => {
  if (c === 'Capital') return w[0]!.toUpperCase() + w.slice(1);
  if (c === 'UPPER') return w.toUpperCase();
  if (c === 'cAmel') return w.slice(0, 2) + w[2]!.toUpperCase() + w.slice(3);
  return w;
});

const gap = fc.constantFrom(' ', ' ', ' ', '-', '-', "'", '.', ' & ', '’');

/** A form: 1–4 words joined by spaces, hyphens or hard separators. */
export const formText = fc
  .tuple(fc.array(wordWithCase, { minLength: 1, maxLength: 4 }), fc.array(gap, { minLength: 3, maxLength: 3 }))
  .map(([words, gaps]) => words.map((w, i) => (i === 0 ? w : gaps[i - 1]! + w)).join(''));

export interface TermSpec {
  term: string;
  admitted?: string[];
  forbidden?: string[];
  caseSensitive?: boolean;
}

const termSpec: fc.Arbitrary<TermSpec> = fc
  .record({
    term: formText,
    admitted: fc.array(formText, { maxLength: 2 }),
    forbidden: fc.array(formText, { maxLength: 2 }),
    caseSensitive: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((t) => {
    const spec: TermSpec = { term: t.term };
    if (t.admitted.length) spec.admitted = t.admitted;
    if (t.forbidden.length) spec.forbidden = t.forbidden;
    if (t.caseSensitive !== undefined) spec.caseSensitive = t.caseSensitive;
    return spec;
  });

/** Drops forms that would collide (same key) with an earlier one, so every generated list is valid. */
export function dedupeSpecs(specs: readonly TermSpec[]): TermSpec[] {
  const seen = new Set<string>();
  const out: TermSpec[] = [];
  for (const s of specs) {
    const key = formKey(s.term);
    if (seen.has(key)) continue;
    const local = new Set([key]);
    const keep = (forms: string[] | undefined) => (forms ?? []).filter((f) => {
      const k = formKey(f);
      if (seen.has(k) || local.has(k)) return false;
      local.add(k);
      return true;
    });
    const spec: TermSpec = { ...s, admitted: keep(s.admitted), forbidden: keep(s.forbidden) };
    if (spec.admitted!.length === 0) delete spec.admitted;
    if (spec.forbidden!.length === 0) delete spec.forbidden;
    for (const k of local) seen.add(k);
    out.push(spec);
  }
  return out;
}

export const termSpecs = fc.array(termSpec, { minLength: 1, maxLength: 6 }).map(dedupeSpecs);

/** The specs through the real parser (which must accept them) and compiler. */
export function compileSpecs(specs: readonly TermSpec[]): { list: TermList; compiled: CompiledTerms } {
  const result = parseTermFile(JSON.stringify({ terms: specs }, null, 2), 'generated.terms.json');
  assert.deepEqual(result.problems, [], 'a generated term list must parse cleanly');
  return { list: result.list!, compiled: compileTerms([result.list!]) };
}

/* ---------------------------------------------------------------------------------------------- */
/* Documents                                                                                       */

/** Text pieces that have broken text engines before: every one of them must be survivable anywhere. */
const HOSTILE = [
  // astral plane, emoji sequences, lone surrogates
  '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '𝐀𝐁', '𠀀', '\ud83d', '\ude00',
  // combining marks, joiners, format characters
  'e\u0301', '\u0301', '\u0308\u0301', '\u200d', '\u200c', '\u200b', '\u2060', '\u00ad', '\u202e',
  // CJK, full-width, kana, hangul
  '广东', '深圳', '新质生产力', 'の', '한국', 'Ｇｕａｎｇｄｏｎｇ', '，', '。', '！', '「', '」', '\u3000',
  // Unicode spaces
  ' ', ' ', '\u00a0', '\u2003', '\u2009', '\u202f', '\t', '\v', '\f',
  // line breaks and BOM
  '\n', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\n\n', '\ufeff',
  // punctuation that sits next to words
  '.', ',', '!', '?', ';', ':', "'", '’', '"', '“', '”', '-', '‐', '‑', '–', '—', '&', '/', '(', ')', '…',
  // Markdown
  '# ', '## ', '###### ', '- ', '* ', '+ ', '1. ', '> ', '>> ', '**', '*', '_', '__', '~~', '`', '``', '```\n', '~~~\n',
  '    ', '[', ']', '](https://x.example/Macau)', '<https://a.example/b>', '<!-- ', ' -->', '<b>', '</b>', '<div>\n',
  '|', ' | ', '|---|---|\n', '---\n', '===\n', '\\', '&amp;', '&#x4e2d;', '[^1]', '[x]: https://x.example\n', '- [ ] ',
  '![alt](i.png)', '$', '{', '}',
  // directives
  '<!-- termlint-disable -->', '<!-- termlint-enable -->', '<!-- termlint-disable-next-line -->', ' termlint-disable-line',
  // ordinary words
  'the', 'and', 'policy', 'Policy', 'draft', 'macro', 'new', 'quality', 'forces',
];

export const hostilePiece = fc.constantFrom(...HOSTILE);

/** Ways to write a form wrongly (or rightly): joined, split, hyphenated, recased, misspelled, broken by markup. */
const VARIANTS: ((form: string, at: number) => string)[] = [
  (f) => f,
  (f) => f.replace(/[\s-]+/g, ''),
  (f) => f.replace(/ /g, '-'),
  (f) => f.replace(/-/g, ' '),
  (f) => f.toLowerCase(),
  (f) => f.toUpperCase(),
  (f) => f.replace(/ /g, '\n'),
  (f) => f.replace(/ /g, '\r\n  '),
  (f, i) => f.slice(0, i) + ' ' + f.slice(i),
  (f, i) => f.slice(0, i) + f.slice(i + 1),
  (f, i) => (i + 1 < f.length ? f.slice(0, i) + f[i + 1]! + f[i]! + f.slice(i + 2) : f),
  (f, i) => f.slice(0, i) + '**' + f.slice(i),
  (f, i) => f.slice(0, i) + '\u200d' + f.slice(i),
];

/** `form` written the `kind`-th way, changed at `at` (both taken modulo what fits). */
export function variantOf(form: string, kind: number, at: number): string {
  return VARIANTS[kind % VARIANTS.length]!(form, form.length === 0 ? 0 : at % form.length);
}

/** All forms of the specs (approved, admitted, forbidden). */
export function formsOf(specs: readonly TermSpec[]): string[] {
  return specs.flatMap((s) => [s.term, ...(s.admitted ?? []), ...(s.forbidden ?? [])]);
}

/**
 * A document as pieces: hostile text, or a variant of the n-th form of whatever term list it is paired with
 * (indices, not strings, so fast-check shrinks the list and the document independently).
 */
export type Piece = { text: string } | { form: number; kind: number; at: number; pad: number };

/** What surrounds a planted form: mostly word boundaries, sometimes nothing (the form glued to its neighbours). */
const PADS = [' ', ' ', ' ', '', '\n', '. ', ', ', '\u00a0', '**', '\r\n'];

export const pieces: fc.Arbitrary<Piece[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: hostilePiece.map((text) => ({ text })) },
    { weight: 3, arbitrary: fc.record({ form: fc.nat(), kind: fc.nat(), at: fc.nat(), pad: fc.nat() }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map((text) => ({ text })) },
  ),
  { maxLength: 40 },
);

export function renderDocument(specs: readonly TermSpec[], doc: readonly Piece[]): string {
  const forms = formsOf(specs);
  return doc
    .map((p) => {
      if ('text' in p) return p.text;
      if (forms.length === 0) return '';
      const pad = PADS[p.pad % PADS.length]!;
      return pad + variantOf(forms[p.form % forms.length]!, p.kind, p.at) + pad;
    })
    .join('');
}

export const language = fc.constantFrom<'markdown' | 'plaintext'>('markdown', 'plaintext');

/** A term list and a document to lint against it. */
export const listAndDocument = fc
  .tuple(termSpecs, pieces, language)
  .map(([specs, doc, lang]) => ({ specs, text: renderDocument(specs, doc), language: lang }));

/* ---------------------------------------------------------------------------------------------- */
/* Planted variants                                                                                */

/** Hostile pieces that cannot change the Markdown structure after them (no fences, HTML, directives). */
export const INERT: readonly string[] = HOSTILE.filter((p) => !/[#*_`~>[\]<|=\\&$!{}+\-\d]|termlint|^ {4}|\t/.test(p));
export const inertPiece = fc.constantFrom(...INERT);

export type PlantKind = 'forbidden' | 'joined' | 'split' | 'hyphen' | 'case' | 'misspelling';

export interface Plant {
  /** Index into the term's forms: 0 approved, 1.. admitted, then forbidden. */
  term: number;
  form: number;
  kind: PlantKind;
  at: number;
}

export const plantSpec: fc.Arbitrary<Plant> = fc.record({
  term: fc.nat(),
  form: fc.nat(),
  kind: fc.constantFrom<PlantKind>('forbidden', 'joined', 'split', 'hyphen', 'case', 'misspelling'),
  at: fc.nat(),
});

/** Character positions strictly inside a word of `form` (between two letters). */
function innerPositions(form: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < form.length; i++) if (/\p{L}/u.test(form[i - 1]!) && /\p{L}/u.test(form[i]!)) out.push(i);
  return out;
}

/** Offsets of single-character space or hyphen gaps between words of `form`. */
function softGaps(form: string): number[] {
  const out: number[] = [];
  for (let i = 1; i + 1 < form.length; i++) {
    if ((form[i] === ' ' || form[i] === '-') && /\p{L}/u.test(form[i - 1]!) && /\p{L}/u.test(form[i + 1]!)) out.push(i);
  }
  return out;
}

/**
 * The text of a planted variant that the engine must report, or undefined when this plan cannot produce
 * one (no gap to join, an English word, a term that ignores case…). `vocabulary` holds every lower-cased
 * word of every form: a "misspelling" that lands on another term's word is that word, not a misspelling.
 */
export function plantText(specs: readonly TermSpec[], plan: Plant, vocabulary: { has(word: string): boolean }, caseSensitive: (term: number) => boolean): { text: string; term: number; kind: PlantKind } | undefined {
  if (specs.length === 0) return undefined;
  const term = plan.term % specs.length;
  const spec = specs[term]!;
  const acceptable = [spec.term, ...(spec.admitted ?? [])];
  const forbidden = spec.forbidden ?? [];
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[plan.at % xs.length] : undefined);
  const english = (s: string) => s.split(/[^\p{L}]+/u).filter(Boolean).every((w) => isEnglishWord(w));
  switch (plan.kind) {
    case 'forbidden': {
      const f = forbidden.length ? forbidden[plan.form % forbidden.length]! : undefined;
      return f === undefined ? undefined : { text: f, term, kind: plan.kind };
    }
    case 'joined': {
      const f = acceptable[plan.form % acceptable.length]!;
      const gaps = new Set(softGaps(f));
      if (gaps.size === 0) return undefined;
      const joined = [...f].filter((_, i) => !gaps.has(i)).join('');
      if (english(joined)) return undefined;
      return { text: joined, term, kind: plan.kind };
    }
    case 'split': {
      const f = acceptable[plan.form % acceptable.length]!;
      const at = pick(innerPositions(f));
      if (at === undefined) return undefined;
      const text = f.slice(0, at) + ' ' + f.slice(at);
      const left = f.slice(0, at).split(/[^\p{L}]+/u).pop()!;
      const right = f.slice(at).split(/[^\p{L}]+/u)[0]!;
      if (isEnglishWord(left) && isEnglishWord(right)) return undefined;
      return { text, term, kind: plan.kind };
    }
    case 'hyphen': {
      const f = acceptable[plan.form % acceptable.length]!;
      const at = pick(softGaps(f));
      if (at === undefined) return undefined;
      return { text: f.slice(0, at) + (f[at] === ' ' ? '-' : ' ') + f.slice(at + 1), term, kind: plan.kind };
    }
    case 'case': {
      const all = [...acceptable, ...forbidden];
      const index = plan.form % all.length;
      if (index < acceptable.length && !caseSensitive(term)) return undefined;
      const f = all[index]!;
      const at = pick([...f].map((c, i) => (/[a-zA-Z]/.test(c) ? i : -1)).filter((i) => i >= 0));
      if (at === undefined) return undefined;
      const c = f[at]!;
      return { text: f.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + f.slice(at + 1), term, kind: plan.kind };
    }
    case 'misspelling': {
      const f = acceptable[plan.form % acceptable.length]!;
      const words = [...f.matchAll(/\p{L}+/gu)];
      const single = words.length === 1;
      const candidates = words.filter((m) => m[0].length >= (single ? 5 : 4));
      const word = pick(candidates);
      if (!word) return undefined;
      const w = word[0];
      const i = (plan.at >> 3) % w.length;
      const replacement = w[i]!.toLowerCase() === 'q' ? 'z' : 'q';
      const mis = w.slice(0, i) + (w[i] === w[i]!.toUpperCase() ? replacement.toUpperCase() : replacement) + w.slice(i + 1);
      if (vocabulary.has(mis.toLowerCase()) || isEnglishWord(mis)) return undefined;
      // A place of China ("Qidong" for "Xidong") or another pinyin person ("Wang Zhiqing") is a name of its own.
      if (isChinaPlace(mis.toLowerCase())) return undefined;
      if (words.length === 2 && isPinyinGivenName(words[0]![0].toLowerCase(), words[1]![0].toLowerCase())) return undefined;
      const text = f.slice(0, word.index) + mis + f.slice(word.index + w.length);
      // A forbidden form (of any term) inside the name is reported as that, and rightly so.
      const key = formKey(text);
      if (specs.some((s) => (s.forbidden ?? []).some((x) => key.includes(formKey(x))))) return undefined;
      return { text, term, kind: plan.kind };
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Glued documents (issue 15): pieces joined with nothing, a space or ". "                         */

/**
 * Characters that sit right against words when pieces are glued: emoji and their joiners, combining marks,
 * NBSP, full-width and mathematical letters (word characters the tokenizer reads as letters), every line break.
 */
const GLUE_PIECES = [
  '😀', '👍🏽', '👨‍👩‍👧', '\u200d', '\u200c', '\u00ad', 'e\u0301', '\u0301', '\u0308', '\u00a0', '\u202f',
  'Ｇｕａｎｇ', 'ｄｏｎｇ', 'Ａ', '𝐀𝐁', '𝒢', '𝟙', '\r\n', '\n', '\r', '\u2028', '-', '–', "'", '’', '.', ',', 'x', 'S', 's', 'an', 'the',
];

export interface GluedPiece {
  text?: string;
  form?: number;
  kind?: number;
  at?: number;
}

export const gluedPieces: fc.Arbitrary<GluedPiece[]> = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...GLUE_PIECES).map((text) => ({ text })) },
    { weight: 3, arbitrary: fc.record({ form: fc.nat(), kind: fc.nat(), at: fc.nat() }) },
  ),
  { maxLength: 24 },
);

export const glue = fc.constantFrom('', ' ', '. ');

/** The pieces, variants of `forms` among them, joined by `joiner`. */
export function renderGlued(forms: readonly string[], doc: readonly GluedPiece[], joiner: string): string {
  return doc
    .map((p) => (p.text !== undefined ? p.text : forms.length === 0 ? '' : variantOf(forms[p.form! % forms.length]!, p.kind!, p.at!)))
    .join(joiner);
}
