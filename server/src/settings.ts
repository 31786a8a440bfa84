/**
 * Termlint's settings per resource, in layers: the defaults, then the folder's project configuration
 * (`termlint.config.json`, its overrides for the document), then what the client sends (`workspace/configuration`
 * with a scopeUri, or the `termlint` section pushed by `didChangeConfiguration`). The VS Code extension sends only
 * the settings the user set, so a project's configuration is not overridden by defaults. Cached per URI, cleared
 * when the client's configuration or a project configuration changes.
 */
import { Emitter, type Connection, type Disposable, type Event } from 'vscode-languageserver';
import { Settings, isRecord, layerSettings } from './config/settings';
import type { ProjectConfigStore } from './projectConfigs';
import { type Logger, guardNotification } from './util';

// The shape and its normalizer live in config/settings.ts, which the CLI shares without the LSP library.
export { DEFAULT_SETTINGS, Settings, type SeverityName } from './config/settings';

export interface SettingsStore {
  /**
   * Settings for a document or folder URI (or the global ones without a URI). `clientScope` asks the client for
   * that scope instead (a workspace lint asks once per folder; the project configuration still applies per file).
   */
  get(uri?: string, clientScope?: string): Promise<Settings>;
  /** Fired after the cache was cleared because the client's or a project's configuration changed. */
  readonly onDidChange: Event<void>;
}

export interface SettingsDeps {
  connection: Connection;
  logger: Logger;
  configs: ProjectConfigStore;
  /** The client answers `workspace/configuration`; otherwise settings come from `didChangeConfiguration`. */
  pullConfiguration: boolean;
}

/** Registers the configuration handlers and returns the per-resource store. */
export function registerSettings(deps: SettingsDeps): SettingsStore & Disposable {
  const { connection, logger } = deps;
  const cache = new Map<string, Promise<Settings>>();
  /** What the client sent, per scope. */
  const clientCache = new Map<string, Promise<unknown>>();
  const changed = new Emitter<void>();
  let pushed: unknown = undefined;

  function fetch(uri: string | undefined): Promise<unknown> {
    if (!deps.pullConfiguration) return Promise.resolve(pushed);
    return connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'termlint' } : { section: 'termlint' }).then(
      (raw: unknown) => raw,
      (err: unknown) => {
        logger.error(`workspace/configuration failed for ${uri ?? '(global)'}`, err);
        return undefined;
      },
    );
  }

  function fromClient(scope: string | undefined): Promise<unknown> {
    const key = scope ?? '';
    let raw = clientCache.get(key);
    if (!raw) {
      raw = fetch(scope);
      clientCache.set(key, raw);
    }
    return raw;
  }

  const store: SettingsStore & Disposable = {
    get(uri, clientScope) {
      const key = `${uri ?? ''}\n${clientScope ?? ''}`;
      let s = cache.get(key);
      if (!s) {
        s = fromClient(clientScope ?? uri).then((raw) => Settings.from(layerSettings(deps.configs.layerFor(uri).settings, raw)));
        cache.set(key, s);
      }
      return s;
    },
    onDidChange: changed.event,
    dispose() {
      changed.dispose();
      projectChanges.dispose();
    },
  };

  const projectChanges = deps.configs.onDidChange(() => {
    cache.clear();
    changed.fire();
  });

  connection.onDidChangeConfiguration(
    guardNotification(logger, 'workspace/didChangeConfiguration', () => undefined, (params) => {
      // Clients without `workspace/configuration` push the whole `termlint` section here.
      const raw: unknown = isRecord(params.settings) ? params.settings.termlint : undefined;
      if (raw !== undefined) pushed = raw;
      cache.clear();
      clientCache.clear();
      changed.fire();
    }),
  );
  return store;
}
