/**
 * Hyphenated compounds, and lower-case key phrases: n-grams of one to five words counted by spelling key, so
 * joined, split and hyphenated spellings of one phrase meet; recurring ones are phrases, rarer ones written
 * several ways are spelling clusters.
 */
import { formKey } from '../forms';
import { hasUpperCase } from '../text';
import { MEASURE_UNITS, NON_TERM_COMPOUNDS, NUMBER_WORDS, PHRASE_INNER, STOP, looksEnglish } from './lexicon';
import { mostCommon } from './entries';
import type { Document, Paragraph, Unit } from './reading';

export function isCompound(u: Unit): boolean {
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

export interface Gram {
  count: number;
  paragraphs: Set<Paragraph>;
  /** Lower-case form → count; a form has one or more units. */
  forms: Map<string, { count: number; units: number }>;
}

/** Lower-case n-grams (1–5 words) of the body, counted by spelling key so joined and split forms meet. */
export function countGrams(doc: Document): Map<string, Gram> {
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
        const key = formKey(form);
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

/** The form of a gram written most often (the first of equals). */
function majorityForm(g: Gram): string {
  return mostCommon(g.forms, (f) => f.count)!;
}

/** Key phrases: recurring (≥ 3, in ≥ 2 paragraphs), and not just a piece of a longer recurring phrase. */
export function findPhrases(grams: Map<string, Gram>, minCount: number): Map<string, string> {
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
export function findClusters(grams: Map<string, Gram>, phrases: Map<string, string>, minCount: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, g] of grams) {
    if (phrases.has(key) || g.forms.size < 2 || g.count < Math.max(2, minCount)) continue;
    const forms = [...g.forms.keys()];
    const distinctive = forms.some((f) => f.includes('-') || (!f.includes(' ') && !looksEnglish(f)));
    if (!distinctive) continue;
    // "productivity forces" or "new quality" inside "new quality productivity forces": the phrase's entry
    // already lists the spellings it is written in, so a piece of it is no entry of its own.
    const form = majorityForm(g);
    const inner = ` ${form} `;
    // So is the phrase with a word more ("low altitude economy needs").
    const covered = [...phrases.values()].some((p) => ` ${p} `.includes(inner) || inner.includes(` ${p} `));
    if (!covered) out.set(key, form);
  }
  return out;
}
