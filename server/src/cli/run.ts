/**
 * `termlint [paths or globs…] [--terms FILE]… [--no-default-terms] [--format text|json|sarif] [--fix]`, and
 * the commands `termlint extract` (extract.ts) and `termlint report` (usageReport.ts).
 * Exit codes: 0 no findings, 1 findings, 2 usage or term-list error (nothing written).
 */
import { termsIn } from '../core/matching/hanTerms';
import { pathToFileURL } from 'node:url';
import type { TermList } from '../core/types';
import { VARIANT_KINDS } from '../core/types';
import { TERM_LIST_READERS } from '../core/termlists/registry';
import { LINT_ARGS, UsageError, lintArgsFrom, parseArgsOrUsage } from './args';
import { runConvert } from './convert';
import { explain } from './explain';
import { runExtract } from './extract';
import { type LintRun, lintFiles, runLintWorker } from './lintFiles';
import { loadTerms } from './terms';
import { WORKER_MARK } from './parallel';
import { EXTENSIONS, expandInputs } from './files';
import { type FileFindings, formatSarif, formatText, jsonChunks, recordsOf, summaryLine, toRecords } from './report';
import { runReport } from './usageReport';
import { VERSION } from '../version';

export interface CliIO {
  /** May return a promise that settles when the output has room again (a pipe that is not read fast enough). */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
  /** Colour the text report (a TTY without NO_COLOR). */
  color?: boolean;
}

export { VERSION } from '../version';

/** How term files are named, one pattern per reader: `*.terms.json`, `*.tbx`, `*.terms.csv`, `*.terms.tsv`. */
const TERM_LIST_NAMES = TERM_LIST_READERS.flatMap((r) => r.suffixes.map((s) => `*${s}`)).join(', ');

const USAGE = `Usage: termlint [paths or globs…] [options]
       termlint report [paths or globs…] [--out FILE] [--format html|json|md] [options]
       termlint --explain TERM [--terms FILE]… [--no-default-terms] [--format text|json]
       termlint extract FILE [--out FILE.terms.json] [--min-count N] [--terms FILE]… [--no-default-terms]
       termlint convert IN OUT [--tbx-version 2|3]

Checks Markdown, plain-text and HTML drafts against term lists and reports inconsistent spellings of terms.
Without paths, checks the files under the current folder named *.${EXTENSIONS.join(', *.')}.

Options:
  --terms FILE          a term list (JSON, TBX, CSV or TSV, by its extension); repeatable. Without it:
                        the bundled list plus every ${TERM_LIST_NAMES} under the current folder
  --no-default-terms    do not use the bundled term list
  --format FORMAT       text (default), json or sarif
  --fix                 rewrite files with every preferred fix applied (atomically) and report the changes
  --no-fuzzy            do not look for misspellings
  --no-consistency      do not flag mixing acceptable forms of one term
  --kinds LIST          only these kinds, comma-separated (${VARIANT_KINDS.join(', ')})
  --max-file-size BYTES skip larger files (default 50000000)
  --lang TAG            the language of files whose name names none (draft.zh.md, draft.zh-Hant.md):
                        en, zh-Hans, zh-Hant, zh-HK, … or auto (default: Chinese when mostly Han)
  --jobs N              lint on N threads (default: one per core once there is over 1 MB to check;
                        1 = single-threaded); the report is the same either way
  --explain TERM        show the concept TERM belongs to (any of its forms, in any language, or a
                        variant of one): its forms in every language and which list contributed what
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no findings, 1 findings, 2 usage or term-list error.
termlint report --help and termlint extract --help describe those commands.
`;

interface CliOptions extends LintRun {
  inputs: string[];
  format: 'text' | 'json' | 'sarif';
  /** `--explain TERM`: explain instead of linting. */
  explain?: string;
}

function parseOptions(argv: string[]): CliOptions | 'help' | 'version' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...LINT_ARGS,
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean' },
      explain: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unknown --format "${format}" (text, json or sarif)`);
  if (v.explain !== undefined) {
    if (v.explain.trim() === '') throw new UsageError('--explain needs a term');
    if (format === 'sarif') throw new UsageError('--explain prints text or json');
    if (parsed.positionals.length > 0) throw new UsageError('--explain takes no paths');
  }
  return {
    ...lintArgsFrom(v),
    inputs: parsed.positionals,
    format,
    fix: v.fix ?? false,
    announceFixes: format === 'text',
    occurrences: false,
    ...(v.explain !== undefined ? { explain: v.explain } : {}),
  };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'extract') return runExtract(argv.slice(1), io);
  if (argv[0] === 'report') return runReport(argv.slice(1), io);
  if (argv[0] === 'convert') return runConvert(argv.slice(1), io);
  let opts: CliOptions | 'help' | 'version';
  try {
    opts = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`termlint: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    await io.stdout(USAGE);
    return 0;
  }
  if (opts === 'version') {
    await io.stdout(`${VERSION}\n`);
    return 0;
  }
  const compiled = await loadTerms(opts, io);
  if (!compiled) return 2;
  if (opts.explain !== undefined) return explain(opts.explain, compiled, opts.format === 'json' ? 'json' : 'text', io);

  const { files, missing } = await expandInputs(opts.inputs, io.cwd);
  for (const m of missing) io.stderr(`termlint: no such file or folder: ${m}\n`);
  if (missing.length > 0) return 2;

  const reports: FileFindings[] = [];
  let fixedCount = 0;
  await lintFiles(files, compiled, opts, io, (o) => {
    if (o.report) reports.push(o.report);
    fixedCount += o.fixed;
  });

  const found = reports.some((r) => r.findings.length > 0);
  if (opts.format === 'json') {
    const all = (function* () {
      for (const r of reports) yield* recordsOf(r);
    })();
    await writeChunks(io, jsonChunks(all, all, all), '\n');
  } else if (opts.format === 'sarif') await writeChunks(io, formatSarif(reports.filter((r) => r.findings.length > 0), VERSION, pathToFileURL(io.cwd).href));
  else {
    const records = reports.flatMap(toRecords);
    if (records.length > 0) await writeChunks(io, formatText(records, (id, language) => termsIn(compiled, language).get(id), files.length, { color: io.color ?? false }));
    else await io.stdout(`${summaryLine(records, files.length)}\n`);
    if (opts.fix) await io.stdout(`Fixed ${fixedCount} finding${fixedCount === 1 ? '' : 's'}.\n`);
  }
  return found ? 1 : 0;
}

/** A lint worker thread (`termlint` and `termlint report` both start them). */
export const runCliWorker = runLintWorker;

export function isCliWorker(data: unknown): data is { lists: TermList[]; options: LintRun } {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)[WORKER_MARK] === true;
}

/**
 * Writes a report in pieces of about a megabyte, waiting whenever the output is full: one string for millions
 * of findings would be too long, and writing faster than a pipe is read would buffer the whole report.
 */
async function writeChunks(io: CliIO, chunks: Iterable<string>, end = ''): Promise<void> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 1 << 20) {
      await io.stdout(buffer);
      buffer = '';
    }
  }
  await io.stdout(buffer + end);
}
