/**
 * British and American spellings of one word ("colour" / "color", "organise" / "organize"), for the variant
 * check (core/consistency/spelling.ts): a document that writes both is inconsistent. The pairs come from SCOWL's
 * lists of words only one dialect uses (languages/dialectLists.ts): a British-only word is paired with the
 * American-only word that one or two regular spelling changes make of it (-our/-or, -re/-er, -ise/-ize,
 * -yse/-yze, doubled l, ae/oe, -ogue/-og, -ence/-ense, …). Words both dialects use are never paired, which is
 * what keeps apart spellings British English gives two meanings: "licence" / "license" (noun / verb),
 * "programme" / "program", "metre" / "meter", "tyre" / "tire", "cheque" / "check", "draught" / "draft".
 *
 * Pairs are grouped into families, so "organisation" and "organize" are one question (is it -ise or -ize?): the
 * family is what the two spellings share before and after the letters that differ ("organi·s|z·ation").
 */
import { type DialectLists, dialectData } from './dialectLists';

/**
 * British → American rewrites, tried one and then two at a time; the fewest rewrites that reach an American-only
 * word win, and a word reached two ways at that depth is left unpaired. `end: false` keeps a rewrite off the
 * last letters ("stelae" is the plural of "stele", not its British spelling).
 */
const REWRITES: readonly { from: string; to: string; end?: false }[] = [
  { from: 'our', to: 'or' },
  { from: 're', to: 'er' },
  { from: 'tr', to: 'ter' },
  { from: 'br', to: 'ber' },
  { from: 'vr', to: 'ver' },
  { from: 'is', to: 'iz' },
  { from: 'ys', to: 'yz' },
  { from: 'll', to: 'l' },
  { from: 'l', to: 'll' },
  { from: 'ae', to: 'e', end: false },
  { from: 'oe', to: 'e', end: false },
  { from: 'ogue', to: 'og' },
  { from: 'ogu', to: 'og' },
  { from: 'ence', to: 'ense' },
  { from: 'ey', to: 'ay' },
  { from: 'dgement', to: 'dgment' },
  { from: 'eing', to: 'ing' },
  { from: 'ou', to: 'o' },
  { from: 'ough', to: 'ow' },
  { from: 'sc', to: 'sk' },
  { from: 'ium', to: 'um' },
  { from: 'xion', to: 'ction' },
  { from: 'amme', to: 'am' },
  { from: 'pyj', to: 'paj' },
  { from: 's', to: 'z' },
];

function rewrites(word: string): string[] {
  const out: string[] = [];
  for (const r of REWRITES) {
    for (let i = word.indexOf(r.from); i >= 0; i = word.indexOf(r.from, i + 1)) {
      if (r.end === false && i + r.from.length === word.length) continue;
      out.push(word.slice(0, i) + r.to + word.slice(i + r.from.length));
    }
  }
  return out;
}

/** The American-only spelling one or two rewrites make of `british`, when exactly one does. */
function americanOf(british: string, american: ReadonlySet<string>): string | undefined {
  const seen = new Set([british]);
  let frontier = [british];
  for (let depth = 0; depth < 2; depth++) {
    const next: string[] = [];
    const found = new Set<string>();
    for (const w of frontier) {
      for (const r of rewrites(w)) {
        if (seen.has(r)) continue;
        seen.add(r);
        next.push(r);
        if (american.has(r)) found.add(r);
      }
    }
    if (found.size > 0) return found.size === 1 ? [...found][0] : undefined;
    frontier = next;
  }
  return undefined;
}

/** [british, american] pairs of lower-case words, sorted by the British word. */
export function pairDialects(lists: DialectLists): [string, string][] {
  const british = new Set(lists.british);
  const american = new Set(lists.american);
  // A word on both lists is not one dialect's.
  for (const w of british) if (american.delete(w)) british.delete(w);
  const pairs: [string, string][] = [];
  for (const b of [...british].sort()) {
    if (!/^[a-z]+$/.test(b)) continue;
    const a = americanOf(b, american);
    if (a) pairs.push([b, a]);
  }
  return pairs;
}

/** What the variant check asks of a word: its family and which dialect spells it so. */
export interface DialectSpelling {
  /** The family's id: the same for every pair that differs in the same letters of the same stem. */
  readonly family: number;
  /** 0 British, 1 American. */
  readonly side: 0 | 1;
  /** The same word in the other dialect. */
  readonly other: string;
}

export interface DialectTable {
  /** The spelling of lower-case `word`, or undefined when the dialects spell it alike. */
  get(word: string): DialectSpelling | undefined;
  /** Every word of every pair, each once. */
  readonly words: readonly string[];
  /** How many pairs there are. */
  readonly size: number;
}

/** "organi·s|z·ation" → "organi|s|z": the letters the two spellings share before the difference, and the difference. */
export function familyKey(british: string, american: string): string {
  let p = 0;
  while (p < british.length && p < american.length && british[p] === american[p]) p++;
  let s = 0;
  while (s < british.length - p && s < american.length - p && british[british.length - 1 - s] === american[american.length - 1 - s]) s++;
  return `${british.slice(0, p)}|${british.slice(p, british.length - s)}|${american.slice(p, american.length - s)}`;
}

export function dialectTable(pairs: readonly (readonly [string, string])[]): DialectTable {
  const byWord = new Map<string, DialectSpelling>();
  const families = new Map<string, number>();
  for (const [b, a] of pairs) {
    const key = familyKey(b, a);
    let family = families.get(key);
    if (family === undefined) families.set(key, (family = families.size));
    // A word in two pairs ("yoghurt" and "yoghourt" are both "yogurt") keeps its first.
    if (!byWord.has(b)) byWord.set(b, { family, side: 0, other: a });
    if (!byWord.has(a)) byWord.set(a, { family, side: 1, other: b });
  }
  return { get: (w) => byWord.get(w), words: [...byWord.keys()], size: pairs.length };
}

/** Pairs as the bundles ship them: "british american", one pair a line. */
export function formatPairs(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([b, a]) => `${b} ${a}`).join('\n');
}

function parsePairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) out.push([line.slice(0, space), line.slice(space + 1)]);
  }
  return out;
}

let table: DialectTable | undefined;

/** The British/American table, built on first use (a document with no variant check never loads it). */
export function englishDialects(): DialectTable {
  if (!table) {
    const data = dialectData();
    table = dialectTable(typeof data === 'string' ? parsePairs(data) : pairDialects(data));
  }
  return table;
}
