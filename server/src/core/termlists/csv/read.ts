/**
 * CSV and TSV term lists into the builder: one concept per row, the columns as columns.ts reads the header.
 * Parsing is csv-parse's (quotes, doubled quotes, line breaks inside quotes, a BOM, CRLF, LF or CR line ends,
 * rows of the wrong length refused); this module only places each cell, so every problem points at its cell.
 * The delimiter is a tab for `.tsv`, else whichever of comma, semicolon and tab the header row uses most
 * (spreadsheets write semicolons where the comma is a decimal mark).
 */
import type { ForbiddenStatus, TermFileResult } from '../../types';
import { type EntryForm, type EntryInput, type ExceptionInput, type LanguageInput, type OtherForm, TermListBuilder } from '../builder';
import { type Span, isAbbreviation } from '../validation';
import { type Column, readColumn } from './columns';

type CsvParse = typeof import('csv-parse/sync');
let csvParse: CsvParse | undefined;
/** csv-parse, loaded with the first CSV file: a run with JSON lists only never pays for it. */
function parser(): CsvParse['parse'] {
  return (csvParse ??= require('csv-parse/sync') as CsvParse).parse;
}

interface Cell {
  value: string;
  span: Span;
}

/** Maps UTF-8 byte offsets (csv-parse counts bytes) to UTF-16 offsets, walking forward. */
class ByteCursor {
  private byte = 0;
  private index = 0;
  constructor(private readonly text: string) {}

  toUtf16(target: number): number {
    if (target < this.byte) {
      this.byte = 0;
      this.index = 0;
    }
    const text = this.text;
    while (this.byte < target && this.index < text.length) {
      const c = text.charCodeAt(this.index);
      if (c < 0x80) this.byte += 1;
      else if (c < 0x800) this.byte += 2;
      else if (c >= 0xd800 && c <= 0xdbff && this.index + 1 < text.length && (text.charCodeAt(this.index + 1) & 0xfc00) === 0xdc00) {
        this.byte += 4;
        this.index++;
      } else this.byte += 3;
      this.index++;
    }
    return this.index;
  }
}

/** UTF-8 length of `s`, as csv-parse counts it (a lone surrogate is written as three bytes, U+FFFD). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Comma, semicolon or tab: the one the first line uses most outside quotes (comma when none). */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

/** The rows of the file, each cell with its value and where it is; or the parser's error, positioned. */
function rows(text: string, delimiter: string): { rows: Cell[][] } | { error: { offset: number; message: string } } {
  const cursor = new ByteCursor(text);
  const out: Cell[][] = [];
  let row: Cell[] = [];
  try {
    parser()(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      cast: (value, ctx) => {
        if (ctx.index === 0 && row.length > 0) {
          out.push(row);
          row = [];
        }
        // ctx.bytes is where the cell ends (past a closing quote); its raw text is the value, quoted and doubled if quoted.
        const raw = ctx.quoting ? utf8Length(value) + 2 + (value.match(/"/g)?.length ?? 0) : utf8Length(value);
        const start = cursor.toUtf16(ctx.bytes - raw);
        const end = cursor.toUtf16(ctx.bytes);
        row.push({ value, span: { offset: ctx.quoting ? start + 1 : start, length: Math.max(0, end - start - (ctx.quoting ? 2 : 0)) } });
        return value;
      },
    });
  } catch (e) {
    const err = e as { message?: string; bytes?: number; code?: string };
    let offset = typeof err.bytes === 'number' ? new ByteCursor(text).toUtf16(err.bytes) : 0;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse counts to the cell before the quote: point at the quote that opens the unclosed cell.
      const quote = text.indexOf('"', offset);
      if (quote >= 0) offset = quote;
    } else if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      // It counts to the end of the row: point at the row's start.
      offset = Math.max(0, text.lastIndexOf('\n', Math.max(0, offset - 2)) + 1);
    }
    const message = String(err.message ?? e).replace(/ (?:at|on) line \d+/g, '').replace(/:? the parsing is finished with an opening quote/, ': a quoted cell is never closed');
    return { error: { offset, message: `Malformed CSV: ${message}` } };
  }
  if (row.length > 0) out.push(row);
  return { rows: out };
}

/** `a; b ;; c` → its forms, each with its place in the cell. */
function split(cell: Cell): Cell[] {
  const out: Cell[] = [];
  let at = 0;
  for (const piece of cell.value.split(';')) {
    const trimmed = piece.trim();
    if (trimmed !== '') out.push({ value: trimmed, span: { offset: cell.span.offset + at + piece.indexOf(trimmed), length: trimmed.length } });
    at += piece.length + 1;
  }
  return out;
}

/** A yes/no cell's value and where it is. */
interface Flag {
  value: boolean;
  span: Span;
  path: string;
}

/** true / yes / 1 or false / no / 0, as spreadsheets write them; undefined for anything else. */
function readFlag(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (v === 'true' || v === 'yes' || v === '1') return true;
  if (v === 'false' || v === 'no' || v === '0') return false;
  return undefined;
}

/** One language's forms in a row, in column order. */
interface LanguageCells {
  approved: (EntryForm & { forbidden?: ForbiddenStatus })[];
  others: OtherForm[];
}

export function readCsv(text: string, file: string): TermFileResult {
  const builder = new TermListBuilder(text, file);
  const { report, problems } = builder;
  if (text.replace(/^\ufeff/, '').trim() === '') {
    report(undefined, '', 'The term file is empty');
    return { problems };
  }
  const delimiter = /\.tsv$/i.test(file) ? '\t' : sniffDelimiter(text.replace(/^\ufeff/, ''));
  const parsed = rows(text, delimiter);
  if ('error' in parsed) {
    report({ offset: parsed.error.offset, length: 0 }, '', parsed.error.message);
    return { problems };
  }
  const [header, ...body] = parsed.rows;
  const columns: Column[] = [];
  let headerOk = true;
  for (const cell of header ?? []) {
    const c = readColumn(cell.value);
    if (typeof c === 'string') {
      report(cell.span, `header, column ${columns.length + 1}`, c);
      headerOk = false;
      columns.push({ kind: 'ignored' });
    } else columns.push(c);
  }
  if (!columns.some((c) => c.kind === 'forms' && c.status === 'approved')) {
    if (headerOk) report(header?.[0]?.span, 'header', 'No language column: the header row names the languages of the approved forms (en, zh-Hans, …)');
    return { problems };
  }
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.kind !== 'field' && c.kind !== 'definition' && c.kind !== 'languageAbbreviation' && !(c.kind === 'forms' && c.status !== 'approved')) return;
    const key =
      c.kind === 'field'
        ? c.field === 'subject' || c.field === 'note'
          ? ''
          : c.field
        : c.kind === 'definition'
          ? `def:${c.lang}`
          : c.kind === 'languageAbbreviation'
            ? `${c.lang}:abbreviation${c.defined ? 'Defined' : ''}`
            : `${c.lang}:${c.status}`;
    if (key === '') return; // memoQ's subject and domain, or its note, may both be there: they are joined
    if (seen.has(key)) {
      report(header![i]!.span, `header, column ${i + 1}`, `"${header![i]!.value.trim()}" holds the same as column ${seen.get(key)! + 1}`);
      headerOk = false;
    } else seen.set(key, i);
  });
  if (!headerOk) return { problems };

  body.forEach((row, r) => readRow(row, r, columns, builder));
  return builder.finish();
}

function readRow(row: Cell[], r: number, columns: readonly Column[], builder: TermListBuilder): void {
  const { report } = builder;
  const line = `row ${r + 2}`;
  if (row.every((c) => c.value.trim() === '')) return; // an empty row, as spreadsheets leave them
  const langs = new Map<string, LanguageCells>();
  const cellsOf = (lang: string) => {
    let l = langs.get(lang);
    if (!l) langs.set(lang, (l = { approved: [], others: [] }));
    return l;
  };
  const input: Partial<EntryInput> = {};
  const subjects: string[] = [];
  const notes: string[] = [];
  const exceptions: ExceptionInput[] = [];
  let definition: string | undefined;
  let abbreviation: string | undefined;
  let abbreviationDefined: Flag | undefined;
  // Each language's own abbreviation (`zh-Hans:abbreviation`) and its `:abbreviationDefined`, by language.
  const blockAbbreviations = new Map<string, { short?: { text: string; span: Span; path: string }; defined?: Flag }>();
  let last: (EntryForm & { lang: string }) | undefined;
  let ok = true;
  row.forEach((cell, i) => {
    const column = columns[i]!;
    const path = `${line}, column ${i + 1}`;
    const value = cell.value.trim();
    if (column.kind === 'forms') {
      if (column.status === 'approved') {
        last = undefined;
        if (value === '') return;
        if (value.includes(';')) {
          report(cell.span, path, `One approved form per cell: "${value}" has several; put the others in a ${column.lang}:admitted column`);
          ok = false;
          return;
        }
        const form = { text: value, span: split(cell)[0]!.span, path };
        cellsOf(column.lang).approved.push(form);
        last = { ...form, lang: column.lang };
        return;
      }
      last = undefined;
      split(cell).forEach((piece, k) => {
        const form: OtherForm = { text: piece.value, span: piece.span, path: `${path}, form ${k + 1}`, kind: column.status === 'admitted' ? 'admitted' : 'forbidden' };
        if (column.status === 'superseded') form.status = 'superseded';
        cellsOf(column.lang).others.push(form);
      });
    } else if (column.kind === 'termInfo') {
      // memoQ's term flags: "Forbidden" among them forbids the term in the column before.
      if (last && value.split(/[;,|]/).some((f) => f.trim().toLowerCase() === 'forbidden')) {
        const l = cellsOf(last.lang);
        l.approved = l.approved.filter((f) => f.span !== last!.span);
        l.others.push({ text: last.text, span: last.span, path: last.path, kind: 'forbidden' });
      }
    } else if (column.kind === 'languageAbbreviation') {
      if (value === '') return;
      let a = blockAbbreviations.get(column.lang);
      if (!a) blockAbbreviations.set(column.lang, (a = {}));
      if (!column.defined) {
        if (isAbbreviation(value)) a.short = { text: value, span: cell.span, path };
        else {
          report(cell.span, path, `An abbreviation is one word of at most 20 characters with a letter, such as "IPP" or "大湾区", not "${value}"`);
          ok = false;
        }
        return;
      }
      const flag = readFlag(value);
      if (flag !== undefined) a.defined = { value: flag, span: cell.span, path };
      else {
        report(cell.span, path, `${column.lang}:abbreviationDefined is true or false, not "${value}"`);
        ok = false;
      }
    } else if (column.kind === 'definition') {
      if (value !== '') definition ??= value;
    } else if (column.kind === 'field') {
      if (value === '') return;
      switch (column.field) {
        case 'subject':
          subjects.push(value);
          break;
        case 'note':
          notes.push(value);
          break;
        case 'exceptions':
          for (const p of split(cell)) exceptions.push({ phrase: p.value, span: p.span, path });
          break;
        case 'caseSensitive': {
          const v = value.toLowerCase();
          if (v === 'true' || v === 'yes' || v === '1') input.caseSensitive = true;
          else if (v === 'false' || v === 'no' || v === '0') input.caseSensitive = false;
          else {
            report(cell.span, path, `caseSensitive is true or false, not "${value}"`);
            ok = false;
          }
          break;
        }
        case 'abbreviation':
          if (isAbbreviation(value)) abbreviation = value;
          else {
            report(cell.span, path, `An abbreviation is one word of at most 20 characters with a letter, such as "IPP", not "${value}"`);
            ok = false;
          }
          break;
        case 'abbreviationDefined': {
          const flag = readFlag(value);
          if (flag !== undefined) abbreviationDefined = { value: flag, span: cell.span, path };
          else {
            report(cell.span, path, `abbreviationDefined is true or false, not "${value}"`);
            ok = false;
          }
          break;
        }
        case 'id':
          input.conceptId = value;
          break;
        default:
          input[column.field] = value;
      }
    }
  });
  // Each language: its first approved cell is the approved form; more (memoQ's repeated columns) are admitted.
  const languages: LanguageInput[] = [];
  for (const [lang, cells] of langs) {
    const [approved, ...more] = cells.approved;
    if (!approved) {
      if (cells.others.length > 0) {
        report(cells.others[0]!.span, cells.others[0]!.path, `No approved form for ${lang} in this row: its admitted and forbidden forms need one`);
        ok = false;
      }
      continue;
    }
    languages.push({ lang, approved, others: [...more.map((f): OtherForm => ({ ...f, kind: 'admitted' })), ...cells.others] });
  }
  if (abbreviationDefined && abbreviation === undefined) {
    report(abbreviationDefined.span, abbreviationDefined.path, 'abbreviationDefined needs an abbreviation in the same row');
    ok = false;
  }
  const ownLang = (languages.find((l) => l.lang === 'en') ?? languages[0])?.lang;
  for (const [lang, a] of blockAbbreviations) {
    const block = languages.find((l) => l.lang === lang);
    if (a.defined && !a.short) {
      report(a.defined.span, a.defined.path, `${lang}:abbreviationDefined needs a ${lang}:abbreviation in the same row`);
      ok = false;
    } else if (a.short && !block) {
      report(a.short.span, a.short.path, `${lang}:abbreviation needs a ${lang} form in the same row: it is the abbreviation of that form`);
      ok = false;
    } else if (a.short && lang === ownLang) {
      // The row's own language: its abbreviation is the concept's, which the plain column may already say.
      if (abbreviation !== undefined && abbreviation !== a.short.text) {
        report(a.short.span, a.short.path, `${lang}:abbreviation "${a.short.text}" differs from the abbreviation "${abbreviation}" of this row's ${lang} form; ${lang} is the row's own language, so give it once`);
        ok = false;
      }
      if (abbreviationDefined && a.defined && abbreviationDefined.value !== a.defined.value) {
        report(a.defined.span, a.defined.path, `${lang}:abbreviationDefined says ${a.defined.value}, abbreviationDefined ${abbreviationDefined.value}, of the same abbreviation; give it once`);
        ok = false;
      }
      abbreviation = a.short.text;
      abbreviationDefined ??= a.defined;
    } else if (a.short && block) block.abbreviation = { short: a.short.text, defined: a.defined?.value ?? false };
  }
  if (!ok) return;
  if (languages.length === 0) {
    report(row[0]!.span, line, 'This row has no approved form in any language column');
    return;
  }
  const own = languages.find((l) => l.lang === ownLang)!;
  const first = row[0]!.span.offset;
  const entry: EntryInput = {
    ...input,
    index: r,
    span: { offset: first, length: 0 },
    path: line,
    lang: own.lang,
    approved: own.approved,
    others: own.others,
    languages: languages.filter((l) => l !== own),
  };
  if (subjects.length > 0) entry.subject = subjects.join(' / ');
  if (notes.length > 0) entry.note = notes.join('\n');
  if (definition !== undefined && entry.definition === undefined) entry.definition = definition;
  if (exceptions.length > 0) entry.exceptions = exceptions;
  if (abbreviation !== undefined) entry.abbreviation = { short: abbreviation, defined: abbreviationDefined?.value ?? false };
  builder.addEntry(entry);
}
