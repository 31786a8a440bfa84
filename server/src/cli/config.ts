/**
 * The CLI's settings for each file, in layers: the CLI's defaults, then the project configuration
 * (`termlint.config.json`, its `overrides` matched against the file's path), then the command-line flags. The same
 * `Settings` shape the language server uses; `--print-config FILE` shows the result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { LintOptions, VariantKind } from '../core/types';
import { CONFIG_FILE_NAME } from '../config/keys';
import type { ProjectConfig } from '../config/projectConfig';
import { configLayerFor } from '../config/resolve';
import { Settings, type VariantSettings, layerSettings } from '../config/settings';
import { findProjectConfig, readProjectConfig } from '../node/projectConfig';
import { bundledTermFiles } from '../node/termFiles';
import { walk } from '../node/walk';
import { displayPath } from './terms';

/** The CLI checks files up to 50 MB unless told otherwise (the editor's default, 2 MB, is for typing speed). */
export const CLI_MAX_FILE_SIZE = 50_000_000;

/** The configuration a run uses: plain data, so the lint worker threads get it with the options. */
export interface ProjectSetup {
  /** Absolute path of the configuration file, when one applies. */
  file?: string;
  /** What the configuration's paths and globs are relative to: its folder, else the current folder. */
  root: string;
  config?: ProjectConfig;
}

/** What the command line sets that the configuration also can (flags win over it). */
export interface SettingFlags {
  fuzzy?: boolean;
  consistency?: boolean;
  maxFileSize?: number;
  useBundledTerms?: boolean;
  /** `--kinds`: only these, whatever the severities say. */
  kinds?: VariantKind[];
  /** `--no-pairs`: check no translation pairs. */
  pairs?: false;
  /** `--reverse`: also report a translation's terms that its source blocks lack. */
  reverse?: true;
  /** `--lang`: the language of files whose name names none (`auto`: detected from the text). */
  language?: string;
  /** `--no-variants` (scope `off`), `--variant-scope`, `--variants` (the classes named on, the others off). */
  variants?: Partial<VariantSettings>;
  /** `--no-abbreviations`. */
  abbreviations?: boolean;
}

/** A file's effective settings, and what decided them. */
export interface FileSettings {
  settings: Settings;
  /** Indexes of the configuration's `overrides` that apply. */
  overrides: number[];
  /** Why the file is not checked: excluded by the configuration, or `enable: false` for it. */
  skip?: string;
  /** The engine's options for it (the format is the file's own). */
  lint: Omit<LintOptions, 'format'>;
}

/**
 * Finds and reads the configuration (`--config FILE`, or the nearest `termlint.config.json` from `cwd` up to the
 * repository's root; none with `--no-config`). Its problems go to `stderr`, positioned; undefined when it has any.
 */
export function loadProjectSetup(cwd: string, explicit: string | undefined, useConfig: boolean, stderr: (s: string) => void): ProjectSetup | undefined {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : useConfig ? findProjectConfig(cwd) : undefined;
  if (!file) return { root: cwd };
  const shown = shownPath(file, cwd);
  if (explicit !== undefined && !fs.existsSync(file)) {
    stderr(`termlint: no such configuration file: ${shown}\n`);
    return undefined;
  }
  const result = readProjectConfig(file, shown);
  for (const p of result.problems) stderr(`${shown}:${p.line + 1}:${p.column + 1}  ${p.severity}  ${p.message}${p.path ? `  (at ${p.path})` : ''}\n`);
  if (!result.config) {
    stderr(`termlint: invalid ${CONFIG_FILE_NAME}; nothing was checked or written.\n`);
    return undefined;
  }
  return { file, root: path.dirname(file), config: result.config };
}

function flagLayer(flags: SettingFlags): Record<string, unknown> {
  const layer: Record<string, unknown> = {};
  if (flags.fuzzy !== undefined) layer.fuzzy = { enabled: flags.fuzzy };
  if (flags.consistency !== undefined) layer.consistency = { enabled: flags.consistency };
  if (flags.maxFileSize !== undefined) layer.maxFileSize = flags.maxFileSize;
  if (flags.useBundledTerms !== undefined) layer.useBundledTerms = flags.useBundledTerms;
  if (flags.pairs === false || flags.reverse) layer.translation = { ...(flags.pairs === false ? { enabled: false } : {}), ...(flags.reverse ? { reverse: true } : {}) };
  if (flags.language !== undefined) layer.language = flags.language;
  // `--variants LIST` over a configuration's `variants: false` switches the check back on with those classes.
  if (flags.variants !== undefined) layer.variants = { ...flags.variants, ...(flags.variants.hyphenation !== undefined ? { enabled: true } : {}) };
  if (flags.abbreviations !== undefined) layer.abbreviations = { enabled: flags.abbreviations };
  return layer;
}

/** `file` relative to the configuration's folder, forward slashes; undefined when it lies outside it. */
export function relativeToRoot(setup: ProjectSetup, file: string): string | undefined {
  const rel = path.relative(setup.root, path.resolve(setup.root, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Resolves files' settings; exclude matchers are compiled once per run. */
export function settingsResolver(setup: ProjectSetup, flags: SettingFlags): (file: string | undefined) => FileSettings {
  const excludeMatchers = new Map<string, (p: string) => boolean>();
  return (file) => {
    const rel = file === undefined ? undefined : relativeToRoot(setup, file);
    const layer = setup.config ? configLayerFor(setup.config, rel) : { settings: {}, overrides: [] };
    const settings = Settings.from(layerSettings({ maxFileSize: CLI_MAX_FILE_SIZE }, layer.settings, flagLayer(flags)));
    let skip: string | undefined;
    if (!settings.enable) skip = `"enable": false in ${CONFIG_FILE_NAME}`;
    else if (rel !== undefined && settings.exclude.length > 0) {
      const key = settings.exclude.join('\n');
      let match = excludeMatchers.get(key);
      if (!match) {
        match = picomatch(settings.exclude, { dot: true });
        excludeMatchers.set(key, match);
      }
      if (match(rel)) {
        const hit = settings.exclude.find((g) => picomatch.isMatch(rel, g, { dot: true }));
        skip = `excluded by "${hit ?? settings.exclude[0]}" in ${CONFIG_FILE_NAME}`;
      }
    }
    let kinds = Settings.enabledKinds(settings);
    if (flags.kinds) kinds = kinds.filter((k) => flags.kinds!.includes(k));
    const lint: FileSettings['lint'] = {
      fuzzy: settings.fuzzy.enabled,
      consistency: settings.consistency.enabled,
      variants: Settings.variantOptions(settings),
      abbreviations: settings.abbreviations.enabled,
      kinds,
    };
    return { settings, overrides: layer.overrides, lint, ...(skip ? { skip } : {}) };
  };
}

/**
 * The term lists of a run, in the order they apply: the bundled ones (unless switched off), then `--terms`, or
 * else the configuration's `termFiles` found under its folder (default: every `*.terms.json`, dot folders
 * included, as the editor finds them), and last the workspace term file the editor's quick fixes write to.
 */
export async function termListFiles(setup: ProjectSetup, settings: Settings, explicit: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = settings.useBundledTerms ? bundledTermFiles() : [];
  if (explicit.length > 0) return [...new Set([...files, ...explicit.map((t) => path.resolve(cwd, t))])];
  // Walked like the drafts (node/walk.ts): each real folder once, so a link loop never loads a list twice.
  const wanted = picomatch(settings.termFiles, { dot: true });
  const found = (await walk(setup.root, { wanted, skipFolder: (_rel, name) => name === 'node_modules' || name === '.git' })).map((f) => f.path);
  const workspaceTermFile = path.resolve(setup.root, settings.workspaceTermFile);
  const own = found.map((f) => path.normalize(f)).filter((f) => f !== workspaceTermFile).sort();
  if (fs.existsSync(workspaceTermFile)) own.push(workspaceTermFile);
  return [...new Set([...files, ...own])];
}

/** Forward slashes, relative to `cwd` when the file is below it (as every message shows a path). */
export const shownPath = displayPath;
