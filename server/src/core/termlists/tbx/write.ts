/**
 * A term list written as TBX-Basic: ISO 30042:2019 (TBX v3, DCA style, the default) or TBX v2 (`martif`), for
 * tools that still want it. Every language of every concept becomes a language section, each form a term
 * section with its administrative status (approved → preferredTerm-admn-sts, admitted → admittedTerm-admn-sts,
 * forbidden → deprecatedTerm-admn-sts, or supersededTerm-admn-sts for a superseded name) and its note and
 * source; the concept's subject field, definition, note and source go with it (its abbreviation as a term typed
 * `abbreviation` in its own language's section, a language's own abbreviation in that language's), the list's
 * title and source into the header. TBX-Basic has no place for exceptions: each exception phrase (an official name that keeps
 * a spelling the entry corrects, "University of Macau") is written as a concept of its own with that name as
 * its preferred term, which a linter reading the file matches as a whole (the longest match wins), so the
 * name is let stand as the exception lets it. Nor for an explicit case rule, `replace`, `abbreviationDefined` or
 * the list's ignore phrases: they are named in `dropped`.
 */
import { formsIn, languagesOf } from '../../concepts';
import { formKey } from '../../forms';
import { dominantScript } from '../../languages/chinese/fold';
import type { FormDetail, Term, TermList } from '../../types';
import { Dropped, explicitCase, listOnlyInJson } from '../dropped';
import type { WrittenList } from '../reader';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An XML ID (an NCName): a concept id that is not one gets a generated id. */
const NCNAME = /^[A-Za-z_][\w.-]*$/;

export interface TbxNames {
  root: string;
  header: string;
  entry: string;
  langSec: string;
  termSec: string;
}

const V3: TbxNames = { root: 'tbx', header: 'tbxHeader', entry: 'conceptEntry', langSec: 'langSec', termSec: 'termSec' };
const V2: TbxNames = { root: 'martif', header: 'martifHeader', entry: 'termEntry', langSec: 'langSet', termSec: 'tig' };

function status(kind: 'approved' | 'admitted' | 'forbidden', detail: FormDetail | undefined): string {
  if (kind === 'approved') return 'preferredTerm-admn-sts';
  if (kind === 'admitted') return 'admittedTerm-admn-sts';
  return detail?.status === 'superseded' ? 'supersededTerm-admn-sts' : 'deprecatedTerm-admn-sts';
}

function termSection(n: TbxNames, text: string, kind: 'approved' | 'admitted' | 'forbidden', detail: FormDetail | undefined, indent: string): string {
  const lines = [`${indent}<${n.termSec}>`, `${indent}  <term>${esc(text)}</term>`, `${indent}  <termNote type="administrativeStatus">${status(kind, detail)}</termNote>`];
  if (detail?.note !== undefined) lines.push(`${indent}  <note>${esc(detail.note)}</note>`);
  if (detail?.source !== undefined) lines.push(`${indent}  <admin type="source">${esc(detail.source)}</admin>`);
  lines.push(`${indent}</${n.termSec}>`);
  return lines.join('\n');
}

function concept(n: TbxNames, term: Term, id: string, list: TermList): string {
  const out = [`      <${n.entry} id="${esc(id)}">`];
  if (term.subject !== undefined) out.push(`        <descrip type="subjectField">${esc(term.subject)}</descrip>`);
  if (term.note !== undefined) out.push(`        <note>${esc(term.note)}</note>`);
  // An entry's source defaults to its list's: only one of its own is written.
  if (term.source !== undefined && term.source !== list.source) out.push(`        <admin type="source">${esc(term.source)}</admin>`);
  const own = term.lang ?? 'en';
  for (const lang of languagesOf(term)) {
    const forms = formsIn(term, lang)!;
    out.push(`        <${n.langSec} xml:lang="${esc(lang)}">`);
    if (lang === own && term.definition !== undefined) out.push(`          <descrip type="definition">${esc(term.definition)}</descrip>`);
    const detail = (t: string) => forms.details?.[t];
    out.push(termSection(n, forms.approved, 'approved', detail(forms.approved), '          '));
    for (const t of forms.admitted) out.push(termSection(n, t, 'admitted', detail(t), '          '));
    for (const t of forms.forbidden) out.push(termSection(n, t, 'forbidden', detail(t), '          '));
    // The concept's abbreviation in its own language's section, a language's own (大湾区) in that language's: a
    // term typed as one (TBX-Basic's termType), never a form.
    const abbreviation = lang === own ? term.abbreviation : forms.abbreviation;
    if (abbreviation) {
      out.push(`          <${n.termSec}>`, `            <term>${esc(abbreviation.short)}</term>`, `            <termNote type="termType">abbreviation</termNote>`, `          </${n.termSec}>`);
    }
    out.push(`        </${n.langSec}>`);
  }
  out.push(`      </${n.entry}>`);
  return out.join('\n');
}

/** The note of an exception written as a concept: the exception's own, or one saying what it is. */
export function exceptionNote(term: Term, note: string | undefined): string {
  return note ?? `Written as it stands: an exception of "${term.term}" (a name that keeps a spelling that entry corrects).`;
}

/**
 * The language an exception phrase is written as a concept in: a phrase written in Chinese goes under the script it
 * is written in (an English section may hold no CJK, and the Han matcher reads it there), any other under the
 * entry's language.
 */
const HAN_PHRASE = /\p{Script=Han}/u;

/** A form's or phrase's key for collisions: formKey reads words, so Han text is keyed by its characters. */
function keyOf(text: string): string {
  return HAN_PHRASE.test(text) ? text.replace(/\s+/g, '') : formKey(text);
}

function phraseLang(term: Term, phrase: string): string {
  return HAN_PHRASE.test(phrase) ? dominantScript(phrase) : (term.lang ?? 'en');
}

/** An exception phrase as a concept of its own, in the language it is written in (phraseLang). */
function exceptionConcept(n: TbxNames, term: Term, phrase: string, note: string | undefined, id: string, list: TermList): string {
  const said = exceptionNote(term, note);
  // It has its entry's source (only one of the entry's own is written: an entry's source defaults to its list's).
  const source = term.source !== undefined && term.source !== list.source ? [`        <admin type="source">${esc(term.source)}</admin>`] : [];
  return [
    `      <${n.entry} id="${esc(id)}">`,
    `        <note>${esc(said)}</note>`,
    ...source,
    `        <${n.langSec} xml:lang="${esc(phraseLang(term, phrase))}">`,
    termSection(n, phrase, 'approved', undefined, '          '),
    `        </${n.langSec}>`,
    `      </${n.entry}>`,
  ].join('\n');
}

export function writeTbx(list: TermList, version: 2 | 3 = 3): WrittenList {
  const n = version === 2 ? V2 : V3;
  const dropped = new Dropped();
  listOnlyInJson(list, dropped);
  const used = new Set(list.terms.map((t) => t.conceptId).filter((id): id is string => id !== undefined && NCNAME.test(id)));
  let next = 1;
  const fresh = () => {
    while (used.has(`c${next}`)) next++;
    used.add(`c${next}`);
    return `c${next++}`;
  };
  // Every form's key, so that an exception written as a concept never collides with a form of another entry.
  const keys = new Set<string>();
  for (const t of list.terms) for (const lang of languagesOf(t)) {
    const f = formsIn(t, lang)!;
    for (const form of [f.approved, ...f.admitted, ...f.forbidden]) keys.add(`${lang}\u0000${keyOf(form)}`);
  }
  const exceptionEntries: string[] = [];
  const reshaped = new Dropped();
  const entries = list.terms.map((t) => {
    for (const e of t.exceptions ?? []) {
      const key = `${phraseLang(t, e.phrase)}\u0000${keyOf(e.phrase)}`;
      if (keys.has(key)) {
        dropped.add('exceptions that are already forms of an entry, or another exception, of', t.term);
        continue;
      }
      keys.add(key);
      exceptionEntries.push(exceptionConcept(n, t, e.phrase, e.note, fresh(), list));
      reshaped.add('exceptions of', t.term);
    }
    if (explicitCase(t)) dropped.add('an explicit caseSensitive on', t.term);
    if (t.replace) dropped.add('"replace" on', t.term);
    if (t.modifier !== undefined) dropped.add('"modifier" on', t.term);
    if (t.notVariants) dropped.add('look-alikes that are not variants ("notVariants") of', t.term);
    if (t.abbreviation?.defined) dropped.add('"abbreviationDefined" (the list defines the abbreviation) on', t.term);
    for (const [lang, f] of Object.entries(t.languages ?? {})) {
      if (f.abbreviation?.defined) dropped.add('"abbreviationDefined" on a language\'s own abbreviation, in', `${t.term} (${lang}: ${f.abbreviation.short})`);
    }
    let id = t.conceptId;
    if (id !== undefined && !NCNAME.test(id)) {
      dropped.add('ids that are not XML names (new ids written instead) of', t.term);
      id = undefined;
    }
    return concept(n, t, id ?? fresh(), list);
  });
  const lang = list.language ?? 'en';
  const header = [`  <${n.header}>`, '    <fileDesc>'];
  if (list.title !== undefined) header.push(`      <titleStmt><title>${esc(list.title)}</title></titleStmt>`);
  if (list.source !== undefined) header.push(`      <sourceDesc><p>${esc(list.source)}</p></sourceDesc>`);
  header.push('    </fileDesc>', `  </${n.header}>`);
  const open =
    version === 2
      ? `<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n<martif type="TBX-Basic" xml:lang="${esc(lang)}">`
      : `<tbx type="TBX-Basic" style="dca" xml:lang="${esc(lang)}" xmlns="urn:iso:std:iso:30042:ed-2">`;
  const text = ['<?xml version="1.0" encoding="UTF-8"?>', open, ...header, '  <text>', '    <body>', ...entries, ...exceptionEntries, '    </body>', '  </text>', `</${n.root}>`, ''].join('\n');
  const instead = '; each is written as a concept of its own instead, which is matched whole, so the name still stands as written';
  return { text, dropped: dropped.lines(), reshaped: reshaped.lines().map((l) => l + instead) };
}
