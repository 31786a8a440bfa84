/**
 * The incremental re-scan of an edited HTML document. parse5's tokenizer is not incremental, but most keystrokes
 * cannot change how it reads a document: characters typed or deleted inside a run of prose (a text node, or a
 * checked attribute's value), none of which is markup (`<`, `>`, `&`, quotes, `=`, `/`, a line break; white space
 * too where the run may be an unquoted attribute value), with no `<` or `&` close enough before them to make
 * them part of a tag or a character reference, and some prose already written before them in the run (so the
 * run's block start stays where it was). Such an edit leaves every other character's mask as it was: the typed
 * characters are prose. Any other edit is scanned whole.
 */
import { Mask } from '../../mask';
import type { FormatScan, Rescan, Span, TextChange } from '../format';
import { isSpace, scanHtml } from './scan';

export interface HtmlScan extends FormatScan {
  mask: Uint8Array;
}

/** The whole document's scan, kept for re-scanning. */
export function scanHtmlDocument(text: string): HtmlScan {
  const mask = new Uint8Array(text.length);
  const { blockStarts, headings } = scanHtml(text, mask);
  return { mask, blockStarts, headings };
}

/** How far before an edit a `<` may make it part of a tag: past the longest end tag a raw-text element waits for. */
const REACH = 40;

/** A character an edit may write or delete inside prose without changing how the tokenizer reads anything. */
function inert(c: number, spaceToo: boolean): boolean {
  switch (c) {
    case 0:
    case 10:
    case 13:
    case 12:
    case 34: // "
    case 38: // &
    case 39: // '
    case 47: // /
    case 60: // <
    case 61: // =
    case 62: // >
    case 96: // `
      return false;
    case 32:
    case 9:
      return spaceToo;
    default:
      return true;
  }
}

/** Whether text[from, to) could all be part of a character reference's name or number (letters, digits, `#`). */
function referenceRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x23)) return false;
  }
  return true;
}

function inertRange(text: string, from: number, to: number, spaceToo: boolean): boolean {
  for (let i = from; i < to; i++) if (!inert(text.charCodeAt(i), spaceToo)) return false;
  return true;
}

/** A whole re-scan, as a re-scan of everything. */
function whole(oldText: string, text: string): Rescan<HtmlScan> {
  return { scan: scanHtmlDocument(text), from: 0, to: text.length, oldTo: oldText.length };
}

export function rescanHtml(old: HtmlScan, oldText: string, text: string, change: TextChange): Rescan<HtmlScan> {
  const { start, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  const om = old.mask;
  // Some prose before the edit in its run: back over kept white space to a kept character that is not one.
  let p = start - 1;
  while (p >= 0 && om[p] === Mask.Keep && isSpace(oldText.charCodeAt(p))) p--;
  if (p < 0 || om[p] !== Mask.Keep) return whole(oldText, text);
  // The deleted characters were prose too.
  for (let i = start; i < oldEnd; i++) if (om[i] !== Mask.Keep) return whole(oldText, text);
  // Nothing close before that a typed character could complete: a tag being opened (`<b`), an end tag a raw-text
  // element waits for (`</title`), a reference (`&amp`). A `<` closed by a `>` since is a tag already read.
  const near = Math.max(0, start - REACH);
  const lt = text.lastIndexOf('<', start - 1);
  const gt = text.lastIndexOf('>', start - 1);
  if (lt >= near && lt > gt) return whole(oldText, text);
  // A reference's name is at most 31 characters, but a number may have any count of digits (`&#000…065`).
  const amp = text.lastIndexOf('&', start - 1);
  if (amp >= 0 && referenceRun(text, amp + 1, start)) return whole(oldText, text);
  // White space ends an unquoted attribute value: allowed only where the last markup before is a tag's end.
  const spaceToo = gt > lt;
  if (!inertRange(text, start, newEnd, spaceToo) || !inertRange(oldText, start, oldEnd, spaceToo)) return whole(oldText, text);
  const blockStarts: number[] = [];
  for (const x of old.blockStarts) {
    // A block starts at its first prose character, which is before the edit.
    if (x >= start && x < Math.max(oldEnd, start + 1)) return whole(oldText, text);
    blockStarts.push(x < start ? x : x + delta);
  }
  const headings: Span[] = [];
  for (const h of old.headings) {
    if (h.end < start) headings.push(h);
    else headings.push({ start: h.start < start ? h.start : h.start + delta, end: h.end + delta });
  }
  const mask = new Uint8Array(text.length);
  mask.set(om.subarray(0, start));
  mask.set(om.subarray(oldEnd), newEnd);
  // Matched again: the block around the edit, between the hidden characters that end blocks.
  let from = start;
  while (from > 0 && mask[from - 1] !== Mask.Hide) from--;
  let to = newEnd;
  while (to < text.length && mask[to] !== Mask.Hide) to++;
  return { scan: { mask, blockStarts, headings }, from, to, oldTo: to - delta };
}
