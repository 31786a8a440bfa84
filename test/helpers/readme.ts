/** The README's commands, so tests run exactly what it shows: a fenced block right after `<!-- test: NAME -->`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './terms';

export function readmeBlock(name: string): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const marker = `<!-- test: ${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no block marked ${marker}`);
  const m = /^```[\w-]*\n([\s\S]*?)^```/m.exec(text.slice(at + marker.length));
  if (!m) throw new Error(`no fenced block after ${marker}`);
  return m[1]!;
}

/** The commands of a shell block: one per line, comments and blank lines dropped. */
export function readmeCommands(name: string): string[] {
  return readmeBlock(name)
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
