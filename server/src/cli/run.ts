/**
 * `termlint [paths or globs…] [--terms FILE]… [--no-default-terms] [--format text|json|sarif|github] [--fix]`
 * Exit codes: 0 no findings, 1 findings, 2 usage, configuration or term-list error (nothing written).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CompiledTerms, compileTerms } from '../core/compile';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { lintText } from '../core/lint';
import type { Finding, TermList, VariantKind } from '../core/types';
import { VARIANT_KINDS } from '../core/types';
import { TERM_LIST_READERS } from '../core/termlists/registry';
import { readTermFile } from '../node/termFiles';
import { UsageError, parseArgsOrUsage } from './args';
import { type FileSettings, type ProjectSetup, type SettingFlags, loadProjectSetup, settingsResolver, shownPath, termListFiles } from './config';
import { runExtract } from './extract';
import { formatGithub } from './github';
import { reportSink } from './output';
import { type FileJob, type FileOutcome, PARALLEL_MIN_BYTES, WORKER_MARK, defaultJobs, lintInParallel } from './parallel';
import { printConfig } from './printConfig';
import { EXTENSIONS, expandInputs, formatOf, looksBinary, writeFileAtomic } from './files';
import { selectFiles } from './select';
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

/** How term files are named, one pattern per reader: `*.terms.json`. */
const TERM_LIST_NAMES = TERM_LIST_READERS.flatMap((r) => r.suffixes.map((s) => `*${s}`)).join(', ');

const USAGE = `Usage: termlint [paths or globs…] [options]
       termlint --print-config FILE
       termlint extract FILE [--out FILE.terms.json] [--min-count N] [--title T]

Checks Markdown, plain-text and HTML drafts against term lists and reports inconsistent spellings of terms.
Without paths, checks the files under the current folder named *.${EXTENSIONS.join(', *.')}.

Options:
  --terms FILE          a term list (${TERM_LIST_NAMES}); repeatable. Without it: the bundled list plus the
                        configuration's termFiles (default: every ${TERM_LIST_NAMES} under its folder, or the
                        current one) and the editor's workspace term file
  --no-default-terms    do not use the bundled term list
  --config FILE         the project configuration (default: the nearest termlint.config.json, from the
                        current folder up to the repository's root)
  --no-config           use no project configuration
  --print-config FILE   print the settings that apply to FILE, as JSON, and check nothing
  --format FORMAT       text (default), json, sarif or github (workflow annotations)
  -o, --output FILE     write the report to FILE (when the run completes) instead of stdout
  --fix                 rewrite files with every preferred fix applied (atomically) and report the changes
  --no-fuzzy            do not look for misspellings
  --no-consistency      do not flag mixing acceptable forms of one term
  --kinds LIST          only these kinds, comma-separated (${VARIANT_KINDS.join(', ')})
  --max-file-size BYTES skip larger files (default 50000000)
  --jobs N              lint on N threads (default: one per core once there is over 1 MB to check;
                        1 = single-threaded); the report is the same either way
  -h, --help            show this help
  -v, --version         show the version

Settings come from the defaults, then termlint.config.json (its overrides for each file), then these flags.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or term-list error.
`;


type ReportFormat = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github'];

interface CliOptions {
  inputs: string[];
  terms: string[];
  format: ReportFormat;
  fix: boolean;
  /** What the flags set over the configuration. */
  flags: SettingFlags;
  /** `--config FILE`; `useConfig` false for `--no-config`. */
  config?: string;
  useConfig: boolean;
  printConfig?: string;
  output?: string;
  /** Threads to lint on; undefined: decide by the amount of text. */
  jobs?: number;
  /** The configuration in force (filled in once read, for the worker threads). */
  setup?: ProjectSetup;
}

function parseOptions(argv: string[]): CliOptions | 'help' | 'version' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      terms: { type: 'string', multiple: true },
      'no-default-terms': { type: 'boolean' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      'print-config': { type: 'string' },
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      jobs: { type: 'string' },
      'no-fuzzy': { type: 'boolean' },
      'no-consistency': { type: 'boolean' },
      kinds: { type: 'string' },
      'max-file-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const format = (v.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}" (text, json, sarif or github)`);
  const flags: SettingFlags = {};
  if (v.kinds !== undefined) {
    const kinds = v.kinds.split(',').map((k) => k.trim()).filter(Boolean) as VariantKind[];
    const unknown = kinds.filter((k) => !VARIANT_KINDS.includes(k));
    if (unknown.length > 0) throw new UsageError(`Unknown kind(s) ${unknown.join(', ')} (${VARIANT_KINDS.join(', ')})`);
    flags.kinds = kinds;
  }
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs takes a whole number of threads, 1 or more');
  if (v['max-file-size'] !== undefined) {
    const maxFileSize = Number(v['max-file-size']);
    if (!Number.isFinite(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
    flags.maxFileSize = maxFileSize;
  }
  if (v['no-fuzzy']) flags.fuzzy = false;
  if (v['no-consistency']) flags.consistency = false;
  if (v['no-default-terms']) flags.useBundledTerms = false;
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config exclude each other');
  if (v.output === '') throw new UsageError('--output needs a file name');
  if (v['print-config'] === '') throw new UsageError('--print-config needs a file name');
  return {
    inputs: parsed.positionals,
    terms: v.terms ?? [],
    format,
    fix: v.fix ?? false,
    flags,
    useConfig: !v['no-config'],
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(v['print-config'] !== undefined ? { printConfig: v['print-config'] } : {}),
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  };
}

/** Loads every term list; any problem in any of them stops the run before anything is read or written. */
async function loadTerms(files: readonly string[], io: CliIO): Promise<CompiledTerms | undefined> {
  const lists: TermList[] = [];
  let failed = false;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const result = readTermFile(file, shown);
    for (const p of result.problems) {
      io.stderr(`${shown}:${p.line + 1}:${p.column + 1}  ${p.severity}  ${p.message}${p.path ? `  (at ${p.path})` : ''}\n`);
    }
    if (result.list) lists.push(result.list);
    else failed = true;
  }
  if (failed) {
    io.stderr('termlint: invalid term list; nothing was checked or written.\n');
    return undefined;
  }
  if (lists.length === 0 || lists.every((l) => l.terms.length === 0)) {
    io.stderr('termlint: no terms to check against (use --terms FILE, or drop --no-default-terms).\n');
    return undefined;
  }
  const compiled = compileTerms(lists);
  for (const w of compiled.warnings) io.stderr(`termlint: note: ${w}\n`);
  return compiled;
}

function displayPath(file: string, cwd: string): string {
  return shownPath(file, cwd);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'extract') return runExtract(argv.slice(1), io);
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
  const setup = loadProjectSetup(io.cwd, opts.config, opts.useConfig, io.stderr);
  if (!setup) return 2;
  opts.setup = setup;
  const resolve = settingsResolver(setup, opts.flags);
  const project = resolve(undefined).settings;
  if (opts.printConfig !== undefined) {
    await io.stdout(printConfig(opts.printConfig, io.cwd, setup, resolve, await termListFiles(setup, project, opts.terms, io.cwd)));
    return 0;
  }
  const compiled = await loadTerms(await termListFiles(setup, project, opts.terms, io.cwd), io);
  if (!compiled) return 2;

  const expanded = await expandInputs(opts.inputs, io.cwd);
  for (const m of expanded.missing) io.stderr(`termlint: no such file or folder: ${m}\n`);
  if (expanded.missing.length > 0) return 2;
  const selection = selectFiles(expanded.files, opts.inputs, io.cwd, project.languages, resolve);
  const files = selection.files;
  const summary = { skipped: selection.skippedNamed };

  const reports: FileFindings[] = [];
  let fixedCount = 0;
  const collect = (o: Pick<FileOutcome, 'report' | 'fixed'>) => {
    if (o.report) reports.push(o.report);
    fixedCount += o.fixed;
  };
  const threads = threadsFor(files.map((f) => f.file), opts);
  if (threads > 1) {
    const jobs: FileJob[] = files.map(({ file }, index) => ({ index, file, shown: displayPath(file, io.cwd) }));
    const lintHere = (job: FileJob): FileOutcome => {
      let stderr = '';
      const outcome = lintOne(job.file, job.shown, compiled, opts, files[job.index]!.settings, (s) => (stderr += s));
      return { index: job.index, stderr, ...outcome };
    };
    await lintInParallel(jobs, compiled.lists, opts, threads, lintHere, (o) => {
      if (o.stderr) io.stderr(o.stderr);
      collect(o);
    });
  } else {
    for (const { file, settings } of files) collect(lintOne(file, displayPath(file, io.cwd), compiled, opts, settings, io.stderr));
  }

  const found = reports.some((r) => r.findings.length > 0);
  const sink = reportSink(io, opts.output === undefined ? undefined : path.resolve(io.cwd, opts.output));
  try {
    if (opts.format === 'json') {
      const all = (function* () {
        for (const r of reports) yield* recordsOf(r);
      })();
      await writeChunks(sink.write, jsonChunks(all, all, all), '\n');
    } else if (opts.format === 'sarif') await writeChunks(sink.write, formatSarif(reports.filter((r) => r.findings.length > 0), VERSION, pathToFileURL(io.cwd).href));
    else if (opts.format === 'github') await writeChunks(sink.write, formatGithub(reports, files.length, summary));
    else {
      const records = reports.flatMap(toRecords);
      if (records.length > 0) await writeChunks(sink.write, formatText(records, compiled.terms, files.length, { color: io.color === true && opts.output === undefined }, summary));
      else await sink.write(`${summaryLine(records, files.length, summary)}\n`);
      if (opts.fix) await sink.write(`Fixed ${fixedCount} finding${fixedCount === 1 ? '' : 's'}.\n`);
    }
    sink.finish();
  } catch (e) {
    sink.abort();
    if (opts.output === undefined) throw e;
    io.stderr(`termlint: cannot write ${opts.output}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
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
function lintOne(file: string, shown: string, compiled: CompiledTerms, opts: CliOptions, fileSettings: FileSettings, stderr: (s: string) => void): { report?: FileFindings; fixed: number } {
  const checked = checkFile(file, shown, compiled, fileSettings, stderr);
  if (!checked) return { fixed: 0 };
  let { text, findings } = checked;
  let fixed = 0;
  if (opts.fix && findings.length > 0) {
    const edits = fixAllEdits(findings);
    const fixedText = applyEdits(text, edits);
    if (fixedText !== text) {
      writeFileAtomic(file, checked.bom + fixedText);
      const before = findings.length;
      const after = lintText(fixedText, compiled, { ...fileSettings.lint, format: formatOf(file) }).findings;
      fixed = before - after.length;
      if (opts.format === 'text') stderr(`${shown}: fixed ${fixed} of ${before} finding${before === 1 ? '' : 's'}\n`);
      text = fixedText;
      findings = after;
    }
  }
  return { report: { file: shown, text, findings, severity: fileSettings.settings.severity }, fixed };
}

/** A lint worker thread: compiles the term lists it was given once, then checks files as they come. */
export function runCliWorker(port: import('node:worker_threads').MessagePort, data: { lists: TermList[]; options: CliOptions }): void {
  const compiled = compileTerms(data.lists);
  const resolve = settingsResolver(data.options.setup!, data.options.flags);
  port.on('message', (job: FileJob) => {
    let stderr = '';
    const outcome = lintOne(job.file, job.shown, compiled, data.options, resolve(job.file), (s) => (stderr += s));
    const message: FileOutcome = { index: job.index, fixed: outcome.fixed, stderr };
    if (outcome.report) message.report = outcome.report;
    port.postMessage(message);
  });
}

export function isCliWorker(data: unknown): data is { lists: TermList[]; options: CliOptions } {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)[WORKER_MARK] === true;
}

function checkFile(file: string, shown: string, compiled: CompiledTerms, fileSettings: FileSettings, stderr: (s: string) => void): { text: string; bom: string; findings: Finding[] } | undefined {
  let buf: Buffer;
  const { maxFileSize } = fileSettings.settings;
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileSize) {
      stderr(`${shown}: skipped, ${size} bytes is over --max-file-size ${maxFileSize}\n`);
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
  const { findings } = lintText(text, compiled, { ...fileSettings.lint, format: formatOf(file) });
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
async function writeChunks(write: (s: string) => void | Promise<void>, chunks: Iterable<string>, end = ''): Promise<void> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer + end);
}
