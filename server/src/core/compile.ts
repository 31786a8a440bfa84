/**
 * Compiles term lists once into a matcher: a trie over form keys for exact and variant matches, and (built on
 * first need) a deletion index over term words for misspellings. Later lists override earlier ones: a
 * workspace entry with the same approved form, or claiming the same key, replaces the bundled one.
 */
import { type FormShape, parseForm } from './forms';
import { FuzzyIndex, MAX_FUZZY_ENTRIES, fuzzyCapacity } from './fuzzy';
import { KeyTrie } from './trie';
import type { Term, TermList } from './types';

export interface CompiledForm {
  shape: FormShape;
  term: number;
  /** 0 = approved, 1.. = admitted (index + 1), -1 = forbidden. */
  form: number;
}

export interface CompiledTerm {
  term: Term;
  /** Acceptable forms: [approved, ...admitted]. */
  acceptable: FormShape[];
  /** The words of acceptable form `form`, without keeping its shape. */
  wordsOf(form: number): readonly string[];
}

/** A term word that fuzzy matching can land on: which term, which acceptable form, which word of it. */
export interface WordUse {
  term: number;
  form: number;
  word: number;
}

export interface CompiledTerms {
  readonly terms: ReadonlyMap<string, Term>;
  readonly lists: readonly TermList[];
  readonly entries: readonly CompiledTerm[];
  readonly trie: KeyTrie;
  /** Forms by trie value. */
  readonly keyForms: readonly CompiledForm[][];
  /** Lower-cased found strings never reported. */
  readonly ignore: ReadonlySet<string>;
  /** Notes on overrides between lists (not errors). */
  readonly notes: readonly string[];
  /** Limits these lists ran into (what is therefore not checked), for the CLI and the server to show. */
  readonly warnings: readonly string[];
  /** Every lower-cased word of every form: such a word is never a misspelling. */
  readonly vocabulary: ReadonlySet<string>;
  fuzzy(): FuzzyMatcher;
}

export interface FuzzyMatcher {
  index: FuzzyIndex;
  /** Uses of each indexed word (same order as index.words). */
  uses: readonly WordUse[][];
  /** Per-word cache of lookups. */
  cache: Map<string, ReturnType<FuzzyIndex['lookup']>>;
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
    return (this.shapes?.[form] ?? parseForm(form === 0 ? this.term.term : this.term.admitted[form - 1]!)).words;
  }
}

/** A form in the trie; its shape is its term's (or, for a forbidden form, parsed again) on first use. */
class LazyForm implements CompiledForm {
  private forbiddenShape: FormShape | undefined;
  constructor(
    private readonly entry: CompiledTerm,
    readonly term: number,
    readonly form: number,
    private readonly text: string,
  ) {}
  get shape(): FormShape {
    return this.form >= 0 ? this.entry.acceptable[this.form]! : (this.forbiddenShape ??= parseForm(this.text));
  }
}

export function normalizeIgnored(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function compileTerms(lists: readonly TermList[]): CompiledTerms {
  const notes: string[] = [];
  const byId = new Map<string, Term>();
  for (const list of lists) {
    for (const t of list.terms) {
      if (byId.has(t.id)) {
        byId.delete(t.id); // re-insert so order follows the overriding list
        notes.push(`"${t.id}" from ${list.file} overrides an earlier entry`);
      }
      byId.set(t.id, t);
    }
  }
  const ignore = new Set<string>();
  for (const list of lists) for (const w of list.ignore ?? []) ignore.add(normalizeIgnored(w));

  const entries: CompiledTerm[] = [];
  const keyOwner = new Map<string, number>();
  const formsByKey = new Map<string, CompiledForm[]>();
  const vocabulary = new Set<string>();
  const fuzzyTargets = new FuzzyWords();
  for (const term of byId.values()) {
    const index = entries.length;
    const entry = new LazyTerm(term);
    entries.push(entry);
    // Shapes are parsed here for their keys and words, and dropped: matching parses the few it needs again.
    const texts = [term.term, ...term.admitted, ...term.forbidden];
    for (let k = 0; k < texts.length; k++) {
      const shape = parseForm(texts[k]!);
      const form = k <= term.admitted.length ? k : -1;
      const f = new LazyForm(entry, index, form, shape.text);
      const owner = keyOwner.get(shape.key);
      if (owner !== undefined && owner !== index) {
        notes.push(`"${shape.text}" of "${term.id}" replaces the same spelling in "${entries[owner]!.term.id}"`);
        formsByKey.set(shape.key, []);
      }
      keyOwner.set(shape.key, index);
      const list = formsByKey.get(shape.key) ?? [];
      list.push(f);
      formsByKey.set(shape.key, list);
      for (const w of shape.words) vocabulary.add(w.toLowerCase());
      if (form >= 0) fuzzyTargets.add(shape, index, form);
    }
  }

  const trie = new KeyTrie(Math.max(1024, formsByKey.size * 8));
  const keyForms: CompiledForm[][] = [];
  for (const [key, forms] of formsByKey) {
    trie.insert(key, keyForms.length);
    keyForms.push(forms);
  }
  trie.compact();

  const warnings: string[] = [];
  // The word ids were only needed while collecting: keep the words and their uses.
  const { words, uses } = fuzzyTargets;
  const fit = fuzzyCapacity(words);
  if (fit < words.length) {
    warnings.push(
      `Misspellings are looked for only near the first ${fit} of ${words.length} distinct term words: ` +
        `the misspelling index is limited to ${MAX_FUZZY_ENTRIES.toLocaleString('en')} entries.`,
    );
  }

  let fuzzy: FuzzyMatcher | undefined;
  return {
    terms: byId,
    lists,
    entries,
    trie,
    keyForms,
    ignore,
    notes,
    warnings,
    vocabulary,
    fuzzy() {
      fuzzy ??= { index: new FuzzyIndex(words), uses, cache: new Map() };
      return fuzzy;
    },
  };
}

/** The distinct lower-cased words fuzzy matching can land on, in term order, and where each is used. */
class FuzzyWords {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  readonly uses: WordUse[][] = [];

  add(shape: FormShape, term: number, form: number): void {
    shape.words.forEach((w, word) => {
      const lower = w.toLowerCase();
      if (lower.length < 4 || !/\p{L}/u.test(lower)) return;
      let id = this.ids.get(lower);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(lower, id);
        this.words.push(lower);
        this.uses.push([]);
      }
      this.uses[id]!.push({ term, form, word });
    });
  }
}
