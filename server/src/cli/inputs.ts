/**
 * Turning the command line's paths, folders and globs into the files to check: each real file once (a file
 * named twice, reached through a link or hard-linked under two names is checked once), folders walked by
 * `node/walk.ts` (links followed, each real folder read once). An explicit input that matches nothing is
 * reported, so a typo in CI never passes as "no problems"; `!pattern` leaves files out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type WalkError, type WalkedFile, fileId, uniqueFiles, walk } from '../node/walk';
import { describeFsError } from './errors';
import { DEFAULT_PATTERNS, isDynamicPattern } from './files';

/** The glob matcher, loaded only for folders and globs (a run on named files does not pay to load it). */
function picomatch(): typeof import('picomatch') {
  return require('picomatch') as typeof import('picomatch');
}

/** Folders never walked into (unless an input names a path inside one). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Unmatched {
  input: string;
  /** Why, when it is not just "no file matched" (a path that does not exist). */
  reason?: string;
}

export interface InputProblem {
  /** The file or folder, absolute. */
  path: string;
  message: string;
}

export interface ExpandedInputs {
  /** Absolute paths, one per real file, sorted. */
  files: string[];
  /** Explicit inputs that matched no file (never the default patterns). */
  unmatched: Unmatched[];
  /** Folders that could not be read and links to nothing met on the way: each is an error of the run. */
  problems: InputProblem[];
}

/**
 * Expands paths, folders and globs (relative to `cwd`), less the files `!pattern` inputs match (relative to
 * `cwd`); with no other inputs, the default patterns under `cwd`.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const isNegation = (p: string) => p.startsWith('!') && isDynamicPattern(p);
  const negated = inputs.filter(isNegation);
  const positive = inputs.filter((p) => !isNegation(p));
  const explicit = positive.length > 0;
  const excluded = negated.length > 0 ? picomatch()(negated.map((p) => p.slice(1)), { dot: true }) : undefined;
  const keep = (f: WalkedFile) => !excluded || !excluded(toPosix(path.relative(cwd, f.path)));
  const all: WalkedFile[] = [];
  const unmatched: Unmatched[] = [];
  const problems: InputProblem[] = [];
  const onError: OnError = (where, error, what) => {
    const reason = what === 'link' ? linkProblem(error) : describeFsError(error);
    problems.push({ path: where, message: `cannot read${what === 'folder' ? ' folder' : ''}: ${reason}` });
  };

  // No inputs (or only exclusions): the current folder, walked once for all the default patterns.
  for (const input of explicit ? positive : [cwd]) {
    const problemsBefore = problems.length;
    let matched: WalkedFile[] = [];
    let reason: string | undefined;
    const scan = isDynamicPattern(input) ? picomatch().scan(input) : undefined;
    if (scan?.isGlob) {
      matched = await walkGlob(path.resolve(cwd, scan.base), scan.glob, onError);
    } else {
      const abs = path.resolve(cwd, input);
      const found = await explicitPath(abs);
      if ('missing' in found) reason = found.missing;
      else if ('error' in found) problems.push({ path: abs, message: found.error });
      else if (found.folder) matched = await walkFolder(abs, onError);
      else matched = [found.file];
    }
    matched = matched.filter(keep);
    // An input whose folder could not be read has said so already.
    if (matched.length === 0 && explicit && problems.length === problemsBefore) unmatched.push(reason ? { input, reason } : { input });
    all.push(...matched);
  }
  return { files: uniqueFiles(all).map((f) => f.path), unmatched, problems };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

type Explicit = { file: WalkedFile; folder?: false } | { folder: true } | { missing: string } | { error: string };

/** What a path given on the command line is: a file, a folder, nothing, or something that cannot be read. */
async function explicitPath(abs: string): Promise<Explicit> {
  let st: fs.BigIntStats;
  try {
    st = await fs.promises.stat(abs, { bigint: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') return { error: `cannot read: ${linkProblem(err)}` };
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
      const link = await fs.promises.lstat(abs).catch(() => undefined);
      if (link?.isSymbolicLink()) return { error: `cannot read: ${linkProblem(err)}` };
      return { missing: 'no such file or folder' };
    }
    return { error: `cannot read: ${describeFsError(err)}` };
  }
  if (st.isDirectory()) return { folder: true };
  // A named file is checked whatever its extension, through any links in its path.
  const real = await fs.promises.realpath(abs).catch(() => abs);
  return { file: { path: abs, id: fileId(st), viaLink: real !== abs } };
}

type OnError = (where: string, error: NodeJS.ErrnoException, what: WalkError) => void;

function linkProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return 'a symbolic link to nothing';
  if (error.code === 'ELOOP') return 'a loop of symbolic links';
  return describeFsError(error);
}

/** The drafts in a folder named on the command line (the default patterns, no dot files or folders). */
function walkFolder(abs: string, onError: OnError): Promise<WalkedFile[]> {
  return walkGlob(abs, DEFAULT_PATTERNS, onError);
}

/**
 * Files under `base` whose path relative to it matches `glob`, with tinyglobby's defaults (no dot files unless
 * the pattern names them); only as deep as the pattern can reach.
 */
async function walkGlob(base: string, glob: string | readonly string[], onError: OnError): Promise<WalkedFile[]> {
  const globs = typeof glob === 'string' ? [glob] : glob;
  const wanted = picomatch()([...globs], { dot: false });
  // A segment the pattern writes with a leading dot ("**/.github/*.md", "{.a,b}/*") can match dot folders.
  const namesDotFolders = globs.some((g) => /(^|[/{,(|])\./.test(g));
  const maxDepth = Math.max(...globs.map((g) => (g.includes('**') ? Infinity : (g.match(/\//g)?.length ?? 0))));
  try {
    return await walk(base, {
      wanted,
      maxDepth,
      skipFolder: (_rel, name) => SKIPPED_FOLDERS.has(name) || (!namesDotFolders && name.startsWith('.')),
      onError,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // No such folder: the pattern matches nothing. A folder that exists but cannot be read is an error.
    if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') onError(base, err, 'folder');
    return [];
  }
}
