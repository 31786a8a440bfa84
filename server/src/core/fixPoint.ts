/**
 * Fix-all to a fixed point. One round of preferred fixes settles nearly every document, but not all: in
 * Markdown, removing `**` from one word re-pairs the emphasis marks after it and can turn later text into a
 * variant; a fix can complete a longer forbidden form. So fix-all lints what it wrote and fixes again, a few
 * rounds at most, and hands back one set of minimal edits on the original text (the rounds composed), so the
 * CLI's `--fix`, `source.fixAll.termlint` and the workspace fix all leave nothing to fix in one go.
 */
import { applyEdits, fixAllEdits, trimmedEdit } from './fixes';
import type { Edit, Finding } from './types';

/** Rounds of fixes at most (the property tests settle every generated document within three). */
export const MAX_FIX_ROUNDS = 5;

export interface FixAllResult {
  /** The text after every round. */
  text: string;
  /** Sorted, disjoint, minimal edits that turn the original text into `text`. */
  edits: Edit[];
  /** What linting `text` still finds (nothing once settled; findings with no fix never go away). */
  findings: Finding[];
  /** Rounds of fixes applied. */
  rounds: number;
  /** Linting `text` finds nothing more that fix-all would change. */
  settled: boolean;
}

/**
 * Applies the preferred fix of every finding, re-lints with `relint` and repeats until nothing changes
 * (or `maxRounds`). `findings` are those of `text`, as the caller already has them.
 */
export function fixToFixedPoint(text: string, findings: readonly Finding[], relint: (text: string) => Finding[], maxRounds = MAX_FIX_ROUNDS): FixAllResult {
  let current = text;
  let left = findings as Finding[];
  let total: Edit[] = [];
  let rounds = 0;
  for (;;) {
    const edits = fixAllEdits(left);
    const next = edits.length === 0 ? current : applyEdits(current, edits);
    if (next === current) return { text: current, edits: total, findings: left, rounds, settled: true };
    if (rounds === maxRounds) return { text: current, edits: total, findings: left, rounds, settled: false };
    total = rounds === 0 ? edits : composeEdits(text, total, current, edits);
    current = next;
    rounds++;
    left = relint(current);
  }
}

/**
 * Edits on `original` equal to applying `first` (which turns `original` into `middle`) and then `second` (on
 * `middle`). Where an edit of `second` touches what one of `first` wrote, the two become one edit.
 */
export function composeEdits(original: string, first: readonly Edit[], middle: string, second: readonly Edit[]): Edit[] {
  // `first` in the middle text's offsets: [s1, e1) is what edit i wrote there.
  interface Span {
    s1: number;
    e1: number;
    /** The original range it replaced, or -1 for a `second` edit. */
    s0: number;
    e0: number;
  }
  const spans: Span[] = [];
  let delta = 0;
  for (const e of first) {
    const s1 = e.start + delta;
    spans.push({ s1, e1: s1 + e.text.length, s0: e.start, e0: e.end });
    delta += e.text.length - (e.end - e.start);
  }
  for (const e of second) spans.push({ s1: e.start, e1: e.end, s0: -1, e0: -1 });
  spans.sort((a, b) => a.s1 - b.s1 || a.e1 - b.e1);

  // Offset in `original` of a middle-text offset outside every edit of `first`; asked in increasing order.
  const firstShifts = spans.filter((s) => s.s0 >= 0);
  let passed = 0;
  let shift = 0;
  const toOriginal = (x: number): number => {
    for (; passed < firstShifts.length && firstShifts[passed]!.e1 <= x; passed++) {
      const s = firstShifts[passed]!;
      shift += s.e1 - s.s1 - (s.e0 - s.s0);
    }
    return x - shift;
  };

  const out: Edit[] = [];
  let next = 0;
  for (let i = 0; i < spans.length; ) {
    // A group: spans that overlap or touch, so no two edits of the result meet at one offset.
    const start = spans[i]!.s1;
    let end = spans[i]!.e1;
    let j = i + 1;
    while (j < spans.length && spans[j]!.s1 <= end) end = Math.max(end, spans[j++]!.e1);
    const group = spans.slice(i, j);
    i = j;
    const firsts = group.filter((s) => s.s0 >= 0);
    const o0 = firsts.length > 0 && firsts[0]!.s1 === start ? firsts[0]!.s0 : toOriginal(start);
    const lastFirst = firsts[firsts.length - 1];
    const o1 = lastFirst && lastFirst.e1 === end ? lastFirst.e0 : toOriginal(end);
    // What the group reads after `second` (its edits come in order, each inside one group).
    let text = '';
    let pos = start;
    for (; next < second.length && second[next]!.end <= end && second[next]!.start >= start; next++) {
      const e = second[next]!;
      text += middle.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    text += middle.slice(pos, end);
    out.push(...trimmedEdit(o0, original.slice(o0, o1), text));
  }
  return out;
}
