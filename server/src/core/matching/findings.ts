/**
 * Consistency and findings: settles which acceptable form of each term the document prefers (the form it
 * uses most, variants counting for the form they vary; ties go to the approved form), then turns matches into
 * findings whose replacements fix towards that form, in the author's case, as minimal edits.
 */
import type { CompiledTerm, CompiledTerms } from '../compile';
import type { FormShape } from '../forms';
import { wordwiseEdits } from '../fixes';
import { KINDS } from '../kinds';
import { type Language, languageFor } from '../languages';
import type { Excepted, Finding, LintOptions, LintResult, Occurrence, Replacement, VariantKind } from '../types';
import type { DocumentView } from '../view';
import { caseContext } from './casing';
import { buildHanFinding } from './hanFindings';
import { type HanTerms, hanTermsOf, scriptOfTag } from './hanTerms';
import type { Match } from './match';

/** Settles the dominant form of each term over the whole document and turns matches into findings. */
export function buildFindings(view: DocumentView, compiled: CompiledTerms, matches: readonly Match[], options: LintOptions, lang: Language = languageFor(options.lang)): LintResult {
  const consistency = options.consistency !== false;
  const han: HanTerms | undefined = lang.scripts.includes('han') ? hanTermsOf(compiled) : undefined;
  const script = scriptOfTag(options.lang);
  // Terms are counted by index, Chinese concepts (Han uses) below zero: the two are numbered apart.
  const keyOf = (m: Match): number => (m.han ? -1 - m.term : m.term);
  // Which acceptable form each term is written in, counting variants as uses of the form they vary. Most terms are
  // written in their approved form only: those uses are counted in a table kept with the term list, and only the
  // other forms' counts are kept per term (a keystroke settles the whole document; a map and an array per term,
  // thousands of them, were most of what it allocated here).
  const approved = approvedCounts(compiled);
  const others = new Map<number, number[]>();
  // A spelling inside an exception ("Hongkong Post") is no use of the form it spells.
  const approvedUse = (m: Match) => m.form === 0 && !m.han && !m.exception;
  // Every term read below is a match's: those are the counts to zero.
  for (const m of matches) if (!m.han) approved.clear(m.term);
  for (const m of matches) {
    if (m.form < 0 || m.exception) continue;
    if (approvedUse(m)) {
      approved.add(m.term);
      continue;
    }
    const key = keyOf(m);
    let c = others.get(key);
    if (!c) others.set(key, (c = []));
    c[m.form] = (c[m.form] ?? 0) + 1;
  }
  const count = (key: number, form: number): number => (form === 0 && key >= 0 ? approved.get(key) : (others.get(key)?.[form] ?? 0));
  const dominants = new Map<number, number>();
  const dominant = (key: number): number => {
    const c = consistency && others.size > 0 ? others.get(key) : undefined;
    if (!c) return 0;
    let best = dominants.get(key);
    if (best !== undefined) return best;
    best = 0;
    let most = count(key, 0);
    for (let f = 1; f < c.length; f++) {
      if ((c[f] ?? 0) > most) {
        best = f;
        most = c[f]!;
      }
    }
    dominants.set(key, best);
    return best;
  };

  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const findings: Finding[] = [];
  let excepted: Excepted[] | undefined;
  // A Han use is one of a Chinese concept in the document's script; a word use, one of a compiled term. The entry
  // is looked up only where it is read: most matches have their occurrence and finding from the last lint.
  const hanEntryOf = (m: Match) => (m.han && han ? han.entry(m.term, script) : undefined);
  const termIdOf = (m: Match) => (hanEntryOf(m) ?? compiled.entry(m.term)).term.id;
  for (const m of matches) {
    if (m.exception) {
      const e = m.exception;
      (excepted ??= []).push({ termId: termIdOf(m), start: m.start, end: m.end, phrase: e.phrase, phraseStart: e.start, phraseEnd: e.end });
      continue;
    }
    const key = keyOf(m);
    const targetForm = dominant(key);
    let kind: VariantKind;
    if (m.kind === 'ok') {
      if (!consistency || m.form === targetForm) continue;
      kind = 'inconsistent';
    } else kind = m.kind;
    if (kinds && !kinds.has(kind)) continue;
    const uses = kind === 'inconsistent' ? count(key, targetForm) : -1;
    const memo = m.memo;
    if (memo && memo.form === targetForm && memo.count === uses) {
      if (memo.finding) findings.push(memo.finding);
      continue;
    }
    // Only here are the term's forms parsed: a term the document writes correctly never needs them.
    const hanEntry = hanEntryOf(m);
    const entry = hanEntry ? undefined : compiled.entry(m.term);
    const finding = hanEntry
      ? buildHanFinding(view, hanEntry, m, kind, targetForm, uses)
      : buildFinding(view, entry!, m, kind, entry!.acceptable[targetForm]!, targetForm, uses, lang);
    m.memo = { form: targetForm, count: uses, finding };
    if (finding) findings.push(finding);
  }
  // The uses are made when first read: a keystroke's lint reads none (the editor asks for them for a translation
  // pair or a report). A match's use is made once and kept on it, until an edit moves the match.
  let made: Occurrence[] | undefined;
  // The matches' offsets [start, end, …] as this result has them, once an edit is about to move the matches.
  let held: Int32Array | undefined;
  const useOf = (m: Match, start: number, end: number): Occurrence => ({ termId: termIdOf(m), start, end, form: m.kind === 'misspelling' ? -1 : m.form, kind: m.kind === 'ok' ? undefined : m.kind });
  const uses: LazyUses = {
    make(): Occurrence[] {
      if (made) return made;
      made = [];
      for (let i = 0; i < matches.length; i++) {
        const m = matches[i]!;
        if (m.exception) continue;
        // A held result's matches may have moved since: its uses are made from its own offsets, and not kept on the
        // matches (which are the next result's).
        made.push(held ? useOf(m, held[2 * i]!, held[2 * i + 1]!) : (m.occurrence ??= useOf(m, m.start, m.end)));
      }
      held = undefined;
      return made;
    },
    hold(): void {
      if (made || held) return;
      held = new Int32Array(2 * matches.length);
      for (let i = 0; i < matches.length; i++) {
        held[2 * i] = matches[i]!.start;
        held[2 * i + 1] = matches[i]!.end;
      }
    },
  };
  return withUses(findings, uses, excepted, han ? script : undefined);
}

/** A result's uses, made when first read, from its matches or (once `hold` is called) from their offsets as they were. */
interface LazyUses {
  make(): Occurrence[];
  hold(): void;
}

/** The uses of results made by buildFindings, while they are still to be made: what `withFindings` carries over. */
const lazyUses = new WeakMap<LintResult, LazyUses>();

/**
 * A result whose `occurrences` are made when first read: an enumerable property like any other to whoever reads it,
 * spreads or serializes the result (in the order the fields always had). Its matches may be moved by an edit after
 * it is made (DocumentLinter moves a match in place): `holdUses` first.
 */
function withUses(findings: Finding[], uses: LazyUses, excepted: Excepted[] | undefined, lang: string | undefined): LintResult {
  const result = { findings } as LintResult;
  Object.defineProperty(result, 'occurrences', {
    enumerable: true,
    configurable: true,
    get: () => uses.make(),
    set(this: LintResult, value: Occurrence[]) {
      lazyUses.delete(this);
      Object.defineProperty(this, 'occurrences', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  if (excepted) result.excepted = excepted;
  if (lang !== undefined) result.lang = lang;
  lazyUses.set(result, uses);
  return result;
}

/**
 * Keeps the offsets of `result`'s uses as they are now, when its uses are still to be made: called before an edit
 * moves the matches it was made from (every result whose uses read a match is held before the match moves).
 */
export function holdUses(result: LintResult): void {
  lazyUses.get(result)?.hold();
}

/** `result` with other findings, and its uses as they are (still to be made when first read, if they were). */
export function withFindings(result: LintResult, findings: Finding[]): LintResult {
  const uses = lazyUses.get(result);
  return uses ? withUses(findings, uses, result.excepted, result.lang) : { ...result, findings };
}

/**
 * Counts of uses per term index, kept with a term list: each count starts by zeroing the counts of the terms it
 * will count (a pass over the matches), so nothing is cleared per term and nothing allocated per lint.
 */
class ApprovedCounts {
  private readonly counts: Int32Array;

  constructor(terms: number) {
    this.counts = new Int32Array(terms);
  }

  /** Zeroes the count of `term`: every term `add` or `get` will be given, before the first `add`. */
  clear(term: number): void {
    this.counts[term] = 0;
  }

  add(term: number): void {
    this.counts[term]!++;
  }

  /** The count of a term cleared for this count (any other reads what an earlier count left). */
  get(term: number): number {
    return this.counts[term]!;
  }
}

const approvedTables = new WeakMap<CompiledTerms, ApprovedCounts>();

/** The term list's table of approved-form counts (one count runs at a time: the engine is synchronous). */
function approvedCounts(compiled: CompiledTerms): ApprovedCounts {
  let t = approvedTables.get(compiled);
  if (!t) approvedTables.set(compiled, (t = new ApprovedCounts(compiled.termCount)));
  return t;
}

/** The finding for one match written as `kind`, fixed towards form `targetForm` (`count` uses of it). */
function buildFinding(view: DocumentView, entry: CompiledTerm, m: Match, kind: VariantKind, target: FormShape, targetForm: number, count: number, lang: Language): Finding | undefined {
  const found = view.text.slice(m.start, m.end);
  const ctx = caseContext(view, m.start, lang);
  const replacements: Replacement[] = [];
  const addReplacement = (edits: Replacement['edits']) => {
    if (edits.length === 0) return;
    const text = applyInside(view.text, m.start, m.end, edits);
    if (text !== found && !replacements.some((r) => r.text === text)) replacements.push({ text, edits });
  };
  // A forbidden form the list writes in capitals ("HK") has its own capitals: the fix is not written in capitals.
  const toForm = (shape: FormShape) => wordwiseEdits(m.start, found, lang.adaptCase(shape.text, m.capsForm ? shape.text : found, entry.term.caseSensitive, ctx.sentenceStart, ctx.heading));
  if (m.form === targetForm && m.edits.length > 0) addReplacement(m.edits);
  else addReplacement(toForm(target));
  // The author may prefer to keep the form they wrote, corrected.
  if (m.form >= 0 && m.form !== targetForm && m.edits.length > 0) addReplacement(m.edits);
  if (targetForm !== 0) addReplacement(toForm(entry.acceptable[0]!));
  if (replacements.length === 0) return undefined;

  const expected = replacements[0]!.text;
  const message =
    kind === 'inconsistent'
      ? `"${oneLine(found)}" should be "${oneLine(expected)}" (inconsistent: this document uses "${target.text}" ${count} times)`
      : `"${oneLine(found)}" should be "${oneLine(expected)}" (${KINDS[kind].label})`;
  return { kind, start: m.start, end: m.end, found, termId: entry.term.id, expected, replacements, message };
}

/**
 * A term broken over lines, quoted in a message: one space where the break (and its indentation) was, so a
 * message is one line in the Problems panel, JSON and SARIF alike. `found` itself stays the document's text.
 */
export function oneLine(s: string): string {
  return /[\r\n\t\u2028\u2029]/.test(s) ? s.replace(/\s*[\r\n\u2028\u2029]+\s*|\t+/g, ' ') : s;
}

/** The span [start, end) of `text` with sorted, non-overlapping `edits` inside it applied. */
function applyInside(text: string, start: number, end: number, edits: readonly { start: number; end: number; text: string }[]): string {
  let out = '';
  let pos = start;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos, end);
}
