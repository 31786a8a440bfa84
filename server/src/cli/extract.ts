/**
 * `termlint extract FILE [--out FILE.terms.json] [--min-count N] [--title T] [--terms FILE]… [--no-default-terms]`:
 * proposes a term list from a source document. The proposal is set against the lists in force (the bundled
 * one and the folder's, or `--terms`, as for linting): a term they already have is marked in the summary and
 * left out unless it adds forms, and one they would correct is left out (core/extract/against.ts), so saving
 * the proposal never weakens them. It is validated with the same parser every term file goes through before
 * anything is written, written atomically, and summarised as a table (on stderr when the JSON goes to stdout,
 * so `termlint extract a.md > a.terms.json` stays clean).
 * Exit codes: 0 written, 1 the proposal failed validation (a bug: nothing written), 2 usage, I/O or term-list error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExtractedTerm, type ExtractionResult, extractTerms, toTermFileJson } from '../core/extract';
import { type ProposalVerdict, checkAgainstLists, keepWhatAdds, whereIs } from '../core/extract/against';
import { jsonReader } from '../core/termlists/json';
import { UsageError, parseArgsOrUsage } from './args';
import { formatOf } from './files';
import { writeFileAtomic } from './write';
import { compileTerms } from '../core/compile';
import { loadRun } from './lintFiles';
import { displayPath, readLists } from './terms';

/** Same shape as the main CLI's IO, so `termlint extract …` can be dispatched with it unchanged. */
export interface ExtractIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export const EXTRACT_USAGE = `Usage: termlint extract FILE [--out FILE.terms.json] [--min-count N] [--title T]
                        [--terms FILE]… [--no-default-terms]

Proposes a term list from a source document (Markdown, plain text or HTML): proper names, abbreviations the
text defines, hyphenated compounds, recurring key phrases, and the spellings of one term the document
mixes (the majority form is approved, the others forbidden). Each entry's note says why it was proposed.
Terms the lists in force already have are marked and left out unless they add forms; terms those lists
would correct are left out. Review the list before using it.

Options:
  -o, --out FILE       write the term file there (atomically) instead of printing it
  --min-count N        drop entries seen fewer than N times (default 1)
  --title T            the list's title (default "Terms from FILE")
  --terms FILE         a list in force (repeatable); default: the bundled list and every term list under
                       the current folder, as for linting
  --no-default-terms   leave out the bundled list
  -h, --help           show this help

Exit codes: 0 written, 1 the proposal failed validation (nothing written), 2 usage, I/O or term-list error.
`;


interface ExtractArgs {
  input: string;
  out?: string;
  minCount: number;
  title?: string;
  terms: string[];
  defaultTerms: boolean;
}

function parseExtractArgs(argv: string[]): ExtractArgs | 'help' {
  const parsed = parseArgsOrUsage({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      'min-count': { type: 'string' },
      title: { type: 'string' },
      terms: { type: 'string', multiple: true },
      'no-default-terms': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = parsed.values;
  if (v.help) return 'help';
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? 'Missing FILE to extract terms from' : `Expected one FILE, got ${parsed.positionals.length}`);
  }
  let minCount = 1;
  if (v['min-count'] !== undefined) {
    minCount = Number(v['min-count']);
    if (!Number.isInteger(minCount) || minCount < 1) throw new UsageError(`--min-count takes a whole number ≥ 1, not "${v['min-count']}"`);
  }
  const args: ExtractArgs = { input: parsed.positionals[0]!, minCount, terms: v.terms ?? [], defaultTerms: !v['no-default-terms'] };
  if (v.out !== undefined) {
    if (v.out === '') throw new UsageError('--out needs a file name');
    args.out = v.out;
  }
  if (v.title !== undefined) args.title = v.title;
  return args;
}

export async function runExtract(argv: string[], io: ExtractIO): Promise<number> {
  let args: ExtractArgs | 'help';
  try {
    args = parseExtractArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`termlint extract: ${e.message}\n\n${EXTRACT_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(EXTRACT_USAGE);
    return 0;
  }

  const inputPath = path.resolve(io.cwd, args.input);
  const shownInput = displayPath(inputPath, io.cwd);
  let text: string;
  try {
    text = await fs.promises.readFile(inputPath, 'utf8');
  } catch (e) {
    io.stderr(`termlint extract: cannot read ${shownInput}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }

  const outPath = args.out === undefined ? undefined : path.resolve(io.cwd, args.out);
  const shownOut = outPath === undefined ? '<stdout>' : displayPath(outPath, io.cwd);
  // The lists in force, as linting finds them (the configuration's included); the output itself (from an
  // earlier run) is not one of them.
  const run = { terms: args.terms, flags: args.defaultTerms ? {} : { useBundledTerms: false }, useConfig: true, fix: false, announceFixes: false, occurrences: false, errorOnUnmatchedPattern: true, cache: false, debug: false };
  const loaded = await loadRun(run, io);
  if (!loaded) return 2;
  const lists = readLists(loaded.termFiles.filter((f) => f !== outPath), io);
  if (!lists) {
    io.stderr('termlint extract: invalid term list; nothing was written.\n');
    return 2;
  }
  // No list at all (--no-default-terms in a folder without any) is fine: every proposal is new.
  const active = compileTerms(lists);

  const source = shownInput;
  const title = args.title ?? `Terms from ${path.basename(inputPath)}`;
  const result = extractTerms(text, { minCount: args.minCount, source, format: formatOf(inputPath) });
  const verdicts = checkAgainstLists(result, active);
  // A relative $schema is written only where it resolves: next to a terms.schema.json.
  const schema = outPath && fs.existsSync(path.join(path.dirname(outPath), 'terms.schema.json')) ? './terms.schema.json' : undefined;
  const json = toTermFileJson(keepWhatAdds(result, verdicts), { title, source, ...(schema ? { schema } : {}) });
  // The proposal goes through the reader users' JSON term files go through: what is written always loads.
  const check = jsonReader.read(json, shownOut);
  if (!check.list) {
    for (const p of check.problems) io.stderr(`${shownOut}:${p.line + 1}:${p.column + 1}  ${p.severity}  ${p.message}${p.path ? `  (at ${p.path})` : ''}\n`);
    io.stderr('termlint extract: the proposed term list is invalid (a bug in extraction); nothing was written.\n');
    return 1;
  }

  const summary = formatSummary(result, shownInput, shownOut, verdicts);
  if (outPath === undefined) {
    io.stdout(json);
    io.stderr(summary);
    return 0;
  }
  try {
    await fs.promises.mkdir(path.dirname(outPath), { recursive: true });
    writeFileAtomic(outPath, json);
  } catch (e) {
    io.stderr(`termlint extract: cannot write ${shownOut}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (!/\.terms\.json$/i.test(outPath)) {
    io.stderr(`termlint extract: note: ${shownOut} does not end in .terms.json, so it is not found as a term list automatically.\n`);
  }
  io.stdout(summary);
  return 0;
}

function otherForms(t: ExtractedTerm): string {
  return t.variants
    .filter((v) => v.kind !== 'approved')
    .map((v) => `${v.form} ×${v.count} (${v.kind})`)
    .join(', ');
}

/** What the summary says of a proposal the lists in force already know of, or "" for a new one. */
function activeText(v: ProposalVerdict | undefined): string {
  if (!v || v.status === 'new') return '';
  const at = whereIs(v.term!);
  if (v.status === 'known') return `in ${at} (left out)`;
  if (v.status === 'adds') return `adds ${[...(v.admitted ?? []), ...(v.forbidden ?? [])].map((f) => `"${f}"`).join(', ')} to ${at}`;
  return `conflicts: ${v.reason} (${at}; left out)`;
}

/** Ranked table of what was proposed, and one closing line. The "active lists" column shows only when it says something. */
export function formatSummary(result: ExtractionResult, input: string, output: string, verdicts: readonly ProposalVerdict[] = []): string {
  const active = result.terms.map((_, i) => activeText(verdicts[i]));
  const showActive = active.some((a) => a !== '');
  const header = ['#', 'term', 'category', 'count', 'spread', ...(showActive ? ['active lists'] : []), 'other forms'];
  const rows = result.terms.map((t, i) => [
    String(i + 1),
    t.entry.term,
    t.category,
    String(t.count),
    `${t.spread}/${result.paragraphs}`,
    ...(showActive ? [active[i]!] : []),
    otherForms(t),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const right = new Set([0, 3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const lines = rows.length > 0 ? [line(header), ...rows.map(line)] : [];
  const n = result.terms.length;
  const known = verdicts.filter((v) => v.status === 'known').length;
  const conflicts = verdicts.filter((v) => v.status === 'conflict').length;
  const adds = verdicts.filter((v) => v.status === 'adds').length;
  const against: string[] = [];
  if (known > 0) against.push(`${known} already in the lists in force (left out)`);
  if (adds > 0) against.push(`${adds} ${adds === 1 ? 'adds' : 'add'} forms to them`);
  if (conflicts > 0) against.push(`${conflicts} ${conflicts === 1 ? 'conflicts' : 'conflict'} with them (left out)`);
  lines.push(
    `${n} ${n === 1 ? 'term' : 'terms'} proposed from ${input} (${plural(result.words, 'word')}, ${plural(result.paragraphs, 'paragraph')})` +
      (against.length > 0 ? `; ${against.join(', ')}` : '') +
      (output === '<stdout>' ? '.' : `; written to ${output}.`),
  );
  return `${lines.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
