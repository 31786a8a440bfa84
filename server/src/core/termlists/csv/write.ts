/**
 * A term list written as CSV (or TSV), in the columns csv/columns.ts reads: one language column per language
 * (English first), its `:admitted`, `:forbidden` and `:superseded` columns when some concept has such forms and
 * its `:abbreviation` (and `:abbreviationDefined`) when some concept has an abbreviation of that language's own,
 * then `id`, `subject`, `definition`, `note`, `source`, `exceptions`, `caseSensitive`, `abbreviation` and
 * `abbreviationDefined` when any concept
 * says one. Quoting is csv-stringify's. A spreadsheet has no place for the list's title or ignore phrases,
 * notes on single forms or exceptions, `replace`, or a form with a `;` (the separator of forms in a cell):
 * those are named in `dropped`.
 */
import { formsIn, languagesOf, ownLanguage } from '../../concepts';
import type { TermList } from '../../types';
import { Dropped, explicitCase, listOnlyInJson } from '../dropped';
import type { WrittenList } from '../reader';

/** csv-stringify, loaded when a CSV file is first written. */
function stringify(records: string[][], options: { delimiter: string; record_delimiter: 'unix' }): string {
  return (require('csv-stringify/sync') as typeof import('csv-stringify/sync')).stringify(records, options);
}

export function writeCsv(list: TermList, delimiter: ',' | '\t' = ','): WrittenList {
  const dropped = new Dropped();
  listOnlyInJson(list, dropped);
  if (list.title !== undefined) dropped.add('the list\'s title', list.title);
  // Which columns are needed, in order of first use (English first).
  const langs: string[] = ['en'];
  // Further columns of a language: its admitted, forbidden and superseded forms, its own abbreviation.
  const more = new Set<string>();
  let id = false;
  let subject = false;
  let definition = false;
  let note = false;
  let source = false;
  let exceptions = false;
  let caseSensitive = false;
  let abbreviation = false;
  let abbreviationDefined = false;
  for (const t of list.terms) {
    for (const lang of languagesOf(t)) {
      if (!langs.includes(lang)) langs.push(lang);
      const f = formsIn(t, lang)!;
      if (f.admitted.length > 0) more.add(`${lang}:admitted`);
      for (const x of f.forbidden) more.add(`${lang}:${f.details?.[x]?.status === 'superseded' ? 'superseded' : 'forbidden'}`);
      if (lang !== ownLanguage(t) && f.abbreviation) {
        more.add(`${lang}:abbreviation`);
        if (f.abbreviation.defined) more.add(`${lang}:abbreviationDefined`);
      }
      for (const [form, d] of Object.entries(f.details ?? {})) if (d.note !== undefined || d.source !== undefined) dropped.add('notes and sources of single forms, in', `${t.term}: ${form}`);
    }
    id ||= t.conceptId !== undefined;
    subject ||= t.subject !== undefined;
    definition ||= t.definition !== undefined;
    note ||= t.note !== undefined;
    source ||= t.source !== undefined;
    exceptions ||= t.exceptions !== undefined;
    caseSensitive ||= explicitCase(t);
    abbreviation ||= t.abbreviation !== undefined;
    abbreviationDefined ||= t.abbreviation?.defined === true;
    if (t.replace) dropped.add('"replace" on', t.term);
    if (t.modifier !== undefined) dropped.add('"modifier" on', t.term);
    if (t.notVariants) dropped.add('look-alikes that are not variants ("notVariants") of', t.term);
    if (t.exceptions?.some((e) => e.note !== undefined)) dropped.add('notes on exceptions of', t.term);
  }
  if (!list.terms.some((t) => formsIn(t, 'en'))) langs.shift();
  const header: string[] = [];
  for (const lang of langs) {
    header.push(lang);
    for (const status of ['admitted', 'forbidden', 'superseded', 'abbreviation', 'abbreviationDefined']) if (more.has(`${lang}:${status}`)) header.push(`${lang}:${status}`);
  }
  if (id) header.push('id');
  if (subject) header.push('subject');
  if (definition) header.push('definition');
  if (note) header.push('note');
  if (source) header.push('source');
  if (exceptions) header.push('exceptions');
  if (caseSensitive) header.push('caseSensitive');
  if (abbreviation) header.push('abbreviation');
  if (abbreviationDefined) header.push('abbreviationDefined');

  const records: string[][] = [header];
  for (const t of list.terms) {
    const cells = new Map<string, string>();
    const join = (what: string, forms: readonly string[]) => {
      const ok = forms.filter((f) => {
        if (!f.includes(';')) return true;
        dropped.add(`${what} with a ";" (the separator of forms in a cell)`, f);
        return false;
      });
      return ok.join('; ');
    };
    for (const lang of languagesOf(t)) {
      const f = formsIn(t, lang)!;
      cells.set(lang, f.approved);
      if (f.approved.includes(';')) dropped.add('approved forms with a ";" (the separator of forms in a cell)', f.approved);
      if (f.admitted.length > 0) cells.set(`${lang}:admitted`, join('forms', f.admitted));
      const superseded = f.forbidden.filter((x) => f.details?.[x]?.status === 'superseded');
      const deprecated = f.forbidden.filter((x) => f.details?.[x]?.status !== 'superseded');
      if (deprecated.length > 0) cells.set(`${lang}:forbidden`, join('forms', deprecated));
      if (superseded.length > 0) cells.set(`${lang}:superseded`, join('forms', superseded));
      // The concept's own language's abbreviation is the concept's, in the plain `abbreviation` column.
      if (lang !== ownLanguage(t) && f.abbreviation) {
        cells.set(`${lang}:abbreviation`, f.abbreviation.short);
        if (f.abbreviation.defined) cells.set(`${lang}:abbreviationDefined`, 'true');
      }
    }
    if (t.conceptId !== undefined) cells.set('id', t.conceptId);
    if (t.subject !== undefined) cells.set('subject', t.subject);
    if (t.definition !== undefined) cells.set('definition', t.definition);
    if (t.note !== undefined) cells.set('note', t.note);
    if (t.source !== undefined) cells.set('source', t.source);
    if (t.exceptions) cells.set('exceptions', join('exceptions', t.exceptions.map((e) => e.phrase)));
    if (explicitCase(t)) cells.set('caseSensitive', String(t.caseSensitive));
    if (t.abbreviation) cells.set('abbreviation', t.abbreviation.short);
    if (t.abbreviation?.defined) cells.set('abbreviationDefined', 'true');
    records.push(header.map((h) => cells.get(h) ?? ''));
  }
  return { text: stringify(records, { delimiter, record_delimiter: 'unix' }), dropped: dropped.lines() };
}
