/** "Did you mean …?": the known name nearest a misspelt one, for keys of term files and configurations. */
import { editDistance } from './fuzzy';

/**
 * The candidate closest to `name` (case ignored) within a distance that grows with its length (1 for up to
 * 4 letters, 2 up to 8, then 3), or else the one candidate it abbreviates ("warn" for "warning", "info" for
 * "information"); undefined when none is that close or two are equally close: a guess that could go either way
 * is no help.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const list = [...candidates];
  const near = nearest(lower, list);
  if (near !== undefined || lower.length < 3) return near;
  const abbreviated = list.filter((c) => c.toLowerCase().startsWith(lower));
  return abbreviated.length === 1 ? abbreviated[0] : undefined;
}

function nearest(lower: string, candidates: readonly string[]): string | undefined {
  const max = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= max) tie = true;
  }
  return best !== undefined && bestDistance <= max && !tie ? best : undefined;
}

/** `"a", "b" or "c"`: a list of names as messages write it. */
export function quotedList(names: readonly string[], conjunction = 'or'): string {
  const q = names.map((n) => `"${n}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}
