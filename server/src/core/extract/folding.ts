/**
 * Folding proposals into one another: a plural beside its singular ("start-ups" beside "start-up") is one
 * entry, the singular, with the plural in its note; a spelling cluster that is a piece of a key phrase is the
 * phrase's; a name written once or twice a letter or two from a more
 * frequent one ("Guandong" beside "Guangdong") is a misspelling of it, proposed as its forbidden form, unless it
 * is itself a known name ("Nanshan" beside "Nansha": both are places) or an English word.
 */
import { editDistance, maxDistance } from '../fuzzy';
import { isChinaPlace } from '../names/chinaNames';
import { lowerWord } from '../text';
import { looksEnglish } from './lexicon';
import type { ExtractedTerm } from './types';

/** The terms of `terms` left once plurals and misspellings are folded into the entries they belong to. */
export function foldProposals(terms: ExtractedTerm[]): ExtractedTerm[] {
  const byLower = new Map<string, ExtractedTerm>();
  for (const t of terms) byLower.set(lowerWord(t.entry.term), t);
  const folded = new Set<ExtractedTerm>();

  for (const t of terms) {
    if (t.category === 'abbreviation') continue;
    const lower = lowerWord(t.entry.term);
    for (const suffix of ['s', 'es']) {
      const plural = byLower.get(lower + suffix);
      if (!plural || plural === t || folded.has(plural) || plural.category === 'abbreviation') continue;
      folded.add(plural);
      appendNote(t, `plural "${plural.entry.term}" ×${plural.count} also seen`);
    }
  }

  // A spelling cluster that is a piece of a key phrase ("low altitude" / "low-altitude" beside "low altitude
  // economy"): the phrase's entry is the term.
  const phrases = terms.filter((t) => t.category === 'phrase').map((t) => ` ${t.entry.term.replace(/-/g, ' ')} `);
  for (const t of terms) {
    if (t.category !== 'cluster') continue;
    const inner = ` ${lowerWord(t.entry.term).replace(/-/g, ' ')} `;
    if (phrases.some((p) => p !== inner && (p.includes(inner) || inner.includes(p)))) folded.add(t);
  }

  const names = terms.filter((t) => t.category === 'proper-name' && !folded.has(t));
  for (const rare of names) {
    if (folded.has(rare)) continue;
    let best: ExtractedTerm | undefined;
    for (const common of names) {
      if (common === rare || folded.has(common) || common.count <= rare.count) continue;
      if (misspeltName(rare.entry.term, common.entry.term) && (!best || common.count > best.count)) best = common;
    }
    if (!best) continue;
    folded.add(rare);
    if (!best.entry.forbidden.includes(rare.entry.term)) best.entry.forbidden.push(rare.entry.term);
    appendNote(best, `misspelling seen: "${rare.entry.term}" ×${rare.count}`);
  }
  return terms.filter((t) => !folded.has(t));
}

/**
 * Whether `rare` is `common` misspelt: the same number of words, every word that differs within the edits a
 * misspelling may have (two at most in all), and none of them a place of China or an English word.
 */
function misspeltName(rare: string, common: string): boolean {
  const a = rare.split(/[\s-]+/);
  const b = common.split(/[\s-]+/);
  if (a.length !== b.length) return false;
  let total = 0;
  let exact = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.toLowerCase();
    const y = b[i]!.toLowerCase();
    if (x === y) {
      exact++;
      continue;
    }
    const max = maxDistance(y.length);
    if (max === 0 || x.length < 4 || isChinaPlace(x) || looksEnglish(x)) return false;
    const d = editDistance(x, y, max);
    if (d > max) return false;
    total += d;
  }
  return total > 0 && total <= 2 && (a.length === 1 || exact * 2 >= a.length - 1);
}

function appendNote(t: ExtractedTerm, note: string): void {
  t.entry.note = `${t.entry.note.replace(/\.$/, '')}; ${note}.`;
}
