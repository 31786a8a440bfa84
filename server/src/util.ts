/** Small helpers shared by the server's features: error guards, logging, URI paths. */
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (message, err) => connection.console.error(err === undefined ? message : `${message}: ${describeError(err)}`),
  };
}

/**
 * Wraps a request handler: any failure is logged with the document it concerned and answered
 * with an LSP error, so one bad request never takes the server down.
 */
export function guardRequest<P, R>(
  logger: Logger,
  method: string,
  uriOf: (params: P) => string | undefined,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      const uri = safeUri(uriOf, params);
      logger.error(`${method} failed for ${uri}`, err);
      const message = err instanceof Error ? err.message : String(err);
      throw new ResponseError(ErrorCodes.InternalError, `Termlint: ${method} failed for ${uri}: ${message}`);
    }
  };
}

/** Like `guardRequest` for notifications: failures (sync or async) are logged, never thrown. */
export function guardNotification<P>(
  logger: Logger,
  method: string,
  uriOf: (params: P) => string | undefined,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params) => {
    const report = (err: unknown) => logger.error(`${method} failed for ${safeUri(uriOf, params)}`, err);
    try {
      const result = handler(params);
      if (result) result.catch(report);
    } catch (err) {
      report(err);
    }
  };
}

/** Runs a fire-and-forget task, logging its failure instead of dropping it. */
export function runLogged(logger: Logger, what: string, task: () => Promise<unknown>): void {
  task().catch((err: unknown) => logger.error(what, err));
}

function safeUri<P>(uriOf: (params: P) => string | undefined, params: P): string {
  try {
    return uriOf(params) ?? '(no document)';
  } catch {
    return '(no document)';
  }
}

/** `file:///a/b%20c/d.md` -> `/a/b c/d.md` (the path part of any URI, decoded). */
export function uriPath(uri: string): string {
  const m = /^[a-zA-Z][\w+.-]*:(\/\/[^/]*)?(.*)$/.exec(uri);
  const path = m ? m[2]! : uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Path of `uri` relative to the folder `folderUri`, or undefined when it is not inside it. */
export function relativePath(folderUri: string, uri: string): string | undefined {
  const base = folderUri.endsWith('/') ? folderUri : folderUri + '/';
  if (uri === folderUri || uri + '/' === base) return '';
  if (!uri.startsWith(base)) return undefined;
  return uriPath('file:///' + uri.slice(base.length)).slice(1);
}

/** Joins a relative path (with `/` separators) onto a folder URI, encoding each segment. */
export function joinUri(folderUri: string, relative: string): string {
  const base = folderUri.endsWith('/') ? folderUri.slice(0, -1) : folderUri;
  const segments = relative.split('/').filter((s) => s !== '' && s !== '.');
  return base + '/' + segments.map((s) => encodeURIComponent(s)).join('/');
}

/** The innermost workspace folder containing `uri`. */
export function folderOf(folders: readonly string[], uri: string): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    if (relativePath(f, uri) !== undefined && (!best || f.length > best.length)) best = f;
  }
  return best;
}

/** UTF-8 byte length of `text`, stopping early once it exceeds `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
