/**
 * The term lists in force: the bundled ones, and the workspace's term files (found by the
 * `termlint.termFiles` globs, plus the workspace term file), kept up to date from disk
 * (didChangeWatchedFiles) and from open editors. A term file that stops parsing keeps its last good list.
 */
import picomatch from 'picomatch';
import {
  DidChangeWatchedFilesNotification,
  Emitter,
  FileChangeType,
  type Connection,
  type Disposable,
  type Event,
  type TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compileTerms, compileTermsInSteps, isTermListFile, readTermList, termListGlobs, type CompiledTerms, type TermFileProblem, type TermFileResult, type TermList } from './core';
import { twoHashes } from './core/hash';
import type { Host } from './host';
import { placeNearEdit } from './problemPlacement';
import { folderOf, joinUri, relativePath, runLogged, uriPath, type Logger } from './util';
import type { Settings, SettingsStore } from './settings';
import type { WorkspaceEvents } from './workspace';
import type { Turns } from './turns';

export interface TermFile {
  uri: string;
  bundled: boolean;
  /**
   * The text last parsed (editor content while open, else disk), for positions of problems and for placing
   * the problems of the next edit near it. Undefined for a closed file of KEEP_TEXT_BELOW characters or more
   * without problems, which has nothing to position: a 50,000-entry list's 2.9 MB of JSON is not held for
   * nothing (`fingerprint` then tells a later read of the same text).
   */
  document: TextDocument | undefined;
  /** Counts the texts parsed for this file. */
  version: number;
  /** Length and two hashes of the text, when `document` is not kept. */
  fingerprint?: string;
  problems: TermFileProblem[];
  /** The last list that parsed without errors. */
  list?: TermList;
  /** The file is open in the editor and its content comes from there. */
  open: boolean;
}

export interface TermsForDocument {
  compiled: CompiledTerms;
  /** Changes whenever any term list or the set of term files changes. */
  generation: number;
}

interface FolderConfig {
  termFiles: string[];
  workspaceTermFile: string;
  isTermFile: (relative: string) => boolean;
}

export interface TermStore {
  readonly onDidChange: Event<void>;
  readonly generation: number;
  /** True for term files (known, or matching a folder's `termFiles` globs / workspace term file). */
  isTermFile(uri: string): boolean;
  get(uri: string): TermFile | undefined;
  all(): readonly TermFile[];
  termsFor(uri: string, settings: Settings): TermsForDocument;
  /** The workspace term file for `uri` (in its workspace folder), or undefined outside any folder. */
  workspaceTermFileFor(uri: string, settings: Settings): string | undefined;
  folders(): readonly string[];
  /** Rescans everything (after a settings or workspace folder change). */
  reload(): Promise<void>;
  /** The compiled lists in use drop what matching has looked up (`CompiledTerms.forgetLookups`). */
  forgetLookups(): void;
}

export interface TermListsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  host: Host;
  logger: Logger;
  /** The workspace folders and the file watchers' events. */
  workspace: WorkspaceEvents;
  /** The client lets us register file watchers dynamically. */
  dynamicWatchers: boolean;
  /** Turns for background work (recompiling after a change), shared with the rest of the server. */
  turns: Turns;
  /** Told how much term-list text was read and when a compile starts (node/memory.ts collects in between). */
  garbage?: { read(chars: number): void; beforeCompile(): void; afterCompile(): void };
}

/** A closed term file without problems this long or longer is not kept as text once parsed (see TermFile). */
export const KEEP_TEXT_BELOW = 1_000_000;

/** Length and two 32-bit hashes of `text`: a read of a dropped text compares by these. */
export function textFingerprint(text: string): string {
  const [a, b] = twoHashes(text);
  return `${text.length}:${a >>> 0}:${b >>> 0}`;
}

/** Whether `file` was last parsed from `text`. */
function sameText(file: TermFile, text: string): boolean {
  return file.document ? file.document.getText() === text : file.fingerprint === textFingerprint(text);
}

/** Editor edits to a term file are applied after this pause, so typing does not re-lint on every key. */
const EDIT_DEBOUNCE_MS = 150;

function fileName(uri: string): string {
  return decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/.*\//, ''));
}

/** `glossary.terms.json changed, old.terms.json deleted`: what the log says about watcher events. */
function describeChanges(changes: readonly { uri: string; type: number }[]): string {
  const verb = (t: number) => (t === FileChangeType.Created ? 'created' : t === FileChangeType.Deleted ? 'deleted' : 'changed');
  return changes.map((c) => `${fileName(c.uri)} ${verb(c.type)}`).join(', ');
}

export function parseTermFileSafely(text: string, uri: string): TermFileResult {
  try {
    return readTermList(text, uri);
  } catch (err) {
    const message = `Termlint could not read this term file: ${err instanceof Error ? err.message : String(err)}`;
    return { problems: [{ severity: 'error', message, path: '', offset: 0, length: 0, line: 0, column: 0 }] };
  }
}

/** What a compiled set of lists depends on besides the term files themselves. */
interface ListsKey {
  folder: string | undefined;
  useBundled: boolean;
  /** The workspace term file from the settings, when the folder's own configuration has not been read. */
  workspaceTermFile: string;
}

export function registerTermLists(deps: TermListsDeps): TermStore & Disposable {
  const { connection, documents, host, logger } = deps;
  const files = new Map<string, TermFile>();
  const folderConfigs = new Map<string, FolderConfig>();
  const compiledCache = new Map<string, CompiledTerms>();
  const changed = new Emitter<void>();
  const editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const folders = () => deps.workspace.folders();
  let generation = 0;
  let watcherRegistration: Promise<Disposable> | undefined;
  let watchedKey = '';
  let reloading: Promise<void> | undefined;
  let reloadAgain = false;

  /** What each compiled list in the cache was made from, to make it again after a change. */
  const compiledInputs = new Map<string, ListsKey>();
  /** Bumped by every change: a recompilation still under way for an older one stops. */
  let recompiling = 0;

  /**
   * The term files changed. The lists in use are compiled again in the background, in slices of a
   * millisecond or two on background turns (turns.ts; `compileTermsInSteps`, misspelling index included), and
   * swapped in only when all are
   * ready: until then documents are linted with the lists in force, and typing is never held up for the
   * whole compilation (a 5,000-entry list takes tens of milliseconds, more on a busy machine).
   */
  function bump(): void {
    const run = ++recompiling;
    const inUse = [...compiledInputs];
    if (inUse.length === 0) {
      swap(new Map());
      return;
    }
    runLogged(logger, 'compiling term lists', async () => {
      const fresh = new Map<string, CompiledTerms>();
      deps.garbage?.beforeCompile();
      for (const [key, input] of inUse) {
        const steps = compileTermsInSteps(listsFor(input), { fuzzy: true });
        let step = steps.next();
        while (!step.done) {
          await deps.turns.next(false);
          if (run !== recompiling) return; // a newer change compiles again
          step = steps.next();
        }
        fresh.set(key, step.value);
      }
      swap(fresh);
      deps.garbage?.afterCompile();
    });
  }

  /** The freshly compiled lists in force, under a new generation (lists compiled on demand meanwhile go too). */
  function swap(fresh: Map<string, CompiledTerms>): void {
    compiledCache.clear();
    for (const key of [...compiledInputs.keys()]) if (!fresh.has(key)) compiledInputs.delete(key);
    for (const [key, compiled] of fresh) {
      compiledCache.set(key, compiled);
      logWarnings(compiledInputs.get(key)!, compiled);
    }
    generation++;
    changed.fire();
  }

  function logWarnings(input: ListsKey, compiled: CompiledTerms): void {
    for (const w of compiled.warnings) logger.info(`Term lists for ${input.folder ?? 'files outside any folder'}: ${w}`);
  }

  /** The lists a document in `input.folder` is checked against, in order: bundled, the folder's, its workspace term file last. */
  function listsFor(input: ListsKey): TermList[] {
    const { folder } = input;
    const lists: TermList[] = [];
    const fileList = [...files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    if (input.useBundled) for (const f of fileList) if (f.bundled && f.list) lists.push(f.list);
    // Workspace lists after bundled ones, so they override; the workspace term file comes last.
    const own = fileList.filter((f) => !f.bundled && f.list && (!folder || folderOf(folders(), f.uri) === folder || !folderOf(folders(), f.uri)));
    const wsFile = folder ? joinUri(folder, folderConfigs.get(folder)?.workspaceTermFile ?? input.workspaceTermFile) : undefined;
    own.sort((a, b) => Number(a.uri === wsFile) - Number(b.uri === wsFile));
    for (const f of own) lists.push(f.list!);
    return lists;
  }

  function setFile(uri: string, text: string, bundled: boolean, open: boolean): void {
    const previous = files.get(uri);
    if (previous && previous.open === open && sameText(previous, text)) return;
    const result = parseTermFileSafely(text, uri);
    deps.garbage?.read(text.length);
    const version = (previous?.version ?? 0) + 1;
    const problems = placeNearEdit(result.problems, previous?.document?.getText(), text);
    const keep = open || problems.length > 0 || text.length < KEEP_TEXT_BELOW;
    files.set(uri, {
      uri,
      bundled,
      document: keep ? TextDocument.create(uri, 'json', version, text) : undefined,
      version,
      ...(keep ? {} : { fingerprint: textFingerprint(text) }),
      problems,
      list: result.list ?? previous?.list,
      open,
    });
  }

  /** One line per edited term file: how many terms it gives, and whether its last good version stays in force. */
  function logEdited(uri: string): void {
    const f = files.get(uri);
    if (!f) return;
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    const terms = f.list?.terms.length ?? 0;
    logger.info(
      `Term list ${fileName(uri)} edited: ` +
        (errors ? `${errors} error${errors === 1 ? '' : 's'}; ${f.list ? `keeping its last good version (${terms} terms)` : 'not used until they are fixed'}` : `${terms} terms`),
    );
  }

  /** Reads of one file may overlap (bursts of watcher events); only the latest one counts. */
  const readSeq = new Map<string, number>();
  async function readInto(uri: string, bundled: boolean): Promise<void> {
    const seq = (readSeq.get(uri) ?? 0) + 1;
    readSeq.set(uri, seq);
    const text = await host.readFile(uri);
    if (readSeq.get(uri) !== seq || documents.get(uri)) return; // superseded, or the editor's copy rules
    if (text === undefined) files.delete(uri);
    else setFile(uri, text, bundled, false);
  }

  async function scan(): Promise<void> {
    const found = new Set<string>();
    const config = new Map<string, FolderConfig>();
    // Bundled lists are always loaded; whether a document uses them is a per-resource setting.
    for (const uri of await host.bundledTermFiles()) {
      found.add(uri);
      if (!files.has(uri)) await readInto(uri, true);
    }
    for (const folder of folders()) {
      const s = await deps.settings.get(folder);
      const matchers = [...s.termFiles, s.workspaceTermFile].map((g) => picomatch(g, { dot: true }));
      config.set(folder, {
        termFiles: s.termFiles,
        workspaceTermFile: s.workspaceTermFile,
        isTermFile: (rel) => matchers.some((m) => m(rel)),
      });
      const uris = await host.findFiles(folder, [...s.termFiles, s.workspaceTermFile], []);
      for (const uri of uris) {
        found.add(uri);
        const doc = documents.get(uri);
        if (doc) setFile(uri, doc.getText(), false, true);
        else await readInto(uri, false);
      }
    }
    folderConfigs.clear();
    for (const [k, v] of config) folderConfigs.set(k, v);
    // Term files open in the editor count even when not (yet) on disk.
    for (const doc of documents.all()) {
      if (isTermFile(doc.uri)) {
        found.add(doc.uri);
        setFile(doc.uri, doc.getText(), files.get(doc.uri)?.bundled ?? false, true);
      }
    }
    for (const uri of [...files.keys()]) if (!found.has(uri)) files.delete(uri);
    await updateWatchers();
    const all = [...files.values()];
    const broken = all.filter((f) => f.problems.some((p) => p.severity === 'error'));
    logger.info(
      `Term lists: ${all.length} file(s) (${all.filter((f) => f.bundled).length} shipped), ${all.reduce((n, f) => n + (f.list?.terms.length ?? 0), 0)} terms` +
        (broken.length ? `; with errors: ${broken.map((f) => f.uri).join(', ')}` : ''),
    );
    bump();
  }

  async function updateWatchers(): Promise<void> {
    if (!deps.dynamicWatchers) return;
    const patterns = new Set<string>(termListGlobs());
    for (const c of folderConfigs.values()) {
      for (const g of c.termFiles) patterns.add(g.startsWith('**/') || g.startsWith('/') ? g : `**/${g}`);
      patterns.add(`**/${c.workspaceTermFile}`);
    }
    const key = [...patterns].sort().join('\n');
    if (key === watchedKey) return;
    watchedKey = key;
    const old = watcherRegistration;
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [...patterns].map((globPattern) => ({ globPattern })),
    });
    if (old) (await old).dispose();
    await watcherRegistration;
  }

  function isTermFile(uri: string): boolean {
    if (files.has(uri)) return true;
    const folder = folderOf(folders(), uri);
    const c = folder ? folderConfigs.get(folder) : undefined;
    if (folder && c) {
      const rel = relativePath(folder, uri);
      return rel !== undefined && c.isTermFile(rel);
    }
    // Outside the workspace folders (or before the first scan), the readers' naming decides.
    return isTermListFile(uriPath(uri));
  }

  const store: TermStore & Disposable = {
    onDidChange: changed.event,
    get generation() {
      return generation;
    },
    isTermFile,
    get: (uri) => files.get(uri),
    all: () => [...files.values()],
    termsFor(uri, settings) {
      const folder = folderOf(folders(), uri);
      const key = `${settings.useBundledTerms ? 'b' : '-'}|${folder ?? ''}`;
      let compiled = compiledCache.get(key);
      if (!compiled) {
        // First use of these lists: compiled now, in one go (the document waits for them either way).
        const input: ListsKey = { folder, useBundled: settings.useBundledTerms, workspaceTermFile: settings.workspaceTermFile };
        deps.garbage?.beforeCompile();
        compiled = compileTerms(listsFor(input));
        deps.garbage?.afterCompile();
        compiledInputs.set(key, input);
        logWarnings(input, compiled);
        compiledCache.set(key, compiled);
      }
      return { compiled, generation };
    },
    workspaceTermFileFor(uri, settings) {
      const folder = folderOf(folders(), uri);
      return folder ? joinUri(folder, settings.workspaceTermFile) : undefined;
    },
    folders,
    forgetLookups() {
      for (const compiled of compiledCache.values()) compiled.forgetLookups();
    },
    reload() {
      // Serialize rescans; a request during one triggers exactly one more.
      if (reloading) {
        reloadAgain = true;
        return reloading;
      }
      reloading = (async () => {
        try {
          do {
            reloadAgain = false;
            await scan();
          } while (reloadAgain);
        } finally {
          reloading = undefined;
        }
      })();
      return reloading;
    },
    dispose() {
      recompiling++; // a recompilation under way stops
      for (const t of editTimers.values()) clearTimeout(t);
      changed.dispose();
      if (watcherRegistration) runLogged(logger, 'unregistering file watchers', async () => (await watcherRegistration!).dispose());
    },
  };

  const onFiles = deps.workspace.onDidChangeWatchedFiles(async (changes) => {
    let any = false;
    for (const change of changes) {
      if (!isTermFile(change.uri) || documents.get(change.uri)) continue; // open files follow the editor
      any = true;
      // A deletion reads too (and finds nothing): it must supersede a read still under way, or that read
      // would bring the deleted file back.
      await readInto(change.uri, files.get(change.uri)?.bundled ?? false);
    }
    if (any) {
      logger.info(`Term lists: ${describeChanges(changes.filter((c) => isTermFile(c.uri)))} on disk; checking again`);
      bump();
    }
  });

  const subscriptions: Disposable[] = [
    onFiles,
    deps.workspace.onDidChangeFolders(() => runLogged(logger, 'reloading term lists after a workspace folder change', () => store.reload())),
    documents.onDidOpen((e) => {
      if (!isTermFile(e.document.uri)) return;
      setFile(e.document.uri, e.document.getText(), files.get(e.document.uri)?.bundled ?? false, true);
      bump();
    }),
    documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      if (!isTermFile(uri) || !files.get(uri)?.open) return;
      clearTimeout(editTimers.get(uri));
      editTimers.set(
        uri,
        setTimeout(() => {
          editTimers.delete(uri);
          const doc = documents.get(uri);
          if (!doc) return;
          const before = files.get(uri)?.document?.getText();
          setFile(uri, doc.getText(), files.get(uri)?.bundled ?? false, true);
          if (before !== doc.getText()) {
            logEdited(uri);
            bump();
          }
        }, EDIT_DEBOUNCE_MS),
      );
    }),
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      const known = files.get(uri);
      if (!known) return;
      clearTimeout(editTimers.get(uri));
      editTimers.delete(uri);
      // Back to what is on disk (an unsaved or untitled term file disappears).
      runLogged(logger, `reloading ${uri}`, async () => {
        await readInto(uri, known.bundled);
        bump();
      });
    }),
  ];
  const dispose = store.dispose.bind(store);
  store.dispose = () => {
    for (const s of subscriptions) s.dispose();
    dispose();
  };

  return store;
}
