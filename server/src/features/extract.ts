/** "Create term list from this document": the server builds the term file text, the client opens it. */
import { ErrorCodes, ResponseError, type Connection, type Disposable, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ExtractTermsRequest, type ExtractTermsResult } from '../protocol';
import { guardRequest, type Logger } from '../util';

export interface ExtractDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: Logger;
}

export function registerExtract(deps: ExtractDeps): Disposable {
  const { connection, documents, logger } = deps;
  return connection.onRequest(
    ExtractTermsRequest,
    guardRequest(logger, ExtractTermsRequest.method, (p) => p.textDocument.uri, (params): ExtractTermsResult => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `Termlint: ${params.textDocument.uri} is not open`);
      throw new ResponseError(ErrorCodes.MethodNotFound, 'Termlint: term extraction is not available yet');
    }),
  );
}
