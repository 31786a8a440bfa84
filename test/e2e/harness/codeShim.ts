// A stand-in for the VS Code executable that @vscode/test-electron's runTests() spawns.
// It takes the same command line (see vscodeArgs.ts) and runs the tests in real VS Code:
// code-server's server and Node extension host, with its web workbench open in headless
// Chromium. The workbench is opened with a `payload` naming the extension under development and
// the tests module, which is how VS Code's own web smoke tests launch extension tests; when the
// tests finish it calls window.codeAutomationExit(code, logs), and this process exits with code.
//
// Env:
//   CODE_SHIM_ARTIFACTS  folder for code-server.log, browser.log, the workbench's and extension
//                        host's logs and a final screenshot (default: kept only on failure, in tmp)
//   CODE_SHIM_TIMEOUT    seconds to wait for the tests (default 600)
//   CODE_SHIM_VERBOSE=1  also print the browser console
// Any other variable reaches the extension host, as runTests()'s extensionTestsEnv does.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';
import { copyServerLogs, remoteUri, startCodeServer, type CodeServer } from './codeServer';
import { parseTestLaunch, type TestLaunch } from './vscodeArgs';
import { describeError, withDeadline } from './wait';

interface LogFile {
  relativePath: string;
  contents: string;
}

type Outcome = { exitCode: number; logs: LogFile[] } | { failure: string };

function log(message: string): void {
  console.log(`code-shim: ${message}`);
}

/** The folder or workspace file to open: the first positional argument that is one. */
function workspaceOf(launch: TestLaunch): { folder: string } | { workspaceFile: string } | undefined {
  for (const arg of launch.positional) {
    const abs = path.resolve(arg);
    if (abs.endsWith('.code-workspace') && fs.existsSync(abs)) {
      return { workspaceFile: abs };
    }
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
      return { folder: abs };
    }
    log(`ignoring ${arg}: not a folder or a .code-workspace file`);
  }
  return undefined;
}

/**
 * Settings from the given --user-data-dir, if it has any. The profile itself is always fresh, so
 * that one run's open editors and state are not restored in the next.
 */
function userSettings(userDataDir: string | undefined): Record<string, unknown> {
  const file = userDataDir && path.join(path.resolve(userDataDir), 'User', 'settings.json');
  if (!file || !fs.existsSync(file)) {
    return {};
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot read ${file} (comments are not supported here): ${describeError(error)}`);
  }
}

function workbenchUrl(server: CodeServer, launch: TestLaunch, scratch: string): string {
  const workspace = workspaceOf(launch) ?? { folder: fs.mkdtempSync(path.join(scratch, 'empty-')) };
  const payload = [
    ...launch.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(server, p)]),
    ['extensionTestsPath', remoteUri(server, launch.extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  const target = 'folder' in workspace
    ? `folder=${encodeURIComponent(workspace.folder)}`
    : `workspace=${encodeURIComponent(workspace.workspaceFile)}`;
  return `${server.url}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function runInWorkbench(page: Page, url: string, browserLog: fs.WriteStream, timeoutMs: number): Promise<Outcome> {
  const verbose = process.env.CODE_SHIM_VERBOSE === '1';
  let settle!: (outcome: Outcome) => void;
  const outcome = new Promise<Outcome>((resolve) => { settle = resolve; });

  // The extension host's console (the mocha reporter) arrives here.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (exitCode: number, logs: LogFile[] = []) => {
    settle({ exitCode, logs });
  });
  page.on('console', (message) => {
    const line = `[${message.type()}] ${message.text()}`;
    browserLog.write(`${line}\n`);
    if (verbose) {
      console.log(`browser ${line}`);
    }
  });
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
  page.on('crash', () => settle({ failure: 'the browser page crashed' }));

  await page.goto(url);
  return withDeadline('the extension tests to finish', outcome, timeoutMs)
    .catch((error: unknown) => ({ failure: describeError(error) }));
}

function writeLogs(dir: string, logs: LogFile[]): void {
  for (const { relativePath, contents } of logs) {
    const file = path.join(dir, relativePath);
    if (!file.startsWith(dir + path.sep)) {
      continue; // a log path that would leave the folder
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

async function main(argv: string[]): Promise<number> {
  const launch = parseTestLaunch(argv);
  if (launch.ignored.length > 0) {
    log(`ignoring ${launch.ignored.join(' ')}`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-code-shim-'));
  const keep = process.env.CODE_SHIM_ARTIFACTS;
  const artifacts = path.resolve(keep ?? path.join(scratch, 'artifacts'));
  fs.mkdirSync(artifacts, { recursive: true });
  const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT ?? 600) * 1000;
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = launch.extensionsDir && !launch.disableExtensions
    ? path.resolve(launch.extensionsDir)
    : path.join(scratch, 'extensions');
  const browserLog = fs.createWriteStream(path.join(artifacts, 'browser.log'));

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let exitCode = 1;
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      settings: userSettings(launch.userDataDir),
      logFile: path.join(artifacts, 'code-server.log'),
    });
    log(`VS Code (code-server) at ${server.url}`);
    browser = await launchChromium();
    const outcome = await runInWorkbench(browser.page, workbenchUrl(server, launch, scratch), browserLog, timeoutMs);
    if ('failure' in outcome) {
      console.error(`code-shim: ${outcome.failure}`);
    } else {
      exitCode = outcome.exitCode;
      writeLogs(path.join(artifacts, 'workbench-logs'), outcome.logs);
    }
    await browser.page.screenshot({ path: path.join(artifacts, 'workbench.png') })
      .catch((error: unknown) => log(`no final screenshot: ${describeError(error)}`));
  } catch (error) {
    console.error(`code-shim: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await browser?.close();
    await server?.stop();
    browserLog.end();
    copyServerLogs({ userDataDir, extensionsDir }, path.join(artifacts, 'server-logs'));
    if (keep === undefined && exitCode !== 0) {
      const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-code-shim-logs-'));
      fs.cpSync(artifacts, kept, { recursive: true });
      log(`logs kept in ${kept}`);
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`extension tests exited with ${exitCode}`);
  return exitCode;
}

// test-electron forwards Ctrl+C as SIGINT; exiting runs the 'exit' hooks that end code-server.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`code-shim: ${describeError(error)}`);
    process.exit(2);
  },
);
