/**
 * A configuration applied to one file: its top-level settings, then every `overrides` entry whose globs match the
 * file's path (relative to the configuration's folder), later entries winning. Pure: paths in, raw settings out
 * (`Settings.from` gives them their typed shape, after the layers above the configuration).
 */
import picomatch from 'picomatch';
import type { ConfigOverride, ProjectConfig } from './projectConfig';
import { PATH_KEYS } from './keys';
import { layerSettings } from './settings';

export interface ConfigLayer {
  /** Raw settings keys, globs normalised. */
  settings: Record<string, unknown>;
  /** Indexes of the `overrides` entries that apply, in order. */
  overrides: number[];
}

const matchers = new WeakMap<ConfigOverride, (path: string) => boolean>();

/** `./docs/` and `docs\\` read as `docs/**`: the folder and everything in it, as people mean it. */
export function normalizeGlob(glob: string): string {
  let g = glob.trim().replace(/\\/g, '/');
  while (g.startsWith('./')) g = g.slice(2);
  if (g.endsWith('/')) g += '**';
  return g;
}

function matcherOf(override: ConfigOverride): (path: string) => boolean {
  let m = matchers.get(override);
  if (!m) {
    m = picomatch(override.files.map(normalizeGlob), { dot: true });
    matchers.set(override, m);
  }
  return m;
}

function normalizePaths(settings: Record<string, unknown>): Record<string, unknown> {
  const out = { ...settings };
  for (const key of PATH_KEYS) {
    const v = out[key];
    if (Array.isArray(v)) out[key] = v.map((g) => (typeof g === 'string' ? normalizeGlob(g) : g));
    else if (typeof v === 'string') out[key] = normalizeGlob(v);
  }
  return out;
}

/** The configuration's settings for the file at `relativePath` (forward slashes, relative to its folder). */
export function configLayerFor(config: ProjectConfig, relativePath: string | undefined): ConfigLayer {
  const applied: number[] = [];
  const layers: Record<string, unknown>[] = [normalizePaths(config.settings)];
  if (relativePath !== undefined) {
    config.overrides.forEach((o, i) => {
      if (matcherOf(o)(relativePath)) {
        applied.push(i);
        layers.push(o.settings);
      }
    });
  }
  return { settings: layerSettings(...layers), overrides: applied };
}
