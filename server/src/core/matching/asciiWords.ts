/**
 * The distinct plain-ASCII words of a text, compared without regard to case (where lower-casing is one
 * code unit to one, so equal to comparing toLowerCase() strings), in an open-addressing table of offsets:
 * looking a word up builds no string. The misspelling pass keeps each word's verdict here, so a draft that
 * repeats a few thousand words asks about each once.
 */
import { fnv1aAsciiLower } from '../hash';

export const VERDICT_FINE = 1;
export const VERDICT_SUSPICIOUS = 2;

export class AsciiWords {
  private slots = new Int32Array(1 << 12);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  /** Per entry: 0 unknown, VERDICT_FINE or VERDICT_SUSPICIOUS. */
  readonly verdicts: number[] = [];
  /** Per entry: 0 unknown, 1 a word of no term, 2 a word of some term. */
  readonly termWords: number[] = [];

  constructor(private readonly text: string) {}

  /** Entry of text[start, end), added when new; -1 when the word is not all ASCII. */
  entry(start: number, end: number): number {
    const h = fnv1aAsciiLower(this.text, start, end);
    if (h < 0) return -1;
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
        this.termWords.push(0);
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
