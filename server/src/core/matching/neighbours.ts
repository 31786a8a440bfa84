/**
 * Which uses of a term word are worth checking around a near miss. A word like "railway" may be used by
 * thousands of names ("X Railway Station"); a multi-word use can only match when another of its words is
 * written exactly (the misspelling pass requires one), so a word's uses are indexed by (offset of another
 * word, that word) and found through the document's actual neighbours instead of being tried one by one.
 * One-word uses are listed apart. Each word's index is built the first time it is a candidate: a document
 * meets a few hundred. One index per compiled term list (compile.ts `fuzzy()` owns it), kept across lints.
 */
import { type WordUses, sortedUnique } from '../fuzzy';
import { lowerBound } from '../search';
import type { ReadonlyStringSet } from '../stringSet';

/** What the index reads of the compiled terms. */
export interface NeighbourTerms {
  /** Every lower-cased word of every form. */
  readonly vocabulary: ReadonlyStringSet;
  /** The words of acceptable form `form` of term `term`. */
  wordsOf(term: number, form: number): readonly string[];
}

interface CandidateUses {
  /** Uses where the word is the whole form. */
  single: Int32Array;
  /** Multi-word uses as sorted nearKey(offset of another word, its id) * USE_SPAN + use. */
  near: Float64Array;
  /** How far (in words) its uses reach on either side. */
  reach: number;
}

/** Uses of one word are numbered below this (a word's uses are bounded by the term limit). */
const USE_SPAN = 2 ** 24;

/** Forms whose word ids the neighbour index keeps when it only lists them (about 80 bytes each). */
const MAX_LISTED_FORMS = 10_000;

/** Enough for the longest form (64 words): a match needs half its other words exact, so one lies within 32. */
const MAX_REACH = 32;

function nearKey(d: number, wordId: number): number {
  return wordId * (2 * MAX_REACH + 1) + (d + MAX_REACH);
}

export class NeighbourIndex {
  /** Lower-cased term word -> id (1-based), assigned on first sight; words of no form have none. */
  private readonly ids = new Map<string, number>();
  /** Word ids of acceptable forms, by term and form, on first need. */
  private readonly shapes = new Map<number, number[]>();
  private readonly byCandidate = new Map<number, CandidateUses>();
  private readonly out: number[] = [];

  constructor(
    private readonly compiled: NeighbourTerms,
    private readonly uses: WordUses,
  ) {}

  /** Id of a lower-cased word, or 0 when no form has it. */
  wordId(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.compiled.vocabulary.has(word) ? this.ids.size + 1 : 0;
      if (id > 0) this.ids.set(word, id);
    }
    return id;
  }

  /**
   * Word ids of a form. Kept for the forms matching looks at again; those an index merely lists are kept
   * too while few are (a word shared by many terms is listed again for each of its neighbours), so a
   * 50,000-entry list does not keep an array for every form it has.
   */
  formWords(term: number, form: number, keep = true): readonly number[] {
    const key = term * 256 + form;
    let ids = this.shapes.get(key);
    if (!ids) {
      ids = this.compiled.wordsOf(term, form).map((w) => this.wordId(w.toLowerCase()));
      if (keep || this.shapes.size < MAX_LISTED_FORMS) this.shapes.set(key, ids);
    }
    return ids;
  }

  private usesOf(cand: number): CandidateUses {
    let c = this.byCandidate.get(cand);
    if (c) return c;
    const single: number[] = [];
    const near: number[] = [];
    let reach = 0;
    const uses = this.uses;
    const base = uses.start[cand]!;
    for (let u = 0; u < uses.start[cand + 1]! - base; u++) {
      const words = this.formWords(uses.term[base + u]!, uses.form[base + u]!, false);
      if (words.length === 1) {
        single.push(u);
        continue;
      }
      const word = uses.word[base + u]!;
      reach = Math.max(reach, Math.min(MAX_REACH, Math.max(word, words.length - 1 - word)));
      for (let q = 0; q < words.length; q++) {
        const d = q - word;
        if (d === 0 || Math.abs(d) > MAX_REACH) continue;
        near.push(nearKey(d, words[q]!) * USE_SPAN + u);
      }
    }
    // Sorted (key, use) pairs, each once (a use reached twice through the same key, a repeated word, is
    // listed once): 8 bytes a pair, where a Map of arrays costs several times that for a word with thousands of uses.
    c = { single: Int32Array.from(single), near: sortedUnique(near).slice(), reach };
    this.byCandidate.set(cand, c);
    return c;
  }

  /** Indices (ascending, distinct) into the uses of fuzzy word `cand` that may match with token `j` as that word (tokens [from, to)). */
  usesNear(cand: number, j: number, from: number, to: number, docWord: (k: number) => number): readonly number[] {
    const c = this.usesOf(cand);
    const out = this.out;
    out.length = 0;
    for (const u of c.single) out.push(u);
    const near = c.near;
    for (let d = -c.reach; d <= c.reach; d++) {
      const k = j + d;
      if (d === 0 || k < from || k >= to) continue;
      const id = docWord(k);
      if (id === 0) continue;
      const low = nearKey(d, id) * USE_SPAN;
      for (let i = lowerBound(near, low); i < near.length && near[i]! < low + USE_SPAN; i++) out.push(near[i]! - low);
    }
    if (out.length > 1) {
      out.sort(ascending);
      let w = 1;
      for (let i = 1; i < out.length; i++) if (out[i] !== out[w - 1]) out[w++] = out[i]!;
      out.length = w;
    }
    return out.slice();
  }
}

/** One comparator for every sort (one made at each call would be optimized anew after each collection). */
function ascending(a: number, b: number): number {
  return a - b;
}
