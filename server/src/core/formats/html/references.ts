/**
 * Character references in HTML text (`&amp;`, `&nbsp;`, `&#8209;`). The view keeps every offset, so a reference
 * can never read as the one character it stands for. One that stands for a space reads as a space (Blank:
 * "Hong&nbsp;Kong" is "Hong Kong"); every other reads as a boundary, like punctuation (Hide, as Markdown hides
 * its entities): "Shenzen&rsquo;s" is checked as "Shenzen". A reference inside a word therefore cuts it, and a
 * term never matches across it: "Guang&shy;dong" and "high&#8209;quality" are not checked, neither reported as
 * split nor fixed, rather than misread.
 *
 * The extent follows the HTML tokenizer: `&#digits;`, `&#xhex;` (the `;` optional), `&name;`, and the legacy
 * names the standard decodes without a `;` (`&copy`, `&nbsp`). Hiding a `&name;` that names nothing hides only
 * text no reader takes for a word.
 */
import { Mask } from '../../mask';

/** Named references (without `&` and `;`) that stand for a space or a tab. */
const SPACE_NAMES = new Set([
  'nbsp', 'NonBreakingSpace', 'ensp', 'emsp', 'emsp13', 'emsp14', 'numsp', 'puncsp', 'thinsp', 'ThinSpace', 'hairsp',
  'VeryThinSpace', 'MediumSpace', 'ThickSpace', 'Tab', 'NewLine',
]);

/** The names the HTML standard decodes without a trailing `;` in text. */
const LEGACY = new Set(
  (
    'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave ' +
    'Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc ' +
    'acute aelig agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth ' +
    'euml frac12 frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde ' +
    'oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig ' +
    'thorn times uacute ucirc ugrave uml uuml yacute yen yuml'
  ).split(' '),
);
const LEGACY_MAX = 6;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Whether a code point is white space (what a numeric reference to it reads as). */
function isSpaceCodePoint(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0c || cp === 0x0d || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/**
 * The reference at `i` (where `text[i]` is '&'), ending by `end`: its length times two, plus one when it stands
 * for a space (no object per reference); 0 when there is none.
 */
function referenceAt(text: string, i: number, end: number): number {
  let j = i + 1;
  if (text.charCodeAt(j) === 35) {
    // Numeric: &#123; or &#x7B;, the ';' optional.
    j++;
    const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
    if (hex) j++;
    const digits = j;
    while (j < end && (hex ? isHex(text.charCodeAt(j)) : text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) j++;
    if (j === digits) return 0;
    const cp = j - digits > 8 ? -1 : parseInt(text.slice(digits, j), hex ? 16 : 10);
    if (j < end && text.charCodeAt(j) === 59) j++;
    return ((j - i) << 1) | (isSpaceCodePoint(cp) ? 1 : 0);
  }
  while (j < end && isAlnum(text.charCodeAt(j))) j++;
  if (j === i + 1) return 0;
  if (j < end && text.charCodeAt(j) === 59) return ((j + 1 - i) << 1) | (SPACE_NAMES.has(text.slice(i + 1, j)) ? 1 : 0);
  // No ';': the longest legacy name the characters start with, if any.
  for (let n = Math.min(LEGACY_MAX, j - i - 1); n >= 2; n--) {
    const name = text.slice(i + 1, i + 1 + n);
    if (LEGACY.has(name)) return ((n + 1) << 1) | (name === 'nbsp' ? 1 : 0);
  }
  return 0;
}

/** Masks the character references in text[from, to): Blank for a space, Hide for anything else. */
export function maskReferences(text: string, mask: Uint8Array, from: number, to: number): void {
  for (let i = text.indexOf('&', from); i >= 0 && i < to; i = text.indexOf('&', i)) {
    const r = referenceAt(text, i, to);
    if (r === 0) {
      i++;
      continue;
    }
    const length = r >> 1;
    mask.fill(r & 1 ? Mask.Blank : Mask.Hide, i, i + length);
    i += length;
  }
}
