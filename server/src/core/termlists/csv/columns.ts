/**
 * The header row of a CSV or TSV term list: what each column holds. A language column is named by its tag
 * (`en`, `zh-Hans`, `zh-CN`) and holds that language's approved form; `<tag>:admitted`, `<tag>:forbidden` and
 * `<tag>:superseded` hold further forms, several separated by `;`; `<tag>:abbreviation` (and
 * `<tag>:abbreviationDefined`) that language's own abbreviation (`zh-Hans:abbreviation` 大湾区); `id`, `note`,
 * `source`, `subject`, `definition`, `exceptions` (`;`-separated phrases), `caseSensitive`, `abbreviation` and
 * `abbreviationDefined` hold the concept's. memoQ's exports
 * are read too: its language columns (`English_United_States`, `Chinese_PRC`, repeated for a second term of a
 * language), `<Language>_Def`, `Entry_ID`, `Entry_Subject`, `Entry_Domain`, `Entry_Note`, and `Term_Info` (a
 * `Forbidden` flag there forbids the term before it); its other bookkeeping columns are passed over.
 */
import { memoqLanguageTag, normalizeLanguageTag } from '../../languages/tags';

export type FormStatusColumn = 'approved' | 'admitted' | 'forbidden' | 'superseded';

export type Column =
  | { kind: 'forms'; lang: string; status: FormStatusColumn }
  | { kind: 'field'; field: 'id' | 'note' | 'source' | 'subject' | 'definition' | 'exceptions' | 'caseSensitive' | 'abbreviation' | 'abbreviationDefined' }
  | { kind: 'definition'; lang: string }
  /** A language's own abbreviation (`zh-Hans:abbreviation`), or whether the list defines it (`…:abbreviationDefined`). */
  | { kind: 'languageAbbreviation'; lang: string; defined: boolean }
  | { kind: 'termInfo' }
  | { kind: 'ignored' };

const FIELDS: Record<string, Extract<Column, { kind: 'field' }>['field']> = {
  id: 'id',
  note: 'note',
  notes: 'note',
  source: 'source',
  subject: 'subject',
  definition: 'definition',
  exceptions: 'exceptions',
  casesensitive: 'caseSensitive',
  abbreviation: 'abbreviation',
  abbreviationdefined: 'abbreviationDefined',
  // memoQ's entry-level columns
  entry_id: 'id',
  entry_subject: 'subject',
  entry_domain: 'subject',
  entry_note: 'note',
};

/** memoQ bookkeeping Termlint has no use for (who changed an entry when, examples, clients, projects). */
const MEMOQ_IGNORED = new Set(['entry_clientid', 'entry_projectid', 'entry_created', 'entry_creator', 'entry_lastmodified', 'entry_modifier', 'term_example']);

const STATUS_SUFFIXES: Record<string, FormStatusColumn> = {
  admitted: 'admitted',
  forbidden: 'forbidden',
  deprecated: 'forbidden',
  superseded: 'superseded',
  approved: 'approved',
  preferred: 'approved',
};

/** What a header cell names, or an error message. */
export function readColumn(header: string): Column | string {
  const name = header.trim();
  const lower = name.toLowerCase();
  const field = FIELDS[lower];
  if (field) return { kind: 'field', field };
  if (lower === 'term_info') return { kind: 'termInfo' };
  if (MEMOQ_IGNORED.has(lower)) return { kind: 'ignored' };
  const colon = name.indexOf(':');
  if (colon > 0) {
    const lang = normalizeLanguageTag(name.slice(0, colon));
    const suffix = name.slice(colon + 1).trim().toLowerCase();
    const status = STATUS_SUFFIXES[suffix];
    if (lang && status) return { kind: 'forms', lang, status };
    if (lang && (suffix === 'abbreviation' || suffix === 'abbreviationdefined')) return { kind: 'languageAbbreviation', lang, defined: suffix === 'abbreviationdefined' };
    return `Unknown column "${name}": a language's column is <language tag>:admitted, :forbidden, :superseded, :abbreviation or :abbreviationDefined (e.g. "en:forbidden", "zh-Hans:abbreviation")`;
  }
  if (/_def$/i.test(name)) {
    const lang = memoqLanguageTag(name.slice(0, -4));
    if (lang) return { kind: 'definition', lang };
  }
  const lang = normalizeLanguageTag(name) ?? memoqLanguageTag(name);
  if (lang) return { kind: 'forms', lang, status: 'approved' };
  return `Unknown column "${name}": columns are language tags (en, zh-Hans, zh-Hant…), <tag>:admitted, <tag>:forbidden, <tag>:superseded, <tag>:abbreviation, <tag>:abbreviationDefined, id, note, source, subject, definition, exceptions, caseSensitive, abbreviation, abbreviationDefined, or memoQ's`;
}
