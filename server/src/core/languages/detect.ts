/**
 * A document's natural language, decided per document: from its file name (`draft.zh.md`, `notes.zh-Hant.txt`,
 * `press.zh-HK.html`: a language tag just before the extension), else from a setting (`termlint.language`, the
 * CLI's `--lang`) other than `auto`, else from its text: mostly Han characters is Chinese, in the script most of its
 * script-specific characters are written in (fold.ts `dominantScript`). Everything else is English. The result
 * says where it came from, so the editor and the CLI can say why a document is read as it is.
 */
import { dominantScript } from './chinese/fold';
import { normalizeLanguageTag } from './tags';


export type LanguageSource = 'file name' | 'setting' | 'text' | 'default';

export interface DocumentLanguage {
  /** BCP 47, as named (zh-HK stays zh-HK) or as detected (zh-Hans, zh-Hant, en). */
  tag: string;
  source: LanguageSource;
}

/** Primary subtags Termlint reads a document in. */
const KNOWN = new Set(['en', 'zh']);

/** The language tag a file name carries just before its extension (`x.zh-Hant.md`), or undefined. */
export function languageFromName(name: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const parts = base.split('.');
  if (parts.length < 3) return undefined;
  const candidate = parts[parts.length - 2]!;
  const tag = normalizeLanguageTag(candidate);
  if (!tag || !KNOWN.has(tag.split('-')[0]!)) return undefined;
  // Keep the region as written (zh-HK): it is what the author named; matching reads its script.
  return candidate.replace(/_/g, '-');
}

/** How much of a text detection reads: the start of a long document says what it is written in. */
const SAMPLE = 100_000;

/**
 * What the last few texts' starts were read as (`detectLanguage`, and a bare "zh"'s script): an editor asks
 * again after every keystroke, and a keystroke past the first SAMPLE characters, or anywhere in a text another
 * text shares its start with, changes nothing detection reads. A cached start is compared natively.
 */
const recent: { sample: string; language?: string; script?: 'zh-Hans' | 'zh-Hant' }[] = [];

function remembered(text: string): { sample: string; language?: string; script?: 'zh-Hans' | 'zh-Hant' } {
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < recent.length; i++) {
    const r = recent[i]!;
    if (r.sample.length === n && text.startsWith(r.sample)) {
      if (i > 0) recent.unshift(...recent.splice(i, 1));
      return r;
    }
  }
  // A slice of a longer text would keep all of it alive: the start is copied (a concatenation, flattened by the
  // slice taken of it).
  const r = { sample: n < text.length ? (text.slice(0, n) + ' ').slice(0, n) : text };
  recent.unshift(r);
  if (recent.length > 4) recent.pop();
  return r;
}

/** Chinese when Han characters outnumber Latin letters in the text's start, in its dominant script; else English. */
export function detectLanguage(text: string): string {
  if (plainlyEnglish(text)) return 'en';
  const r = remembered(text);
  return (r.language ??= detectIn(text));
}

/** The Han characters `detectIn` counts, code unit by code unit (a high surrogate stands for its character). */
const HAN = /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\ud840-\ud87f]/g;
/** How many Han characters the quick reading counts before it leaves the text to `detectIn`. */
const FEW = 512;

/**
 * Whether `detectIn` would read the text as English, told by a native scan where it can be: no Han character in
 * the start (an English draft, at every keystroke), or a few and at least as many Latin letters, counted from the
 * start only until there are ("Guangdong (广东)"). Anything else (Chinese, or too many Han characters to tell)
 * goes to the full count, whose answer is remembered.
 */
function plainlyEnglish(text: string): boolean {
  const to = Math.min(text.length, SAMPLE);
  const sample = to < text.length ? text.slice(0, to) : text;
  HAN.lastIndex = 0;
  let han = 0;
  while (HAN.test(sample)) {
    if (++han > FEW) {
      HAN.lastIndex = 0;
      return false;
    }
  }
  if (han === 0) return true;
  let latin = 0;
  for (let i = 0; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a && ++latin >= han) return true;
  }
  return false;
}

/** The dominant script of the text's start (a document named or set to a bare "zh"). */
function scriptOfStart(text: string): 'zh-Hans' | 'zh-Hant' {
  const r = remembered(text);
  return (r.script ??= dominantScript(text, 0, Math.min(text.length, SAMPLE)));
}

function detectIn(text: string): string {
  const to = Math.min(text.length, SAMPLE);
  let han = 0;
  let latin = 0;
  for (let i = 0; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c >= 0xd840 && c <= 0xd87f) han++; // a high surrogate of the supplementary ideographic planes
  }
  if (han === 0 || han <= latin) return 'en';
  return dominantScript(text, 0, to);
}

/** The document's language: its name's tag, else `setting` (unless absent or `auto`), else its text's. */
export function documentLanguage(name: string | undefined, setting: string | undefined, text: string): DocumentLanguage {
  const named = name ? languageFromName(name) : undefined;
  // A bare "zh" names the language, not the script: the text tells which.
  if (named) return { tag: named.toLowerCase() === 'zh' ? scriptOfStart(text) : named, source: 'file name' };
  if (setting && setting !== 'auto' && normalizeLanguageTag(setting)) {
    return { tag: setting.toLowerCase() === 'zh' ? scriptOfStart(text) : setting, source: 'setting' };
  }
  const detected = detectLanguage(text);
  return { tag: detected, source: detected === 'en' ? 'default' : 'text' };
}
