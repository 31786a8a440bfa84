/**
 * Termlint's settings: one typed shape with defaults, a `from(raw)` normalizer, and a per-resource
 * cache filled through `workspace/configuration` (scopeUri) and cleared on `didChangeConfiguration`.
 */
import { Emitter, type Connection, type Disposable, type Event } from 'vscode-languageserver';
import { DEFAULT_LANGUAGE_IDS, DEFAULT_SEVERITY, SEVERITY_CHOICES, VARIANT_KINDS, termListGlobs, type LintOptions, type SeveritySetting, type VariantKind } from './core';
import { type Logger, guardNotification } from './util';

/** A kind's severity as set: a diagnostic severity, or `off`. */
export type SeverityName = SeveritySetting;

export interface Settings {
  enable: boolean;
  /** Language ids of documents to lint. */
  languages: string[];
  /** Globs (relative to each workspace folder) of term files. */
  termFiles: string[];
  /** Where "Add to term list" and "Ignore" write, relative to the workspace folder. */
  workspaceTermFile: string;
  useBundledTerms: boolean;
  severity: Record<VariantKind, SeverityName>;
  fuzzy: { enabled: boolean };
  consistency: { enabled: boolean };
  /** Consistency without a list (kind `variant`): where forms are counted, and which classes are checked. */
  variants: VariantSettings;
  /** The abbreviation checks (kinds `abbreviation`, `expansion`, `unused-abbreviation`). */
  abbreviations: { enabled: boolean };
  /** Globs (relative to the workspace folder) of files never linted. */
  exclude: string[];
  /** In bytes (UTF-8); bigger documents are not linted. */
  maxFileSize: number;
}

/**
 * `document`: each document is compared with itself as it is edited; `workspace`: "Lint workspace" counts forms
 * across the workspace folder's files (open documents are still compared with themselves as you type); `off`.
 */
export type VariantScope = 'document' | 'workspace' | 'off';

export interface VariantSettings {
  scope: VariantScope;
  hyphenation: boolean;
  spelling: boolean;
  capitalization: boolean;
}

const VARIANT_SCOPES: readonly VariantScope[] = ['document', 'workspace', 'off'];

const SEVERITY_NAMES = Object.keys(SEVERITY_CHOICES) as readonly SeverityName[];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  languages: [...DEFAULT_LANGUAGE_IDS],
  termFiles: termListGlobs(),
  workspaceTermFile: '.vscode/termlint.terms.json',
  useBundledTerms: true,
  severity: { ...DEFAULT_SEVERITY },
  fuzzy: { enabled: true },
  consistency: { enabled: true },
  variants: { scope: 'document' as VariantScope, hyphenation: true, spelling: true, capitalization: true },
  abbreviations: { enabled: true },
  exclude: [],
  maxFileSize: 2 * 1024 * 1024,
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, fallback: readonly string[]): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [...fallback];
  if (!Array.isArray(v)) return [...fallback];
  return v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/** `{ enabled: boolean }` sections may also be given as a plain boolean. */
function toggle(v: unknown, fallback: boolean): { enabled: boolean } {
  if (typeof v === 'boolean') return { enabled: v };
  return { enabled: isRecord(v) ? bool(v.enabled, fallback) : fallback };
}

/** `variants` as an object, or a plain boolean (false: scope `off`). */
function variantSettings(v: unknown): VariantSettings {
  const d = DEFAULT_SETTINGS.variants;
  if (typeof v === 'boolean') return { ...d, scope: v ? d.scope : 'off' };
  if (!isRecord(v)) return { ...d };
  const scope = typeof v.scope === 'string' && (VARIANT_SCOPES as readonly string[]).includes(v.scope) ? (v.scope as VariantScope) : d.scope;
  return { scope, hyphenation: bool(v.hyphenation, d.hyphenation), spelling: bool(v.spelling, d.spelling), capitalization: bool(v.capitalization, d.capitalization) };
}

export const Settings = {
  /** Normalizes whatever the client sent (missing, partial or mistyped values fall back to defaults). */
  from(raw: unknown): Settings {
    const r = isRecord(raw) ? raw : {};
    const severity: Record<VariantKind, SeverityName> = { ...DEFAULT_SEVERITY };
    if (isRecord(r.severity)) {
      for (const kind of VARIANT_KINDS) {
        const s = r.severity[kind];
        if (typeof s === 'string' && (SEVERITY_NAMES as readonly string[]).includes(s)) severity[kind] = s as SeverityName;
      }
    }
    const size = r.maxFileSize;
    const workspaceTermFile = typeof r.workspaceTermFile === 'string' && r.workspaceTermFile.trim() ? r.workspaceTermFile.trim() : DEFAULT_SETTINGS.workspaceTermFile;
    return {
      enable: bool(r.enable, DEFAULT_SETTINGS.enable),
      languages: stringList(r.languages, DEFAULT_SETTINGS.languages),
      termFiles: stringList(r.termFiles, DEFAULT_SETTINGS.termFiles),
      workspaceTermFile: workspaceTermFile.replace(/\\/g, '/').replace(/^\.\//, ''),
      useBundledTerms: bool(r.useBundledTerms, DEFAULT_SETTINGS.useBundledTerms),
      severity,
      fuzzy: toggle(r.fuzzy, DEFAULT_SETTINGS.fuzzy.enabled),
      consistency: toggle(r.consistency, DEFAULT_SETTINGS.consistency.enabled),
      variants: variantSettings(r.variants),
      abbreviations: toggle(r.abbreviations, DEFAULT_SETTINGS.abbreviations.enabled),
      exclude: stringList(r.exclude, DEFAULT_SETTINGS.exclude),
      maxFileSize: typeof size === 'number' && Number.isFinite(size) && size > 0 ? Math.floor(size) : DEFAULT_SETTINGS.maxFileSize,
    };
  },
  /** The kinds whose severity is not `off`. */
  enabledKinds(s: Settings): VariantKind[] {
    return VARIANT_KINDS.filter((k) => s.severity[k] !== 'off');
  },
  /** What the settings ask of the variant check, as LintOptions.variants. */
  variantOptions(s: Settings): LintOptions['variants'] {
    const v = s.variants;
    if (v.scope === 'off' || !(v.hyphenation || v.spelling || v.capitalization)) return false;
    return v.hyphenation && v.spelling && v.capitalization ? true : { hyphenation: v.hyphenation, spelling: v.spelling, capitalization: v.capitalization };
  },
};

export interface SettingsStore {
  /** Settings for a document or folder URI (or the global ones without a URI). */
  get(uri?: string): Promise<Settings>;
  /** Fired after the cache was cleared because the client's configuration changed. */
  readonly onDidChange: Event<void>;
}

export interface SettingsDeps {
  connection: Connection;
  logger: Logger;
  /** The client answers `workspace/configuration`; otherwise settings come from `didChangeConfiguration`. */
  pullConfiguration: boolean;
}

/** Registers the configuration handlers and returns the per-resource store. */
export function registerSettings(deps: SettingsDeps): SettingsStore & Disposable {
  const { connection, logger } = deps;
  const cache = new Map<string, Promise<Settings>>();
  const changed = new Emitter<void>();
  let pushed: Settings = Settings.from(undefined);

  function fetch(uri: string | undefined): Promise<Settings> {
    if (!deps.pullConfiguration) return Promise.resolve(pushed);
    return connection.workspace
      .getConfiguration(uri ? { scopeUri: uri, section: 'termlint' } : { section: 'termlint' })
      .then(
        (raw: unknown) => Settings.from(raw),
        (err: unknown) => {
          logger.error(`workspace/configuration failed for ${uri ?? '(global)'}`, err);
          return Settings.from(undefined);
        },
      );
  }

  const store: SettingsStore & Disposable = {
    get(uri) {
      const key = uri ?? '';
      let s = cache.get(key);
      if (!s) {
        s = fetch(uri);
        cache.set(key, s);
      }
      return s;
    },
    onDidChange: changed.event,
    dispose() {
      changed.dispose();
    },
  };

  connection.onDidChangeConfiguration(
    guardNotification(logger, 'workspace/didChangeConfiguration', () => undefined, (params) => {
      // Clients without `workspace/configuration` push the whole `termlint` section here.
      const raw: unknown = isRecord(params.settings) ? params.settings.termlint : undefined;
      if (raw !== undefined) pushed = Settings.from(raw);
      cache.clear();
      changed.fire();
    }),
  );
  return store;
}
