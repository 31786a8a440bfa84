/**
 * "Create term list from this document": the server proposes a term file, the client opens it untitled. The
 * proposal is set against the lists in force for the document (core/extract/against.ts), as `termlint extract`
 * does: terms they already have are left out unless they add forms, terms they would correct are left out.
 */
import { ErrorCodes, ResponseError, type Connection, type Disposable, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { extractTerms, toTermFileJson } from '../core/extract';
import { checkAgainstLists, keepWhatAdds } from '../core/extract/against';
import { formatForLanguageId } from '../core/formats';
import { ExtractTermsRequest, type ExtractTermsResult } from '../protocol';
import type { SettingsStore } from '../settings';
import type { TermStore } from '../termLists';
import { guardRequest, uriPath, type Logger } from '../util';

export interface ExtractDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  terms: TermStore;
  settings: SettingsStore;
  logger: Logger;
}

export function registerExtract(deps: ExtractDeps): Disposable {
  const { connection, documents, logger } = deps;
  return connection.onRequest(
    ExtractTermsRequest,
    guardRequest(logger, ExtractTermsRequest.method, (p) => p.textDocument.uri, async (params): Promise<ExtractTermsResult> => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `Termlint: ${params.textDocument.uri} is not open`);
      const name = uriPath(doc.uri).replace(/.*\//, '') || doc.uri;
      const text = doc.getText();
      const result = extractTerms(text, { format: formatForLanguageId(doc.languageId).id, source: name });
      const { compiled } = deps.terms.termsFor(doc.uri, await deps.settings.get(doc.uri));
      // The new file is untitled: no `$schema` (a relative one would not resolve; once saved as `*.terms.json`
      // the extension's jsonValidation applies the schema anyway).
      return { text: toTermFileJson(keepWhatAdds(result, checkAgainstLists(result, compiled)), { title: `Terms from ${name}`, source: name }) };
    }),
  );
}
