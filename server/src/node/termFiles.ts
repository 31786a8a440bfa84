/** Term files on disk, shared by the CLI and the language server's Node host. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTermListFile, readTermList } from '../core/termlists/registry';
import type { TermFileResult } from '../core/types';

/**
 * The shipped `terms/` folder: next to `dist/` in the bundle and the packaged extension, or found by walking
 * up from the compiled module when running from `out/`.
 */
export function bundledTermsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'terms');
    if (fs.existsSync(path.join(candidate, 'terms.schema.json'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.join(__dirname, '..', 'terms');
}

/** Absolute paths of the shipped term lists. */
export function bundledTermFiles(): string[] {
  const dir = bundledTermsDir();
  try {
    return fs
      .readdirSync(dir)
      .filter(isTermListFile)
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** Reads and validates one term file; an unreadable file is reported like any other problem. */
export function readTermFile(file: string, label = file): TermFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { problems: [{ severity: 'error', message: `Cannot read term file: ${message}`, path: '', offset: 0, length: 0, line: 0, column: 0 }] };
  }
  return readTermList(text, label);
}
