/**
 * Finds the variants of terms in a document. One pass over the words walks the compiled key trie
 * (leftmost-longest), each match is classified against the forms sharing its key, a second pass looks for
 * near misses of term words among the words nobody matched, and a last pass settles which acceptable form
 * the document prefers. Findings carry their fixes as minimal edits.
 */
import type { CompiledForm, CompiledTerm, CompiledTerms, FuzzyMatcher } from './compile';
import { normalizeIgnored } from './compile';
import { isEnglishWord } from './english';
import { type FormShape, type Gap, classifyGap } from './forms';
import { editDistance, lowerBound, maxDistance, sortedUnique } from './fuzzy';
import { mergeEdits, wordwiseEdits } from './fixes';
import { CharClass, type TokenOffsets, charClassTable, isUpperChar, lowerCaseTable, tokenOffsets, upperCaseTable } from './text';
import type { Finding, LintOptions, LintResult, Occurrence, Replacement, VariantKind } from './types';
import { type DocumentView, HeadingStyle, buildView } from './view';

/** A separator longer than this never joins two words of one term. */
const MAX_GAP = 40;

/** A use of a term in the document (or a variant of one), before consistency is settled. */
export interface Match {
  /** Token range [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
  term: number;
  /** Form it matched or is a variant of (index into acceptable forms), or -1 for a forbidden form. */
  form: number;
  kind: VariantKind | 'ok';
  /** Edits that turn the span into its form (for variants of acceptable forms and misspellings). */
  edits: { start: number; end: number; text: string }[];
  /**
   * The finding last built for this match, for the dominant form and count it was built with (the count only
   * matters for "inconsistent"). DocumentLinter keeps matches across edits, so unchanged ones are not rebuilt.
   */
  memo?: { form: number; count: number; finding: Finding | undefined };
  /** Its entry in LintResult.occurrences, made once. */
  occurrence?: Occurrence;
}

interface CaseContext {
  sentenceStart: boolean;
  heading: HeadingStyle;
}

const KIND_ORDER: VariantKind[] = ['joined', 'split', 'hyphen', 'case'];

const KIND_LABEL: Record<VariantKind, string> = {
  joined: 'joined words',
  split: 'split word',
  hyphen: 'hyphenation',
  case: 'capitalization',
  misspelling: 'misspelling',
  forbidden: 'forbidden form',
  inconsistent: 'inconsistent',
};

export function lintText(text: string, compiled: CompiledTerms, options: LintOptions): LintResult {
  const view = buildView(text, options.format);
  const tokens = tokenOffsets(view.masked);
  const matches = matchTokens(view, tokens, compiled, options, 0, tokens.length);
  return buildFindings(view, compiled, matches, options);
}

/**
 * Term uses among tokens [from, to), sorted by offset. No match crosses a block boundary (the view hides the
 * character that ends a block, and a blank line is more than one line break), so a range that starts and ends
 * at block boundaries can be matched on its own: DocumentLinter re-matches only the blocks an edit touched.
 */
export function matchTokens(view: DocumentView, tokens: TokenOffsets, compiled: CompiledTerms, options: LintOptions, from: number, to: number): Match[] {
  const matches = findExactMatches(view, tokens, compiled, from, to);
  if (options.fuzzy !== false) findMisspellings(view, tokens, compiled, matches, from, to);
  matches.sort((a, b) => a.start - b.start);
  return matches;
}

/** True when no term can span tokens `a` and `a + 1` (they are in different blocks). */
export function separated(masked: string, tokens: TokenOffsets, a: number): boolean {
  return a < 0 || a + 1 >= tokens.length || gapBetween(masked, tokens, a) === undefined;
}

/* ------------------------------------------------------------------------------------------------ */
/* Exact and variant matches through the key trie                                                    */

/**
 * Whether words `a` and `b` (token indices) may belong to one term: what lies between them is at most
 * one line break of white space, hyphens and short punctuation, and nothing hidden.
 */
function gapBetween(masked: string, tokens: TokenOffsets, a: number): Gap | undefined {
  const from = tokens.ends[a]!;
  const to = tokens.starts[a + 1]!;
  if (to - from === 1) {
    const c = masked.charCodeAt(from);
    if (c === 32) return SPACE;
    if (c === 45) return HYPHEN;
  }
  if (to - from > MAX_GAP) return undefined;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = masked.charCodeAt(i);
    if (c === 0) return undefined;
    if (c === 10 || (c === 13 && masked.charCodeAt(i + 1) !== 10)) breaks++;
    else if (c === 0x2028 || c === 0x2029) breaks += 2;
  }
  if (breaks > 1) return undefined;
  return classifyGap(masked.slice(from, to));
}

const SPACE: Gap = { kind: 'space' };
const HYPHEN: Gap = { kind: 'hyphen' };

function findExactMatches(view: DocumentView, tokens: TokenOffsets, compiled: CompiledTerms, from: number, to: number): Match[] {
  const { masked } = view;
  const trie = compiled.trie;
  const lower = lowerCaseTable();
  const cls = charClassTable();
  const matches: Match[] = [];
  const n = to;
  // Every key the walk from token i passes (last token, trie value), shortest first: ends[0, nEnds).
  const ends: number[] = [];
  let nEnds = 0;
  let i = from;
  while (i < n) {
    let node = 0;
    nEnds = 0;
    let j = i;
    walk: for (;;) {
      for (let p = tokens.starts[j]!, end = tokens.ends[j]!; p < end; p++) {
        const c = masked.charCodeAt(p);
        if (cls[c] === CharClass.Format) continue;
        node = trie.child(node, lower[c]!);
        if (node < 0) break walk;
      }
      const v = trie.value(node);
      if (v >= 0) {
        ends[nEnds++] = j;
        ends[nEnds++] = v;
      }
      if (j + 1 >= n) break;
      const gap = gapBetween(masked, tokens, j);
      if (!gap) break;
      if (gap.kind === 'hard') {
        for (let p = 0; p < gap.literal.length && node >= 0; p++) node = trie.child(node, gap.literal.charCodeAt(p));
        if (node < 0) break;
      }
      j++;
    }
    if (nEnds === 0) {
      i++;
      continue;
    }
    // The longest key first; when it is not a use of its term ("Wa nhua in a" is not the one-word name
    // "Wanhuaina" split), a shorter one may be ("Wa nhua" for "Wanhua").
    let m: Match | undefined;
    for (let e = nEnds - 2; e >= 0 && !m; e -= 2) m = classifyMatch(view, tokens, i, ends[e]!, compiled.formsOf(ends[e + 1]!), compiled);
    if (m) matches.push(m);
    i = (m ? m.last : ends[nEnds - 2]!) + 1;
  }
  return matches;
}

/** A form's letters (with case, format characters dropped) and, at each letter index, the gap before it. */
interface FormSide {
  letters: string;
  gapAt: (Gap | undefined)[];
}

/** Per form, computed on first alignment: every match of the form aligns against the same letters. */
const formSides = new WeakMap<FormShape, FormSide>();

function formSide(shape: FormShape): FormSide {
  let side = formSides.get(shape);
  if (side) return side;
  const cls = charClassTable();
  let letters = '';
  const gapAt: (Gap | undefined)[] = [];
  shape.words.forEach((w, k) => {
    if (k > 0) gapAt[letters.length] = shape.gaps[k - 1]!;
    for (let p = 0; p < w.length; p++) if (cls[w.charCodeAt(p)] !== CharClass.Format) letters += w[p];
  });
  side = { letters, gapAt };
  formSides.set(shape, side);
  return side;
}

/** The span's words, gaps and letters, aligned on the key with a form's. */
interface Alignment {
  flags: Set<VariantKind>;
  edits: { start: number; end: number; text: string }[];
}

function align(view: DocumentView, tokens: TokenOffsets, first: number, last: number, shape: FormShape, caseSensitive: boolean, ctx: CaseContext): Alignment {
  const { text, masked } = view;
  const cls = charClassTable();
  const lower = lowerCaseTable();
  const upper = upperCaseTable();
  const flags = new Set<VariantKind>();
  const edits: Alignment['edits'] = [];
  const { letters: formLetters, gapAt } = formSide(shape);

  let letter = 0;
  for (let k = first; k <= last; k++) {
    const tStart = tokens.starts[k]!;
    const tEnd = tokens.ends[k]!;
    const formGap = gapAt[letter];
    if (k > first) {
      const gapStart = tokens.ends[k - 1]!;
      const gapEnd = tStart;
      const textGap = gapBetween(masked, tokens, k - 1)!;
      if (!formGap) {
        flags.add('split');
        edits.push({ start: gapStart, end: gapEnd, text: '' });
      } else if (formGap.kind === 'space' && textGap.kind === 'hyphen') {
        flags.add('hyphen');
        edits.push({ start: gapStart, end: gapEnd, text: ' ' });
      } else if (formGap.kind === 'hyphen' && textGap.kind === 'space') {
        flags.add('hyphen');
        edits.push({ start: gapStart, end: gapEnd, text: '-' });
      }
    }
    let wordStart = true;
    for (let p = tStart; p < tEnd; p++) {
      const c = text.charCodeAt(p);
      if (cls[c] === CharClass.Format) continue;
      if (!wordStart) {
        const g = gapAt[letter];
        if (g) {
          flags.add(g.kind === 'space' ? 'joined' : 'hyphen');
          edits.push({ start: p, end: p, text: g.kind === 'space' ? ' ' : g.kind === 'hyphen' ? '-' : g.literal });
        }
      }
      const want = formLetters.charCodeAt(letter);
      if (caseSensitive && c !== want) {
        const atSpanStart = letter === 0;
        const upperOk = c === upper[want] && ((atSpanStart && ctx.sentenceStart) || ctx.heading === HeadingStyle.Caps || (ctx.heading === HeadingStyle.Title && (wordStart || gapAt[letter] !== undefined)));
        if (!upperOk) {
          flags.add('case');
          const keepUpper = atSpanStart && ctx.sentenceStart && lower[c] !== c;
          edits.push({ start: p, end: p + 1, text: String.fromCharCode(keepUpper ? upper[want]! : want) });
        }
      }
      wordStart = false;
      letter++;
    }
  }
  return { flags, edits: mergeEdits(edits, text) };
}

function caseContext(view: DocumentView, start: number): CaseContext {
  return { sentenceStart: isSentenceStart(view, start), heading: headingAt(view, start) };
}

/** The edits of a use that needs none: one shared, frozen array (a document has thousands of such uses). */
const NO_EDITS: Match['edits'] = Object.freeze([]) as unknown as Match['edits'];

/** Whether text[start, end) reads `form` exactly and the view masks none of it (no allocation). */
function writtenAs(view: DocumentView, start: number, end: number, form: string): boolean {
  if (end - start !== form.length) return false;
  const { text, masked } = view;
  for (let i = start, k = 0; i < end; i++, k++) {
    const c = text.charCodeAt(i);
    if (c !== form.charCodeAt(k) || c !== masked.charCodeAt(i)) return false;
  }
  return true;
}

function classifyMatch(view: DocumentView, tokens: TokenOffsets, first: number, last: number, forms: readonly CompiledForm[], compiled: CompiledTerms): Match | undefined {
  if (forms.length === 0) return undefined;
  const start = tokens.starts[first]!;
  const end = tokens.ends[last]!;
  // Most uses are written exactly as a form, with no markup inside: that aligns with no flags, so say so
  // without aligning (or working out the case context).
  let ctx: CaseContext | undefined;
  let best: { f: CompiledForm; a: Alignment } | undefined;
  for (const f of forms) {
    if (writtenAs(view, start, end, f.text)) {
      return { first, last, start, end, term: f.term, form: f.form, kind: f.form < 0 ? 'forbidden' : 'ok', edits: NO_EDITS };
    }
    const caseSensitive = compiled.entry(f.term).term.caseSensitive;
    const a = align(view, tokens, first, last, f.shape, caseSensitive, (ctx ??= caseContext(view, start)));
    if (a.flags.size === 0) {
      return { first, last, start, end, term: f.term, form: f.form, kind: f.form < 0 ? 'forbidden' : 'ok', edits: NO_EDITS };
    }
    // A forbidden spelling written in another case is still that forbidden spelling.
    if (f.form < 0 && !a.flags.has('joined') && !a.flags.has('split') && !a.flags.has('hyphen')) {
      return { first, last, start, end, term: f.term, form: -1, kind: 'forbidden', edits: NO_EDITS };
    }
    if (f.form >= 0 && (!best || a.flags.size < best.a.flags.size)) best = { f, a };
  }
  // Only forbidden spellings share this key, and the text is not one of them: "productivity forces" is not
  // the forbidden "productivityforces" written apart, it is ordinary prose.
  if (!best) return undefined;
  const kind = KIND_ORDER.find((k) => best!.a.flags.has(k))!;
  if (kind === 'joined' || kind === 'split') {
    // Ordinary English written together or apart ("makeup", "on line") is not a term variant.
    const pieces = [];
    for (let k = first; k <= last; k++) pieces.push(view.text.slice(tokens.starts[k]!, tokens.ends[k]!));
    if (kind === 'joined' && pieces.length === 1 && isEnglishWord(pieces[0]!)) return undefined;
    // Split into English words: a proper name keeps its capital ("Nan sha" for "Nansha"); "new port" is prose.
    const capitalised = compiled.entry(best.f.term).term.caseSensitive && isUpperChar(pieces[0]!.charCodeAt(0)) && isUpperChar(best.f.text.charCodeAt(0));
    if (kind === 'split' && !capitalised && pieces.every((p) => isEnglishWord(p))) return undefined;
  }
  return { first, last, start, end, term: best.f.term, form: best.f.form, kind, edits: best.a.edits };
}

/* ------------------------------------------------------------------------------------------------ */
/* Misspellings                                                                                      */

function findMisspellings(view: DocumentView, tokens: TokenOffsets, compiled: CompiledTerms, matches: Match[], from: number, to: number): void {
  const covered = new Uint8Array(tokens.length);
  for (const m of matches) covered.fill(1, m.first, m.last + 1);
  // A use of a shorter term (correct or a variant, not a forbidden form) may be part of a misspelled longer
  // one ("Guangdong Provnce"): the longer name can take over its words, as long as it takes them all and they
  // read as the name's own words.
  // By token (in [from, to)): 1 + the index in `matches` of the correct use covering it, or 0.
  const correctAt = new Int32Array(to - from);
  matches.forEach((m, index) => {
    if (m.form >= 0) for (let k = m.first; k <= m.last; k++) correctAt[k - from] = index + 1;
  });
  const correctMatch = (k: number): Match | undefined => (correctAt[k - from] ? matches[correctAt[k - from]! - 1] : undefined);
  const absorbable = (k: number, first: number, last: number): boolean => {
    const m = correctMatch(k);
    return m !== undefined && m.first >= first && m.last <= last;
  };
  const absorbed = new Set<Match>();
  const fuzzy = compiled.fuzzy();
  if (fuzzy.index.words.length === 0) return;
  const neighbours = neighbourIndex(compiled, fuzzy);
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
      v = w.length >= 4 && !compiled.vocabulary.has(w) && /\p{L}/u.test(w) && !isEnglishWord(w) && !compiled.ignore.has(w);
      verdicts.set(w, v);
    }
    return v;
  };

  for (let j = from; j < to; j++) {
    if (covered[j]) continue;
    // A word shorter than four is never suspicious; only U+0130 grows when lower-cased, so skip without slicing.
    if (tokens.ends[j]! - tokens.starts[j]! < 4 && !hasDottedCapitalI(masked, tokens.starts[j]!, tokens.ends[j]!)) continue;
    // A plain ASCII word seen before has its verdict without building its string again (a draft repeats
    // a few thousand words); others are lower-cased as strings. Not memoized: kept for every word of the
    // document, these strings would outlive the young generation.
    const entry = ascii.entry(tokens.starts[j]!, tokens.ends[j]!);
    if (entry >= 0 && ascii.verdicts[entry] === VERDICT_FINE) continue;
    const w = lowered.get(j) ?? masked.slice(tokens.starts[j]!, tokens.ends[j]!).toLowerCase();
    const verdict = suspicious(w);
    if (entry >= 0) ascii.verdicts[entry] = verdict ? VERDICT_SUSPICIOUS : VERDICT_FINE;
    if (!verdict) continue;
    let candidates = fuzzy.cache.get(w);
    if (!candidates) {
      candidates = fuzzy.index.lookup(w);
      if (fuzzy.cache.size > 100_000) fuzzy.cache.clear();
      fuzzy.cache.set(w, candidates);
    }
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
        if (score < bestScore) {
          bestScore = score;
          found = misspellingMatch(view, tokens, first, last, useTerm, useForm, shape, compiled);
        }
      }
    }
    if (found) {
      for (let k = found.first; k <= found.last; k++) {
        const m = correctMatch(k);
        if (m) absorbed.add(m);
      }
      matches.push(found);
      covered.fill(1, found.first, found.last + 1);
    }
  }
  if (absorbed.size > 0) {
    let w = 0;
    for (const m of matches) if (!absorbed.has(m)) matches[w++] = m;
    matches.length = w;
  }
}

const VERDICT_FINE = 1;
const VERDICT_SUSPICIOUS = 2;

/**
 * The distinct plain-ASCII words of a text, compared without regard to case (where lower-casing is one
 * code unit to one, so equal to comparing toLowerCase() strings), in an open-addressing table of offsets:
 * looking a word up builds no string.
 */
class AsciiWords {
  private slots = new Int32Array(1 << 12);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  /** Per entry: 0 unknown, VERDICT_FINE or VERDICT_SUSPICIOUS. */
  readonly verdicts: number[] = [];

  constructor(private readonly text: string) {}

  /** Entry of text[start, end), added when new; -1 when the word is not all ASCII. */
  entry(start: number, end: number): number {
    const text = this.text;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x80) return -1;
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h >>>= 0;
    const length = end - start;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === 0) {
        const e = this.starts.length;
        this.starts.push(start);
        this.lengths.push(length);
        this.hashes.push(h);
        this.verdicts.push(0);
        this.slots[slot] = e + 1;
        if (this.starts.length * 2 > this.slots.length) this.grow();
        return e;
      }
      if (this.lengths[id - 1] === length && this.sameWord(this.starts[id - 1]!, start, length)) return id - 1;
    }
  }

  private sameWord(a: number, b: number, length: number): boolean {
    const text = this.text;
    for (let i = 0; i < length; i++) {
      let x = text.charCodeAt(a + i);
      let y = text.charCodeAt(b + i);
      if (x === y) continue;
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return false;
    }
    return true;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.starts.length; e++) {
      let slot = this.hashes[e]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
  }
}

function hasDottedCapitalI(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x130) return true;
  return false;
}

/**
 * Which uses of a term word are worth checking around a near miss. A word like "railway" may be used by
 * thousands of names ("X Railway Station"); a multi-word use can only match when another of its words is
 * written exactly (the pass requires one), so a word's uses are indexed by (offset of another word, that word)
 * and found through the document's actual neighbours instead of being tried one by one. One-word uses are
 * listed apart. Each word's index is built the first time it is a candidate: a document meets a few hundred.
 */
class NeighbourIndex {
  /** Lower-cased term word -> id (1-based), assigned on first sight; words of no form have none. */
  private readonly ids = new Map<string, number>();
  /** Word ids of acceptable forms, by term and form, on first need. */
  private readonly shapes = new Map<number, number[]>();
  private readonly byCandidate = new Map<number, CandidateUses>();
  private readonly out: number[] = [];

  constructor(
    private readonly compiled: CompiledTerms,
    private readonly fuzzy: FuzzyMatcher,
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
    const uses = this.fuzzy.uses;
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
      out.sort((a, b) => a - b);
      let w = 1;
      for (let i = 1; i < out.length; i++) if (out[i] !== out[w - 1]) out[w++] = out[i]!;
      out.length = w;
    }
    return out.slice();
  }
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

function nearKey(d: number, wordId: number): number {
  return wordId * (2 * MAX_REACH + 1) + (d + MAX_REACH);
}

/** Forms whose word ids the neighbour index keeps when it only lists them (about 80 bytes each). */
const MAX_LISTED_FORMS = 10_000;

/** Enough for the longest form (64 words): a match needs half its other words exact, so one lies within 32. */
const MAX_REACH = 32;

const neighbourIndexes = new WeakMap<CompiledTerms, NeighbourIndex>();

function neighbourIndex(compiled: CompiledTerms, fuzzy: FuzzyMatcher): NeighbourIndex {
  let index = neighbourIndexes.get(compiled);
  if (!index) neighbourIndexes.set(compiled, (index = new NeighbourIndex(compiled, fuzzy)));
  return index;
}

function misspellingMatch(view: DocumentView, tokens: TokenOffsets, first: number, last: number, term: number, form: number, shape: FormShape, compiled: CompiledTerms): Match {
  const start = tokens.starts[first]!;
  const ctx = caseContext(view, start);
  const caseSensitive = compiled.entry(term).term.caseSensitive;
  const edits: Match['edits'] = [];
  for (let k = first; k <= last; k++) {
    const tStart = tokens.starts[k]!;
    const written = view.text.slice(tStart, tokens.ends[k]!);
    const wanted = shape.words[k - first]!;
    if (written.toLowerCase() === wanted.toLowerCase()) continue;
    const target = adaptCase(wanted, written, caseSensitive, k === first && ctx.sentenceStart, ctx.heading);
    edits.push(...wordwiseEdits(tStart, written, target));
  }
  return { first, last, start, end: tokens.ends[last]!, term, form, kind: 'misspelling', edits };
}

/* ------------------------------------------------------------------------------------------------ */
/* Case context                                                                                      */

const OPENERS = new Set([0x22, 0x27, 0x28, 0x5b, 0x7b, 0x201c, 0x2018, 0xab, 0x2039, 0x300c, 0x300e, 0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x3000, 0xfeff]);
const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x201d, 0x2019, 0xbb, 0x203a, 0x300d, 0x300f]);
const TERMINATORS = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x3002, 0xff01, 0xff1f]);

/** True at the start of a block, or after a sentence-ending mark (past quotes, brackets and spaces). */
export function isSentenceStart(view: DocumentView, offset: number): boolean {
  const { masked, blockStarts } = view;
  let lo = 0;
  let hi = blockStarts.length - 1;
  let blockStart = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blockStarts[mid]! <= offset) {
      blockStart = blockStarts[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let i = offset - 1;
  while (i >= blockStart && OPENERS.has(masked.charCodeAt(i))) i--;
  if (i < blockStart) return true;
  while (i >= blockStart && CLOSERS.has(masked.charCodeAt(i))) i--;
  return i >= blockStart && TERMINATORS.has(masked.charCodeAt(i));
}

function headingAt(view: DocumentView, offset: number): HeadingStyle {
  const hs = view.headings;
  let lo = 0;
  let hi = hs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = hs[mid]!;
    if (offset < h.start) hi = mid - 1;
    else if (offset >= h.end) lo = mid + 1;
    else return h.style;
  }
  return HeadingStyle.None;
}

const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from']);

/** Writes `target` the way the author wrote `written`: sentence case, Title Case headings, ALL CAPS. */
export function adaptCase(target: string, written: string, caseSensitive: boolean, sentenceStart: boolean, heading: HeadingStyle): string {
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && !/\p{Ll}/u.test(letters) && (heading === HeadingStyle.Caps || !caseSensitive)) return target.toUpperCase();
  let out = target;
  if (heading === HeadingStyle.Title) {
    out = out.replace(/\p{L}[\p{L}\p{M}]*/gu, (w, at: number) => (at > 0 && MINOR.has(w.toLowerCase()) ? w : w[0]!.toUpperCase() + w.slice(1)));
  }
  const firstWritten = letters[0];
  if (firstWritten && firstWritten !== firstWritten.toLowerCase() && (sentenceStart || !caseSensitive)) {
    out = out.replace(/\p{L}/u, (c) => c.toUpperCase());
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* Consistency and findings                                                                          */

/** Settles the dominant form of each term over the whole document and turns matches into findings. */
export function buildFindings(view: DocumentView, compiled: CompiledTerms, matches: readonly Match[], options: LintOptions): LintResult {
  const consistency = options.consistency !== false;
  // Which acceptable form each term is written in, counting variants as uses of the form they vary.
  const counts = new Map<number, number[]>();
  for (const m of matches) {
    if (m.form < 0) continue;
    let c = counts.get(m.term);
    if (!c) counts.set(m.term, (c = []));
    c[m.form] = (c[m.form] ?? 0) + 1;
  }
  const dominants = new Map<number, number>();
  const dominant = (term: number): number => {
    let best = dominants.get(term);
    if (best !== undefined) return best;
    best = 0;
    const c = counts.get(term);
    if (consistency && c) for (let f = 0; f < c.length; f++) if ((c[f] ?? 0) > (c[best] ?? 0)) best = f;
    dominants.set(term, best);
    return best;
  };

  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const findings: Finding[] = [];
  const occurrences: Occurrence[] = [];
  for (const m of matches) {
    const entry = compiled.entry(m.term);
    occurrences.push((m.occurrence ??= { termId: entry.term.id, start: m.start, end: m.end, form: m.kind === 'misspelling' ? -1 : m.form }));
    const targetForm = dominant(m.term);
    let kind: VariantKind;
    if (m.kind === 'ok') {
      if (!consistency || m.form === targetForm) continue;
      kind = 'inconsistent';
    } else kind = m.kind;
    if (kinds && !kinds.has(kind)) continue;
    const count = kind === 'inconsistent' ? (counts.get(m.term)?.[targetForm] ?? 0) : -1;
    const memo = m.memo;
    if (memo && memo.form === targetForm && memo.count === count) {
      if (memo.finding) findings.push(memo.finding);
      continue;
    }
    // Only here are the term's forms parsed: a term the document writes correctly never needs them.
    const finding = buildFinding(view, compiled, entry, m, kind, entry.acceptable[targetForm]!, targetForm, count);
    m.memo = { form: targetForm, count, finding };
    if (finding) findings.push(finding);
  }
  return { findings, occurrences };
}

/** The finding for one match written as `kind`, fixed towards form `targetForm` (`count` uses of it). */
function buildFinding(view: DocumentView, compiled: CompiledTerms, entry: CompiledTerm, m: Match, kind: VariantKind, target: FormShape, targetForm: number, count: number): Finding | undefined {
  {
    const found = view.text.slice(m.start, m.end);
    if (compiled.ignore.has(normalizeIgnored(found))) return undefined;
    const ctx = caseContext(view, m.start);
    const replacements: Replacement[] = [];
    const addReplacement = (edits: Replacement['edits']) => {
      if (edits.length === 0) return;
      const text = applyInside(view.text, m.start, m.end, edits);
      if (text !== found && !replacements.some((r) => r.text === text)) replacements.push({ text, edits });
    };
    const toForm = (shape: FormShape) =>
      wordwiseEdits(m.start, found, adaptCase(shape.text, found, entry.term.caseSensitive, ctx.sentenceStart, ctx.heading));
    if (m.form === targetForm && m.edits.length > 0) addReplacement(m.edits);
    else addReplacement(toForm(target));
    // The author may prefer to keep the form they wrote, corrected.
    if (m.form >= 0 && m.form !== targetForm && m.edits.length > 0) addReplacement(m.edits);
    if (targetForm !== 0) addReplacement(toForm(entry.acceptable[0]!));
    if (replacements.length === 0) return undefined;

    const expected = replacements[0]!.text;
    const message =
      kind === 'inconsistent'
        ? `"${found}" should be "${expected}" (inconsistent: this document uses "${target.text}" ${count} times)`
        : `"${found}" should be "${expected}" (${KIND_LABEL[kind]})`;
    return { kind, start: m.start, end: m.end, found, termId: entry.term.id, expected, replacements, message };
  }
}

function applyInside(text: string, start: number, end: number, edits: readonly { start: number; end: number; text: string }[]): string {
  let out = '';
  let pos = start;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos, end);
}

