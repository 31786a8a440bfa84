/**
 * The IME's homophone typo in a Chinese term: a form of three or more Han characters written with one character
 * that differs but reads the same in toneless pinyin (新知生产力 for 新质生产力, 粤港澳大弯区 for 粤港澳大湾区). The
 * forms' syllables go into a trie; the document is walked with every reading of each character, and a span that
 * reads as a form with exactly one character different (after folding: a script or width difference is not a
 * typo) is a candidate. It is a misspelling unless what is written is real: a place name (台州市 is no typo of
 * 泰州市), a dictionary word as a whole, a word jieba cuts across the span's edge from the differing character
 * (广东剩下 holds no 广东省), or, in a form of up to four characters, one real word for another (新型产业 for the
 * term's 新兴产业). A candidate longer than the
 * exact uses it covers takes their place; one crossing a use is dropped.
 */
import { foldText } from '../languages/chinese/fold';
import { readingsInContext, readingsOf } from '../languages/chinese/pinyin';
import { isPlaceName } from '../languages/chinese/places';
import { cutWords, isClauseUnit, wordStarts } from '../languages/chinese/segment';
import { lowerBound } from '../search';
import { KeyTrie } from '../trie';
import type { DocumentView } from '../view';
import { type HanForm, type HanTerms, hanTermsOf, scriptOfTag } from './hanTerms';
import { charEdits } from './hanExact';
import { foldedAt } from './hanWalk';
import { type Match, type MatchScope, type Matcher, newMatch } from './match';

export const homophoneMatcher: Matcher = {
  find(scope, matches) {
    if (scope.options.fuzzy !== false) findHomophones(scope, matches);
  },
};

/** Forms of at least this many characters are checked (shorter ones have too many real homophones). */
const MIN_CHARS = 3;
const HAN_ONLY = /^\p{Script=Han}+$/u;

interface Index {
  trie: KeyTrie;
  /** Per trie value: the folded form text and its forms. */
  keys: { folded: string; forms: HanForm[] }[];
  syllables: Map<string, number>;
  /** Per folded code point, the ids of its readings (made on first need). */
  ids: Map<number, Int32Array>;
  /** The forms' first and second characters (low 16 bits of the folded code point): where a typo can start. */
  first: Uint8Array;
  second: Uint8Array;
}

const indexes = new WeakMap<HanTerms, Index>();

function indexOf(han: HanTerms): Index {
  let index = indexes.get(han);
  if (index) return index;
  const syllables = new Map<string, number>();
  const byFolded = new Map<string, { folded: string; forms: HanForm[]; reading: string }>();
  for (let c = 0; c < han.concepts.length; c++) {
    for (const script of ['zh-Hans', 'zh-Hant'] as const) {
      const e = han.entry(c, script);
      if (e.script !== script) continue;
      for (let form = 0; form < e.acceptable.length; form++) {
        const text = e.acceptable[form]!;
        if (!HAN_ONLY.test(text) || [...text].length < MIN_CHARS) continue;
        const folded = foldText(text);
        const read = readingsInContext(text);
        if (read.length !== [...text].length) continue;
        let reading = '';
        for (const s of read) {
          let id = syllables.get(s);
          if (id === undefined) syllables.set(s, (id = syllables.size));
          reading += String.fromCharCode(0x100 + id);
        }
        let k = byFolded.get(folded);
        if (!k) byFolded.set(folded, (k = { folded, forms: [], reading }));
        k.forms.push({ concept: c, script, form, text });
      }
    }
  }
  const trie = new KeyTrie(1024);
  const keys: Index['keys'] = [];
  for (const k of byFolded.values()) {
    const prev = trie.insert(k.reading, keys.length);
    if (prev >= 0) {
      // Two forms that read the same: both are candidates for a span reading so.
      trie.insert(k.reading, prev);
      keys[prev]!.forms.push(...k.forms);
      continue;
    }
    keys.push({ folded: k.folded, forms: k.forms });
  }
  trie.compact();
  const first = new Uint8Array(0x10000);
  const second = new Uint8Array(0x10000);
  for (const k of keys) {
    const cps = [...k.folded].map((c) => c.codePointAt(0)! & 0xffff);
    first[cps[0]!] = 1;
    second[cps[1]!] = 1;
  }
  index = { trie, keys, syllables, ids: new Map(), first, second };
  indexes.set(han, index);
  return index;
}

interface Candidate {
  start: number;
  end: number;
  key: number;
  /** Offset of the one differing character. */
  diff: number;
}

/** The syllable ids (index.syllables) of every reading of a folded code point, made once per code point. */
const NO_IDS = new Int32Array(0);
function syllableIds(index: Index, cp: number): Int32Array {
  let ids = index.ids.get(cp);
  if (!ids) {
    const out: number[] = [];
    for (const r of readingsOf(cp)) {
      const id = index.syllables.get(r);
      if (id !== undefined) out.push(id);
    }
    index.ids.set(cp, (ids = out.length > 0 ? Int32Array.from(out) : NO_IDS));
  }
  return ids;
}

/** Depth-first stacks of the walk below, reused: (trie node, offset) pairs. */
let stackNode = new Int32Array(256);
let stackAt = new Int32Array(256);

/** The longest span from `i` that reads as a form with exactly one character different. */
function candidateAt(view: DocumentView, index: Index, i: number, end: number): Candidate | undefined {
  const masked = view.masked;
  const trie = index.trie;
  let bestEnd = -1;
  let bestKey = -1;
  let bestDiff = -1;
  // Every reading of each character may be what was typed: walk them all, depth first.
  let top = 0;
  stackNode[0] = 0;
  stackAt[0] = i;
  top = 1;
  while (top > 0) {
    top--;
    const node = stackNode[top]!;
    const j = stackAt[top]!;
    if (node !== 0 && j > bestEnd) {
      const v = trie.value(node);
      if (v >= 0) {
        const d = differing(masked, i, j, index.keys[v]!.folded);
        if (d >= 0) {
          bestEnd = j;
          bestKey = v;
          bestDiff = d;
        }
      }
    }
    if (j >= end) continue;
    const c = masked.charCodeAt(j);
    if (c < 0x3400 || !isClauseUnit(c)) continue;
    const next = j + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    const ids = syllableIds(index, foldedAt(masked, j));
    for (let r = 0; r < ids.length; r++) {
      const child = trie.child(node, 0x100 + ids[r]!);
      if (child < 0) continue;
      if (top === stackNode.length) {
        const n2 = new Int32Array(top * 2);
        n2.set(stackNode);
        stackNode = n2;
        const a2 = new Int32Array(top * 2);
        a2.set(stackAt);
        stackAt = a2;
      }
      stackNode[top] = child;
      stackAt[top++] = next;
    }
  }
  return bestEnd < 0 ? undefined : { start: i, end: bestEnd, key: bestKey, diff: bestDiff };
}

/** The offset of the one code point of `masked[i, j)` whose fold differs from `folded`'s, or -1 (none or more). */
function differing(masked: string, i: number, j: number, folded: string): number {
  let at = -1;
  let k = 0;
  for (let p = i; p < j; ) {
    const f = foldedAt(masked, p);
    const g = folded.codePointAt(k)!;
    if (f !== g) {
      if (at >= 0) return -1;
      at = p;
    }
    const w = masked.charCodeAt(p) >= 0xd800 && masked.charCodeAt(p) <= 0xdbff ? 2 : 1;
    p += w;
    k += g > 0xffff ? 2 : 1;
  }
  return at;
}

function findHomophones(scope: MatchScope, matches: Match[]): void {
  const { view, compiled, options, start, end } = scope;
  const han = hanTermsOf(compiled);
  const index = indexOf(han);
  if (index.keys.length === 0) return;
  const script = scriptOfTag(options.lang);
  const masked = view.masked;
  const inRange = matches.filter((m) => m.end > start && m.start < end).sort((a, b) => a.start - b.start);
  const starts = inRange.map((m) => m.start);
  // A candidate starts outside every use (not inside one) and at a Han character.
  const candidates: Candidate[] = [];
  let u = 0;
  for (let i = start; i < end; i++) {
    const c = masked.charCodeAt(i);
    if (c < 0x3400 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    while (u < inRange.length && inRange[u]!.end <= i) u++;
    if (u < inRange.length && inRange[u]!.start < i) {
      i = inRange[u]!.end - 1;
      continue;
    }
    // One character differs at most: the first is the form's, or else the second is (with the third).
    const next = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    if (!index.first[foldedAt(masked, i) & 0xffff] && !(next < end && index.second[foldedAt(masked, next) & 0xffff])) continue;
    const cand = candidateAt(view, index, i, end);
    if (!cand) continue;
    // Crossing a use, or no longer than a use it covers: not a typo of a longer term.
    let w = lowerBound(starts, cand.start);
    let ok = true;
    for (; w < inRange.length && inRange[w]!.start < cand.end; w++) {
      const m = inRange[w]!;
      if (m.end > cand.end || m.end - m.start >= cand.end - cand.start) ok = false;
    }
    if (ok) {
      candidates.push(cand);
      i = cand.end - 1;
    }
  }
  if (candidates.length === 0) return;
  const accepted = candidates.filter((c) => isTypo(view, index, c, start, end));
  if (accepted.length === 0) return;
  const replaced = new Set<Match>();
  for (const cand of accepted) {
    for (let w = lowerBound(starts, cand.start); w < inRange.length && inRange[w]!.start < cand.end; w++) replaced.add(inRange[w]!);
    const forms = index.keys[cand.key]!.forms;
    const own = forms.find((f) => han.entry(f.concept, script).script === f.script) ?? forms[0]!;
    const entry = han.entry(own.concept, script);
    const written: number[] = [];
    const at: number[] = [];
    for (let p = cand.start; p < cand.end; ) {
      const cp = view.text.codePointAt(p)!;
      written.push(cp);
      at.push(p);
      p += cp > 0xffff ? 2 : 1;
    }
    const ownForm = entry.script === own.script;
    const first = lowerBound(scope.tokens.starts, cand.start, 0, scope.tokens.length);
    matches.push(newMatch(first, first - 1, cand.start, cand.end, own.concept, ownForm ? own.form : -1, 'misspelling', ownForm ? charEdits(view, written, at, own.text) : [], true));
  }
  if (replaced.size > 0) {
    let n = 0;
    for (const m of matches) if (!replaced.has(m)) matches[n++] = m;
    matches.length = n;
  }
}

/** Whether a candidate is a typo and not something real (see the file's comment). */
function isTypo(view: DocumentView, index: Index, cand: Candidate, start: number, end: number): boolean {
  const masked = view.masked;
  const written = masked.slice(cand.start, cand.end);
  const folded = foldText(written);
  if (isPlaceName(written) || isPlaceName(folded)) return false;
  // A place name holding the differing character at an edge of the span, or holding the span ("台州" in 台州港).
  for (let a = Math.max(start, cand.start - 8); a <= cand.diff; a++) {
    for (let b = cand.diff + 1; b <= Math.min(end, cand.end + 8); b++) {
      if (b - a < 2 || !(a === cand.start || b === cand.end || (a <= cand.start && b >= cand.end))) continue;
      if (a < cand.start !== b > cand.end) continue;
      if (isPlaceName(foldText(masked.slice(a, b)))) return false;
    }
  }
  // The clause around it, as jieba cuts it.
  let a = cand.start;
  while (a > start && cand.start - a < 120 && isClauseUnit(masked.charCodeAt(a - 1))) a--;
  let b = cand.end;
  while (b < end && b - cand.end < 120 && isClauseUnit(masked.charCodeAt(b))) b++;
  const clause = foldText(masked.slice(a, b));
  const offset = (p: number): number => foldText(masked.slice(a, p)).length;
  const s = offset(cand.start);
  const e = offset(cand.end);
  const d = offset(cand.diff);
  if (!wordStarts([clause], [s])[0]) return false;
  let pos = 0;
  for (const w of cutWords(clause)) {
    const wEnd = pos + w.length;
    if (pos <= d && d < wEnd) {
      if (w.length >= 2) {
        if (pos < s || wEnd > e) return false; // the differing character belongs to a word beyond the span
        if (pos === s && wEnd === e) return false; // what is written is a word of its own
        // One real word for another in a short form (新型产业 for 新兴产业): the term's characters there are a word
        // too. In a longer name one character of the same sound is a typo whatever it spells (粤港澳大弯区).
        if ([...index.keys[cand.key]!.folded].length > 4) break;
        const termPart = [...index.keys[cand.key]!.folded].slice([...clause.slice(s, pos)].length, [...clause.slice(s, wEnd)].length).join('');
        const cut = cutWords(termPart);
        if (cut.length === 1 && termPart.length >= 2) return false;
      }
      break;
    }
    pos = wEnd;
  }
  return true;
}
