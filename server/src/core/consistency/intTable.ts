/**
 * An open-addressing table from 32-bit hashes to small numbers (an index into the caller's own arrays), for
 * the consistency checks' lookups: one probe per word of a document, no object and no string per lookup.
 * Hashes collide; callers compare the words themselves on a hit.
 */
export class IntTable {
  private keys: Int32Array;
  /** -1 where a slot is free. */
  private values: Int32Array;
  /**
   * One bit per 2^16 hash slices, set for every key: most words of a document are in none of the small
   * tables, and one bit answers that before any probe.
   */
  private readonly filter = new Int32Array(2048);
  private count = 0;

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const slice = (key ^ (key >>> 16)) & 0xffff;
    if ((this.filter[slice >>> 5]! & (1 << (slice & 31))) === 0) return -1;
    const keys = this.keys;
    const values = this.values;
    const mask = keys.length - 1;
    // The polynomial hash's low bits depend only on a word's last letters: mix the high ones in.
    let i = (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 8) & mask;
    for (let v = values[i]!; v >= 0; v = values[(i = (i + 1) & mask)]!) if (keys[i] === key) return v;
    return -1;
  }

  /** Sets `key` to `value` (0 or more) unless it has one; returns the value it has. */
  add(key: number, value: number): number {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    const mask = keys.length - 1;
    let i = (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 8) & mask;
    for (; values[i]! >= 0; i = (i + 1) & mask) if (keys[i] === key) return values[i]!;
    keys[i] = key;
    values[i] = value;
    this.count++;
    const slice = (key ^ (key >>> 16)) & 0xffff;
    this.filter[slice >>> 5]! |= 1 << (slice & 31);
    return value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (values[i]! >= 0) this.add(keys[i]!, values[i]!);
  }
}
