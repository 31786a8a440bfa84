/**
 * Wires the language server: reads the client's capabilities, creates the shared services
 * (settings, term lists, linter) and registers each feature. Features never talk to each other
 * except through these services; nothing here knows how matching works.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guardedDocumentSync } from './documentSync';
import { createDocumentLinter } from './linting';
import { createPairService } from './pairs';
import { FIX_ALL_KIND, registerCodeActions } from './features/codeActions';
import { registerDiagnostics } from './features/diagnostics';
import { registerExtract } from './features/extract';
import { registerHover } from './features/hover';
import { registerPairCommands } from './features/pairs';
import { registerTermUsage } from './features/termUsage';
import { registerWorkspaceLint } from './features/workspaceLint';
import type { ConfigValidator } from './config/projectConfig';
import type { Host } from './host';
import { registerProjectConfigs, type ProjectConfigStore } from './projectConfigs';
import { createTurns } from './turns';
import { registerSettings } from './settings';
import { registerTermLists, type TermListsDeps, type TermStore } from './termLists';
import { ProjectLanguagesNotification } from './protocol';
import { connectionLogger, runLogged } from './util';
import { createWorkspaceFiles } from './workspaceFiles';
import { registerWorkspaceEvents } from './workspace';

export interface ServerDeps {
  host: Host;
  /** Checks `termlint.config.json` files against the shipped schema (compiled on first use). */
  configValidator: () => ConfigValidator;
  /** Called after each lint: the Node entry point uses it to give memory back once the server is idle. */
  afterWork?: () => void;
  /** Told of term-list text read and of each compile: the Node entry point collects in between after a large read. */
  garbage?: TermListsDeps['garbage'];
}

/** What the entry point can ask of a running server. */
export interface RunningServer {
  /** The server has been idle for a while: drop what is kept only to make the next lints faster. */
  forgetLookups(): void;
}

export function startServer(connection: Connection, deps: ServerDeps): RunningServer {
  const logger = connectionLogger(connection);
  const documents = new TextDocuments(TextDocument);
  // One queue of turns for the server's work, urgent pulls first and background work spaced out (turns.ts).
  const turns = createTurns();
  const disposables: Disposable[] = [turns];
  let terms: (TermStore & Disposable) | undefined;
  let configs: (ProjectConfigStore & Disposable) | undefined;
  let loaded!: () => void;
  let sendLanguages = () => {};
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  let registerConfigurationChanges = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const pull = caps.textDocument?.diagnostic !== undefined;
    const edit = caps.workspace?.workspaceEdit;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    registerConfigurationChanges = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;

    const dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const workspace = registerWorkspaceEvents(connection, folders, logger);
    configs = registerProjectConfigs({ connection, documents, host: deps.host, logger, workspace, validator: deps.configValidator, dynamicWatchers });
    const settings = registerSettings({ connection, logger, configs, pullConfiguration: caps.workspace?.configuration === true });
    terms = registerTermLists({ connection, documents, settings, host: deps.host, logger, workspace, dynamicWatchers, turns, ...(deps.garbage ? { garbage: deps.garbage } : {}) });
    const pairs = createPairService({
      documents,
      host: deps.host,
      folders: () => workspace.folders(),
      logger,
      workspace,
      ...(dynamicWatchers ? { watchFiles: (globPattern: string) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }) } : {}),
    });
    const linter = createDocumentLinter({ settings, terms, configs, ready, pairs, ...(deps.afterWork ? { afterWork: deps.afterWork } : {}) });
    const publisher = registerDiagnostics({
      connection,
      documents,
      linter,
      terms,
      configs,
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
    const loadedConfigs = configs;
    let languagesSent = '';
    sendLanguages = () => {
      const languages = loadedConfigs.languages();
      if (JSON.stringify(languages) === languagesSent) return;
      languagesSent = JSON.stringify(languages);
      runLogged(logger, 'sending the project languages', () => connection.sendNotification(ProjectLanguagesNotification, { languages }));
    };
    disposables.push(
      loadedConfigs.onDidChange(() => sendLanguages()),
      workspace,
      configs,
      settings,
      loadedTerms,
      publisher,
      pairs,
      // A translation's diagnostics follow its source: an edit of it (opening is one) re-lints them, and so does
      // closing it, after which the disk's text is the source.
      pairs.onDidChangeTargets((uris) => publisher.relint(uris)),
      documents.onDidOpen((e) => pairs.touched(e.document.uri, 'opened')),
      documents.onDidChangeContent((e) => pairs.touched(e.document.uri, 'changed')),
      documents.onDidClose((e) => pairs.touched(e.document.uri, 'closed')),
      registerCodeActions({ connection, documents, linter, terms, settings, host: deps.host, logger, documentChanges, createFiles }),
      registerHover({ connection, documents, linter, logger, markdown }),
      registerPairCommands({ connection, documents, linter, pairs, settings, host: deps.host, logger }),
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
    // The configurations first, quietly: the term lists they name are loaded next, with the settings they give.
    const [c, t] = [configs, terms];
    if (c && t) {
      runLogged(logger, 'loading the project configuration and term lists', async () => {
        try {
          await c.reload(false);
          sendLanguages();
          await t.reload();
        } finally {
          loaded();
        }
      });
    } else loaded();
  });

  connection.onShutdown(() => {
    for (const d of disposables.splice(0)) d.dispose();
  });

  documents.listen(guardedDocumentSync(connection, logger));
  connection.listen();
  return { forgetLookups: () => terms?.forgetLookups() };
}
