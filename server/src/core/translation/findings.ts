/**
 * The translation check of one link (source blocks ↔ the target blocks that translate them): every concept
 * the source blocks use must be rendered in the target blocks with one of its acceptable forms in the target
 * language (approved or admitted; a variant of one, "high quality development", is the linter's finding, not
 * this one's). A concept missing there is a `translation` finding, placed on the most likely wrong rendering:
 *
 *   1. a forbidden form or a near miss of the concept the linter found ("Macau" for 澳门);
 *   2. a run of words close to an acceptable form (`nearMiss.ts`: "productive forces of a new quality");
 *   3. a form of another concept that the source blocks do not use ("high-quality development" where the
 *      source says 新质生产力), the one nearest the source term's relative position;
 *
 * each with a quick fix to the expected form, in the author's case; else on the first line of the target
 * block, without a fix. Counts are not compared: a concept once in the target and twice in the source is fine.
 * With `reverse`, a concept the target blocks use that the source blocks lack is an `unsourced` finding.
 */
import type { CompiledTerms } from '../compile';
import { acceptableIn, formsIn } from '../concepts';
import { wordwiseEdits } from '../fixes';
import { KINDS } from '../kinds';
import type { Language } from '../languages';
import { caseContext } from '../matching/casing';
import { oneLine } from '../matching/findings';
import { hasUpperCase, type TokenOffsets } from '../text';
import type { Counterpart, Excepted, Finding, Occurrence, Replacement, Term, VariantKind } from '../types';
import type { DocumentView } from '../view';
import { conceptOf } from './concepts';
import { findNearMiss } from './nearMiss';

/** A span of a document. */
export interface Range {
  start: number;
  end: number;
}

/** One link to check: what each side uses, and where its blocks are. */
export interface LinkUses {
  /** The source blocks' term uses, in order. */
  source: readonly Occurrence[];
  /** The target blocks' term uses, in order. */
  target: readonly Occurrence[];
  /** The target blocks' spellings let stand by an exception ("University of Macau" renders 澳门大学's 澳门). */
  targetExcepted: readonly Excepted[];
  /** The source blocks, first to last (the finding's counterpart). */
  sourceSpan: Range;
  /** The target blocks, in order (a finding without a likely wrong rendering marks the first one's first line). */
  targetBlocks: readonly Range[];
  /** Token range [from, to) of the target blocks' words, for near misses. */
  tokenFrom: number;
  tokenTo: number;
}

/** What every link of a pair shares: the lists, both sides' languages and texts, the target's view and findings. */
export interface PairContext {
  compiled: CompiledTerms;
  sourceLang: string;
  targetLang: string;
  sourceText: string;
  target: DocumentView;
  /** The target's language rules (case of fixes, sentence starts). */
  language: Language;
  /** The target's word tokens (of its view). */
  tokens: TokenOffsets;
  /** The target's own findings (their fixes are reused for a wrong form the linter already flags). */
  targetFindings: readonly Finding[];
  /** The acceptable target form the target document itself prefers, per concept (else the approved one). */
  preferred: (concept: Term) => string;
  kinds: ReadonlySet<VariantKind>;
  reverse: boolean;
}

interface SourceConcept {
  concept: Term;
  use: Occurrence;
  /** Position of its first use in the source blocks, 0..1 (to pick the nearest other term). */
  at: number;
}

/** Unique concepts of some uses, in order of first use, with that use. */
function conceptsOf(compiled: CompiledTerms, uses: readonly Occurrence[]): Map<Term, Occurrence> {
  const out = new Map<Term, Occurrence>();
  for (const u of uses) {
    const c = conceptOf(compiled, u.termId);
    if (c && !out.has(c)) out.set(c, u);
  }
  return out;
}

/** The first line of a block's prose: where a finding with nothing to replace is shown. */
function firstLine(view: DocumentView, block: Range): Range {
  let start = block.start;
  const { masked, text } = view;
  while (start < block.end && (masked.charCodeAt(start) === 0 || /\s/.test(text[start]!))) start++;
  let end = text.indexOf('\n', start);
  if (end < 0 || end > block.end) end = block.end;
  // Markup closing the line (an HTML end tag) is not part of it.
  while (end > start && (masked.charCodeAt(end - 1) === 0 || /\s/.test(text[end - 1]!))) end--;
  return end > start ? { start, end } : { start: block.start, end: Math.max(block.start, Math.min(block.end, block.start + 1)) };
}

/** The edits writing `form` over [start, end) of the target, in the author's case there. */
function replacementFor(ctx: PairContext, concept: Term, start: number, end: number, form: string): Replacement[] {
  const found = ctx.target.text.slice(start, end);
  const c = caseContext(ctx.target, start, ctx.language);
  // The case rule of the form's own reading in the target language (a term list may set it), else its capitals.
  const read = ctx.compiled.terms.get(form);
  const caseSensitive = read && formsIn(concept, ctx.targetLang)?.approved === form ? read.caseSensitive : hasUpperCase(form);
  const text = ctx.language.adaptCase(form, found, caseSensitive, c.sentenceStart, c.heading);
  if (text === found) return [];
  return [{ text, edits: wordwiseEdits(start, found, text) }];
}

function counterpart(ctx: PairContext, link: LinkUses, use: Occurrence | undefined): Counterpart {
  const out: Counterpart = { start: link.sourceSpan.start, end: link.sourceSpan.end };
  if (use) {
    out.term = ctx.sourceText.slice(use.start, use.end);
    out.termStart = use.start;
    out.termEnd = use.end;
  }
  return out;
}

/** The findings of one link, in target order. */
export function linkFindings(ctx: PairContext, link: LinkUses): Finding[] {
  const { compiled, targetLang } = ctx;
  const findings: Finding[] = [];
  const sourceConcepts = conceptsOf(compiled, link.source);
  // Present in the target: a use of an acceptable form or of a variant of one, or a spelling an exception covers.
  const present = new Set<Term>();
  for (const u of link.target) {
    if (u.form < 0) continue;
    const c = conceptOf(compiled, u.termId);
    if (c) present.add(c);
  }
  for (const e of link.targetExcepted) {
    const c = conceptOf(compiled, e.termId);
    if (c) present.add(c);
  }
  const spanOfSource = Math.max(1, link.sourceSpan.end - link.sourceSpan.start);
  const missing: SourceConcept[] = [];
  for (const [concept, use] of sourceConcepts) {
    if (present.has(concept) || acceptableIn(concept, targetLang).length === 0) continue;
    missing.push({ concept, use, at: (use.start - link.sourceSpan.start) / spanOfSource });
  }
  const targetStart = link.targetBlocks[0]?.start ?? 0;
  const targetEnd = link.targetBlocks[link.targetBlocks.length - 1]?.end ?? targetStart;
  const targetSpan = Math.max(1, targetEnd - targetStart);
  // Uses of the target that stand for a concept of the source are never replaced; the others may be wrong renderings.
  const consumed = new Set<Occurrence>();
  const taken = (start: number, end: number) => link.target.some((u) => u.start < end && start < u.end) || link.targetExcepted.some((e) => e.start < end && start < e.end);

  if (ctx.kinds.has('translation')) {
    for (const m of missing) {
      const expected = ctx.preferred(m.concept);
      const approved = formsIn(m.concept, targetLang)!.approved;
      const sourceForm = ctx.sourceText.slice(m.use.start, m.use.end);
      const where = counterpart(ctx, link, m.use);
      const push = (start: number, end: number, replacements: Replacement[]) => {
        const found = ctx.target.text.slice(start, end);
        const message =
          replacements.length > 0
            ? `"${oneLine(found)}" should be "${oneLine(replacements[0]!.text)}" (${KINDS.translation.label} of "${oneLine(sourceForm)}")`
            : `"${oneLine(sourceForm)}" of the source is not rendered here: expected "${expected}" (${KINDS.translation.label})`;
        findings.push({ kind: 'translation', start, end, found, termId: approved, expected: replacements[0]?.text ?? expected, replacements, message, counterpart: where });
      };
      // 1. The concept written in a forbidden form or misspelled: the linter's own fix, when it has one.
      const wrong = link.target.find((u) => u.form < 0 && !consumed.has(u) && conceptOf(compiled, u.termId) === m.concept);
      if (wrong) {
        consumed.add(wrong);
        const own = ctx.targetFindings.find((f) => f.start === wrong.start && f.end === wrong.end && f.replacements.length > 0);
        push(wrong.start, wrong.end, own ? own.replacements : replacementFor(ctx, m.concept, wrong.start, wrong.end, expected));
        continue;
      }
      // 2. A near miss of one of its acceptable forms.
      let near: { start: number; end: number; hits: number; extra: number } | undefined;
      for (const form of acceptableIn(m.concept, targetLang)) {
        const n = findNearMiss(ctx.target.masked, ctx.tokens, link.tokenFrom, link.tokenTo, form, taken);
        if (n && (!near || n.hits > near.hits || (n.hits === near.hits && n.extra < near.extra))) near = n;
      }
      if (near) {
        const r = replacementFor(ctx, m.concept, near.start, near.end, expected);
        if (r.length > 0) {
          push(near.start, near.end, r);
          continue;
        }
      }
      // 3. Another concept's form that the source blocks do not account for, nearest the source term's position.
      let other: Occurrence | undefined;
      let distance = Infinity;
      for (const u of link.target) {
        if (consumed.has(u)) continue;
        const c = conceptOf(compiled, u.termId);
        if (!c || c === m.concept || sourceConcepts.has(c) || !formsIn(c, ctx.sourceLang)) continue;
        const d = Math.abs((u.start - targetStart) / targetSpan - m.at);
        if (d < distance) {
          distance = d;
          other = u;
        }
      }
      if (other) {
        consumed.add(other);
        push(other.start, other.end, replacementFor(ctx, m.concept, other.start, other.end, expected));
        continue;
      }
      const line = firstLine(ctx.target, link.targetBlocks[0]!);
      push(line.start, line.end, []);
    }
  }

  if (ctx.reverse && ctx.kinds.has('unsourced')) {
    const reported = new Set<Term>();
    for (const u of link.target) {
      if (u.form < 0 || consumed.has(u)) continue;
      const c = conceptOf(compiled, u.termId);
      if (!c || reported.has(c) || sourceConcepts.has(c)) continue;
      const sourceForms = formsIn(c, ctx.sourceLang);
      if (!sourceForms) continue;
      reported.add(c);
      const found = ctx.target.text.slice(u.start, u.end);
      findings.push({
        kind: 'unsourced',
        start: u.start,
        end: u.end,
        found,
        termId: formsIn(c, targetLang)?.approved ?? u.termId,
        expected: found,
        replacements: [],
        message: `"${oneLine(found)}" is used here, but its source block has no "${sourceForms.approved}" (${KINDS.unsourced.label})`,
        counterpart: counterpart(ctx, link, undefined),
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
