/**
 * The npm package as a new user gets it: the repository's files copied as a fresh clone has them (no `dist/`,
 * `node_modules` as `npm ci` leaves it), `npm pack` there (which builds on `prepack`), and the tarball installed
 * into other folders with no network. Shared by the package tests and the tests that run the README's CI commands.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './terms';

export interface PackedTermlint {
  /** Scratch folder holding everything below; removed by `dispose`. */
  dir: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The files in it, as `npm pack --json` lists them. */
  files: string[];
  /** package.json as packed. */
  manifest: { name: string; version: string; bin?: Record<string, string>; dependencies?: Record<string, string>; files?: string[] };
  dispose(): void;
}

/** npm's environment without what an enclosing `npm test` set for its own package (lifecycle, package fields). */
export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(lifecycle|package|config_(prefix|global|offline))|^INIT_CWD$/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1', ...extra };
}

/** npm's own CLI, run with the Node running the tests (the `npm` script on the PATH may belong to another Node). */
export function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv()): SpawnSyncReturns<string> {
  const npmCli = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  const [command, prefix] = fs.existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd, env, encoding: 'utf8' });
}

/** The repository's files as a fresh clone has them: tracked ones, and new ones not ignored (what the next commit holds). */
function copyAsClone(to: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  for (const rel of listed.split('\0').filter(Boolean)) {
    const from = path.join(REPO_ROOT, rel);
    if (!fs.existsSync(from)) continue; // deleted, not yet committed
    fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(to, rel));
  }
  // What `npm ci` installs; the clone builds with it.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

/** Packs Termlint from a fresh copy of the repository. */
export function packTermlint(): PackedTermlint {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-pack-'));
  const clone = path.join(dir, 'clone');
  copyAsClone(clone);
  if (fs.existsSync(path.join(clone, 'dist'))) throw new Error('the copy has a dist/ folder: it is not a fresh clone');
  const r = npm(['pack', '--json', '--pack-destination', dir], clone);
  if (r.status !== 0) throw new Error(`npm pack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  return {
    dir,
    tarball: path.join(dir, info!.filename),
    files: info!.files.map((f) => f.path).sort(),
    manifest: JSON.parse(fs.readFileSync(path.join(clone, 'package.json'), 'utf8')) as PackedTermlint['manifest'],
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

let shared: PackedTermlint | undefined;

/** One packed tarball for every test file of a run (packing takes a few seconds); removed when the run ends. */
export function sharedPack(): PackedTermlint {
  if (!shared) {
    const packed = packTermlint();
    process.once('exit', () => packed.dispose());
    shared = { ...packed, dispose() {} };
  }
  return shared;
}
