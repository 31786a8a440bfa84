/**
 * The term lists' Chinese forms, compiled for the Han matcher: every form of every concept in zh-Hans and zh-Hant
 * (approved, admitted, forbidden) goes into one trie under its folded key (width and script folded, fold.ts), so a
 * Simplified and a Traditional spelling of one concept share a key and a use in either script is found by one walk.
 * Which script a document is written in decides, per use, whether it is right, a `script` or `width` variant, or
 * forbidden (hanExact.ts); the Term a finding names is the concept as that script reads it (`concepts.ts termIn`).
 *
 * Compiled on the first Chinese document and kept beside the compiled lists (a WeakMap on them), so English-only
 * runs never build it.
 */
import type { CompiledTerms } from '../compile';
import { termIn } from '../concepts';
import { foldText } from '../languages/chinese/fold';
import { KeyTrie } from '../trie';
import type { Term } from '../types';
import { HanExceptionIndex } from './hanExceptions';

export type ChineseScript = 'zh-Hans' | 'zh-Hant';

export const CHINESE_SCRIPTS: readonly ChineseScript[] = ['zh-Hans', 'zh-Hant'];

/** One Chinese form in the trie. */
export interface HanForm {
  /** Index of its concept in `HanTerms.concepts`. */
  concept: number;
  script: ChineseScript;
  /** 0 = approved, 1.. = admitted, -1 = forbidden. */
  form: number;
  text: string;
}

/** A concept as a document of one script reads it. */
export interface HanEntry {
  /** The concept's forms in the document's script, or, when it has none there, in the other one. */
  term: Term;
  /** Whether `term` is in the document's own script (else script differences cannot be told, nor fixed). */
  own: boolean;
  /** The script `term`'s forms are in. */
  script: ChineseScript;
  /** [approved, ...admitted]. */
  acceptable: readonly string[];
}

const HAN = /\p{Script=Han}/u;

export class HanTerms {
  readonly trie: KeyTrie;
  /** The concepts with Chinese forms (merged, as the lists say them). */
  readonly concepts: readonly Term[];
  private readonly keyForms: HanForm[][] = [];
  private readonly entries: Record<ChineseScript, (HanEntry | undefined)[]> = { 'zh-Hans': [], 'zh-Hant': [] };
  private readonly maps = new Map<ChineseScript, Map<string, Term>>();
  private hanExceptions: HanExceptionIndex | undefined | null = null;

  constructor(private readonly compiled: CompiledTerms) {
    const concepts: Term[] = [];
    const forms: HanForm[] = [];
    for (const concept of compiled.concepts) {
      const index = concepts.length;
      let any = false;
      for (const script of CHINESE_SCRIPTS) {
        const t = termIn(concept, script);
        if (!t) continue;
        const texts = [t.term, ...t.admitted];
        texts.forEach((text, form) => forms.push({ concept: index, script, form, text }));
        for (const text of t.forbidden) forms.push({ concept: index, script, form: -1, text });
        any = true;
      }
      if (any) concepts.push(concept);
    }
    this.concepts = concepts;
    let total = 0;
    for (const f of forms) total += f.text.length;
    // Every form's characters: at least the nodes the trie needs unless folding lengthens a key (then it grows).
    const trie = new KeyTrie(Math.max(1024, total + 1));
    for (const f of forms) {
      // A form with no Han character ("5G") is Latin text: the word matchers read it.
      if (!HAN.test(f.text)) continue;
      const key = foldText(f.text);
      let k = trie.insert(key, this.keyForms.length);
      if (k < 0) {
        k = this.keyForms.length;
        this.keyForms.push([]);
      } else trie.insert(key, k);
      this.keyForms[k]!.push(f);
    }
    trie.compact();
    this.trie = trie;
  }

  /** The concepts' and lists' Chinese exception phrases (hanExceptions.ts); undefined when there are none. */
  get exceptions(): HanExceptionIndex | undefined {
    if (this.hanExceptions === null) this.hanExceptions = HanExceptionIndex.of(this.concepts, this.compiled.lists);
    return this.hanExceptions;
  }

  /** The forms sharing the key that has trie value `value`. */
  formsOf(value: number): readonly HanForm[] {
    return this.keyForms[value]!;
  }

  /** Concept `index` as a document in `script` reads it. */
  entry(index: number, script: ChineseScript): HanEntry {
    let e = this.entries[script][index];
    if (!e) {
      const concept = this.concepts[index]!;
      const other: ChineseScript = script === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
      const own = termIn(concept, script);
      const read = (own ?? termIn(concept, other))!;
      const term: Term = { ...read, id: this.idFor(read, own ? script : other) };
      e = { term, own: own !== undefined, script: own ? script : other, acceptable: [read.term, ...read.admitted] };
      this.entries[script][index] = e;
    }
    return e;
  }

  /**
   * Every concept as a document in `script` reads it, by id, with the English terms: what a finding's or a use's
   * `termId` names in a document of that script (hover, code actions, reports look terms up here).
   */
  termsIn(script: ChineseScript): ReadonlyMap<string, Term> {
    let map = this.maps.get(script);
    if (!map) {
      map = new Map(this.compiled.terms);
      for (let i = 0; i < this.concepts.length; i++) {
        const t = this.entry(i, script).term;
        if (!map.has(t.id)) map.set(t.id, t);
      }
      this.maps.set(script, map);
    }
    return map;
  }

  /** A concept's id in a Chinese document: its approved form there, unless an English term has that id. */
  private idFor(read: Term, script: ChineseScript): string {
    return this.compiled.terms.has(read.term) ? `${read.term} (${script})` : read.term;
  }
}

const compiledHan = new WeakMap<CompiledTerms, HanTerms>();

/** The Chinese forms of `compiled`'s lists, compiled on first use. */
export function hanTermsOf(compiled: CompiledTerms): HanTerms {
  let h = compiledHan.get(compiled);
  if (!h) compiledHan.set(compiled, (h = new HanTerms(compiled)));
  return h;
}

/** The script a document tag names: zh-Hant for Traditional tags (zh-Hant, zh-HK, zh-TW, zh-MO), else zh-Hans. */
export function scriptOfTag(tag: string | undefined): ChineseScript {
  if (!tag) return 'zh-Hans';
  const parts = tag.replace(/_/g, '-').split('-').map((p) => p.toLowerCase());
  if (parts.includes('hant')) return 'zh-Hant';
  if (parts.includes('hans')) return 'zh-Hans';
  return parts.some((p) => p === 'hk' || p === 'tw' || p === 'mo') ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The terms a lint result's termIds name: the English terms, and for a Chinese document (`LintResult.lang`) its
 * concepts as that script reads them.
 */
export function termsIn(compiled: CompiledTerms, lang: string | undefined): ReadonlyMap<string, Term> {
  if (!lang || !lang.startsWith('zh')) return compiled.terms;
  return hanTermsOf(compiled).termsIn(scriptOfTag(lang));
}
