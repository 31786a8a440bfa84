/**
 * The term lists a command works with, as `termlint` finds them: the bundled list (unless
 * `--no-default-terms`), then every `--terms FILE`, or without any, every term list under the current folder
 * (named `*.terms.json`, `*.tbx`, `*.terms.csv` or `*.terms.tsv`). Shared by linting, `--explain` and
 * `extract`; any problem in any list stops the command before anything is read or written.
 */
import * as path from 'node:path';
import { type CompiledTerms, compileTerms } from '../core/compile';
import type { TermFileProblem, TermList } from '../core/types';
import { bundledTermFiles, readTermFile } from '../node/termFiles';
import { discoverTermFiles } from './files';

export interface TermsIO {
  stderr: (s: string) => void;
  cwd: string;
}

export interface TermsOptions {
  terms: readonly string[];
  defaultTerms: boolean;
  /** Files never used as term lists (extract's own output, which would otherwise be found under the folder). */
  exclude?: readonly string[];
}

/** Forward slashes, relative to `cwd` when the file is below it: what messages show. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** A problem as every command prints it: `file:line:col  severity  message  (at path)`. */
export function formatProblem(shown: string, p: TermFileProblem): string {
  return `${shown}:${p.line + 1}:${p.column + 1}  ${p.severity}  ${p.message}${p.path ? `  (at ${p.path})` : ''}\n`;
}

/** The term files in force, absolute, in the order they apply (later ones add to earlier ones). */
export async function termFilesFor(opts: TermsOptions, cwd: string): Promise<string[]> {
  const files: string[] = [];
  if (opts.defaultTerms) files.push(...bundledTermFiles());
  if (opts.terms.length > 0) files.push(...opts.terms.map((t) => path.resolve(cwd, t)));
  else files.push(...(await discoverTermFiles(cwd)));
  const exclude = new Set((opts.exclude ?? []).map((f) => path.resolve(cwd, f)));
  return [...new Set(files)].filter((f) => !exclude.has(f));
}

/** Reads every list; undefined (after printing each problem) when one of them has an error. */
export async function loadLists(opts: TermsOptions, io: TermsIO): Promise<TermList[] | undefined> {
  const lists: TermList[] = [];
  let failed = false;
  for (const file of await termFilesFor(opts, io.cwd)) {
    const shown = displayPath(file, io.cwd);
    const result = readTermFile(file, shown);
    for (const p of result.problems) io.stderr(formatProblem(shown, p));
    if (result.list) lists.push(result.list);
    else failed = true;
  }
  return failed ? undefined : lists;
}

/** Loads and compiles the lists; undefined (with a message) when one is invalid or there are no terms at all. */
export async function loadTerms(opts: TermsOptions, io: TermsIO, command = 'termlint'): Promise<CompiledTerms | undefined> {
  const lists = await loadLists(opts, io);
  if (!lists) {
    io.stderr(`${command}: invalid term list; nothing was checked or written.\n`);
    return undefined;
  }
  if (lists.length === 0 || lists.every((l) => l.terms.length === 0)) {
    io.stderr(`${command}: no terms to check against (use --terms FILE, or drop --no-default-terms).\n`);
    return undefined;
  }
  const compiled = compileTerms(lists);
  for (const w of compiled.warnings) io.stderr(`${command}: note: ${w}\n`);
  return compiled;
}
