/**
 * Hyphenated, spaced and joined forms of one word or compound: "cross-border" / "cross border" /
 * "crossborder", "start-up" / "startup", "co-operate" / "cooperate", "data base" / "database". Every
 * hyphenated compound the documents write is a candidate, looked up as one word and as the same words apart;
 * without a hyphenated form, two words apart are compared with the same letters written as one word.
 *
 * Guards: a spaced pair that starts or ends with a grammar word is a phrase of its own ("every day" /
 * "everyday", "set up" / "setup", "follow up" / "follow-up"); a hyphen that makes another word ("re-sign" /
 * "resign") keeps the pair apart; a word that is part of a longer hyphenated compound counts only as that
 * compound; a hyphen at a line end is never read (it may be the line's, not the word's).
 */
import type { Language, VariantVocabulary } from '../languages/language';
import { IntTable } from './intTable';
import type { VariantGroup, VariantUse } from './tally';
import { Gap, Word, type WordTable, atSentenceStart, endOf, inHeading, joinedHash, lowerText, startOf } from './words';

/** Compounds of more words than this are left alone ("state-of-the-art" has four). */
const MAX_PARTS = 5;
/** The same, for unchanged.ts (the loops here read the module-local copy: an export is read through `exports`). */
export const COMPOUND_PARTS = MAX_PARTS;

interface Compound {
  key: string;
  /** Where the hyphenated forms split the letters ("5" for "cross|border"), so a spaced form splits alike. */
  splits: Set<string>;
  uses: VariantUse[];
}

function usable(t: WordTable, k: number): boolean {
  return (t.flags[k]! & (Word.Letters | Word.Covered)) === Word.Letters;
}

/** Not joined by a hyphen to the word before or after: a word of its own. */
function standsAlone(t: WordTable, k: number): boolean {
  return (k === 0 || t.gap[k - 1] !== Gap.Hyphen) && (k + 1 >= t.length || t.gap[k] !== Gap.Hyphen);
}

function splitsOf(t: WordTable, first: number, last: number): string {
  const out: number[] = [];
  let at = 0;
  for (let k = first; k < last; k++) out.push((at += lowerText(t, k).length));
  return out.join(',');
}

function shownOf(t: WordTable, first: number, last: number): string {
  return t.view.text.slice(startOf(t, first), endOf(t, last)).replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-');
}

function use(source: number, t: WordTable, first: number, last: number, form: string): VariantUse {
  const start = startOf(t, first);
  const initial = atSentenceStart(t, first) || inHeading(t, first) || t.lang.punctuation.openingQuotes.has(t.view.masked.charCodeAt(start - 1));
  return { source, start, end: endOf(t, last), form, shown: shownOf(t, first, last), initial };
}

export function hyphenationGroups(tables: readonly WordTable[], lang: Language, vocab: VariantVocabulary): VariantGroup[] {
  // Each pass over the words is a function of its own: V8 compiles a long loop while it runs (OSR), and code after
  // it in the same function, never run by then, would bail out of that compiled copy at every later call.
  const found: Compounds = { compounds: [], byKey: new Map(), byHash: new IntTable(64), heads: new IntTable(64) };
  // Hyphenated compounds: maximal runs of words joined by single hyphens.
  for (let source = 0; source < tables.length; source++) hyphenated(found, source, tables[source]!, vocab);
  // One pass per document: the compounds' letters as one word, and as words apart (each word in at most one
  // spaced use, left first); and every pair of content words, for the pairs with no hyphenated form.
  const spaced = tables.map((t) => new Uint8Array(t.length));
  const pairs = new PairFilter();
  for (let source = 0; source < tables.length; source++) joinedAndSpaced(found, source, tables[source]!, vocab, spaced[source]!, pairs);
  const groups: VariantGroup[] = found.compounds.filter((c) => c.uses.length > 1).map((c) => group(c.uses, lang));
  groups.push(...apartAndJoined(tables, spaced, pairs, found.byHash, lang));
  return groups;
}

/** The hyphenated compounds of the documents, known by key and by their letters' hash, and their first words. */
interface Compounds {
  compounds: Compound[];
  byKey: Map<string, number>;
  byHash: IntTable;
  /** The first words of the compounds: a spaced form can only start with one. */
  heads: IntTable;
}

/** The hyphenated compounds of `t`, each a use of its compound (made if new). */
function hyphenated(found: Compounds, source: number, t: WordTable, vocab: VariantVocabulary): void {
  const { compounds, byKey, byHash, heads } = found;
  for (let k = 0; k + 1 < t.length; k++) {
    if (t.gap[k] !== Gap.Hyphen || (k > 0 && t.gap[k - 1] === Gap.Hyphen)) continue;
    let last = k + 1;
    while (last + 1 < t.length && t.gap[last] === Gap.Hyphen) last++;
    if (last - k + 1 > MAX_PARTS) continue;
    let ok = true;
    const words: string[] = [];
    for (let j = k; j <= last && ok; j++) {
      ok = usable(t, j);
      words.push(lowerText(t, j));
    }
    const key = words.join('');
    if (!ok || key.length < 4 || vocab.hyphenKeepsApart(key)) continue;
    let id = byKey.get(key);
    if (id === undefined) {
      byKey.set(key, (id = compounds.length));
      compounds.push({ key, splits: new Set(), uses: [] });
      byHash.add(joinedHash(t, k, last), id);
    }
    const c = compounds[id]!;
    heads.add(t.hash[k]!, 0);
    c.splits.add(splitsOf(t, k, last));
    c.uses.push(use(source, t, k, last, words.join('-')));
  }
}

/**
 * The uses in `t` of the compounds written as one word or as words apart (those marked in `taken`), and every pair
 * of content words not part of one, into `pairs`.
 */
function joinedAndSpaced(found: Compounds, source: number, t: WordTable, vocab: VariantVocabulary, taken: Uint8Array, pairs: PairFilter): void {
  const { compounds, byHash, heads } = found;
  const { flags, gap, hash, pow } = t;
  const { starts, ends } = t.tokens;
  const n = t.length;
  for (let k = 0; k < n; k++) {
    const f = flags[k]!;
    if ((f & (Word.Letters | Word.Covered)) !== Word.Letters) continue;
    const afterHyphen = k > 0 && gap[k - 1] === Gap.Hyphen;
    const beforeHyphen = k + 1 < n && gap[k] === Gap.Hyphen;
    const h = hash[k]!;
    if (!afterHyphen && !beforeHyphen) {
      const id = byHash.get(h);
      if (id >= 0 && lowerText(t, k) === compounds[id]!.key) compounds[id]!.uses.push(use(source, t, k, k, compounds[id]!.key));
    }
    if (afterHyphen || k + 1 >= n || gap[k] !== Gap.Space) continue;
    if (heads.get(h) >= 0 && !taken[k]) {
      const last = spacedCompound(t, k, compounds, byHash, vocab, source);
      if (last > k) {
        taken.fill(1, k, last + 1);
        continue;
      }
    }
    // A pair of content words, not part of a hyphenated compound, for apartAndJoined.
    const g = flags[k + 1]!;
    if ((f & Word.Function) !== 0 || (g & (Word.Letters | Word.Covered | Word.Function)) !== Word.Letters) continue;
    if ((k + 2 < n && gap[k + 1] === Gap.Hyphen) || ends[k]! - starts[k]! < 2 || ends[k + 1]! - starts[k + 1]! < 2) continue;
    const ph = (Math.imul(h, pow[k + 1]!) + hash[k + 1]!) | 0;
    pairs.add(ph);
  }
}

/** The last word of the spaced form of a compound starting at word k ("cross border"), or -1. */
function spacedCompound(t: WordTable, k: number, compounds: readonly Compound[], byHash: IntTable, vocab: VariantVocabulary, source: number): number {
  let h = t.hash[k]!;
  for (let last = k + 1; last < k + MAX_PARTS && last < t.length; last++) {
    if (t.gap[last - 1] !== Gap.Space || !usable(t, last)) return -1;
    h = (Math.imul(h, t.pow[last]!) + t.hash[last]!) | 0;
    if (last + 1 < t.length && t.gap[last] === Gap.Hyphen) return -1;
    const id = byHash.get(h);
    if (id < 0) continue;
    const c = compounds[id]!;
    const words: string[] = [];
    for (let j = k; j <= last; j++) words.push(lowerText(t, j));
    if (words.join('') !== c.key || !c.splits.has(splitsOf(t, k, last))) continue;
    if (vocab.isFunctionWord(words[0]!) || vocab.isFunctionWord(words[words.length - 1]!)) return -1;
    c.uses.push(use(source, t, k, last, words.join(' ')));
    return last;
  }
  return -1;
}

/**
 * Two words apart that are one word elsewhere in the documents ("data base" / "database"), with no hyphenated
 * form: every pair of content words (no grammar word in it) is in `pairs` by the hash of its letters, and every
 * word long enough to be two is looked up there. The filter may say yes wrongly; a word it names is only a
 * candidate, and a candidate no pair of words spells has one form and no finding.
 */
function apartAndJoined(tables: readonly WordTable[], taken: readonly Uint8Array[], pairs: PairFilter, compounds: IntTable, lang: Language): VariantGroup[] {
  const found: Joined = { groups: [], byKey: new Map(), byHash: new IntTable(16) };
  // Each pass over the words is a function of its own (see hyphenationGroups).
  for (let source = 0; source < tables.length; source++) joinedWords(found, source, tables[source]!, pairs, compounds);
  if (found.groups.length === 0) return [];
  for (let source = 0; source < tables.length; source++) wordsApart(found, source, tables[source]!, taken[source]!);
  return found.groups.map((g) => group(g.uses, lang));
}

/** The words that may be two words joined, known by their letters and by their letters' hash. */
interface Joined {
  groups: { key: string; uses: VariantUse[] }[];
  byKey: Map<string, number>;
  byHash: IntTable;
}

/** The words of `t` long enough to be two that some pair of content words may spell (`pairs`), each in its group. */
function joinedWords(found: Joined, source: number, t: WordTable, pairs: PairFilter, compounds: IntTable): void {
  const { groups, byKey, byHash } = found;
  const { flags, hash } = t;
  const { starts, ends } = t.tokens;
  for (let k = 0; k < t.length; k++) {
    if ((flags[k]! & (Word.Letters | Word.Covered | Word.Function)) !== Word.Letters || ends[k]! - starts[k]! < 5) continue;
    if (!pairs.has(hash[k]!) || !standsAlone(t, k) || compounds.get(hash[k]!) >= 0) continue;
    const key = lowerText(t, k);
    let id = byKey.get(key);
    if (id === undefined) {
      byKey.set(key, (id = groups.length));
      groups.push({ key, uses: [] });
      byHash.add(hash[k]!, id);
    }
    groups[id]!.uses.push(use(source, t, k, k, key));
  }
}

/** The pairs of content words of `t` (none of them in `used`) that spell a group's word, as its uses. */
function wordsApart(found: Joined, source: number, t: WordTable, used: Uint8Array): void {
  const { groups, byHash } = found;
  for (let k = 0; k + 1 < t.length; k++) {
    if (t.gap[k] !== Gap.Space || used[k] || used[k + 1] || !content(t, k) || !content(t, k + 1)) continue;
    if ((k > 0 && t.gap[k - 1] === Gap.Hyphen) || (k + 2 < t.length && t.gap[k + 1] === Gap.Hyphen)) continue;
    const id = byHash.get((Math.imul(t.hash[k]!, t.pow[k + 1]!) + t.hash[k + 1]!) | 0);
    if (id < 0) continue;
    const a = lowerText(t, k);
    const b = lowerText(t, k + 1);
    if (a + b !== groups[id]!.key || a.length < 2 || b.length < 2) continue;
    groups[id]!.uses.push(use(source, t, k, k + 1, `${a} ${b}`));
    k++;
  }
}

/**
 * The hashes of every pair of content words, as a Bloom filter: two bits in a 2^20-bit table (128 KB) per pair.
 * A document has tens of thousands of pairs; a hash table of them would be a megabyte read at random, after the
 * matcher has filled the caches with the term list (the check cost three times what it costs on its own).
 */
class PairFilter {
  private readonly bits = new Int32Array(1 << 15);

  add(h: number): void {
    const a = h & 0xfffff;
    const b = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 12;
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  has(h: number): boolean {
    const a = h & 0xfffff;
    const b = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 12;
    return (this.bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** A word a compound can be made of: letters, no term list's, no grammar word. */
function content(t: WordTable, k: number): boolean {
  return (t.flags[k]! & (Word.Letters | Word.Covered | Word.Function)) === Word.Letters;
}

function group(uses: VariantUse[], lang: Language): VariantGroup {
  return {
    uses,
    wordwise: false,
    listed: (form) => !/[ -]/.test(form) && lang.isWord(form),
    rewrite(use, found, view, target, written) {
      // Mid-sentence, the capitals are the word's: written as the target form is written there.
      const capitals = use.initial || !written || found.toUpperCase() === found ? undefined : written.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
      return withSeparatorsOf(found, view, target, capitals);
    },
  };
}

/**
 * `found` with the separators of form `target` (lower-case letters, "-" and " "): only white space and hyphens
 * between its letters change, so its capitals and any markup between the words stay ("Cross border" →
 * "Cross-border", "cross** border" → "cross**-border"). `view` tells markup (hidden or blanked in the view)
 * from the author's letters and spaces. With `capitals` (the letters of the form as written mid-sentence), the
 * letters take their case.
 */
function withSeparatorsOf(found: string, view: string, target: string, capitals: string | undefined): string {
  const isLetter = (i: number) => view.charCodeAt(i) === found.charCodeAt(i) && /[\p{L}\p{M}\p{N}]/u.test(found[i]!);
  const isSpace = (i: number) => view.charCodeAt(i) === found.charCodeAt(i) && /[\s\u2010\u2011-]/u.test(found[i]!);
  let out = '';
  let i = 0;
  let letters = 0;
  for (let j = 0; j < target.length; j++) {
    const c = target[j]!;
    if (c === '-' || c === ' ') {
      // Markup that ends the word before stays before the separator.
      while (i < found.length && !isLetter(i) && !isSpace(i)) out += found[i++];
      out += c;
      continue;
    }
    // The author's white space and hyphens go; markup stays.
    while (i < found.length && !isLetter(i)) {
      if (!isSpace(i)) out += found[i];
      i++;
    }
    if (i >= found.length) return target;
    const letter = capitals?.[letters++];
    out += letter !== undefined && letter.toLowerCase() === found[i]!.toLowerCase() ? letter : found[i];
    i++;
  }
  return i === found.length ? out : target;
}

