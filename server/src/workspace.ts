/**
 * The workspace as the client reports it: its folders (`didChangeWorkspaceFolders`) and the watched files that
 * changed on disk (`didChangeWatchedFiles`). LSP lets a server have one handler per notification, and both term
 * lists and project configurations need them, so this service takes them and hands them on.
 */
import {
  DidChangeWorkspaceFoldersNotification,
  Emitter,
  type Connection,
  type Disposable,
  type Event,
  type FileEvent,
} from 'vscode-languageserver';
import { guardNotification, type Logger } from './util';

export interface WorkspaceEvents {
  /** The workspace folders' URIs, as they are now. */
  folders(): readonly string[];
  /** The folders changed (already applied to `folders()`). */
  readonly onDidChangeFolders: Event<void>;
  /** Files matching a registered watcher changed on disk; each listener is awaited in turn. */
  onDidChangeWatchedFiles(listener: (changes: readonly FileEvent[]) => Promise<void>): Disposable;
}

export function registerWorkspaceEvents(connection: Connection, initialFolders: readonly string[], logger: Logger): WorkspaceEvents & Disposable {
  let folders = [...initialFolders];
  const foldersChanged = new Emitter<void>();
  const fileListeners = new Set<(changes: readonly FileEvent[]) => Promise<void>>();

  connection.onDidChangeWatchedFiles(
    guardNotification(logger, 'workspace/didChangeWatchedFiles', (p) => p.changes[0]?.uri, async (params) => {
      for (const listener of [...fileListeners]) await listener(params.changes);
    }),
  );
  // Declared as `changeNotifications: true` in the server capabilities, so no dynamic registration is needed.
  connection.onNotification(
    DidChangeWorkspaceFoldersNotification.type,
    guardNotification(logger, 'workspace/didChangeWorkspaceFolders', () => undefined, (e) => {
      const removed = new Set(e.event.removed.map((f) => f.uri));
      folders = [...folders.filter((f) => !removed.has(f)), ...e.event.added.map((f) => f.uri)];
      foldersChanged.fire();
    }),
  );

  return {
    folders: () => folders,
    onDidChangeFolders: foldersChanged.event,
    onDidChangeWatchedFiles(listener) {
      fileListeners.add(listener);
      return { dispose: () => fileListeners.delete(listener) };
    },
    dispose() {
      foldersChanged.dispose();
      fileListeners.clear();
    },
  };
}
