/**
 * Proper names: runs of capitalised words joined by connectors ("University of Technology"), trimmed of
 * sentence-initial function words and titles, split where a list of names shares one head ("Guangdong,
 * Hong Kong, and Macao Greater Bay Area"), and kept when they are names on their own evidence (a word that is
 * not English, a head noun, recurrence). Single capitalised words that are not English are names too.
 */
import { formKey } from '../forms';
import { lowerWord } from '../text';
import { CALENDAR, CONNECTORS, HEAD_NOUNS, STOP, TITLES, looksEnglish } from './lexicon';
import { type Document, type Paragraph, type Unit, nameUnit, surfaceOf } from './reading';
import { insideQuotedTitle, isQuotedTitle } from './sentences';

const PLURAL_POSSESSOR = /(?:men|people|children|folk)$/;

interface Run {
  units: Unit[];
  paragraph: Paragraph;
  /** Index of the first unit in the paragraph. */
  index: number;
  /** Starts with a sentence-initial ordinary word ("Greater Bay Area …" at a sentence start). */
  tentative: boolean;
  /** Follows "A and", so its first words may be the last conjunct ("… Hong Kong, and Macao Greater Bay Area"). */
  coordinated: boolean;
  /** Fills a pair of quotes: a title of a work or a slogan ("Promoting High-quality Development."). */
  quotedTitle: boolean;
}

/** Runs of capitalised words, joined by connectors ("of", "for"; "and" only after them). */
export function findRuns(doc: Document): Run[] {
  const runs: Run[] = [];
  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    const us = p.units;
    for (let i = 0; i < us.length; i++) {
      if (!nameUnit(us[i]!)) continue;
      let j = i;
      let hasOf = false;
      for (;;) {
        const u = us[j]!;
        const n = us[j + 1];
        if (!n) break;
        // "Varnholm Fishermen's Association", "People's Bank": a plural possessive inside a name. A singular
        // one ("China's State Council") only says whose it is.
        if (u.apostropheNext && n.lower === 's' && PLURAL_POSSESSOR.test(u.lower) && n.joinNext && us[j + 2] && nameUnit(us[j + 2]!)) {
          j += 2;
          continue;
        }
        if (!u.joinNext) break;
        if (nameUnit(n)) {
          j++;
          continue;
        }
        const after = us[j + 2];
        // "Innovation and Technology Commission": "and" between two ordinary words of a name whose head noun
        // follows; "Hong Kong and Macao" (a name before "and") stays two names.
        const connector = CONNECTORS.has(n.lower) || ((n.lower === 'and' || n.lower === '&') && (hasOf || andJoinsName(u, us, j + 2)));
        if (connector && n.joinNext && after && nameUnit(after)) {
          if (n.lower === 'of' || n.lower === 'for') hasOf = true;
          j += 2;
          continue;
        }
        break;
      }
      let first = i;
      // Sentence-initial function words, articles anywhere ("GUANGZHOU, June 12 -- The Guangdong Provincial
      // Department…") and titles in front of a name are not part of it.
      const leading = (u: Unit) => (u.initial && STOP.has(u.lower)) || ARTICLES.has(u.lower) || TITLES.has(u.lower.replace(/\.$/, ''));
      while (first < j && leading(us[first]!)) first++;
      if (first === j && ((us[first]!.initial && STOP.has(us[first]!.lower)) || ARTICLES.has(us[first]!.lower))) {
        i = j;
        continue;
      }
      const units = us.slice(first, j + 1);
      const head = units[0]!;
      const prev = us[first - 1];
      const prev2 = us[first - 2];
      const coordinated = prev !== undefined && (prev.lower === 'and' || prev.lower === 'or') && prev2 !== undefined && nameUnit(prev2);
      runs.push({
        units,
        paragraph: p,
        index: first,
        tentative: head.initial && looksEnglish(head.text) && units.length > 1,
        coordinated,
        quotedTitle: isQuotedTitle(doc.masked, head.start, units[units.length - 1]!.end) || insideQuotedTitle(doc.masked, p.start, p.end, head.start, units[units.length - 1]!.end),
      });
      i = j;
    }
  }
  return runs;
}

const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
const JOINING: ReadonlySet<string> = new Set([...CONNECTORS, 'and', '&']);

/** Words that open a sentence in front of its subject ("Meanwhile Nansha expanded"), not the start of a name. */
const SENTENCE_ADVERBS: ReadonlySet<string> = new Set(
  (
    'meanwhile however moreover furthermore also separately today yesterday tomorrow now then still yet last next ' +
    'earlier later overall instead indeed besides otherwise therefore thus hence finally first second third ' +
    'here there so nevertheless nonetheless elsewhere likewise similarly'
  ).split(' '),
);

/** After "u and", the capitalised words that follow (from `k`) hold a head noun, and `u` is an ordinary word. */
function andJoinsName(u: Unit, us: readonly Unit[], k: number): boolean {
  if (u.allCaps || !u.parts.every((p) => looksEnglish(p))) return false;
  for (let i = k; i < us.length && nameUnit(us[i]!); i++) {
    if (HEAD_NOUNS.has(us[i]!.lower)) return true;
    if (!us[i]!.joinNext) break;
  }
  return false;
}

/** A run that is a name on its own evidence: a word that is not English, a head noun, or recurrence. */
function isNameRun(units: readonly Unit[], seen: number): boolean {
  if (units.every((u) => CALENDAR.has(u.lower) || TITLES.has(u.lower))) return false;
  if (units.some((u) => nameUnit(u) && !u.allCaps && !u.parts.every((p) => looksEnglish(p)) && !CALENDAR.has(u.lower))) return true;
  // "South China University of Technology": the head noun need not be last.
  return units.some((u) => HEAD_NOUNS.has(u.lower)) || seen >= 2;
}

interface NameFindings {
  names: Map<string, string>;
  singles: Map<string, string>;
}

export function findNames(doc: Document, runs: Run[]): NameFindings {
  // Which single words and multi-word runs stand on their own somewhere in the text.
  const standalone = new Set<string>();
  const multiSeen = new Map<string, number>();
  for (const r of runs) {
    if (r.units.length === 1) standalone.add(r.units[0]!.lower);
    else if (!r.tentative && !r.coordinated) {
      const k = lowerWord(surfaceOf(r.units));
      multiSeen.set(k, (multiSeen.get(k) ?? 0) + 1);
    }
  }
  const multiKeys = [...multiSeen.keys()];
  const recursWith = (k: string) => multiSeen.has(k) || multiKeys.some((m) => m.startsWith(k + ' '));
  const resolved: Unit[][] = [];
  // A name in quotes that the text also writes without them is a name ("the "Belt and Road Initiative" … the Belt
  // and Road Initiative"); one only ever quoted is a title or a slogan.
  const unquoted = new Set(runs.filter((r) => !r.quotedTitle).map((r) => lowerWord(surfaceOf(r.units))));
  for (const r of runs) {
    if (r.quotedTitle && !unquoted.has(lowerWord(surfaceOf(r.units)))) continue;
    let units = r.units;
    // The first word stays when the name recurs with it mid-sentence, also at the start of a longer name:
    // "Hong Kong's …" at a sentence start is not "Kong" ("hong" is an English word) when the text has "Hong
    // Kong Science Park" elsewhere.
    // Nor does it go to leave one word that never stands alone, unless it is a sentence adverb ("Meanwhile
    // Nansha expanded"): "Hong Kong's Trade and Industry Department said…" is about "Hong Kong", not "Kong".
    // And a first word that a connector follows is the name's head ("Ministry of Commerce officials said…",
    // "Research and Development Center staff…").
    if (r.tentative && !recursWith(lowerWord(surfaceOf(units))) && !JOINING.has(units[1]!.lower)) {
      const one = units.length === 2 && !standalone.has(units[1]!.lower);
      if (!one || SENTENCE_ADVERBS.has(units[0]!.lower) || /ly$/.test(units[0]!.lower)) units = units.slice(1);
    }
    if (r.coordinated && units.length > 1) {
      // "Guangdong, Hong Kong, and Macao Greater Bay Area": the head is shared by the conjuncts, so a
      // leading name that stands alone elsewhere belongs to the list, not to the name.
      for (let k = units.length - 1; k >= 1; k--) {
        const prefix = lowerWord(surfaceOf(units.slice(0, k)));
        if ((k === 1 && standalone.has(prefix) && !looksEnglish(units[0]!.text)) || multiSeen.has(prefix)) {
          resolved.push(units.slice(0, k));
          units = units.slice(k);
          break;
        }
      }
    }
    if (units.length > 0) resolved.push(units);
  }
  const counts = new Map<string, number>();
  for (const u of resolved) {
    const k = lowerWord(surfaceOf(u));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  const singles = new Map<string, string>();
  const surnames = new Set<string>();
  // "University of Lindqvarn": the word after a connector names a place of its own.
  const afterConnector: Unit[][] = [];
  for (const units of resolved) {
    if (units.length < 2) continue;
    if (isPersonName(units)) {
      surnames.add(units[0]!.lower);
      surnames.add(units[units.length - 1]!.lower);
    }
    units.forEach((u, i) => {
      if (i > 0 && CONNECTORS.has(units[i - 1]!.lower) && nameUnit(u) && (i === units.length - 1 || !nameUnit(units[i + 1]!))) afterConnector.push([u]);
    });
  }
  for (const units of resolved.concat(afterConnector)) {
    const surface = surfaceOf(units);
    const k = formKey(surface);
    if (units.length > 1) {
      if (!names.has(k) && isNameRun(units, counts.get(lowerWord(surface)) ?? 0)) names.set(k, surface);
      continue;
    }
    const u = units[0]!;
    if (u.parts.length > 1 || u.allCaps || singles.has(k)) continue;
    const letters = u.text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < 3 || /\d/.test(u.text) || CALENDAR.has(u.lower) || TITLES.has(u.lower)) continue;
    if (looksEnglish(u.text) || doc.lowerSeen.has(u.lower)) continue;
    // "Halvorsen said": a later mention of "Ingrid Halvorsen" by surname is not a term of its own.
    if (surnames.has(u.lower)) continue;
    singles.set(k, u.text);
  }
  return { names, singles };
}

/** Two or three capitalised words that are not English and carry no head noun: "Ingrid Halvorsen", "Jiang Yuhao". */
function isPersonName(units: readonly Unit[]): boolean {
  return (
    units.length <= 3 &&
    units.every((u) => nameUnit(u) && !u.allCaps && u.parts.length === 1 && !looksEnglish(u.text) && !HEAD_NOUNS.has(u.lower))
  );
}
