/**
 * Chinese word boundaries, from jieba (jieba-wasm: jieba-rs compiled to WebAssembly, so one build runs on every
 * platform the extension does), used only where a term's start is in doubt: a use of 广州 must not start inside
 * another word, as in 推广州际 (推广 / 州际). jieba runs with its HMM off, so it cuts only into words of its
 * dictionary (or single characters): the same text always cuts the same way, and a cut can be explained.
 *
 * jieba cuts each run of Han characters and ASCII letters and digits on its own (its `re_han`), so cutting just the
 * run around a term (a clause) gives the boundaries cutting the whole document would. Clauses are cut in one call
 * per lint and remembered, so a document re-linted after a keystroke cuts only the clause that changed. jieba is
 * loaded on the first clause (its dictionary takes a few hundred milliseconds to build).
 */
import { lowerBound } from '../../search';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
}

let jieba: Jieba | undefined;

function load(): Jieba {
  return (jieba ??= require('jieba-wasm') as Jieba);
}

/** Clauses already cut: clause → offsets (UTF-16, after 0) where a word starts. */
const cache = new Map<string, Uint16Array>();
const MAX_CACHED = 50_000;

/** Whether jieba reads `c` as part of a run it cuts (Han, ASCII letters and digits, and `+#&._%-`). */
export function isClauseUnit(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) return true;
  if (c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d) return true;
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff);
}

/** Cuts every clause not cut yet, in one call. */
function cutAll(clauses: readonly string[]): void {
  const todo = clauses.filter((c) => !cache.has(c));
  if (todo.length === 0) return;
  if (cache.size + todo.length > MAX_CACHED) cache.clear();
  const words = load().cut(todo.join('\n'), false);
  let k = 0;
  let starts: number[] = [];
  let at = 0;
  // jieba gives back every character it was given; should a clause not add up, none of its offsets is trusted.
  const close = (): void => {
    const clause = todo[k++];
    if (clause !== undefined) cache.set(clause, at === clause.length ? Uint16Array.from(starts) : ALL);
    starts = [];
    at = 0;
  };
  for (const w of words) {
    if (w === '\n') {
      close();
      continue;
    }
    if (at > 0) starts.push(at);
    at += w.length;
  }
  close();
  while (k < todo.length) close();
}

const ALL = new Uint16Array(0);

/**
 * Whether a word starts at offset `at` of each (clause, at) pair: `clauses[i]` and `offsets[i]`. All clauses are
 * cut together first.
 */
export function wordStarts(clauses: readonly string[], offsets: readonly number[]): boolean[] {
  cutAll(clauses);
  return clauses.map((c, i) => {
    const at = offsets[i]!;
    if (at <= 0 || at >= c.length) return true;
    const starts = cache.get(c)!;
    if (starts === ALL) return true;
    const k = lowerBound(starts, at);
    return k < starts.length && starts[k] === at;
  });
}

/** The words jieba cuts `text` into (HMM off): for the homophone check, whether a character belongs to a word. */
export function cutWords(text: string): string[] {
  cutAll([text]);
  const starts = cache.get(text)!;
  if (starts === ALL && text.length > 0) return [...text];
  const words: string[] = [];
  let at = 0;
  for (const s of starts) {
    words.push(text.slice(at, s));
    at = s;
  }
  if (at < text.length) words.push(text.slice(at));
  return words;
}
