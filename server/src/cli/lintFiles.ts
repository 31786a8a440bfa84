/**
 * One lint run over files, shared by `termlint` and `termlint report` so both see the same results for the
 * same inputs: the term lists loaded and checked, each file read (skipping what is not UTF-8 text), linted in
 * its format, fixed with --fix, on one thread or on every core.
 */
import * as fs from 'node:fs';
import { type CompiledTerms, compileTerms } from '../core/compile';
import { fixToFixedPoint } from '../core/fixPoint';
import { lintText } from '../core/lint';
import type { Finding, LintResult, Occurrence, TermList } from '../core/types';
import type { LintArgs } from './args';
import { type FileSettings, type ProjectSetup, loadProjectSetup, settingsResolver, termListFiles } from './config';
import { expandInputs, formatOf, looksBinary, writeFileAtomic } from './files';
import { type SelectedFile, type Selection, selectFiles } from './select';
import { type FileJob, type FileOutcome, PARALLEL_MIN_BYTES, defaultJobs, lintInParallel } from './parallel';
import { displayPath } from './terms';

/** What a lint run needs from the command line; plain data, sent as it is to worker threads. */
export interface LintRun extends LintArgs {
  fix: boolean;
  /** Print "fixed N of M" per file (the text report does). */
  announceFixes: boolean;
  /** Keep every file's occurrences (the term-usage report reads them). */
  occurrences: boolean;
  /** The configuration in force (filled in by `loadRun`, for the worker threads). */
  setup?: ProjectSetup;
}

export interface RunIO {
  stderr: (s: string) => void;
  cwd: string;
}

/** A run's configuration, read: each file's settings, the project's own (for files outside every override). */
export interface LoadedRun {
  setup: ProjectSetup;
  resolve: (file: string | undefined) => FileSettings;
  project: FileSettings;
  /** The term lists in force, in the order they apply. */
  termFiles: string[];
}

/**
 * Reads the configuration (`--config`, the nearest `termlint.config.json`, or none) and finds the term lists it and
 * the flags name. Undefined, after printing its problems, when the configuration is invalid.
 */
export async function loadRun(run: LintRun, io: RunIO): Promise<LoadedRun | undefined> {
  const setup = loadProjectSetup(io.cwd, run.config, run.useConfig, io.stderr);
  if (!setup) return undefined;
  run.setup = setup;
  const resolve = settingsResolver(setup, run.flags);
  const project = resolve(undefined);
  return { setup, resolve, project, termFiles: await termListFiles(setup, project.settings, run.terms, io.cwd) };
}

/** The files a run checks: `inputs` expanded, then chosen by the configuration (undefined: an input is missing). */
export async function selectRunFiles(inputs: readonly string[], loaded: LoadedRun, io: RunIO): Promise<Selection | undefined> {
  const expanded = await expandInputs(inputs, io.cwd);
  for (const m of expanded.missing) io.stderr(`termlint: no such file or folder: ${m}\n`);
  if (expanded.missing.length > 0) return undefined;
  return selectFiles(expanded.files, inputs, io.cwd, loaded.project.settings.languages, loaded.resolve);
}

/** Threads for these files: --jobs, or one per core once there is enough text to repay starting them. */
function threadsFor(files: readonly string[], opts: LintRun): number {
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

export type LintOutcome = Pick<FileOutcome, 'report' | 'fixed' | 'skipped'>;

/** Checks (and with --fix, fixes) one file; what it has to say about the file goes to `stderr`. */
export function lintOne(file: string, shown: string, compiled: CompiledTerms, opts: LintRun, fileSettings: FileSettings, stderr: (s: string) => void): LintOutcome {
  const checked = checkFile(file, compiled, fileSettings);
  if ('skipped' in checked) {
    stderr(`${shown}: ${checked.skipped}\n`);
    return { fixed: 0, skipped: checked.skipped };
  }
  let { text, findings, occurrences } = checked;
  let fixed = 0;
  if (opts.fix && findings.length > 0) {
    const options = { ...fileSettings.lint, format: formatOf(file) };
    // Fixed to a fixed point (core/fixPoint.ts): what the fixes wrote is linted again, so nothing is left.
    const last: { result?: LintResult } = {};
    const fixedText = fixToFixedPoint(text, findings, (t) => (last.result = lintText(t, compiled, options)).findings).text;
    const after = last.result;
    if (fixedText !== text && after) {
      writeFileAtomic(file, checked.bom + fixedText);
      const before = findings.length;
      fixed = before - after.findings.length;
      if (opts.announceFixes) stderr(`${shown}: fixed ${fixed} of ${before} finding${before === 1 ? '' : 's'}\n`);
      text = fixedText;
      findings = after.findings;
      occurrences = after.occurrences;
    }
  }
  return { report: { file: shown, text, findings, severity: fileSettings.settings.severity, ...(opts.occurrences ? { occurrences } : {}) }, fixed };
}

/** Lints `files` (absolute paths, with their settings) as `opts` says; outcomes come in file order, each file's messages first. */
export async function lintFiles(files: readonly SelectedFile[], compiled: CompiledTerms, opts: LintRun, io: RunIO, onOutcome: (o: LintOutcome, file: string) => void): Promise<void> {
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
      onOutcome(o, files[o.index]!.file);
    });
  } else {
    for (const { file, settings } of files) onOutcome(lintOne(file, displayPath(file, io.cwd), compiled, opts, settings, io.stderr), file);
  }
}

/** A lint worker thread: compiles the term lists it was given once, then checks files as they come. */
export function runLintWorker(port: import('node:worker_threads').MessagePort, data: { lists: TermList[]; options: LintRun }): void {
  const compiled = compileTerms(data.lists);
  const resolve = settingsResolver(data.options.setup!, data.options.flags);
  port.on('message', (job: FileJob) => {
    let stderr = '';
    const outcome = lintOne(job.file, job.shown, compiled, data.options, resolve(job.file), (s) => (stderr += s));
    port.postMessage({ index: job.index, stderr, ...outcome } satisfies FileOutcome);
  });
}

function checkFile(file: string, compiled: CompiledTerms, fileSettings: FileSettings): { text: string; bom: string; findings: Finding[]; occurrences: Occurrence[] } | { skipped: string } {
  let buf: Buffer;
  const { maxFileSize } = fileSettings.settings;
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileSize) return { skipped: `skipped, ${size} bytes is over --max-file-size ${maxFileSize}` };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { skipped: `cannot read: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (looksBinary(buf)) return { skipped: 'skipped, not a text file' };
  const decoded = decodeUtf8(buf);
  // Decoding would turn the bytes into U+FFFD and --fix would write that back: never touch such a file.
  if (decoded === undefined) return { skipped: 'skipped, not UTF-8 text' };
  let text = decoded;
  let bom = '';
  if (text.charCodeAt(0) === 0xfeff) {
    bom = '\ufeff';
    text = text.slice(1);
  }
  const { findings, occurrences } = lintText(text, compiled, { ...fileSettings.lint, format: formatOf(file) });
  return { text, bom, findings, occurrences };
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
