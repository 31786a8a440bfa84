/**
 * Wires the language server: reads the client's capabilities, creates the shared services
 * (settings, term lists, linter) and registers each feature. Features never talk to each other
 * except through these services; nothing here knows how matching works.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guardedDocumentSync } from './documentSync';
import { createDocumentLinter } from './linting';
import { FIX_ALL_KIND, registerCodeActions } from './features/codeActions';
import { registerDiagnostics } from './features/diagnostics';
import { registerExtract } from './features/extract';
import { registerHover } from './features/hover';
import { registerTermUsage } from './features/termUsage';
import { registerWorkspaceLint } from './features/workspaceLint';
import type { Host } from './host';
import { createTurns } from './turns';
import { registerSettings } from './settings';
import { registerTermLists, type TermStore } from './termLists';
import { connectionLogger, runLogged } from './util';
import { createWorkspaceFiles } from './workspaceFiles';

export interface ServerDeps {
  host: Host;
  /** Called after each lint: the Node entry point uses it to give memory back once the server is idle. */
  afterWork?: () => void;
}

export function startServer(connection: Connection, deps: ServerDeps): void {
  const logger = connectionLogger(connection);
  const documents = new TextDocuments(TextDocument);
  // One queue of turns for the server's work, urgent pulls first and background work spaced out (turns.ts).
  const turns = createTurns();
  const disposables: Disposable[] = [turns];
  let terms: (TermStore & Disposable) | undefined;
  let registerConfigurationChanges = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const pull = caps.textDocument?.diagnostic !== undefined;
    const edit = caps.workspace?.workspaceEdit;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    registerConfigurationChanges = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;

    const settings = registerSettings({ connection, logger, pullConfiguration: caps.workspace?.configuration === true });
    terms = registerTermLists({
      connection,
      documents,
      settings,
      host: deps.host,
      logger,
      workspaceFolders: folders,
      dynamicWatchers: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      turns,
    });
    const linter = createDocumentLinter(settings, terms, deps.afterWork);
    const publisher = registerDiagnostics({
      connection,
      documents,
      linter,
      terms,
      settings,
      logger,
      pull,
      refreshSupport: caps.workspace?.diagnostics?.refreshSupport === true,
      turns,
    });
    const documentChanges = edit?.documentChanges === true;
    const createFiles = edit?.resourceOperations?.includes('create') === true;
    const workDoneProgress = caps.window?.workDoneProgress === true;
    const markdown = caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? true;
    const loadedTerms = terms;
    const files = createWorkspaceFiles({ connection, documents, linter, terms, settings, host: deps.host, logger, workDoneProgress });
    disposables.push(
      settings,
      loadedTerms,
      publisher,
      registerCodeActions({ connection, documents, linter, terms, settings, host: deps.host, logger, documentChanges, createFiles }),
      registerHover({ connection, documents, linter, logger, markdown }),
      registerWorkspaceLint({ connection, documents, linter, terms, settings, files, logger, publisher, documentChanges }),
      registerTermUsage({ connection, documents, linter, terms, files, logger }),
      registerExtract({ connection, documents, terms, settings, logger }),
      // New settings may name other term files: rescan (which re-lints when done).
      settings.onDidChange(() => runLogged(logger, 'reloading term lists after a settings change', () => loadedTerms.reload())),
    );

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: 'termlint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'termlint' },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationChanges) {
      runLogged(logger, 'registering for configuration changes', () => connection.client.register(DidChangeConfigurationNotification.type, { section: 'termlint' }));
    }
    if (terms) runLogged(logger, 'loading term lists', () => terms!.reload());
  });

  connection.onShutdown(() => {
    for (const d of disposables.splice(0)) d.dispose();
  });

  documents.listen(guardedDocumentSync(connection, logger));
  connection.listen();
}
