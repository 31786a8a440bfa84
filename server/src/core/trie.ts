/**
 * A character trie over form keys in flat typed arrays (first-child / next-sibling), with a direct table
 * for the root's children. Memory stays proportional to the total key length, and a walk costs one
 * array probe per character, whatever the number of terms.
 *
 * Once every key is in, `compact` moves each branch-free run below a node (the rest of a long name once no
 * other key shares it: most of a large list's characters) into one string of tail characters at 2 bytes a
 * character instead of 14 a node. A node id at or past `tailBase` is a position in that string.
 */
/** Children from which a node gets a direct table (see `compact`). */
const FAN_MIN = 6;
/** Crowded nodes given a table: as many as a fan slot of two bytes numbers. */
const MAX_FANS = 0x7fff;

/** Ends a tail run; a run never holds this code unit (a key with it keeps regular nodes). */
const TAIL_END = 0xffff;

/** A compacted trie as plain data (`toData`, `KeyTrie.fromData`): what a cached compilation stores. */
export interface TrieData {
  count: number;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  chars: Uint16Array;
  values: Int32Array;
  rootChildren: Int32Array;
  fanSlot: Int16Array;
  fanTable: Int32Array;
  tailStart: Int32Array;
  tailChars: Uint16Array;
  /** `tailValues` as parallel arrays of positions and values. */
  tailValueAt: Int32Array;
  tailValue: Int32Array;
}

export class KeyTrie {
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private chars: Uint16Array;
  private values: Int32Array;
  private rootChildren: Int32Array;
  private count = 1;
  /**
   * After `compact`: for nodes with many children, a direct table of their ASCII children (128 slots at
   * `fanSlot[node] * 128`), so a walk through a crowded prefix ("qi…" of hundreds of names) does not scan
   * a long sibling list. -1 in fanSlot: no table. Two bytes a node: past MAX_FANS crowded nodes (a list far larger
   * than any termbase: 50,000 terms have 1,400) the others scan their children, as the trie did before fans.
   */
  private fanSlot: Int16Array | undefined;
  private fanTable: Int32Array = new Int32Array(0);
  /** After `compact`: per node, where its tail starts in tailChars, or -1 (it branches or ends). */
  private tailStart: Int32Array | undefined;
  /** Tail runs, each followed by TAIL_END and the value at its last node (low, high 16 bits). */
  private tailChars: Uint16Array = new Uint16Array(0);
  /** Values of keys ending inside a tail before its last node, by tail position. */
  private tailValues = new Map<number, number>();
  /** Node ids from here on are tail positions (tailBase + position). */
  private tailBase = 0x7fffffff;

  constructor(capacity = 1024) {
    this.rootChildren = new Int32Array(capacity > 0 ? 0x10000 : 0).fill(-1);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.chars = new Uint16Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
  }

  static readonly ROOT = 0;

  get size(): number {
    return this.count;
  }

  /** Half as much room again: while building, the old and the new arrays are both held. */
  private grow(): void {
    const cap = Math.max(2, Math.ceil(this.firstChild.length * 1.5));
    const fc = new Int32Array(cap).fill(-1);
    fc.set(this.firstChild);
    const ns = new Int32Array(cap).fill(-1);
    ns.set(this.nextSibling);
    const ch = new Uint16Array(cap);
    ch.set(this.chars);
    const vs = new Int32Array(cap).fill(-1);
    vs.set(this.values);
    this.firstChild = fc;
    this.nextSibling = ns;
    this.chars = ch;
    this.values = vs;
  }

  /** Child of `node` for code unit `c`, or -1. */
  child(node: number, c: number): number {
    if (node === 0) return this.rootChildren[c]!;
    if (node >= this.tailBase) {
      const q = node - this.tailBase + 1;
      return this.tailChars[q] === c && c !== TAIL_END ? node + 1 : -1;
    }
    if (this.tailStart) {
      const p = this.tailStart[node]!;
      if (p >= 0) return this.tailChars[p] === c ? this.tailBase + p : -1;
    }
    if (c < 128 && this.fanSlot) {
      const slot = this.fanSlot[node]!;
      if (slot >= 0) return this.fanTable[slot * 128 + c]!;
    }
    let n = this.firstChild[node]!;
    const chars = this.chars;
    const next = this.nextSibling;
    while (n >= 0) {
      if (chars[n] === c) return n;
      n = next[n]!;
    }
    return -1;
  }

  value(node: number): number {
    if (node >= this.tailBase) {
      const q = node - this.tailBase;
      // A run's last node is a leaf, so a key ends there: its value follows the run's end mark.
      if (this.tailChars[q + 1] === TAIL_END) return this.tailChars[q + 2]! | (this.tailChars[q + 3]! << 16);
      return this.tailValues.get(q) ?? -1;
    }
    return this.values[node]!;
  }

  /** Stores `value` at the end of `key`; returns the previous value there, or -1. */
  insert(key: string, value: number): number {
    if (this.tailStart) throw new Error('KeyTrie: no insert after compact()');
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let n = this.child(node, c);
      if (n < 0) {
        if (this.count >= this.firstChild.length) this.grow();
        n = this.count++;
        this.chars[n] = c;
        if (node === 0) this.rootChildren[c] = n;
        else {
          this.nextSibling[n] = this.firstChild[node]!;
          this.firstChild[node] = n;
        }
      }
      node = n;
    }
    const prev = this.values[node]!;
    this.values[node] = value;
    return prev;
  }

  /**
   * Freezes the trie once every key is in: branch-free runs become tails, the arrays keep only branching
   * nodes (renumbered), and crowded nodes get direct tables.
   */
  compact(): void {
    if (this.tailStart) return;
    const count = this.count;
    const fc = this.firstChild;
    const ns = this.nextSibling;
    // run[n]: length of the branch-free run below n (each node on it has one child and no sibling
    // branching off it), or -1 when n's subtree branches. Children always have larger ids than parents.
    const run = new Int32Array(count);
    for (let n = count - 1; n > 0; n--) {
      const c = fc[n]!;
      if (c < 0) run[n] = 0;
      else if (ns[c]! >= 0 || run[c]! < 0 || this.chars[c] === TAIL_END) run[n] = -1;
      else run[n] = run[c]! + 1;
    }
    // Regular nodes: the root, and every node whose parent branches (a run's top keeps its own node).
    const newId = new Int32Array(count).fill(-1);
    const order: number[] = [0];
    newId[0] = 0;
    let tailLength = 0;
    for (let i = 0; i < order.length; i++) {
      const n = order[i]!;
      if (n !== 0 && run[n]! > 0) {
        tailLength += run[n]! + 3;
        continue;
      }
      for (let c = n === 0 ? -1 : fc[n]!; n !== 0 ? c >= 0 : false; c = ns[c]!) {
        newId[c] = order.length;
        order.push(c);
      }
      if (n === 0) {
        for (let ch = 0; ch < 0x10000; ch++) {
          const c = this.rootChildren[ch]!;
          if (c >= 0) {
            newId[c] = order.length;
            order.push(c);
          }
        }
      }
    }
    const regular = order.length;
    const firstChild = new Int32Array(regular).fill(-1);
    const nextSibling = new Int32Array(regular).fill(-1);
    const chars = new Uint16Array(regular);
    const values = new Int32Array(regular).fill(-1);
    const tailStart = new Int32Array(regular).fill(-1);
    const tailChars = new Uint16Array(tailLength);
    const tailValues = new Map<number, number>();
    let t = 0;
    for (let i = 0; i < regular; i++) {
      const n = order[i]!;
      chars[i] = this.chars[n]!;
      values[i] = this.values[n]!;
      const sib = n === 0 ? -1 : ns[n]!;
      // Siblings under a non-root parent keep their list (root children are reached through rootChildren).
      if (sib >= 0 && newId[sib]! >= 0) nextSibling[i] = newId[sib]!;
      if (n !== 0 && run[n]! > 0) {
        tailStart[i] = t;
        let last = -1;
        for (let c = fc[n]!; c >= 0; c = fc[c]!) {
          last = this.values[c]!;
          if (last >= 0 && fc[c]! >= 0) tailValues.set(t, last);
          tailChars[t++] = this.chars[c]!;
        }
        tailChars[t++] = TAIL_END;
        tailChars[t++] = last & 0xffff;
        tailChars[t++] = last >>> 16;
      } else if (n !== 0 && fc[n]! >= 0) firstChild[i] = newId[fc[n]!]!;
    }
    for (let ch = 0; ch < 0x10000; ch++) {
      const c = this.rootChildren[ch]!;
      if (c >= 0) this.rootChildren[ch] = newId[c]!;
    }
    this.firstChild = firstChild;
    this.nextSibling = nextSibling;
    this.chars = chars;
    this.values = values;
    this.tailStart = tailStart;
    this.tailChars = tailChars;
    this.tailValues = tailValues;
    this.tailBase = regular;
    this.count = regular;
    // Direct tables for crowded nodes, whose ASCII children then cost one probe.
    const fanSlot = new Int16Array(regular).fill(-1);
    const crowded: number[] = [];
    for (let node = 1; node < regular && crowded.length < MAX_FANS; node++) {
      let children = 0;
      for (let n = firstChild[node]!; n >= 0 && children < FAN_MIN; n = nextSibling[n]!) children++;
      if (children >= FAN_MIN) crowded.push(node);
    }
    const table = new Int32Array(crowded.length * 128).fill(-1);
    crowded.forEach((node, slot) => {
      fanSlot[node] = slot;
      for (let n = firstChild[node]!; n >= 0; n = nextSibling[n]!) if (chars[n]! < 128) table[slot * 128 + chars[n]!] = n;
    });
    this.fanSlot = fanSlot;
    this.fanTable = table;
  }

  /** The compacted trie's arrays (shared, not copied). */
  toData(): TrieData {
    this.compact();
    return {
      count: this.count,
      firstChild: this.firstChild,
      nextSibling: this.nextSibling,
      chars: this.chars,
      values: this.values,
      rootChildren: this.rootChildren,
      fanSlot: this.fanSlot!,
      fanTable: this.fanTable,
      tailStart: this.tailStart!,
      tailChars: this.tailChars,
      tailValueAt: Int32Array.from(this.tailValues.keys()),
      tailValue: Int32Array.from(this.tailValues.values()),
    };
  }

  /** The compacted trie `toData` gave (its arrays are used as they are). */
  static fromData(d: TrieData): KeyTrie {
    const t = new KeyTrie(0);
    t.count = d.count;
    t.tailBase = d.count;
    t.firstChild = d.firstChild;
    t.nextSibling = d.nextSibling;
    t.chars = d.chars;
    t.values = d.values;
    t.rootChildren = d.rootChildren;
    t.fanSlot = d.fanSlot;
    t.fanTable = d.fanTable;
    t.tailStart = d.tailStart;
    t.tailChars = d.tailChars;
    t.tailValues = new Map();
    for (let i = 0; i < d.tailValueAt.length; i++) t.tailValues.set(d.tailValueAt[i]!, d.tailValue[i]!);
    return t;
  }

  /** Node reached by `key` from the root, or -1. */
  find(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.child(node, key.charCodeAt(i));
    return node;
  }

  /** Approximate bytes held, for benchmarks. */
  get byteSize(): number {
    return (
      this.firstChild.byteLength * 3 +
      this.chars.byteLength +
      this.rootChildren.byteLength +
      (this.tailStart?.byteLength ?? 0) +
      this.tailChars.byteLength +
      this.tailValues.size * 16 +
      (this.fanSlot?.byteLength ?? 0) +
      this.fanTable.byteLength
    );
  }

  /** Characters held in tails (after compact). */
  get tailSize(): number {
    return this.tailChars.length;
  }
}
