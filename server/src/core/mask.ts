/**
 * The per-character mask every format fills and the view applies: what the matcher sees of each code unit of
 * a document. Formats, directives and the view all write through this module, so none of them needs another
 * (it is what broke the view ↔ directives import cycle).
 */

/** Per-character mask: what the view does with each code unit. */
export const enum Mask {
  Keep = 0,
  /** Markup between words of a sentence: reads as a space (line breaks stay). */
  Blank = 1,
  /** Never checked, or a block boundary: reads as NUL. */
  Hide = 2,
}

/** A range of the document and what to do with it. */
export interface Region {
  start: number;
  end: number;
  /** 'hide': never checked; 'blank': markup read as a space between words; 'break': ends a block. */
  mode: 'hide' | 'blank' | 'break';
}

export function applyRegion(mask: Uint8Array, r: Region): void {
  const start = Math.max(0, r.start);
  const end = Math.min(mask.length, r.end);
  if (r.mode === 'blank') {
    for (let i = start; i < end; i++) if (mask[i] === Mask.Keep) mask[i] = Mask.Blank;
  } else if (end > start) mask.fill(Mask.Hide, start, end);
}

/** Marks [from, to) (clipped to the mask) with `mode`: Hide over everything, Blank only over what is still kept. */
export function fillMask(mask: Uint8Array, from: number, to: number, mode: Mask): void {
  const end = Math.min(to, mask.length);
  if (mode === Mask.Hide) {
    if (end > from) mask.fill(Mask.Hide, from, end);
  } else for (let i = from; i < end; i++) if (mask[i] === Mask.Keep) mask[i] = mode;
}

// ignoreBOM keeps a leading U+FEFF in the output: by default the decoder eats it and every offset shifts by one
// (test/unit/regressions.test.ts).
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The text with hidden characters as NUL and blank markup as spaces (line breaks and NULs stay). */
export function applyMask(text: string, mask: Uint8Array, from = 0, to = text.length): string {
  const n = to - from;
  const buf = new Uint16Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(from + i);
    const m = mask[from + i];
    if (m === Mask.Keep) buf[i] = c;
    else if (m === Mask.Hide) {
      buf[i] = 0;
      changed = true;
    } else if (c !== 10 && c !== 13 && c !== 0) {
      buf[i] = 32;
      changed = true;
    } else buf[i] = c;
  }
  if (!changed) return from === 0 && to === text.length ? text : text.slice(from, to);
  return utf16.decode(buf);
}
