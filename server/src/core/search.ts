/**
 * Binary searches over sorted numbers: block starts, token offsets, line starts, index entries. One copy, so
 * every caller agrees on what "at or after" and "at most" mean. They are called from the matcher's inner
 * loops, so they take no comparator (no closure per call) and read the array directly.
 */

/** The first index in [lo, hi) of ascending `sorted` whose value is at least `x` (`hi` when none is). */
export function lowerBound(sorted: ArrayLike<number>, x: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last value of ascending `sorted` that is at most `x`, or -1 when every value is larger. */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The index of the span of sorted, non-overlapping `spans` that holds `offset` (start ≤ offset < end), or -1. */
export function spanAt(spans: readonly { readonly start: number; readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && offset < spans[lo - 1]!.end ? lo - 1 : -1;
}

/** Whether [start, end) overlaps one of `spans` (sorted by start, not overlapping each other). */
export function overlapsAny(spans: readonly { readonly start: number; readonly end: number }[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < end;
}

/**
 * Whether ascending `sorted` (as `<` orders strings: by UTF-16 code unit) holds `word`. Strings apart from
 * numbers, so the numeric searches' comparisons stay numeric.
 */
export function sortedIncludes(sorted: readonly string[], word: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === word;
}
