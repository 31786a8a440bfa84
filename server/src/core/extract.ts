/**
 * Proposes a term list from a source document (a press release, a policy paper): proper names, defined
 * abbreviations, hyphenated compounds, recurring key phrases, and the spelling clusters the document itself
 * contains. Everything here is a proposal for a human to review, so each entry carries the evidence (counts,
 * spread, variants seen) in its note. Pure: text in, plain data out, offsets only.
 */
import { isEnglishWord } from './languages/englishWords';
import { formKey } from './forms';
import { CharClass, charClassTable, hasLowerCase, hasUpperCase, isUpperChar, lowerCaseTable, tokenize } from './text';
import type { DocumentLanguage } from './types';
import { buildView } from './view';

export type TermCategory = 'proper-name' | 'abbreviation' | 'compound' | 'phrase' | 'cluster';

export interface ExtractOptions {
  /** Entries seen fewer times than this are dropped. Default 1: a name written once is still a name. */
  minCount?: number;
  /** Recorded in the result (the term file's `source`). */
  source?: string;
  /** Default 'plaintext'. Markdown code, URLs and HTML are never read. */
  language?: DocumentLanguage;
}

/** A term entry as it will be written to the term file. */
export interface ProposedTerm {
  term: string;
  admitted: string[];
  forbidden: string[];
  /** Only set when it differs from the term file default (true iff the term has an upper-case letter). */
  caseSensitive?: boolean;
  note: string;
}

/** How a form seen in the document differs from the approved one. */
export type FormKind = 'approved' | 'joined' | 'split' | 'hyphen' | 'case';

export interface FormCount {
  form: string;
  count: number;
  kind: FormKind;
}

export interface ExtractedTerm {
  entry: ProposedTerm;
  category: TermCategory;
  /** Occurrences of any form (case, spaces and hyphens ignored). */
  count: number;
  /** Paragraphs (headings included) with at least one occurrence. */
  spread: number;
  /** Every form seen, approved first, then by count. */
  variants: FormCount[];
  /** Offset of the first occurrence. */
  first: number;
  /** count × spread: what the ranking sorts by. */
  score: number;
  /** For an expansion: the abbreviation the text defines for it. */
  abbreviation?: string;
  /** For an abbreviation: its expansion as defined in the text. */
  expansion?: string;
}

export interface ExtractionResult {
  /** Ranked: highest score first, then first occurrence. */
  terms: ExtractedTerm[];
  /** Paragraphs read (boilerplate lines and code excluded, headings included). */
  paragraphs: number;
  /** Words read in those paragraphs. */
  words: number;
  language: DocumentLanguage;
  source?: string;
}

/* ------------------------------------------------------------------------------------------------ */
/* Word lists. Small, closed, and about English press writing; everything else comes from the       */
/* maintained English word list behind `isEnglishWord`.                                              */

const STOP = new Set(
  (
    'a an the of and or nor but in on at to for from by with as is are was were be been being am this that these ' +
    'those it its he she they we you i me him her them us his hers their theirs our ours your my mine what how why ' +
    'when where which who whom whose there here also not no so such than then into onto through between among about ' +
    'over under after before while during can will would should could may might must shall has have had do does did ' +
    'very more most some any all each every both many much other another if because since although though however ' +
    'yet still just only even up down out off again further s t per via its whether whereas said says according ' +
    'upon within without across against along around toward towards'
  ).split(' '),
);

/** Lower-case words that may stand between the capitalised words of one name. */
const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'da', 'del', 'della', 'di', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'y']);

/** Lower-case words allowed inside (not at the edges of) a key phrase. */
const PHRASE_INNER = new Set(['of', 'and', 'for', 'to']);

/** Last words that make a run of ordinary capitalised words a name ("State Council Information Office"). */
const HEAD_NOUNS = new Set(
  (
    'university institute institution office council center centre bureau ministry department commission committee ' +
    'area zone district province city county region news daily times post herald journal gazette tribune group ' +
    'company corporation corp bank association federation forum program programme initiative park port harbour harbor ' +
    'agency authority fund foundation lab laboratory laboratories school college academy hospital airport station ' +
    'bridge plan strategy congress party government administration court assembly parliament society union alliance ' +
    'network exchange museum library conference summit expo fair project corridor railway river bay island islands ' +
    'lake sea ocean republic kingdom organisation organization service services board hub valley town village square ' +
    'street road avenue tower act law treaty agreement declaration framework partnership consortium'
  ).split(' '),
);

const CALENDAR = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

/** Titles in front of a person's name: not part of the name. */
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor sir madam dame president premier minister mayor governor director secretary ' +
    'chairman chairwoman chairperson vice deputy ambassador senator'
  ).split(' '),
);

const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion first second third fourth fifth half'.split(
    ' ',
  ),
);

/** Hyphenated words of general English (the word list has no hyphenated entries to ask). */
const NON_TERM_COMPOUNDS = new Set([
  'so-called', 'well-known', 'so-so', 'e-mail', 'x-ray', 'long-term', 'short-term', 'medium-term', 'full-time',
  'part-time', 'up-to-date', 'in-depth', 'follow-up', 'day-to-day', 'one-off',
]);

/** "ten-year", "three-day", "40-kilometre": a number and a unit make a measure, not a term. */
const MEASURE_UNITS = new Set(
  'year years month months week weeks day days hour hours minute minutes second seconds metre meter metres meters kilometre kilometer km mile miles storey story point points person member times fold percent per'.split(
    ' ',
  ),
);

/** Lines that are bylines, credits and links rather than text ("Source: Yangcheng Evening News"). */
const BOILERPLATE_LABEL =
  /^[\s*_>#-]*(?:sources?|editors?|edited by|reporters?|reported by|authors?|written by|by|photos?|photo by|images?|pictures?|translators?|translated by|translation|copyright|tags|keywords|links?|url|via|credits?|contact|e-?mail|tel|phone|published|updated|posted|date|read more|related|share)\s*[:：|]/i;
const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const PLURAL_POSSESSOR = /(?:men|people|children|folk)$/;
const COPYRIGHT = /©|all rights reserved/i;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** An abbreviation as written in parentheses: two or more capitals, short, one word ("IPP", "SMEs", "5G" not). */
const ABBREVIATION = /^[A-Z][A-Za-z0-9&]{1,9}$/;

/* ------------------------------------------------------------------------------------------------ */
/* Reading the document                                                                             */

interface Unit {
  /** Offsets in the document; a unit is one word or a hyphenated compound ("next-generation"). */
  start: number;
  end: number;
  text: string;
  lower: string;
  parts: string[];
  /** Every part starts with a capital ("Guangdong", "Guangdong-Hong", "IPP"). */
  capital: boolean;
  /** No lower-case letter and at least one capital ("IPP"). */
  allCaps: boolean;
  /** No capital letter. */
  lowerCase: boolean;
  /** Capitalisation proves nothing here: sentence start, after a colon, at the start of quoted speech. */
  initial: boolean;
  /** Only white space (at most one line break) separates it from the next unit. */
  joinNext: boolean;
  /** An apostrophe separates it from the next unit ("Fishermen" ' "s"). */
  apostropheNext: boolean;
}

interface Token {
  start: number;
  end: number;
  /** Lower case, format characters dropped: the unit of the spelling key. */
  key: string;
  initial: boolean;
  /** White space (at most one line break), a single hyphen or an apostrophe separates it from the next token. */
  joinNext: boolean;
  /** What the gap to the next token adds to the key: "'" for an apostrophe, else nothing. */
  gapKey: string;
}

interface Paragraph {
  start: number;
  end: number;
  heading: boolean;
  units: Unit[];
  tokens: Token[];
}

interface Document {
  text: string;
  masked: string;
  paragraphs: Paragraph[];
  /** Lower-case words seen written in lower case in the body (so they are ordinary words here). */
  lowerSeen: Set<string>;
  words: number;
}

function lowerKey(s: string): string {
  const lower = lowerCaseTable();
  const cls = charClassTable();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 && cls[c] === CharClass.Format) continue;
    out += String.fromCharCode(lower[c]!);
  }
  return out;
}

/** Spelling key: lower case, spaces and hyphens removed, apostrophes kept; exactly the term file's `formKey`. */
function squash(s: string): string {
  return formKey(s);
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x02bc]);

/** "Fishermen's": an apostrophe between two letters keeps the words of a name together. */
function isApostropheGap(s: string, from: number, to: number): boolean {
  return to === from + 1 && APOSTROPHES.has(s.charCodeAt(from));
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** The separator joins two words of one name or phrase: white space with at most one line break. */
function isSoftGap(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isLineBreak(c)) {
      if (c === 13 && s.charCodeAt(i + 1) === 10) continue;
      if (++breaks > 1) return false;
    } else if (!isBlankChar(c) || c === 0) return false;
  }
  return true;
}

function isHyphenGap(s: string, from: number, to: number): boolean {
  return to === from + 1 && charClassTable()[s.charCodeAt(from)] === CharClass.Hyphen;
}

const OPEN_QUOTES = new Set([0x22, 0x27, 0x201c, 0x2018, 0xab, 0x201e]);
const CLOSE_QUOTES = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb]);
const TRANSPARENT_OPEN = new Set([0x28, 0x5b, 0x7b, 0x2a, 0x5f]);
const TRANSPARENT_CLOSE = new Set([0x29, 0x5d, 0x7d, 0x2a, 0x5f]);
const TERMINATORS = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x3002, 0xff01, 0xff1f, 0xff1a]);

/**
 * Whether a capital at `offset` says nothing about the word: the start of a paragraph, a sentence, a list
 * item, or of speech quoted after "said,". A quote mark elsewhere ("the so-called "Blue Harbour" plan") is
 * not a sentence start, so quoted names keep their evidence.
 */
function isInitial(s: string, paragraphStart: number, offset: number): boolean {
  let i = offset - 1;
  while (i >= paragraphStart) {
    const c = s.charCodeAt(i);
    if (isBlankChar(c) || isLineBreak(c) || TRANSPARENT_OPEN.has(c)) {
      i--;
      continue;
    }
    if (OPEN_QUOTES.has(c)) {
      let j = i - 1;
      while (j >= paragraphStart && isBlankChar(s.charCodeAt(j))) j--;
      if (j < paragraphStart) return true;
      const d = s.charCodeAt(j);
      if (d === 0x2c || TERMINATORS.has(d) || isLineBreak(d) || d === 0x2014 || d === 0x2013) return true;
      if (c === 0x22 || c === 0x27) {
        // A straight quote may be closing one ("… done." Then …): look further back.
        if (CLOSE_QUOTES.has(c) && !isBlankChar(s.charCodeAt(i - 1))) {
          i--;
          continue;
        }
      }
      return false;
    }
    if (CLOSE_QUOTES.has(c) || TRANSPARENT_CLOSE.has(c)) {
      i--;
      continue;
    }
    if (TERMINATORS.has(c)) return true;
    // List markers at the start of a line: "- ", "* ", "1. ".
    if (c === 0x2d || c === 0x2b || c === 0x2022 || (c >= 0x30 && c <= 0x39)) {
      let j = i - 1;
      while (j >= paragraphStart && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39) j--;
      while (j >= paragraphStart && isBlankChar(s.charCodeAt(j))) j--;
      if (j < paragraphStart || isLineBreak(s.charCodeAt(j))) return c === 0x2d || c === 0x2b || c === 0x2022;
    }
    return false;
  }
  return true;
}

function isBoilerplateLine(line: string): boolean {
  const trimmed = line.replace(/\0/g, '').trim();
  if (trimmed === '') return false;
  if (trimmed.length < 200 && BOILERPLATE_LABEL.test(trimmed)) return true;
  if (COPYRIGHT.test(trimmed)) return true;
  // Social-media footers and untranslated captions in an English document: more CJK than Latin letters.
  const latin = trimmed.match(LATIN_LETTER)?.length ?? 0;
  const cjk = trimmed.match(CJK_CHAR)?.length ?? 0;
  return latin === 0 ? /\p{L}|\d/u.test(trimmed) : cjk >= latin;
}

function readDocument(text: string, language: DocumentLanguage): Document {
  const view = buildView(text, language);
  let masked = view.masked;
  const headingSpans = view.headings.map((h) => [h.start, h.end] as const);

  // Lines: blank, boilerplate (masked out entirely), or text.
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= masked.length; ) {
    let end = masked.indexOf('\n', start);
    if (end < 0) end = masked.length;
    lines.push({ start, end: masked.charCodeAt(end - 1) === 13 ? end - 1 : end });
    start = end + 1;
  }
  let maskedChars: string[] | undefined;
  const blank = lines.map((l) => {
    const content = masked.slice(l.start, l.end);
    if (isBoilerplateLine(content)) {
      maskedChars ??= masked.split('');
      for (let i = l.start; i < l.end; i++) maskedChars[i] = '\0';
      return true;
    }
    return /^[\s\0]*$/.test(content);
  });
  if (maskedChars) masked = maskedChars.join('');

  // Unwrapped text (one paragraph per line, as pasted from a web page) has long lines; hard-wrapped text
  // separates paragraphs with blank lines.
  const lengths = lines.filter((_, i) => !blank[i]).map((l) => l.end - l.start);
  lengths.sort((a, b) => a - b);
  const lineParagraphs = lengths.length > 0 && lengths[lengths.length >> 1]! > 100;

  const blockStarts = new Set(view.blockStarts);
  const spans: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  lines.forEach((l, i) => {
    if (blank[i]) {
      current = undefined;
      return;
    }
    let first = l.start;
    while (first < l.end && isBlankChar(masked.charCodeAt(first))) first++;
    const inHeading = headingSpans.some(([s, e]) => l.start < e && l.end > s);
    if (!current || lineParagraphs || inHeading || blockStarts.has(first) || spans.length === 0) {
      current = { start: l.start, end: l.end };
      spans.push(current);
      if (inHeading) current = undefined;
    } else current.end = l.end;
  });

  const lowerSeen = new Set<string>();
  let words = 0;
  const paragraphs: Paragraph[] = [];
  for (const span of spans) {
    const tokens = readTokens(masked, span.start, span.end);
    if (tokens.length === 0) continue;
    const units = readUnits(text, masked, span.start, tokens);
    const heading =
      headingSpans.some(([s, e]) => span.start < e && span.end > s) || (span.end - span.start < 120 && looksLikeHeading(masked, span, units));
    words += tokens.length;
    if (!heading) for (const u of units) if (u.lowerCase && !u.initial) lowerSeen.add(u.lower);
    paragraphs.push({ start: span.start, end: span.end, heading, units, tokens });
  }
  return { text, masked, paragraphs, lowerSeen, words };
}

function readTokens(masked: string, from: number, to: number): Token[] {
  const raw = tokenize(masked, from, to);
  return raw.map((t, i) => {
    const next = raw[i + 1];
    const apostrophe = next !== undefined && isApostropheGap(masked, t.end, next.start);
    const joinNext = next !== undefined && (apostrophe || isSoftGap(masked, t.end, next.start) || isHyphenGap(masked, t.end, next.start));
    return { start: t.start, end: t.end, key: lowerKey(masked.slice(t.start, t.end)), initial: false, joinNext, gapKey: apostrophe ? "'" : '' };
  });
}

function readUnits(text: string, masked: string, paragraphStart: number, tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j + 1 < tokens.length && isHyphenGap(masked, tokens[j]!.end, tokens[j + 1]!.start)) j++;
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    const parts: string[] = [];
    for (let k = i; k <= j; k++) parts.push(text.slice(tokens[k]!.start, tokens[k]!.end));
    const unitText = text.slice(start, end);
    const initial = isInitial(masked, paragraphStart, start);
    tokens[i]!.initial = initial;
    const next = tokens[j + 1];
    units.push({
      start,
      end,
      text: unitText,
      lower: lowerKey(unitText),
      parts,
      capital: parts.every((p) => isUpperChar(p.charCodeAt(0))),
      allCaps: hasUpperCase(unitText) && !hasLowerCase(unitText),
      lowerCase: !hasUpperCase(unitText),
      initial,
      joinNext: next !== undefined && isSoftGap(masked, end, next.start),
      apostropheNext: next !== undefined && isApostropheGap(masked, end, next.start),
    });
    i = j + 1;
  }
  return units;
}

/** A short line without end punctuation, most of whose words are capitalised: a title, not a sentence. */
function looksLikeHeading(masked: string, span: { start: number; end: number }, units: Unit[]): boolean {
  const line = masked.slice(span.start, span.end).replace(/\0/g, '').trim();
  if (line.includes('\n') || units.length > 14 || /[.!?,;:"”’)]$/.test(line)) return false;
  const content = units.filter((u) => !STOP.has(u.lower));
  if (content.length === 0) return false;
  const capitals = content.filter((u) => isUpperChar(u.text.charCodeAt(0))).length;
  return capitals / content.length >= 0.75;
}

/** An ordinary English word, allowing for British spellings and plurals. */
function looksEnglish(word: string): boolean {
  const w = word.toLowerCase();
  if (isEnglishWord(w)) return true;
  const american = w
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/our(s?)$/, 'or$1')
    .replace(/tre(s?)$/, 'ter$1')
    .replace(/lled$/, 'led')
    .replace(/lling$/, 'ling')
    .replace(/ogue$/, 'og');
  if (american !== w && isEnglishWord(american)) return true;
  return w.length > 3 && w.endsWith('s') && isEnglishWord(w.slice(0, -1));
}

/* ------------------------------------------------------------------------------------------------ */
/* Candidates                                                                                       */

interface Candidate {
  key: string;
  category: TermCategory;
  /** The form as discovered (names keep their capitals; others are lower case). */
  surface: string;
  caseSensitive: boolean;
  abbreviation?: string;
  expansion?: string;
}

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

/** The words as written, with one space for white space (units of a run are joined by space or apostrophe). */
function surfaceOf(units: readonly Unit[]): string {
  let out = '';
  units.forEach((u, i) => {
    out += u.text;
    if (i < units.length - 1) out += u.apostropheNext ? "'" : ' ';
  });
  return out;
}

function nameUnit(u: Unit): boolean {
  return u.capital && LETTER.test(u.text);
}

/** Runs of capitalised words, joined by connectors ("of", "for"; "and" only after them). */
function findRuns(doc: Document): Run[] {
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
        const connector = CONNECTORS.has(n.lower) || ((n.lower === 'and' || n.lower === '&') && hasOf);
        if (connector && n.joinNext && after && nameUnit(after)) {
          if (n.lower === 'of' || n.lower === 'for') hasOf = true;
          j += 2;
          continue;
        }
        break;
      }
      let first = i;
      // Sentence-initial function words and titles in front of a name are not part of it.
      while (first < j && ((us[first]!.initial && STOP.has(us[first]!.lower)) || TITLES.has(us[first]!.lower.replace(/\.$/, '')))) first++;
      if (first === j && us[first]!.initial && STOP.has(us[first]!.lower)) {
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
        quotedTitle: isQuotedTitle(doc.masked, head.start, units[units.length - 1]!.end),
      });
      i = j;
    }
  }
  return runs;
}

function isQuotedTitle(s: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && TRANSPARENT_OPEN.has(s.charCodeAt(i))) i--;
  if (i < 0 || !OPEN_QUOTES.has(s.charCodeAt(i))) return false;
  let k = end;
  while (k < s.length && /[.,!?;:]/.test(s[k]!)) k++;
  while (k < s.length && TRANSPARENT_CLOSE.has(s.charCodeAt(k))) k++;
  return k < s.length && CLOSE_QUOTES.has(s.charCodeAt(k));
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

function findNames(doc: Document, runs: Run[]): NameFindings {
  // Which single words and multi-word runs stand on their own somewhere in the text.
  const standalone = new Set<string>();
  const multiSeen = new Map<string, number>();
  for (const r of runs) {
    if (r.units.length === 1) standalone.add(r.units[0]!.lower);
    else if (!r.tentative && !r.coordinated) {
      const k = lowerKey(surfaceOf(r.units));
      multiSeen.set(k, (multiSeen.get(k) ?? 0) + 1);
    }
  }
  const resolved: Unit[][] = [];
  for (const r of runs) {
    if (r.quotedTitle) continue;
    let units = r.units;
    if (r.tentative && !multiSeen.has(lowerKey(surfaceOf(units)))) units = units.slice(1);
    if (r.coordinated && units.length > 1) {
      // "Guangdong, Hong Kong, and Macao Greater Bay Area": the head is shared by the conjuncts, so a
      // leading name that stands alone elsewhere belongs to the list, not to the name.
      for (let k = units.length - 1; k >= 1; k--) {
        const prefix = lowerKey(surfaceOf(units.slice(0, k)));
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
    const k = lowerKey(surfaceOf(u));
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
    const k = squash(surface);
    if (units.length > 1) {
      if (!names.has(k) && isNameRun(units, counts.get(lowerKey(surface)) ?? 0)) names.set(k, surface);
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

interface AbbreviationDef {
  abbreviation: string;
  expansion: string;
  capitalised: boolean;
}

/** Schwartz & Hearst: every letter of the short form, right to left, in the long form; the first at a word start. */
function abbreviates(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const l = long.toLowerCase();
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si--) {
    const c = s[si]!;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && ALNUM.test(l[li - 1]!)))) li--;
    if (li < 0) return false;
    li--;
  }
  return true;
}

function findAbbreviations(doc: Document): AbbreviationDef[] {
  const defs: AbbreviationDef[] = [];
  const s = doc.masked;
  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    let next = 0; // units before the parenthesis: p.units[0 .. next)
    for (let open = s.indexOf('(', p.start); open >= 0 && open < p.end; open = s.indexOf('(', open + 1)) {
      const limit = Math.min(p.end, open + 121);
      let close = open + 1;
      while (close < limit && s.charCodeAt(close) !== 0x29) close++;
      if (close >= limit) continue;
      const inner = s.slice(open + 1, close).split(/[,;]/)[0]!.trim();
      while (next < p.units.length && p.units[next]!.end <= open) next++;
      const before = p.units.slice(Math.max(0, next - 24), next);
      const last = before[before.length - 1];
      if (!last || !/^\s*$/.test(s.slice(last.end, open))) continue;
      if (ABBREVIATION.test(inner) && (inner.match(/[A-Z]/g)?.length ?? 0) >= 2) {
        // "Institute of Public Policy (IPP)": the shortest run of words before the parenthesis that the
        // letters spell, within the same stretch of words.
        const window: Unit[] = [last];
        for (let k = before.length - 2; k >= 0 && before[k]!.joinNext && window.length < Math.max(inner.length + 5, inner.length * 2); k--) {
          window.unshift(before[k]!);
        }
        const short = inner.replace(/s$/, '');
        for (let k = 2; k <= window.length; k++) {
          const words = window.slice(window.length - k);
          const head = words[0]!;
          if (STOP.has(head.lower) || head.lower[0] !== short[0]!.toLowerCase()) continue;
          const long = surfaceOf(words);
          if (abbreviates(short, long)) {
            defs.push({ abbreviation: inner, expansion: long, capitalised: nameUnit(head) });
            break;
          }
        }
      } else if (last.allCaps && ABBREVIATION.test(last.text)) {
        // "IPP (Institute of Public Policy)".
        const words = inner.split(/\s+/).filter((w) => w !== '');
        if (words.length >= 2 && abbreviates(last.text.replace(/s$/, ''), inner) && !STOP.has(words[0]!.toLowerCase())) {
          defs.push({ abbreviation: last.text, expansion: words.join(' '), capitalised: isUpperChar(inner.charCodeAt(0)) });
        }
      }
    }
  }
  return defs;
}

function isCompound(u: Unit): boolean {
  if (u.parts.length < 2) return false;
  const [head, ...rest] = u.parts;
  // "Guangdong-themed" mid-sentence is a one-off modifier; "High-quality" at a sentence start is a compound.
  const headOk = !hasUpperCase(head!) || (u.initial && !hasUpperCase(head!.slice(1)));
  if (!headOk || rest.some((r) => hasUpperCase(r))) return false;
  if (u.parts.some((part) => /\d/.test(part))) return false;
  const lower = u.parts.map((part) => part.toLowerCase());
  if (lower.some((part, i) => NUMBER_WORDS.has(part) && MEASURE_UNITS.has(lower[i + 1] ?? ''))) return false;
  if (u.parts.every((part) => STOP.has(part.toLowerCase()))) return false;
  return !NON_TERM_COMPOUNDS.has(u.lower);
}

/** A word that may be part of a lower-case key phrase (a sentence-initial capital is folded). */
function phraseUnit(u: Unit): boolean {
  if (/^\d+$/.test(u.text) || u.lower === 's') return false;
  // A capital at a sentence start is folded, unless the word is a name ("Halvorsen rejected …").
  return u.lowerCase || (u.initial && !hasUpperCase(u.text.slice(1)) && u.parts.length === 1 && looksEnglish(u.text));
}

interface Gram {
  count: number;
  paragraphs: Set<Paragraph>;
  /** Lower-case form → count; a form has one or more units. */
  forms: Map<string, { count: number; units: number }>;
}

/** Lower-case n-grams (1–5 words) of the body, counted by spelling key so joined and split forms meet. */
function countGrams(doc: Document): Map<string, Gram> {
  const grams = new Map<string, Gram>();
  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    const us = p.units;
    for (let i = 0; i < us.length; i++) {
      const first = us[i]!;
      if (!phraseUnit(first) || STOP.has(first.lower) || NUMBER_WORDS.has(first.lower)) continue;
      let form = '';
      for (let j = i; j < us.length && j < i + 5; j++) {
        const u = us[j]!;
        if (j > i && (!us[j - 1]!.joinNext || !phraseUnit(u))) break;
        form += (j > i ? ' ' : '') + u.lower;
        if (STOP.has(u.lower)) {
          if (!PHRASE_INNER.has(u.lower)) break;
          continue;
        }
        // A single word only matters as a joined or hyphenated spelling of a longer phrase.
        if (j === i && u.parts.length === 1 && looksEnglish(u.text)) continue;
        const key = squash(form);
        let g = grams.get(key);
        if (!g) grams.set(key, (g = { count: 0, paragraphs: new Set(), forms: new Map() }));
        g.count++;
        g.paragraphs.add(p);
        const f = g.forms.get(form);
        if (f) f.count++;
        else g.forms.set(form, { count: 1, units: j - i + 1 });
      }
    }
  }
  return grams;
}

function majorityForm(g: Gram): string {
  let best = '';
  let bestCount = -1;
  for (const [form, f] of g.forms) {
    if (f.count > bestCount) {
      best = form;
      bestCount = f.count;
    }
  }
  return best;
}

/** Key phrases: recurring (≥ 3, in ≥ 2 paragraphs), and not just a piece of a longer recurring phrase. */
function findPhrases(grams: Map<string, Gram>, minCount: number): Map<string, string> {
  const threshold = Math.max(3, minCount);
  const candidates = [...grams.entries()]
    .filter(([, g]) => g.count >= threshold && g.paragraphs.size >= 2 && [...g.forms.values()].some((f) => f.units >= 2))
    .map(([key, g]) => ({ key, g, form: majorityForm(g) }))
    .sort((a, b) => b.key.length - a.key.length || b.g.count - a.g.count);
  const kept: typeof candidates = [];
  for (const c of candidates) {
    const inner = ` ${c.form} `;
    const subsumed = kept.some((k) => ` ${k.form} `.includes(inner) && k.g.count >= 0.75 * c.g.count);
    if (!subsumed) kept.push(c);
  }
  return new Map(kept.map((k) => [k.key, k.form]));
}

/**
 * Spelling clusters below the phrase threshold: one key written in several ways, one of which is a joined
 * word that is not English ("productivityforces") or a hyphenated spelling. "every day"/"everyday" is two
 * English words, not a cluster.
 */
function findClusters(grams: Map<string, Gram>, phrases: Map<string, string>, minCount: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, g] of grams) {
    if (phrases.has(key) || g.forms.size < 2 || g.count < Math.max(2, minCount)) continue;
    const forms = [...g.forms.keys()];
    const distinctive = forms.some((f) => f.includes('-') || (!f.includes(' ') && !looksEnglish(f)));
    if (!distinctive) continue;
    // "productivity forces" inside "new quality productivity forces": the phrase's entry already lists it.
    const form = majorityForm(g);
    const inner = ` ${form} `;
    const covered = [...phrases].some(([k, p]) => ` ${p} `.includes(inner) && grams.get(k)!.count >= 0.75 * g.count);
    if (!covered) out.set(key, form);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* Occurrences and entries                                                                          */

interface Occurrence {
  start: number;
  end: number;
  /** As written, white space collapsed to one space. */
  surface: string;
  paragraph: Paragraph;
  /** Mid-sentence body text, where capitals are evidence. */
  plain: boolean;
}

/** Every place a key is written, whatever the case, spaces or hyphens: one pass over the tokens. */
function findOccurrences(doc: Document, keys: ReadonlySet<string>): Map<string, Occurrence[]> {
  const prefixes = new Set<string>();
  for (const k of keys) for (let i = 1; i <= k.length; i++) prefixes.add(k.slice(0, i));
  const out = new Map<string, Occurrence[]>();
  for (const p of doc.paragraphs) {
    const ts = p.tokens;
    for (let i = 0; i < ts.length; i++) {
      let key = '';
      for (let j = i; j < ts.length; j++) {
        if (j > i) {
          if (!ts[j - 1]!.joinNext) break;
          key += ts[j - 1]!.gapKey;
        }
        key += ts[j]!.key;
        if (!prefixes.has(key)) break;
        if (!keys.has(key)) continue;
        const start = ts[i]!.start;
        const end = ts[j]!.end;
        let list = out.get(key);
        if (!list) out.set(key, (list = []));
        list.push({ start, end, surface: doc.text.slice(start, end).replace(/\s+/g, ' '), paragraph: p, plain: !p.heading && !ts[i]!.initial });
      }
    }
  }
  return out;
}

function gapsOf(form: string): string[] {
  // The separator after each letter or digit: '' inside a word, ' ' or '-' between words.
  const gaps: string[] = [];
  for (let i = 0; i < form.length; i++) {
    if (!ALNUM.test(form[i]!)) continue;
    const next = form[i + 1];
    gaps.push(next === ' ' ? ' ' : next === '-' ? '-' : '');
  }
  return gaps;
}

function formKind(approved: string, other: string): FormKind {
  const a = gapsOf(approved.toLowerCase());
  const b = gapsOf(other.toLowerCase());
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] !== '' && b[i] === '') return 'joined';
    if (a[i] === '' && b[i] !== '') return 'split';
    return 'hyphen';
  }
  return approved === other ? 'approved' : 'case';
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, c] of counts) {
    if (c > n) {
      best = k;
      n = c;
    }
  }
  return best;
}

const CATEGORY_LABEL: Record<TermCategory, string> = {
  'proper-name': 'Proper name',
  abbreviation: 'Abbreviation',
  compound: 'Hyphenated compound',
  phrase: 'Key phrase',
  cluster: 'Spelling cluster',
};

function buildEntry(c: Candidate, occurrences: Occurrence[], totalParagraphs: number): ExtractedTerm | undefined {
  if (occurrences.length === 0) return undefined;
  // Forms differ in spaces and hyphens; case is a property of a form's occurrences.
  const forms = new Map<string, { count: number; first: number; surfaces: Map<string, number>; plainSurfaces: Map<string, number> }>();
  for (const o of occurrences) {
    const form = lowerKey(o.surface);
    let f = forms.get(form);
    if (!f) forms.set(form, (f = { count: 0, first: o.start, surfaces: new Map(), plainSurfaces: new Map() }));
    f.count++;
    f.surfaces.set(o.surface, (f.surfaces.get(o.surface) ?? 0) + 1);
    if (o.plain) f.plainSurfaces.set(o.surface, (f.plainSurfaces.get(o.surface) ?? 0) + 1);
  }
  const ranked = [...forms.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const [approvedForm, approved] = ranked[0]!;
  const writeAs = (form: string, f: (typeof ranked)[number][1]): string =>
    c.caseSensitive ? (mostCommon(f.plainSurfaces) ?? (lowerKey(c.surface) === form ? c.surface : mostCommon(f.surfaces)!)) : form;
  const term = writeAs(approvedForm, approved);

  const variants: FormCount[] = [];
  const forbidden: string[] = [];
  const caseVariants: FormCount[] = [];
  const approvedCount = c.caseSensitive ? (approved.surfaces.get(term) ?? 0) : approved.count;
  variants.push({ form: term, count: approvedCount, kind: 'approved' });
  if (c.caseSensitive) {
    for (const [surface, n] of approved.surfaces) {
      if (surface === term) continue;
      // Capitals at a sentence start or in a heading are the author's right; mid-sentence they are a variant.
      const plainCount = approved.plainSurfaces.get(surface) ?? 0;
      const v: FormCount = { form: surface, count: n, kind: 'case' };
      caseVariants.push(v);
      if (plainCount > 0 && hasLowerCase(surface)) forbidden.push(surface);
    }
  } else {
    for (const [surface, n] of approved.surfaces) if (lowerKey(surface) !== surface) caseVariants.push({ form: surface, count: n, kind: 'case' });
  }
  for (const [form, f] of ranked.slice(1)) {
    const written = writeAs(form, f);
    variants.push({ form: written, count: f.count, kind: formKind(term, written) });
    if (!forbidden.includes(written)) forbidden.push(written);
  }
  variants.push(...caseVariants);

  const count = occurrences.length;
  const spread = new Set(occurrences.map((o) => o.paragraph)).size;
  const notes = [`${CATEGORY_LABEL[c.category]}, ${count}× in ${spread} of ${totalParagraphs} paragraphs`];
  if (c.expansion) notes.push(`abbreviation of "${c.expansion}", defined in the text`);
  if (c.abbreviation) notes.push(`abbreviated "${c.abbreviation}" in the text`);
  if (ranked.length > 1) {
    const seen = variants.filter((v) => v.kind !== 'case').map((v) => `"${v.form}" ×${v.count}${v.kind === 'approved' ? '' : ` (${v.kind})`}`);
    notes.push(`forms seen: ${seen.join(', ')}; the majority form is approved`);
  }
  const caseNoted = caseVariants.filter((v) => forbidden.includes(v.form));
  if (caseNoted.length > 0) notes.push(`mid-sentence capitalisation seen: ${caseNoted.map((v) => `"${v.form}" ×${v.count}`).join(', ')}`);

  const entry: ProposedTerm = { term, admitted: [], forbidden, note: `${notes.join('; ')}.` };
  if (c.caseSensitive !== hasUpperCase(term)) entry.caseSensitive = c.caseSensitive;
  const result: ExtractedTerm = {
    entry,
    category: c.category,
    count,
    spread,
    variants,
    first: Math.min(...occurrences.map((o) => o.start)),
    score: count * spread,
  };
  if (c.abbreviation) result.abbreviation = c.abbreviation;
  if (c.expansion) result.expansion = c.expansion;
  return result;
}

const PRIORITY: Record<TermCategory, number> = { abbreviation: 0, 'proper-name': 1, compound: 2, phrase: 3, cluster: 4 };

export function extractTerms(text: string, options: ExtractOptions = {}): ExtractionResult {
  const language = options.language ?? 'plaintext';
  const minCount = Math.max(1, Math.floor(options.minCount ?? 1));
  const doc = readDocument(text, language);

  const candidates = new Map<string, Candidate>();
  const propose = (c: Candidate) => {
    if (c.key === '') return;
    const prev = candidates.get(c.key);
    if (!prev || PRIORITY[c.category] < PRIORITY[prev.category]) candidates.set(c.key, { ...prev, ...c });
    else if (c.abbreviation && !prev.abbreviation) prev.abbreviation = c.abbreviation;
  };

  const { names, singles } = findNames(doc, findRuns(doc));
  for (const [key, surface] of names) propose({ key, category: 'proper-name', surface, caseSensitive: true });
  for (const [key, surface] of singles) propose({ key, category: 'proper-name', surface, caseSensitive: true });

  for (const def of findAbbreviations(doc)) {
    const key = squash(def.abbreviation);
    if (candidates.get(key)?.category === 'abbreviation') continue;
    propose({ key, category: 'abbreviation', surface: def.abbreviation, caseSensitive: true, expansion: def.expansion });
    const expansionKey = squash(def.expansion);
    const existing = candidates.get(expansionKey);
    if (existing) existing.abbreviation ??= def.abbreviation;
    else
      propose({
        key: expansionKey,
        category: def.capitalised ? 'proper-name' : 'phrase',
        surface: def.expansion,
        caseSensitive: def.capitalised,
        abbreviation: def.abbreviation,
      });
  }

  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    for (const u of p.units) if (isCompound(u)) propose({ key: squash(u.lower), category: 'compound', surface: u.lower, caseSensitive: false });
  }

  const grams = countGrams(doc);
  const phrases = findPhrases(grams, minCount);
  for (const [key, form] of phrases) propose({ key, category: 'phrase', surface: form, caseSensitive: false });
  for (const [key, form] of findClusters(grams, phrases, minCount)) propose({ key, category: 'cluster', surface: form, caseSensitive: false });

  const occurrences = findOccurrences(doc, new Set(candidates.keys()));
  const terms: ExtractedTerm[] = [];
  for (const c of candidates.values()) {
    const e = buildEntry(c, occurrences.get(c.key) ?? [], doc.paragraphs.length);
    if (!e || e.count < minCount) continue;
    // A compound is a term whose approved form is one hyphenated word; a hyphenated minority spelling
    // ("shore-power" next to "shore power" ×4) makes a cluster or a phrase, not a compound.
    if (e.category === 'compound' || e.category === 'phrase' || e.category === 'cluster') {
      const hyphenated = /^[^\s]+-[^\s]+$/.test(e.entry.term);
      if (hyphenated) e.category = 'compound';
      else if (e.category === 'compound') e.category = phrases.has(c.key) ? 'phrase' : 'cluster';
      e.entry.note = e.entry.note.replace(/^[^,]+/, CATEGORY_LABEL[e.category]);
    }
    terms.push(e);
  }
  terms.sort((a, b) => b.score - a.score || a.first - b.first);
  const result: ExtractionResult = { terms, paragraphs: doc.paragraphs.length, words: doc.words, language };
  if (options.source !== undefined) result.source = options.source;
  return result;
}

/* ------------------------------------------------------------------------------------------------ */
/* Term file                                                                                        */

export interface TermFileJsonOptions {
  title?: string;
  source?: string;
  /** Default "./terms.schema.json" (the schema next to the shipped lists). */
  schema?: string;
  /** Default "en". */
  language?: string;
}

/** The proposal as term file text: entries sorted by term, 2-space JSON, a trailing newline. */
export function toTermFileJson(result: ExtractionResult, options: TermFileJsonOptions = {}): string {
  const entries = result.terms
    .map((t) => t.entry)
    .slice()
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const terms = entries.map((e) => {
    const out: Record<string, unknown> = { term: e.term, admitted: e.admitted, forbidden: e.forbidden };
    if (e.caseSensitive !== undefined) out.caseSensitive = e.caseSensitive;
    out.note = e.note;
    return out;
  });
  const file: Record<string, unknown> = { $schema: options.schema ?? './terms.schema.json' };
  if (options.title !== undefined) file.title = options.title;
  const source = options.source ?? result.source;
  if (source !== undefined) file.source = source;
  file.language = options.language ?? 'en';
  file.terms = terms;
  return `${JSON.stringify(file, null, 2)}\n`;
}
