/**
 * British and American spellings of one word in one document: "centre" and "center", "organisation" and
 * "organize" (one family: -ise or -ize). Only pairs where each spelling belongs to one dialect
 * (languages/dialects.ts), and only when both dialects' spellings occur; each use of the minority dialect is
 * fixed to its own counterpart ("organizations" → "organisations"), in the author's case.
 */
import type { DialectTable } from '../languages/dialects';
import type { VariantVocabulary } from '../languages/language';
import { IntTable } from './intTable';
import type { VariantGroup, VariantUse } from './tally';
import { Word, type WordTable, endOf, hashOfWords, lowerText, startOf } from './words';

/** The dialect table's words by hash, built once per table. */
const hashed = new WeakMap<DialectTable, IntTable>();

function hashTable(table: DialectTable): IntTable {
  let t = hashed.get(table);
  if (!t) {
    t = new IntTable(table.words.length);
    table.words.forEach((w, i) => t!.add(hashOfWords([w], true), i));
    hashed.set(table, t);
  }
  return t;
}

/** Whether word k is a spelling of one dialect (its hash is one; the letters are not compared: a collision says yes). */
export function mayBeDialectWord(t: WordTable, k: number, vocab: VariantVocabulary): boolean {
  return hashTable(vocab.dialects()).get(t.hash[k]!) >= 0;
}

export function spellingGroups(tables: readonly WordTable[], vocab: VariantVocabulary): VariantGroup[] {
  const dialects = vocab.dialects();
  const index = hashTable(dialects);
  const families = new Map<number, VariantUse[]>();
  for (let source = 0; source < tables.length; source++) {
    const t = tables[source]!;
    for (let k = 0; k < t.length; k++) {
      if ((t.flags[k]! & (Word.Letters | Word.Covered)) !== Word.Letters) continue;
      const at = index.get(t.hash[k]!);
      if (at < 0) continue;
      const lower = lowerText(t, k);
      if (dialects.words[at] !== lower) continue;
      const spelling = dialects.get(lower)!;
      let uses = families.get(spelling.family);
      if (!uses) families.set(spelling.family, (uses = []));
      uses.push({ source, start: startOf(t, k), end: endOf(t, k), form: String(spelling.side), shown: lower });
    }
  }
  const groups: VariantGroup[] = [];
  for (const uses of families.values()) {
    if (uses.length < 2) continue;
    groups.push({
      uses,
      wordwise: true,
      // Both spellings are in the English word list: a tie goes to the one written first.
      listed: () => false,
      rewrite(_use, found, _view, target) {
        const s = dialects.get(found.toLowerCase());
        return s && String(s.side) !== target ? inCaseOf(found, s.other) : found;
      },
      // This word's two spellings, with the counts of their dialects' spellings in the family.
      formsOf: (found, expected, counts) => [
        { text: expected.toLowerCase(), count: counts[0]!.count },
        { text: found.toLowerCase(), count: counts.slice(1).reduce((n, c) => n + c.count, 0) },
      ],
    });
  }
  return groups;
}

/** `word` in the case of `found`: "Colour" → "Color", "COLOUR" → "COLOR". */
export function inCaseOf(found: string, word: string): string {
  if (found.length > 1 && found === found.toUpperCase()) return word.toUpperCase();
  if (found[0] !== found[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}
