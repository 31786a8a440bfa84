/**
 * A compiled term set, and the plain data it is made of. `compileTerms` (compile.ts) builds the data
 * (`CompiledParts`: typed arrays, strings and the lists' Term objects, nothing with a prototype) and
 * `assembleCompiled` wraps it in the object matching reads, whose entries, forms and near-miss lookups are made on
 * first need. Keeping the two apart is what lets a host store the data and read it back instead of compiling
 * again (node/compiledCache.ts: one CLI run reads in a few milliseconds what takes tens to build); the core itself
 * never touches a file.
 */
import { type CompiledPhrase, ExceptionIndex, compilePhrase } from './exceptions';
import { type FormShape, type FormSide, formSide, parseForm } from './forms';
import { type FuzzyEntries, FuzzyIndex, type WordUses, fuzzyEntriesInSteps } from './fuzzy';
import { NeighbourIndex } from './matching/neighbours';
import { CompactStringSet, type ReadonlyStringSet, type StringSetData } from './stringSet';
import { KeyTrie, type TrieData } from './trie';
import type { Term, TermList } from './types';

export interface CompiledForm {
  shape: FormShape;
  /** The form as written in the term list (no parsing needed: matching compares uses with it first). */
  readonly text: string;
  term: number;
  /** 0 = approved, 1.. = admitted (index + 1), -1 = forbidden. */
  form: number;
  /** The form's letters and gaps as alignment reads them, made on first alignment. */
  readonly side: FormSide;
}

export interface CompiledTerm {
  term: Term;
  /** Acceptable forms: [approved, ...admitted]. */
  acceptable: FormShape[];
  /** The words of acceptable form `form`, without keeping its shape. */
  wordsOf(form: number): readonly string[];
}

export interface CompiledTerms {
  /** The terms matched (English), by id. */
  readonly terms: ReadonlyMap<string, Term>;
  readonly lists: readonly TermList[];
  /** Every concept of the lists, merged, in every language (concepts.ts reads them in any one). */
  readonly concepts: readonly Term[];
  /** Exception phrases (terms' `exceptions`, lists' `ignore`); undefined when the lists have none. */
  readonly exceptions: ExceptionIndex | undefined;
  /** How many terms there are: entries are numbered [0, termCount). */
  readonly termCount: number;
  /** Entry `index`, made on first use (a document uses few of a long list's terms). */
  entry(index: number): CompiledTerm;
  /** The words of acceptable form `form` of term `index`, without making its entry. */
  wordsOf(index: number, form: number): readonly string[];
  readonly trie: KeyTrie;
  /** The forms sharing the key that has trie value `value`. */
  formsOf(value: number): readonly CompiledForm[];
  /** Lower-cased found strings never reported. */
  readonly ignore: ReadonlySet<string>;
  /** Notes on merges and overrides between lists (not errors). */
  readonly notes: readonly string[];
  /** Limits these lists ran into (what is therefore not checked), for the CLI and the server to show. */
  readonly warnings: readonly string[];
  /** Every lower-cased word of every form: such a word is never a misspelling. */
  readonly vocabulary: ReadonlyStringSet;
  fuzzy(): FuzzyMatcher;
  /**
   * Drops what misspelling matching has looked up and kept for the next lints (the index's lookups and the
   * neighbour index's word uses: about 4 MB after a 1 MB draft with 50,000 terms), made again as lints ask
   * for them. The language server calls it once it has been idle for a while.
   */
  forgetLookups(): void;
}

export interface FuzzyMatcher {
  index: FuzzyIndex;
  uses: WordUses;
  /** Per-word cache of lookups. */
  cache: Map<string, ReturnType<FuzzyIndex['lookup']>>;
  /** The uses of each fuzzy word by its neighbours, built word by word as documents need them. */
  neighbours: NeighbourIndex;
}

/**
 * Everything a compiled term set is, as plain data (what the structured clone algorithm copies as it is).
 * Terms are numbered by their place in `order`; keys by their trie value.
 */
export interface CompiledParts {
  lists: readonly TermList[];
  /** The lists' concepts, merged. */
  concepts: Term[];
  /** The terms matched (the merged concepts read in English), in the order that numbers them. */
  order: Term[];
  /** Normalized `ignore` phrases of the lists (compile.ts `normalizeIgnored`). */
  ignore: string[];
  notes: string[];
  warnings: string[];
  trie: TrieData;
  /** The forms of key k are [keyStart[k], keyStart[k + 1]) in packedTerm / packedCode. */
  keyStart: Int32Array;
  packedTerm: Int32Array;
  /** 0 approved, 1.. admitted, -1-j forbidden form j. */
  packedCode: Int16Array;
  vocabulary: StringSetData;
  /** The distinct lower-cased words near misses can land on, and where each is used. */
  fuzzyWords: string[];
  fuzzyUses: WordUses;
  /** The misspelling index over `fuzzyWords` (fuzzy.ts), once built: on first need, or ahead. */
  fuzzyEntries?: FuzzyEntries;
}

/** Acceptable form `form` of `term` as written: 0 the approved form, 1.. its admitted forms. */
export function acceptableText(term: Term, form: number): string {
  return form === 0 ? term.term : term.admitted[form - 1]!;
}

/**
 * A compiled term whose acceptable forms are parsed again on first use: a long list keeps only what matching
 * needs up front (keys in the trie, words for misspellings), and the shapes of the few terms a document uses.
 */
class LazyTerm implements CompiledTerm {
  private shapes: FormShape[] | undefined;
  constructor(readonly term: Term) {}
  get acceptable(): FormShape[] {
    return (this.shapes ??= [this.term.term, ...this.term.admitted].map(parseForm));
  }
  wordsOf(form: number): readonly string[] {
    return (this.shapes?.[form] ?? parseForm(acceptableText(this.term, form))).words;
  }
}

/** A form in the trie; its shape is its term's (or, for a forbidden form, parsed again) on first use. */
class LazyForm implements CompiledForm {
  private forbiddenShape: FormShape | undefined;
  private aligned: FormSide | undefined;
  constructor(
    private readonly entry: CompiledTerm,
    readonly term: number,
    readonly form: number,
    private readonly forbiddenText: string,
  ) {}
  get text(): string {
    return this.form < 0 ? this.forbiddenText : acceptableText(this.entry.term, this.form);
  }
  get shape(): FormShape {
    return this.form >= 0 ? this.entry.acceptable[this.form]! : (this.forbiddenShape ??= parseForm(this.forbiddenText));
  }
  get side(): FormSide {
    return (this.aligned ??= formSide(this.shape));
  }
}

/** The parts each assembled set was made from (what `partsOf` hands a cache). */
const partsOfCompiled = new WeakMap<CompiledTerms, CompiledParts>();

/** The compiled term set over `parts`. The parts are owned by it from here on (the misspelling index joins them once built). */
export function assembleCompiled(parts: CompiledParts): CompiledTerms {
  const { order, keyStart, packedTerm, packedCode } = parts;
  const byId = new Map<string, Term>();
  for (const t of order) byId.set(t.id, t);
  const entries = new Map<number, CompiledTerm>();
  const entry = (index: number): CompiledTerm => {
    let e = entries.get(index);
    if (!e) {
      const term = order[index];
      if (!term) throw new RangeError(`no term ${index}`);
      entries.set(index, (e = new LazyTerm(term)));
    }
    return e;
  };
  const keyForms = new Map<number, CompiledForm[]>();
  let fuzzy: FuzzyMatcher | undefined;
  const compiled: CompiledTerms = {
    terms: byId,
    lists: parts.lists,
    concepts: parts.concepts,
    exceptions: compileExceptions(order, parts.lists),
    termCount: order.length,
    entry,
    wordsOf(index, form) {
      const e = entries.get(index);
      return e ? e.wordsOf(form) : parseForm(acceptableText(order[index]!, form)).words;
    },
    trie: KeyTrie.fromData(parts.trie),
    formsOf(value) {
      let forms = keyForms.get(value);
      if (!forms) {
        forms = [];
        for (let p = keyStart[value]!; p < keyStart[value + 1]!; p++) {
          const term = packedTerm[p]!;
          const code = packedCode[p]!;
          const e = entry(term);
          forms.push(new LazyForm(e, term, code >= 0 ? code : -1, code >= 0 ? '' : e.term.forbidden[-1 - code]!));
        }
        keyForms.set(value, forms);
      }
      return forms;
    },
    ignore: new Set(parts.ignore),
    notes: parts.notes,
    warnings: parts.warnings,
    vocabulary: CompactStringSet.fromData(parts.vocabulary),
    fuzzy() {
      if (!fuzzy) {
        parts.fuzzyEntries ??= runToEnd(fuzzyEntriesInSteps(parts.fuzzyWords));
        fuzzy = { index: new FuzzyIndex(parts.fuzzyWords, parts.fuzzyEntries), uses: parts.fuzzyUses, cache: new Map(), neighbours: new NeighbourIndex(compiled, parts.fuzzyUses) };
      }
      return fuzzy;
    },
    forgetLookups() {
      if (!fuzzy) return;
      fuzzy.cache.clear();
      fuzzy.neighbours = new NeighbourIndex(compiled, parts.fuzzyUses);
    },
  };
  partsOfCompiled.set(compiled, parts);
  return compiled;
}

/**
 * The plain data `compiled` was assembled from, with its misspelling index built first when `fuzzyIndex` is set
 * (what a cache stores, so that reading it back needs no index either). Undefined for a set not made by
 * `assembleCompiled`.
 */
export function partsOf(compiled: CompiledTerms, options: { fuzzyIndex?: boolean } = {}): CompiledParts | undefined {
  const parts = partsOfCompiled.get(compiled);
  if (parts && options.fuzzyIndex) compiled.fuzzy();
  return parts;
}

function runToEnd<T>(steps: Generator<void, T, void>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** The terms' exception phrases (by term index) and the lists' ignore phrases; undefined when there are none. */
function compileExceptions(order: readonly Term[], lists: readonly TermList[]): ExceptionIndex | undefined {
  const own = new Map<number, CompiledPhrase[]>();
  order.forEach((term, index) => {
    if (!term.exceptions) return;
    const phrases = term.exceptions.map((e) => compilePhrase(e.phrase, e.note)).filter((p): p is CompiledPhrase => p !== undefined);
    if (phrases.length > 0) own.set(index, phrases);
  });
  const global: CompiledPhrase[] = [];
  for (const list of lists) for (const w of list.ignore ?? []) {
    const p = compilePhrase(w, list.ignoreNotes?.[w]);
    if (p) global.push(p);
  }
  if (own.size === 0 && global.length === 0) return undefined;
  return new ExceptionIndex(own, global);
}
