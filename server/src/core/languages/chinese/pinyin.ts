/**
 * Toneless pinyin, from pinyin-pro: what an IME types for a character, so a character typed for another of the
 * same sound (质 → 知, 湾 → 弯) can be told from any other difference. A form is read in context (重庆 is chong
 * qing), a document's character by every reading it has (any of them may be what the writer typed). Loaded on the
 * first homophone check; each character is looked up once.
 */

interface PinyinPro {
  pinyin(text: string, options: { toneType: 'none'; type: 'array'; multiple?: boolean; v?: boolean }): string[];
}

let lib: PinyinPro | undefined;

function load(): PinyinPro {
  return (lib ??= require('pinyin-pro') as PinyinPro);
}

const byCodePoint = new Map<number, readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);
const LATIN = /^[a-zv]+$/;

/** Every toneless reading of one Han character (none for anything else). */
export function readingsOf(cp: number): readonly string[] {
  let r = byCodePoint.get(cp);
  if (!r) {
    const all = load().pinyin(String.fromCodePoint(cp), { toneType: 'none', type: 'array', multiple: true, v: true });
    const out = [...new Set(all.map((s) => s.toLowerCase()))].filter((s) => LATIN.test(s));
    r = out.length > 0 ? out : NONE;
    byCodePoint.set(cp, r);
  }
  return r;
}

/** The toneless reading of each character of `text` as a word (its context chooses among a character's readings). */
export function readingsInContext(text: string): string[] {
  return load()
    .pinyin(text, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase());
}
