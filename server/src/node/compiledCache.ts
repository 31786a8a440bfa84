/**
 * Compiled term lists cached on disk, so that a command run does not read, check and compile the same lists
 * again every time (with the misspelling index, most of what a short run spends before linting). One file per set
 * of lists in force, named by a SHA-256 of Termlint's version and build, and of each list's name and bytes: any
 * change to a list, or a new Termlint, is another file. Each file holds a fixed header (magic, layout, CRC-32 of
 * the payload, its length, the key) and the payload, `v8.serialize` of the compiled parts (core/compiledTerms.ts)
 * and the lists' warnings. A file that is short, foreign (another key or layout), corrupt (its CRC) or holds
 * data that does not check out (core/checkParts.ts) is never used: the lists are compiled again and the file
 * rewritten. Writes go to a temporary file renamed into place, so a reader sees a whole file or none; the
 * folder keeps the last MAX_FILES files used, MAX_BYTES in all. Nothing here ever fails a run: a cache that
 * cannot be read or written is only slower.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as zlib from 'node:zlib';
import { checkParts } from '../core/checkParts';
import { type CompiledParts, type CompiledTerms, assembleCompiled, partsOf } from '../core/compiledTerms';
import type { TermFileProblem } from '../core/types';

/** Bumped whenever what the payload holds changes shape (the build id covers code changes too). */
export const CACHE_LAYOUT = 4; // 2: the fuzzy index as bucketed 32-bit entries (fuzzy.ts FuzzyEntries); 3: trie fan slots of 2 bytes; 4: buckets by list size
const MAGIC = 0x43434c54; // "TLCC", little-endian
const HEADER_BYTES = 48;
const SUFFIX = '.tlcache';
const NAME = /^[0-9a-f]{64}\.tlcache$/;
/** Files kept, and bytes in all (the file just written or read is always kept). */
export const MAX_FILES = 8;
export const MAX_BYTES = 256 * 1024 * 1024;
/** Temporary files older than this were left by a killed run. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** One term list as read: its name as shown (which its terms' origins carry) and its bytes. */
export interface ListSource {
  name: string;
  bytes: Uint8Array;
}

/** What a cache file holds besides the compiled parts: each list's problems (warnings only: a list with errors is never compiled). */
export interface CachedLists {
  compiled: CompiledTerms;
  problems: TermFileProblem[][];
}

/**
 * Where the cache lives: `TERMLINT_CACHE_DIR` when set, else the platform's cache folder (`$XDG_CACHE_HOME` or
 * `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) + `termlint`. Undefined when
 * there is no home to put it in.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = safeHome()): string | undefined {
  if (env.TERMLINT_CACHE_DIR) return path.resolve(env.TERMLINT_CACHE_DIR);
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || (home ? path.join(home, 'AppData', 'Local') : '');
    return base ? path.join(base, 'termlint', 'Cache') : undefined;
  }
  if (platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'termlint') : undefined;
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'termlint');
  return home ? path.join(home, '.cache', 'termlint') : undefined;
}

function safeHome(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/** The key of a set of lists in force, in order, for this build of Termlint. */
export function cacheKey(build: string, sources: readonly ListSource[]): Buffer {
  const h = crypto.createHash('sha256');
  h.update(`termlint compiled lists ${CACHE_LAYOUT}\0${build}\0${sources.length}\0`);
  for (const s of sources) {
    h.update(`${s.name}\0${s.bytes.length}\0`);
    h.update(s.bytes);
  }
  return h.digest();
}

function fileOf(dir: string, key: Buffer): string {
  return path.join(dir, key.toString('hex') + SUFFIX);
}

/** Payloads of compiled sets, kept for worker threads (which assemble their own copy from it). */
const payloads = new WeakMap<CompiledTerms, Uint8Array>();

function payloadOf(compiled: CompiledTerms, problems: TermFileProblem[][]): Uint8Array | undefined {
  const parts = partsOf(compiled, { fuzzyIndex: true });
  return parts && v8.serialize({ parts, problems });
}

/** The compiled set and problems a payload holds, checked; throws when it does not check out. */
function fromPayload(payload: Uint8Array): CachedLists {
  const value = v8.deserialize(payload) as { parts?: unknown; problems?: unknown } | null;
  if (typeof value !== 'object' || value === null) throw new Error('not a compiled term set: no payload');
  const parts: CompiledParts = checkParts(value.parts);
  const problems = value.problems;
  if (!Array.isArray(problems) || problems.length !== parts.lists.length || !problems.every(isProblemList)) throw new Error('not a compiled term set: problems');
  const compiled = assembleCompiled(parts);
  payloads.set(compiled, payload);
  return { compiled, problems };
}

function isProblemList(v: unknown): v is TermFileProblem[] {
  return (
    Array.isArray(v) &&
    v.every((p: unknown) => {
      const q = p as Partial<TermFileProblem> | null;
      return typeof q === 'object' && q !== null && (q.severity === 'warning' || q.severity === 'error') && typeof q.message === 'string' && typeof q.path === 'string' && Number.isInteger(q.line) && Number.isInteger(q.column) && Number.isInteger(q.offset) && Number.isInteger(q.length);
    })
  );
}

/** Why a cache file was not used, for `--debug`; undefined when there was none to use. */
export type CacheMiss = string | undefined;

/** The lists cached under `key` in `dir`, or why not (undefined: no such file). */
export function readCache(dir: string, key: Buffer): CachedLists | { miss: CacheMiss } {
  const file = fileOf(dir, key);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return { miss: undefined };
  }
  const why = headerProblem(buf, key);
  if (why) return { miss: `${file}: ${why}` };
  let cached: CachedLists;
  try {
    cached = fromPayload(buf.subarray(HEADER_BYTES));
  } catch (e) {
    // checkParts' verdict, or what v8.deserialize says of bytes that are not its format: compile again.
    return { miss: `${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
  // Its time says when it was last used: pruning keeps the recent ones.
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache is still a cache
  }
  return cached;
}

function headerProblem(buf: Buffer, key: Buffer): string | undefined {
  if (buf.length < HEADER_BYTES || buf.readUInt32LE(0) !== MAGIC) return 'not a Termlint cache file';
  if (buf.readUInt32LE(4) !== CACHE_LAYOUT) return `written in layout ${buf.readUInt32LE(4)}, not ${CACHE_LAYOUT}`;
  if (!buf.subarray(16, 48).equals(key)) return 'written for other term lists';
  if (buf.readUInt32LE(12) !== buf.length - HEADER_BYTES) return `truncated (${buf.length - HEADER_BYTES} of ${buf.readUInt32LE(12)} bytes)`;
  if (zlib.crc32(buf.subarray(HEADER_BYTES)) !== buf.readUInt32LE(8)) return 'corrupt (its checksum does not match)';
  return undefined;
}

/**
 * Writes `compiled` (its misspelling index built first) under `key`, then prunes the folder. Returns why it
 * could not, for `--debug`; never throws for a file-system reason.
 */
export function writeCache(dir: string, key: Buffer, compiled: CompiledTerms, problems: TermFileProblem[][]): string | undefined {
  const payload = payloadOf(compiled, problems);
  if (!payload) return 'nothing to cache';
  payloads.set(compiled, payload);
  const file = fileOf(dir, key);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(CACHE_LAYOUT, 4);
  header.writeUInt32LE(zlib.crc32(payload), 8);
  header.writeUInt32LE(payload.length, 12);
  key.copy(header, 16);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, header);
      fs.writeSync(fd, payload);
    } finally {
      fs.closeSync(fd);
    }
    // No fsync: a file cut short by a crash fails its length or checksum and is written again.
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created
    }
    return `cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`;
  }
  prune(dir, file);
  return undefined;
}

/** Keeps the MAX_FILES files used last (and MAX_BYTES in all; `keep` always), and drops old temporary files. */
export function prune(dir: string, keep: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  const files: { file: string; mtime: number; size: number }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const temp = name.endsWith('.tmp') && NAME.test(name.slice(0, name.indexOf(SUFFIX) + SUFFIX.length));
    if (!temp && !NAME.test(name)) continue; // not ours
    try {
      const st = fs.statSync(file);
      if (temp) {
        if (now - st.mtimeMs > STALE_TEMP_MS) fs.unlinkSync(file);
      } else files.push({ file, mtime: file === keep ? Infinity : st.mtimeMs, size: st.size });
    } catch {
      // gone meanwhile
    }
  }
  files.sort((a, b) => b.mtime - a.mtime);
  let bytes = 0;
  files.forEach((f, i) => {
    bytes += f.size;
    if (f.file !== keep && (i >= MAX_FILES || bytes > MAX_BYTES)) {
      try {
        fs.unlinkSync(f.file);
      } catch {
        // another run removed it, or it is in use
      }
    }
  });
}

/**
 * The compiled set as bytes for a worker thread (from its cache file, or serialized now), and the set a worker
 * makes of them: assembling is a fraction of compiling.
 */
export function compiledPayload(compiled: CompiledTerms): Uint8Array {
  let payload = payloads.get(compiled);
  if (!payload) {
    payload = payloadOf(compiled, compiled.lists.map(() => []));
    if (!payload) throw new Error('compiledPayload: not a set compileTerms made');
    payloads.set(compiled, payload);
  }
  return payload;
}

export function compiledFromPayload(payload: Uint8Array): CompiledTerms {
  return fromPayload(payload).compiled;
}
