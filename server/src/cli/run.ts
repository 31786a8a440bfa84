/**
 * `termlint [paths or globs…] [--terms FILE]… [--no-default-terms] [--format text|json|sarif|github] [--fix]`, and
 * the commands `termlint report` (usageReport.ts), `termlint extract` (extract.ts), `termlint convert`
 * (convert.ts) and `termlint --explain TERM` (explain.ts).
 * Exit codes: 0 no findings, 1 findings, 2 usage, configuration or term-list error or an input that matches
 * nothing (nothing written), or a file that could not be read, decoded or written (each said on its own line;
 * the rest are checked and reported). With no term list at all, only the checks that need none run (variants,
 * abbreviations).
 */
import { termsIn } from '../core/matching/hanTerms';
import { VARIANT_KINDS } from '../core/types';
import { TERM_LIST_READERS } from '../core/termlists/registry';
import { LINT_ARGS, UsageError, VARIANT_CLASSES, lintArgsFrom, parseArgsOrUsage } from './args';
import { runConvert } from './convert';
import { explain } from './explain';
import { runExtract } from './extract';
import { REPORT_FORMATS, type ReportFormat, emitReport } from './emit';
import { type LintRun, lintFiles, loadRun, runLintWorker, selectRunFiles } from './lintFiles';
import { WORKER_MARK } from './parallel';
import { printConfig } from './printConfig';
import { EXTENSIONS } from './files';
import type { FileFindings, FileProblem, SummaryCounts } from './report';
import { checkRunPairs, runPairs } from './pairs';
import { runPair } from './pair';
import { displayPath, listFreeChecks, loadTerms, termCache } from './terms';
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
       termlint --print-config FILE
       termlint extract FILE [--out FILE.terms.json] [--min-count N] [--title T] [--terms FILE]… [--no-default-terms]
       termlint convert IN OUT [--tbx-version 2|3]
       termlint pair SOURCE TARGET [options]     termlint pair FILE.xlf… [options]

Checks Markdown, plain-text and HTML drafts against term lists and reports inconsistent spellings of terms,
and words, phrases and abbreviations a draft writes more than one way (these need no term list).
Without paths, checks the files under the current folder named *.${EXTENSIONS.join(', *.')}.

Options:
  --terms FILE          a term list (JSON, TBX, CSV or TSV, by its extension); repeatable. Without it: the
                        bundled list plus the configuration's termFiles (default: every ${TERM_LIST_NAMES}
                        under its folder, or the current one) and the editor's workspace term file
  --no-default-terms    do not use the bundled term list
  --config FILE         the project configuration (default: the nearest termlint.config.json, from the
                        current folder up to the repository's root)
  --no-config           use no project configuration
  --print-config FILE   print the settings that apply to FILE, as JSON, and check nothing
  --format FORMAT       text (default), json, sarif or github (workflow annotations)
  -o, --output FILE     write the report to FILE (when the run completes) instead of stdout
  --fix                 rewrite files with every preferred fix applied (atomically) and report the changes;
                        read-only files are left alone, links are written through
  --no-fuzzy            do not look for misspellings
  --no-consistency      do not flag mixing acceptable forms of one term
  --no-variants         do not flag words and phrases written two ways (kind variant)
  --variants LIST       only these classes of variant, comma-separated (${VARIANT_CLASSES.join(', ')})
  --variant-scope SCOPE document (default: each file on its own), workspace (count forms across every file
                        checked; those files are linted on one thread), or off
  --no-abbreviations    do not check abbreviations (kinds abbreviation, expansion, unused-abbreviation)
  --kinds LIST          only these kinds, comma-separated (${VARIANT_KINDS.join(', ')})
  --max-file-size BYTES skip larger files (default 50000000)
  --no-pairs            check no translation pairs (report.zh.md and report.en.md, or the configuration's
                        translation.pairs: the translation's terms against the source's, block by block)
  --reverse             in translation pairs, also report the translation's terms its source lacks
  --lang TAG            the language of files whose name names none (draft.zh.md, draft.zh-Hant.md):
                        en, zh-Hans, zh-Hant, zh-HK, … or auto (default: Chinese when mostly Han)
  --jobs N              lint on N threads (default: one per two cores once there is over 1 MB to check;
                        1 = single-threaded); the report is the same either way
  --explain TERM        show the concept TERM belongs to (any of its forms, in any language, or a
                        variant of one): its forms in every language and which list contributed what
  --no-error-on-unmatched-pattern
                        a path or pattern that matches no file is not an error
  --no-cache            neither read nor write compiled term lists in the cache (TERMLINT_CACHE_DIR, default
                        ~/.cache/termlint)
  --debug               show stack traces with error messages
  -h, --help            show this help
  -v, --version         show the version

Settings come from the defaults, then termlint.config.json (its overrides for each file), then these flags.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or term-list error, a path or pattern that
matches no file, or a file that could not be read, decoded or written.
termlint report --help, termlint pair --help, termlint extract --help and termlint convert --help describe
those commands.
`;


interface CliOptions extends LintRun {
  inputs: string[];
  format: ReportFormat;
  printConfig?: string;
  output?: string;
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
      'print-config': { type: 'string' },
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      explain: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const format = (v.format ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}" (text, json, sarif or github)`);
  if (v.output === '') throw new UsageError('--output needs a file name');
  if (v['print-config'] === '') throw new UsageError('--print-config needs a file name');
  if (v.explain !== undefined) {
    if (v.explain.trim() === '') throw new UsageError('--explain needs a term');
    if (format !== 'text' && format !== 'json') throw new UsageError('--explain prints text or json');
    if (parsed.positionals.length > 0) throw new UsageError('--explain takes no paths');
  }
  return {
    ...lintArgsFrom(v),
    inputs: parsed.positionals,
    format,
    fix: v.fix ?? false,
    announceFixes: format === 'text',
    occurrences: false,
    ...(v['print-config'] !== undefined ? { printConfig: v['print-config'] } : {}),
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(v.explain !== undefined ? { explain: v.explain } : {}),
  };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'extract') return runExtract(argv.slice(1), io);
  if (argv[0] === 'report') return runReport(argv.slice(1), io);
  if (argv[0] === 'convert') return runConvert(argv.slice(1), io);
  if (argv[0] === 'pair') return runPair(argv.slice(1), io);
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
  const loaded = await loadRun(opts, io);
  if (!loaded) return 2;
  if (opts.printConfig !== undefined) {
    await io.stdout(printConfig(opts.printConfig, io.cwd, loaded.setup, loaded.resolve, loaded.termFiles));
    return 0;
  }
  // No term list at all is a run of the checks that need none, when they are on.
  const compiled = loadTerms(loaded.termFiles, io, 'termlint', opts.explain === undefined && listFreeChecks(loaded.project.lint), termCache(opts));
  if (!compiled) return 2;
  if (opts.explain !== undefined) return explain(opts.explain, compiled, opts.format === 'json' ? 'json' : 'text', io);

  const selection = await selectRunFiles(opts.inputs, loaded, opts, io);
  if (!selection) return 2;
  const files = selection.files;
  const summary: SummaryCounts = { skipped: selection.skippedNamed };
  const errors: FileProblem[] = selection.problems.map((p) => ({ file: displayPath(p.path, io.cwd), message: p.message }));
  for (const p of errors) io.stderr(`${p.file}: ${p.message}\n`);

  const pairs = runPairs(files.map((f) => f.file), loaded.setup, loaded.project.settings);
  const reports: FileFindings[] = [];
  const byFile = new Map<string, FileFindings>();
  let fixedCount = 0;
  await lintFiles(
    files,
    compiled,
    opts,
    io,
    (o, file) => {
      if (o.report) {
        reports.push(o.report);
        byFile.set(file, o.report);
      }
      fixedCount += o.fixed;
      if (o.error !== undefined) errors.push({ file: displayPath(file, io.cwd), message: o.error });
    },
    new Set(pairs.flatMap((p) => [p.source, p.target])),
  );

  const pairCount = checkRunPairs(pairs, byFile, compiled, loaded.resolve).length;
  if (pairCount > 0) summary.pairs = pairCount;

  const found = reports.some((r) => r.findings.length > 0);
  const written = await emitReport(reports, (id, language) => termsIn(compiled, language).get(id), files.length, summary, { format: opts.format, ...(opts.output !== undefined ? { output: opts.output } : {}), ...(opts.fix ? { fixed: fixedCount } : {}), errors }, io);
  if (!written) return 2;
  if (errors.length > 0) {
    io.stderr(`termlint: ${errors.length} error${errors.length === 1 ? '' : 's'} (see above).\n`);
    return 2;
  }
  return found ? 1 : 0;
}

/** A lint worker thread (`termlint` and `termlint report` both start them). */
export const runCliWorker = runLintWorker;

export function isCliWorker(data: unknown): data is { compiled: Uint8Array; options: LintRun } {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)[WORKER_MARK] === true;
}
