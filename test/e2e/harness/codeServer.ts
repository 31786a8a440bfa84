// code-server is VS Code's server, web workbench and Node extension host, published on npm,
// which is how these tests get a real VS Code on a machine that cannot download one.
// scripts/vscode/setup.sh installs it; this module starts and stops it.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { withDeadline } from './wait';

const STARTUP_TIMEOUT_MS = 60_000;
const SHUTDOWN_GRACE_MS = 5_000;

/** User settings that keep the workbench quiet and offline: no tours, updates, telemetry or git. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
};

export function codeServerBin(): string {
  const explicit = process.env.TERMLINT_CODE_SERVER;
  const cache = process.env.TERMLINT_VSCODE_CACHE ?? path.join(os.homedir(), '.cache', 'termlint-vscode');
  const bin = explicit ?? path.join(cache, 'code-server', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}; run: bash scripts/vscode/setup.sh`);
  }
  return bin;
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}

/**
 * code-server writes its config, logs and caches under $HOME unless told otherwise;
 * point all of it, and its temporary files, into `scratch` so a run leaves nothing behind. An extension gallery with no
 * service URL turns off the marketplace queries that would otherwise go out to the internet.
 */
function isolatedEnv(scratch: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const tmp = path.join(scratch, 'tmp'); // the extension host's vscode-ipc-*.sock, among others
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function writeConfig(scratch: string): string {
  const file = path.join(scratch, 'config.yaml');
  fs.writeFileSync(file, 'auth: none\n');
  return file;
}

function writeUserSettings(profile: Profile, settings: Record<string, unknown>): void {
  const dir = path.join(profile.userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
}

/** `code-server --install-extension <vsix>` into the profile; throws with its output if it fails. */
export function installExtension(vsix: string, profile: Profile): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-cs-install-'));
  try {
    const result = spawnSync(codeServerBin(), [
      '--config', writeConfig(scratch),
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
      '--install-extension', vsix,
    ], { encoding: 'utf8', env: isolatedEnv(scratch) });
    const output = `${result.stdout}${result.stderr}`.trim();
    if (result.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} exited with ${result.status}:\n${output}`);
    }
    return output;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export interface CodeServerOptions extends Profile {
  /** Folder opened by a workbench that does not ask for one in its URL. */
  folder?: string;
  /** User settings, over `quietSettings`. */
  settings?: Record<string, unknown>;
  /** code-server's stdout and stderr, which include the extension host's crashes. */
  logFile: string;
  /** Extra environment for code-server, and so for the extension host and language servers. */
  env?: NodeJS.ProcessEnv;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** 127.0.0.1:PORT, the authority of vscode-remote URIs. */
  readonly authority: string;
  stop(): Promise<void>;
}

/**
 * Starts code-server on 127.0.0.1 with a port the OS picks (`--bind-addr 127.0.0.1:0`; the port is
 * read back from its "HTTP server listening on" line) and without authentication.
 * It runs in its own process group so that stop() also ends the extension host and the language
 * servers it spawned.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-cs-'));
  writeUserSettings(options, options.settings ?? {});
  const args = [
    '--config', writeConfig(scratch),
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy',
  ];
  if (options.folder) {
    args.push(options.folder);
  }
  const child = spawn(codeServerBin(), args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: isolatedEnv(scratch, options.env),
  });
  const log = fs.createWriteStream(options.logFile);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // ESRCH: the whole group is already gone.
    }
  };
  // If this process dies first, take the server and everything it started down with it.
  const killOnExit = () => signalGroup('SIGKILL');
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    signalGroup('SIGTERM');
    await withDeadline('code-server to exit', exited, SHUTDOWN_GRACE_MS).catch(() => undefined);
    signalGroup('SIGKILL'); // extension hosts and language servers that outlived it
    process.off('exit', killOnExit);
    await new Promise<void>((resolve) => log.end(resolve));
    fs.rmSync(scratch, { recursive: true, force: true });
  };

  const listening = new Promise<string>((resolve, reject) => {
    // Not closed once found: closing a readline interface pauses its input, which would stall
    // the copy of stdout into the log.
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) {
        resolve(match[1]);
      }
    });
    void exited.then(() => reject(new Error(`code-server exited during startup; see ${options.logFile}`)));
  });
  try {
    const url = await withDeadline('code-server to listen', listening, STARTUP_TIMEOUT_MS);
    return { url, authority: new URL(url).host, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A vscode-remote URI for a path on the code-server machine; code-server maps it to a file: URI in
 * the extension host, as VS Code does for a local path given on its command line.
 */
export function remoteUri(server: CodeServer, fsPath: string): string {
  return `vscode-remote://${server.authority}${encodeURI(path.resolve(fsPath))}`;
}

/** Copies the server's and extension host's logs (with every extension's log output channel). */
export function copyServerLogs(profile: Profile, destination: string): void {
  const logs = path.join(profile.userDataDir, 'logs');
  if (fs.existsSync(logs)) {
    fs.cpSync(logs, destination, { recursive: true });
  }
}
