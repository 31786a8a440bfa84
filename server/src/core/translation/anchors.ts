/**
 * What a block and its translation share whatever the languages: numbers (2024, 30%, 1,200), words in Latin
 * letters inside prose of another script (AI, GDP, 5G in a Chinese paragraph), and the number a list item or a
 * heading starts with, however it is written (一、 （二） 第三条 ↔ 1. (2) Article 3, III.). The alignment
 * (align.ts) scores candidate links by them.
 */

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number (十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23), or -1. */
export function chineseNumber(s: string): number {
  if (s === '') return -1;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in CHINESE_DIGITS ? CHINESE_DIGITS[s]! : -1;
  const tens = ten === 0 ? 1 : s.length > 0 && ten === 1 ? (CHINESE_DIGITS[s[0]!] ?? -1) : -1;
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? (CHINESE_DIGITS[rest] ?? -1) : -1;
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** I … LXXXIX as a number, or -1 (only the numerals a document's sections use). */
export function romanNumber(s: string): number {
  if (!/^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || s === '') return -1;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

const CN = '[〇零一二两三四五六七八九十]{1,3}';
/** Numbering at the start of a block, most specific first; group 1 is the number. */
const NUMBERING: readonly { re: RegExp; value: (m: string) => number }[] = [
  { re: new RegExp(`^第(${CN})[条章节部篇项]`), value: chineseNumber },
  { re: new RegExp(`^[（(](${CN})[)）]`), value: chineseNumber },
  { re: new RegExp(`^(${CN})[、.．]`), value: chineseNumber },
  { re: /^[（(](\d{1,3})[)）]/, value: Number },
  { re: /^(\d{1,3})(?:[.．、)）](?!\d)|\s)/, value: Number },
  { re: /^(?:Article|Section|Chapter|Part|Item)\s+(\d{1,3})\b/i, value: Number },
  { re: /^(?:Article|Section|Chapter|Part)\s+([IVXL]{1,6})\b/, value: romanNumber },
  { re: /^([IVXL]{1,6})[.)](?:\s|$)/, value: romanNumber },
];

/**
 * The number a block starts with (`一、`, `（二）`, `第三条`, `1.`, `(2)`, `Article 3`, `III.`), read from its
 * text with Markdown's list or heading marker in front of it (`2. `, `## `) when there is one; -1 when it starts
 * with none.
 */
export function leadingNumber(lineStart: string, blockText: string): number {
  // A Markdown ordered-list marker before the block's text numbers it.
  const marker = /(\d{1,3})[.)]\s*$/.exec(lineStart);
  if (marker && /^\s*(?:[>*+-]\s*)*\d{1,3}[.)]\s*$/.test(lineStart)) return Number(marker[1]);
  const text = blockText.replace(/^\s*(?:#{1,6}\s+|[*+-]\s+|>\s*)*/, '').replace(/^[*_]+/, '');
  for (const { re, value } of NUMBERING) {
    const m = re.exec(text);
    if (m) {
      const n = value(m[1]!);
      if (n >= 0) return n;
    }
  }
  return -1;
}

/** Numbers in prose, as keys: digits with thousands separators dropped (`1,200` → `1200`, `3.5` stays). */
const NUMBER = /\d+(?:[,，]\d{3})*(?:\.\d+)?/g;
/** A word in Latin letters (with digits: 5G, COVID-19), as written in prose of another script. */
const LATIN = /[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|\d+[A-Za-z][A-Za-z0-9]*/g;

/** The anchors of `prose` (a block of a view, hidden characters read as NUL): `#1200`, `@gdp`. */
export function anchorsOf(prose: string, latin: boolean): string[] {
  const out: string[] = [];
  for (const m of prose.matchAll(NUMBER)) {
    const n = m[0].replace(/[,，]/g, '');
    // Years, amounts and percentages anchor; a lone 1 or 2 ("one of 2 ways") says little.
    if (n.length >= 2 || m[0].includes('.')) out.push(`#${n}`);
  }
  if (latin) for (const m of prose.matchAll(LATIN)) if (m[0].length >= 2) out.push(`@${m[0].toLowerCase()}`);
  return out;
}

/** Whether `text` is written mostly in a script other than Latin: then its Latin words are anchors. */
export function mostlyNonLatin(text: string): boolean {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x2e80 && !(c >= 0xd800 && c <= 0xdfff)) other++;
  }
  return other > latin;
}
