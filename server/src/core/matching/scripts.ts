/**
 * Which matchers read which script, in the order they run. A language lists the scripts its prose is written
 * in (`Language.scripts`); the pipeline (lint.ts) runs their matchers. A script whose words are not separated
 * by spaces (Han, for Chinese) gets its own matcher file in this folder and one entry below; the word
 * matchers stay as they are.
 */
import type { Language, Script } from '../languages/language';
import { exactMatcher } from './exact';
import { hanMatcher } from './hanExact';
import { homophoneMatcher } from './hanHomophones';
import { widthMatcher } from './width';
import type { Matcher } from './match';
import { misspellingMatcher } from './misspellings';

const MATCHERS: Readonly<Record<Script, readonly Matcher[]>> = {
  // Misspellings come second: they look only at the words no exact match covered.
  alphabetic: [exactMatcher, misspellingMatcher],
  // After the word matchers: a Han use may take over a word match it covers ("5G基站" over "5G"); the width
  // check then reads every use, Latin and Han.
  han: [hanMatcher, homophoneMatcher, widthMatcher],
};

const byLanguage = new WeakMap<Language, readonly Matcher[]>();

/** The matchers for a language's scripts, in order (each script's matchers once). */
export function matchersFor(lang: Language): readonly Matcher[] {
  let out = byLanguage.get(lang);
  if (!out) {
    const list: Matcher[] = [];
    for (const script of lang.scripts) for (const m of MATCHERS[script]) if (!list.includes(m)) list.push(m);
    byLanguage.set(lang, (out = list));
  }
  return out;
}
