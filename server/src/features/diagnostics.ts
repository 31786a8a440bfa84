/**
 * Delivers diagnostics: by pull (`textDocument/diagnostic`) when the client supports it, by push
 * (`publishDiagnostics`, versioned) otherwise. Files that are not open (term files with problems,
 * workspace-lint results) are always pushed. A result is never published for an older document version.
 */
import {
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type Diagnostic,
  type Disposable,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { problemDiagnostic, type DocumentLinter } from '../linting';
import type { ProjectConfigStore } from '../projectConfigs';
import { DiagnosticCodes } from '../protocol';
import type { DiagnosticsPublisher } from '../publisher';
import type { SettingsStore } from '../settings';
import type { TermStore } from '../termLists';
import type { Turns } from '../turns';
import { guardRequest, runLogged, type Logger } from '../util';

export interface DiagnosticsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  terms: TermStore;
  configs: ProjectConfigStore;
  settings: SettingsStore;
  logger: Logger;
  /** The client pulls diagnostics (`textDocument.diagnostic` capability). */
  pull: boolean;
  /** The client honours `workspace/diagnostic/refresh`. */
  refreshSupport: boolean;
  /** Turns to lint in, shared with the rest of the server (turns.ts). */
  turns: Turns;
}

/** Pause after a keystroke before a pushed re-lint; pulls are paced by the client. */
const CHANGE_DEBOUNCE_MS = 100;

/** A document opened or edited this recently is being worked on: its pulls go before background ones. */
const ACTIVE_MS = 2000;

export function registerDiagnostics(deps: DiagnosticsDeps): DiagnosticsPublisher {
  const { connection, documents, linter, terms, configs, logger } = deps;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document was last opened or edited: what makes a pull urgent, and the order of re-lints. */
  const touched = new Map<string, number>();
  /**
   * The result id each document's last pull said the client holds (its `previousResultId`). What the server last
   * answered is not what the client holds: VS Code drops a report that comes back while its document is not
   * visible, and one it cancelled; so a re-lint for a change elsewhere asks for a refresh unless the client's own
   * last word is the new result. A client that sends no result ids says nothing: the server's last answer stands.
   */
  const held = new Map<string, string | undefined>();
  const clientMayLack = (uri: string, before: string | undefined, now: string): boolean => {
    const h = held.get(uri);
    return before !== now || (h !== undefined && h !== now);
  };
  const { turns } = deps;
  /** URIs we pushed a non-empty list for while the file was not open. */
  const pushedUnopened = new Set<string>();

  function push(uri: string, diagnostics: Diagnostic[], version?: number): void {
    void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  function publishUnopened(uri: string, diagnostics: Diagnostic[]): void {
    if (documents.get(uri)) return; // open documents are served by the normal path
    if (diagnostics.length === 0 && !pushedUnopened.has(uri)) return;
    if (diagnostics.length > 0) pushedUnopened.add(uri);
    else pushedUnopened.delete(uri);
    push(uri, diagnostics);
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const outcome = await linter.lint(doc);
    const current = documents.get(uri);
    // A newer version has its own validation scheduled; never publish for an older one.
    if (!current || current.version !== outcome.version) return;
    push(uri, outcome.diagnostics, outcome.version);
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        runLogged(logger, `linting ${uri}`, () => validate(uri));
      }, delay),
    );
  }

  function publishTermFileProblems(): void {
    for (const file of terms.all()) {
      if (file.bundled && file.problems.length === 0) continue;
      const document = file.document; // kept by every file with problems (termLists.ts TermFile)
      publishUnopened(file.uri, document ? file.problems.map((p) => problemDiagnostic(document, p)) : []);
    }
  }

  /** Configuration files with problems that are not open still show them (cleared once fixed or gone). */
  const configsShown = new Set<string>();
  function publishConfigProblems(): void {
    const now = new Set<string>();
    for (const file of configs.all()) {
      now.add(file.uri);
      publishUnopened(file.uri, file.problems.map((p) => problemDiagnostic(file.document, p, DiagnosticCodes.configFile)));
    }
    for (const uri of configsShown) if (!now.has(uri)) publishUnopened(uri, []);
    configsShown.clear();
    for (const uri of now) configsShown.add(uri);
  }

  /** Bumped by every refresh: a re-lint still under way for an older one stops. */
  let refreshes = 0;

  /**
   * After a term-list or settings change: every open document is linted again here, one per background turn
   * (turns.ts; the document being edited goes first, by its own urgent pulls), and only then is the client
   * asked to pull again (pull mode, and only when some document's diagnostics changed) or sent the new
   * diagnostics (push mode). Asked at once, the client would pull every open document in one burst, and each
   * keystroke's didChange and pull would wait in the connection's queue behind all of them; now the client's
   * pulls find the new results ready (most answered "unchanged").
   */
  async function relintOpenDocuments(refresh: number): Promise<void> {
    // Most recently opened or edited first: those are the ones on screen.
    const docs = documents.all().sort((a, b) => (touched.get(b.uri) ?? 0) - (touched.get(a.uri) ?? 0));
    let changed = false;
    for (const doc of docs) {
      await turns.next(false);
      if (refresh !== refreshes) return;
      if (documents.get(doc.uri) !== doc) continue; // closed (or reopened) meanwhile
      if (deps.pull) {
        // Compared with the document's outcome before the change and with what the client last said it holds:
        // when neither differs for any document, the client has nothing new to pull.
        const before = linter.lastResultId(doc.uri);
        const outcome = await linter.lint(doc);
        if (clientMayLack(doc.uri, before, outcome.resultId)) changed = true;
      } else await validate(doc.uri);
    }
    if (refresh === refreshes && deps.pull && deps.refreshSupport && changed) await connection.languages.diagnostics.refresh();
  }

  function refreshAll(): void {
    const refresh = ++refreshes;
    publishTermFileProblems();
    publishConfigProblems();
    runLogged(logger, 're-linting open documents', () => relintOpenDocuments(refresh));
  }

  /** Documents to re-lint for a change elsewhere (`relint`), drained one per background turn. */
  const stale = new Set<string>();
  let draining = false;

  /**
   * In pull mode, the client is asked to pull again only when a re-linted document's diagnostics changed: a
   * keystroke in a source that leaves its translation's findings as they were costs the client nothing.
   */
  async function drainStale(): Promise<void> {
    if (draining) return;
    draining = true;
    let changed = false;
    try {
      while (stale.size > 0) {
        // Behind the pulls of the document being edited (the source itself).
        await turns.next(false);
        const uri = stale.values().next().value!;
        stale.delete(uri);
        const doc = documents.get(uri);
        if (!doc) continue;
        const before = linter.lastResultId(uri);
        const outcome = await linter.lint(doc);
        if (clientMayLack(uri, before, outcome.resultId)) changed = true;
      }
    } finally {
      draining = false;
    }
    if (changed && deps.refreshSupport) await connection.languages.diagnostics.refresh();
  }

  function relint(uris: readonly string[]): void {
    if (!deps.pull) {
      for (const uri of uris) if (documents.get(uri)) schedule(uri, CHANGE_DEBOUNCE_MS);
      return;
    }
    for (const uri of uris) stale.add(uri);
    runLogged(logger, 're-linting documents that depend on another', () => drainStale());
  }

  const subscriptions: Disposable[] = [];
  if (deps.pull) {
    connection.languages.diagnostics.on(
      guardRequest(logger, 'textDocument/diagnostic', (p) => p.textDocument.uri, async (params, token): Promise<DocumentDiagnosticReport> => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return { kind: 'full', items: [] };
        held.set(doc.uri, params.previousResultId);
        // Let a keystroke queued right behind this pull arrive first: while someone types faster than we lint,
        // each pull would otherwise lint a version that is already stale, and the backlog grows with every key.
        const version = doc.version;
        // Two turns: the connection handles one queued message per turn, after this handler's first.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        // Then a turn of its own to lint in (turns.ts): the document being edited before a refresh's backlog.
        await turns.next(performance.now() - (touched.get(doc.uri) ?? -Infinity) < ACTIVE_MS);
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled by the client.');
        if (documents.get(doc.uri)?.version !== version) {
          throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed before it was linted.', { retriggerRequest: true });
        }
        const outcome = await linter.lint(doc);
        if (documents.get(doc.uri)?.version !== outcome.version) {
          throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was being linted.', { retriggerRequest: true });
        }
        if (params.previousResultId === outcome.resultId) return { kind: 'unchanged', resultId: outcome.resultId };
        return { kind: 'full', resultId: outcome.resultId, items: outcome.diagnostics };
      }),
    );
    subscriptions.push(
      documents.onDidOpen((e) => {
        // Pulled diagnostics replace whatever was pushed while the file was closed.
        if (pushedUnopened.delete(e.document.uri)) push(e.document.uri, []);
      }),
    );
  } else {
    subscriptions.push(
      documents.onDidOpen((e) => {
        pushedUnopened.delete(e.document.uri);
        schedule(e.document.uri, 0);
      }),
      documents.onDidChangeContent((e) => schedule(e.document.uri, CHANGE_DEBOUNCE_MS)),
      documents.onDidClose((e) => {
        clearTimeout(timers.get(e.document.uri));
        timers.delete(e.document.uri);
        push(e.document.uri, []);
      }),
    );
  }
  subscriptions.push(
    documents.onDidOpen((e) => touched.set(e.document.uri, performance.now())),
    documents.onDidChangeContent((e) => {
      touched.set(e.document.uri, performance.now());
      turns.userActive();
    }),
    documents.onDidClose((e) => {
      touched.delete(e.document.uri);
      held.delete(e.document.uri);
      linter.forget(e.document.uri);
    }),
    terms.onDidChange(() => refreshAll()),
    configs.onDidChangeProblems(() => refreshAll()),
    deps.settings.onDidChange(() => {
      linter.invalidate();
      refreshAll();
    }),
  );

  return {
    publishUnopened,
    refreshAll,
    relint,
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      for (const s of subscriptions) s.dispose();
    },
  };
}
