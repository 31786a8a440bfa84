/**
 * A set of strings in one flat string and two typed arrays (open addressing on an FNV-1a hash). A Set of
 * 100,000 short words costs several megabytes of hash table and string headers; this costs about the
 * characters plus 12 bytes a word, and lookups never allocate.
 */
import { fnv1a } from './hash';

export interface ReadonlyStringSet {
  has(word: string): boolean;
  readonly size: number;
}

/** A CompactStringSet as plain data (`buildData`, `CompactStringSet.fromData`). */
export interface StringSetData {
  text: string;
  slots: Int32Array;
  starts: Int32Array;
}

/** Collects distinct strings, then freezes into a compact set (`build`, or its data: `buildData`). */
export class StringSetBuilder {
  private readonly seen = new Set<string>();

  add(word: string): void {
    this.seen.add(word);
  }

  build(): ReadonlyStringSet {
    return new CompactStringSet([...this.seen]);
  }

  buildData(): StringSetData {
    return new CompactStringSet([...this.seen]).toData();
  }
}

export class CompactStringSet implements ReadonlyStringSet {
  private readonly text: string;
  /** Per slot: 1 + index of the word (0 = empty). */
  private readonly slots: Int32Array;
  private readonly starts: Int32Array;
  private readonly mask: number;
  readonly size: number;

  /** `words` must be distinct; or the data of a set (`toData`), used as it is. */
  constructor(words: readonly string[] | StringSetData) {
    if (!Array.isArray(words)) {
      const d = words as StringSetData;
      this.text = d.text;
      this.slots = d.slots;
      this.starts = d.starts;
      this.mask = d.slots.length - 1;
      this.size = d.starts.length - 1;
      return;
    }
    this.size = words.length;
    let capacity = 8;
    while (capacity < words.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.starts = new Int32Array(words.length + 1);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      this.starts[i] = at;
      at += words[i]!.length;
      let slot = fnv1a(words[i]!) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    }
    this.starts[words.length] = at;
    this.text = words.join('');
  }

  static fromData(d: StringSetData): CompactStringSet {
    return new CompactStringSet(d);
  }

  toData(): StringSetData {
    return { text: this.text, slots: this.slots, starts: this.starts };
  }

  has(word: string): boolean {
    const { slots, starts, text, mask } = this;
    for (let slot = fnv1a(word) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]!;
      if (id === 0) return false;
      const start = starts[id - 1]!;
      if (starts[id]! - start !== word.length) continue;
      let i = 0;
      while (i < word.length && text.charCodeAt(start + i) === word.charCodeAt(i)) i++;
      if (i === word.length) return true;
    }
  }
}
