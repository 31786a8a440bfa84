/**
 * `termlint [paths or globs…] [--terms FILE]… [--no-default-terms] [--format text|json|sarif] [--fix]`
 * Exit codes: 0 no findings, 1 findings, 2 usage or term-list error (nothing written). With no term list at
 * all, only the checks that need none run (variants, abbreviations).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CompiledTerms, compileTerms } from '../core/compile';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { lintText } from '../core/lint';
import type { Finding, LintOptions, TermList, VariantChecks, VariantKind } from '../core/types';
import { VARIANT_KINDS } from '../core/types';
import { TERM_LIST_READERS } from '../core/termlists/registry';
import { bundledTermFiles, readTermFile } from '../node/termFiles';
import { UsageError, parseArgsOrUsage } from './args';
import { runExtract } from './extract';
import { type FileJob, type FileOutcome, PARALLEL_MIN_BYTES, WORKER_MARK, defaultJobs, lintInParallel } from './parallel';
import { EXTENSIONS, discoverTermFiles, expandInputs, formatOf, readLintable, writeFileAtomic } from './files';
import { type FileFindings, formatSarif, formatText, jsonChunks, recordsOf, summaryLine, toRecords } from './report';
import { lintFilesTogether } from './together';

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

/** The classes of variant `--variants` names (LintOptions.variants). */
const VARIANT_CLASSES = ['hyphenation', 'spelling', 'capitalization'] as const;

/** How term files are named, one pattern per reader: `*.terms.json`. */
const TERM_LIST_NAMES = TERM_LIST_READERS.flatMap((r) => r.suffixes.map((s) => `*${s}`)).join(', ');

const USAGE = `Usage: termlint [paths or globs…] [options]
       termlint extract FILE [--out FILE.terms.json] [--min-count N]

Checks Markdown, plain-text and HTML drafts against term lists and reports inconsistent spellings of terms,
and words, phrases and abbreviations a draft writes more than one way (these need no term list).
Without paths, checks the files under the current folder named *.${EXTENSIONS.join(', *.')}.

Options:
  --terms FILE          a term list (${TERM_LIST_NAMES}); repeatable. Without it: the bundled list plus
                        every ${TERM_LIST_NAMES} under the current folder
  --no-default-terms    do not use the bundled term list
  --format FORMAT       text (default), json or sarif
  --fix                 rewrite files with every preferred fix applied (atomically) and report the changes
  --no-fuzzy            do not look for misspellings
  --no-consistency      do not flag mixing acceptable forms of one term
  --no-variants         do not flag words and phrases written two ways (kind variant)
  --variants LIST       only these classes of variant, comma-separated (${VARIANT_CLASSES.join(', ')})
  --variant-scope SCOPE document (default: each file on its own), workspace (count forms across every file
                        checked, one report), or off
  --no-abbreviations    do not check abbreviations (kinds abbreviation, expansion, unused-abbreviation)
  --kinds LIST          only these kinds, comma-separated (${VARIANT_KINDS.join(', ')})
  --max-file-size BYTES skip larger files (default 50000000)
  --jobs N              lint on N threads (default: one per core once there is over 1 MB to check;
                        1 = single-threaded); the report is the same either way
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no findings, 1 findings, 2 usage or term-list error.
`;


export interface CliOptions {
  inputs: string[];
  terms: string[];
  defaultTerms: boolean;
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  lint: Omit<LintOptions, 'format'>;
  maxFileSize: number;
  /** Threads to lint on; undefined: decide by the amount of text. */
  jobs?: number;
  /** Count variants across every file checked (`--variant-scope workspace`). */
  together: boolean;
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
      'no-variants': { type: 'boolean' },
      variants: { type: 'string' },
      'variant-scope': { type: 'string' },
      'no-abbreviations': { type: 'boolean' },
      kinds: { type: 'string' },
      'max-file-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unknown --format "${format}" (text, json or sarif)`);
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
  const scope = v['variant-scope'] ?? 'document';
  if (scope !== 'document' && scope !== 'workspace' && scope !== 'off') throw new UsageError(`Unknown --variant-scope "${scope}" (document, workspace or off)`);
  const lint: CliOptions['lint'] = { fuzzy: !v['no-fuzzy'], consistency: !v['no-consistency'] };
  if (kinds) lint.kinds = kinds;
  if (v['no-variants'] || scope === 'off') lint.variants = false;
  else if (v.variants !== undefined) {
    const named = v.variants.split(',').map((c) => c.trim()).filter(Boolean);
    const unknown = named.filter((c) => !(VARIANT_CLASSES as readonly string[]).includes(c));
    if (unknown.length > 0 || named.length === 0) throw new UsageError(`Unknown --variants class(es) ${unknown.join(', ') || '(none named)'} (${VARIANT_CLASSES.join(', ')})`);
    const checks: VariantChecks = {};
    for (const c of VARIANT_CLASSES) checks[c] = named.includes(c);
    lint.variants = checks;
  }
  if (v['no-abbreviations']) lint.abbreviations = false;
  return {
    inputs: parsed.positionals,
    terms: v.terms ?? [],
    defaultTerms: !v['no-default-terms'],
    format,
    fix: v.fix ?? false,
    lint,
    maxFileSize,
    ...(jobs !== undefined ? { jobs } : {}),
    together: scope === 'workspace' && lint.variants !== false,
  };
}

/** Whether the checks that need no term list run at all with these options. */
function listFreeChecks(opts: CliOptions): boolean {
  const wanted = (k: VariantKind) => !opts.lint.kinds || opts.lint.kinds.includes(k);
  const variants = opts.lint.variants !== false && wanted('variant');
  const abbreviations = opts.lint.abbreviations !== false && (['abbreviation', 'expansion', 'unused-abbreviation'] as const).some(wanted);
  return variants || abbreviations;
}

/** Loads every term list; any problem in any of them stops the run before anything is read or written. */
async function loadTerms(opts: CliOptions, io: CliIO): Promise<CompiledTerms | undefined> {
  const files: string[] = [];
  if (opts.defaultTerms) files.push(...bundledTermFiles());
  if (opts.terms.length > 0) files.push(...opts.terms.map((t) => path.resolve(io.cwd, t)));
  else files.push(...(await discoverTermFiles(io.cwd)));
  const lists: TermList[] = [];
  let failed = false;
  for (const file of [...new Set(files)]) {
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
  // No term at all: the checks that need none still run, unless they are switched off too.
  if ((lists.length === 0 || lists.every((l) => l.terms.length === 0)) && !listFreeChecks(opts)) {
    io.stderr('termlint: no terms to check against, and the checks that need none are off (use --terms FILE, drop --no-default-terms, or --no-variants / --no-abbreviations).\n');
    return undefined;
  }
  const compiled = compileTerms(lists);
  for (const w of compiled.warnings) io.stderr(`termlint: note: ${w}\n`);
  return compiled;
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
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
  const compiled = await loadTerms(opts, io);
  if (!compiled) return 2;

  const { files, missing } = await expandInputs(opts.inputs, io.cwd);
  for (const m of missing) io.stderr(`termlint: no such file or folder: ${m}\n`);
  if (missing.length > 0) return 2;

  const reports: FileFindings[] = [];
  let fixedCount = 0;
  const collect = (o: Pick<FileOutcome, 'report' | 'fixed'>) => {
    if (o.report) reports.push(o.report);
    fixedCount += o.fixed;
  };
  const threads = opts.together ? 1 : threadsFor(files, opts);
  if (opts.together) {
    const outcome = lintFilesTogether(files.map((file) => ({ file, shown: displayPath(file, io.cwd) })), compiled, opts, io.stderr);
    for (const o of outcome) collect(o);
  } else if (threads > 1) {
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
  const read = readLintable(file, shown, opts.maxFileSize, stderr);
  if (!read) return undefined;
  const { findings } = lintText(read.text, compiled, { ...opts.lint, format: formatOf(file) });
  return { ...read, findings };
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
