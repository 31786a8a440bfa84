/**
 * The languages Termlint knows, by BCP 47 tag. `languageFor` reads the primary subtag ("en-GB" → "en"),
 * case-insensitively, and falls back to English for any tag it does not know (or none): English is what the
 * matcher did before languages were a choice, so an unknown tag changes nothing. A new language is one file
 * beside english.ts and one entry here.
 */
import { chinese } from './chinese';
import { english } from './english';
import type { Language } from './language';

export { chinese } from './chinese';
export { english } from './english';
export { HeadingStyle, type Language, type Script, type SentencePunctuation, type VariantVocabulary } from './language';

/** Every language, the default (English) first. */
export const LANGUAGES: readonly Language[] = [english, chinese];

const byTag = new Map<string, Language>(LANGUAGES.map((l) => [l.tag, l]));

/** The language for BCP 47 tag `tag` ("en", "en-GB", "zh-Hans-CN"); English when it is unknown or absent. */
export function languageFor(tag: string | undefined): Language {
  if (tag === undefined) return english;
  const dash = tag.search(/[-_]/);
  return byTag.get((dash < 0 ? tag : tag.slice(0, dash)).toLowerCase()) ?? english;
}
