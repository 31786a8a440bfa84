/**
 * `termlint --print-config FILE`: the settings that apply to FILE as JSON, with what decided them (the
 * configuration file, the overrides that matched) and the term lists a run would load. Nothing is checked.
 */
import * as path from 'node:path';
import { formatForPath } from '../core/formats';
import { bundledTermsDir } from '../node/termFiles';
import { type FileSettings, type ProjectSetup, shownPath } from './config';

export function printConfig(file: string, cwd: string, setup: ProjectSetup, resolve: (file: string) => FileSettings, termLists: readonly string[]): string {
  const abs = path.resolve(cwd, file);
  const resolved = resolve(abs);
  const bundled = bundledTermsDir();
  const shownList = (f: string) => (path.dirname(f) === bundled ? `(bundled) ${path.basename(f)}` : shownPath(f, cwd));
  const out = {
    file: shownPath(abs, cwd),
    configFile: setup.file ? shownPath(setup.file, cwd) : null,
    overrides: resolved.overrides.map((i) => ({ index: i, files: setup.config!.overrides[i]!.files })),
    checked: resolved.skip === undefined,
    ...(resolved.skip ? { skipped: resolved.skip } : {}),
    format: formatForPath(abs).id,
    termLists: termLists.map(shownList),
    settings: { ...resolved.settings, kinds: resolved.lint.kinds },
  };
  return JSON.stringify(out, null, 2) + '\n';
}
