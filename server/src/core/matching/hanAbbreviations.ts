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
import { foldText } from '../languages/chinese/fold';
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

/** The `abbreviation` findings of a Chinese document, given its term uses (`occurrences`, in offset order). */
export function hanAbbreviationFindings(view: DocumentView, compiled: CompiledTerms, occurrences: readonly Occurrence[], options: LintOptions): Finding[] {
  if (options.abbreviations === false || (options.kinds && !options.kinds.includes('abbreviation'))) return [];
  const wanted = hanAbbreviations(hanTermsOf(compiled), scriptOfTag(options.lang));
  if (wanted.length === 0) return [];
  const uses = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    if (!wanted.some((a) => a.termId === o.termId)) continue;
    let list = uses.get(o.termId);
    if (!list) uses.set(o.termId, (list = []));
    list.push(o);
  }
  const masked = view.masked;
  const findings: Finding[] = [];
  for (const a of wanted) {
    const own = uses.get(a.termId) ?? [];
    const first = a.folded[0]!;
    // The first use of the short form outside a use of the full name.
    let hit = -1;
    let hitEnd = -1;
    for (let i = 0; i < masked.length; i++) {
      const c = masked.charCodeAt(i);
      if (c < 0x2e80) continue; // no Han character below the CJK radicals
      if (foldedAt(masked, i) !== first) continue;
      const end = shortAt(masked, i, a);
      if (end < 0 || own.some((o) => o.start <= i && end <= o.end) || inHeading(view, i)) continue;
      hit = i;
      hitEnd = end;
      break;
    }
    if (hit < 0) continue;
    const full = own.find((o) => o.start < hit);
    if (full) continue;
    const found = view.text.slice(hit, hitEnd);
    const later = own.find((o) => o.start >= hitEnd);
    const why = later ? `used before its full name "${view.text.slice(later.start, later.end)}"` : `used without its full name "${a.full}" before it`;
    const f: Finding = {
      kind: 'abbreviation',
      start: hit,
      end: hitEnd,
      found,
      termId: a.short,
      expected: a.full,
      replacements: [{ text: a.full, edits: trimmedEdit(hit, found, a.full) }],
      message: `"${found}" should be "${a.full}" (${KINDS.abbreviation.label}: ${why})`,
    };
    if (later) f.related = [{ start: later.start, end: later.end, message: `The full name "${view.text.slice(later.start, later.end)}"` }];
    findings.push(f);
  }
  return findings.sort((x, y) => x.start - y.start);
}
