/**
 * Reading the term lists a command works with (which ones: `termListFiles` in config.ts, from the flags and the
 * project configuration), shared by linting, `report`, `--explain` and `extract`; any problem in any list stops
 * the command before anything is read or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CompiledTerms, compileTerms } from '../core/compile';
import { readTermList } from '../core/termlists/registry';
import type { LintOptions, TermFileProblem, TermFileResult, TermList, VariantKind } from '../core/types';
import { type ListSource, cacheKey, defaultCacheDir, readCache, writeCache } from '../node/compiledCache';
import { readTermFile } from '../node/termFiles';
import { BUILD } from '../version';

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

/** Where compiled lists are cached, if anywhere (`--no-cache`, an unbundled build: nowhere), and whether to say why one was not used. */
export interface TermCache {
  dir: string | undefined;
  build: string | undefined;
  debug: boolean;
}

/** The cache a run with these flags uses: the default folder (node/compiledCache.ts) unless `--no-cache`. */
export function termCache(run: { cache: boolean; debug: boolean }): TermCache {
  return { dir: run.cache ? defaultCacheDir() : undefined, build: BUILD, debug: run.debug };
}

/**
 * Loads and compiles the lists; undefined (with a message) when one is invalid, or when there are no terms at all
 * and `listFree` is false (the checks that need no term list, variants and abbreviations, are off): with them on,
 * an empty set of lists is a run of those checks alone. With a cache, lists compiled before (the same names and
 * bytes, the same build of Termlint) are read back from it instead, their warnings said again; lists compiled
 * here are written to it.
 */
export function loadTerms(files: readonly string[], io: TermsIO, command = 'termlint', listFree = false, cache?: TermCache): CompiledTerms | undefined {
  const sources = cache?.dir !== undefined && cache.build !== undefined ? readSources(files, io.cwd) : undefined;
  const key = sources && cacheKey(cache!.build!, sources);
  if (key) {
    const cached = readCache(cache!.dir!, key);
    if ('compiled' in cached) {
      cached.problems.forEach((problems, i) => {
        for (const p of problems) io.stderr(formatProblem(sources![i]!.name, p));
      });
      if (!hasTerms(cached.compiled.lists) && !listFree) return noTerms(io, command);
      for (const w of cached.compiled.warnings) io.stderr(`${command}: note: ${w}\n`);
      return cached.compiled;
    }
    if (cached.miss && cache!.debug) io.stderr(`${command}: note: compiling the term lists again: ${cached.miss}\n`);
  }
  const results = sources ? sources.map((s) => readTermList(Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength).toString('utf8'), s.name)) : undefined;
  const lists = results ? listsOf(results, sources!.map((s) => s.name), io) : readLists(files, io);
  if (!lists) {
    io.stderr(`${command}: invalid term list; nothing was checked or written.\n`);
    return undefined;
  }
  if (!hasTerms(lists) && !listFree) return noTerms(io, command);
  const compiled = compileTerms(lists);
  for (const w of compiled.warnings) io.stderr(`${command}: note: ${w}\n`);
  if (key) {
    const failed = writeCache(cache!.dir!, key, compiled, results!.map((r) => r.problems));
    if (failed && cache!.debug) io.stderr(`${command}: note: the compiled term lists are not cached: ${failed}\n`);
  }
  return compiled;
}

function hasTerms(lists: readonly TermList[]): boolean {
  return lists.some((l) => l.terms.length > 0);
}

function noTerms(io: TermsIO, command: string): undefined {
  io.stderr(`${command}: no terms to check against, and the checks that need none are off (use --terms FILE, drop --no-default-terms, or drop --no-variants / --no-abbreviations).\n`);
  return undefined;
}

/** Each list's name as shown and bytes; undefined when one cannot be read (the uncached path reports it). */
function readSources(files: readonly string[], cwd: string): ListSource[] | undefined {
  const sources: ListSource[] = [];
  for (const file of files) {
    try {
      sources.push({ name: displayPath(file, cwd), bytes: fs.readFileSync(file) });
    } catch {
      return undefined;
    }
  }
  return sources;
}

/** The lists of results already read (after printing each problem); undefined when one has an error. */
function listsOf(results: readonly TermFileResult[], names: readonly string[], io: TermsIO): TermList[] | undefined {
  const lists: TermList[] = [];
  let failed = false;
  results.forEach((result, i) => {
    for (const p of result.problems) io.stderr(formatProblem(names[i]!, p));
    if (result.list) lists.push(result.list);
    else failed = true;
  });
  return failed ? undefined : lists;
}

/** Whether the checks that need no term list (variants, abbreviations) run with these engine options. */
export function listFreeChecks(lint: Omit<LintOptions, 'format'>): boolean {
  const wanted = (k: VariantKind) => !lint.kinds || lint.kinds.includes(k);
  const variants = lint.variants !== false && wanted('variant');
  const abbreviations = lint.abbreviations !== false && (['abbreviation', 'expansion', 'unused-abbreviation'] as const).some(wanted);
  return variants || abbreviations;
}
