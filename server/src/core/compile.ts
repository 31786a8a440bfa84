/**
 * Compiles term lists once into a matcher: a trie over form keys for exact and variant matches, and (built on
 * first need) a deletion index over term words for misspellings. The lists' concepts are merged first
 * (termlists/merge.ts: a later entry for the same concept adds to the earlier one, or replaces it with
 * `"replace": true`), then read in English, the language documents are matched in; a later concept claiming
 * an earlier one's admitted or forbidden spelling takes it over. Exceptions (terms' `exceptions`, lists'
 * `ignore`) are compiled beside the trie. What compiling builds is plain data (`CompiledParts`); the object
 * matching reads is assembled over it (compiledTerms.ts), which is also how a cached compilation is read back.
 */
import { conceptsIn } from './concepts';
import { type CompiledParts, type CompiledTerms, acceptableText, assembleCompiled } from './compiledTerms';
import { type FormShape, parseForm } from './forms';
import { MAX_FUZZY_ENTRIES, type WordUses, fuzzyCapacity, fuzzyEntriesInSteps } from './fuzzy';
import { KeyTrie } from './trie';
import { StringSetBuilder } from './stringSet';
import { mergeLists } from './termlists/merge';
import type { Term, TermList } from './types';

export type { CompiledForm, CompiledParts, CompiledTerm, CompiledTerms, FuzzyMatcher } from './compiledTerms';

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
  // As many nodes as the approved forms have characters: usually more than the trie needs (keys share
  // prefixes), and the trie grows if the other forms need more. Twice that was most of a 50,000-term list's
  // peak memory while compiling (29 MB for 0.6 million nodes).
  const trie = new KeyTrie(Math.max(1024, totalLength + 1));
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
  const fuzzyEntries = options.fuzzy ? yield* fuzzyEntriesInSteps(words) : undefined;
  yield;
  const parts: CompiledParts = {
    lists,
    concepts: merged.terms,
    order,
    ignore: [...ignore],
    notes,
    warnings,
    trie: trie.toData(),
    keyStart,
    packedTerm,
    packedCode,
    vocabulary: vocabulary.buildData(),
    fuzzyWords: words,
    fuzzyUses: uses,
    ...(fuzzyEntries ? { fuzzyEntries } : {}),
  };
  return assembleCompiled(parts);
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
