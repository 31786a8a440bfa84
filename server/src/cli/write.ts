/**
 * Writing fixed text back to a file without losing anything, whatever the path names:
 *
 * - A symbolic link is followed: its target is fixed and the link stays a link.
 * - A file with one name is replaced atomically: the text goes to a temporary file beside it (same mode,
 *   same owner where the system allows), is flushed, then renamed over it. A killed run leaves the old file
 *   or the new one, never a truncated one.
 * - A file with several names (hard links), or one whose owner a new file could not keep, must keep its
 *   inode, so it is rewritten in place: its old bytes first go to a backup beside it
 *   (`.NAME.termlint-backup`, complete or absent: written under a temporary name, flushed, renamed), then
 *   the file is overwritten, truncated and flushed, then the backup is removed. A run killed in between
 *   leaves the backup; the next run finds it and, with --fix, restores it before fixing again.
 * - A read-only file, or one in a read-only folder, is not touched. Root ignores permissions, so the mode
 *   bits are checked too: a file nobody may write is "the user saying do not change this".
 * - A file that changed on disk since it was read (an editor saved it) is not overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileError, describeFsError } from './errors';

/** A draft as read from disk: what a later write checks against. */
export interface ReadFile {
  /** The real file (links resolved). */
  target: string;
  stat: fs.Stats;
  bytes: Buffer;
}

const BACKUP_SUFFIX = '.termlint-backup';

/** Where an in-place rewrite of `target` keeps the old bytes until it is done. */
export function backupPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${BACKUP_SUFFIX}`);
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.termlint-${process.pid}-${Date.now()}.tmp`);
}

const isRoot = () => typeof process.geteuid === 'function' && process.geteuid() === 0;

/** The real file `file` names; a FileError when the path leads nowhere. */
export function resolveTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' && fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new FileError('a symbolic link to nothing', e);
    }
    throw new FileError(describeFsError(e), e);
  }
}

/** Reads `target` (a real file), or says why not; `maxSize`: larger files are left unread. */
export function readTarget(target: string, maxSize: number): ReadFile | { tooLarge: number } {
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch (e) {
    throw new FileError(describeFsError(e), e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileError('not a regular file');
    if (stat.size > maxSize) return { tooLarge: stat.size };
    return { target, stat, bytes: fs.readFileSync(fd) };
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(describeFsError(e), e);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why `p` (with stat `st`) must not be written, or undefined. */
function writeBlocked(p: string, st: fs.Stats, what: 'file' | 'folder'): string | undefined {
  const noWriteBits = (st.mode & 0o222) === 0;
  // Root may write anything; a file or folder with no write bit at all is still read-only to us.
  if (noWriteBits && isRoot()) return what === 'file' ? 'the file is read-only' : 'its folder is read-only';
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'read-only file system';
    if (what === 'file') return noWriteBits ? 'the file is read-only' : 'permission denied';
    return noWriteBits ? 'its folder is read-only' : 'its folder is not writable (permission denied)';
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Flushes a folder's entries (a rename or unlink in it) to disk, where the system allows it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every file system lets a folder be opened or flushed; the data itself is already flushed.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Creates `file` with exactly `bytes`, flushed: written under a temporary name, then renamed into place.
 * `keep`: the mode and owner of the file it replaces (else `mode`, less the umask, and the writer's owner).
 */
function createAtomically(file: string, bytes: Buffer, mode: number, keep?: { uid: number; gid: number }): void {
  const tmp = tempPathFor(file);
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    // Keep the owner and group (root can; others keep at least their own group where they belong to it).
    if (keep) {
      try {
        fs.fchownSync(fd, keep.uid, keep.gid);
      } catch {
        // not permitted: the new file keeps the writer's owner
      }
      // The mode given to open was reduced by the umask: the replacement gets exactly the old one.
      fs.fchmodSync(fd, mode);
    }
    fs.writeFileSync(fd, bytes);
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
  syncFolder(path.dirname(file));
}

/** Overwrites `file`'s bytes in place (same inode): written from the start, truncated, flushed. */
function overwriteInPlace(file: string, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  try {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, done);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `content` to the file read as `read` (see the module comment for how). Throws a FileError saying
 * why when it must not or cannot; the file is then as it was.
 */
export function writeFixed(read: ReadFile, content: string): void {
  const { target } = read;
  const bytes = Buffer.from(content, 'utf8');
  let now: fs.Stats;
  try {
    now = fs.statSync(target);
  } catch (e) {
    throw new FileError(describeFsError(e), e);
  }
  if (!sameFile(now, read.stat)) throw new FileError('it changed on disk while it was being checked; run again');
  const blocked = writeBlocked(target, now, 'file');
  if (blocked) throw new FileError(blocked);
  const dir = path.dirname(target);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch (e) {
    throw new FileError(describeFsError(e), e);
  }
  // Both ways of writing need a new file beside this one (the replacement, or the backup).
  const dirBlocked = writeBlocked(dir, dirStat, 'folder');
  if (dirBlocked) throw new FileError(dirBlocked);

  const euid = typeof process.geteuid === 'function' ? process.geteuid() : undefined;
  const ownerKept = euid === undefined || euid === 0 || now.uid === euid;
  if (now.nlink > 1 || !ownerKept) rewriteInPlace(target, read.bytes, bytes);
  else {
    try {
      createAtomically(target, bytes, now.mode & 0o7777, { uid: now.uid, gid: now.gid });
    } catch (e) {
      throw new FileError(describeFsError(e), e);
    }
  }
}

/** The in-place rewrite with a backup (module comment). */
function rewriteInPlace(target: string, oldBytes: Buffer, bytes: Buffer): void {
  const backup = backupPathOf(target);
  if (fs.existsSync(backup)) throw new FileError(`${path.basename(backup)} is in the way (left by an interrupted --fix?)`);
  try {
    createAtomically(backup, oldBytes, 0o600);
  } catch (e) {
    throw new FileError(describeFsError(e), e);
  }
  try {
    overwriteInPlace(target, bytes);
  } catch (e) {
    // Put the old bytes back; if even that fails, the backup is the user's copy.
    try {
      overwriteInPlace(target, oldBytes);
    } catch {
      throw new FileError(`${describeFsError(e)}; its original text is kept in ${path.basename(backup)}`, e);
    }
    fs.rmSync(backup, { force: true });
    throw new FileError(describeFsError(e), e);
  }
  fs.rmSync(backup, { force: true });
  syncFolder(path.dirname(target));
}

/** The backup an interrupted in-place rewrite of `target` left, if any. */
export function interruptedBackup(target: string): string | undefined {
  const backup = backupPathOf(target);
  return fs.existsSync(backup) ? backup : undefined;
}

/**
 * Puts the text an interrupted rewrite saved back into `target` (in place, so its links stay), then removes
 * the backup. Throws a FileError when it cannot (the backup is then left where it is).
 */
export function restoreBackup(target: string, backup: string): void {
  try {
    const blocked = writeBlocked(target, fs.statSync(target), 'file');
    if (blocked) throw new FileError(blocked);
    overwriteInPlace(target, fs.readFileSync(backup));
    fs.rmSync(backup);
    syncFolder(path.dirname(target));
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(describeFsError(e), e);
  }
}

/**
 * Replaces `file` (through any links) with `content` atomically; for writing new files that have no history
 * to keep (`termlint extract --out`). Throws a FileError saying why when it cannot.
 */
export function writeFileAtomic(file: string, content: string): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // a new file: written where the path says
  }
  let mode = 0o644;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = fs.statSync(target);
    const blocked = writeBlocked(target, st, 'file');
    if (blocked) throw new FileError(blocked);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch (e) {
    if (e instanceof FileError) throw e;
    // no such file yet
  }
  try {
    createAtomically(target, Buffer.from(content, 'utf8'), mode, owner);
  } catch (e) {
    throw new FileError(describeFsError(e), e);
  }
}
