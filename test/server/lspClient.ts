/**
 * A minimal LSP client for the server tests: spawns the bundled server (`dist/server.js --stdio`),
 * speaks JSON-RPC over its stdio, answers the server's requests (configuration, registrations,
 * progress), and lets tests wait for notifications by predicate instead of sleeping.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export type Mode = 'pull' | 'push';

export function capabilities(mode: Mode, configuration = true, refreshSupport = true): ClientCapabilities {
  return {
    workspace: {
      configuration,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      ...(mode === 'pull' && refreshSupport ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: true },
  };
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A waiter resolves when some event satisfies its predicate. */
interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

class EventLog<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];
  push(value: T): void {
    this.all.push(value);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(value)) return true;
      w.resolve(value);
      return false;
    });
  }
  /** The next event (after now) satisfying `test`. */
  next(test: (value: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

export interface OpenDocument {
  doc: TextDocument;
}

export class TestClient {
  readonly diagnostics = new EventLog<PublishDiagnosticsParams>();
  readonly refreshes = new EventLog<number>();
  readonly logs = new EventLog<LogMessageParams>();
  readonly registrations = new EventLog<Registration>();
  readonly progress = new EventLog<unknown>();
  readonly projectLanguages = new EventLog<string[]>();
  readonly configurationRequests = new EventLog<(string | undefined)[]>();
  /** How long the editor takes to take in each `workspace/diagnostic/refresh` (0: at once). */
  refreshDelayMs = 0;
  /** While set, `workspace/configuration` requests are answered only once it resolves (an editor slow to answer). */
  holdConfiguration: Promise<void> | undefined;
  /** `termlint` settings by scope URI prefix ('' = everywhere); later, longer prefixes win. */
  settings: Record<string, Record<string, unknown>> = { '': {} };
  readonly docs = new Map<string, TextDocument>();
  initializeResult!: InitializeResult;
  stderr = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly connection: MessageConnection,
    readonly process: ChildProcessWithoutNullStreams,
    readonly mode: Mode,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnostics.push(p));
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p));
    connection.onNotification('$/progress', (p: unknown) => this.progress.push(p));
    connection.onNotification('termlint/projectLanguages', (p: { languages: string[] }) => this.projectLanguages.push(p.languages));
    connection.onRequest(ConfigurationRequest.type, async (p) => {
      this.configurationRequests.push(p.items.map((i) => i.scopeUri));
      if (this.holdConfiguration) await this.holdConfiguration;
      return p.items.map((item) => (item.section === 'termlint' ? this.settingsFor(item.scopeUri) : null));
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push(r);
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, async () => {
      // A busy editor takes a while to take a refresh in: what the server asked for arrives later than it was sent.
      if (this.refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.refreshDelayMs));
      this.refreshes.push(this.refreshes.all.length + 1);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, async (p) => {
      await this.applyEdit(p.edit);
      return { applied: true };
    });
  }

  static async start(
    options: {
      mode?: Mode;
      workspace?: string;
      settings?: Record<string, unknown>;
      initializationOptions?: unknown;
      configuration?: boolean;
      /** Default true; false for a pull client that never honours `workspace/diagnostic/refresh`. */
      refreshSupport?: boolean;
      holdConfiguration?: Promise<void>;
      /** An editor that takes this long to take in each refresh request (a busy one). */
      refreshDelayMs?: number;
    } = {},
  ): Promise<TestClient> {
    const mode = options.mode ?? 'pull';
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(connection, child, mode);
    if (options.settings) client.settings[''] = options.settings;
    client.holdConfiguration = options.holdConfiguration;
    client.refreshDelayMs = options.refreshDelayMs ?? 0;
    connection.listen();
    const folders = options.workspace ? [{ uri: fileUri(options.workspace), name: path.basename(options.workspace) }] : null;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: capabilities(mode, options.configuration ?? true, options.refreshSupport ?? true),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Settings the fake editor answers for `scopeUri`. */
  settingsFor(scopeUri: string | undefined): Record<string, unknown> {
    let merged: Record<string, unknown> = {};
    const prefixes = Object.keys(this.settings).sort((a, b) => a.length - b.length);
    for (const prefix of prefixes) if (prefix === '' || (scopeUri ?? '').startsWith(prefix)) merged = { ...merged, ...this.settings[prefix] };
    return merged;
  }

  /** Changes settings and tells the server, the way VS Code does for pull-model servers. */
  async changeSettings(settings: Record<string, unknown>, prefix = ''): Promise<void> {
    this.settings[prefix] = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { termlint: this.settingsFor(undefined) } });
  }

  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Sends incremental changes (and applies them to the client's copy). */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<TextDocument> {
    const doc = this.doc(uri);
    const version = doc.version + 1;
    TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return doc;
  }

  /** Replaces `search` (first occurrence) with `replacement`, as one incremental change. */
  async replace(uri: string, search: string, replacement: string): Promise<TextDocument> {
    const doc = this.doc(uri);
    const offset = doc.getText().indexOf(search);
    if (offset < 0) throw new Error(`"${search}" not in ${uri}`);
    return this.change(uri, [{ range: { start: doc.positionAt(offset), end: doc.positionAt(offset + search.length) }, text: replacement }]);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  doc(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  /**
   * Diagnostics of an open document, whichever way the server delivers them: pulled (retrying when the
   * server asks to) or the next push for the current version that satisfies `until`.
   */
  async diagnosticsOf(uri: string, until: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    if (this.mode === 'push') {
      const version = this.docs.get(uri)?.version;
      const last = [...this.diagnostics.all].reverse().find((p) => p.uri === uri);
      if (last && last.version === version && until(last.diagnostics)) return last.diagnostics;
      const p = await this.diagnostics.next((p) => p.uri === uri && (version === undefined || p.version === version) && until(p.diagnostics));
      return p.diagnostics;
    }
    for (;;) {
      const refreshed = this.refreshes.next();
      const report = await this.pull(uri);
      const items = report.kind === 'full' ? report.items : [];
      if (until(items)) return items;
      await refreshed; // the server says when there is something new to pull
    }
  }

  /**
   * Resolves once `quietMs` pass with no refresh request: the refreshes the steps so far caused (re-lints on the
   * server's background turns, each ending with a refresh when the editor may lack a result) have all arrived, so
   * a test that counts refreshes from here counts its own steps'. Fails after `withinMs` of refreshes.
   */
  async refreshesSettled(quietMs = 300, withinMs = 10_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const seen = this.refreshes.all.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.refreshes.all.length === seen) return;
      if (Date.now() > deadline) throw new Error(`refreshes still arriving after ${withinMs} ms`);
    }
  }

  /** The next pushed diagnostics for `uri` satisfying `until` (for files that are not open). */
  async pushedFor(uri: string, until: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const last = [...this.diagnostics.all].reverse().find((p) => p.uri === uri);
    if (last && until(last.diagnostics)) return last.diagnostics;
    return (await this.diagnostics.next((p) => p.uri === uri && until(p.diagnostics))).diagnostics;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const context: CodeActionContext = { diagnostics, ...(only ? { only } : {}) };
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }) as Promise<CodeAction[]>;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** The globs of a file-watcher registration whose globs pass `test`: one made already, or the next. */
  async watchedGlobs(test: (globs: string[]) => boolean): Promise<string[]> {
    const globsOf = (r: Registration) =>
      r.method === DidChangeWatchedFilesNotification.method ? (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern) : [];
    const matches = (r: Registration) => r.method === DidChangeWatchedFilesNotification.method && test(globsOf(r));
    return globsOf(this.registrations.all.find(matches) ?? (await this.registrations.next(matches)));
  }

  watchedFileChanged(uri: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  /**
   * Applies a WorkspaceEdit the way an editor would: to open documents (checking versions) and to files
   * on disk, creating files when asked. Open documents get a didChange so the server sees the edit.
   */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    const perUri: { uri: string; version: number | null | undefined; edits: TextEdit[] }[] = [];
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind !== 'create') throw new Error(`unsupported resource operation ${change.kind}`);
        const p = fileURLToPath(change.uri);
        if (!(fs.existsSync(p) && change.options?.ignoreIfExists)) {
          fs.mkdirSync(path.dirname(p), { recursive: true });
          fs.writeFileSync(p, '');
        }
        continue;
      }
      perUri.push({ uri: change.textDocument.uri, version: change.textDocument.version, edits: change.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.push({ uri, version: undefined, edits });
    for (const { uri, version, edits } of perUri) {
      const open = this.docs.get(uri);
      if (open) {
        if (typeof version === 'number' && version !== open.version) throw new Error(`version mismatch for ${uri}: edit for ${version}, document at ${open.version}`);
        // Apply back to front so earlier ranges stay valid, as one didChange.
        const sorted = [...edits].sort((a, b) => open.offsetAt(b.range.start) - open.offsetAt(a.range.start));
        await this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
      } else {
        const p = fileURLToPath(uri);
        const before = fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
        fs.writeFileSync(p, TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, before), edits));
      }
    }
  }

  async shutdown(): Promise<void> {
    if (this.process.exitCode !== null) return;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await this.exited;
    this.connection.dispose();
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

/** A temporary workspace folder with the given files (relative paths -> contents). */
export function makeWorkspace(files: Record<string, string>): { root: string; uri: (rel: string) => string; write: (rel: string, text: string) => void; remove: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-server-')));
  const write = (rel: string, text: string) => {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { root, uri: (rel) => fileUri(path.join(root, rel)), write, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The text a list of LSP edits produces on `text`. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'plaintext', 0, text), edits);
}

export { FileChangeType };
