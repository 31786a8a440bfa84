/**
 * The translation check of an XLIFF file: each unit is a link of its own (the file already says which target
 * translates which source, so nothing is aligned), checked as a pair of documents is (findings.ts). The
 * sources and the targets are each linted as one plain-text document of units, one block per unit, so every
 * finding the linter has for a unit's text (a forbidden form in a target, say) is reported too, and all of them
 * are placed back in the XLIFF file.
 */
import type { CompiledTerms } from '../../compile';
import { lintText } from '../../lint';
import { lowerBound } from '../../search';
import type { Edit, Finding, LintResult, Replacement } from '../../types';
import { buildView } from '../../view';
import { type PairOptions, pairContext } from '../check';
import { linkFindings } from '../findings';
import { type SegmentText, type XliffDocument } from './read';

export { readXliff, type XliffDocument, type XliffResult, type XliffUnit } from './read';

export interface XliffCheck {
  /** Every finding, in file offsets and file order: the pair's and the linter's own in sources and targets. */
  findings: Finding[];
  units: number;
  /** Units with a target. */
  translated: number;
}

/** Where each unit's text starts in a document of units joined by blank lines. */
interface Joined {
  text: string;
  bases: number[];
  segments: (SegmentText | undefined)[];
}

function join(segments: (SegmentText | undefined)[]): Joined {
  const bases: number[] = [];
  let text = '';
  segments.forEach((s, k) => {
    if (k > 0) text += '\n\n';
    bases.push(text.length);
    // A unit's text never runs into the next one: its own blank lines stay inside it, its separators are the document's.
    text += s ? s.text : '';
  });
  return { text, bases, segments };
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Maps offsets of a joined document back to the file. */
class Mapper {
  constructor(private readonly doc: Joined) {}

  private unitAt(offset: number): number {
    const k = lowerBound(this.doc.bases, offset + 1) - 1;
    return Math.max(0, k);
  }

  /** The file span of [start, end) of the joined text; `strict`: undefined when it would take markup with it. */
  span(start: number, end: number, strict: boolean): { start: number; end: number } | undefined {
    const k = this.unitAt(start);
    const seg = this.doc.segments[k];
    if (!seg) return undefined;
    const base = this.doc.bases[k]!;
    const n = seg.text.length;
    const i0 = start - base;
    const i1 = end - base;
    if (i0 < 0 || i1 > n) return undefined;
    if (i0 === i1) {
      const at = i0 < n ? seg.starts[i0]! : n > 0 ? seg.ends[n - 1]! : seg.contentStart;
      return { start: at, end: at };
    }
    if (strict) {
      for (let i = i0; i < i1; i++) if (seg.markup[i] || (i + 1 < i1 && seg.ends[i] !== seg.starts[i + 1])) return undefined;
    }
    return { start: seg.starts[i0]!, end: seg.ends[i1 - 1]! };
  }

  /** A finding of the joined text, placed in the file (with only the fixes that edit text alone). */
  finding(f: Finding, counterparts?: Mapper): Finding | undefined {
    const at = this.span(f.start, f.end, false);
    if (!at) return undefined;
    const replacements: Replacement[] = [];
    for (const r of f.replacements) {
      const edits: Edit[] = [];
      let ok = true;
      for (const e of r.edits) {
        const s = this.span(e.start, e.end, true);
        if (!s) {
          ok = false;
          break;
        }
        edits.push({ start: s.start, end: s.end, text: xmlEscape(e.text) });
      }
      if (ok) replacements.push({ text: r.text, edits });
    }
    // A fix that would cross markup is left to the translation tool; the finding stays.
    const out: Finding = { ...f, start: at.start, end: at.end, replacements };
    if (f.counterpart && counterparts) {
      const c = f.counterpart;
      const block = counterparts.span(c.start, c.end, false);
      if (block) {
        out.counterpart = { start: block.start, end: block.end };
        const term = c.termStart !== undefined && c.termEnd !== undefined ? counterparts.span(c.termStart, c.termEnd, false) : undefined;
        if (term && c.term !== undefined) Object.assign(out.counterpart, { term: c.term, termStart: term.start, termEnd: term.end });
      } else delete out.counterpart;
    }
    return out;
  }
}

/** Checks the units of an XLIFF document (read from `file`'s text) in its languages. */
export function checkXliff(doc: XliffDocument, compiled: CompiledTerms, langs: { source: string; target: string }, options: PairOptions = {}): XliffCheck {
  const lintOptions = { format: 'plaintext' as const, ...(options.fuzzy !== undefined ? { fuzzy: options.fuzzy } : {}), ...(options.consistency !== undefined ? { consistency: options.consistency } : {}), ...(options.kinds ? { kinds: options.kinds } : {}) };
  const sources = join(doc.units.map((u) => u.source));
  const targets = join(doc.units.map((u) => u.target));
  const sourceResult: LintResult = lintText(sources.text, compiled, { ...lintOptions, lang: langs.source });
  const targetResult: LintResult = lintText(targets.text, compiled, { ...lintOptions, lang: langs.target });
  const view = buildView(targets.text, 'plaintext');
  const ctx = pairContext(compiled, sources.text, langs.source, { view, lang: langs.target, result: targetResult }, options);
  const starts = ctx.tokens.starts.subarray(0, ctx.tokens.length);
  const within = <T extends { start: number }>(items: readonly T[], from: number, to: number) => items.filter((x) => x.start >= from && x.start < to);
  const pairFindings: Finding[] = [];
  doc.units.forEach((u, k) => {
    if (!u.target) return;
    const sFrom = sources.bases[k]!;
    const sTo = sFrom + u.source.text.length;
    const tFrom = targets.bases[k]!;
    const tTo = tFrom + u.target.text.length;
    pairFindings.push(
      ...linkFindings(ctx, {
        source: within(sourceResult.occurrences, sFrom, sTo),
        target: within(targetResult.occurrences, tFrom, tTo),
        targetExcepted: within(targetResult.excepted ?? [], tFrom, tTo),
        sourceSpan: { start: sFrom, end: sTo },
        targetBlocks: [{ start: tFrom, end: tTo }],
        tokenFrom: lowerBound(starts, tFrom),
        tokenTo: lowerBound(starts, tTo),
      }),
    );
  });
  const sourceMap = new Mapper(sources);
  const targetMap = new Mapper(targets);
  const findings: Finding[] = [];
  const keep = (f: Finding | undefined) => f && findings.push(f);
  for (const f of sourceResult.findings) keep(sourceMap.finding(f));
  for (const f of targetResult.findings) keep(targetMap.finding(f));
  for (const f of pairFindings) keep(targetMap.finding(f, sourceMap));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, units: doc.units.length, translated: doc.units.filter((u) => u.target).length };
}
