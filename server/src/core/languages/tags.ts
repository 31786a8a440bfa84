/**
 * Language tags as term lists name a concept's languages. Tools write them many ways (`en-US`, `en_GB`,
 * `zh-CN`, `zh-Hant-TW`, memoQ's `English_United_States`, `Chinese_PRC`); a list keeps one tag per language
 * so that two files naming English or Simplified Chinese differently still meet: the primary language and,
 * where it tells forms apart, the script. Regions are dropped (en-US and en-GB are both `en`: a list that
 * needs both spellings makes one of them admitted), except that a Chinese region chooses the script.
 */

const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Chinese regions by the script their official texts use. */
const HANT_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * The list's tag for a language as a file writes it, or undefined when it is not a language tag. Chinese
 * without a script or region is read as Simplified (zh-Hans), the script of the mainland's official texts.
 */
export function normalizeLanguageTag(raw: string): string | undefined {
  const text = raw.trim().replace(/_/g, '-');
  if (!TAG.test(text)) return undefined;
  const parts = text.split('-');
  const primary = parts[0]!.toLowerCase();
  let script: string | undefined;
  let region: string | undefined;
  for (const p of parts.slice(1)) {
    if (script === undefined && region === undefined && /^[A-Za-z]{4}$/.test(p)) script = p[0]!.toUpperCase() + p.slice(1).toLowerCase();
    else if (region === undefined && (/^[A-Za-z]{2}$/.test(p) || /^\d{3}$/.test(p))) region = p.toUpperCase();
  }
  if (primary === 'zh') return `zh-${script === 'Hant' || (script === undefined && region !== undefined && HANT_REGIONS.has(region)) ? 'Hant' : 'Hans'}`;
  return script ? `${primary}-${script}` : primary;
}

/** Whether forms of this language are written in Han, kana or hangul: no word-by-word matcher reads them yet. */
export function isCjkLanguage(tag: string): boolean {
  const primary = tag.split('-')[0];
  return primary === 'zh' || primary === 'ja' || primary === 'ko';
}

/** Whether a tag names English (the language documents are matched in until others have matchers). */
export function isEnglish(tag: string | undefined): boolean {
  return tag === undefined || tag === 'en';
}

/**
 * memoQ's language names (its CSV export's column headers: `English_United_States`, `Chinese_PRC`), as BCP 47.
 * The region decides only for Chinese; for the others the language is enough.
 */
const MEMOQ_LANGUAGES: Record<string, string> = {
  english: 'en',
  chinese: 'zh',
  french: 'fr',
  german: 'de',
  spanish: 'es',
  portuguese: 'pt',
  italian: 'it',
  dutch: 'nl',
  russian: 'ru',
  japanese: 'ja',
  korean: 'ko',
  arabic: 'ar',
  vietnamese: 'vi',
  thai: 'th',
  indonesian: 'id',
  malay: 'ms',
  polish: 'pl',
  turkish: 'tr',
};

const MEMOQ_CHINESE_REGIONS: Record<string, string> = {
  prc: 'zh-Hans',
  china: 'zh-Hans',
  singapore: 'zh-Hans',
  malaysia: 'zh-Hans',
  simplified: 'zh-Hans',
  taiwan: 'zh-Hant',
  hong_kong: 'zh-Hant',
  hong_kong_sar: 'zh-Hant',
  macao: 'zh-Hant',
  macau: 'zh-Hant',
  macao_sar: 'zh-Hant',
  macau_sar: 'zh-Hant',
  traditional: 'zh-Hant',
};

/** The tag of a memoQ language name (`English_United_Kingdom` → en, `Chinese_Taiwan` → zh-Hant), or undefined. */
export function memoqLanguageTag(header: string): string | undefined {
  const m = /^([A-Za-z]+)(?:_([A-Za-z_]+))?$/.exec(header.trim());
  if (!m) return undefined;
  const language = MEMOQ_LANGUAGES[m[1]!.toLowerCase()];
  if (!language) return undefined;
  if (language !== 'zh') return language;
  if (m[2] === undefined) return 'zh-Hans';
  return MEMOQ_CHINESE_REGIONS[m[2].toLowerCase()];
}
