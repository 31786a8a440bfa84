/**
 * Reading the term lists a command works with (which ones: `termListFiles` in config.ts, from the flags and the
 * project configuration), shared by linting, `report`, `--explain` and `extract`; any problem in any list stops
 * the command before anything is read or written.
 */
import * as path from 'node:path';
import { type CompiledTerms, compileTerms } from '../core/compile';
import type { LintOptions, TermFileProblem, TermList, VariantKind } from '../core/types';
import { readTermFile } from '../node/termFiles';

export interface TermsIO {
  stderr: (s: string) => void;
  cwd: string;
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

/** Reads every list; undefined (after printing each problem) when one of them has an error. */
export function readLists(files: readonly string[], io: TermsIO): TermList[] | undefined {
  const lists: TermList[] = [];
  let failed = false;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const result = readTermFile(file, shown);
    for (const p of result.problems) io.stderr(formatProblem(shown, p));
    if (result.list) lists.push(result.list);
    else failed = true;
  }
  return failed ? undefined : lists;
}

/**
 * Loads and compiles the lists; undefined (with a message) when one is invalid, or when there are no terms at all
 * and `listFree` is false (the checks that need no term list, variants and abbreviations, are off): with them on,
 * an empty set of lists is a run of those checks alone.
 */
export function loadTerms(files: readonly string[], io: TermsIO, command = 'termlint', listFree = false): CompiledTerms | undefined {
  const lists = readLists(files, io);
  if (!lists) {
    io.stderr(`${command}: invalid term list; nothing was checked or written.\n`);
    return undefined;
  }
  if ((lists.length === 0 || lists.every((l) => l.terms.length === 0)) && !listFree) {
    io.stderr(`${command}: no terms to check against, and the checks that need none are off (use --terms FILE, drop --no-default-terms, or drop --no-variants / --no-abbreviations).\n`);
    return undefined;
  }
  const compiled = compileTerms(lists);
  for (const w of compiled.warnings) io.stderr(`${command}: note: ${w}\n`);
  return compiled;
}

/** Whether the checks that need no term list (variants, abbreviations) run with these engine options. */
export function listFreeChecks(lint: Omit<LintOptions, 'format'>): boolean {
  const wanted = (k: VariantKind) => !lint.kinds || lint.kinds.includes(k);
  const variants = lint.variants !== false && wanted('variant');
  const abbreviations = lint.abbreviations !== false && (['abbreviation', 'expansion', 'unused-abbreviation'] as const).some(wanted);
  return variants || abbreviations;
}
