/**
 * `termlint --print-config FILE`: the settings that apply to FILE as JSON, with what decided them (the
 * configuration file, the overrides that matched), the language FILE is read in and why, and the term lists a
 * run would load. Nothing is checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatForPath } from '../core/formats';
import { type DocumentLanguage, documentLanguage } from '../core/languages/detect';
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
    language: languageOf(abs, resolved.settings.language),
    termLists: termLists.map(shownList),
    settings: { ...resolved.settings, kinds: resolved.lint.kinds },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** How FILE would be read: by its name or the setting, else by its text when it exists (a missing file is English). */
function languageOf(file: string, setting: string): DocumentLanguage {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Not there (yet): the name and the setting still decide.
  }
  return documentLanguage(file, setting, text);
}
