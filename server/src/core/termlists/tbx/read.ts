/**
 * TBX-Basic into the builder, in both shapes tools write: ISO 30042:2019 (TBX v3: `tbx` › `text` › `body` ›
 * `conceptEntry` › `langSec` › `termSec` › `term`, data categories as `<termNote type="administrativeStatus">`
 * or, in the DCT style, as elements such as `<basic:administrativeStatus>`) and TBX v2 (`martif` › … ›
 * `termEntry` › `langSet` › `tig` | `ntig`/`termGrp`). What Termlint reads:
 *
 *   administrativeStatus (or v2's normativeAuthorization)   preferred → approved, admitted → admitted,
 *                                                           deprecated and superseded → forbidden
 *   subjectField, definition, note, source (admin)          kept on the concept, or on a single term
 *   a term whose termType is abbreviation (acronym, …)      in the concept's own language's section, the concept's
 *                                                           abbreviation; in another's (大湾区 under zh-Hans), that
 *                                                           language's own abbreviation; never one of its forms
 *   the header's title and sourceDesc                       the list's title and source
 *
 * Other data categories (part of speech, context, transactions, cross-references) are passed over. Language
 * tags are read as tools write them (en-US, zh-CN, zh-HK) and kept as the list's languages (languages/tags.ts);
 * two language sections of one language (en-US and en-GB) are one language. In each language the first
 * preferred term is the approved one (the first term without a status when none is preferred, else the first
 * admitted one); every other term is admitted or forbidden by its status.
 */
import { normalizeLanguageTag } from '../../languages/tags';
import type { ForbiddenStatus, TermFileResult } from '../../types';
import { type EntryForm, type EntryInput, type LanguageInput, type OtherForm, TermListBuilder } from '../builder';
import { type Report, type Span, isAbbreviation } from '../validation';
import { type XmlElement, childNamed, childrenNamed, contentSpan, parseXml, spanOf } from '../../xml';

/** administrativeStatus values and what they are in a term list (TBX-Basic's four, with and without "-admn-sts"). */
const STATUSES: Record<string, { kind: 'approved' | 'admitted' | 'forbidden'; status?: ForbiddenStatus }> = {
  'preferredterm-admn-sts': { kind: 'approved' },
  'admittedterm-admn-sts': { kind: 'admitted' },
  'deprecatedterm-admn-sts': { kind: 'forbidden', status: 'deprecated' },
  'supersededterm-admn-sts': { kind: 'forbidden', status: 'superseded' },
  preferredterm: { kind: 'approved' },
  admittedterm: { kind: 'admitted' },
  deprecatedterm: { kind: 'forbidden', status: 'deprecated' },
  supersededterm: { kind: 'forbidden', status: 'superseded' },
  preferred: { kind: 'approved' },
  admitted: { kind: 'admitted' },
  deprecated: { kind: 'forbidden', status: 'deprecated' },
  superseded: { kind: 'forbidden', status: 'superseded' },
};
const STATUS_NAMES = 'preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts';

/** A term's text: its markup dropped, white space (a pretty-printer's line breaks) read as single spaces. */
function termText(e: XmlElement): string {
  return e.text.replace(/\s+/g, ' ').trim();
}

/** Note text: trimmed, its lines kept. */
function noteText(e: XmlElement): string {
  return e.text.trim();
}

/** A data category written either way: `<descrip type="definition">` (DCA) or `<basic:definition>` (DCT). */
function category(e: XmlElement): string | undefined {
  if (e.name === 'descrip' || e.name === 'admin' || e.name === 'termNote') return e.attrs.type;
  return e.name;
}

interface FoundForm extends EntryForm {
  kind?: 'approved' | 'admitted' | 'forbidden';
  /** `<termNote type="termType">abbreviation</termNote>` (or acronym, initialism): the concept's abbreviation, no form. */
  abbreviation?: true;
}

/** TBX-Basic's termType values that make a term the concept's abbreviation (Term.abbreviation) rather than a form. */
const ABBREVIATION_TYPES = new Set(['abbreviation', 'acronym', 'initialism', 'shortform']);

interface LanguageGroup {
  lang: string;
  span: Span;
  path: string;
  forms: FoundForm[];
  /** The section's term typed abbreviation (the first one; another is reported, not read). */
  abbreviation?: FoundForm;
}

/** Termlint keeps one abbreviation per language of a concept: a different second one is reported as not read. */
function secondAbbreviation(report: Report, second: FoundForm, lang: string | undefined, kept: string): void {
  const which = lang === undefined ? `Another abbreviation of the concept, "${second.text}"` : `A second abbreviation for ${lang} in this concept, "${second.text}"`;
  report(second.span, second.path, `${which}: Termlint keeps one abbreviation per language, the first ("${kept}"); this one is not read`, 'warning');
}

/** What one termSec (tig, ntig) says: its term, status, notes and source; undefined when it is broken (reported). */
function readTermSection(ts: XmlElement, path: string, report: Report): FoundForm | undefined {
  // ntig keeps its term and term notes in a termGrp.
  const holders = ts.name === 'ntig' ? [ts, ...childrenNamed(ts, 'termGrp')] : [ts];
  let term: XmlElement | undefined;
  let status: XmlElement | undefined;
  let termType: string | undefined;
  const notes: string[] = [];
  let source: string | undefined;
  for (const h of holders) {
    for (const c of h.children) {
      if (c.name === 'term') term ??= c;
      else if (c.name === 'note') notes.push(noteText(c));
      else if (c.name === 'termNoteGrp') {
        for (const n of c.children) {
          if (category(n) === 'administrativeStatus' || category(n) === 'normativeAuthorization') status ??= n;
          else if (category(n) === 'termType') termType ??= n.text.trim();
        }
      } else {
        const cat = category(c);
        if (cat === 'administrativeStatus' || cat === 'normativeAuthorization') status ??= c;
        else if (cat === 'termType') termType ??= c.text.trim();
        else if (cat === 'source') source ??= noteText(c);
      }
    }
  }
  if (!term) {
    report(spanOf(ts), path, `<${ts.name}> has no <term>`);
    return undefined;
  }
  const form: FoundForm = { text: termText(term), span: contentSpan(term), path: `${path}/term` };
  if (termType !== undefined && ABBREVIATION_TYPES.has(termType.replace(/[\s-]+/g, '').toLowerCase()) && isAbbreviation(form.text)) {
    form.abbreviation = true;
    return form;
  }
  if (status) {
    const value = status.text.trim();
    const known = STATUSES[value.toLowerCase()];
    if (!known) {
      report(contentSpan(status), `${path}/${status.name === 'termNote' ? 'termNote' : status.name}`, `Unknown administrative status "${value}" (${STATUS_NAMES})`);
      return undefined;
    }
    form.kind = known.kind;
    if (known.status === 'superseded') form.status = 'superseded';
  }
  const note = notes.filter((n) => n !== '').join('\n');
  if (note !== '') form.note = note;
  if (source !== undefined && source !== '') form.source = source;
  return form;
}

/** A language's approved form and its others, by status (see the module comment); undefined when none can be approved. */
function assign(group: LanguageGroup, report: Report): LanguageInput | undefined {
  const approved = group.forms.find((f) => f.kind === 'approved') ?? group.forms.find((f) => f.kind === undefined) ?? group.forms.find((f) => f.kind === 'admitted');
  if (!approved) {
    report(group.span, group.path, `No preferred or admitted term for ${group.lang}: its deprecated and superseded terms need an approved one to be fixed to`);
    return undefined;
  }
  const others: OtherForm[] = group.forms
    .filter((f) => f !== approved)
    .map((f) => {
      const { kind, ...form } = f;
      return { ...form, kind: kind === 'forbidden' ? 'forbidden' : 'admitted' };
    });
  const { kind: _kind, ...form } = approved;
  return { lang: group.lang, approved: form, others };
}

function readConcept(entry: XmlElement, index: number, builder: TermListBuilder, fileLang: string | undefined): void {
  const { report } = builder;
  const path = `${entry.name}[${index + 1}]`;
  const groups = new Map<string, LanguageGroup>();
  const notes: string[] = [];
  let subject: string | undefined;
  let definition: string | undefined;
  let source: string | undefined;
  let ok = true;
  const readCategories = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === 'descripGrp' || c.name === 'adminGrp') readCategories(c);
      else if (c.name === 'note') notes.push(noteText(c));
      else {
        const cat = category(c);
        if (cat === 'subjectField') subject ??= noteText(c);
        else if (cat === 'definition') definition ??= noteText(c);
        else if (cat === 'source') source ??= noteText(c);
      }
    }
  };
  readCategories(entry);
  for (const ls of entry.children) {
    if (ls.name !== 'langSec' && ls.name !== 'langSet') continue;
    const raw = ls.attrs['xml:lang'] ?? ls.attrs.lang;
    const lsPath = `${path}/${ls.name}[${raw ?? ''}]`;
    const lang = raw === undefined ? undefined : normalizeLanguageTag(raw);
    if (!lang) {
      report({ offset: ls.start, length: ls.contentStart - ls.start }, lsPath, raw === undefined ? `<${ls.name}> has no xml:lang` : `xml:lang "${raw}" is not a language tag (BCP 47, e.g. "en", "zh-Hans", "zh-CN")`);
      ok = false;
      continue;
    }
    readCategories(ls);
    let group = groups.get(lang);
    if (!group) groups.set(lang, (group = { lang, span: { offset: ls.start, length: ls.contentStart - ls.start }, path: lsPath, forms: [] }));
    let t = 0;
    for (const ts of ls.children) {
      if (ts.name !== 'termSec' && ts.name !== 'tig' && ts.name !== 'ntig') continue;
      const form = readTermSection(ts, `${lsPath}/${ts.name}[${++t}]`, report);
      if (form?.abbreviation) {
        if (!group.abbreviation) group.abbreviation = form;
        else if (group.abbreviation.text !== form.text) secondAbbreviation(report, form, lang, group.abbreviation.text);
      } else if (form) group.forms.push(form);
      else ok = false;
    }
  }
  const languages: LanguageInput[] = [];
  // An abbreviation in a section with no other terms has no language block to go with: it is the concept's.
  let loose: string | undefined;
  const looseForms: FoundForm[] = [];
  for (const g of groups.values()) {
    if (g.forms.length === 0) {
      if (g.abbreviation) {
        if (loose === undefined) loose = g.abbreviation.text;
        else if (loose !== g.abbreviation.text) secondAbbreviation(report, g.abbreviation, undefined, loose);
        looseForms.push(g.abbreviation);
      }
      continue; // a language section with no terms says nothing more
    }
    const l = assign(g, report);
    // TBX has no place for "the list defines it": an abbreviation read from TBX must be defined by documents.
    if (l && g.abbreviation) l.abbreviation = { short: g.abbreviation.text, defined: false };
    if (l) languages.push(l);
    else ok = false;
  }
  if (!ok) return;
  if (languages.length === 0) {
    report({ offset: entry.start, length: entry.contentStart - entry.start }, path, `<${entry.name}> has no terms`);
    return;
  }
  // The concept's own language: English, which documents are matched in, else the file's, else its first.
  const own = languages.find((l) => l.lang === 'en') ?? languages.find((l) => l.lang === fileLang) ?? languages[0]!;
  // The own section's abbreviation is the concept's; every other section's stays its language's own.
  const abbreviation = own.abbreviation?.short ?? loose;
  if (own.abbreviation && loose !== undefined && loose !== own.abbreviation.short) {
    for (const f of looseForms) if (f.text === loose) secondAbbreviation(report, f, undefined, own.abbreviation.short);
  }
  delete own.abbreviation;
  const input: EntryInput = {
    index,
    span: { offset: entry.start, length: entry.contentStart - entry.start },
    path,
    lang: own.lang,
    approved: own.approved,
    others: own.others,
    languages: languages.filter((l) => l !== own),
  };
  const note = notes.filter((n) => n !== '').join('\n');
  if (note !== '') input.note = note;
  if (source !== undefined && source !== '') input.source = source;
  if (subject !== undefined && subject !== '') input.subject = subject;
  if (definition !== undefined && definition !== '') input.definition = definition;
  if (entry.attrs.id !== undefined && entry.attrs.id.trim() !== '') input.conceptId = entry.attrs.id;
  if (abbreviation !== undefined) input.abbreviation = { short: abbreviation, defined: false };
  builder.addEntry(input);
}

export function readTbx(text: string, file: string): TermFileResult {
  const builder = new TermListBuilder(text, file);
  const { report, list, problems } = builder;
  if (text.trim() === '') {
    report(undefined, '', 'The term file is empty');
    return { problems };
  }
  const parsed = parseXml(text);
  if ('error' in parsed) {
    report({ offset: parsed.error.offset, length: Math.min(1, text.length - parsed.error.offset) }, '', parsed.error.message);
    return { problems };
  }
  const root = parsed.root;
  if (root.name !== 'tbx' && root.name !== 'martif') {
    report({ offset: root.start, length: root.contentStart - root.start }, root.name, `Not a TBX file: the root element is <${root.name}>; TBX has <tbx> (TBX v3, ISO 30042:2019) or <martif> (TBX v2)`);
    return { problems };
  }
  const header = childNamed(root, 'tbxHeader') ?? childNamed(root, 'martifHeader');
  const fileDesc = header && childNamed(header, 'fileDesc');
  const title = fileDesc && childNamed(fileDesc, 'titleStmt');
  const titleText = title && childNamed(title, 'title');
  if (titleText && noteText(titleText) !== '') list.title = noteText(titleText);
  const sourceDesc = fileDesc && childNamed(fileDesc, 'sourceDesc');
  const sourceText = sourceDesc && childNamed(sourceDesc, 'p');
  if (sourceText && noteText(sourceText) !== '') list.source = noteText(sourceText);
  const rootLang = root.attrs['xml:lang'];
  if (rootLang !== undefined) list.language = rootLang;
  const body = childNamed(root, 'text') && childNamed(childNamed(root, 'text')!, 'body');
  if (!body) {
    report({ offset: root.start, length: root.contentStart - root.start }, `${root.name}/text/body`, 'Missing <text><body>: a TBX file holds its concepts there');
    return { problems };
  }
  const fileLang = rootLang === undefined ? undefined : normalizeLanguageTag(rootLang);
  let index = 0;
  for (const entry of body.children) {
    if (entry.name === 'conceptEntry' || entry.name === 'termEntry') readConcept(entry, index++, builder, fileLang);
  }
  return builder.finish();
}
