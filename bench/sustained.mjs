// Sustained editing under load, against the real language server (dist/server.js --stdio, started as the
// extension starts it): a workspace of 200 drafts (6-16 KB each) and a 5,000-term list, all drafts open; then
// 30 s of typing at 50 edits/s in one draft after another, each edit followed by a pull (the previous pull
// cancelled, as VS Code does); the term file is rewritten every 5 s (and broken once, at 15 s), and on each
// `workspace/diagnostic/refresh` every open draft is pulled again, as vscode-languageclient does.
//
// Prints the server's resident memory (after opening, peak while typing, 4 s after the typing stops) and two
// latencies, normally and in the second after each term-file rewrite: pulls, request to response (those
// answered; a pull overtaken by the next keystroke is cancelled), and keystroke to diagnostics (until a pull
// for that version or a later one is answered: what the author sees). It checks that the server stayed
// correct: the final diagnostics of every draft equal a fresh server's, the last good list was kept while the
// term file was broken, and the server logged no error (exit code 1 otherwise).
//
//   node bench/sustained.mjs [--seconds N] [--rewrite-every MS (0: never)] [--out FILE.json]   (after `npm run build`)
//
// BENCH_SERVER_ARGS: node flags for the server (--cpu-prof, --trace-gc). With --trace-gc, set SUSTAINED_IPC=1
// (V8 traces go to stdout, which is the protocol under --stdio) and SUSTAINED_SERVER_LOG=FILE. SUSTAINED_DEBUG=1
// prints every keystroke's latency after each rewrite, this process's own stalls, and final mismatches.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SEED, generateDraft, generateTerms, termFileText } from './generate.mjs';
import { answerServerRequests, initializeServer } from './server.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// SUSTAINED_SERVER: another build's dist/server.js (to measure a base commit the same way).
const SERVER = process.env.SUSTAINED_SERVER ?? path.join(root, 'dist', 'server.js');
const LAUNCH = JSON.parse(fs.readFileSync(path.join(root, 'client', 'src', 'serverLaunch.json'), 'utf8'));

const DRAFTS = 200;
const TERMS = 5_000;
const EDITS_PER_SECOND = 50;
const REWRITE_EVERY_MS = 5_000;
const SWITCH_DRAFT_EVERY_MS = 3_000;
const SETTLE_MS = 4_000;
const AFTER_REWRITE_MS = 1_000;

const percentile = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function procStatus(pid, field) {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The workspace: drafts/d000.md … and bench.terms.json; each rewrite adds one marker term (see `termText`). */
function makeWorkspace(terms) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-sustained-'));
  fs.mkdirSync(path.join(dir, 'drafts'));
  const files = [];
  for (let i = 0; i < DRAFTS; i++) {
    const bytes = 6 * 1024 + (i % 6) * 2 * 1024;
    let { text } = generateDraft(bytes, terms, { seed: SEED + 1 + i });
    // Forbidden forms of the marker terms the rewrites add: how many are reported says which list is in force.
    if (i === 0) text = `Markers: ${Array.from({ length: 8 }, (_, k) => `Qalbethx${k + 1}`).join(', ')}.\n\n${text}`;
    const file = path.join(dir, 'drafts', `d${String(i).padStart(3, '0')}.md`);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return { dir, files, termFile: path.join(dir, 'bench.terms.json') };
}

/** The term list after `rewrites` rewrites: the 5,000 terms plus one marker term per rewrite. */
function termText(terms, rewrites) {
  const markers = Array.from({ length: rewrites }, (_, k) => ({ term: `Qalbeth${k + 1}`, forbidden: [`Qalbethx${k + 1}`] }));
  return termFileText([...terms, ...markers], `Sustained editing (${rewrites} rewrites)`);
}

class Server {
  static async start(workspace, { onRefresh } = {}) {
    // SUSTAINED_IPC=1: talk over node IPC (as VS Code does), so that V8 traces on stdout (--trace-gc) can be logged.
    const ipc = process.env.SUSTAINED_IPC === '1';
    const child = spawn(process.execPath, [...LAUNCH.execArgv, ...(process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean), SERVER, ipc ? '--node-ipc' : '--stdio'], {
      stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...LAUNCH.env },
    });
    let stderr = '';
    // SUSTAINED_SERVER_LOG=FILE: the server's stderr goes there (e.g. with BENCH_SERVER_ARGS=--trace-gc).
    const log = process.env.SUSTAINED_SERVER_LOG ? fs.createWriteStream(process.env.SUSTAINED_SERVER_LOG, { flags: 'a' }) : undefined;
    child.stderr.on('data', (d) => (log ? log.write(d) : (stderr += d)));
    child.on('exit', (code, signal) => {
      if (!server.stopping) console.error(`the server exited (${code ?? signal}) while in use:\n${stderr}`);
    });
    if (ipc) child.stdout.on('data', (d) => log?.write(d));
    const connection = ipc
      ? rpc.createMessageConnection(new rpc.IPCMessageReader(child), new rpc.IPCMessageWriter(child))
      : rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const server = new Server(child, connection);
    server.stderr = () => stderr;
    answerServerRequests(connection, { useBundledTerms: false }, () => {
      server.refreshes++;
      onRefresh?.();
    });
    // Problems published for the term file (the broken rewrite).
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.uri.endsWith('.terms.json') && p.diagnostics.length > 0) server.problemReports++;
    });
    connection.onNotification('window/logMessage', (m) => {
      if (m.type === 1) server.errors.push(m.message);
    });
    connection.onNotification(() => undefined);
    connection.listen();
    await initializeServer(connection, workspace, 'sustained');
    return server;
  }

  constructor(child, connection) {
    this.child = child;
    this.connection = connection;
    this.refreshes = 0;
    this.problemReports = 0;
    this.errors = [];
    this.docs = new Map();
    this.resultIds = new Map();
    this.pending = new Map();
    /** Answers by kind: "full" or "unchanged". */
    this.reports = {};
  }

  open(file) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    this.docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  edit(uri, offset, deleteCount, insert) {
    const doc = this.docs.get(uri);
    const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + deleteCount) };
    TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
  }

  /** Pulls as VS Code does: with the last result id, cancelling this document's previous pull. */
  async pull(uri) {
    this.pending.get(uri)?.cancel();
    const source = new rpc.CancellationTokenSource();
    this.pending.set(uri, source);
    const previous = this.resultIds.get(uri);
    const params = { textDocument: { uri }, ...(previous ? { previousResultId: previous } : {}) };
    try {
      const report = await this.connection.sendRequest('textDocument/diagnostic', params, source.token);
      this.resultIds.set(uri, report.resultId);
      this.reports[report.kind] = (this.reports[report.kind] ?? 0) + 1;
      if (report.kind === 'full') this.items = { ...(this.items ?? {}), [uri]: report.items };
      return report;
    } finally {
      if (this.pending.get(uri) === source) this.pending.delete(uri);
    }
  }

  /** Pulls until the server answers (retrying a pull that a newer version or a cancellation overtook). */
  async settledPull(uri) {
    for (;;) {
      try {
        return await this.pull(uri);
      } catch (e) {
        if (e?.code !== -32802 && e?.code !== -32800) throw e;
      }
    }
  }

  itemsOf(uri) {
    return this.items?.[uri] ?? [];
  }

  watched(uri) {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  }

  rss() {
    return procStatus(this.child.pid, 'VmRSS');
  }

  peak() {
    return procStatus(this.child.pid, 'VmHWM');
  }

  async stop() {
    this.stopping = true;
    await Promise.race([this.connection.sendRequest('shutdown').catch(() => undefined), sleep(2000)]);
    await this.connection.sendNotification('exit').catch(() => undefined);
    await Promise.race([new Promise((r) => this.child.once('exit', r)), sleep(3000)]);
    this.connection.dispose();
    this.child.kill();
  }
}

/** Where someone types in a draft: the end of a prose word on a plain paragraph line. */
function typingSpot(text, k) {
  let at = Math.floor(text.length * (0.2 + 0.6 * ((k * 0.37) % 1)));
  for (; at < text.length; at++) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (/[A-Za-z]/.test(text[lineStart]) && /[a-z]/.test(text[at - 1] ?? '') && text[at] === ' ') return at;
  }
  return Math.floor(text.length / 2);
}

/**
 * A diagnostic as the user sees it: the offsets in its data are taken relative to the finding, as the server's
 * result ids take them (a kept diagnostic's data may hold the offsets of the version it was computed for; code
 * actions re-anchor them on its range).
 */
function asShown(d) {
  if (!d.data || typeof d.data.offset !== 'number') return d;
  const { offset, replacements, ...rest } = d.data;
  return { ...d, data: { ...rest, replacements: replacements.map((r) => ({ ...r, edits: r.edits.map((e) => ({ ...e, start: e.start - offset, end: e.end - offset })) })) } };
}

const TYPED = ' and the Qilinlang Data Exchange widened its cross-border data flow pilot';

export async function sustainedBench({ seconds = 30, rewriteEveryMs = REWRITE_EVERY_MS } = {}) {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
  const terms = generateTerms(50_000).slice(0, TERMS);
  const ws = makeWorkspace(terms);
  let rewrites = 0;
  fs.writeFileSync(ws.termFile, termText(terms, rewrites));
  const uris = ws.files.map((f) => pathToFileURL(f).href);
  const termUri = pathToFileURL(ws.termFile).href;

  let server;
  const refreshPulls = [];
  server = await Server.start(ws.dir, {
    // The client pulls every open document again on a refresh, here ten per turn: sent all at once, they would
    // stall this process (typing included) for a moment, and that would show up as the server's latency.
    onRefresh: () => {
      refreshPulls.push(
        (async () => {
          const others = uris.filter((uri) => uri !== active);
          for (let i = 0; i < others.length; i += 10) {
            if (i > 0) await new Promise((r) => setImmediate(r));
            for (const uri of others.slice(i, i + 10)) refreshPulls.push(server.settledPull(uri).catch(() => undefined));
          }
        })(),
      );
    },
  });
  let active = uris[0];
  try {
    const t0 = performance.now();
    for (const f of ws.files) await server.open(f);
    // Opening pulls every draft; the answers have findings once the term list has loaded.
    for (;;) {
      await Promise.all(uris.map((u) => server.settledPull(u)));
      if (uris.every((u) => server.itemsOf(u).length > 0)) break;
      await sleep(100);
    }
    const openMs = performance.now() - t0;
    const openedMB = server.rss();
    await sleep(SETTLE_MS);
    const openedSettledMB = server.rss();

    // Typing.
    /** Every edit: when it was sent, and how long until diagnostics of its version (or a later one) came. */
    const edits = [];
    /** Every pull that was answered (not overtaken and cancelled): when it was sent, and how long it took. */
    const answered = [];
    const rewritesAt = [];
    const markerChecks = [];
    let cancelled = 0;
    let peakMB = 0;
    const sampler = setInterval(() => (peakMB = Math.max(peakMB, server.rss())), 100);
    // SUSTAINED_DEBUG: this process's own event-loop stalls, to tell them from the server's.
    const clientLags = [];
    let lastTick = performance.now();
    const lagTimer = process.env.SUSTAINED_DEBUG
      ? setInterval(() => {
          const now = performance.now();
          if (now - lastTick > 30) clientLags.push(`${((lastTick - start) / 1000).toFixed(2)}+${(now - lastTick).toFixed(0)}`);
          lastTick = now;
        }, 5)
      : undefined;
    const start = performance.now();
    const end = start + seconds * 1000;
    let draft = 0;
    let spot = typingSpot(server.docs.get(active).getText(), 0);
    let typed = 0;
    let nextSwitch = start + SWITCH_DRAFT_EVERY_MS;
    let nextRewrite = rewriteEveryMs > 0 ? start + rewriteEveryMs : Infinity;
    const inFlight = [];
    for (let k = 0; ; k++) {
      const due = start + (k * 1000) / EDITS_PER_SECOND;
      if (due >= end) break;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const now = performance.now();
      if (now >= nextRewrite) {
        nextRewrite += rewriteEveryMs;
        rewrites++;
        const broken = rewritesAt.length === 2;
        // The third rewrite is broken (truncated JSON): the list of the second must stay in force.
        const text = termText(terms, rewrites);
        fs.writeFileSync(ws.termFile, broken ? text.slice(0, Math.floor(text.length / 2)) : text);
        rewritesAt.push(now);
        await server.watched(termUri);
        const expected = broken ? rewrites - 1 : rewrites;
        const rewrite = rewrites;
        const writtenAt = now;
        const problemsBefore = server.problemReports;
        markerChecks.push(
          (async () => {
            // The marker line of the first draft says which list is in force.
            const markersNow = async () => {
              await server.settledPull(uris[0]);
              return server.itemsOf(uris[0]).filter((d) => /Qalbethx/.test(d.message)).length;
            };
            if (broken) {
              // Once the server has reported the broken file (and had a second to act on it), the list before
              // it must still be in force.
              while (server.problemReports === problemsBefore) await sleep(10);
              await sleep(1000);
              return { rewrite, broken, expected, markers: await markersNow() };
            }
            for (;;) {
              const markers = await markersNow();
              if (markers === expected || performance.now() - writtenAt > 10_000) return { rewrite, broken, expected, markers, inForceMs: performance.now() - writtenAt };
              await sleep(20);
            }
          })(),
        );
        if (broken) rewrites--; // the next rewrite writes the list the broken one meant
      }
      if (now >= nextSwitch) {
        nextSwitch += SWITCH_DRAFT_EVERY_MS;
        draft = (draft + 7) % DRAFTS;
        active = uris[draft];
        spot = typingSpot(server.docs.get(active).getText(), draft);
        typed = 0;
      }
      // Type the sentence, then take it back with backspaces, and again.
      const phase = typed % (2 * TYPED.length);
      if (phase < TYPED.length) await server.edit(active, spot + phase, 0, TYPED[phase]);
      else await server.edit(active, spot + (2 * TYPED.length - phase) - 1, 1, '');
      typed++;
      const sent = performance.now();
      const uri = active;
      const edit = { uri, version: server.docs.get(uri).version, at: sent, ms: undefined };
      edits.push(edit);
      inFlight.push(
        server.pull(uri).then(
          () => {
            answered.push({ at: sent, ms: performance.now() - sent });
            // Diagnostics for this version: every earlier edit of the document whose pull was cancelled waited
            // until now too (what the author sees is the delay until the squiggles match the text).
            const now = performance.now();
            for (let i = edits.length - 1; i >= 0; i--) {
              const e = edits[i];
              if (e.uri !== uri || e.version > edit.version) continue;
              if (e.ms !== undefined) break;
              e.ms = now - e.at;
            }
          },
          () => cancelled++,
        ),
      );
    }
    await Promise.all(inFlight);
    const typingMs = performance.now() - start;
    const pulls = edits.filter((e) => e.ms !== undefined);
    clearInterval(sampler);
    if (lagTimer) {
      clearInterval(lagTimer);
      console.error(`client stalls (s+ms): ${clientLags.join(' ')}`);
    }
    while (refreshPulls.length > 0) await Promise.all(refreshPulls.splice(0));
    const markers = await Promise.all(markerChecks);
    if (markers.at(-1)?.broken) {
      // A short run ended on the broken list: put the good one back, so the final comparison has terms.
      fs.writeFileSync(ws.termFile, termText(terms, rewrites));
      await server.watched(termUri);
      while ((await server.settledPull(uris[0]), server.itemsOf(uris[0])).filter((d) => /Qalbethx/.test(d.message)).length !== rewrites) await sleep(50);
      while (refreshPulls.length > 0) await Promise.all(refreshPulls.splice(0));
    }
    peakMB = Math.max(peakMB, server.rss());
    await sleep(SETTLE_MS);
    const settledMB = server.rss();

    // Correct at the end: every draft's diagnostics equal a fresh server's on the same texts and list.
    const finalItems = new Map();
    for (const uri of uris) finalItems.set(uri, JSON.stringify((await server.settledPull(uri), server.itemsOf(uri)).map(asShown)));
    for (const [uri, doc] of server.docs) fs.writeFileSync(fileURLToPath(uri), doc.getText());
    const fresh = await Server.start(ws.dir);
    let mismatches = 0;
    try {
      for (const f of ws.files) await fresh.open(f);
      for (;;) {
        await Promise.all(uris.map((u) => fresh.settledPull(u)));
        if (uris.every((u) => fresh.itemsOf(u).length > 0)) break;
        await sleep(100);
      }
      for (const uri of uris) {
        if (JSON.stringify(fresh.itemsOf(uri).map(asShown)) === finalItems.get(uri)) continue;
        mismatches++;
        if (process.env.SUSTAINED_DEBUG) console.error(`${uri} differs:\n  here:  ${finalItems.get(uri)}\n  fresh: ${JSON.stringify(fresh.itemsOf(uri).map(asShown))}`);
      }
    } finally {
      await fresh.stop();
    }

    if (process.env.SUSTAINED_DEBUG) {
      for (const r of rewritesAt) {
        const win = pulls.filter((p) => p.at >= r && p.at < r + AFTER_REWRITE_MS).map((p) => `${(p.at - r).toFixed(0)}:${p.ms.toFixed(1)}`);
        console.error(`rewrite at ${((r - start) / 1000).toFixed(1)} s: ${win.join(' ')}`);
      }
    }
    const inWindow = (p) => rewritesAt.some((r) => p.at >= r && p.at < r + AFTER_REWRITE_MS);
    const stats = (xs) => ({ count: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) });
    const summary = (list) => {
      const normal = stats(list.filter((p) => !inWindow(p)).map((p) => p.ms));
      const afterRewrite = stats(list.filter(inWindow).map((p) => p.ms));
      return { normal, afterRewrite, afterRewriteRatio: afterRewrite.p95 / normal.p95 };
    };
    const result = {
      drafts: DRAFTS,
      terms: TERMS,
      seconds,
      edits: edits.length,
      typingMs,
      editsPerSecond: (edits.length * 1000) / typingMs,
      openMs,
      rssMB: { opened: openedMB, openedSettled: openedSettledMB, peakWhileTyping: peakMB, settled: settledMB, highWaterMark: server.peak() },
      /** Request to response, for the pulls that were answered (the issue's measure). */
      pulls: { answered: answered.length, cancelled, ...summary(answered) },
      /** Keystroke to diagnostics of its version or a later one (what the author sees). */
      keystrokes: summary(pulls),
      refreshes: server.refreshes,
      reports: server.reports,
      markers,
      lastGoodListKept: markers.every((m) => m.markers === m.expected),
      finalMismatches: mismatches,
      serverErrors: server.errors.length + (server.stderr().trim() ? 1 : 0),
    };
    return result;
  } finally {
    await server.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

export function printSustained(r) {
  const f0 = (x) => x.toFixed(0);
  const f1 = (x) => x.toFixed(1);
  console.log(`Sustained editing: ${r.drafts} drafts open × ${r.terms} terms, ${f1(r.editsPerSecond)} edits/s for ${f1(r.typingMs / 1000)} s, term file rewritten every 5 s (broken once)`);
  console.log(`  RSS MB: ${f0(r.rssMB.opened)} after opening (${f0(r.rssMB.openedSettled)} 4 s later), peak while typing ${f0(r.rssMB.peakWhileTyping)}, ${f0(r.rssMB.settled)} 4 s after the typing stopped (high-water mark ${f0(r.rssMB.highWaterMark)})`);
  const line = (name, m) =>
    console.log(`  ${name}: p50 ${f1(m.normal.p50)} ms, p95 ${f1(m.normal.p95)} ms, max ${f1(m.normal.max)} ms; in the second after a rewrite (${m.afterRewrite.count}): p50 ${f1(m.afterRewrite.p50)} ms, p95 ${f1(m.afterRewrite.p95)} ms (${f1(m.afterRewriteRatio)}× normal), max ${f1(m.afterRewrite.max)} ms`);
  line(`pulls (request to response; ${r.pulls.answered} answered, ${r.pulls.cancelled} overtaken by the next keystroke)`, r.pulls);
  line('keystroke to diagnostics', r.keystrokes);
  const inForce = r.markers.filter((m) => m.inForceMs !== undefined).map((m) => f0(m.inForceMs));
  if (inForce.length > 0) console.log(`  a rewritten list was in force (its new term reported) after ${inForce.join(', ')} ms`);
  console.log(`  correct: final diagnostics ${r.finalMismatches === 0 ? 'equal' : `differ in ${r.finalMismatches} drafts from`} a fresh server's; last good list ${r.lastGoodListKept ? 'kept' : 'NOT kept'} while broken; ${r.serverErrors} server errors; ${r.refreshes} refreshes; answers ${JSON.stringify(r.reports)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  sustainedBench({ seconds: Number(opt('--seconds') ?? 30), rewriteEveryMs: Number(opt('--rewrite-every') ?? REWRITE_EVERY_MS) }).then(
    (r) => {
      printSustained(r);
      const out = opt('--out');
      if (out) fs.writeFileSync(out, JSON.stringify(r, null, 2));
      if (r.finalMismatches > 0 || !r.lastGoodListKept || r.serverErrors > 0) process.exitCode = 1;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
