/**
 * Document synchronisation that a broken client cannot corrupt. `TextDocuments` trusts every message: a
 * didOpen without text creates a document whose text is `undefined`, and a change it cannot apply throws
 * half-way, leaving a text the client never had. Here malformed messages are logged with their document URI
 * and never applied; a document whose change was malformed is closed, so no diagnostic is ever computed for
 * a text the server can no longer vouch for (the client's next didOpen brings it back).
 */
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, NotificationHandler, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { guardNotification, type Logger } from './util';

/** What `TextDocuments.listen` needs of a connection (the library does not export the name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isPosition(v: unknown): boolean {
  return isRecord(v) && isCount(v.line) && isCount(v.character);
}

function uriOf(params: unknown): string | undefined {
  if (!isRecord(params) || !isRecord(params.textDocument)) return undefined;
  const uri = params.textDocument.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** What is wrong with a didOpen, or undefined when it can be applied. */
export function malformedOpen(params: unknown): string | undefined {
  if (!isRecord(params) || !isRecord(params.textDocument)) return 'no textDocument';
  const td = params.textDocument;
  if (typeof td.uri !== 'string') return 'no uri';
  if (typeof td.text !== 'string') return 'no text';
  if (typeof td.languageId !== 'string') return 'no languageId';
  if (typeof td.version !== 'number' || !Number.isInteger(td.version)) return 'no integer version';
  return undefined;
}

/** What is wrong with a didChange, or undefined when it can be applied. */
export function malformedChange(params: unknown): string | undefined {
  if (!isRecord(params) || !isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string') return 'no textDocument';
  const version = params.textDocument.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return 'no integer version';
  if (!Array.isArray(params.contentChanges)) return 'no contentChanges';
  for (const [i, c] of params.contentChanges.entries()) {
    if (!isRecord(c) || typeof c.text !== 'string') return `change ${i} has no text`;
    if ('range' in c && c.range !== undefined) {
      const r = c.range;
      if (!isRecord(r) || !isPosition(r.start) || !isPosition(r.end)) return `change ${i} has an invalid range`;
    }
  }
  return undefined;
}

/**
 * The connection as `TextDocuments.listen` sees it: the same notifications, each guarded (failures logged
 * with the document URI) and checked before it reaches the document store.
 */
export function guardedDocumentSync(connection: TextDocumentConnection & { __textDocumentSync?: unknown }, logger: Logger): TextDocumentConnection {
  let close: NotificationHandler<DidCloseTextDocumentParams> | undefined;
  const sync: TextDocumentConnection & { __textDocumentSync?: unknown } = {
    onDidOpenTextDocument: (handler) =>
      connection.onDidOpenTextDocument(
        guardNotification(logger, 'textDocument/didOpen', uriOf, (params: DidOpenTextDocumentParams) => {
          const problem = malformedOpen(params);
          if (problem) logger.error(`textDocument/didOpen ignored for ${uriOf(params) ?? '(no document)'}: ${problem}`);
          else return handler(params);
        }),
      ),
    onDidChangeTextDocument: (handler) =>
      connection.onDidChangeTextDocument(
        guardNotification(logger, 'textDocument/didChange', uriOf, (params: DidChangeTextDocumentParams) => {
          const problem = malformedChange(params);
          if (!problem) return handler(params);
          const uri = uriOf(params);
          logger.error(`textDocument/didChange ignored for ${uri ?? '(no document)'}: ${problem}; the document is closed until the client opens it again`);
          if (uri !== undefined && close) return close({ textDocument: { uri } });
        }),
      ),
    onDidCloseTextDocument: (handler) => {
      close = handler;
      return connection.onDidCloseTextDocument(guardNotification(logger, 'textDocument/didClose', uriOf, handler));
    },
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(guardNotification(logger, 'textDocument/willSave', uriOf, handler)),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(guardNotification(logger, 'textDocument/didSave', uriOf, handler)),
  };
  // TextDocuments announces the sync kind it supports on the connection it listens to.
  Object.defineProperty(sync, '__textDocumentSync', {
    get: () => connection.__textDocumentSync,
    set: (v: unknown) => (connection.__textDocumentSync = v),
  });
  return sync;
}
