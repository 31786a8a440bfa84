/**
 * `termlint [paths or globs…] [--terms FILE]… [--no-default-terms] [--format text|json|sarif] [--fix]`
 * Exit codes: 0 no findings, 1 findings, 2 usage or term-list error (nothing written).
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type CompiledTerms, compileTerms } from '../core/compile';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { lintText } from '../core/lint';
import type { Finding, LintOptions, TermList, VariantKind } from '../core/types';
import { VARIANT_KINDS } from '../core/types';
import { TERM_LIST_READERS } from '../core/termlists/registry';
import { UsageError, parseArgsOrUsage } from './args';
import { runConvert } from './convert';
import { explain } from './explain';
import { runExtract } from './extract';
import { displayPath, loadTerms } from './terms';
import { type FileJob, type FileOutcome, PARALLEL_MIN_BYTES, WORKER_MARK, defaultJobs, lintInParallel } from './parallel';
import { EXTENSIONS, expandInputs, formatOf, looksBinary, writeFileAtomic } from './files';
import { type FileFindings, formatSarif, formatText, jsonChunks, recordsOf, summaryLine, toRecords } from './report';

export interface CliIO {
  /** May return a promise that settles when the output has room again (a pipe that is not read fast enough). */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
  /** Colour the text report (a TTY without NO_COLOR). */
  color?: boolean;
}

/** package.json's version, which scripts/bundle.mjs puts into the bundle (esbuild `define`). */
declare const TERMLINT_VERSION: string | undefined;
/** Termlint's version; only an unbundled build (the tests' tsc output) does not know it. */
export const VERSION = typeof TERMLINT_VERSION === 'string' ? TERMLINT_VERSION : 'unbundled';

/** How term files are named, one pattern per reader: `*.terms.json`, `*.tbx`, `*.terms.csv`, `*.terms.tsv`. */
const TERM_LIST_NAMES = TERM_LIST_READERS.flatMap((r) => r.suffixes.map((s) => `*${s}`)).join(', ');

const USAGE = `Usage: termlint [paths or globs…] [options]
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
  --jobs N              lint on N threads (default: one per core once there is over 1 MB to check;
                        1 = single-threaded); the report is the same either way
  --explain TERM        show the concept TERM belongs to (any of its forms, in any language, or a
                        variant of one): its forms in every language and which list contributed what
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no findings, 1 findings, 2 usage or term-list error.
`;


interface CliOptions {
  inputs: string[];
  terms: string[];
  defaultTerms: boolean;
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  lint: Omit<LintOptions, 'format'>;
  maxFileSize: number;
  /** `--explain TERM`: explain instead of linting. */
  explain?: string;
  /** Threads to lint on; undefined: decide by the amount of text. */
  jobs?: number;
}

function parseOptions(argv: string[]): CliOptions | 'help' | 'version' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      terms: { type: 'string', multiple: true },
      'no-default-terms': { type: 'boolean' },
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean' },
      jobs: { type: 'string' },
      'no-fuzzy': { type: 'boolean' },
      'no-consistency': { type: 'boolean' },
      kinds: { type: 'string' },
      'max-file-size': { type: 'string' },
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
  let kinds: VariantKind[] | undefined;
  if (v.kinds !== undefined) {
    kinds = v.kinds.split(',').map((k) => k.trim()).filter(Boolean) as VariantKind[];
    const unknown = kinds.filter((k) => !VARIANT_KINDS.includes(k));
    if (unknown.length > 0) throw new UsageError(`Unknown kind(s) ${unknown.join(', ')} (${VARIANT_KINDS.join(', ')})`);
  }
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs takes a whole number of threads, 1 or more');
  const maxFileSize = v['max-file-size'] === undefined ? 50_000_000 : Number(v['max-file-size']);
  if (!Number.isFinite(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
  const lint: CliOptions['lint'] = { fuzzy: !v['no-fuzzy'], consistency: !v['no-consistency'] };
  if (kinds) lint.kinds = kinds;
  return {
    inputs: parsed.positionals,
    terms: v.terms ?? [],
    defaultTerms: !v['no-default-terms'],
    format,
    fix: v.fix ?? false,
    lint,
    maxFileSize,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(v.explain !== undefined ? { explain: v.explain } : {}),
  };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'extract') return runExtract(argv.slice(1), io);
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
  const collect = (o: Pick<FileOutcome, 'report' | 'fixed'>) => {
    if (o.report) reports.push(o.report);
    fixedCount += o.fixed;
  };
  const threads = threadsFor(files, opts);
  if (threads > 1) {
    const jobs: FileJob[] = files.map((file, index) => ({ index, file, shown: displayPath(file, io.cwd) }));
    const lintHere = (job: FileJob): FileOutcome => {
      let stderr = '';
      const outcome = lintOne(job.file, job.shown, compiled, opts, (s) => (stderr += s));
      return { index: job.index, stderr, ...outcome };
    };
    await lintInParallel(jobs, compiled.lists, opts, threads, lintHere, (o) => {
      if (o.stderr) io.stderr(o.stderr);
      collect(o);
    });
  } else {
    for (const file of files) collect(lintOne(file, displayPath(file, io.cwd), compiled, opts, io.stderr));
  }

  const found = reports.some((r) => r.findings.length > 0);
  if (opts.format === 'json') {
    const all = (function* () {
      for (const r of reports) yield* recordsOf(r);
    })();
    await writeChunks(io, jsonChunks(all, all, all), '\n');
  } else if (opts.format === 'sarif') await writeChunks(io, formatSarif(reports.filter((r) => r.findings.length > 0), VERSION, pathToFileURL(io.cwd).href));
  else {
    const records = reports.flatMap(toRecords);
    if (records.length > 0) await writeChunks(io, formatText(records, compiled.terms, files.length, { color: io.color ?? false }));
    else await io.stdout(`${summaryLine(records, files.length)}\n`);
    if (opts.fix) await io.stdout(`Fixed ${fixedCount} finding${fixedCount === 1 ? '' : 's'}.\n`);
  }
  return found ? 1 : 0;
}

/** Threads for these files: --jobs, or one per core once there is enough text to repay starting them. */
function threadsFor(files: readonly string[], opts: CliOptions): number {
  if (files.length < 2) return 1;
  if (opts.jobs !== undefined) return Math.min(opts.jobs, files.length);
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file).size;
    } catch {
      // reported when the file is checked
    }
    if (bytes >= PARALLEL_MIN_BYTES) return Math.min(defaultJobs(), files.length);
  }
  return 1;
}

/** Checks (and with --fix, fixes) one file; what it has to say about the file goes to `stderr`. */
function lintOne(file: string, shown: string, compiled: CompiledTerms, opts: CliOptions, stderr: (s: string) => void): { report?: FileFindings; fixed: number } {
  const checked = checkFile(file, shown, compiled, opts, stderr);
  if (!checked) return { fixed: 0 };
  let { text, findings } = checked;
  let fixed = 0;
  if (opts.fix && findings.length > 0) {
    const edits = fixAllEdits(findings);
    const fixedText = applyEdits(text, edits);
    if (fixedText !== text) {
      writeFileAtomic(file, checked.bom + fixedText);
      const before = findings.length;
      const after = lintText(fixedText, compiled, { ...opts.lint, format: formatOf(file) }).findings;
      fixed = before - after.length;
      if (opts.format === 'text') stderr(`${shown}: fixed ${fixed} of ${before} finding${before === 1 ? '' : 's'}\n`);
      text = fixedText;
      findings = after;
    }
  }
  return { report: { file: shown, text, findings }, fixed };
}

/** A lint worker thread: compiles the term lists it was given once, then checks files as they come. */
export function runCliWorker(port: import('node:worker_threads').MessagePort, data: { lists: TermList[]; options: CliOptions }): void {
  const compiled = compileTerms(data.lists);
  port.on('message', (job: FileJob) => {
    let stderr = '';
    const outcome = lintOne(job.file, job.shown, compiled, data.options, (s) => (stderr += s));
    const message: FileOutcome = { index: job.index, fixed: outcome.fixed, stderr };
    if (outcome.report) message.report = outcome.report;
    port.postMessage(message);
  });
}

export function isCliWorker(data: unknown): data is { lists: TermList[]; options: CliOptions } {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)[WORKER_MARK] === true;
}

function checkFile(file: string, shown: string, compiled: CompiledTerms, opts: CliOptions, stderr: (s: string) => void): { text: string; bom: string; findings: Finding[] } | undefined {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > opts.maxFileSize) {
      stderr(`${shown}: skipped, ${size} bytes is over --max-file-size ${opts.maxFileSize}\n`);
      return undefined;
    }
    buf = fs.readFileSync(file);
  } catch (e) {
    stderr(`${shown}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
  if (looksBinary(buf)) {
    stderr(`${shown}: skipped, not a text file\n`);
    return undefined;
  }
  const decoded = decodeUtf8(buf);
  if (decoded === undefined) {
    // Decoding would turn the bytes into U+FFFD and --fix would write that back: never touch such a file.
    stderr(`${shown}: skipped, not UTF-8 text\n`);
    return undefined;
  }
  let text = decoded;
  let bom = '';
  if (text.charCodeAt(0) === 0xfeff) {
    bom = '\ufeff';
    text = text.slice(1);
  }
  const { findings } = lintText(text, compiled, { ...opts.lint, format: formatOf(file) });
  return { text, bom, findings };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of `buf`, or undefined when it is not valid UTF-8 (Latin-1, UTF-16, truncated sequences). */
function decodeUtf8(buf: Buffer): string | undefined {
  try {
    return strictUtf8.decode(buf);
  } catch {
    return undefined;
  }
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
