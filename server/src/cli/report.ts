/** CLI reports: the same findings as text for people, JSON for scripts, SARIF for code scanning. */
import type { DocumentLanguage } from '../core/languages/detect';
import { DEFAULT_SEVERITY, KINDS, type SeverityName, type SeveritySetting, VARIANT_KINDS, type VariantKind } from '../core/kinds';
import type { Excepted, Finding, Occurrence, Term } from '../core/types';
import { LineIndex } from '../core/lines';
import { oneLine } from '../core/matching/findings';
import { lastAtMost } from '../core/search';

interface Lines {
  at(offset: number): { line: number; column: number };
}

/**
 * LineIndex's lines (LF, CRLF or a lone CR end one). Text without a CR (nearly every draft) has its line
 * starts found by native indexOf: a character-by-character loop over a megabyte of text cost a one-shot run
 * ~9 ms.
 */
export function linesOf(text: string): Lines {
  if (text.includes('\r')) return new LineIndex(text);
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    at(offset) {
      const line = Math.max(0, lastAtMost(starts, offset));
      return { line, column: offset - starts[line]! };
    },
  };
}

/** 1-based line and column, as reports show them. */
function position(lines: Lines, offset: number): { line: number; column: number } {
  const p = lines.at(offset);
  return { line: p.line + 1, column: p.column + 1 };
}

/** One finding as the JSON format prints it (1-based lines and UTF-16 columns, as in LSP). */
export interface FindingRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: VariantKind;
  found: string;
  replacements: string[];
  term: string;
  severity: SeverityName;
  message: string;
  /** The document's language, for a document not read as English ("zh-Hans", "zh-HK"). */
  language?: string;
  /** A translation finding's aligned block in the source (and the term there, when it has it). */
  source?: SourceRecord;
}

/** Where a translation finding points in the pair's source: its aligned block, 1-based like the finding. */
export interface SourceRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source's term, as written there, and where. */
  term?: string;
  termLine?: number;
  termColumn?: number;
}

/** The source document a translation finding's counterpart is in. */
export interface SourceDocument {
  /** As shown (relative to the working folder). */
  file: string;
  text: string;
}

export interface FileFindings {
  /** Path as shown to the user (relative to the working folder, forward slashes). */
  file: string;
  text: string;
  findings: readonly Finding[];
  /** How the document was read, when not as English (languages/detect.ts). */
  language?: DocumentLanguage;
  /** The file's severities (its configuration's); the kinds' defaults when absent. */
  severity?: Readonly<Record<VariantKind, SeveritySetting>>;
  /** Every use of a term, right or wrong (kept for the term-usage report and translation pairs). */
  occurrences?: readonly Occurrence[];
  /** Spellings an exception lets stand (kept for translation pairs). */
  excepted?: readonly Excepted[];
  /** The source of each translation finding (a translation may have several sources: zh-Hans and zh-Hant). */
  sources?: ReadonlyMap<Finding, SourceDocument>;
}

/** The source record of a translation finding, positioned in its source document. */
const sourceLines = new WeakMap<SourceDocument, Lines>();

function sourceRecord(f: Finding, doc: SourceDocument | undefined): SourceRecord | undefined {
  const c = f.counterpart;
  if (!c || !doc) return undefined;
  let lines = sourceLines.get(doc);
  if (!lines) sourceLines.set(doc, (lines = linesOf(doc.text)));
  const s = position(lines, c.start);
  const e = position(lines, c.end);
  const out: SourceRecord = { file: doc.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  if (c.term !== undefined && c.termStart !== undefined) {
    const t = position(lines, c.termStart);
    Object.assign(out, { term: c.term, termLine: t.line, termColumn: t.column });
  }
  return out;
}

/** A finding's severity in its file (a kind set to `off` is never linted, so it never gets here). */
function severityOf(report: FileFindings, kind: VariantKind): SeverityName {
  const s = report.severity?.[kind];
  return s === undefined || s === 'off' ? DEFAULT_SEVERITY[kind] : s;
}


export function toRecords(report: FileFindings): FindingRecord[] {
  return [...recordsOf(report)];
}

/** The records of a report one at a time, so a JSON report never holds them all. */
export function* recordsOf(report: FileFindings): Generator<FindingRecord> {
  const lines = linesOf(report.text);
  for (const f of report.findings) {
    const s = position(lines, f.start);
    const e = position(lines, f.end);
    const source = sourceRecord(f, report.sources?.get(f));
    yield {
      file: report.file,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      kind: f.kind,
      found: f.found,
      replacements: f.replacements.map((r) => r.text),
      term: f.termId,
      severity: severityOf(report, f.kind),
      message: f.message,
      ...(source ? { source } : {}),
      ...(report.language ? { language: report.language.tag } : {}),
    };
  }
}

export interface TextStyle {
  color: boolean;
}

const ANSI = { dim: '\x1b[2m', bold: '\x1b[1m', yellow: '\x1b[33m', cyan: '\x1b[36m', green: '\x1b[32m', red: '\x1b[31m', reset: '\x1b[0m' };

function paint(style: TextStyle, code: keyof typeof ANSI, s: string): string {
  return style.color ? ANSI[code] + s + ANSI.reset : s;
}

/**
 * `file:line:col  kind  found → replacement  (note)`, grouped per file, then a summary line. Yields the report
 * line by line: millions of findings (a 50 MB draft) would not fit in one string.
 */
export function* formatText(records: readonly FindingRecord[], termOf: (id: string, language: string | undefined) => Term | undefined, fileCount: number, style: TextStyle, counts?: SummaryCounts): Generator<string> {
  let lastFile = '';
  let width = 0;
  // Kinds line up in a column as wide as the widest shown ("inconsistent"), or wider for a longer kind.
  let kindWidth = 12;
  for (const r of records) {
    width = Math.max(width, `${r.file}:${r.line}:${r.column}`.length);
    kindWidth = Math.max(kindWidth, r.kind.length);
  }
  for (const r of records) {
    if (r.file !== lastFile) {
      if (lastFile) yield '\n';
      // A document read as Chinese says so (and in which script) beside its name.
      yield paint(style, 'bold', r.file) + (r.language ? paint(style, 'dim', ` (${r.language})`) : '') + '\n';
      lastFile = r.file;
    }
    // A translation finding names its source block; a term finding shows its entry's note (a merged concept
    // keeps both lists' notes, one per line: a finding stays on one line); a finding against the document itself
    // says why ("this document writes "cross-border" 3 times and "cross border" once"). A Chinese term's concept
    // note speaks of its English form ("Hyphenated."): a Chinese finding shows the note of the form it found, if
    // the list gives one.
    const term = KINDS[r.kind].against === 'document' || r.source ? undefined : termOf(r.term, r.language);
    const note = r.source
      ? `${r.source.file}:${r.source.termLine ?? r.source.line}${r.source.term !== undefined ? ` "${r.source.term}"` : ''}`
      : KINDS[r.kind].against === 'document'
        ? detailOf(r)
        : term?.lang?.startsWith('zh')
          ? term.details?.[r.found]?.note
          : term?.note;
    const where = paint(style, 'dim', `${r.file}:${r.line}:${r.column}`.padEnd(width));
    const kind = paint(style, r.severity === 'error' ? 'red' : r.severity === 'warning' ? 'yellow' : r.severity === 'information' ? 'cyan' : 'dim', r.kind.padEnd(kindWidth));
    const fix = r.replacements[0] !== undefined ? ` → ${paint(style, 'green', `"${oneLine(r.replacements[0])}"`)}` : '';
    const more = r.replacements.length > 1 ? paint(style, 'dim', ` (or ${r.replacements.slice(1).map((x) => `"${oneLine(x)}"`).join(', ')})`) : '';
    yield `  ${where}  ${kind}  "${oneLine(r.found)}"${fix}${more}${note ? paint(style, 'dim', `  (${oneLine(note)})`) : ''}\n`;
  }
  if (records.length > 0) yield '\n';
  yield summaryLine(records, fileCount, counts) + '\n';
}

/** What a message says after its kind's label: `"x" should be "y" (variant: this document writes …)`. */
function detailOf(r: FindingRecord): string | undefined {
  const marker = ` (${KINDS[r.kind].label}: `;
  const at = r.message.lastIndexOf(marker);
  return at < 0 || !r.message.endsWith(')') ? undefined : r.message.slice(at + marker.length, -1);
}

/**
 * `JSON.stringify(value, null, 2)` in pieces, with the items of `big` written as an array where `value` holds
 * `placeholder`: one string for millions of records would pass V8's maximum string length, and the items
 * can be produced one at a time.
 */
export function* jsonChunks(value: unknown, placeholder: unknown, big: Iterable<unknown>): Generator<string> {
  const marker = '\u0000termlint-records\u0000';
  const text = JSON.stringify(value, (_key, v: unknown) => (v === placeholder ? marker : v), 2);
  const at = text.indexOf(JSON.stringify(marker));
  if (at < 0) {
    yield text;
    return;
  }
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = text.slice(lineStart, at).match(/^ */)![0];
  yield text.slice(0, at);
  const inner = indent + '  ';
  let first = true;
  for (const item of big) {
    yield (first ? '[\n' : ',\n') + inner + JSON.stringify(item, null, 2).replace(/\n/g, '\n' + inner);
    first = false;
  }
  yield first ? '[]' : '\n' + indent + ']';
  yield text.slice(at + JSON.stringify(marker).length);
}

/** What the summary line also counts. */
export interface SummaryCounts {
  /** Files named on the command line that the project configuration excludes. */
  skipped: number;
  /** Translation pairs checked (a source and its translation). */
  pairs?: number;
}

export function summaryLine(records: readonly FindingRecord[], fileCount: number, counts?: SummaryCounts): string {
  const byKind = new Map<VariantKind, number>();
  for (const r of records) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const files = new Set(records.map((r) => r.file)).size;
  const skipped = counts?.skipped ? `, ${counts.skipped} excluded by termlint.config.json` : '';
  const pairs = counts?.pairs ? `, ${counts.pairs} translation pair${counts.pairs === 1 ? '' : 's'}` : '';
  const filesChecked = `${fileCount} file${fileCount === 1 ? '' : 's'} checked${pairs}${skipped}`;
  if (records.length === 0) return `No term problems: ${filesChecked}.`;
  const kinds = VARIANT_KINDS.filter((k) => byKind.has(k)).map((k) => `${k} ${byKind.get(k)}`).join(', ');
  return `${records.length} term problem${records.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${kinds}); ${filesChecked}.`;
}

const SARIF_LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A file the run could not read, decode or write (or a folder it could not read), as the user named it. */
export interface FileProblem {
  file: string;
  message: string;
}

/**
 * SARIF 2.1.0 that GitHub code scanning accepts: rules are the kinds, fixes are the preferred replacements.
 * Files that could not be checked are tool notifications of a run that did not succeed.
 */
export function formatSarif(reports: readonly FileFindings[], version: string, rootUri: string, problems: readonly FileProblem[] = []): Generator<string> {
  const results = sarifResults(reports);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'termlint',
            version,
            rules: VARIANT_KINDS.map((k) => ({
              id: k,
              name: k,
              shortDescription: { text: KINDS[k].summary },
              defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[k]] },
            })),
          },
        },
        ...(problems.length > 0
          ? {
              invocations: [
                {
                  executionSuccessful: false,
                  toolExecutionNotifications: problems.map((p) => ({
                    level: 'error',
                    message: { text: `${p.file}: ${p.message}` },
                    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(p.file), uriBaseId: '%SRCROOT%' } } }],
                  })),
                },
              ],
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        results,
      },
    ],
  };
  return (function* () {
    yield* jsonChunks(sarif, results, results);
    yield '\n';
  })();
}

/** A translation finding's source block, as SARIF's related location. */
function sarifRelated(f: Finding, doc: SourceDocument | undefined): { relatedLocations?: unknown[] } {
  const r = sourceRecord(f, doc);
  if (!r) return {};
  return {
    relatedLocations: [
      {
        id: 1,
        message: { text: r.term !== undefined ? `the source's "${r.term}"` : 'the aligned block of the source' },
        physicalLocation: { artifactLocation: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
      },
    ],
  };
}

/** SARIF results, one at a time (each finding's is built only when it is written). */
function* sarifResults(reports: readonly FileFindings[]): Generator<unknown> {
  for (const report of reports) {
    const lines = linesOf(report.text);
    for (const f of report.findings) {
      const s = position(lines, f.start);
      const e = position(lines, f.end);
      const location = { artifactLocation: { uri: encodeURI(report.file), uriBaseId: '%SRCROOT%' } };
      const replacement = f.replacements[0];
      yield {
        ruleId: f.kind,
        ruleIndex: VARIANT_KINDS.indexOf(f.kind),
        level: SARIF_LEVEL[severityOf(report, f.kind)],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              ...location,
              region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: f.start, charLength: f.end - f.start },
            },
          },
        ],
        ...sarifRelated(f, report.sources?.get(f)),
        partialFingerprints: { termlintFinding: `${f.kind}:${oneLine(f.termId)}:${oneLine(f.found)}` },
        ...(replacement
          ? {
              fixes: [
                {
                  description: { text: `Replace with "${replacement.text}"` },
                  artifactChanges: [
                    {
                      ...location,
                      replacements: replacement.edits.map((ed) => {
                        const a = position(lines, ed.start);
                        const b = position(lines, ed.end);
                        return {
                          deletedRegion: { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column },
                          insertedContent: { text: ed.text },
                        };
                      }),
                    },
                  ],
                },
              ],
            }
          : {}),
      };
    }
  }
}
