/**
 * Near misses of term words among the words no exact match covered ("Shenzen", "Yangcheng Evening Newss").
 * Each suspicious word (not ordinary vocabulary, not a term word, not ignored) is looked up in the deletion
 * index; its candidates' uses are tried through the neighbour index, and a multi-word use must have enough of
 * its other words exact. A longer name may take over the words of a shorter term's correct use inside it.
 */
import type { CompiledTerms } from '../compile';
import type { FormShape, Gap } from '../forms';
import { editDistance, maxDistance } from '../fuzzy';
import { mergeEdits, wordwiseEdits } from '../fixes';
import { type TokenOffsets, isUpperChar, upperCaseTable } from '../text';
import type { DocumentView } from '../view';
import { AsciiWords, VERDICT_FINE, VERDICT_SUSPICIOUS } from './asciiWords';
import { caseContext } from './casing';
import { gapBetween } from './gaps';
import { isLookAlike } from './lookAlikes';
import { type Match, type MatchScope, type Matcher, newMatch } from './match';
import type { Language } from '../languages/language';
import { isChinaPlace, isChineseSurname, isPinyinGivenName, pinyinSyllables } from '../names/chinaNames';

export const misspellingMatcher: Matcher = {
  find(scope, matches) {
    if (scope.options.fuzzy !== false) findMisspellings(scope, matches);
  },
};

function findMisspellings(scope: MatchScope, matches: Match[]): void {
  const { view, tokens, compiled, lang, from, to } = scope;
  const covered = new Uint8Array(tokens.length);
  for (const m of matches) covered.fill(1, m.first, m.last + 1);
  // A use of a shorter term (correct or a variant, not a forbidden form) may be part of a misspelled longer
  // one ("Guangdong Provnce"): the longer name can take over its words, as long as it takes them all and they
  // read as the name's own words.
  // By token (in [from, to)): 1 + the index in `matches` of the correct use covering it, or 0.
  const correctAt = new Int32Array(to - from);
  for (let index = 0; index < matches.length; index++) {
    const m = matches[index]!;
    if (m.form >= 0) for (let k = m.first; k <= m.last; k++) correctAt[k - from] = index + 1;
  }
  const correctMatch = (k: number): Match | undefined => (correctAt[k - from] ? matches[correctAt[k - from]! - 1] : undefined);
  const absorbable = (k: number, first: number, last: number): boolean => {
    const m = correctMatch(k);
    return m !== undefined && m.first >= first && m.last <= last;
  };
  const absorbed = new Set<Match>();
  const fuzzy = compiled.fuzzy();
  if (fuzzy.index.words.length === 0) return;
  const neighbours = fuzzy.neighbours;
  const { masked } = view;
  // Words and verdicts are asked for again and again around each candidate: compute each once. Only the
  // words near candidates are asked for, so maps (not arrays over every token of the document).
  const docWords = new Map<number, number>();
  const docWord = (k: number) => {
    let id = docWords.get(k);
    if (id === undefined) docWords.set(k, (id = neighbours.wordId(word(k))));
    return id;
  };
  const lowered = new Map<number, string>();
  const word = (k: number) => {
    let w = lowered.get(k);
    if (w === undefined) lowered.set(k, (w = masked.slice(tokens.starts[k]!, tokens.ends[k]!).toLowerCase()));
    return w;
  };
  const ascii = new AsciiWords(masked);
  const verdicts = new Map<string, boolean>();
  const suspicious = (w: string) => {
    let v = verdicts.get(w);
    if (v === undefined) {
      // A place of China is a name of its own, never a near miss of a term ("Nanshan" is not "Nansha").
      v = w.length >= 4 && !compiled.vocabulary.has(w) && /\p{L}/u.test(w) && !lang.isWord(w) && !compiled.ignore.has(w) && !isChinaPlace(w);
      verdicts.set(w, v);
    }
    return v;
  };

  function candidatesOf(w: string): ReturnType<typeof fuzzy.index.lookup> {
    let candidates = fuzzy.cache.get(w);
    if (!candidates) {
      candidates = fuzzy.index.lookup(w);
      if (fuzzy.cache.size > 100_000) fuzzy.cache.clear();
      fuzzy.cache.set(w, candidates);
    }
    return candidates;
  }

  function take(found: Match): void {
    for (let k = found.first; k <= found.last; k++) {
      const m = correctMatch(k);
      if (m) absorbed.add(m);
    }
    matches.push(found);
    covered.fill(1, found.first, found.last + 1);
  }

  /** Tokens [first, last] are written as a look-alike the list says is not a variant of `term`. */
  function lookAlike(term: number, first: number, last: number): boolean {
    const t = compiled.entry(term).term;
    return t.notVariants !== undefined && isLookAlike(t, view.text.slice(tokens.starts[first]!, tokens.ends[last]!));
  }

  /** Whether token `k` is a word of some term; plain ASCII words keep the answer in `ascii`, built once. */
  function termWord(k: number): boolean {
    const e = ascii.entry(tokens.starts[k]!, tokens.ends[k]!);
    if (e < 0) return docWord(k) !== 0;
    let v = ascii.termWords[e]!;
    if (v === 0) ascii.termWords[e] = v = compiled.vocabulary.has(word(k)) ? 2 : 1;
    return v === 2;
  }

  /** A word of some term stands right before or after token `j`, in the same stretch of words. */
  function nextToTermWord(j: number): boolean {
    return (j > from && termWord(j - 1) && gapBetween(masked, tokens, j - 1) !== undefined) || (j + 1 < to && termWord(j + 1) && gapBetween(masked, tokens, j) !== undefined);
  }

  /**
   * Token `j`, an ordinary English word, as the misspelt word of a capitalised name of three words or more
   * whose other words are all written exactly ("Pearl Liver Delta" for "Pearl River Delta"). Two-word names
   * are left alone ("Great Wall" is another name, not "Great Hall" misspelt), and so are plurals
   * ("Science Parks") and names whose word is in lower case.
   */
  function nameWordMatch(j: number): Match | undefined {
    const w = word(j);
    // Only an English word: a place of China ("Nanshan") stays a name of its own here too.
    if (w.length < 4 || compiled.vocabulary.has(w) || compiled.ignore.has(w) || !lang.isWord(w) || isChinaPlace(w)) return undefined;
    let found: Match | undefined;
    let bestScore = Infinity;
    const uses = fuzzy.uses;
    for (const cand of candidatesOf(w)) {
      if (w === cand.word + 's' || w === cand.word + 'es' || cand.word === w + 's' || cand.word === w + 'es') continue;
      const base = uses.start[cand.id]!;
      for (const u of neighbours.usesNear(cand.id, j, from, to, docWord)) {
        const useTerm = uses.term[base + u]!;
        const useForm = uses.form[base + u]!;
        const ids = neighbours.formWords(useTerm, useForm);
        const n = ids.length;
        if (n < 3) continue;
        const first = j - uses.word[base + u]!;
        const last = first + n - 1;
        if (first < from || last >= to) continue;
        let ok = true;
        for (let k = first; k <= last && ok; k++) {
          if (k < last && !gapBetween(masked, tokens, k)) ok = false;
          else if (k !== j && (docWord(k) !== ids[k - first] || (covered[k] && !absorbable(k, first, last)))) ok = false;
        }
        if (!ok) continue;
        const shape = compiled.entry(useTerm).acceptable[useForm]!;
        if (!isUpperChar(shape.words[j - first]!.charCodeAt(0))) continue;
        const score = cand.distance * 100 - n;
        if (score < bestScore && !lookAlike(useTerm, first, last)) {
          bestScore = score;
          found = misspellingMatch(view, tokens, first, last, useTerm, useForm, shape, compiled, lang);
        }
      }
    }
    return found;
  }

  for (let j = from; j < to; j++) {
    if (covered[j]) continue;
    // A word shorter than four is never suspicious; only U+0130 grows when lower-cased, so skip without slicing.
    if (tokens.ends[j]! - tokens.starts[j]! < 4 && !hasDottedCapitalI(masked, tokens.starts[j]!, tokens.ends[j]!)) continue;
    // A plain ASCII word seen before has its verdict without building its string again (a draft repeats
    // a few thousand words); others are lower-cased as strings. Not memoized: kept for every word of the
    // document, these strings would outlive the young generation.
    const entry = ascii.entry(tokens.starts[j]!, tokens.ends[j]!);
    let verdict = false;
    if (entry < 0 || ascii.verdicts[entry] !== VERDICT_FINE) {
      verdict = suspicious(lowered.get(j) ?? masked.slice(tokens.starts[j]!, tokens.ends[j]!).toLowerCase());
      if (entry >= 0) ascii.verdicts[entry] = verdict ? VERDICT_SUSPICIOUS : VERDICT_FINE;
    }
    if (!verdict) {
      // An ordinary word may still be the wrong word of a capitalised name ("Pearl Liver Delta"): only when it is
      // capitalised and stands next to a word of some term, which few words of a draft do.
      if (isUpperChar(masked.charCodeAt(tokens.starts[j]!)) && nextToTermWord(j)) {
        const found = nameWordMatch(j);
        if (found) take(found);
      }
      continue;
    }
    const w = lowered.get(j) ?? masked.slice(tokens.starts[j]!, tokens.ends[j]!).toLowerCase();
    const candidates = candidatesOf(w);
    let found: Match | undefined;
    let bestScore = Infinity;
    const uses = fuzzy.uses;
    for (const cand of candidates) {
      const base = uses.start[cand.id]!;
      for (const u of neighbours.usesNear(cand.id, j, from, to, docWord)) {
        const useTerm = uses.term[base + u]!;
        const useForm = uses.form[base + u]!;
        // Word ids first: most uses reached through a shared word ("Railway" of "X Railway Station") fail on
        // another word that is neither written exactly nor a possible misspelling, and need no shape.
        const ids = neighbours.formWords(useTerm, useForm);
        const n = ids.length;
        const first = j - uses.word[base + u]!;
        const last = first + n - 1;
        if (first < from || last >= to) continue;
        if (n === 1 && (w.length < 5 || cand.word.length < 5)) continue;
        if (n > 1) {
          let viable = true;
          for (let k = first; k <= last && viable; k++) {
            if (k !== j && docWord(k) !== ids[k - first] && (covered[k] || !suspicious(word(k)))) viable = false;
          }
          if (!viable) continue;
        }
        const shape = compiled.entry(useTerm).acceptable[useForm]!;
        if (n === 2 && anotherPerson(shape.words, j - first, w)) continue;
        if (n > 1) {
          let ok = true;
          let exact = 0;
          let distance = cand.distance;
          for (let k = first; k <= last && ok; k++) {
            if (covered[k] && !absorbable(k, first, last)) ok = false;
            else if (k < last && !gapBetween(masked, tokens, k)) ok = false;
            else if (k === j) continue;
            else {
              const tw = word(k);
              const fw = shape.words[k - first]!.toLowerCase();
              if (tw === fw) exact++;
              else if (covered[k]) ok = false;
              else if (suspicious(tw)) {
                const d = editDistance(tw, fw, maxDistance(fw.length));
                if (d > maxDistance(fw.length)) ok = false;
                else distance += d;
              } else ok = false;
            }
          }
          if (!ok || exact === 0 || exact * 2 < n - 1 || distance > 2) continue;
        }
        // Nearest first, then the longer term (a name beats one of its words).
        const score = cand.distance * 100 - n;
        if (score < bestScore && !lookAlike(useTerm, first, last)) {
          bestScore = score;
          found = misspellingMatch(view, tokens, first, last, useTerm, useForm, shape, compiled, lang);
        }
      }
    }
    if (found) take(found);
  }
  if (absorbed.size > 0) {
    let w = 0;
    for (const m of matches) if (!absorbed.has(m)) matches[w++] = m;
    matches.length = w;
  }
}

/**
 * A Chinese personal name in pinyin ("Wang Zhiming") written with another pinyin given name or surname in its
 * place ("Wang Zhiping") names another person, not this one misspelt.
 */
function anotherPerson(words: readonly string[], at: number, written: string): boolean {
  if (!isPinyinGivenName(words[0]!.toLowerCase(), words[1]!.toLowerCase())) return false;
  return at === 1 ? pinyinSyllables(written) >= 2 : isChineseSurname(written);
}

function hasDottedCapitalI(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x130) return true;
  return false;
}

function misspellingMatch(view: DocumentView, tokens: TokenOffsets, first: number, last: number, term: number, form: number, shape: FormShape, compiled: CompiledTerms, lang: Language): Match {
  const start = tokens.starts[first]!;
  const ctx = caseContext(view, start, lang);
  const caseSensitive = compiled.entry(term).term.caseSensitive;
  const edits: Match['edits'] = [];
  const upper = upperCaseTable();
  for (let k = first; k <= last; k++) {
    const tStart = tokens.starts[k]!;
    const written = view.text.slice(tStart, tokens.ends[k]!);
    const wanted = shape.words[k - first]!;
    if (k > first) {
      // The fix writes the whole name: a gap written otherwise ("new-quality productivity forcse") is fixed
      // with the word, or fixing the word would leave a hyphen variant for the next lint to find.
      const gapEdit = gapFix(view.text, view.masked, tokens, k - 1, shape.gaps[k - first - 1]!);
      if (gapEdit) edits.push(gapEdit);
    }
    if (written.toLowerCase() === wanted.toLowerCase()) {
      // A word of the name written right but for a missing capital ("South china University of Technolgy").
      if (!caseSensitive || written === wanted || !/\p{Ll}/u.test(written)) continue;
      for (let i = 0; i < written.length; i++) {
        const c = written.charCodeAt(i);
        const want = wanted.charCodeAt(i);
        if (c !== want && upper[c] === want) edits.push({ start: tStart + i, end: tStart + i + 1, text: wanted[i]! });
      }
      continue;
    }
    const target = lang.adaptCase(wanted, written, caseSensitive, k === first && ctx.sentenceStart, ctx.heading);
    edits.push(...wordwiseEdits(tStart, written, target));
  }
  return newMatch(first, last, start, tokens.ends[last]!, term, form, 'misspelling', mergeEdits(edits, view.text));
}

/** The edit that makes the gap after token `a` read as the form's `gap` (a space or a hyphen), if it does not. */
function gapFix(text: string, masked: string, tokens: TokenOffsets, a: number, gap: Gap): Match['edits'][number] | undefined {
  const start = tokens.ends[a]!;
  const end = tokens.starts[a + 1]!;
  const written = gapBetween(masked, tokens, a);
  if (!written || gap.kind === 'hard') return undefined;
  if (gap.kind === 'space') return written.kind === 'hyphen' ? { start, end, text: ' ' } : undefined;
  if (written.kind === 'space' || (written.kind === 'hyphen' && (end - start !== 1 || text.charCodeAt(start) !== 0x2d))) return { start, end, text: '-' };
  return undefined;
}
