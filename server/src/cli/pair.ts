/**
 * `termlint pair SOURCE TARGET` and `termlint pair FILE.xlf…`: a source and its translation checked term by
 * term (core/translation/). Both documents are linted as usual, each in its language, and the translation's
 * blocks are checked against the source's blocks they translate; an XLIFF file holds both sides, unit by unit.
 * The report is `termlint`'s, in the same formats; exit codes too (0 nothing found, 1 findings, 2 usage, an
 * unreadable file, an invalid XLIFF file, configuration or term list).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../core/lint';
import { termsIn } from '../core/matching/hanTerms';
import { LineIndex } from '../core/lines';
import { normalizeLanguageTag } from '../core/languages/tags';
import { checkPair } from '../core/translation/check';
import { taggedName } from '../core/translation/names';
import { checkXliff, readXliff } from '../core/translation/xliff/check';
import type { CompiledTerms } from '../core/compile';
import { LINT_ARGS, UsageError, lintArgsFrom, parseArgsOrUsage } from './args';
import type { FileSettings } from './config';
import { REPORT_FORMATS, type ReportFormat, emitReport } from './emit';
import { formatOf } from './files';
import { FileError } from './errors';
import { type LintRun, loadRun, readDocument } from './lintFiles';
import { addPairFindings, pairOptions, sideOf } from './pairs';
import type { FileFindings } from './report';
import { displayPath, loadTerms, termCache } from './terms';

export const PAIR_USAGE = `Usage: termlint pair SOURCE TARGET [options]
       termlint pair FILE.xlf… [options]

Checks a translation against its source, term by term: for each term of the source (its form in the source's
language) the block of the translation that renders that block of the source must use one of the term's
approved or admitted forms in the translation's language. Blocks (headings, paragraphs, list items, table
rows) are aligned first, so a paragraph split in two or a block left out is no obstacle. The files are linted
as usual too. An XLIFF file (1.2 or 2.x) is both sides, unit by unit.

Each file's language comes from its name (report.zh.md, report.zh-Hant.md, report.en.md), an XLIFF file's
from its languages, else the options; without any, the source is Simplified Chinese and the translation is in
the configuration's translation.targetLanguage (default English).

Options:
  --terms FILE          a term list (JSON, TBX, CSV or TSV); repeatable (default: as for termlint)
  --no-default-terms    do not use the bundled term list
  --config FILE         the project configuration (default: the nearest termlint.config.json)
  --no-config           use no project configuration
  --format FORMAT       text (default), json, sarif or github
  -o, --output FILE     write the report to FILE (when the run completes) instead of stdout
  --source-lang TAG     the source's language (zh, zh-Hans, zh-Hant, …)
  --target-lang TAG     the translation's language (en, …)
  --reverse             also report the translation's terms that its source block lacks (kind unsourced)
  --no-fuzzy, --no-consistency, --kinds LIST, --max-file-size BYTES, --no-cache   as for termlint
  -h, --help            show this help

Exit codes: 0 no findings, 1 findings, 2 usage, file, XLIFF, configuration or term-list error.
`;

const XLIFF = /\.(xlf|xliff|xlf2)$/i;

interface PairArgs extends LintRun {
  files: string[];
  format: ReportFormat;
  output?: string;
  sourceLang?: string;
  targetLang?: string;
}

function parsePairArgs(argv: string[]): PairArgs | 'help' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...LINT_ARGS,
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      'source-lang': { type: 'string' },
      'target-lang': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  if (v['no-pairs']) throw new UsageError('--no-pairs is for termlint and termlint report; termlint pair checks the pair it is given');
  const format = (v.format ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}" (text, json, sarif or github)`);
  if (v.output === '') throw new UsageError('--output needs a file name');
  const files = parsed.positionals;
  const xliff = files.filter((f) => XLIFF.test(f));
  if (files.length === 0) throw new UsageError('termlint pair needs a source and its translation, or XLIFF files');
  if (xliff.length > 0 && xliff.length < files.length) throw new UsageError('Give either a source and a translation, or XLIFF files (each holds both)');
  if (xliff.length === 0 && files.length !== 2) throw new UsageError(`termlint pair takes a source and its translation: two files, not ${files.length}`);
  const lang = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const tag = normalizeLanguageTag(raw);
    if (!tag) throw new UsageError(`${name} "${raw}" is not a language tag (en, zh, zh-Hans, zh-Hant, …)`);
    return tag;
  };
  const sourceLang = lang('--source-lang', v['source-lang']);
  const targetLang = lang('--target-lang', v['target-lang']);
  return {
    ...lintArgsFrom(v),
    files,
    format,
    fix: false,
    announceFixes: false,
    occurrences: true,
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(sourceLang ? { sourceLang } : {}),
    ...(targetLang ? { targetLang } : {}),
  };
}

interface PairIO {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
  color?: boolean;
}

/** A file's text, or undefined after saying why it cannot be checked (too large, unreadable, not UTF-8 text). */
function readOrSay(file: string, shown: string, maxFileSize: number, io: PairIO): { text: string } | undefined {
  try {
    const read = readDocument(file, maxFileSize);
    if ('skipped' in read) {
      io.stderr(`${shown}: ${read.skipped}\n`);
      return undefined;
    }
    return read;
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.stderr(`${shown}: ${e.message}\n`);
    return undefined;
  }
}

/** One document read and linted in its language, as a report; undefined (after saying why) when it cannot be read. */
function lintDocument(file: string, lang: string, compiled: CompiledTerms, settings: FileSettings, io: PairIO): FileFindings | undefined {
  const shown = displayPath(file, io.cwd);
  if (!fs.existsSync(file)) {
    io.stderr(`termlint pair: no such file: ${shown}\n`);
    return undefined;
  }
  const read = readOrSay(file, shown, settings.settings.maxFileSize, io);
  if (!read) return undefined;
  const result = lintText(read.text, compiled, { ...settings.lint, format: formatOf(file), lang });
  // Read in the pair's language (a Chinese source through the Han matcher), and said so beside its name.
  const language = lang === 'en' ? {} : { language: { tag: lang, source: 'file name' as const } };
  return { file: shown, text: read.text, findings: result.findings, severity: settings.settings.severity, ...language, occurrences: result.occurrences, ...(result.excepted ? { excepted: result.excepted } : {}) };
}

export async function runPair(argv: string[], io: PairIO): Promise<number> {
  let args: PairArgs | 'help';
  try {
    args = parsePairArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`termlint pair: ${e.message}\n\n${PAIR_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    await io.stdout(PAIR_USAGE);
    return 0;
  }
  const loaded = await loadRun(args, io);
  if (!loaded) return 2;
  const compiled = loadTerms(loaded.termFiles, io, 'termlint pair', false, termCache(args));
  if (!compiled) return 2;
  const files = args.files.map((f) => path.resolve(io.cwd, f));
  const defaults = loaded.project.settings.translation;
  const reports: FileFindings[] = [];
  let pairs = 0;

  if (XLIFF.test(files[0]!)) {
    for (const file of files) {
      const shown = displayPath(file, io.cwd);
      const settings = loaded.resolve(file);
      if (!fs.existsSync(file)) {
        io.stderr(`termlint pair: no such file: ${shown}\n`);
        return 2;
      }
      const read = readOrSay(file, shown, settings.settings.maxFileSize, io);
      if (!read) return 2;
      const parsed = readXliff(read.text);
      if ('error' in parsed) {
        const at = new LineIndex(read.text).at(parsed.error.offset);
        io.stderr(`${shown}:${at.line + 1}:${at.column + 1}  error  ${parsed.error.message}\n`);
        io.stderr('termlint pair: invalid XLIFF file; nothing was checked.\n');
        return 2;
      }
      const doc = parsed.document;
      const langs = { source: args.sourceLang ?? doc.sourceLang ?? 'zh-Hans', target: args.targetLang ?? doc.targetLang ?? defaults.targetLanguage };
      const check = checkXliff(doc, compiled, langs, pairOptions(settings));
      if (check.translated < check.units) io.stderr(`${shown}: ${check.units - check.translated} of ${check.units} units have no target yet: not checked\n`);
      pairs += check.translated;
      // The source is in the same file: its units are the counterparts of the translation findings.
      const self = { file: shown, text: read.text };
      const sources = new Map(check.findings.filter((f) => f.counterpart).map((f) => [f, self] as const));
      const report: FileFindings = { file: shown, text: read.text, findings: check.findings, severity: settings.settings.severity, sources };
      reports.push(report);
    }
  } else {
    const [sourceFile, targetFile] = files as [string, string];
    if (sourceFile === targetFile) {
      io.stderr(`termlint pair: the source and the translation are the same file: ${displayPath(sourceFile, io.cwd)}\n\n${PAIR_USAGE}`);
      return 2;
    }
    const sourceLang = args.sourceLang ?? taggedName(sourceFile)?.lang ?? 'zh-Hans';
    const targetLang = args.targetLang ?? taggedName(targetFile)?.lang ?? defaults.targetLanguage;
    const targetSettings = loaded.resolve(targetFile);
    const source = lintDocument(sourceFile, sourceLang, compiled, loaded.resolve(sourceFile), io);
    const target = lintDocument(targetFile, targetLang, compiled, targetSettings, io);
    if (!source || !target) return 2;
    const check = checkPair(sideOf(sourceFile, source, sourceLang), sideOf(targetFile, target, targetLang), compiled, pairOptions(targetSettings));
    addPairFindings(target, check.findings, { file: source.file, text: source.text });
    reports.push(source, target);
    pairs = 1;
  }
  const fileCount = reports.length;
  const written = await emitReport(reports, (id, language) => termsIn(compiled, language).get(id), fileCount, { skipped: 0, pairs }, { format: args.format, ...(args.output !== undefined ? { output: args.output } : {}) }, io);
  if (!written) return 2;
  return reports.some((r) => r.findings.length > 0) ? 1 : 0;
}
