/**
 * What stands between two word tokens of the document, read the way forms read their own gaps
 * (forms.ts `classifyGap`): whether two words may belong to one term at all, and if so, as a space, a hyphen
 * or a hard separator that is part of the key.
 */
import { type Gap, classifyGap } from '../forms';
import type { TokenOffsets } from '../text';

/** A separator longer than this never joins two words of one term. */
const MAX_GAP = 40;

const SPACE: Gap = { kind: 'space' };
const HYPHEN: Gap = { kind: 'hyphen' };

/**
 * Whether words `a` and `a + 1` (token indices) may belong to one term: what lies between them is at most
 * one line break of white space, hyphens and short punctuation, and nothing hidden.
 */
export function gapBetween(masked: string, tokens: TokenOffsets, a: number): Gap | undefined {
  const from = tokens.ends[a]!;
  const to = tokens.starts[a + 1]!;
  if (to - from === 1) {
    const c = masked.charCodeAt(from);
    if (c === 32) return SPACE;
    if (c === 45) return HYPHEN;
  }
  if (to - from > MAX_GAP) return undefined;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = masked.charCodeAt(i);
    if (c === 0) return undefined;
    if (c === 10 || (c === 13 && masked.charCodeAt(i + 1) !== 10)) breaks++;
    else if (c === 0x2028 || c === 0x2029) breaks += 2;
  }
  if (breaks > 1) return undefined;
  return classifyGap(masked.slice(from, to));
}

/** True when no term can span tokens `a` and `a + 1` (they are in different blocks). */
export function separated(masked: string, tokens: TokenOffsets, a: number): boolean {
  return a < 0 || a + 1 >= tokens.length || gapBetween(masked, tokens, a) === undefined;
}
