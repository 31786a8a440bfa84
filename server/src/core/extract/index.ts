/**
 * Proposes a term list from a source document (a press release, a policy paper): proper names, defined
 * abbreviations, hyphenated compounds, recurring key phrases, and the spelling clusters the document itself
 * contains. Everything here is a proposal for a human to review, so each entry carries the evidence (counts,
 * spread, variants seen) in its note. Pure: text in, plain data out, offsets only.
 */
import { formKey } from '../forms';
import { findAbbreviations } from './abbreviations';
import { CATEGORY_LABEL, type Candidate, buildEntry, findOccurrences } from './entries';
import { findNames, findRuns } from './names';
import { countGrams, findClusters, findPhrases, isCompound } from './phrases';
import { foldProposals } from './folding';
import { readDocument } from './reading';
import type { ExtractOptions, ExtractedTerm, ExtractionResult, TermCategory } from './types';

export type { ExtractOptions, ExtractedTerm, ExtractionResult, FormCount, FormKind, ProposedTerm, TermCategory } from './types';
export { type TermFileJsonOptions, toTermFileJson } from './termFileJson';

const PRIORITY: Record<TermCategory, number> = { abbreviation: 0, 'proper-name': 1, compound: 2, phrase: 3, cluster: 4 };

export function extractTerms(text: string, options: ExtractOptions = {}): ExtractionResult {
  const format = options.format ?? 'plaintext';
  const minCount = Math.max(1, Math.floor(options.minCount ?? 1));
  const doc = readDocument(text, format);

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
    const key = formKey(def.abbreviation);
    if (candidates.get(key)?.category === 'abbreviation') continue;
    propose({ key, category: 'abbreviation', surface: def.abbreviation, caseSensitive: true, expansion: def.expansion });
    const expansionKey = formKey(def.expansion);
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
    for (const u of p.units) if (isCompound(u)) propose({ key: formKey(u.lower), category: 'compound', surface: u.lower, caseSensitive: false });
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
  const kept = foldProposals(terms);
  kept.sort((a, b) => b.score - a.score || a.first - b.first);
  const result: ExtractionResult = { terms: kept, paragraphs: doc.paragraphs.length, words: doc.words, format };
  if (options.source !== undefined) result.source = options.source;
  return result;
}
