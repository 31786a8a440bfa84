/**
 * Exceptions written in Chinese: an official name or fixed wording that keeps a spelling the list corrects
 * (the exceptions.ts of Han uses). A concept's `exceptions` and a list's `ignore` phrases that hold a Han
 * character are compiled here, folded for width and script as the forms are (hanTerms.ts), so one phrase
 * covers its Simplified and Traditional writing. A Han use whose written characters all lie inside an occurrence
 * of such a phrase is neither reported nor fixed nor counted, as a word use inside a word phrase is.
 *
 * An occurrence is the phrase's characters, folded, read as the Han matcher reads a use (hanWalk.ts: through
 * markup that reads as a space, one line break, format characters). A phrase is tried only where the use's
 * first character is one of its characters, so lists without Chinese phrases cost nothing.
 */
import type { CompiledPhrase, ExceptionHit } from '../exceptions';
import { foldText } from '../languages/chinese/fold';
import type { Term, TermList } from '../types';
import { CharClass, charClassTable } from '../text';
import type { DocumentView } from '../view';
import { foldedAt, significant, skipTransparent } from './hanWalk';
import type { Match } from './match';

/** Whether a phrase is matched as Chinese: it holds a Han character. */
export const HAN_PHRASE = /\p{Script=Han}/u;

interface HanPhrase {
  /** As the list writes it (what hovers and reports name). */
  readonly phrase: CompiledPhrase;
  /** Its significant code points (white space left out), folded for width and script. */
  readonly folded: Int32Array;
}

function compileHanPhrase(text: string, note: string | undefined): HanPhrase | undefined {
  if (!HAN_PHRASE.test(text)) return undefined;
  const cps = [...foldText(text.replace(/\s+/g, ''))].map((c) => c.codePointAt(0)!);
  if (cps.length === 0) return undefined;
  const phrase: CompiledPhrase = note === undefined ? { text, words: [], gaps: [] } : { text, note, words: [], gaps: [] };
  return { phrase, folded: Int32Array.from(cps) };
}

export class HanExceptionIndex {
  private readonly own = new Map<number, HanPhrase[]>();
  /** Ignore phrases by each folded code point they hold. */
  private readonly byChar = new Map<number, HanPhrase[]>();

  /** `concepts` as HanTerms numbers them; undefined when no concept and no list has a Chinese phrase. */
  static of(concepts: readonly Term[], lists: readonly TermList[]): HanExceptionIndex | undefined {
    const index = new HanExceptionIndex();
    let any = false;
    concepts.forEach((c, i) => {
      const phrases = (c.exceptions ?? []).map((e) => compileHanPhrase(e.phrase, e.note)).filter((p): p is HanPhrase => p !== undefined);
      if (phrases.length === 0) return;
      index.own.set(i, phrases);
      any = true;
    });
    for (const list of lists) {
      for (const w of list.ignore ?? []) {
        const p = compileHanPhrase(w, list.ignoreNotes?.[w]);
        if (!p) continue;
        for (const cp of new Set(p.folded)) {
          let at = index.byChar.get(cp);
          if (!at) index.byChar.set(cp, (at = []));
          at.push(p);
        }
        any = true;
      }
    }
    return any ? index : undefined;
  }

  /** The occurrence of an exception holding Han use `m` (within the block [start, end)), or undefined. */
  find(view: DocumentView, m: Match, start: number, end: number): ExceptionHit | undefined {
    const own = this.own.get(m.term);
    const first = foldedAt(view.masked, m.start);
    const global = this.byChar.get(first);
    if (!own && !global) return undefined;
    const { at } = significant(view, m.start, m.end);
    const use = at.map((p) => foldedAt(view.masked, p));
    for (const list of [own, global]) {
      if (!list) continue;
      for (const p of list) {
        const hit = around(view, p, use, m.start, m.end, start, end);
        if (hit) return hit;
      }
    }
    return undefined;
  }
}

/** An occurrence of `p` covering the use [useStart, useEnd) whose folded characters are `use`. */
function around(view: DocumentView, p: HanPhrase, use: readonly number[], useStart: number, useEnd: number, start: number, end: number): ExceptionHit | undefined {
  const n = use.length;
  const f = p.folded;
  outer: for (let o = 0; o + n <= f.length; o++) {
    for (let k = 0; k < n; k++) if (f[o + k] !== use[k]) continue outer;
    const from = backward(view, f, o, useStart, start);
    if (from < 0) continue;
    const to = forward(view, f, o + n, useEnd, end);
    if (to < 0) continue;
    return { phrase: p.phrase, start: from, end: to };
  }
  return undefined;
}

/** Where the phrase starts if its first `o` characters stand before `at` (-1 when they do not). */
function backward(view: DocumentView, f: Int32Array, o: number, at: number, start: number): number {
  const masked = view.masked;
  const cls = charClassTable();
  let j = at;
  let breaks = 0;
  for (let k = o - 1; k >= 0; k--) {
    // Step back over what the walk forward skips (hanWalk.ts skipTransparent): markup read as a space, format
    // characters, and one line break with its indentation, never a bare space.
    let spaces = 0;
    let runBreaks = 0;
    for (; j > start; j--) {
      const c = masked.charCodeAt(j - 1);
      const t = view.text.charCodeAt(j - 1);
      if (c === 0x20 && t !== 0x20 && t !== 0x3000) continue;
      if (c === 0x0a || c === 0x0d) {
        if (!(c === 0x0a && masked.charCodeAt(j - 2) === 0x0d)) runBreaks++;
        continue;
      }
      if (c === 0x20 || c === 0x09) {
        spaces++;
        continue;
      }
      if (c < 0xd800 && cls[c] === CharClass.Format) continue;
      break;
    }
    breaks += runBreaks;
    if (j <= start || breaks > 1 || (spaces > 0 && runBreaks === 0)) return -1;
    const low = masked.charCodeAt(j - 1);
    j -= low >= 0xdc00 && low <= 0xdfff && j - 2 >= start ? 2 : 1;
    if (foldedAt(masked, j) !== f[k]) return -1;
  }
  return j;
}

/** Where the phrase ends if its characters from `o` on follow `at` (-1 when they do not). */
function forward(view: DocumentView, f: Int32Array, o: number, at: number, end: number): number {
  const masked = view.masked;
  let j = at;
  const breaks = { n: 0 };
  for (let k = o; k < f.length; k++) {
    if (j >= end) return -1;
    const skipped = skipTransparent(view, j, end, breaks);
    if (skipped > j) j = skipped;
    if (j >= end || foldedAt(masked, j) !== f[k]) return -1;
    const c = masked.charCodeAt(j);
    j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return j;
}
