/**
 * Checks data read back as a compiled term set (a cache file, node/compiledCache.ts) before anything uses it:
 * a file that passed its checksum may still come from a build whose layout differs, or have been written by
 * someone else. Every array has its type and a length that fits the others, every index points inside what it
 * indexes, every term has the shape matching reads; anything else throws, and the caller compiles the lists
 * again. Linear in the data, and a small part of reading it.
 */
import type { CompiledParts } from './compiledTerms';
import { type WordUses, fuzzyEntriesProblem } from './fuzzy';
import type { StringSetData } from './stringSet';
import type { TrieData } from './trie';
import type { Term } from './types';

function fail(what: string): never {
  throw new Error(`not a compiled term set: ${what}`);
}

function record(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${what} is not an object`);
  return v as Record<string, unknown>;
}

function typed<T>(v: unknown, type: new (n: number) => T, what: string): T {
  if (!(v instanceof type)) fail(`${what} is not a ${type.name}`);
  return v;
}

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) fail(`${what} is not a list of strings`);
  return v as string[];
}

/** Every value of `a` in [min, max). */
function within(a: Int32Array | Int16Array | Uint8Array, min: number, max: number, what: string): void {
  for (let i = 0; i < a.length; i++) if (a[i]! < min || a[i]! >= max) fail(`${what}[${i}] is out of range`);
}

function checkTerm(v: unknown, what: string): Term {
  const t = record(v, what);
  if (typeof t.id !== 'string' || typeof t.term !== 'string' || typeof t.caseSensitive !== 'boolean') fail(`${what} is not a term`);
  strings(t.admitted, `${what}.admitted`);
  strings(t.forbidden, `${what}.forbidden`);
  record(t.translations, `${what}.translations`);
  return t as unknown as Term;
}

function checkTrie(v: unknown): TrieData {
  const d = record(v, 'trie');
  const count = d.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) fail('trie.count');
  const firstChild = typed(d.firstChild, Int32Array, 'trie.firstChild');
  const nextSibling = typed(d.nextSibling, Int32Array, 'trie.nextSibling');
  const chars = typed(d.chars, Uint16Array, 'trie.chars');
  const values = typed(d.values, Int32Array, 'trie.values');
  const tailStart = typed(d.tailStart, Int32Array, 'trie.tailStart');
  const fanSlot = typed(d.fanSlot, Int16Array, 'trie.fanSlot');
  for (const [a, name] of [[firstChild, 'firstChild'], [nextSibling, 'nextSibling'], [chars, 'chars'], [values, 'values'], [tailStart, 'tailStart'], [fanSlot, 'fanSlot']] as const) {
    if (a.length !== count) fail(`trie.${name} has ${a.length} nodes, not ${count}`);
  }
  const rootChildren = typed(d.rootChildren, Int32Array, 'trie.rootChildren');
  if (rootChildren.length !== 0x10000) fail('trie.rootChildren');
  const fanTable = typed(d.fanTable, Int32Array, 'trie.fanTable');
  if (fanTable.length % 128 !== 0) fail('trie.fanTable');
  const tailChars = typed(d.tailChars, Uint16Array, 'trie.tailChars');
  const tailValueAt = typed(d.tailValueAt, Int32Array, 'trie.tailValueAt');
  const tailValue = typed(d.tailValue, Int32Array, 'trie.tailValue');
  if (tailValueAt.length !== tailValue.length) fail('trie.tailValue');
  // Children and later siblings have larger ids than their node: no walk can loop.
  for (let n = 0; n < count; n++) {
    if ((firstChild[n]! !== -1 && (firstChild[n]! <= n || firstChild[n]! >= count)) || (nextSibling[n]! !== -1 && (nextSibling[n]! <= n || nextSibling[n]! >= count))) fail(`trie node ${n}`);
  }
  within(rootChildren, -1, count, 'trie.rootChildren');
  within(fanTable, -1, count, 'trie.fanTable');
  within(fanSlot, -1, fanTable.length / 128, 'trie.fanSlot');
  // A tail is read up to its end mark and the two code units of its value after it.
  within(tailStart, -1, Math.max(0, tailChars.length - 3), 'trie.tailStart');
  within(tailValueAt, 0, tailChars.length, 'trie.tailValueAt');
  if (tailChars.length > 0 && (tailChars.length < 3 || tailChars[tailChars.length - 3] !== 0xffff)) fail('trie.tailChars does not end a run');
  return d as unknown as TrieData;
}

function checkStringSet(v: unknown): StringSetData {
  const d = record(v, 'vocabulary');
  if (typeof d.text !== 'string') fail('vocabulary.text');
  const slots = typed(d.slots, Int32Array, 'vocabulary.slots');
  const starts = typed(d.starts, Int32Array, 'vocabulary.starts');
  if (slots.length < 2 || (slots.length & (slots.length - 1)) !== 0 || starts.length < 1) fail('vocabulary sizes');
  within(slots, 0, starts.length, 'vocabulary.slots');
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) fail('vocabulary.starts');
  if (starts[0] !== 0 || starts[starts.length - 1] !== d.text.length) fail('vocabulary.starts');
  // Open addressing needs an empty slot to stop at.
  if (starts.length - 1 >= slots.length) fail('vocabulary is full');
  return d as unknown as StringSetData;
}

function checkUses(v: unknown, words: number, terms: readonly Term[]): WordUses {
  const d = record(v, 'fuzzyUses');
  const start = typed(d.start, Int32Array, 'fuzzyUses.start');
  const term = typed(d.term, Int32Array, 'fuzzyUses.term');
  const form = typed(d.form, Int16Array, 'fuzzyUses.form');
  const word = typed(d.word, Uint8Array, 'fuzzyUses.word');
  if (start.length !== words + 1 || start[0] !== 0 || start[words] !== term.length || form.length !== term.length || word.length !== term.length) fail('fuzzyUses sizes');
  for (let i = 1; i < start.length; i++) if (start[i]! < start[i - 1]!) fail('fuzzyUses.start');
  within(term, 0, terms.length, 'fuzzyUses.term');
  for (let u = 0; u < term.length; u++) if (form[u]! < 0 || form[u]! > terms[term[u]!]!.admitted.length) fail(`fuzzyUses.form[${u}]`);
  return d as unknown as WordUses;
}

/** `value` as compiled parts, or a thrown Error saying what is wrong with it. */
export function checkParts(value: unknown): CompiledParts {
  const p = record(value, 'the data');
  if (!Array.isArray(p.lists) || !Array.isArray(p.concepts) || !Array.isArray(p.order)) fail('lists, concepts or order');
  for (const [i, l] of (p.lists as unknown[]).entries()) {
    const list = record(l, `lists[${i}]`);
    if (typeof list.file !== 'string' || !Array.isArray(list.terms)) fail(`lists[${i}]`);
  }
  (p.concepts as unknown[]).forEach((t, i) => checkTerm(t, `concepts[${i}]`));
  const order = (p.order as unknown[]).map((t, i) => checkTerm(t, `order[${i}]`));
  strings(p.ignore, 'ignore');
  strings(p.notes, 'notes');
  strings(p.warnings, 'warnings');
  const trie = checkTrie(p.trie);
  const keyStart = typed(p.keyStart, Int32Array, 'keyStart');
  const packedTerm = typed(p.packedTerm, Int32Array, 'packedTerm');
  const packedCode = typed(p.packedCode, Int16Array, 'packedCode');
  const keys = keyStart.length - 1;
  if (keys < 0 || keyStart[0] !== 0 || keyStart[keys] !== packedTerm.length || packedCode.length !== packedTerm.length) fail('keyStart');
  for (let k = 1; k <= keys; k++) if (keyStart[k]! < keyStart[k - 1]!) fail('keyStart');
  within(trie.values, -1, keys, 'trie.values');
  within(trie.tailValue, -1, keys, 'trie.tailValue');
  // Each tail run ends with its mark and the value of its last node.
  const tails = trie.tailChars;
  for (let n = 0; n < trie.count; n++) {
    let q = trie.tailStart[n]!;
    if (q < 0) continue;
    while (q < tails.length && tails[q] !== 0xffff) q++;
    if (q + 2 >= tails.length) fail(`trie tail of node ${n}`);
    const value = tails[q + 1]! | (tails[q + 2]! << 16);
    if (value < -1 || value >= keys) fail(`trie tail value of node ${n}`);
  }
  within(packedTerm, 0, order.length, 'packedTerm');
  for (let f = 0; f < packedCode.length; f++) {
    const t = order[packedTerm[f]!]!;
    const code = packedCode[f]!;
    if (code >= 0 ? code > t.admitted.length : -1 - code >= t.forbidden.length) fail(`packedCode[${f}]`);
  }
  checkStringSet(p.vocabulary);
  const words = strings(p.fuzzyWords, 'fuzzyWords');
  checkUses(p.fuzzyUses, words.length, order);
  if (p.fuzzyEntries !== undefined) {
    const problem = fuzzyEntriesProblem(typed(p.fuzzyEntries, Uint32Array, 'fuzzyEntries'), words.length);
    if (problem) fail(`fuzzyEntries: ${problem}`);
  }
  return p as unknown as CompiledParts;
}
