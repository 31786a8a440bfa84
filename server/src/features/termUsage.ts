/**
 * `termlint/termUsage`: the term-usage report of an open document or of the whole workspace, built from the
 * same lint outcomes as the diagnostics (the open document's cached one; each workspace file linted as
 * workspace lint lints it). The extension's Terms view shows it; `termlint/termReportPage` also renders it as
 * the page of the report webview.
 */
import { termsIn } from '../core/matching/hanTerms';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Disposable, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TermList } from '../core';
import type { DocumentLinter, LintOutcome } from '../linting';
import { TermReportPageRequest, TermUsageRequest, type TermReportPageParams, type TermReportPageResult, type TermUsageParams, type TermUsageResult } from '../protocol';
import { buildUsageReport, type CheckedFile } from '../report/build';
import { renderHtml } from '../report/html';
import { Settings } from '../settings';
import type { TermStore } from '../termLists';
import { folderOf, guardRequest, relativePath, uriPath, type Logger } from '../util';
import { VERSION } from '../version';
import type { WorkspaceFiles } from '../workspaceFiles';

export interface TermUsageDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  terms: TermStore;
  files: WorkspaceFiles;
  logger: Logger;
}

/** Why a document has no lint results, as the report says it. */
function skipReason(outcome: LintOutcome): string {
  if (outcome.status === 'tooLarge') return 'larger than termlint.maxFileSize';
  if (outcome.status === 'termFile') return 'a term file';
  return 'not checked (termlint.enable, termlint.languages or termlint.exclude)';
}

export function registerTermUsage(deps: TermUsageDeps): Disposable {
  const { connection, documents, linter, terms, logger } = deps;

  /** A file as the report names it: relative to its workspace folder (prefixed by the folder's name when there are several). */
  const nameOf = (uri: string): string => {
    const folders = terms.folders();
    const folder = folderOf(folders, uri);
    const rel = folder !== undefined ? relativePath(folder, uri) : undefined;
    if (folder === undefined || rel === undefined) return uriPath(uri) || uri;
    return folders.length > 1 ? `${uriPath(folder).replace(/\/$/, '').replace(/.*\//, '')}/${rel}` : rel;
  };

  /** A term file: its workspace path, or just its file name for the lists shipped with Termlint. */
  const listName = (file: string): string => {
    const name = nameOf(file);
    return name.startsWith('/') ? name.replace(/.*\//, '') : name;
  };

  function report(outcomes: readonly LintOutcome[], unread: readonly { uri: string; reason: string }[] = []): TermUsageResult {
    const checked: CheckedFile[] = [];
    const skipped = unread.map((u) => ({ file: nameOf(u.uri), reason: u.reason }));
    const lists = new Map<string, TermList>();
    let settings: Settings | undefined;
    for (const o of outcomes) {
      if (o.status !== 'linted') {
        skipped.push({ file: nameOf(o.uri), reason: skipReason(o) });
        continue;
      }
      checked.push({ file: nameOf(o.uri), uri: o.uri, text: o.text, result: o.result, terms: termsIn(o.compiled, o.result.lang) });
      for (const l of o.compiled.lists) if (!lists.has(l.file)) lists.set(l.file, l);
      settings ??= o.settings;
    }
    const options = settings ? { fuzzy: settings.fuzzy.enabled, consistency: settings.consistency.enabled, kinds: Settings.enabledKinds(settings) } : {};
    return buildUsageReport(checked, { version: VERSION, lists: [...lists.values()], options, skipped, listName });
  }

  async function reportFor(params: TermUsageParams, token: CancellationToken): Promise<TermUsageResult> {
    if (params.textDocument) {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `Termlint: ${params.textDocument.uri} is not open`);
      return report([await linter.lint(doc)]);
    }
    const p = await deps.files.progress(params, token);
    try {
      p.reporter.begin('Termlint: term report', 0, 'Finding files…', true);
      const files = await deps.files.list();
      const outcomes: LintOutcome[] = [];
      const unread: { uri: string; reason: string }[] = [];
      for (const [i, file] of files.entries()) {
        if (p.token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Termlint: the term report was cancelled');
        p.reporter.report(Math.floor((i / Math.max(1, files.length)) * 100), `${i + 1}/${files.length} ${nameOf(file.uri)}`);
        const open = documents.get(file.uri);
        if (open) {
          outcomes.push(await linter.lint(open));
          continue;
        }
        const { doc, tooLarge } = await deps.files.load(file, 'The term report');
        if (tooLarge) unread.push({ uri: file.uri, reason: 'larger than termlint.maxFileSize' });
        else if (!doc) unread.push({ uri: file.uri, reason: 'not readable as UTF-8 text' });
        else outcomes.push(await linter.lint(doc, { cache: false, settingsUri: file.folder }));
      }
      return report(outcomes, unread);
    } finally {
      p.reporter.done();
      p.dispose();
    }
  }

  const subscriptions = [
    connection.onRequest(TermUsageRequest, guardRequest(logger, TermUsageRequest.method, (p) => p.textDocument?.uri, reportFor)),
    connection.onRequest(
      TermReportPageRequest,
      guardRequest(logger, TermReportPageRequest.method, (p) => p.textDocument?.uri, async (params, token): Promise<TermReportPageResult> => {
        const { nonce, cspSource } = (params.webview ?? {}) as Partial<TermReportPageParams['webview']>;
        // They go into the page's CSP: a nonce of base64 characters, and sources that allow no more than the webview's own.
        if (typeof nonce !== 'string' || !/^[A-Za-z0-9+/=]{16,}$/.test(nonce) || typeof cspSource !== 'string' || !isCspSource(cspSource)) {
          const what = params.textDocument?.uri ?? 'the workspace';
          throw new ResponseError(ErrorCodes.InvalidParams, `Termlint: the term report page of ${String(what)} needs webview.nonce (16 or more base64 characters) and webview.cspSource`);
        }
        const result = await reportFor(params, token);
        return { report: result, html: renderHtml(result, { webview: { nonce, cspSource } }) };
      }),
    ),
  ];
  return {
    dispose() {
      for (const s of subscriptions) s.dispose();
    },
  };
}

/**
 * A webview's `cspSource` (VS Code's is `'self' https://*.vscode-cdn.net`): `'self'` and host or scheme
 * sources only, so a request cannot slip `'unsafe-inline'`, `*` or another directive into the page's CSP.
 */
export function isCspSource(source: string): boolean {
  const tokens = source.trim().split(/\s+/);
  return tokens.length > 0 && tokens.every((t) => t === "'self'" || /^[a-z][a-z0-9+.-]*:(\/\/[^\s;,'"*]*(\*[^\s;,'"*]+)?)?$/i.test(t) || /^\*\.[^\s;,'"*]+$/.test(t));
}
