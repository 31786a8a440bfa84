/**
 * The project configuration of each workspace folder: `termlint.config.json` at its root, read from disk, followed
 * while it is edited in the editor (after a short pause), and re-read when it changes on disk. A configuration
 * that stops parsing keeps its last good version in force and its problems are shown in the file.
 */
import { DidChangeWatchedFilesNotification, Emitter, FileChangeType, type Connection, type Disposable, type Event, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from './config/keys';
import { type ConfigProblem, type ConfigValidator, type ProjectConfig, parseProjectConfig } from './config/projectConfig';
import { type ConfigLayer, configLayerFor } from './config/resolve';
import type { Host } from './host';
import { folderOf, joinUri, relativePath, runLogged, type Logger } from './util';
import type { WorkspaceEvents } from './workspace';

export interface ConfigFile {
  uri: string;
  /** The workspace folder it configures. */
  folder: string;
  /** The text last parsed (the editor's while open, else the disk's), for positions of problems. */
  document: TextDocument;
  problems: ConfigProblem[];
  /** The last version that had no errors. */
  config?: ProjectConfig;
}

export interface ProjectConfigStore {
  /** Fired when a configuration in force changed (a new good version, or one appeared or went). */
  readonly onDidChange: Event<void>;
  /** Fired when the problems of a configuration file changed (diagnostics to show again). */
  readonly onDidChangeProblems: Event<void>;
  isConfigFile(uri: string): boolean;
  get(uri: string): ConfigFile | undefined;
  all(): readonly ConfigFile[];
  /** The configuration's settings for a document or folder: its folder's file, with the overrides that match. */
  layerFor(uri: string | undefined): ConfigLayer;
  /** The language ids the configurations in force name in `languages` (sorted, no repeats). */
  languages(): string[];
  /** Reads every folder's file again; `notify: false` at start-up, when nothing has used the settings yet. */
  reload(notify?: boolean): Promise<void>;
}

export interface ProjectConfigDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  host: Host;
  logger: Logger;
  workspace: WorkspaceEvents;
  /** Checks configurations against the schema (compiled once, by the Node entry point). */
  validator: () => ConfigValidator;
  dynamicWatchers: boolean;
}

const EDIT_DEBOUNCE_MS = 150;
const EMPTY_LAYER: ConfigLayer = Object.freeze({ settings: {}, overrides: [] });

export function registerProjectConfigs(deps: ProjectConfigDeps): ProjectConfigStore & Disposable {
  const { documents, host, logger } = deps;
  const files = new Map<string, ConfigFile>();
  const changed = new Emitter<void>();
  const problemsChanged = new Emitter<void>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let watcher: Promise<Disposable> | undefined;

  const configUri = (folder: string) => joinUri(folder, CONFIG_FILE_NAME);
  const folderFor = (uri: string) => deps.workspace.folders().find((f) => configUri(f) === uri);
  const isConfigFile = (uri: string) => folderFor(uri) !== undefined;

  /** Parses `text` for `uri`; true when the configuration in force changed. */
  function setText(uri: string, folder: string, text: string | undefined): boolean {
    const previous = files.get(uri);
    if (text === undefined) {
      files.delete(uri);
      if (previous) logger.info(`Project configuration ${uri} is gone: back to the settings alone`);
      if (previous?.problems.length) problemsChanged.fire();
      return previous?.config !== undefined;
    }
    if (previous && previous.document.getText() === text) return false;
    let result: { config?: ProjectConfig; problems: ConfigProblem[] };
    try {
      result = parseProjectConfig(text, uri, deps.validator());
    } catch (err) {
      result = { problems: [{ severity: 'error', message: `Termlint could not read this file: ${err instanceof Error ? err.message : String(err)}`, path: '', offset: 0, length: 0, line: 0, column: 0 }] };
    }
    const config = result.config ?? previous?.config;
    files.set(uri, { uri, folder, document: TextDocument.create(uri, 'jsonc', (previous?.document.version ?? 0) + 1, text), problems: result.problems, ...(config ? { config } : {}) });
    if (result.config) {
      const n = result.config.overrides.length;
      logger.info(`Project configuration ${uri}: ${Object.keys(result.config.settings).length} setting(s), ${n} override${n === 1 ? '' : 's'}`);
    } else {
      logger.info(`Project configuration ${uri} has ${result.problems.length} problem(s); ${previous?.config ? 'keeping its last good version' : 'not used until they are fixed'}`);
    }
    if (JSON.stringify(result.problems) !== JSON.stringify(previous?.problems ?? [])) problemsChanged.fire();
    return JSON.stringify(config) !== JSON.stringify(previous?.config);
  }

  /** Reads of one file may overlap (a burst of watcher events): only the latest one counts. */
  const readSeq = new Map<string, number>();
  async function readFromDisk(uri: string, folder: string): Promise<boolean> {
    const seq = (readSeq.get(uri) ?? 0) + 1;
    readSeq.set(uri, seq);
    const text = await host.readFile(uri);
    if (readSeq.get(uri) !== seq || documents.get(uri)) return false; // superseded, or the editor's copy rules
    return setText(uri, folder, text);
  }

  /**
   * The file was deleted: its configuration ends, even if a document of it is still open (VS Code keeps a closed
   * editor's document open for minutes). A read still under way is superseded; typing in the document again,
   * or saving it, brings it back.
   */
  function deleted(uri: string, folder: string): boolean {
    readSeq.set(uri, (readSeq.get(uri) ?? 0) + 1);
    return setText(uri, folder, undefined);
  }

  /**
   * The editor's text of an open configuration, which counts (unsaved edits included) only while the file exists:
   * VS Code keeps documents of closed editors open for minutes, and one of a deleted file would bring it back.
   */
  async function fromEditor(uri: string, folder: string, text: string): Promise<boolean> {
    const onDisk = (await host.fileSize(uri)) !== undefined;
    if (documents.get(uri)?.getText() !== text) return false; // edited meanwhile: that edit's turn comes
    if (!onDisk) logger.info(`Project configuration ${uri} is open but not on disk (deleted): not used until it is saved`);
    return setText(uri, folder, onDisk ? text : undefined);
  }

  async function readFolder(folder: string): Promise<boolean> {
    const uri = configUri(folder);
    const open = documents.get(uri);
    return open ? fromEditor(uri, folder, open.getText()) : readFromDisk(uri, folder);
  }

  /** Asks the client to watch configuration files (once; not awaited: reading them needs no answer). */
  function registerWatcher(): void {
    if (!deps.dynamicWatchers || watcher) return;
    watcher = deps.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
    watcher.catch((err: unknown) => logger.error('registering the configuration watcher', err));
  }

  const store: ProjectConfigStore & Disposable = {
    onDidChange: changed.event,
    onDidChangeProblems: problemsChanged.event,
    isConfigFile,
    get: (uri) => files.get(uri),
    all: () => [...files.values()],
    languages() {
      const all = new Set<string>();
      for (const f of files.values()) {
        const l = f.config?.settings.languages;
        if (Array.isArray(l)) for (const id of l) if (typeof id === 'string') all.add(id);
      }
      return [...all].sort();
    },
    layerFor(uri) {
      if (uri === undefined) return EMPTY_LAYER;
      const folder = folderOf(deps.workspace.folders(), uri);
      const config = folder ? files.get(configUri(folder))?.config : undefined;
      if (!folder || !config) return EMPTY_LAYER;
      return configLayerFor(config, uri === folder ? undefined : relativePath(folder, uri));
    },
    async reload(notify = true) {
      let any = false;
      const folders = deps.workspace.folders();
      for (const folder of folders) if (await readFolder(folder)) any = true;
      for (const [uri, f] of files) {
        if (!folders.includes(f.folder)) {
          files.delete(uri);
          any = true;
        }
      }
      registerWatcher();
      if (any && notify) changed.fire();
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      changed.dispose();
      problemsChanged.dispose();
      for (const s of subscriptions) s.dispose();
      if (watcher) runLogged(logger, 'unregistering the configuration watcher', async () => (await watcher!).dispose());
    },
  };

  const subscriptions: Disposable[] = [
    deps.workspace.onDidChangeWatchedFiles(async (changes) => {
      let any = false;
      for (const change of changes) {
        const folder = folderFor(change.uri);
        if (!folder) continue;
        logger.info(`Project configuration ${change.uri} ${change.type === FileChangeType.Deleted ? 'deleted' : 'changed'} on disk`);
        const open = documents.get(change.uri);
        // Saved from the editor: what it shows is what counts (it may have been deleted and saved again).
        if (change.type === FileChangeType.Deleted ? deleted(change.uri, folder) : open ? await fromEditor(change.uri, folder, open.getText()) : await readFromDisk(change.uri, folder)) any = true;
      }
      if (any) changed.fire();
    }),
    deps.workspace.onDidChangeFolders(() => runLogged(logger, 'reading project configurations', () => store.reload())),
    documents.onDidOpen((e) => {
      const folder = folderFor(e.document.uri);
      if (!folder) return;
      runLogged(logger, `reading ${e.document.uri}`, async () => {
        if (await fromEditor(e.document.uri, folder, e.document.getText())) changed.fire();
      });
    }),
    documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      const folder = folderFor(uri);
      if (!folder) return;
      clearTimeout(timers.get(uri));
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          const doc = documents.get(uri);
          if (!doc) return;
          runLogged(logger, `reading ${uri}`, async () => {
            if (await fromEditor(uri, folder, doc.getText())) changed.fire();
          });
        }, EDIT_DEBOUNCE_MS),
      );
    }),
    documents.onDidClose((e) => {
      const folder = folderFor(e.document.uri);
      if (!folder) return;
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      // Back to what is on disk (an unsaved edit no longer counts).
      runLogged(logger, `reloading ${e.document.uri}`, async () => {
        if (await readFolder(folder)) changed.fire();
      });
    }),
  ];
  return store;
}
