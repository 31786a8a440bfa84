/**
 * FNV-1a (32 bits), the one hash the engine uses for its open-addressing tables and its deletion index, and
 * the server for diagnostic result ids. Values are compared within one run only (nothing is persisted), but
 * every user gets the same bits from the same input, so the variants below are the one definition inlined
 * into the loops that need them (hashing a slice, skipping characters, folding case) without building strings.
 */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One step: the hash so far with code unit (or number) `c` mixed in. The caller ends with `>>> 0`. */
export function fnv1aStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** FNV-1a of the UTF-16 code units of `s`, as an unsigned 32-bit number. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * Two unrelated 32-bit hashes of `s` in one pass, FNV-1a and a multiply-shift mix (signed; `>>> 0` for unsigned):
 * 64 bits that name a text (the server's result ids and dropped term files' fingerprints).
 */
export function twoHashes(s: string): [number, number] {
  let a = FNV_OFFSET;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a, b];
}

/** FNV-1a of `s` with the code units at `skip1` and `skip2` left out (-1: none): a deletion's hash, no string. */
export function fnv1aWithout(s: string, skip1: number, skip2: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    if (i === skip1 || i === skip2) continue;
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * FNV-1a of `text[start, end)` with ASCII capitals folded to lower case, or -1 when the slice is not all ASCII:
 * the key of a plain word compared without regard to case (matching/asciiWords.ts), built from the document
 * text with no string made for the word.
 */
export function fnv1aAsciiLower(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}
