/**
 * One lint run over files, shared by `termlint` and `termlint report` so both see the same results for the
 * same inputs: the term lists loaded and checked, each file read (one that cannot be read or is not UTF-8 text
 * is an error of the run, said in one line), linted in its format, fixed with --fix (write.ts), on one thread
 * or on every core.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompiledTerms } from '../core/compile';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { MAX_FIX_ROUNDS, fixToFixedPoint } from '../core/fixPoint';
import { type DocumentLanguage, documentLanguage } from '../core/languages/detect';
import { lintText, lintTogether } from '../core/lint';
import type { Excepted, Finding, LintResult, Occurrence } from '../core/types';
import { compiledFromPayload, compiledPayload } from '../node/compiledCache';
import type { LintArgs } from './args';
import { type FileSettings, type ProjectSetup, loadProjectSetup, settingsResolver, termListFiles } from './config';
import { FileError, debugDetail, describeFsError } from './errors';
import { formatOf, looksBinary } from './files';
import { type ExpandedInputs, expandInputs } from './inputs';
import { type SelectedFile, type Selection, selectFiles } from './select';
import { type FileJob, type FileOutcome, PARALLEL_MIN_BYTES, defaultJobs, lintInParallel } from './parallel';
import { displayPath } from './terms';
import { type ReadFile, interruptedBackup, readTarget, resolveTarget, restoreBackup, writeFixed } from './write';

/** What a lint run needs from the command line; plain data, sent as it is to worker threads. */
export interface LintRun extends LintArgs {
  fix: boolean;
  /** Print "fixed N of M" per file (the text report does). */
  announceFixes: boolean;
  /** Keep every file's occurrences and excepted spellings (the term-usage report reads them). */
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

/**
 * The files a run checks: `inputs` expanded (node/walk.ts), then chosen by the configuration, with the folders and
 * links the expansion could not read (`problems`: errors of the run). Undefined, after saying which, when an
 * explicit input matches no file and `--no-error-on-unmatched-pattern` is not given: a typo in a CI command must
 * not pass as "no problems", so nothing is read or written then.
 */
export async function selectRunFiles(inputs: readonly string[], loaded: LoadedRun, run: LintRun, io: RunIO): Promise<(Selection & Pick<ExpandedInputs, 'problems'>) | undefined> {
  const expanded = await expandInputs(inputs, io.cwd);
  if (run.errorOnUnmatchedPattern && expanded.unmatched.length > 0) {
    for (const u of expanded.unmatched) io.stderr(`termlint: no files matched ${u.input}${u.reason ? ` (${u.reason})` : ''}\n`);
    return undefined;
  }
  return { ...selectFiles(expanded.files, inputs, io.cwd, loaded.project.settings.languages, loaded.resolve), problems: expanded.problems };
}

/** Threads for these files: --jobs, or one per two cores once there is enough text to repay starting them. */
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

export type LintOutcome = Pick<FileOutcome, 'report' | 'fixed' | 'skipped' | 'error'>;

/**
 * Checks (and with --fix, fixes) one file; what it has to say about the file goes to `stderr`. Never throws:
 * a file that cannot be read, decoded or written gets one line naming it (the stack only with --debug), and
 * the run goes on with the next. Its uses of terms are kept when the run keeps them all (the term-usage
 * report) or `keepUses` (a file of a translation pair).
 */
export function lintOne(file: string, shown: string, compiled: CompiledTerms, opts: LintRun, fileSettings: FileSettings, stderr: (s: string) => void, keepUses = false): LintOutcome {
  const fail = (message: string, e: unknown): LintOutcome => {
    stderr(`${shown}: ${message}\n${opts.debug ? `${debugDetail(e)}\n` : ''}`);
    return { fixed: 0, error: message };
  };
  let checked: ReturnType<typeof checkFile>;
  try {
    checked = checkFile(file, shown, compiled, opts, fileSettings, stderr);
  } catch (e) {
    return fail(e instanceof FileError ? e.message : internalError(e, opts), e);
  }
  if ('skipped' in checked) {
    stderr(`${shown}: ${checked.skipped}\n`);
    return { fixed: 0, skipped: checked.skipped };
  }
  let { text, findings, occurrences, excepted } = checked;
  const { language } = checked;
  const lang = language.tag === 'en' ? {} : { language };
  let fixed = 0;
  if (opts.fix && findings.length > 0) {
    const options = { ...fileSettings.lint, format: formatOf(file), lang: language.tag };
    // Fixed to a fixed point (core/fixPoint.ts): what the fixes wrote is linted again, so nothing is left.
    const last: { result?: LintResult } = {};
    const fixedText = fixToFixedPoint(text, findings, (t) => (last.result = lintText(t, compiled, options)).findings).text;
    const after = last.result;
    if (fixedText !== text && after) {
      try {
        writeFixed(checked.read, checked.bom + fixedText);
      } catch (e) {
        // Not written: the file's findings stand as they are.
        const failed = fail(`cannot fix: ${e instanceof FileError ? e.message : internalError(e, opts)}`, e);
        return { ...failed, report: { file: shown, text, findings, severity: fileSettings.settings.severity, ...lang, ...(opts.occurrences ? { occurrences, ...(excepted ? { excepted } : {}) } : {}) } };
      }
      const before = findings.length;
      fixed = before - after.findings.length;
      if (opts.announceFixes) stderr(`${shown}: fixed ${fixed} of ${before} finding${before === 1 ? '' : 's'}\n`);
      text = fixedText;
      findings = after.findings;
      occurrences = after.occurrences;
      excepted = after.excepted;
    }
  }
  // A file of a translation pair keeps its uses (and the spellings exceptions cover) for the pair's check.
  const uses = opts.occurrences || keepUses ? { occurrences, ...(excepted ? { excepted } : {}) } : {};
  return { report: { file: shown, text, findings, severity: fileSettings.settings.severity, ...lang, ...uses }, fixed };
}

/** An unexpected exception while checking one file (a bug): said in one line, the stack with --debug. */
function internalError(e: unknown, opts: LintRun): string {
  const message = e instanceof Error ? e.message : String(e);
  return `internal error: ${message}${opts.debug ? '' : ' (run with --debug for the stack trace)'}`;
}

/**
 * Lints `files` (absolute paths, with their settings) as `opts` says; outcomes come in file order, each file's
 * messages first. The files `keepUses` names keep their uses of terms (a translation pair's).
 */
export async function lintFiles(
  files: readonly SelectedFile[],
  compiled: CompiledTerms,
  opts: LintRun,
  io: RunIO,
  onOutcome: (o: LintOutcome, file: string) => void,
  keepUses: ReadonlySet<string> = new Set(),
): Promise<void> {
  // Files whose variant scope is `workspace` are counted together, on this thread; the others as ever.
  const together = files.filter((f) => f.settings.settings.variants.scope === 'workspace' && f.settings.lint.variants !== false);
  if (together.length < 2) return lintEach(files, compiled, opts, io, onOutcome, keepUses);
  const outcomes = new Map<string, { outcome: LintOutcome; stderr: string }>();
  lintTogetherFiles(together, compiled, opts, io.cwd, keepUses).forEach((o, i) => outcomes.set(together[i]!.file, o));
  const rest = files.filter((f) => !outcomes.has(f.file));
  let pending = '';
  await lintEach(
    rest,
    compiled,
    opts,
    { ...io, stderr: (s) => (pending += s) },
    (outcome, file) => {
      outcomes.set(file, { outcome, stderr: pending });
      pending = '';
    },
    keepUses,
  );
  for (const { file } of files) {
    const o = outcomes.get(file)!;
    if (o.stderr) io.stderr(o.stderr);
    onOutcome(o.outcome, file);
  }
}

/** Each file on its own: on one thread, or on several once there is enough text. */
async function lintEach(files: readonly SelectedFile[], compiled: CompiledTerms, opts: LintRun, io: RunIO, onOutcome: (o: LintOutcome, file: string) => void, keepUses: ReadonlySet<string>): Promise<void> {
  const threads = threadsFor(files.map((f) => f.file), opts);
  if (threads > 1) {
    const jobs: FileJob[] = files.map(({ file }, index) => ({ index, file, shown: displayPath(file, io.cwd), ...(keepUses.has(file) ? { keepUses: true } : {}) }));
    const lintHere = (job: FileJob): FileOutcome => {
      let stderr = '';
      const outcome = lintOne(job.file, job.shown, compiled, opts, files[job.index]!.settings, (s) => (stderr += s), job.keepUses);
      return { index: job.index, stderr, ...outcome };
    };
    await lintInParallel(jobs, compiledPayload(compiled), opts, threads, lintHere, (o) => {
      if (o.stderr) io.stderr(o.stderr);
      onOutcome(o, files[o.index]!.file);
    });
  } else {
    for (const { file, settings } of files) onOutcome(lintOne(file, displayPath(file, io.cwd), compiled, opts, settings, io.stderr, keepUses.has(file)), file);
  }
}

/** Who writes the forms, as the messages of the workspace scope say it. */
const TOGETHER_WHERE = 'the files checked write';

/**
 * The workspace scope (`--variant-scope workspace`, `variants.scope` in the configuration): the files are read,
 * then linted together (core `lintTogether`), so a form one file writes is weighed against the others' ("the files
 * checked write "cross-border" 12 times and "cross border" once"); term findings and abbreviations stay each
 * file's own, with its own settings. On this thread (the counts need every file's words at once), whatever --jobs
 * says. With --fix each file is written as it is fixed, and the files are counted again for what is left. A file
 * that cannot be read or written is an error of its own, as in `lintOne`; the others are counted without it.
 */
function lintTogetherFiles(files: readonly SelectedFile[], compiled: CompiledTerms, opts: LintRun, cwd: string, keepUses: ReadonlySet<string>): { outcome: LintOutcome; stderr: string }[] {
  const out = files.map(() => ({ outcome: { fixed: 0 } as LintOutcome, stderr: '' }));
  const docs: { i: number; shown: string; text: string; original: string; bom: string; read: ReadFile; format: ReturnType<typeof formatOf>; language: DocumentLanguage }[] = [];
  files.forEach(({ file, settings }, i) => {
    const shown = displayPath(file, cwd);
    const say = (s: string) => (out[i]!.stderr += s);
    try {
      const r = readFile(file, shown, opts, settings, say);
      if ('skipped' in r) {
        say(`${shown}: ${r.skipped}\n`);
        out[i]!.outcome = { fixed: 0, skipped: r.skipped };
      } else docs.push({ i, shown, ...r, original: r.text, format: formatOf(file), language: documentLanguage(file, settings.settings.language, r.text) });
    } catch (e) {
      const message = e instanceof FileError ? e.message : internalError(e, opts);
      say(`${shown}: ${message}\n${opts.debug ? `${debugDetail(e)}\n` : ''}`);
      out[i]!.outcome = { fixed: 0, error: message };
    }
  });
  const shared = settingsResolver(opts.setup!, opts.flags)(undefined).lint;
  // Each file in the language it was read in (a fix never changes it: it edits only terms' spans).
  const lintAll = () => lintTogether(docs.map((d) => ({ text: d.text, format: d.format, options: { ...files[d.i]!.settings.lint, lang: d.language.tag } })), compiled, shared, TOGETHER_WHERE);
  let results = lintAll();
  const before = results.map((r) => r.findings.length);
  const failed = new Map<number, string>();
  if (opts.fix) {
    // To a fixed point, as lintOne does (core/fixPoint.ts), but over all the files at once: a fix in one file
    // changes the counts the others are checked against. Written once each, when settled.
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      let changed = false;
      docs.forEach((d, k) => {
        const next = applyEdits(d.text, fixAllEdits(results[k]!.findings));
        if (next === d.text) return;
        d.text = next;
        changed = true;
      });
      if (!changed) break;
      results = lintAll();
    }
    docs.forEach((d, k) => {
      if (d.text === d.original) return;
      try {
        writeFixed(d.read, d.bom + d.text);
      } catch (e) {
        // Not written: the file's findings stand as they are.
        const message = `cannot fix: ${e instanceof FileError ? e.message : internalError(e, opts)}`;
        out[d.i]!.stderr += `${d.shown}: ${message}\n${opts.debug ? `${debugDetail(e)}\n` : ''}`;
        failed.set(k, message);
        d.text = d.original;
      }
    });
    if (failed.size > 0) results = lintAll();
  }
  docs.forEach((d, k) => {
    const r = results[k]!;
    const fixed = d.text !== d.original ? Math.max(0, before[k]! - r.findings.length) : 0;
    if (opts.announceFixes && d.text !== d.original) out[d.i]!.stderr += `${d.shown}: fixed ${fixed} of ${before[k]} finding${before[k] === 1 ? '' : 's'}\n`;
    const settings = files[d.i]!.settings;
    // A file of a translation pair keeps its uses (and the spellings exceptions cover), as lintOne's do.
    const keep = keepUses.has(files[d.i]!.file);
    const uses = opts.occurrences || keep ? { occurrences: r.occurrences, ...(r.excepted ? { excepted: r.excepted } : {}) } : {};
    const lang = d.language.tag === 'en' ? {} : { language: d.language };
    const report = { file: d.shown, text: d.text, findings: r.findings, severity: settings.settings.severity, ...lang, ...uses };
    out[d.i]!.outcome = { report, fixed, ...(failed.has(k) ? { error: failed.get(k)! } : {}) };
  });
  return out;
}

/** A lint worker thread: reads the compiled term lists it was given once, then checks files as they come. */
export function runLintWorker(port: import('node:worker_threads').MessagePort, data: { compiled: Uint8Array; options: LintRun }): void {
  const compiled = compiledFromPayload(data.compiled);
  const resolve = settingsResolver(data.options.setup!, data.options.flags);
  port.on('message', (job: FileJob) => {
    let stderr = '';
    const outcome = lintOne(job.file, job.shown, compiled, data.options, resolve(job.file), (s) => (stderr += s), job.keepUses);
    port.postMessage({ index: job.index, stderr, ...outcome } satisfies FileOutcome);
  });
}

/**
 * Reads one file to lint, or says why it was skipped (over --max-file-size). Throws a FileError whose message says
 * why it cannot be checked. An in-place fix that a killed run left half done is restored from its backup first
 * (with --fix), or reported (without).
 */
function readFile(file: string, shown: string, opts: LintRun, fileSettings: FileSettings, stderr: (s: string) => void): { text: string; bom: string; read: ReadFile } | { skipped: string } {
  let target: string;
  try {
    target = resolveTarget(file);
  } catch (e) {
    throw new FileError(`cannot read: ${describeFsError(e)}`, e);
  }
  const backup = interruptedBackup(target);
  if (backup) {
    const name = path.basename(backup);
    if (!opts.fix) throw new FileError(`cannot check: an interrupted --fix left its original text in ${name}; run with --fix to restore it and fix the file again`);
    try {
      restoreBackup(target, backup);
    } catch (e) {
      throw new FileError(`cannot restore it from ${name}, left by an interrupted --fix: ${describeFsError(e)}`, e);
    }
    stderr(`${shown}: restored from ${name}, left by an interrupted --fix\n`);
  }
  return decodeTarget(target, fileSettings.settings.maxFileSize);
}

/**
 * A document's text (its BOM apart), read for checking only (`termlint pair`), or why it is skipped (over the
 * size limit). Throws a FileError that says why it cannot be checked.
 */
export function readDocument(file: string, maxFileSize: number): { text: string; bom: string } | { skipped: string } {
  let target: string;
  try {
    target = resolveTarget(file);
  } catch (e) {
    throw new FileError(`cannot read: ${describeFsError(e)}`, e);
  }
  const decoded = decodeTarget(target, maxFileSize);
  return 'skipped' in decoded ? decoded : { text: decoded.text, bom: decoded.bom };
}

/** Reads and decodes a file as UTF-8 text, or says it is too large; throws a FileError for anything else. */
function decodeTarget(target: string, maxFileSize: number): { text: string; bom: string; read: ReadFile } | { skipped: string } {
  let read: ReturnType<typeof readTarget>;
  try {
    read = readTarget(target, maxFileSize);
  } catch (e) {
    throw new FileError(`cannot read: ${describeFsError(e)}`, e);
  }
  if ('tooLarge' in read) return { skipped: `skipped, ${read.tooLarge} bytes is over --max-file-size ${maxFileSize}` };
  const buf = read.bytes;
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new FileError('cannot check: UTF-16 text (Termlint reads UTF-8)');
  }
  if (looksBinary(buf)) throw new FileError('cannot check: not a text file');
  const decoded = decodeUtf8(buf);
  // Decoding would turn the bytes into U+FFFD and --fix would write that back: never touch such a file.
  if (decoded === undefined) throw new FileError('cannot check: not UTF-8 text');
  let text = decoded;
  let bom = '';
  if (text.charCodeAt(0) === 0xfeff) {
    bom = '\ufeff';
    text = text.slice(1);
  }
  return { text, bom, read };
}

/** Reads and lints one file (in its language: its name, its settings, its text), or says why it was skipped; throws a FileError as `readFile` does. */
function checkFile(
  file: string,
  shown: string,
  compiled: CompiledTerms,
  opts: LintRun,
  fileSettings: FileSettings,
  stderr: (s: string) => void,
): { text: string; bom: string; findings: Finding[]; occurrences: Occurrence[]; excepted?: Excepted[]; language: DocumentLanguage; read: ReadFile } | { skipped: string } {
  const r = readFile(file, shown, opts, fileSettings, stderr);
  if ('skipped' in r) return r;
  const language = documentLanguage(file, fileSettings.settings.language, r.text);
  const { findings, occurrences, excepted } = lintText(r.text, compiled, { ...fileSettings.lint, format: formatOf(file), lang: language.tag });
  return { ...r, findings, occurrences, ...(excepted ? { excepted } : {}), language };
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
