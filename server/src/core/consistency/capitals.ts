/**
 * A word or a name capitalised differently mid-sentence: "the Internet" and "the internet", "Greater Bay Area"
 * and "greater bay area". What never counts: a capital at a sentence start, anything in a heading (Title Case
 * and ALL CAPS are the heading's), words in ALL CAPS or with inner capitals ("IPP", "iPhone"), a capitalised
 * word next to another (it belongs to a longer name: "Guangdong Province" says nothing about "province") or to
 * a number ("May 2024", "Phase 2"), grammar words ("May" / "may") and words always capitalised (months, days).
 */
import { HeadingStyle, type Language, type VariantVocabulary } from '../languages/language';
import { CharClass, charClassTable } from '../text';
import { IntTable } from './intTable';
import type { VariantGroup, VariantUse } from './tally';
import { Gap, HASH_BASE, SEPARATOR, Word, type WordTable, atSentenceStart, capitalWords, endOf, inHeading, isPhrase, lowerText, phraseHash, startOf, wordText } from './words';

/** Names of more words than this are compared only word by word. */
const MAX_NAME = 5;

/**
 * The lower-case words that join the words of one name: "of" and "for", and "the" after them ("Institute of
 * Public Policy", "Bank of the West"). Other minor words join two names ("the Internet and the Web"), and none
 * joins a run that starts a sentence (where the first capital proves nothing).
 */
const CONNECTORS = new Set(['of', 'for']);

export function connects(t: WordTable, k: number, afterConnector: boolean): 0 | 1 | 2 {
  // Connectors are grammar words: the flag answers for nearly every word without a string.
  if ((t.flags[k]! & (Word.Lower | Word.Function)) !== (Word.Lower | Word.Function)) return 0;
  const w = lowerText(t, k);
  if (CONNECTORS.has(w)) return 1;
  return afterConnector && w === 'the' ? 2 : 0;
}

/** A plain word the check may compare: letters, no term list's, not part of a hyphenated compound. */
function plain(t: WordTable, k: number): boolean {
  const f = t.flags[k]!;
  if ((f & (Word.Letters | Word.Covered | Word.AllCaps | Word.InnerUpper)) !== Word.Letters) return false;
  return (k === 0 || t.gap[k - 1] !== Gap.Hyphen) && (k + 1 >= t.length || t.gap[k] !== Gap.Hyphen);
}

/**
 * Where a capital may be the author's rather than the word's: a sentence start (the language's rule), or right
 * after an opening quote (quoted speech, a quoted title).
 */
export function initial(t: WordTable, k: number): boolean {
  return atSentenceStart(t, k) || t.lang.punctuation.openingQuotes.has(t.view.masked.charCodeAt(startOf(t, k) - 1));
}

/** A capital that belongs to a name: the word is capitalised, and not just because a sentence starts there. */
function nameCapital(t: WordTable, k: number): boolean {
  return (t.flags[k]! & Word.UpperFirst) !== 0 && !initial(t, k);
}

/**
 * A run of capitalised words may start here: any capitalised word but a grammar word at a sentence start ("The
 * Bay Park" starts at "Bay"; "Pearl River Delta" at a sentence start starts at "Pearl").
 */
function startsRun(t: WordTable, k: number): boolean {
  if ((t.flags[k]! & Word.UpperFirst) === 0 || !plain(t, k)) return false;
  return (t.flags[k]! & Word.Function) === 0 || !initial(t, k);
}

/**
 * A number or a name stands next to words [first, last] (across white space), on a side where the words are
 * capitalised themselves: they are part of something longer ("Phase 2", "Qianhai Data Centre"). A capitalised
 * word at a sentence start is a name when it is no ordinary word ("Guangdong Province"). Lower-case words are
 * never part of a name, whatever stands next to them.
 */
function hasNeighbour(t: WordTable, first: number, last: number): boolean {
  const capital = (k: number) => (t.flags[k]! & Word.UpperFirst) !== 0;
  const near = (k: number) => {
    const f = t.flags[k]!;
    if ((f & Word.Letters) === 0) return true;
    // A word of a hyphenated compound is the compound's: its capital may be fixed with it ("Cross-border").
    if ((f & Word.UpperFirst) === 0 || !plain(t, k)) return false;
    return !initial(t, k) || !t.lang.isWord(lowerText(t, k));
  };
  return (
    (capital(first) && first > 0 && t.gap[first - 1] === Gap.Space && near(first - 1)) ||
    (capital(last) && last + 1 < t.length && t.gap[last] === Gap.Space && near(last + 1))
  );
}

/** Words [first, last] are compared at all: mid-sentence, outside headings. */
function midSentence(t: WordTable, first: number): boolean {
  return !initial(t, first) && !inHeading(t, first) && !inTitle(t, first);
}

/** Opening and closing quotes a quoted title stands between. */
const OPEN_QUOTES = new Set([0x22, 0x201c, 0x2018, 0x27]);
const CLOSE_QUOTES = new Set([0x22, 0x201d, 0x2019, 0x27]);
/** How far a title may reach on either side of a word. */
export const TITLE_REACH = 200;

/**
 * Capitals of a title that is no heading to the format: a line in Title Case or capitals on its own (a plain-text
 * title), or a quoted title in Title Case ("the conference on "Promoting High-quality Development"").
 */
export function inTitle(t: WordTable, k: number): boolean {
  const text = t.view.masked;
  const at = startOf(t, k);
  const end = endOf(t, k);
  // The word's line, within TITLE_REACH of its start (native searches for the line's ends).
  const lineStart = at === 0 ? 0 : Math.max(text.lastIndexOf('\n', at - 1) + 1, at - TITLE_REACH);
  let lineEnd = end;
  if (end - at < TITLE_REACH) {
    const nl = text.indexOf('\n', end);
    lineEnd = Math.min(nl < 0 ? text.length : nl, at + TITLE_REACH);
  }
  if (!readsAsProse(t, k) && !proseNear(t, k, lineStart, lineEnd) && lineStyle(t, lineStart, lineEnd) !== HeadingStyle.None) return true;
  // The nearest quote before the word on its line, if it opens (a letter follows it) and one after it closes;
  // most lines have no quote before the word at all.
  if (!QUOTE.test(text.slice(lineStart, at))) return false;
  let open = -1;
  for (let i = at - 1; i >= lineStart; i--) {
    const c = text.charCodeAt(i);
    if (CLOSE_QUOTES.has(c) && !OPEN_QUOTES.has(c)) return false;
    if (OPEN_QUOTES.has(c) && (c !== 0x27 || i === 0 || /\s/.test(text[i - 1]!))) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = end; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (CLOSE_QUOTES.has(c) && (c !== 0x27 || i + 1 >= text.length || !/\p{L}/u.test(text[i + 1]!))) {
      close = i;
      break;
    }
  }
  return close > 0 && titleCase(t.lang, text.slice(open + 1, close));
}

/**
 * Word k keeps any line it is on from reading as Title Case or capitals (`Language.headingStyle`): it starts with
 * five ASCII letters in lower case (no minor word is that long; a format character inside a word ends a word of
 * the heading's), and no letter, mark, apostrophe or hyphen before it joins it to a word before. Most words a
 * name's lower-case uses are.
 */
function readsAsProse(t: WordTable, k: number): boolean {
  const text = t.view.masked;
  const at = startOf(t, k);
  if (at + 5 > text.length) return false;
  for (let i = at; i < at + 5; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  if (at === 0) return true;
  const b = text.charCodeAt(at - 1);
  if (b === 0x27 || b === 0x2019) return false;
  const cls = charClassTable()[b]!;
  // Letters are of the Word class but Han and kana (Cjk); an astral letter is a surrogate pair.
  return cls !== CharClass.Word && cls !== CharClass.Cjk && cls !== CharClass.Hyphen && (b < 0xd800 || b > 0xdfff);
}

/** How many words each side of a word `proseNear` reads. */
const PROSE_NEAR = 3;

/**
 * A word a few words from k, wholly inside the line [from, to) that inTitle reads, reads as prose (readsAsProse):
 * then so does the line, and it is no title. This answers for nearly every word of prose without reading its line:
 * lineStyle remembers only the last line asked, and the check asks about uses all over the document (and in a
 * paragraph written on one line, every word reads a stretch of its own).
 */
function proseNear(t: WordTable, k: number, from: number, to: number): boolean {
  for (let d = 1; d <= PROSE_NEAR; d++) {
    const a = k - d;
    if (a >= 0 && startOf(t, a) >= from && readsAsProse(t, a)) return true;
    const b = k + d;
    if (b < t.length && endOf(t, b) <= to && readsAsProse(t, b)) return true;
  }
  return false;
}

/** Any of the quotes of OPEN_QUOTES and CLOSE_QUOTES. */
const QUOTE = /["\u201c\u201d\u2018\u2019']/;

/**
 * The heading style of a table's text [from, to), the last one asked of each table remembered: the checks ask
 * about words in document order, and every word of a line shorter than TITLE_REACH each side asks about the same
 * whole line.
 */
const lastStyles = new WeakMap<WordTable, { from: number; to: number; style: HeadingStyle }>();

function lineStyle(t: WordTable, from: number, to: number): HeadingStyle {
  const last = lastStyles.get(t);
  if (last && last.from === from && last.to === to) return last.style;
  const style = t.lang.headingStyle(t.view.masked.slice(from, to));
  if (!last) lastStyles.set(t, { from, to, style });
  else {
    last.from = from;
    last.to = to;
    last.style = style;
  }
  return style;
}

/** A quoted title: two or more words, each capitalised but minor words (a hyphenated word by its first part). */
function titleCase(lang: Language, s: string): boolean {
  // One word at a time: the first significant one in lower case answers.
  const word = /\p{L}[\p{L}\p{M}'’-]*/gu;
  let significant = 0;
  for (let m = word.exec(s); m !== null; m = word.exec(s)) {
    const w = m[0];
    if (w.length < 3 || lang.minorWords.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    significant++;
  }
  return significant >= 2;
}

function shown(t: WordTable, first: number, last: number): string {
  return t.view.text.slice(startOf(t, first), endOf(t, last)).replace(/\s+/g, ' ');
}

export function capitalizationGroups(tables: readonly WordTable[], lang: Language, vocab: VariantVocabulary): VariantGroup[] {
  // Words of names (and of the same words written otherwise) are the names' to compare, not each word's.
  const named = tables.map((t) => new Uint8Array(t.length));
  const names = nameGroups(tables, lang, named);
  return [...names, ...wordGroups(tables, lang, vocab, named)];
}

/** Single words: a capitalised word on its own mid-sentence, against the same word in lower case. */
function wordGroups(tables: readonly WordTable[], lang: Language, vocab: VariantVocabulary, named: readonly Uint8Array[]): VariantGroup[] {
  // Each pass over the words is a function of its own: V8 compiles a long loop while it runs (OSR), and code after
  // it in the same function, never run by then, would bail out of that compiled copy at every later call.
  const found: WordCandidates = { keys: new IntTable(64), groups: [], byKey: new Map(), uses: [] };
  for (let source = 0; source < tables.length; source++) capitalisedWords(found, source, tables[source]!, vocab, named[source]!);
  const { groups } = found;
  if (groups.length === 0) return [];
  // The uses in lower case, counted first: a group of one use is none, and its uses are never made.
  const counts = new Int32Array(groups.length);
  const pending = found.uses;
  for (let i = 0; i < pending.length; i++) counts[pending[i]!.id]!++;
  const lowerUses: WordCandidate[] = [];
  for (let source = 0; source < tables.length; source++) lowerCaseUses(found, source, tables[source]!, named[source]!, counts, lowerUses);
  addWordUses(pending, counts, groups);
  addWordUses(lowerUses, counts, groups);
  return groups.filter((g) => g.uses.length > 1).map((g) => caseGroup(g.uses, lang));
}

/** A word of a group of `wordGroups`: where it is, and its group. */
interface WordCandidate {
  source: number;
  t: WordTable;
  k: number;
  id: number;
}

/** The groups `wordGroups` makes, known by key and by the key's hash, and their capitalised uses so far. */
interface WordCandidates {
  keys: IntTable;
  groups: { key: string; uses: VariantUse[] }[];
  byKey: Map<string, number>;
  uses: WordCandidate[];
}

/** The capitalised words of `t` on their own mid-sentence, each in its group (made if new). */
function capitalisedWords(found: WordCandidates, source: number, t: WordTable, vocab: VariantVocabulary, isNamed: Uint8Array): void {
  const { keys, groups, byKey, uses } = found;
  const { flags } = t;
  const capitals = capitalWords(t);
  for (let i = 0; i < capitals.length; i++) {
    const k = capitals[i]!;
    // Grammar words are never compared ("May" / "may", "US" / "us").
    if ((flags[k]! & Word.Function) !== 0 || isNamed[k] || !plain(t, k) || endOf(t, k) - startOf(t, k) < 2) continue;
    if (!midSentence(t, k) || hasNeighbour(t, k, k)) continue;
    // A word of a group already made (its key's answers given) is known by its hash and letters, no string made.
    let id = keys.get(t.hash[k]!);
    if (id < 0 || !isPhrase(t, k, k, groups[id]!.key)) {
      const lower = lowerText(t, k);
      if (vocab.isAlwaysCapitalised(lower)) continue;
      id = byKey.get(lower) ?? -1;
      if (id < 0) {
        byKey.set(lower, (id = groups.length));
        groups.push({ key: lower, uses: [] });
        keys.add(t.hash[k]!, id);
      }
    }
    uses.push({ source, t, k, id });
  }
}

/** The words of `t` in lower case mid-sentence whose letters are a group's key, counted and kept in `out`. */
function lowerCaseUses(found: WordCandidates, source: number, t: WordTable, isNamed: Uint8Array, counts: Int32Array, out: WordCandidate[]): void {
  const { keys, groups } = found;
  const { flags, hash } = t;
  for (let k = 0, n = t.length; k < n; k++) {
    if ((flags[k]! & Word.Lower) === 0) continue;
    const id = keys.get(hash[k]!);
    if (id < 0 || isNamed[k] || !plain(t, k)) continue;
    const key = groups[id]!.key;
    if (!(isPhrase(t, k, k, key) || lowerText(t, k) === key) || !midSentence(t, k)) continue;
    counts[id]!++;
    out.push({ source, t, k, id });
  }
}

/** The uses of groups of more than one, made. */
function addWordUses(list: readonly WordCandidate[], counts: Int32Array, groups: WordCandidates['groups']): void {
  for (let i = 0; i < list.length; i++) {
    const { source, t, k, id } = list[i]!;
    if (counts[id]! > 1) groups[id]!.uses.push({ source, start: startOf(t, k), end: endOf(t, k), form: wordText(t, k), shown: wordText(t, k) });
  }
}

/**
 * Names: runs of capitalised words mid-sentence ("Greater Bay Area", "Institute of Public Policy"), against the
 * same words capitalised otherwise, where they are not part of a longer name.
 */
function nameGroups(tables: readonly WordTable[], lang: Language, named: readonly Uint8Array[]): VariantGroup[] {
  // Each pass over the words is a function of its own (see wordGroups).
  const found: NameCandidates = { keys: new IntTable(64), heads: new IntTable(64), groups: [], byKey: new Map(), longest: 0 };
  for (let source = 0; source < tables.length; source++) nameRuns(found, tables[source]!, named[source]!);
  const { groups } = found;
  if (groups.length === 0) return [];
  /** The uses found, as (source, table, first word, last word, group), and how many each group has. */
  const spans: [number, WordTable, number, number, number][] = [];
  const counts = new Int32Array(groups.length);
  for (let source = 0; source < tables.length; source++) nameUses(found, source, tables[source]!, named[source]!, spans, counts);
  addNameUses(spans, counts, groups);
  return groups.filter((g) => g.uses.length > 1).map((g) => caseGroup(g.uses, lang));
}

/** The uses of names used more than once, made (a name used once is no group: its use is never made). */
function addNameUses(spans: readonly [number, WordTable, number, number, number][], counts: Int32Array, groups: NameCandidates['groups']): void {
  for (let i = 0; i < spans.length; i++) {
    const [source, t, first, last, id] = spans[i]!;
    if (counts[id]! > 1) groups[id]!.uses.push({ source, start: startOf(t, first), end: endOf(t, last), form: caseForm(t, first, last), shown: shown(t, first, last) });
  }
}

/** The names `nameGroups` compares: known by key, by the key's hash and by their first word; and the most words one has. */
interface NameCandidates {
  keys: IntTable;
  /** The first words of the names: a use can only start with one. */
  heads: IntTable;
  groups: { key: string; uses: VariantUse[] }[];
  byKey: Map<string, number>;
  longest: number;
}

/** The runs of capitalised words of `t` that are names, marked in `isNamed`, each name in its group (made if new). */
function nameRuns(found: NameCandidates, t: WordTable, isNamed: Uint8Array): void {
  const { keys, heads, groups, byKey } = found;
  const capitals = capitalWords(t);
  // Only capitalised words start a run; `next` is the first word past the last run (runs never overlap).
  for (let i = 0, next = 0; i < capitals.length; i++) {
    const k = capitals[i]!;
    if (k < next || !startsRun(t, k)) continue;
    // A maximal run from k: capitalised words, connectors between them.
    let last = k;
    let after = false;
    const joinable = !initial(t, k);
    for (let j = k + 1; j < t.length && j - k < MAX_NAME && t.gap[j - 1] === Gap.Space && plain(t, j); j++) {
      if (nameCapital(t, j)) {
        last = j;
        after = false;
      } else {
        const c: 0 | 1 | 2 = joinable ? connects(t, j, after) : 0;
        if (c === 0) break;
        after = c === 1;
      }
    }
    if (last === k || inHeading(t, k)) continue;
    isNamed.fill(1, k, last + 1);
    // A run that starts a sentence may or may not have its first word in the name: it is no name to compare
    // with, and its words are no use of another ("Pearl River Delta" there says nothing of "River Delta").
    next = last + 1;
    if (initial(t, k)) continue;
    // A name met before is known by its hash and letters, no string made.
    const h = phraseHash(t, k, last);
    const seen = keys.get(h);
    if (seen >= 0 && isPhrase(t, k, last, groups[seen]!.key)) continue;
    const words: string[] = [];
    for (let j = k; j <= last; j++) words.push(lowerText(t, j));
    const key = words.join(' ');
    if (!byKey.has(key)) {
      byKey.set(key, groups.length);
      keys.add(h, groups.length);
      heads.add(t.hash[k]!, 0);
      groups.push({ key, uses: [] });
      found.longest = Math.max(found.longest, last - k + 1);
    }
  }
}

/** The uses of the names in `t` (the longest name written at each place), counted and kept in `spans`. */
function nameUses(found: NameCandidates, source: number, t: WordTable, isNamed: Uint8Array, spans: [number, WordTable, number, number, number][], counts: Int32Array): void {
  const { keys, heads, groups, longest } = found;
  const base = HASH_BASE;
  const separator = SEPARATOR;
  const hash = t.hash;
  for (let k = 0, n = t.length; k < n; k++) {
    if (heads.get(hash[k]!) < 0 || !plain(t, k)) continue;
    let h = hash[k]!;
    // The longest name written here: "pearl river delta" is a use of that name, not of "pearl river".
    let at = -1;
    let foundLast = -1;
    for (let last = k + 1; last < k + longest && last < n; last++) {
      if (t.gap[last - 1] !== Gap.Space || !plain(t, last)) break;
      h = (Math.imul((Math.imul(h, base) + separator) | 0, t.pow[last]!) + hash[last]!) | 0;
      const id = keys.get(h);
      if (id >= 0 && (isPhrase(t, k, last, groups[id]!.key) || phraseText(t, k, last) === groups[id]!.key)) {
        at = id;
        foundLast = last;
      }
    }
    if (at < 0) continue;
    // A use at a sentence start, or inside a longer name, is not counted; its words are the name's all the same.
    if (!midSentence(t, k) || hasNeighbour(t, k, foundLast)) {
      k = foundLast;
      continue;
    }
    spans.push([source, t, k, foundLast, at]);
    counts[at]!++;
    isNamed.fill(1, k, foundLast + 1);
    k = foundLast;
  }
}

function phraseText(t: WordTable, first: number, last: number): string {
  const words: string[] = [];
  for (let k = first; k <= last; k++) words.push(lowerText(t, k));
  return words.join(' ');
}

/** The words as written, one space apart: the case pattern is the form. */
function caseForm(t: WordTable, first: number, last: number): string {
  const words: string[] = [];
  for (let k = first; k <= last; k++) words.push(wordText(t, k));
  return words.join(' ');
}

function caseGroup(uses: VariantUse[], lang: Language): VariantGroup {
  return {
    uses,
    wordwise: true,
    // The word list is lower case: it lists the lower-case form.
    listed: (form) => form === form.toLowerCase() && form.split(' ').every((w) => lang.isWord(w)),
    rewrite: (_use, found, _view, target) => withCaseOf(found, target),
  };
}

/** `found`'s words in `target`'s case, keeping `found`'s line breaks: "greater\nbay area" → "Greater\nBay Area". */
function withCaseOf(found: string, target: string): string {
  const words = target.split(' ');
  let i = 0;
  const out = found.replace(/[\p{L}\p{M}\p{N}]+/gu, (w) => words[i++] ?? w);
  return i === words.length ? out : target;
}
