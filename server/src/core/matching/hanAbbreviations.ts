/**
 * The list's abbreviation rule in a Chinese draft: a concept whose Chinese forms declare an abbreviation (a
 * language block's `abbreviation`: 大湾区 for 粤港澳大湾区) is written in full before its short form is used. The
 * first use of the short form that no use of the full name precedes is an `abbreviation` finding, fixed to the
 * full name in the document's script, as an English abbreviation used before its definition is defined at its
 * first use (core/consistency/abbreviations.ts, whose kind and `termId` convention, the short form, this follows).
 * With `abbreviationDefined` the list defines it, and documents may use it alone.
 *
 * A short form is read folded for script and width (a Simplified draft's 大灣區 is 大湾区), never inside a use of its
 * concept (粤港澳大湾区 holds 大湾区), in a heading (a title may use the short name) or in what the format masks.
 * Only concepts that declare a Chinese abbreviation cost anything: the scan reads Han characters only.
 */
import type { CompiledTerms } from '../compile';
import { trimmedEdit } from '../fixes';
import { KINDS } from '../kinds';
import { foldText, scriptFoldTable } from '../languages/chinese/fold';
import type { Finding, LintOptions, Occurrence } from '../types';
import type { DocumentView } from '../view';
import { type ChineseScript, type HanTerms, hanTermsOf, scriptOfTag } from './hanTerms';
import { foldedAt } from './hanWalk';

const HAN = /\p{Script=Han}/u;

/** A Chinese abbreviation a list declares, as a document of one script reads it. */
export interface HanAbbreviation {
  /** The short form as the list writes it (the finding's `termId`). */
  short: string;
  /** Its code points folded for script and width. */
  folded: Int32Array;
  /** The concept's id in the document's script (its uses' `termId`). */
  termId: string;
  /** The full name to write: the concept's approved form in the document's script. */
  full: string;
}

const cache = new WeakMap<HanTerms, Map<ChineseScript, readonly HanAbbreviation[]>>();

/** The Chinese abbreviations documents must introduce (not `abbreviationDefined`), for `script`. */
export function hanAbbreviations(han: HanTerms, script: ChineseScript): readonly HanAbbreviation[] {
  let byScript = cache.get(han);
  if (!byScript) cache.set(han, (byScript = new Map()));
  let out = byScript.get(script);
  if (!out) {
    const list: HanAbbreviation[] = [];
    han.concepts.forEach((_, i) => {
      const { term } = han.entry(i, script);
      const a = term.abbreviation;
      if (!a || a.defined || !HAN.test(a.short)) return;
      list.push({ short: a.short, folded: Int32Array.from([...foldText(a.short)].map((c) => c.codePointAt(0)!)), termId: term.id, full: term.term });
    });
    byScript.set(script, (out = list));
  }
  return out;
}

function inHeading(view: DocumentView, at: number): boolean {
  for (const h of view.headings) {
    if (h.start > at) return false;
    if (at < h.end) return true;
  }
  return false;
}

/** Where `a`'s short form is written at `i` (folded), its end; -1 when it is not. */
function shortAt(masked: string, i: number, a: HanAbbreviation): number {
  let j = i;
  for (let k = 0; k < a.folded.length; k++) {
    if (j >= masked.length || foldedAt(masked, j) !== a.folded[k]) return -1;
    const c = masked.charCodeAt(j);
    j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return j;
}

const firstMasks = new WeakMap<readonly HanAbbreviation[], Uint8Array>();

/**
 * Which UTF-16 units may start one of `wanted`'s short forms: those whose fold is a first character, and every
 * high surrogate (astral characters are folded where met). Made once per list, so the pass reads one byte a unit.
 */
function firstMask(wanted: readonly HanAbbreviation[]): Uint8Array {
  let mask = firstMasks.get(wanted);
  if (!mask) {
    mask = new Uint8Array(0x10000);
    const firsts = new Set(wanted.map((a) => a.folded[0]!));
    const table = scriptFoldTable();
    for (let c = 0x2e80; c < 0x10000; c++) if (firsts.has(table[c] || c)) mask[c] = 1;
    mask.fill(1, 0xd800, 0xdc00);
    firstMasks.set(wanted, mask);
  }
  return mask;
}

/** The finding on a short form written at [start, end) before any use of its full name (`later`, if any). */
function abbreviationFinding(view: DocumentView, a: HanAbbreviation, start: number, end: number, later: Occurrence | undefined): Finding {
  const found = view.text.slice(start, end);
  const fullText = later ? view.text.slice(later.start, later.end) : undefined;
  const why = fullText ? `used before its full name "${fullText}"` : `used without its full name "${a.full}" before it`;
  const f: Finding = {
    kind: 'abbreviation',
    start,
    end,
    found,
    termId: a.short,
    expected: a.full,
    replacements: [{ text: a.full, edits: trimmedEdit(start, found, a.full) }],
    message: `"${found}" should be "${a.full}" (${KINDS.abbreviation.label}: ${why})`,
  };
  if (later) f.related = [{ start: later.start, end: later.end, message: `The full name "${fullText}"` }];
  return f;
}

/** The `abbreviation` findings of a Chinese document, given its term uses (`occurrences`, in offset order). */
export function hanAbbreviationFindings(view: DocumentView, compiled: CompiledTerms, occurrences: readonly Occurrence[], options: LintOptions): Finding[] {
  if (options.abbreviations === false || (options.kinds && !options.kinds.includes('abbreviation'))) return [];
  const wanted = hanAbbreviations(hanTermsOf(compiled), scriptOfTag(options.lang));
  if (wanted.length === 0) return [];
  // The first use of each concept (occurrences are in offset order): its full name, in any form.
  const ids = new Set(wanted.map((a) => a.termId));
  const firstUse = new Map<string, Occurrence>();
  for (const o of occurrences) if (ids.has(o.termId) && !firstUse.has(o.termId)) firstUse.set(o.termId, o);
  const masked = view.masked;
  const findings: Finding[] = [];
  // One pass for all of them, by the folded first character of their short forms. A short form is looked for only
  // before its concept's first use (one after it is right), so the pass ends at the last of those limits.
  const limits = new Map<HanAbbreviation, number>();
  const byFirst = new Map<number, HanAbbreviation[]>();
  let until = 0;
  for (const a of wanted) {
    const limit = firstUse.get(a.termId)?.start ?? masked.length;
    limits.set(a, limit);
    until = Math.max(until, limit);
    const first = a.folded[0]!;
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push(a);
  }
  const done = new Set<HanAbbreviation>();
  const mask = firstMask(wanted);
  for (let i = 0; i < until && done.size < wanted.length; i++) {
    if (mask[masked.charCodeAt(i)] === 0) continue;
    const candidates = byFirst.get(foldedAt(masked, i));
    if (!candidates) continue;
    for (const a of candidates) {
      const limit = limits.get(a)!;
      if (done.has(a) || i >= limit) continue;
      const end = shortAt(masked, i, a);
      if (end < 0 || end > limit || inHeading(view, i)) continue;
      done.add(a);
      findings.push(abbreviationFinding(view, a, i, end, firstUse.get(a.termId)));
    }
  }
  return findings.sort((x, y) => x.start - y.start);
}
