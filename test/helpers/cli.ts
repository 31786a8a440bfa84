/** The built CLI (`dist/cli.js`), spawned as a user runs it: without colours, its exit code and both streams. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './terms';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `termlint ARGS` in `cwd`; `maxBuffer` for outputs over the default 1 MB. */
export function runCli(args: readonly string[], cwd: string, options: { maxBuffer?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...options, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
