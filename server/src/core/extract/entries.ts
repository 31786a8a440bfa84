/**
 * From candidates to entries: every place a candidate's key is written (whatever its case, spaces or
 * hyphens), the majority form approved, the others forbidden, and a note with the evidence.
 */
import { compileTerms } from '../compile';
import { lintText } from '../lint';
import { makeTerm } from '../termlists/builder';
import { hasLowerCase, hasUpperCase, lowerWord } from '../text';
import type { TermList } from '../types';
import type { Document, Paragraph } from './reading';
import type { ExtractedTerm, FormCount, FormKind, ProposedTerm, TermCategory } from './types';

/** A term a stage proposes (names, abbreviations, compounds, phrases, clusters), by spelling key. */
export interface Candidate {
  /** `formKey` of the surface: lower case, spaces and hyphens removed. */
  key: string;
  category: TermCategory;
  /** The form as discovered (names keep their capitals; others are lower case). */
  surface: string;
  caseSensitive: boolean;
  abbreviation?: string;
  expansion?: string;
}

interface Occurrence {
  start: number;
  end: number;
  /** As written, white space collapsed to one space. */
  surface: string;
  paragraph: Paragraph;
  /** Mid-sentence body text, where capitals are evidence. */
  plain: boolean;
}

/** Every place a key is written, whatever the case, spaces or hyphens: one pass over the tokens. */
export function findOccurrences(doc: Document, keys: ReadonlySet<string>): Map<string, Occurrence[]> {
  const prefixes = new Set<string>();
  for (const k of keys) for (let i = 1; i <= k.length; i++) prefixes.add(k.slice(0, i));
  const out = new Map<string, Occurrence[]>();
  for (const p of doc.paragraphs) {
    const ts = p.tokens;
    for (let i = 0; i < ts.length; i++) {
      let key = '';
      for (let j = i; j < ts.length; j++) {
        if (j > i) {
          if (!ts[j - 1]!.joinNext) break;
          key += ts[j - 1]!.gapKey;
        }
        key += ts[j]!.key;
        if (!prefixes.has(key)) break;
        if (!keys.has(key)) continue;
        const start = ts[i]!.start;
        const end = ts[j]!.end;
        let list = out.get(key);
        if (!list) out.set(key, (list = []));
        list.push({ start, end, surface: doc.text.slice(start, end).replace(/\s+/g, ' '), paragraph: p, plain: !p.heading && !ts[i]!.initial });
      }
    }
  }
  return out;
}

/**
 * How a form seen differs from the approved one: the kind the linter reports for it (matching/align.ts), so a
 * proposal's note and a later lint of the same text name it alike ("epermit" for "e-permit" is a hyphen
 * variant in both). Case is the author's business here, so the term is compiled case-insensitive; a form the
 * linter leaves alone differs only in case.
 */
function formKind(approved: string, other: string): FormKind {
  if (approved === other) return 'approved';
  const list: TermList = { file: '', terms: [] };
  list.terms.push(makeTerm(list, approved, [], [], false, {}, undefined, undefined, { file: '', offset: 0, line: 0, column: 0 }));
  const { findings } = lintText(other, compileTerms([list]), { format: 'plaintext', fuzzy: false, consistency: false });
  const kind = findings[0]?.kind;
  return kind === 'joined' || kind === 'split' || kind === 'hyphen' ? kind : 'case';
}

/** The key counted most often (`countOf` its value); of equals the first (a Map keeps the order keys were first seen). */
export function mostCommon<V>(counts: ReadonlyMap<string, V>, countOf: (value: V) => number): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, v] of counts) {
    const c = countOf(v);
    if (c > n) {
      best = k;
      n = c;
    }
  }
  return best;
}

const itself = (n: number): number => n;

export const CATEGORY_LABEL: Record<TermCategory, string> = {
  'proper-name': 'Proper name',
  abbreviation: 'Abbreviation',
  compound: 'Hyphenated compound',
  phrase: 'Key phrase',
  cluster: 'Spelling cluster',
};

/**
 * "once", "twice", "5 times": counts in notes are words, not "5×". The note lands in a JSON file, where VS Code
 * flags "×" (U+00D7) as an ambiguous character that may be taken for the letter x.
 */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export function buildEntry(c: Candidate, occurrences: Occurrence[], totalParagraphs: number): ExtractedTerm | undefined {
  if (occurrences.length === 0) return undefined;
  // Forms differ in spaces and hyphens; case is a property of a form's occurrences.
  const forms = new Map<string, { count: number; first: number; surfaces: Map<string, number>; plainSurfaces: Map<string, number> }>();
  for (const o of occurrences) {
    const form = lowerWord(o.surface);
    let f = forms.get(form);
    if (!f) forms.set(form, (f = { count: 0, first: o.start, surfaces: new Map(), plainSurfaces: new Map() }));
    f.count++;
    f.surfaces.set(o.surface, (f.surfaces.get(o.surface) ?? 0) + 1);
    if (o.plain) f.plainSurfaces.set(o.surface, (f.plainSurfaces.get(o.surface) ?? 0) + 1);
  }
  const ranked = [...forms.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const [approvedForm, approved] = ranked[0]!;
  const writeAs = (form: string, f: (typeof ranked)[number][1]): string =>
    c.caseSensitive ? (mostCommon(f.plainSurfaces, itself) ?? (lowerWord(c.surface) === form ? c.surface : mostCommon(f.surfaces, itself)!)) : form;
  const term = writeAs(approvedForm, approved);

  const variants: FormCount[] = [];
  const forbidden: string[] = [];
  const caseVariants: FormCount[] = [];
  const approvedCount = c.caseSensitive ? (approved.surfaces.get(term) ?? 0) : approved.count;
  variants.push({ form: term, count: approvedCount, kind: 'approved' });
  if (c.caseSensitive) {
    for (const [surface, n] of approved.surfaces) {
      if (surface === term) continue;
      // Capitals at a sentence start or in a heading are the author's right; mid-sentence they are a variant.
      const plainCount = approved.plainSurfaces.get(surface) ?? 0;
      const v: FormCount = { form: surface, count: n, kind: 'case' };
      caseVariants.push(v);
      if (plainCount > 0 && hasLowerCase(surface)) forbidden.push(surface);
    }
  } else {
    for (const [surface, n] of approved.surfaces) if (lowerWord(surface) !== surface) caseVariants.push({ form: surface, count: n, kind: 'case' });
  }
  for (const [form, f] of ranked.slice(1)) {
    const written = writeAs(form, f);
    variants.push({ form: written, count: f.count, kind: formKind(term, written) });
    if (!forbidden.includes(written)) forbidden.push(written);
  }
  variants.push(...caseVariants);

  const count = occurrences.length;
  const spread = new Set(occurrences.map((o) => o.paragraph)).size;
  const notes = [`${CATEGORY_LABEL[c.category]}, ${times(count)} in ${spread} of ${totalParagraphs} paragraphs`];
  if (c.expansion) notes.push(`abbreviation of "${c.expansion}", defined in the text`);
  if (c.abbreviation) notes.push(`abbreviated "${c.abbreviation}" in the text`);
  if (ranked.length > 1) {
    const seen = variants.filter((v) => v.kind !== 'case').map((v) => `"${v.form}" ${times(v.count)}${v.kind === 'approved' ? '' : ` (${v.kind})`}`);
    notes.push(`forms seen: ${seen.join(', ')}; the majority form is approved`);
  }
  const caseNoted = caseVariants.filter((v) => forbidden.includes(v.form));
  if (caseNoted.length > 0) notes.push(`mid-sentence capitalisation seen: ${caseNoted.map((v) => `"${v.form}" ${times(v.count)}`).join(', ')}`);

  const entry: ProposedTerm = { term, admitted: [], forbidden, note: `${notes.join('; ')}.` };
  if (c.caseSensitive !== hasUpperCase(term)) entry.caseSensitive = c.caseSensitive;
  const result: ExtractedTerm = {
    entry,
    category: c.category,
    count,
    spread,
    variants,
    first: Math.min(...occurrences.map((o) => o.start)),
    score: count * spread,
  };
  if (c.abbreviation) result.abbreviation = c.abbreviation;
  if (c.expansion) result.expansion = c.expansion;
  return result;
}
