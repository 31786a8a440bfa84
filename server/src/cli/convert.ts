/**
 * `termlint convert IN OUT [--tbx-version 2|3]`: a term list from one format to another, each chosen by its
 * file's extension (`.terms.json`/`.json`, `.tbx`/`.xml`, `.csv`, `.tsv`). IN is read and checked like any
 * term list (a problem stops the command, positioned, and nothing is written); OUT is written atomically and
 * read back, and compared with what was written (core/termlists/readBack.ts), before it replaces anything. Whatever OUT's format has no place for is named on stderr.
 * Exit codes: 0 written, 1 the output failed to read back (a bug: nothing written), 2 usage, I/O or a
 * problem in IN.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readerForName } from '../core/termlists/registry';
import { readBackLosses } from '../core/termlists/readBack';
import type { WriteOptions } from '../core/termlists/reader';
import { readTermFile } from '../node/termFiles';
import { UsageError, parseArgsOrUsage } from './args';
import { writeFileAtomic } from './write';
import { displayPath, formatProblem } from './terms';

export interface ConvertIO {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
}

export const CONVERT_USAGE = `Usage: termlint convert IN OUT [--tbx-version 2|3]

Converts a term list between formats, each chosen by its file's extension: JSON (.terms.json, .json),
TBX-Basic (.tbx, .xml; read as TBX v2 or v3, written as ISO 30042:2019 TBX v3 unless --tbx-version 2),
CSV (.csv) and TSV (.tsv). What the output format cannot hold is named on stderr.

Options:
  --tbx-version N    2 or 3 (default 3): the TBX version written
  -h, --help         show this help

Exit codes: 0 written, 1 the output did not read back (nothing written), 2 usage, I/O or term-list error.
`;

const FORMAT_NAMES: Record<string, string> = { json: 'JSON', tbx: 'TBX', csv: 'CSV' };

function parseConvertArgs(argv: string[]): { input: string; output: string; options: WriteOptions } | 'help' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { 'tbx-version': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length !== 2) throw new UsageError(`Expected IN and OUT, got ${parsed.positionals.length} file${parsed.positionals.length === 1 ? '' : 's'}`);
  const options: WriteOptions = {};
  const v = parsed.values['tbx-version'];
  if (v !== undefined) {
    if (v !== '2' && v !== '3') throw new UsageError(`--tbx-version is 2 or 3, not "${v}"`);
    options.tbxVersion = v === '2' ? 2 : 3;
  }
  return { input: parsed.positionals[0]!, output: parsed.positionals[1]!, options };
}

export async function runConvert(argv: string[], io: ConvertIO): Promise<number> {
  let args: ReturnType<typeof parseConvertArgs>;
  try {
    args = parseConvertArgs(argv);
    if (args !== 'help') {
      if (!readerForName(args.input)) throw new UsageError(`Cannot tell the format of ${args.input} from its name: use .terms.json, .json, .tbx, .xml, .csv or .tsv`);
      if (!readerForName(args.output)) throw new UsageError(`Cannot tell the format of ${args.output} from its name: use .terms.json, .json, .tbx, .xml, .csv or .tsv`);
      if (path.resolve(io.cwd, args.input) === path.resolve(io.cwd, args.output)) throw new UsageError('IN and OUT are the same file');
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`termlint convert: ${e.message}\n\n${CONVERT_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    await io.stdout(CONVERT_USAGE);
    return 0;
  }
  const inPath = path.resolve(io.cwd, args.input);
  const outPath = path.resolve(io.cwd, args.output);
  const shownIn = displayPath(inPath, io.cwd);
  const shownOut = displayPath(outPath, io.cwd);
  const read = readTermFile(inPath, shownIn);
  for (const p of read.problems) io.stderr(formatProblem(shownIn, p));
  if (!read.list) {
    io.stderr('termlint convert: invalid term list; nothing was written.\n');
    return 2;
  }
  const writer = readerForName(outPath)!;
  const delimiter = /\.tsv$/i.test(outPath) ? '\t' : ',';
  const written = writer.write(read.list, { ...args.options, delimiter });
  // What is written must read back: a writer's bug never replaces a file.
  const back = writer.read(written.text, shownOut);
  // Read back, every concept keeps its languages, approved forms and abbreviations (a writer's forgotten field
  // is a bug, never a silent loss); what the format has no place for is in `dropped` instead.
  const losses = back.list ? readBackLosses(read.list, back.list, writer.id !== 'tbx') : [];
  if (!back.list || losses.length > 0) {
    for (const p of back.problems) io.stderr(formatProblem(shownOut, p));
    for (const line of losses) io.stderr(`termlint convert: ${shownOut} read back without what was written: ${line}.\n`);
    io.stderr('termlint convert: the converted list does not read back (a bug in the writer); nothing was written.\n');
    return 1;
  }
  try {
    await fs.promises.mkdir(path.dirname(outPath), { recursive: true });
    writeFileAtomic(outPath, written.text);
  } catch (e) {
    io.stderr(`termlint convert: cannot write ${shownOut}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const to = writer.id === 'tbx' ? `TBX v${args.options.tbxVersion ?? 3}` : (FORMAT_NAMES[writer.id] ?? writer.id) + (delimiter === '\t' ? ' (TSV)' : '');
  for (const line of written.reshaped ?? []) io.stderr(`termlint convert: note: ${to} has no place for ${line}.\n`);
  for (const line of written.dropped) io.stderr(`termlint convert: note: ${to} has no place for ${line}; not written.\n`);
  const n = read.list.terms.length;
  await io.stdout(`${n} ${n === 1 ? 'entry' : 'entries'} from ${shownIn} written to ${shownOut} (${to}).\n`);
  return 0;
}
