/** Finding the files to lint and writing fixes back safely. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { termListGlobs } from '../core/termlists/registry';
import { FORMATS, type FormatId, formatForPath } from '../core/formats';

/** Every extension a document format claims: the files the CLI checks in folders, and under the current one without paths. */
export const EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);
export const DEFAULT_PATTERNS = [`**/*.{${EXTENSIONS.join(',')}}`];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * The glob library (tinyglobby, fdir, picomatch), loaded when a glob or a folder is to be expanded: a run on
 * named files does not pay to load it.
 */
function globber(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}

/**
 * tinyglobby's isDynamicPattern (picomatch's scan): a pattern is a glob only with one of these characters
 * (`*`, `?`, `[…]`, `{…}`, `(…)`, extglobs, or a leading `!`); without any, no need to load the library to ask.
 */
export function isDynamicPattern(input: string): boolean {
  return /[*?[{(!]/.test(input) && globber().isDynamicPattern(input);
}

/** The format a file is read in: by its extension, plain text when no format claims it. */
export function formatOf(file: string): FormatId {
  return formatForPath(file).id;
}

/** Expands paths, folders and globs (relative to `cwd`) into a sorted, de-duplicated list of files. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  const patterns = inputs.length > 0 ? inputs : DEFAULT_PATTERNS;
  for (const input of patterns) {
    if (isDynamicPattern(input)) {
      for (const f of await globber().glob(input, { cwd, ignore: IGNORED, absolute: true, dot: false })) files.add(path.normalize(f));
      continue;
    }
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) {
      for (const f of await globber().glob(DEFAULT_PATTERNS, { cwd: abs, ignore: IGNORED, absolute: true })) files.add(path.normalize(f));
    } else files.add(abs);
  }
  return { files: [...files].sort(), missing };
}

/** Term files found under `cwd` when no `--terms` is given: every reader's files. */
export async function discoverTermFiles(cwd: string): Promise<string[]> {
  const found = await globber().glob(termListGlobs(), { cwd, ignore: IGNORED, absolute: true });
  return found.map((f) => path.normalize(f)).sort();
}

/** True when the start of the file has a NUL byte: not text, whatever its name says. */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}

/**
 * Replaces `file` with `content` atomically: the new text goes to a temporary file in the same folder,
 * is flushed, then renamed over the original, so an interrupted run never leaves a truncated file.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.termlint-${process.pid}-${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const fd = fs.openSync(tmp, 'w', mode ?? 0o644);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Reads a file to lint: its text (BOM apart), or undefined (with a message) when it is not to be checked. */
export function readLintable(file: string, shown: string, maxFileSize: number, stderr: (s: string) => void): { text: string; bom: string } | undefined {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileSize) {
      stderr(`${shown}: skipped, ${size} bytes is over --max-file-size ${maxFileSize}\n`);
      return undefined;
    }
    buf = fs.readFileSync(file);
  } catch (e) {
    stderr(`${shown}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
  if (looksBinary(buf)) {
    stderr(`${shown}: skipped, not a text file\n`);
    return undefined;
  }
  const decoded = decodeUtf8(buf);
  if (decoded === undefined) {
    // Decoding would turn the bytes into U+FFFD and --fix would write that back: never touch such a file.
    stderr(`${shown}: skipped, not UTF-8 text\n`);
    return undefined;
  }
  let text = decoded;
  let bom = '';
  if (text.charCodeAt(0) === 0xfeff) {
    bom = '\ufeff';
    text = text.slice(1);
  }
  return { text, bom };
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
