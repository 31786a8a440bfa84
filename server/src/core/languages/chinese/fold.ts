/**
 * Folding for matching Chinese: full-width ASCII to half-width (`foldWidth`), and Traditional (with the Hong Kong
 * and Taiwan variants) to Simplified, character by character (`foldScript`), with OpenCC's data (opencc-js: its
 * `t2cn` build, the one direction folding needs). Both the document and the term list's forms are folded the same
 * way, so a form matches whichever script or width it is written in, and what differs from the form as listed
 * says what kind of finding it is.
 *
 * Only OpenCC's character tables are used, not its phrase tables: a phrase rule would make a character's fold
 * depend on its neighbours, so a form folded on its own could read differently from the same form folded inside
 * a sentence. A character's fold is one code point, which may take a different number of UTF-16 units than the
 * original (an astral character folds to a BMP one and back): matchers map offsets code point by code point.
 *
 * The table is built on the first Chinese document, so English-only runs never load OpenCC.
 */

/** Full-width ASCII U+FF01–FF5E as its ASCII character, the ideographic space as a space; else the unit as it is. */
export function foldWidth(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  return c === 0x3000 ? 0x20 : c;
}

/** Whether a code unit is one `foldWidth` changes. */
export function isFullWidth(c: number): boolean {
  return (c >= 0xff01 && c <= 0xff5e) || c === 0x3000;
}

interface ScriptTables {
  /** BMP code unit → folded code point (0: folds to itself). */
  bmp: Int32Array;
  /** Astral code point → folded code point. */
  astral: Map<number, number>;
  /** Code points that only Simplified text writes (a Traditional character folds to each, none folds away from it). */
  simplifiedOnly: Set<number>;
}

let tables: ScriptTables | undefined;

interface OpenccLocale {
  from: Record<string, string[][]>;
  to: Record<string, string[][]>;
  configs: Record<string, { normalizationChain?: string[][] }>;
}

function entries(dict: string | undefined): [number, number][] {
  const out: [number, number][] = [];
  if (!dict) return out;
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space < 0) continue;
    const from = entry.slice(0, space);
    const to = entry.slice(space + 1);
    const a = from.codePointAt(0)!;
    const b = to.codePointAt(0)!;
    // Character tables only: one code point each side.
    if (from.length !== (a > 0xffff ? 2 : 1) || to.length !== (b > 0xffff ? 2 : 1)) continue;
    out.push([a, b]);
  }
  return out;
}

function build(): ScriptTables {
  const locale = (require('opencc-js/t2cn') as { Locale: OpenccLocale }).Locale;
  // Each group is [phrases, characters]; the characters are the group's last dictionary.
  const chars = (groups: string[][] | undefined): [number, number][] => entries(groups?.[0]?.[groups[0].length - 1]);
  const ts = new Map(chars(locale.to.cn));
  const variants = new Map<number, number>([...chars(locale.from.tw), ...chars(locale.from.hk)]);
  const compat = new Map(entries(locale.configs.t2s?.normalizationChain?.[0]?.[0]));
  const simplified = new Set<number>();
  for (const [from, to] of ts) if (from !== to) simplified.add(to);
  const fold = (c: number): number => {
    const x = compat.get(c) ?? c;
    const direct = ts.get(x);
    if (direct !== undefined) return direct;
    // A regional variant (HK 為, TW 裡) is first written as OpenCC's standard Traditional, then simplified; a
    // character Simplified text writes as it is (台, 么) is never taken for a variant.
    if (simplified.has(x)) return x;
    const standard = variants.get(x);
    if (standard === undefined) return x;
    return ts.get(standard) ?? standard;
  };
  const bmp = new Int32Array(0x10000);
  const astral = new Map<number, number>();
  const sources = new Set<number>([...ts.keys(), ...variants.keys(), ...compat.keys()]);
  for (const c of sources) {
    const f = fold(c);
    if (f === c) continue;
    if (c <= 0xffff) bmp[c] = f;
    else astral.set(c, f);
  }
  const simplifiedOnly = new Set<number>();
  for (const s of simplified) if (!sources.has(s)) simplifiedOnly.add(s);
  return { bmp, astral, simplifiedOnly };
}

function scriptTables(): ScriptTables {
  return (tables ??= build());
}

/** The Simplified code point a code point folds to (itself when it has no other script's form). */
export function foldScript(cp: number): number {
  const t = scriptTables();
  if (cp <= 0xffff) return t.bmp[cp] || cp;
  return t.astral.get(cp) ?? cp;
}

/** A string folded for width and script, code point by code point (a form's key). */
export function foldText(s: string): string {
  // Most text folds to itself (Simplified prose): then no new string is built.
  let i0 = 0;
  while (i0 < s.length) {
    const cp = s.codePointAt(i0)!;
    if (foldScript(foldWidth(cp)) !== cp) break;
    i0 += cp > 0xffff ? 2 : 1;
  }
  if (i0 >= s.length) return s;
  let out = s.slice(0, i0);
  for (let i = i0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    out += String.fromCodePoint(foldScript(foldWidth(cp)));
  }
  return out;
}

/** The BMP part of the script fold as a table (0: a unit folds to itself), for matchers' inner loops. */
export function scriptFoldTable(): Int32Array {
  return scriptTables().bmp;
}

/** Whether a code point is written only in Traditional text (it folds to another character). */
export function isTraditional(cp: number): boolean {
  return foldScript(cp) !== cp;
}

/** Whether a code point is written only in Simplified text. */
export function isSimplifiedOnly(cp: number): boolean {
  return scriptTables().simplifiedOnly.has(cp);
}

/**
 * The script most of `text[from, to)` is written in, by the characters only one script writes; Simplified when
 * neither kind is there (a text of characters both scripts share reads the same in either).
 */
export function dominantScript(text: string, from = 0, to = text.length): 'zh-Hans' | 'zh-Hant' {
  let traditional = 0;
  let simplified = 0;
  for (let i = from; i < to; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp < 0x3400) continue;
    if (isTraditional(cp)) traditional++;
    else if (isSimplifiedOnly(cp)) simplified++;
  }
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}
