/**
 * `termlint report [paths or globs…] [--out FILE] [--format html|json|md]`: the term-usage report of a set
 * of drafts, for whoever signs off their terminology. The files are linted exactly as `termlint` lints them
 * (the same lint run, term lists and options), and the report is built from those results: its findings are
 * the linter's. The page is rendered in full before anything is written, then written atomically.
 * Exit codes: 0 written, 2 usage, term-list or I/O error (nothing written).
 */
import { termsIn } from '../core/matching/hanTerms';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildUsageReport, type CheckedFile } from '../report/build';
import { renderHtml } from '../report/html';
import { renderMarkdown } from '../report/markdown';
import type { UseLocation } from '../report/model';
import { summarySentence } from '../report/text';
import { VERSION } from '../version';
import { LINT_ARGS, UsageError, lintArgsFrom, parseArgsOrUsage } from './args';
import type { LintResult } from '../core/types';
import { type LintRun, lintFiles, loadRun, selectRunFiles } from './lintFiles';
import { checkRunPairs, runPairs } from './pairs';
import type { FileFindings } from './report';
import { displayPath, listFreeChecks, loadTerms, termCache } from './terms';
import { writeFileAtomic } from './write';

export interface ReportIO {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
}

export type ReportFormat = 'html' | 'json' | 'md';

export const REPORT_USAGE = `Usage: termlint report [paths or globs…] [--out FILE] [--format html|json|md] [options]

Writes a term-usage report of the drafts: which terms they use, how often, in which forms, and what is
still wrong, with the file and line of every use. The files, term lists and options are those of
termlint itself, and so are the findings.

Options:
  -o, --out FILE        write the report there (atomically; its folder is created) instead of to stdout
  --format FORMAT       html (one self-contained page), json or md (Markdown, for a pull request).
                        Default: from the --out file's extension (.html, .htm, .json, .md, .markdown),
                        md on stdout
  --terms FILE          a term list; repeatable (default: the bundled list plus every term list under
                        the current folder)
  --no-default-terms    do not use the bundled term list
  --no-fuzzy            do not look for misspellings
  --no-consistency      do not flag mixing acceptable forms of one term
  --no-variants         do not flag words and phrases written two ways (kind variant)
  --variants LIST       only these classes of variant (hyphenation, spelling, capitalization)
  --variant-scope SCOPE document (default), workspace (count forms across every file checked) or off
  --no-abbreviations    do not check abbreviations
  --kinds LIST          only these kinds, comma-separated
  --max-file-size BYTES skip larger files (default 50000000)
  --jobs N              lint on N threads
  -h, --help            show this help

Exit codes: 0 written, 2 usage, term-list or I/O error (nothing written).
`;

const EXTENSION_FORMATS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.json': 'json', '.md': 'md', '.markdown': 'md' };

interface ReportArgs extends LintRun {
  inputs: string[];
  out?: string;
  format: ReportFormat;
}

function parseReportArgs(argv: string[]): ReportArgs | 'help' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...LINT_ARGS, out: { type: 'string', short: 'o' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  let format: ReportFormat;
  if (v.format !== undefined) {
    if (v.format !== 'html' && v.format !== 'json' && v.format !== 'md') throw new UsageError(`Unknown --format "${v.format}" (html, json or md)`);
    format = v.format;
  } else if (v.out !== undefined) {
    const byExtension = EXTENSION_FORMATS[path.extname(v.out).toLowerCase()];
    if (!byExtension) throw new UsageError(`Cannot tell the report's format from "${v.out}": name it .html, .json or .md, or add --format html|json|md`);
    format = byExtension;
  } else format = 'md';
  if (v.out !== undefined && v.out.trim() === '') throw new UsageError('--out needs a file name');
  return {
    ...lintArgsFrom(v),
    inputs: parsed.positionals,
    ...(v.out !== undefined ? { out: v.out } : {}),
    format,
    fix: false,
    announceFixes: false,
    occurrences: true,
  };
}

/** A relative link from `fromDir` to `file`, each segment URL-encoded, with a GitHub-style line anchor. */
export function lineHref(fromDir: string, file: string, line: number): string {
  const rel = path.relative(fromDir, file).split(path.sep).map(encodeURIComponent).join('/');
  return `${rel}#L${line}`;
}

export async function runReport(argv: string[], io: ReportIO): Promise<number> {
  let args: ReportArgs | 'help';
  try {
    args = parseReportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`termlint report: ${e.message}\n\n${REPORT_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    await io.stdout(REPORT_USAGE);
    return 0;
  }
  const out = args.out !== undefined ? path.resolve(io.cwd, args.out) : undefined;
  if (out !== undefined && isFolder(out)) {
    io.stderr(`termlint report: --out ${args.out} is a folder; name the report file\n`);
    return 2;
  }
  const loaded = await loadRun(args, io);
  if (!loaded) return 2;
  const compiled = loadTerms(loaded.termFiles, io, 'termlint report', listFreeChecks(loaded.project.lint), termCache(args));
  if (!compiled) return 2;
  const selection = await selectRunFiles(args.inputs, loaded, args, io);
  if (!selection) return 2;
  let files = selection.files;
  if (out !== undefined && files.some((f) => f.file === out)) {
    // Named on its own, it is a draft the report would overwrite; found in a folder, it is the last report.
    if (args.inputs.some((i) => path.resolve(io.cwd, i) === out)) {
      io.stderr(`termlint report: --out ${args.out} is one of the files to check; write the report elsewhere\n`);
      return 2;
    }
    io.stderr(`termlint report: ${displayPath(out, io.cwd)} is the report being written: not checked\n`);
    files = files.filter((f) => f.file !== out);
  }

  const checked: CheckedFile[] = [];
  // Files and folders that could not be read or decoded are in the report as not checked, with the reason.
  const skipped: { file: string; reason: string }[] = selection.problems.map((p) => ({ file: displayPath(p.path, io.cwd), reason: p.message }));
  for (const p of skipped) io.stderr(`${p.file}: ${p.reason}\n`);
  const absolute = new Map<string, string>();
  const reports: FileFindings[] = [];
  const byFile = new Map<string, FileFindings>();
  const pairs = runPairs(files.map((f) => f.file), loaded.setup, loaded.project.settings);
  await lintFiles(
    files,
    compiled,
    args,
    io,
    (o, file) => {
      const shown = displayPath(file, io.cwd);
      absolute.set(shown, file);
      if (o.skipped !== undefined) skipped.push({ file: shown, reason: o.skipped });
      if (o.error !== undefined) skipped.push({ file: shown, reason: o.error });
      if (!o.report) return;
      reports.push(o.report);
      byFile.set(file, o.report);
    },
    new Set(pairs.flatMap((p) => [p.source, p.target])),
  );
  // A pair adds its findings to its translation's, so the report's findings stay the lint's.
  const checkedPairs = checkRunPairs(pairs, byFile, compiled, loaded.resolve);
  for (const r of reports) {
    const result: LintResult = { findings: [...r.findings], occurrences: [...(r.occurrences ?? [])], ...(r.excepted ? { excepted: [...r.excepted] } : {}) };
    checked.push({ file: r.file, text: r.text, result, terms: termsIn(compiled, r.language?.tag) });
  }

  const report = buildUsageReport(checked, {
    version: VERSION,
    lists: compiled.lists,
    options: loaded.project.lint,
    skipped,
    pairs: checkedPairs,
    // A list from outside the working folder (the bundled one, installed elsewhere) is named by its file name.
    listName: (file) => (path.isAbsolute(file) ? path.basename(file) : file),
  });
  const base = out !== undefined ? path.dirname(out) : io.cwd;
  const href = (loc: UseLocation) => lineHref(base, absolute.get(loc.file) ?? path.resolve(io.cwd, loc.file), loc.line);
  const text = args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : args.format === 'html' ? renderHtml(report, { href }) : renderMarkdown(report, { href });

  if (out === undefined) {
    await io.stdout(text);
    return 0;
  }
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    writeFileAtomic(out, text);
  } catch (e) {
    io.stderr(`termlint report: cannot write ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  await io.stdout(`${summarySentence(report)} Written to ${displayPath(out, io.cwd)}.\n`);
  return 0;
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
