/** "Create term list from this document": the server proposes a term file, the client opens it untitled. */
import { ErrorCodes, ResponseError, type Connection, type Disposable, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { extractTerms, toTermFileJson } from '../core/extract';
import { formatForLanguageId } from '../core/formats';
import { ExtractTermsRequest, type ExtractTermsResult } from '../protocol';
import { guardRequest, uriPath, type Logger } from '../util';

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
      const name = uriPath(doc.uri).replace(/.*\//, '') || doc.uri;
      const result = extractTerms(doc.getText(), { format: formatForLanguageId(doc.languageId).id, source: name });
      const json = JSON.parse(toTermFileJson(result, { title: `Terms from ${name}`, source: name })) as Record<string, unknown>;
      // The new file is untitled: a relative `$schema` would not resolve; once saved as
      // `*.terms.json` the extension's jsonValidation applies the schema anyway.
      delete json.$schema;
      return { text: JSON.stringify(json, null, 2) + '\n' };
    }),
  );
}
