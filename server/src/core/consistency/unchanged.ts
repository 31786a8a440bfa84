/**
 * Which classes of the checks without a list an edit leaves as they were, but for their offsets: DocumentLinter
 * moves their last findings past the edit instead of finding them again. Hyphenation is the costliest class
 * (every word looked up as one word, every pair of words as one, in three passes over the document) and the one
 * an edit most rarely changes; spelling is asked of the dialect table alone; capitals are asked of the changed
 * words, their neighbours and the capitalised words near the change. Abbreviations always run again.
 *
 * A variant is a group of two forms or more. An edit changes a hyphenation group only where a word it changed
 * (or whose surroundings it changed: its gaps, its sentence start, the term list's matches over it) is next to a
 * hyphen, or shares its letters with words written elsewhere: one changed word written elsewhere as a hyphenated
 * compound or as two words apart, or a spaced sequence through the change written elsewhere as one word or a
 * compound. A spelling group changes only where a changed word is a dialect's spelling. Exception phrases, whose
 * occurrences are not counted, change only where a changed word is one of their words. Each question is asked
 * conservatively, by hash: a collision says "changed", never "unchanged" (test/unit/checksUnchanged.test.ts holds
 * the moved findings equal to the checks' over random edits). The rest of the document is read for an answer only
 * when its word filters (wordFilter.ts, kept with the table from edit to edit) say some word there may give one.
 */
import type { CompiledTerms } from '../compile';
import type { Span, TextChange } from '../formats';
import type { VariantVocabulary } from '../languages/language';
import type { Finding, VariantChecks } from '../types';
import { COMPOUND_PARTS as MAX_PARTS } from './hyphenation';
import { IntTable } from './intTable';
import { mayBeDialectWord } from './spelling';
import { TITLE_REACH, connects, inTitle, initial } from './capitals';
import { lowerBound } from '../search';
import { Gap, Word, type WordTable, atSentenceStart, compoundHash, joinedHash, lowerText } from './words';
import { moveWordFilter, wordFilter } from './wordFilter';

/** A document's word table before and after an edit (spliceWordTable's two sides). */
export interface TableEdit {
  old: WordTable;
  now: WordTable;
  /** The words read again: [from, oldTo) of the old table became [from, to) of the new one. */
  from: number;
  oldTo: number;
  to: number;
  /** The text change: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
  change: TextChange;
}

/** The classes whose findings can be moved rather than found again. */
export interface Unchanged {
  hyphenation: boolean;
  spelling: boolean;
  capitalization: boolean;
}

/** Past this many changed words (a paste, a reflowed block), the checks simply run. */
const MAX_CHANGED = 400;

/** The words the edit changed on each side: [from, oldTo) of the old table, [from, to) of the new one. */
interface Changed {
  from: number;
  oldTo: number;
  to: number;
}

export function unchangedClasses(edit: TableEdit, compiled: CompiledTerms, vocab: VariantVocabulary, checks: Required<VariantChecks> | undefined): Unchanged {
  const none = { hyphenation: false, spelling: false, capitalization: false };
  if (!checks || (!checks.hyphenation && !checks.spelling && !checks.capitalization)) return none;
  const c = changedWords(edit);
  if (!c) return none;
  const { old: t0, now: t1 } = edit;
  // The old table's filters (wordFilter.ts), if it has any, are the new one's with what the changed words make.
  moveWordFilter(t0, t1, c.from, c.to);
  const sides: [WordTable, number, number][] = [
    [t0, c.from, c.oldTo],
    [t1, c.from, c.to],
  ];
  // An exception phrase made or broken by the edit changes which uses count, in every class.
  const exceptions = compiled.exceptions && !compiled.exceptions.empty ? compiled.exceptions : undefined;
  let spelling = checks.spelling;
  let hyphenation = checks.hyphenation;
  for (const [t, from, to] of sides) {
    for (let k = from; k < to; k++) {
      if (exceptions?.holdsWordAt(t.view.masked, t.tokens, k)) return none;
      if (spelling && mayBeDialectWord(t, k, vocab)) spelling = false;
      if (hyphenation && ((k > 0 && t.gap[k - 1] === Gap.Hyphen) || (k + 1 < t.length && t.gap[k] === Gap.Hyphen))) hyphenation = false;
    }
  }
  if (hyphenation) hyphenation = !lettersElsewhere(sides, t1, c);
  const capitalization = checks.capitalization && capitalsUnchanged(sides, t1, edit.change);
  return { hyphenation, spelling, capitalization };
}

/**
 * Whether the edit leaves every capitalisation group as it was (capitals.ts), asked conservatively: no changed
 * word is a connector of names ("of", "for", "the"), and a changed word that is capitalised reads alone: no
 * neighbour across white space is capitalised, a number or a connector ("the" after "of" or "for"), none is
 * joined to it by a hyphen, and its letters are written nowhere else in the document, in any case, nor twice on
 * its side of the edit (then it is a name of one word used once: no group holds it, and it joins no other word
 * into one); a capitalised word next to the changed ones across white space has a lower-case word next to it on
 * both sides of the edit (no longer name, no "Phase 2"), and one joined to them by a hyphen is none; no
 * lower-case changed word, nor a neighbour joined by a hyphen, is by its letters a capitalised word written
 * mid-sentence anywhere (then it could be, or have been, a lower-case use of that word or of a name holding it; a
 * capital that starts a sentence keys no group); and no word within a title's reach of the change that a title
 * could hold (a capitalised word, or one too short or minor for the title's test to read) is read as part of a
 * title, on either side (a title's words are not compared, and the edit may make or unmake one).
 *
 * Two kinds of capitalised word need less. One the check never reads (`unread`: a term list's word, capitals
 * throughout, a capital inside) keys nothing and joins nothing, whatever its letters; as a neighbour it is no
 * capital that makes a longer name. And where the edit changed only letters (`sameShape`: each changed word as
 * before in every flag, gap and sentence start), a changed capitalised word inside a run of names, mid-sentence
 * (`inRun`), may have capitalised neighbours: the run is as long as before, and its letters being nowhere else
 * (asked as above), its key is written once, on each side, and no other name's use goes through it.
 */
function capitalsUnchanged(sides: readonly [WordTable, number, number][], t1: WordTable, change: TextChange): boolean {
  // The lower-case words asked of the capitalised ones, by hash, and whether the document's filters say some
  // capitalised word may have the letters of one (else its words are not read for them).
  const asked = new IntTable(16);
  const filter = wordFilter(t1);
  let capitalElsewhere = false;
  const ask = (h: number) => {
    asked.add(h, 0);
    capitalElsewhere ||= filter.capitalised(h);
  };
  // The capitalised changed words, with the sides (bit 0 old, bit 1 new) each is written on.
  const alone = new IntTable(16);
  const aloneSides: number[] = [];
  // Any word that joins a name's words, "the" included (capitals.ts reads it so after "of" or "for").
  const connector = (t: WordTable, k: number) => connects(t, k, true) !== 0;
  // Whether the edit changed only the letters of words (each changed word reads as before to every other test):
  // then every run of capitals keeps its extent, and a capitalised word in one may be changed.
  const lettersOnly = sameShape(sides);
  for (let side = 0; side < 2; side++) {
    const [t, from, to] = sides[side]!;
    for (let k = from; k < to; k++) {
      if ((t.flags[k]! & Word.UpperFirst) !== 0) {
        // A capital the check does not read (a term's word, capitals throughout, "iPhone"): it keys nothing and
        // joins no name; the tests of its neighbours below answer for what it stands next to.
        if (unread(t, k)) continue;
        if (!readsAlone(t, k) && !(lettersOnly && inRun(t, k))) return false;
        const id = alone.add(t.hash[k]!, aloneSides.length);
        if (id === aloneSides.length) aloneSides.push(0);
        // Twice on one side: a group of two uses, or a name and its word.
        if ((aloneSides[id]! & (1 << side)) !== 0) return false;
        aloneSides[id]! |= 1 << side;
        continue;
      }
      if (connector(t, k)) return false;
      ask(t.hash[k]!);
    }
    // The words next to the changed ones (or, where none changed, next to each other), with the gap between.
    const pairs: [number, number, number][] = [];
    if (from > 0) pairs.push([from - 1, from < to ? from : to, t.gap[from - 1]!]);
    if (to < t.length && to > 0) pairs.push([to, from < to ? to - 1 : from - 1, t.gap[to - 1]!]);
    for (const [k, next, gap] of pairs) {
      // Across punctuation or a paragraph break: part of nothing with the changed words.
      if (gap === Gap.Other) continue;
      if (gap === Gap.Hyphen) {
        // A compound with a changed word: the neighbour's own reading may have changed.
        if ((t.flags[k]! & Word.UpperFirst) !== 0) return false;
        ask(t.hash[k]!);
        continue;
      }
      // Across white space, a lower-case neighbour reads as before. But where no word changed on this side, the
      // two neighbours were (or are now) next to each other: they may be two words of a name's use that the edit
      // breaks or makes ("institute of public policy" with a word typed into it), if each is a connector or a
      // word of a name elsewhere. (Next to a changed word, a use through both is the changed word's to answer.)
      if ((t.flags[k]! & Word.UpperFirst) === 0) {
        if (from === to) {
          if (joinsNames(t, k, k < next)) return false;
          ask(t.hash[k]!);
        }
        continue;
      }
      // A capitalised neighbour reads as before unless the word next to it is a capital, a number or a connector
      // (a longer name, "Phase 2", "Bank of the West"); where only letters changed, its run is as long as it was
      // (a changed connector was answered above, a changed capital is asked below to be the only one of its letters).
      if (lettersOnly || unread(t, k)) continue;
      if (next < 0 || next >= t.length || !(lowerLetters(t, next) || unread(t, next)) || connector(t, next)) return false;
    }
  }
  // A capitalised changed word is the only word of its letters on its side of the edit, in any case.
  const anyAlone = alone.size > 0;
  if (anyAlone) {
    for (let side = 0; side < 2; side++) {
      const [t, from, to] = sides[side]!;
      for (let k = from; k < to; k++) {
        const id = alone.get(t.hash[k]!);
        if (id >= 0 && (aloneSides[id]! & (1 << side)) !== 0 && (t.flags[k]! & Word.UpperFirst) === 0) return false;
      }
    }
  }
  // A capital at a sentence start (or after an opening quote) is the author's: no group is keyed on it. The
  // capitalised changed words are the only words of their letters: the words outside the new side's changed
  // ones are the old side's too.
  const { flags, hash } = t1;
  const [, changedFrom, changedTo] = sides[1]!;
  for (let j = 0, n = capitalElsewhere || anyAlone ? t1.length : 0; j < n; j++) {
    if ((flags[j]! & Word.UpperFirst) !== 0 && asked.get(hash[j]!) >= 0 && !initial(t1, j)) return false;
    if (anyAlone && (j < changedFrom || j >= changedTo) && alone.get(hash[j]!) >= 0) return false;
  }
  // Titles: a word's title is read on its line, within TITLE_REACH characters of its start.
  const ends = [change.oldEnd, change.newEnd];
  for (let side = 0; side < 2; side++) {
    const t = sides[side]![0];
    const text = t.view.masked;
    const { starts } = t.tokens;
    const lineStart = text.lastIndexOf('\n', change.start - 1) + 1;
    const lineEnd = text.indexOf('\n', ends[side]!);
    const to = Math.min(lineEnd < 0 ? text.length : lineEnd, ends[side]! + TITLE_REACH + 1);
    const first = lowerBound(starts, Math.max(lineStart, change.start - TITLE_REACH - 1), 0, t.length);
    for (let k = first; k < t.length && starts[k]! <= to; k++) {
      // A lower-case word can be in a title only if the title's test passes over it (too short, or minor).
      const f = t.flags[k]!;
      const asks = (f & Word.UpperFirst) !== 0 || ((f & Word.Letters) !== 0 && (t.tokens.ends[k]! - starts[k]! < 3 || t.lang.minorWords.has(lowerText(t, k))));
      if (asks && inTitle(t, k)) return false;
    }
  }
  return true;
}

/**
 * Capitalised word k of `t` makes no name with its neighbours (capitals.ts builds names of capitalised words
 * across white space, with "of" and "for", and "the" after them, between): across white space each neighbour is
 * a lower-case word of letters that joins no names (`joinsNames`); no hyphen joins it to one.
 */
function readsAlone(t: WordTable, k: number): boolean {
  const apart = (j: number, before: boolean) => (lowerLetters(t, j) || unread(t, j)) && !joinsNames(t, j, before);
  if (k > 0 && (t.gap[k - 1] === Gap.Hyphen || (t.gap[k - 1] === Gap.Space && !apart(k - 1, true)))) return false;
  if (k + 1 < t.length && (t.gap[k] === Gap.Hyphen || (t.gap[k] === Gap.Space && !apart(k + 1, false)))) return false;
  return true;
}

/**
 * The edit changed words' letters and nothing else: as many words changed on each side, the old side's i-th
 * changed word and the new side's alike in flags, gaps, sentence start and opening quote (capitals.ts's
 * `initial`). A run of capitalised words (capitals.ts's names) is then the same run on both sides, the same words
 * named; what may change is the run's key, with its changed capitalised words' letters, and the lower-case
 * changed words' letters (asked of as ever).
 */
function sameShape(sides: readonly [WordTable, number, number][]): boolean {
  const [[t0, from, oldTo], [t1, , to]] = sides as [[WordTable, number, number], [WordTable, number, number]];
  if (oldTo !== to || to === from) return false;
  for (let k = from; k < to; k++) {
    if (t0.flags[k] !== t1.flags[k] || t0.gap[k] !== t1.gap[k] || initial(t0, k) !== initial(t1, k)) return false;
  }
  return true;
}

/**
 * Capitalised word k is a word of a run of capitals that an edit of its letters alone leaves as long as it was
 * (see sameShape): the word is no sentence's first (whose capital may or may not join the run, by its letters:
 * "The"), and no hyphen joins it to a neighbour. Its letters must be nowhere else (asked by the caller): then the
 * run's key (its words' letters) is written only there, once, and makes no group, and no other name's use runs
 * through it.
 */
function inRun(t: WordTable, k: number): boolean {
  return !initial(t, k) && unhyphenated(t, k);
}

/** No hyphen joins word k to a neighbour. */
function unhyphenated(t: WordTable, k: number): boolean {
  return (k === 0 || t.gap[k - 1] !== Gap.Hyphen) && (k + 1 >= t.length || t.gap[k] !== Gap.Hyphen);
}

/** Word k is of letters, none of them a capital. */
function lowerLetters(t: WordTable, k: number): boolean {
  return (t.flags[k]! & (Word.UpperFirst | Word.Letters)) === Word.Letters;
}

/**
 * Word k is of letters that capitals.ts never reads as a name's or a word's (its `plain`): a term list's word,
 * capitals throughout ("IPP"), a capital inside ("iPhone"). No run of names goes through it, no name's use, no
 * word's group; next to a capitalised word it is no neighbour that makes a longer name. A word joined by a hyphen
 * is not counted here (its compound's reading is the hyphenation check's, and it is answered as a neighbour).
 */
function unread(t: WordTable, k: number): boolean {
  const f = t.flags[k]!;
  return (f & Word.Letters) !== 0 && (f & (Word.Covered | Word.AllCaps | Word.InnerUpper)) !== 0 && unhyphenated(t, k);
}

/**
 * Lower-case word k, next to a word (before it when `before`), may join names' words across it: "of" and "for"
 * always; "the" before it only after "of" or "for" ("Bank of the West"; "the" after it joins only if the word
 * itself is "of" or "for", which answers for itself).
 */
function joinsNames(t: WordTable, k: number, before: boolean): boolean {
  const c = connects(t, k, true);
  if (c === 1) return true;
  return c === 2 && before && k > 0 && t.gap[k - 1] === Gap.Space && connects(t, k - 1, false) === 1;
}

/**
 * The words the edit changed: those read again (with the word before them, whose gap is read again, and the one
 * after, whose sentence start is) less those before and after the change that read the same to every check.
 * A word right after the change is changed whatever it reads: the character before a word is read too (an
 * opening quote makes its capital the author's). Undefined when too many words changed.
 */
function changedWords(edit: TableEdit): Changed | undefined {
  const { old: t0, now: t1, change } = edit;
  const delta = change.newEnd - change.oldEnd;
  const end0 = Math.min(t0.length, edit.oldTo + 1);
  const end1 = Math.min(t1.length, edit.to + 1);
  let from = Math.max(0, edit.from - 1);
  while (from < end0 && from < end1 && t0.tokens.ends[from]! <= change.start && sameWord(t0, from, t1, from, 0)) from++;
  let oldTo = end0;
  let to = end1;
  while (oldTo > from && to > from && t0.tokens.starts[oldTo - 1]! > change.oldEnd && sameWord(t0, oldTo - 1, t1, to - 1, delta)) {
    oldTo--;
    to--;
  }
  return oldTo - from > MAX_CHANGED || to - from > MAX_CHANGED ? undefined : { from, oldTo, to };
}

/** Word i of `a` and word j of `b` read alike, `shift` characters apart, to every check. */
function sameWord(a: WordTable, i: number, b: WordTable, j: number, shift: number): boolean {
  return (
    a.hash[i] === b.hash[j] &&
    a.pow[i] === b.pow[j] &&
    a.flags[i] === b.flags[j] &&
    a.gap[i] === b.gap[j] &&
    a.tokens.starts[i]! + shift === b.tokens.starts[j] &&
    a.tokens.ends[i]! + shift === b.tokens.ends[j] &&
    atSentenceStart(a, i) === atSentenceStart(b, j)
  );
}

/**
 * Whether, on either side of the edit, a changed word of four letters or more is written elsewhere as a
 * hyphenated compound or two words apart, or a spaced sequence of up to MAX_PARTS words through a changed one is
 * written elsewhere as one word or a compound (its letters joined). "Elsewhere" is the rest of the new table and
 * the changed words of the same side.
 */
function lettersElsewhere(sides: readonly [WordTable, number, number][], t1: WordTable, c: Changed): boolean {
  // One table of the hashes asked, with what each side asks of each: bit 1 old, bit 2 new; apart in bits 0-1,
  // joined in bits 2-3.
  const ids = new IntTable(64);
  const asked: number[] = [];
  // Whether the rest of the document may answer, by its filters: else it is not read.
  const filter = wordFilter(t1);
  let maybe = false;
  const ask = (h: number, bit: number) => {
    const id = ids.add(h, asked.length);
    if (id === asked.length) asked.push(0);
    asked[id]! |= bit;
    maybe ||= (bit & (APART * BOTH)) !== 0 ? filter.apart(h) : filter.word(h);
  };
  for (let side = 0; side < sides.length; side++) {
    const [t, from, to] = sides[side]!;
    const { gap, hash, pow } = t;
    const { starts, ends } = t.tokens;
    for (let k = from; k < to; k++) if (ends[k]! - starts[k]! >= 4) ask(hash[k]!, APART << side);
    for (let first = Math.max(0, from - (MAX_PARTS - 1)); first < to; first++) {
      let h = hash[first]!;
      for (let last = first + 1; last < first + MAX_PARTS && last < t.length && gap[last - 1] === Gap.Space; last++) {
        h = (Math.imul(h, pow[last]!) + hash[last]!) | 0;
        if (last >= from) ask(h, JOINED << side);
      }
    }
  }
  if (asked.length === 0) return false;
  // Found: what the words elsewhere answer, by the same bits (an answer serves both sides for the rest).
  const found = new Uint8Array(asked.length);
  if (maybe) answer(ids, found, t1, 0, t1.length, c.from, c.to, BOTH, true);
  sides.forEach(([t, from, to], side) => answer(ids, found, t, from, to, -1, -1, 1 << side, false));
  for (let id = 0; id < asked.length; id++) if ((asked[id]! & found[id]!) !== 0) return true;
  return false;
}

const APART = 1;
const JOINED = 4;
const BOTH = 3;

/**
 * Marks in `found` what the words [from, to) of `t` (less [skipFrom, skipTo)) answer for `sides`: a word is one
 * word (joined); with `pairs`, a hyphenated compound is both and two words apart across white space are apart.
 * The changed words need not answer as pairs: a pair through them is a spaced sequence they ask of themselves.
 */
function answer(ids: IntTable, found: Uint8Array, t: WordTable, from: number, to: number, skipFrom: number, skipTo: number, sides: number, pairs: boolean): void {
  const { gap, hash } = t;
  const n = t.length;
  for (let j = from; j < to; j++) {
    if (j === skipFrom && skipTo > skipFrom) {
      j = skipTo - 1;
      continue;
    }
    const h = hash[j]!;
    const id = ids.get(h);
    if (id >= 0) found[id]! |= JOINED * sides;
    if (!pairs || j + 1 >= n) continue;
    const g = gap[j]!;
    if (g === Gap.Space) {
      const pair = ids.get(joinedHash(t, j, j + 1));
      if (pair >= 0) found[pair]! |= APART * sides;
    } else if (g === Gap.Hyphen && (j === 0 || gap[j - 1] !== Gap.Hyphen)) {
      // A compound (none reaches the changed words: one next to a hyphen asks no question, it says "changed").
      const run = ids.get(compoundHash(t, j));
      if (run >= 0) found[run]! |= (APART | JOINED) * sides;
    }
  }
}

/** Span `s` of the old text moved past `change`: as it is before it, by its length after it; undefined if it touches it. */
function moved<T extends Span>(s: T, change: TextChange): T | undefined {
  if (s.end < change.start) return s;
  if (s.start > change.oldEnd) return { ...s, start: s.start + change.newEnd - change.oldEnd, end: s.end + change.newEnd - change.oldEnd };
  return undefined;
}

/** `spans` (of the old text) moved past `change`, or undefined if one touches it. */
export function movedSpans(spans: readonly Span[], change: TextChange): Span[] | undefined {
  const out: Span[] = [];
  for (const s of spans) {
    const m = moved(s, change);
    if (!m) return undefined;
    out.push(m);
  }
  return out;
}

/**
 * `findings` (of the old text) moved past `change`: those before it as they are, those after it by its length.
 * Undefined if a finding, one of its edits or a place it links to touches the change (a class said to be
 * unchanged has none there; this keeps a mistake from moving a finding into the edit).
 */
export function movedFindings(findings: readonly Finding[], change: TextChange): Finding[] | undefined {
  let touched = false;
  const move = <T extends Span>(s: T): T => moved(s, change) ?? ((touched = true), s);
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.end < change.start && f.replacements.every((r) => r.edits.every((e) => e.end < change.start)) && (f.related ?? []).every((r) => r.end < change.start)) {
      out.push(f);
      continue;
    }
    const m: Finding = { ...move(f), replacements: f.replacements.map((r) => ({ ...r, edits: r.edits.map(move) })) };
    if (f.related) m.related = f.related.map(move);
    if (touched) return undefined;
    out.push(m);
  }
  return out;
}
