/**
 * Word lists. Small, closed, and about English press writing; everything else comes from the maintained
 * English word list behind the language's `isWord` (languages/english.ts).
 */
import { english } from '../languages/english';

export const STOP = new Set(
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
export const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'da', 'del', 'della', 'di', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'y']);

/** Lower-case words allowed inside (not at the edges of) a key phrase. */
export const PHRASE_INNER = new Set(['of', 'and', 'for', 'to']);

/** Last words that make a run of ordinary capitalised words a name ("State Council Information Office"). */
export const HEAD_NOUNS = new Set(
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

export const CALENDAR = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

/** Titles in front of a person's name: not part of the name. */
export const TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor sir madam dame president premier minister mayor governor director secretary ' +
    'chairman chairwoman chairperson vice deputy ambassador senator'
  ).split(' '),
);

export const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion first second third fourth fifth half'.split(
    ' ',
  ),
);

/** Hyphenated words of general English (the word list has no hyphenated entries to ask). */
export const NON_TERM_COMPOUNDS = new Set([
  'so-called', 'well-known', 'so-so', 'e-mail', 'x-ray', 'long-term', 'short-term', 'medium-term', 'full-time',
  'part-time', 'up-to-date', 'in-depth', 'follow-up', 'day-to-day', 'one-off',
]);

/** "ten-year", "three-day", "40-kilometre": a number and a unit make a measure, not a term. */
export const MEASURE_UNITS = new Set(
  'year years month months week weeks day days hour hours minute minutes second seconds metre meter metres meters kilometre kilometer km mile miles storey story point points person member times fold percent per'.split(
    ' ',
  ),
);

/** An ordinary English word, allowing for British spellings and plurals. */
export function looksEnglish(word: string): boolean {
  const w = word.toLowerCase();
  if (english.isWord(w)) return true;
  const american = w
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/our(s?)$/, 'or$1')
    .replace(/tre(s?)$/, 'ter$1')
    .replace(/lled$/, 'led')
    .replace(/lling$/, 'ling')
    .replace(/ogue$/, 'og');
  if (american !== w && english.isWord(american)) return true;
  return w.length > 3 && w.endsWith('s') && english.isWord(w.slice(0, -1));
}
