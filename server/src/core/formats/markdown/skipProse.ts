/**
 * Makes lezer's inline pass cost what a document's markup costs, not what its prose costs. lezer offers every
 * inline parser every character (a dozen calls per character; GFM's autolink runs a regular expression at each
 * word start), though in prose almost no character can start anything. `SkipProse`, offered each position
 * first, consumes a run of characters none of which can: the tree is lezer's own for everything else, and the
 * only nodes it no longer gets are HardBreaks, which mask nothing.
 *
 * A character can start something when it is one of  \ & ` < * _ ~ [ ] !  or when GFM's autolink could match
 * there: an ASCII [\w.+-] not preceded by a word character, where `www.`, `http`, `mailto:` or `xmpp:` begins
 * or an '@' lies at most 100 characters on (its e-mail pattern is [\w.+-]{1,100}@).
 */
import type { InlineContext, MarkdownConfig } from '@lezer/markdown';

/** ASCII characters that start an inline construct (1), or may start an autolink (2: [\w.+-]). */
const START = new Uint8Array(128);
for (const c of '\\&`<*_~[]!') START[c.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) START[c] = 2;
for (let c = 65; c <= 90; c++) START[c] = 2;
for (let c = 97; c <= 122; c++) START[c] = 2;
for (const c of '_.+-') if (START[c.charCodeAt(0)] === 0) START[c.charCodeAt(0)] = 2;

/**
 * Where something may start, but for e-mail addresses: a character of START 1, or an autolink prefix at a word
 * start (an ASCII \w before it is no word start, as for lezer's autolink).
 */
const STOP = /[\\&`<*_~[\]!]|(?<![0-9A-Za-z_])(?:www\.|http|mailto:|xmpp:)/g;

/** ASCII `\w` (what lezer's autolink tests the preceding character with). */
const WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD[c] = 1;
for (let c = 65; c <= 90; c++) WORD[c] = 1;
for (let c = 97; c <= 122; c++) WORD[c] = 1;
WORD[95] = 1;

/** Whether `www.`, `http`, `mailto:` or `xmpp:` begins at `i` (`c` is the character there); no string is built. */
function autolinkPrefixAt(text: string, c: number, i: number): boolean {
  switch (c) {
    case 119:
      return text.startsWith('www.', i);
    case 104:
      return text.startsWith('http', i);
    case 109:
      return text.startsWith('mailto:', i);
    case 120:
      return text.startsWith('xmpp:', i);
    default:
      return false;
  }
}

/**
 * The next '@' of one inline section at or after a position, remembered for the section being parsed (lezer
 * parses one section at a time, from left to right; a WeakMap per section cost more than the scan it saved).
 */
let atSection: InlineContext | undefined;
let atFrom = 0;
let atPos = -1;

/** The offset of the next '@' at or after `i` in the section's text (-1: none). */
function nextAtSign(cx: InlineContext, text: string, i: number): number {
  if (cx !== atSection || i < atFrom || (atPos >= 0 && atPos < i)) {
    atSection = cx;
    atFrom = i;
    atPos = text.indexOf('@', i);
  }
  return atPos;
}

/**
 * Whether GFM's autolink could match at `i` (character `c`, an ASCII [\w.+-] not preceded by a word character)
 * of the section's text (see the module comment).
 */
function autolinkMayStart(cx: InlineContext, text: string, c: number, i: number): boolean {
  if (autolinkPrefixAt(text, c, i)) return true;
  const at = nextAtSign(cx, text, i);
  return at >= 0 && at - i <= 100;
}

/** Whether something may start at `i` (character `c`) of the section's text. */
function mayStart(cx: InlineContext, text: string, c: number, i: number): boolean {
  if (c >= 128) return false;
  const k = START[c];
  if (k !== 2) return k === 1;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (p < 128 && WORD[p] === 1) return false;
  }
  return autolinkMayStart(cx, text, c, i);
}

export const SkipProse: MarkdownConfig = {
  parseInline: [
    {
      name: 'SkipProse',
      before: 'Escape',
      parse(cx, next, pos) {
        const text = cx.text;
        const len = text.length;
        const i = pos - cx.offset;
        if (mayStart(cx, text, next, i)) return -1;
        // The next delimiter or autolink prefix, by a regular expression; then the word starts close enough
        // before an '@' (at most 100 characters) for an e-mail address, up to that stop.
        STOP.lastIndex = i + 1;
        const stop = STOP.exec(text)?.index ?? len;
        for (let at = nextAtSign(cx, text, i + 1); at >= 0 && at - 100 < stop; at = nextAtSign(cx, text, at + 1)) {
          const to = Math.min(stop, at);
          for (let j = Math.max(i + 1, at - 100); j < to; j++) {
            const c = text.charCodeAt(j);
            if (c < 128 && START[c] === 2) {
              const p = text.charCodeAt(j - 1);
              if (p >= 128 || WORD[p] !== 1) return j + cx.offset;
            }
          }
        }
        return stop + cx.offset;
      },
    },
  ],
};
