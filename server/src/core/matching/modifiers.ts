/**
 * Compounds hyphenated only as modifiers: "long-term plan", but "in the long term"; "high-end products", but
 * "the high end of the chain". The hyphen belongs before a noun, so the open spelling of such a compound is a
 * variant only there. A term is one when its entry says `"modifier": true`, or, unless it says `false`, when it
 * is two different ordinary words joined by a hyphen ("long-term", "next-generation"; not "win-win", not
 * "e-commerce"). Whether a noun follows is a rule on the next word, not a tagger (README: "Modifier
 * compounds"): a noun phrase ends before punctuation, the end of a block, "of", a determiner, a pronoun, a
 * preposition, a conjunction or a verb of the closed classes below.
 */
import type { Language } from '../languages/language';
import type { TokenOffsets } from '../text';
import type { Term } from '../types';

/** Words after which a compound is a noun phrase, not a modifier: function words and the commonest verbs. */
const NOT_A_NOUN: ReadonlySet<string> = new Set(
  (
    'of to for from in on at by with without within into onto over under above below about around after before ' +
    'behind beyond between among through throughout during since until till than as like via per against toward ' +
    'towards upon across along amid despite except inside outside near off out up down ' +
    'the a an this that these those its their his her our your my some any each every no all both either neither ' +
    'and or but nor so yet if because while whereas although though when whenever where wherever which who whom whose ' +
    'it they we you he she i them us him me there here ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'remains remain remained seems seem seemed appears appear appeared becomes become became looks look looked ' +
    'grows grow grew rises rise rose falls fall fell goes go went comes come came stays stay stayed ' +
    'also only too very still even just again already always never often now then soon later ' +
    'matters matter lies lie lay'
  ).split(' '),
);

const OPEN_COMPOUND = /^([a-z]{2,})-([a-z]{2,})$/;

/** Whether `term`'s approved or admitted form `text` is a compound hyphenated only as a modifier. */
export function isModifierCompound(term: Term, text: string, lang: Language): boolean {
  if (term.modifier !== undefined) return term.modifier;
  const m = OPEN_COMPOUND.exec(text);
  return m !== null && m[1] !== m[2] && lang.isWord(m[1]!) && lang.isWord(m[2]!);
}

/**
 * Whether a noun may follow token `last` (in tokens [.., to)): the next word stands in the same sentence,
 * after nothing but white space, and is none of the words that end a noun phrase.
 */
export function beforeNoun(masked: string, tokens: TokenOffsets, last: number, to: number): boolean {
  if (last + 1 >= to) return false;
  const from = tokens.ends[last]!;
  const next = tokens.starts[last + 1]!;
  let breaks = 0;
  for (let i = from; i < next; i++) {
    const c = masked.charCodeAt(i);
    if (c === 10) breaks++;
    else if (!(c === 32 || c === 9 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f)) return false;
  }
  if (breaks > 1) return false;
  return !NOT_A_NOUN.has(masked.slice(next, tokens.ends[last + 1]!).toLowerCase());
}
