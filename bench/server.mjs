// Drives the real language server (dist/server.js --stdio) over JSON-RPC the way an editor with pull
// diagnostics does: didChange for every keystroke, then textDocument/diagnostic for the new version,
// cancelling the previous pull when the user types on. Measures keystroke-to-diagnostics latency, the bytes of
// a full diagnostic report and the server's resident memory.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(root, 'dist', 'server.js');
const LAUNCH = JSON.parse(fs.readFileSync(path.join(root, 'client', 'src', 'serverLaunch.json'), 'utf8'));

function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

const percentile = (xs, p) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Answers what the server asks of its client: `settings` for the termlint section, no-ops, and each refresh. */
export function answerServerRequests(connection, settings, onRefresh) {
  connection.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'termlint' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    onRefresh();
    return null;
  });
}

/** The LSP handshake of a pull client with one workspace folder, as VS Code makes it. */
export async function initializeServer(connection, workspace, name) {
  const folder = { uri: pathToFileURL(workspace).href, name };
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder.uri,
    workspaceFolders: [folder],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
}

export class Client {
  static async start(workspace, settings) {
    // Started as the extension starts it (client/src/serverLaunch.json: node flags and environment).
    // BENCH_SERVER_ARGS: extra node flags for the server, e.g. --cpu-prof to see where a keystroke goes.
    const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...LAUNCH.execArgv, ...nodeArgs, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...LAUNCH.env },
    });
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const client = new Client(child, connection);
    answerServerRequests(connection, settings, () => {
      client.refreshes++;
      for (const w of client.refreshWaiters.splice(0)) w();
    });
    connection.onNotification(() => undefined);
    connection.listen();
    await initializeServer(connection, workspace, path.basename(workspace));
    return client;
  }

  constructor(child, connection) {
    this.child = child;
    this.connection = connection;
    this.refreshes = 0;
    this.refreshWaiters = [];
    this.doc = undefined;
  }

  nextRefresh() {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  async open(file, languageId) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    this.doc = TextDocument.create(uri, languageId, 1, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Pulls as VS Code does: with the result id of the last report it got, so the server may answer "unchanged". */
  async pull(token) {
    const params = { textDocument: { uri: this.doc.uri }, ...(this.resultId ? { previousResultId: this.resultId } : {}) };
    // vscode-jsonrpc reads a trailing `undefined` as a second positional parameter.
    const report = await (token ? this.connection.sendRequest('textDocument/diagnostic', params, token) : this.connection.sendRequest('textDocument/diagnostic', params));
    this.resultId = report.resultId;
    return report;
  }

  /** Pulls until the server has term lists loaded (non-empty diagnostics), as an editor would after a refresh. */
  async firstDiagnostics() {
    for (;;) {
      const refreshed = this.nextRefresh();
      const report = await this.pull().catch(() => ({ items: [] }));
      if (report.items?.length > 0) {
        // What a full report costs on the wire: its JSON, as the server writes it into the response.
        this.firstReportBytes = Buffer.byteLength(JSON.stringify(report));
        return report.items;
      }
      await Promise.race([refreshed, new Promise((r) => setTimeout(r, 200))]);
    }
  }

  /** Pulls diagnostics for the current version, retrying when the server cancels (the document moved on). */
  async diagnosticsNow(token) {
    for (;;) {
      try {
        return await this.pull(token);
      } catch (e) {
        if (token?.isCancellationRequested) throw e;
        if (e?.data?.retriggerRequest === false) throw e;
        if (e?.code !== -32802 && e?.code !== -32800) throw e;
      }
    }
  }

  async change(offset, deleteCount, insert) {
    const doc = this.doc;
    const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + deleteCount) };
    const version = doc.version + 1;
    TextDocument.update(doc, [{ range, text: insert }], version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: [{ range, text: insert }] });
  }

  rss() {
    return rssOf(this.child.pid);
  }

  /** The highest resident size the process has had (VmHWM). */
  peakRss() {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    this.connection.dispose();
    this.child.kill();
  }
}

export function workspaceWith(dataDir, terms, draft) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-bench-'));
  fs.copyFileSync(path.join(dataDir, `terms-${terms}.json`), path.join(dir, 'bench.terms.json'));
  fs.copyFileSync(path.join(dataDir, `draft-${draft}.md`), path.join(dir, 'draft.md'));
  return dir;
}

/** Offsets spread through the draft where a user might type: the end of a word inside a paragraph line. */
function typingSpots(text, count) {
  const spots = [];
  for (let k = 1; k <= count; k++) {
    let at = Math.floor((text.length * k) / (count + 1));
    // Move to the end of a prose word on a line that is not markup.
    for (; at < text.length; at++) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const c = text[lineStart];
      if (/[A-Za-z]/.test(c) && /[a-z]/.test(text[at - 1] ?? '') && text[at] === ' ') break;
    }
    spots.push(at);
  }
  return spots;
}

const TYPED = ' and the Qilinlang Data Exchange';
/** Keystrokes typed (and waited for) before measuring. */
const WARMUP_EDITS = 20;
/**
 * How long the memory figure waits after the first diagnostics of the open draft: past the server's second idle
 * collection, 6.5 s after its last lint (server/src/node/memory.ts), which lets V8 shrink its young generation.
 */
const SETTLE_MS = 8000;

/**
 * Types at several places of the draft, one character per edit (and a few backspaces), waiting for the
 * diagnostics of each version before the next keystroke: the latency an author sees.
 */
async function keystrokes(client, edits, warmup = 0) {
  const spots = typingSpots(client.doc.getText(), Math.ceil((edits + warmup) / (TYPED.length + 4)));
  const latencies = [];
  let shift = 0;
  for (const spot of spots) {
    let at = spot + shift;
    const script = [...TYPED.split('').map((ch) => ['insert', ch]), ['delete'], ['delete'], ['insert', 'g'], ['insert', 'e']];
    for (const [op, ch] of script) {
      if (latencies.length >= edits + warmup) break;
      const t = performance.now();
      if (op === 'insert') {
        await client.change(at, 0, ch);
        at++;
        shift++;
      } else {
        at--;
        shift--;
        await client.change(at, 1, '');
      }
      const report = await client.diagnosticsNow();
      latencies.push(performance.now() - t);
      if (report.kind !== 'full' && report.kind !== 'unchanged') throw new Error('unexpected report');
      if (report.kind === 'unchanged') client.unchangedReports = (client.unchangedReports ?? 0) + 1;
    }
  }
  // The first keystrokes after opening run cold code (the editor's own warm-up): not part of steady typing.
  return latencies.slice(warmup);
}

/**
 * Types `count` characters as fast as the pipe allows, pulling after each and cancelling the previous pull,
 * as VS Code does: the server must not work through a queue of stale versions. Reports how long the last
 * version's diagnostics took after the last keystroke, and how many pulls were answered in full.
 */
async function burst(client, count) {
  const text = client.doc.getText();
  let at = typingSpots(text, 1)[0];
  let source;
  let last;
  let full = 0;
  let cancelled = 0;
  const t0 = performance.now();
  let lastSent = 0;
  for (let i = 0; i < count; i++) {
    await client.change(at++, 0, 'abcdefghij'[i % 10]);
    source?.cancel();
    source = new rpc.CancellationTokenSource();
    lastSent = performance.now();
    last = client.diagnosticsNow(source.token).then(
      (r) => {
        full++;
        return r;
      },
      () => {
        cancelled++;
      },
    );
  }
  await last;
  const done = performance.now();
  return { edits: count, totalMs: done - t0, lastMs: done - lastSent, answered: full, cancelled };
}

/**
 * A server on a workspace with `terms` and draft `draft` open, once its first diagnostics are in:
 * `use(client, firstDiagnostics, openMs)`, then the server stopped and the workspace removed.
 */
async function withOpenDraft(dataDir, terms, draft, settings, use) {
  const dir = workspaceWith(dataDir, terms, draft);
  const client = await Client.start(dir, settings);
  try {
    await client.open(path.join(dir, 'draft.md'), 'markdown');
    const t = performance.now();
    const first = await client.firstDiagnostics();
    await use(client, first, performance.now() - t);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * First diagnostics on opening a draft once the lists are loaded: a server on a workspace with `terms`, a small
 * draft opened first (its diagnostics mean the lists are read and compiled), then `draft` opened and timed from
 * didOpen to its first full report. That report must be the right one: a pull after the server has settled
 * gives the same result id.
 */
export async function firstOpenBench(dataDir, terms, draft, settings) {
  const dir = workspaceWith(dataDir, terms, '10kb');
  fs.copyFileSync(path.join(dataDir, `draft-${draft}.md`), path.join(dir, 'opened.md'));
  const client = await Client.start(dir, settings);
  try {
    await client.open(path.join(dir, 'draft.md'), 'markdown');
    await client.firstDiagnostics();
    client.resultId = undefined;
    await client.open(path.join(dir, 'opened.md'), 'markdown');
    const t = performance.now();
    const first = await client.firstDiagnostics();
    const ms = performance.now() - t;
    const firstId = client.resultId;
    await new Promise((r) => setTimeout(r, 500));
    client.resultId = undefined;
    const again = await client.pull();
    return { name: `open ${draft} × ${terms} (lists loaded)`, ms, diagnostics: first.length, correct: again.resultId === firstId };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function serverBench(dataDir, { edits = 200 } = {}) {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
  const settings = { useBundledTerms: false };
  const latency = [];
  const memory = [];
  const bursts = [];
  // And a short list (100 terms): the names it does not cover are the capitals check's to compare, word by word.
  for (const terms of [5_000, 50_000, 100]) {
    await withOpenDraft(dataDir, terms, '300kb', settings, async (client, first, openMs) => {
      const times = await keystrokes(client, edits, WARMUP_EDITS);
      const b = await burst(client, 100);
      bursts.push({ name: `300kb × ${terms}`, ...b });
      // BENCH_DUMP=<prefix>: every latency of the run, to look at the tail.
      if (process.env.BENCH_DUMP) fs.writeFileSync(process.env.BENCH_DUMP + terms + '.json', JSON.stringify(times));
      latency.push({
        name: `keystroke, 300kb × ${terms}`,
        openMs,
        diagnostics: first.length,
        reportBytes: client.firstReportBytes,
        edits: times.length,
        warmupEdits: WARMUP_EDITS,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        unchanged: client.unchangedReports ?? 0,
        max: Math.max(...times),
        rssMB: client.rss(),
      });
    });
  }
  await withOpenDraft(dataDir, 50_000, '1mb', settings, async (client, first, openMs) => {
    const busyMB = client.rss();
    // Open, linted and left alone: the server gives back what loading and the first lint no longer need
    // (server/src/node/memory.ts collects once it has been idle for 1.5 s).
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    memory.push({ name: 'RSS, 1mb open × 50000', openMs, diagnostics: first.length, rssMB: client.rss(), busyMB, peakMB: client.peakRss(), settleMs: SETTLE_MS });
  });
  const firstOpen = [await firstOpenBench(dataDir, 5_000, '1mb', settings)];
  return { latency, bursts, memory, firstOpen };
}
