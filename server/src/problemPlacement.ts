/**
 * Where an editor shows a problem that is about two places (a duplicate, a contradiction): at the one the user
 * just edited, found by comparing the file's text before and after the edit. The core reports such problems at
 * the later form; someone who adds an entry near the top would otherwise see the error appear off-screen.
 */
import type { TermFileProblem } from './core';
import { LineIndex } from './core/lines';

/** The part of `after` that differs from `before`: what an edit replaced (common prefix and suffix removed). */
export function editedRegion(before: string, after: string): { start: number; end: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: after.length - end };
}

function distance(span: { offset: number; length: number }, region: { start: number; end: number }): number {
  if (span.offset + span.length < region.start) return region.start - (span.offset + span.length);
  if (span.offset > region.end) return span.offset - region.end;
  return 0;
}

/** `problems` of the text `after`, each two-place problem moved to the place nearer the edit from `before`. */
export function placeNearEdit(problems: readonly TermFileProblem[], before: string | undefined, after: string): TermFileProblem[] {
  if (before === undefined || before === after || !problems.some((p) => p.related)) return [...problems];
  const region = editedRegion(before, after);
  let lines: LineIndex | undefined;
  return problems.map((p) => {
    if (!p.related || distance(p.related, region) >= distance(p, region)) return p;
    lines ??= new LineIndex(after);
    const { offset, length, path } = p.related;
    return { ...p, offset, length, path, ...lines.at(offset), related: { offset: p.offset, length: p.length, path: p.path } };
  });
}
