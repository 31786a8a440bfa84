/**
 * What a written term list lost on the way, found by reading it back: `termlint convert` writes nothing when
 * this names anything, so a writer that forgets a field fails loudly instead of losing it silently. A list
 * read back has its concepts in the order they were written (TBX adds its exception concepts after them).
 * Compared per concept and language, as matching reads it (concepts.ts `termIn`): the languages, each one's
 * approved form and its abbreviation (a block's own, else the concept's), whether the list defines it where
 * the format holds that. What a writer names as dropped is not compared here.
 */
import { formsIn, languagesOf } from '../concepts';
import type { TermAbbreviation, Term, TermList } from '../types';

/** The abbreviation documents in `lang` are checked against: the language's own, else the concept's. */
function abbreviationIn(term: Term, lang: string): TermAbbreviation | undefined {
  return formsIn(term, lang)?.abbreviation ?? term.abbreviation;
}

function shown(a: TermAbbreviation | undefined, defined: boolean): string {
  if (!a) return 'none';
  return defined && a.defined ? `"${a.short}" (defined by the list)` : `"${a.short}"`;
}

/**
 * One line per difference between `written` and `back` (empty when it read back whole); `holdsDefined`: the
 * format holds `abbreviationDefined` (TBX does not, and says so when it drops it).
 */
export function readBackLosses(written: TermList, back: TermList, holdsDefined: boolean): string[] {
  const out: string[] = [];
  if (back.terms.length < written.terms.length) {
    return [`${written.terms.length} entries were written, ${back.terms.length} read back`];
  }
  written.terms.forEach((t, i) => {
    const b = back.terms[i]!;
    const langs = languagesOf(t).sort();
    const backLangs = languagesOf(b).sort();
    if (langs.join(' ') !== backLangs.join(' ')) {
      out.push(`"${t.term}": languages ${langs.join(', ')} read back as ${backLangs.join(', ')}`);
      return;
    }
    for (const lang of langs) {
      const f = formsIn(t, lang)!;
      const g = formsIn(b, lang)!;
      if (f.approved !== g.approved) out.push(`"${t.term}" (${lang}): the approved form "${f.approved}" read back as "${g.approved}"`);
      const a = shown(abbreviationIn(t, lang), holdsDefined);
      const c = shown(abbreviationIn(b, lang), holdsDefined);
      if (a !== c) out.push(`"${t.term}" (${lang}): the abbreviation ${a} read back as ${c}`);
    }
  });
  return out;
}
