/**
 * One lint run over files, shared by `termlint` and `termlint report` so both see the same results for the
 * same inputs: the term lists loaded and checked, each file read (skipping what is not UTF-8 text), linted in
 * its format, fixed with --fix, on one thread or on every core.
 */
import * as fs from 'node:fs';
import { type CompiledTerms, compileTerms } from '../core/compile';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { type DocumentLanguage, documentLanguage } from '../core/languages/detect';
import { lintText } from '../core/lint';
import type { Finding, LintOptions, Occurrence, TermList } from '../core/types';
import { formatOf, looksBinary, writeFileAtomic } from './files';
import { type FileJob, type FileOutcome, PARALLEL_MIN_BYTES, defaultJobs, lintInParallel } from './parallel';
import { displayPath } from './terms';

/** What a lint run needs from the command line; plain data, sent as it is to worker threads. */
export interface LintRun {
  terms: string[];
  defaultTerms: boolean;
  lint: Omit<LintOptions, 'format'>;
  maxFileSize: number;
  /** Threads to lint on; undefined: decide by the amount of text. */
  jobs?: number;
  fix: boolean;
  /** Print "fixed N of M" per file (the text report does). */
  announceFixes: boolean;
  /** Keep every file's occurrences (the term-usage report reads them). */
  occurrences: boolean;
  /** `--lang`: the language of files whose name names none (`auto` or absent: detected from the text). */
  lang?: string;
}

export interface RunIO {
  stderr: (s: string) => void;
  cwd: string;
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
export function lintOne(file: string, shown: string, compiled: CompiledTerms, opts: LintRun, stderr: (s: string) => void): LintOutcome {
  const checked = checkFile(file, compiled, opts);
  if ('skipped' in checked) {
    stderr(`${shown}: ${checked.skipped}\n`);
    return { fixed: 0, skipped: checked.skipped };
  }
  let { text, findings, occurrences } = checked;
  const { language } = checked;
  let fixed = 0;
  if (opts.fix && findings.length > 0) {
    const edits = fixAllEdits(findings);
    const fixedText = applyEdits(text, edits);
    if (fixedText !== text) {
      writeFileAtomic(file, checked.bom + fixedText);
      const before = findings.length;
      const after = lintText(fixedText, compiled, { ...opts.lint, format: formatOf(file), lang: language.tag });
      fixed = before - after.findings.length;
      if (opts.announceFixes) stderr(`${shown}: fixed ${fixed} of ${before} finding${before === 1 ? '' : 's'}\n`);
      text = fixedText;
      findings = after.findings;
      occurrences = after.occurrences;
    }
  }
  const lang = language.tag === 'en' ? {} : { language };
  return { report: { file: shown, text, findings, ...lang, ...(opts.occurrences ? { occurrences } : {}) }, fixed };
}

/** Lints `files` (absolute paths) as `opts` says; outcomes come in file order, each file's messages first. */
export async function lintFiles(files: readonly string[], compiled: CompiledTerms, opts: LintRun, io: RunIO, onOutcome: (o: LintOutcome, file: string) => void): Promise<void> {
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
      onOutcome(o, files[o.index]!);
    });
  } else {
    for (const file of files) onOutcome(lintOne(file, displayPath(file, io.cwd), compiled, opts, io.stderr), file);
  }
}

/** A lint worker thread: compiles the term lists it was given once, then checks files as they come. */
export function runLintWorker(port: import('node:worker_threads').MessagePort, data: { lists: TermList[]; options: LintRun }): void {
  const compiled = compileTerms(data.lists);
  port.on('message', (job: FileJob) => {
    let stderr = '';
    const outcome = lintOne(job.file, job.shown, compiled, data.options, (s) => (stderr += s));
    port.postMessage({ index: job.index, stderr, ...outcome } satisfies FileOutcome);
  });
}

function checkFile(file: string, compiled: CompiledTerms, opts: LintRun): { text: string; bom: string; findings: Finding[]; occurrences: Occurrence[]; language: DocumentLanguage } | { skipped: string } {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > opts.maxFileSize) return { skipped: `skipped, ${size} bytes is over --max-file-size ${opts.maxFileSize}` };
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
  const language = documentLanguage(file, opts.lang, text);
  const { findings, occurrences } = lintText(text, compiled, { ...opts.lint, format: formatOf(file), lang: language.tag });
  return { text, bom, findings, occurrences, language };
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
