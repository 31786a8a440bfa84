/**
 * Which of the expanded files a run checks, by the project configuration: files found in folders or by globs only
 * when a language of `languages` claims them, any file named on the command line whatever its format, and none
 * that the configuration excludes. Named files it excludes are counted for the summary line, not reported one by
 * one: pre-commit names every staged file, and a line per archived file would bury the findings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatForPath } from '../core/formats';
import type { FileSettings } from './config';
import { isDynamicPattern } from './files';

export interface SelectedFile {
  file: string;
  settings: FileSettings;
}

export interface Selection {
  files: SelectedFile[];
  /** Files named on the command line that the configuration excludes (or switches off). */
  skippedNamed: number;
}

export function selectFiles(
  files: readonly string[],
  inputs: readonly string[],
  cwd: string,
  languages: readonly string[],
  resolve: (file: string) => FileSettings,
): Selection {
  const named = new Set<string>();
  for (const input of inputs) {
    if (isDynamicPattern(input)) continue;
    const abs = path.resolve(cwd, input);
    try {
      if (fs.statSync(abs).isFile()) named.add(abs);
    } catch {
      // reported by the expansion
    }
  }
  const out: SelectedFile[] = [];
  let skippedNamed = 0;
  for (const file of files) {
    const isNamed = named.has(file);
    if (!isNamed && !formatForPath(file).languageIds.some((id) => languages.includes(id))) continue;
    const settings = resolve(file);
    if (settings.skip) {
      if (isNamed) skippedNamed++;
      continue;
    }
    out.push({ file, settings });
  }
  return { files: out, skippedNamed };
}
