/**
 * Compiles term lists once into a matcher: a trie over form keys for exact and variant matches, and (built on
 * first need) a deletion index over term words for misspellings. The lists' concepts are merged first
 * (termlists/merge.ts: a later entry for the same concept adds to the earlier one, or replaces it with
 * `"replace": true`), then read in English, the language documents are matched in; a later concept claiming
 * an earlier one's admitted or forbidden spelling takes it over. Exceptions (terms' `exceptions`, lists'
 * `ignore`) are compiled beside the trie. What matching derives from the terms and keeps across documents
 * (a form's aligned letters, the neighbour index) is made here on first need and owned by the compiled object.
 */
import { conceptsIn } from './concepts';
import { type CompiledPhrase, ExceptionIndex, compilePhrase } from './exceptions';
import { type FormShape, type FormSide, formSide, parseForm } from './forms';
import { FuzzyIndex, MAX_FUZZY_ENTRIES, type WordUses, fuzzyCapacity, fuzzyEntriesInSteps } from './fuzzy';
import { NeighbourIndex } from './matching/neighbours';
import { KeyTrie } from './trie';
import { type ReadonlyStringSet, StringSetBuilder } from './stringSet';
import { mergeLists } from './termlists/merge';
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
}

export interface FuzzyMatcher {
  index: FuzzyIndex;
  uses: WordUses;
  /** Per-word cache of lookups. */
  cache: Map<string, ReturnType<FuzzyIndex['lookup']>>;
  /** The uses of each fuzzy word by its neighbours, built word by word as documents need them. */
  neighbours: NeighbourIndex;
}

/** Acceptable form `form` of `term` as written: 0 the approved form, 1.. its admitted forms. */
function acceptableText(term: Term, form: number): string {
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

export function normalizeIgnored(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * What compiling keeps is flat: the trie's typed arrays, per key a range of (term, form code) pairs, the
 * vocabulary as one string, the fuzzy words' uses in typed arrays. Objects for entries and forms are made
 * when matching first needs them, so a 50,000-entry list costs a few megabytes beyond its Term objects.
 */
export function compileTerms(lists: readonly TermList[]): CompiledTerms {
  const steps = compileTermsInSteps(lists);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Terms between two pauses of `compileTermsInSteps`: about a millisecond of work. */
const TERMS_PER_STEP = 128;

export interface CompileInSteps {
  /** Also build the misspelling index now (in steps), instead of on first need. */
  fuzzy?: boolean;
}

/**
 * `compileTerms`, yielding after each slice of work (a few milliseconds), so that a caller with an event loop
 * to keep responsive can spread a long list's compilation over many turns: the language server recompiles
 * after a term-file change while the user types. The generator's return value is the compiled list.
 */
export function* compileTermsInSteps(lists: readonly TermList[], options: CompileInSteps = {}): Generator<void, CompiledTerms, void> {
  const merged = mergeLists(lists);
  const notes: string[] = merged.notes;
  yield;
  const byId = new Map<string, Term>();
  // Merged concepts have one approved form each; two that read the same in English are still told apart.
  for (const t of conceptsIn(merged.terms, 'en')) {
    if (byId.has(t.id)) {
      byId.delete(t.id); // re-insert so order follows the overriding list
      notes.push(`"${t.id}" from ${t.origin?.file ?? 'a later list'} overrides an earlier entry`);
    }
    byId.set(t.id, t);
  }
  const ignore = new Set<string>();
  for (const list of lists) for (const w of list.ignore ?? []) ignore.add(normalizeIgnored(w));

  const order = [...byId.values()];
  let totalLength = 0;
  for (const term of order) totalLength += term.term.length;
  const trie = new KeyTrie(Math.max(1024, totalLength * 2));
  // Per form: term, code (0 = approved, 1.. = admitted, -1-j = forbidden j) and key (trie value).
  const formTerm: number[] = [];
  const formCode: number[] = [];
  const formKey: number[] = [];
  // Per key: the term owning it, and the first form that counts (a later term claiming the key drops the
  // earlier term's forms of it).
  const keyOwner: number[] = [];
  const keyFrom: number[] = [];
  const vocabulary = new StringSetBuilder();
  const fuzzyTargets = new FuzzyWords();
  for (let index = 0; index < order.length; index++) {
    if (index % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
    const term = order[index]!;
    // Shapes are parsed here for their keys and words, and dropped: matching parses the few it needs again.
    const nAcceptable = 1 + term.admitted.length;
    const nForms = nAcceptable + term.forbidden.length;
    for (let k = 0; k < nForms; k++) {
      const text = k < nAcceptable ? acceptableText(term, k) : term.forbidden[k - nAcceptable]!;
      const shape = parseForm(text);
      let key = trie.insert(shape.key, keyOwner.length);
      if (key < 0) {
        key = keyOwner.length;
        keyOwner.push(index);
        keyFrom.push(formTerm.length);
      } else {
        trie.insert(shape.key, key);
        if (keyOwner[key] !== index) {
          notes.push(`"${shape.text}" of "${term.id}" replaces the same spelling in "${order[keyOwner[key]!]!.id}"`);
          keyOwner[key] = index;
          keyFrom[key] = formTerm.length;
        }
      }
      formTerm.push(index);
      formCode.push(k < nAcceptable ? k : nAcceptable - 1 - k);
      formKey.push(key);
      for (const w of shape.words) vocabulary.add(w.toLowerCase());
      if (k < nAcceptable) fuzzyTargets.add(shape, index, k);
    }
  }
  yield;
  trie.compact();
  yield;

  // Forms grouped by key, in the order they were added.
  const keyCount = keyOwner.length;
  const keyStart = new Int32Array(keyCount + 1);
  for (let f = 0; f < formTerm.length; f++) if (f >= keyFrom[formKey[f]!]!) keyStart[formKey[f]! + 1]!++;
  for (let k = 0; k < keyCount; k++) keyStart[k + 1]! += keyStart[k]!;
  const packedTerm = new Int32Array(keyStart[keyCount]!);
  const packedCode = new Int16Array(keyStart[keyCount]!);
  const fill = keyStart.slice(0, keyCount);
  for (let f = 0; f < formTerm.length; f++) {
    const key = formKey[f]!;
    if (f < keyFrom[key]!) continue;
    packedTerm[fill[key]!] = formTerm[f]!;
    packedCode[fill[key]!++] = formCode[f]!;
  }

  yield;
  const warnings: string[] = [];
  const { words, uses } = fuzzyTargets.build();
  const fit = fuzzyCapacity(words);
  if (fit < words.length) {
    warnings.push(
      `Misspellings are looked for only near the first ${fit} of ${words.length} distinct term words: ` +
        `the misspelling index is limited to ${MAX_FUZZY_ENTRIES.toLocaleString('en')} entries.`,
    );
  }

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
  const fuzzyEntries = options.fuzzy ? yield* fuzzyEntriesInSteps(words) : undefined;
  yield;
  const vocabularySet = vocabulary.build();
  const compiled: CompiledTerms = {
    terms: byId,
    lists,
    concepts: merged.terms,
    exceptions: compileExceptions(order, lists),
    termCount: order.length,
    entry,
    wordsOf(index, form) {
      const e = entries.get(index);
      return e ? e.wordsOf(form) : parseForm(acceptableText(order[index]!, form)).words;
    },
    trie,
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
    ignore,
    notes,
    warnings,
    vocabulary: vocabularySet,
    fuzzy() {
      fuzzy ??= { index: new FuzzyIndex(words, fuzzyEntries), uses, cache: new Map(), neighbours: new NeighbourIndex(compiled, uses) };
      return fuzzy;
    },
  };
  return compiled;
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

/** The distinct lower-cased words fuzzy matching can land on, in term order, and where each is used. */
class FuzzyWords {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly useId: number[] = [];
  private readonly useTerm: number[] = [];
  private readonly useForm: number[] = [];
  private readonly useWord: number[] = [];

  add(shape: FormShape, term: number, form: number): void {
    const words = shape.words;
    for (let word = 0; word < words.length; word++) {
      const lower = words[word]!.toLowerCase();
      if (lower.length < 4 || !/\p{L}/u.test(lower)) continue;
      let id = this.ids.get(lower);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(lower, id);
        this.words.push(lower);
      }
      this.useId.push(id);
      this.useTerm.push(term);
      this.useForm.push(form);
      this.useWord.push(word);
    }
  }

  /** The words, and their uses grouped by word in the order they were added. */
  build(): { words: string[]; uses: WordUses } {
    const n = this.useId.length;
    const start = new Int32Array(this.words.length + 1);
    for (let u = 0; u < n; u++) start[this.useId[u]! + 1]!++;
    for (let id = 0; id < this.words.length; id++) start[id + 1]! += start[id]!;
    const uses: WordUses = { start, term: new Int32Array(n), form: new Int16Array(n), word: new Uint8Array(n) };
    const fill = start.slice(0, this.words.length);
    for (let u = 0; u < n; u++) {
      const at = fill[this.useId[u]!]!++;
      uses.term[at] = this.useTerm[u]!;
      uses.form[at] = this.useForm[u]!;
      uses.word[at] = this.useWord[u]!;
    }
    return { words: this.words, uses };
  }
}
