/** Edits as plain data: building minimal ones, merging, and applying them. */
import { classifyGap } from './forms';
import { inFixAll } from './kinds';
import { tokenize } from './text';
import type { Edit, Finding } from './types';

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`Overlapping edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * The preferred edits of every finding, sorted, with any edit that would overlap an earlier one dropped. A kind
 * whose fix is a likely rendering to confirm (`translation`) is left to its quick fix.
 *
 * Of findings whose text overlaps, only the first (the earliest, then the longest) is fixed in one round: each
 * was found on the text as it was, and their edits together can write what neither meant, even when the edits
 * themselves are disjoint ("gukao rukshagugu" joined by one finding while another splits "rukshagugu" inside it
 * gives "gukaoru kshagugu", a new variant). Fix-all lints what it wrote and fixes the rest in its next round
 * (fixPoint.ts).
 */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
  const fixable: { start: number; end: number; edits: readonly Edit[] }[] = [];
  for (const f of findings) {
    if (!inFixAll(f.kind)) continue;
    const r = f.replacements[0];
    if (!r || r.edits.length === 0) continue;
    // What the finding reads and what its fix writes (an insertion just past its text included).
    let start = f.start;
    let end = f.end;
    for (const e of r.edits) {
      if (e.start < start) start = e.start;
      if (e.end > end) end = e.end;
    }
    fixable.push({ start, end, edits: r.edits });
  }
  fixable.sort((a, b) => a.start - b.start || b.end - a.end);
  const all: Edit[] = [];
  let reach = -1;
  for (const f of fixable) {
    if (f.start < reach) continue;
    all.push(...f.edits);
    reach = Math.max(reach, f.end);
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let end = -1;
  for (const e of all) {
    // Two insertions at one point, or an edit starting inside the previous one, would fight: keep the first.
    if (e.start < end || (e.start === end && e.start === e.end && out.length > 0 && out[out.length - 1]!.start === e.start)) continue;
    out.push(e);
    end = e.end;
  }
  return out;
}

/** Merges touching edits into one, so a fix reads as one change. */
export function mergeEdits(edits: Edit[], text: string): Edit[] {
  edits.sort((a, b) => a.start - b.start);
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end) {
      last.text += text.slice(last.end, e.start) + e.text;
      last.end = Math.max(last.end, e.end);
    } else out.push({ ...e });
  }
  return out;
}

/** One edit covering only what differs between `before` (at `offset`) and `after`. */
export function trimmedEdit(offset: number, before: string, after: string): Edit[] {
  if (before === after) return [];
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // Never split a surrogate pair.
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(before.charCodeAt(before.length - s))) s--;
  return [{ start: offset + p, end: offset + before.length - s, text: after.slice(p, after.length - s) }];
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Edits turning `before` (the document text at `offset`) into `after`, word by word when both have the same
 * number of words, so the author's line breaks between words survive a change of one word's spelling.
 */
export function wordwiseEdits(offset: number, before: string, after: string): Edit[] {
  const tb = tokenize(before);
  const ta = tokenize(after);
  if (tb.length !== ta.length || tb.length === 0) return trimmedEdit(offset, before, after);
  const edits: Edit[] = [];
  const lead = trimmedEdit(offset, before.slice(0, tb[0]!.start), after.slice(0, ta[0]!.start));
  edits.push(...lead);
  for (let i = 0; i < tb.length; i++) {
    const wb = tb[i]!;
    const wa = ta[i]!;
    edits.push(...trimmedEdit(offset + wb.start, before.slice(wb.start, wb.end), after.slice(wa.start, wa.end)));
    const gb = before.slice(wb.end, i + 1 < tb.length ? tb[i + 1]!.start : before.length);
    const ga = after.slice(wa.end, i + 1 < ta.length ? ta[i + 1]!.start : after.length);
    if (gb === ga) continue;
    const same = i + 1 < tb.length && sameGap(gb, ga);
    if (!same) edits.push(...trimmedEdit(offset + wb.end, gb, ga));
  }
  return joinTouching(edits);
}

/**
 * Edits of neighbouring words can meet at one offset (a gap's insertion and the next word's): two insertions
 * at one point are ambiguous to appliers that sort edits, so touching edits become one (and neighbouring
 * one-character edits one change: "ＧＤＰ" → "GDP").
 */
export function joinTouching(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start === last.end) {
      last.text += e.text;
      last.end = e.end;
    } else out.push({ ...e });
  }
  return out;
}

function sameGap(a: string, b: string): boolean {
  const ga = classifyGap(a);
  const gb = classifyGap(b);
  return ga.kind === gb.kind && (ga.kind !== 'hard' || (gb.kind === 'hard' && ga.literal === gb.literal));
}
