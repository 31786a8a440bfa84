/**
 * What a term-list writer cannot put into its format, said once per kind of data: converting never loses
 * anything without saying so (`termlint convert` prints these lines).
 */
import { hasUpperCase } from '../text';
import type { Term, TermList } from '../types';

export class Dropped {
  private readonly byWhat = new Map<string, string[]>();

  /** Records that `what` (e.g. "exceptions of") `item` (a term, a phrase) has no place in the format. */
  add(what: string, item: string): void {
    let items = this.byWhat.get(what);
    if (!items) this.byWhat.set(what, (items = []));
    if (!items.includes(item)) items.push(item);
  }

  /** One line per kind: `exceptions of 3 entries: "Macao", "Hong Kong", "Shantou"`. */
  lines(): string[] {
    const out: string[] = [];
    for (const [what, items] of this.byWhat) {
      const shown = items.slice(0, 5).map((t) => `"${t}"`).join(', ');
      out.push(`${what}: ${shown}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`);
    }
    return out;
  }
}

/** Whether a term says its case rule explicitly (it differs from the default: case-sensitive when it has capitals). */
export function explicitCase(term: Term): boolean {
  return term.caseSensitive !== hasUpperCase(term.term);
}

/** The list-level data only JSON term files hold. */
export function listOnlyInJson(list: TermList, dropped: Dropped): void {
  for (const phrase of list.ignore ?? []) dropped.add('the list\'s ignore phrases', phrase);
}
