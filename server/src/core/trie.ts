/**
 * A character trie over form keys in flat typed arrays (first-child / next-sibling), with a direct table
 * for the root's children. Memory stays proportional to the total key length, and a walk costs one
 * array probe per character, whatever the number of terms.
 */
/** Children from which a node gets a direct table (see `compact`). */
const FAN_MIN = 6;

export class KeyTrie {
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private chars: Uint16Array;
  private values: Int32Array;
  private readonly rootChildren = new Int32Array(0x10000).fill(-1);
  private count = 1;
  /**
   * After `compact`: for nodes with many children, a direct table of their ASCII children (128 slots at
   * `fanSlot[node] * 128`), so a walk through a crowded prefix ("qi…" of hundreds of names) does not scan
   * a long sibling list. -1 in fanSlot: no table.
   */
  private fanSlot: Int32Array | undefined;
  private fanTable = new Int32Array(0);

  constructor(capacity = 1024) {
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.chars = new Uint16Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
  }

  static readonly ROOT = 0;

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const cap = this.firstChild.length * 2;
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
    return this.values[node]!;
  }

  /** Stores `value` at the end of `key`; returns the previous value there, or -1. */
  insert(key: string, value: number): number {
    // New children would be missing from the direct tables: drop them (compact builds them again).
    this.fanSlot = undefined;
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

  /** Drops the unused capacity once every key is in (the arrays grow by doubling). */
  compact(): void {
    this.firstChild = this.firstChild.slice(0, this.count);
    this.nextSibling = this.nextSibling.slice(0, this.count);
    this.chars = this.chars.slice(0, this.count);
    this.values = this.values.slice(0, this.count);
    // Direct tables for crowded nodes, whose ASCII children then cost one probe.
    const fanSlot = new Int32Array(this.count).fill(-1);
    const crowded: number[] = [];
    for (let node = 1; node < this.count; node++) {
      let children = 0;
      for (let n = this.firstChild[node]!; n >= 0 && children < FAN_MIN; n = this.nextSibling[n]!) children++;
      if (children >= FAN_MIN) crowded.push(node);
    }
    const table = new Int32Array(crowded.length * 128);
    crowded.forEach((node, slot) => {
      fanSlot[node] = slot;
      const base = slot * 128;
      for (let c = 0; c < 128; c++) table[base + c] = -1;
      for (let n = this.firstChild[node]!; n >= 0; n = this.nextSibling[n]!) if (this.chars[n]! < 128) table[base + this.chars[n]!] = n;
    });
    this.fanSlot = fanSlot;
    this.fanTable = table;
  }

  /** Node reached by `key` from the root, or -1. */
  find(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.child(node, key.charCodeAt(i));
    return node;
  }

  /** Approximate bytes held, for benchmarks. */
  get byteSize(): number {
    return this.firstChild.byteLength * 3 + this.chars.byteLength + this.rootChildren.byteLength;
  }
}
