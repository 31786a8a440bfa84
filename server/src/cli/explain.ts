/**
 * `termlint --explain TERM`: the concept TERM belongs to, as the lists in force define it after merging: its
 * forms in every language (with their notes and statuses), its exceptions, note and source, and which list
 * contributed what (`file:line` and the forms each entry gave). TERM may be any form in any language
 * ("澳门"), a variant the linter would flag ("Hongkong", said as such), an entry's abbreviation ("IPP"), or a
 * concept id.
 * Exit codes: 0 explained, 1 no concept has such a form.
 */
import { contributionsOf, formsIn, languagesOf } from '../core/concepts';
import type { CompiledTerms } from '../core/compile';
import { lintText } from '../core/lint';
import { collisionKey } from '../core/termlists/validation';
import type { Contribution, Term, VariantKind } from '../core/types';

export interface ExplainIO {
  stdout: (s: string) => void | Promise<void>;
}

/** How a finding of each kind of a term reads the query (the kinds without a list are switched off here). */
const READING: Partial<Record<VariantKind, string>> = {
  joined: 'a joined spelling',
  split: 'a split spelling',
  hyphen: 'a hyphenation variant',
  case: 'a capitalization variant',
  misspelling: 'a misspelling',
  script: 'a spelling in the other Chinese script',
  width: 'a full-width spelling',
  forbidden: 'a forbidden form',
  inconsistent: 'an admitted form',
  // A lone query is no translation pair: these never read one.
  translation: 'a rendering',
  unsourced: 'a rendering',
};

interface Found {
  term: Term;
  /** How the query reads as this term when it is not one of its forms: "a joined spelling". */
  reading?: string;
}

/** The concepts `query` names: as the linter reads it, else by a form's key in any language, else by id. */
export function conceptsNamed(query: string, compiled: CompiledTerms): Found[] {
  const text = query.trim();
  const r = lintText(text, compiled, { format: 'plaintext', consistency: false, variants: false, abbreviations: false });
  const whole = (s: { start: number; end: number }) => s.start === 0 && s.end === text.length;
  const finding = r.findings.find(whole);
  if (finding) {
    const term = compiled.terms.get(finding.termId);
    if (term) return [{ term, ...(READING[finding.kind] ? { reading: READING[finding.kind]! } : {}) }];
  }
  const use = r.occurrences.find(whole) ?? r.excepted?.find(whole);
  if (use) {
    const term = compiled.terms.get(use.termId);
    if (term) return [{ term }];
  }
  const found: Found[] = [];
  const phrase = text.replace(/\s+/g, ' ').toLowerCase();
  for (const c of compiled.concepts) {
    if (c.conceptId === text) {
      found.push({ term: c });
      continue;
    }
    if (c.abbreviation?.short === text) {
      found.push({ term: c, reading: 'the abbreviation' });
      continue;
    }
    const exception = c.exceptions?.find((e) => e.phrase.replace(/\s+/g, ' ').toLowerCase() === phrase);
    if (exception) {
      found.push({ term: c, reading: 'an exception' });
      continue;
    }
    const hit = languagesOf(c).some((lang) => {
      const f = formsIn(c, lang)!;
      const key = collisionKey(text, lang);
      return key !== '' && [f.approved, ...f.admitted, ...f.forbidden].some((form) => collisionKey(form, lang) === key);
    });
    if (hit) found.push({ term: c });
  }
  return found;
}

/** Concepts with a form that contains `query` (case aside): what to suggest when nothing is named so. */
function near(query: string, compiled: CompiledTerms): string[] {
  const q = query.trim().toLowerCase();
  const out: string[] = [];
  for (const c of compiled.concepts) {
    if (out.length >= 5) break;
    if (languagesOf(c).some((lang) => [formsIn(c, lang)!.approved, ...formsIn(c, lang)!.admitted].some((f) => f.toLowerCase().includes(q)))) out.push(c.term);
  }
  return out;
}

function where(c: Contribution): string {
  return c.origin ? `${c.origin.file}:${c.origin.line + 1}` : '(a list)';
}

function contributionText(c: Contribution, own: string): string {
  const forms = c.forms.map((f) => `${f.text}${f.lang !== own ? ` (${f.lang}${f.status === 'approved' ? '' : ` ${f.status}`})` : f.status === 'approved' ? '' : ` (${f.status})`}`);
  const parts = [forms.join(', ')];
  if (c.exceptions.length > 0) parts.push(`exceptions: ${c.exceptions.join('; ')}`);
  if (c.replaced) parts.push('replaces the entries above ("replace": true)');
  return parts.join('; ');
}

function textOf(query: string, found: Found[]): string {
  const out: string[] = [];
  for (const { term, reading } of found) {
    if (out.length > 0) out.push('');
    if (reading) out.push(`"${query.trim()}" is ${reading} of "${term.term}"${reading === 'an exception' ? ': not reported, never fixed' : ''}.`, '');
    out.push(term.conceptId !== undefined ? `${term.term}  (id ${term.conceptId})` : term.term);
    const rows: [string, string, string][] = [];
    for (const lang of languagesOf(term)) {
      const f = formsIn(term, lang)!;
      const detail = (t: string) => {
        const d = f.details?.[t];
        if (!d) return '';
        const bits = [d.status === 'superseded' ? 'superseded' : '', d.note ?? '', d.source ? `source: ${d.source}` : ''].filter(Boolean);
        return bits.length ? `  (${bits.join('; ')})` : '';
      };
      rows.push([lang, 'approved', f.approved + detail(f.approved)]);
      for (const t of f.admitted) rows.push(['', 'admitted', t + detail(t)]);
      for (const t of f.forbidden) rows.push(['', 'forbidden', t + detail(t)]);
    }
    const w = Math.max(...rows.map((r) => r[0].length), 'exceptions'.length);
    for (const [lang, status, form] of rows) out.push(`  ${lang.padEnd(w)}  ${status.padEnd(9)}  ${form}`);
    const field = (name: string, value: string | undefined) => {
      if (value === undefined) return;
      value.split('\n').forEach((line, i) => out.push(`  ${(i === 0 ? name : '').padEnd(w)}  ${line}`));
    };
    for (const [i, e] of (term.exceptions ?? []).entries()) field(i === 0 ? 'exceptions' : '', `${e.phrase}${e.note ? `  (${e.note})` : ''}`);
    if (term.abbreviation) field('abbreviation', `${term.abbreviation.short}${term.abbreviation.defined ? '  (defined by the list: documents may use it undefined)' : ''}`);
    field('subject', term.subject);
    field('definition', term.definition);
    field('note', term.note);
    field('source', term.source);
    field('case', term.caseSensitive ? 'case-sensitive' : 'any case');
    const own = term.lang ?? 'en';
    const contributions = contributionsOf(term);
    const ww = Math.max(...contributions.map((c) => where(c).length));
    contributions.forEach((c, i) => out.push(`  ${(i === 0 ? 'lists' : '').padEnd(w)}  ${where(c).padEnd(ww)}  ${contributionText(c, own)}`));
  }
  return `${out.join('\n')}\n`;
}

function jsonOf(query: string, found: Found[]): string {
  const concepts = found.map(({ term, reading }) => {
    const languages: Record<string, unknown> = {};
    for (const lang of languagesOf(term)) languages[lang] = formsIn(term, lang);
    return {
      id: term.id,
      ...(term.conceptId !== undefined ? { conceptId: term.conceptId } : {}),
      ...(reading ? { reading } : {}),
      languages,
      exceptions: term.exceptions ?? [],
      caseSensitive: term.caseSensitive,
      ...(term.abbreviation !== undefined ? { abbreviation: term.abbreviation } : {}),
      ...(term.subject !== undefined ? { subject: term.subject } : {}),
      ...(term.definition !== undefined ? { definition: term.definition } : {}),
      ...(term.note !== undefined ? { note: term.note } : {}),
      ...(term.source !== undefined ? { source: term.source } : {}),
      lists: contributionsOf(term).map((c) => ({
        file: c.origin?.file,
        line: c.origin ? c.origin.line + 1 : undefined,
        forms: c.forms,
        exceptions: c.exceptions,
        ...(c.note !== undefined ? { note: c.note } : {}),
        ...(c.source !== undefined ? { source: c.source } : {}),
        ...(c.replaced ? { replaced: true } : {}),
      })),
    };
  });
  return `${JSON.stringify({ query, concepts }, null, 2)}\n`;
}

export async function explain(query: string, compiled: CompiledTerms, format: 'text' | 'json', io: ExplainIO & { stderr: (s: string) => void }): Promise<number> {
  const found = conceptsNamed(query, compiled);
  if (format === 'json') await io.stdout(jsonOf(query, found));
  else if (found.length > 0) await io.stdout(textOf(query, found));
  if (found.length === 0) {
    const suggestions = near(query, compiled);
    io.stderr(`termlint: no concept in the lists in force has a form "${query}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '.'}\n`);
    return 1;
  }
  return 0;
}
