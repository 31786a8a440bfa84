/**
 * A rendering close to a term's expected form that the matcher does not know as a form of it: "productive
 * forces of a new quality" for "new quality productivity forces", "Greater Bay region" for "Greater Bay Area".
 * Found by comparing runs of words of a block with each acceptable form: most of the form's words must be
 * there (a word matches when it is the same, shares a long stem, or is one edit away), in a run not much longer
 * than the form. Run only for a term the block is missing, over that block's words.
 */
import { editDistance } from '../fuzzy';
import { lowerWord } from '../text';
import type { TokenOffsets } from '../text';

/** A run of words [start, end) in the text and how well it matched. */
export interface NearMiss {
  start: number;
  end: number;
  /** Words of the form matched by a word of the run. */
  hits: number;
  /** How many words the run has beyond the form's. */
  extra: number;
}

/** Whether a word of the text may stand for a word of the form: the same, the same stem, or one edit away. */
function similar(word: string, formWord: string): boolean {
  if (word === formWord) return true;
  const shorter = Math.min(word.length, formWord.length);
  if (shorter >= 4) {
    let p = 0;
    while (p < shorter && word.charCodeAt(p) === formWord.charCodeAt(p)) p++;
    // "productive" ~ "productivity", "develop" ~ "development", "force" ~ "forces".
    if (p >= Math.max(4, shorter - 2)) return true;
    if (editDistance(word, formWord, 1) <= 1) return true;
  }
  return false;
}

/** Words of a form, lower case, in order (hyphens and spaces both separate them). */
export function formWords(form: string): string[] {
  return form
    .split(/[\s\u2010\u2011-]+/)
    .map((w) => lowerWord(w.replace(/[^\p{L}\p{N}\p{M}]/gu, '')))
    .filter((w) => w !== '');
}

/**
 * The best near miss of `form` among tokens [from, to) of `text` (a view: hidden text is never a token), where
 * `taken(start, end)` says a span is already a use of some term and must not be replaced. Undefined when no
 * run comes close enough.
 */
export function findNearMiss(text: string, tokens: TokenOffsets, from: number, to: number, form: string, taken: (start: number, end: number) => boolean): NearMiss | undefined {
  const words = formWords(form);
  const k = words.length;
  if (k === 0 || to <= from) return undefined;
  const lower: string[] = [];
  for (let t = from; t < to; t++) lower.push(lowerWord(text.slice(tokens.starts[t]!, tokens.ends[t]!)));
  let best: NearMiss | undefined;
  // A one-word form: a word one or two edits away, long enough not to be chance.
  if (k === 1) {
    const w = words[0]!;
    if (w.length < 5) return undefined;
    for (let t = from; t < to; t++) {
      const word = lower[t - from]!;
      if (word === w || Math.abs(word.length - w.length) > 2) continue;
      const d = editDistance(word, w, 2);
      if (d > (w.length >= 9 ? 2 : 1)) continue;
      const start = tokens.starts[t]!;
      const end = tokens.ends[t]!;
      if (taken(start, end)) continue;
      if (!best || d < best.extra) best = { start, end, hits: 1, extra: d };
    }
    return best && { ...best, extra: 0 };
  }
  const need = Math.max(2, Math.ceil(0.75 * k));
  const maxLen = k + 2;
  for (let a = from; a < to; a++) {
    // A run starts and ends on words of the form.
    if (!words.some((w) => similar(lower[a - from]!, w))) continue;
    for (let b = a + 1; b <= Math.min(to, a + maxLen); b++) {
      if (!words.some((w) => similar(lower[b - 1 - from]!, w))) continue;
      const used = new Array<boolean>(k).fill(false);
      let hits = 0;
      for (let t = a; t < b; t++) {
        const word = lower[t - from]!;
        for (let i = 0; i < k; i++) {
          if (!used[i] && similar(word, words[i]!)) {
            used[i] = true;
            hits++;
            break;
          }
        }
      }
      if (hits < need) continue;
      const start = tokens.starts[a]!;
      const end = tokens.ends[b - 1]!;
      // No run crosses a line break of a paragraph's hidden part or a block (the view writes NUL there).
      if (text.slice(start, end).includes('\u0000') || taken(start, end)) continue;
      const extra = Math.max(0, b - a - hits);
      if (!best || hits > best.hits || (hits === best.hits && extra < best.extra)) best = { start, end, hits, extra };
    }
  }
  return best;
}
