/**
 * What the CLI says about a file it could not read or write: one line in words, naming the file the user
 * gave, never a temporary file and never a stack trace (those only with --debug).
 */

/** A file-level failure with its message already in words; the run goes on with the other files. */
export class FileError extends Error {
  /** `cause`: the underlying error, shown with --debug. */
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'it no longer exists',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'its name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EFBIG: 'the file is too large',
  EXDEV: 'it is on another device',
};

/**
 * Node's errors read "EACCES: permission denied, open '/dir/.a.md.termlint-1-2.tmp'": the reason in words
 * without the path (which may be a temporary file the user never heard of).
 */
export function describeFsError(e: unknown): string {
  if (e instanceof FileError) return e.message;
  const err = e as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  if (code && REASONS[code]) return REASONS[code];
  const message = err instanceof Error ? err.message : String(e);
  return message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/s, '') + (code && !message.includes(code) ? ` (${code})` : '');
}

/** The stack of an error (and of what caused it), for --debug. */
export function debugDetail(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && depth < 4; depth++) {
    parts.push(cur instanceof Error ? (cur.stack ?? cur.message) : String(cur));
    cur = cur instanceof Error ? (cur as { cause?: unknown }).cause : undefined;
  }
  return parts.join('\ncaused by: ');
}
