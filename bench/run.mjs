// `npm run bench`: generates the seeded inputs, lints them in-process for each term-list size (one process
// per size), drives the real language server over JSON-RPC for keystroke latency and RSS, prints a table
// and writes bench/results/bench-<timestamp>.json (and latest.json).
//
// and times the whole CLI on a folder of 100 drafts with `--jobs 2` against `--jobs 1` (bench/jobs.mjs).
//
//   node bench/run.mjs [--quick] [--skip-server] [--skip-inprocess] [--skip-sustained] [--skip-jobs]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TERM_SIZES, writeInputs } from './generate.mjs';
import { jobsBench, printJobs } from './jobs.mjs';
import { serverBench } from './server.mjs';
import { printSustained, sustainedBench } from './sustained.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, 'results');
const dataDir = path.join(resultsDir, 'data');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');

const f0 = (x) => (x === undefined ? '-' : x.toFixed(0));
const f1 = (x) => (x === undefined ? '-' : x.toFixed(1));

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  const started = new Date();
  let t = performance.now();
  writeInputs(dataDir);
  console.log(`inputs: ${dataDir} (${f0(performance.now() - t)} ms)`);
  const report = { date: started.toISOString(), machine: machine(), inprocess: [], server: undefined };

  if (!args.has('--skip-inprocess')) {
    for (const n of TERM_SIZES) {
      const drafts = quick ? ['10kb', '300kb', '1mb'] : ['10kb', '300kb', '1mb', '10mb'];
      if (n === 5_000) drafts.push('zh-300kb', 'zh-1mb');
      const out = execFileSync(process.execPath, ['--max-old-space-size=4096', path.join(here, 'inprocess.mjs'), dataDir, String(n), ...drafts], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      report.inprocess.push(JSON.parse(out));
    }
    const rows = [];
    for (const r of report.inprocess) {
      for (const d of r.drafts) {
        rows.push([
          `${d.draft} × ${r.terms}`,
          f1(r.parseMs + r.compileMs + r.fuzzyMs),
          f1(d.firstMs),
          f1(d.ms),
          f1(d.mbPerS),
          d.findings,
          `${d.detected}/${d.planted}`,
          f0(r.heapMB),
          f0(r.rssMB),
        ]);
      }
    }
    console.log('\nIn-process (core lintText, median of warm runs; compile = parse term file + compile + misspelling index)\n');
    console.log(table(['draft × terms', 'compile ms', 'first ms', 'lint ms', 'MB/s', 'findings', 'planted found', 'heap MB', 'RSS MB'], rows));
  }

  if (!args.has('--skip-server')) {
    report.server = await serverBench(dataDir, { edits: quick ? 200 : 300 });
    const s = report.server;
    console.log('\nLanguage server over JSON-RPC (dist/server.js --stdio, pull diagnostics)\n');
    console.log(
      table(
        ['scenario', 'p50 ms', 'p95 ms', 'max ms', 'edits', '"unchanged"', 'RSS MB', 'full report KB', 'bytes/diagnostic'],
        s.latency.map((l) => [l.name, f1(l.p50), f1(l.p95), f1(l.max), l.edits, l.unchanged ?? '-', f0(l.rssMB), f1(l.reportBytes / 1024), f0(l.reportBytes / l.diagnostics)]),
      ),
    );
    console.log('');
    console.log(
      table(
        ['server memory', 'RSS MB (settled)', 'RSS MB (at first diagnostics)', 'peak RSS MB', 'open ms'],
        s.memory.map((m) => [m.name, f0(m.rssMB), f0(m.busyMB), f0(m.peakMB), f0(m.openMs)]),
      ),
    );
    console.log('');
    console.log(table(['first diagnostics', 'didOpen → full report ms', 'diagnostics', 'the right ones'], (s.firstOpen ?? []).map((o) => [o.name, f1(o.ms), o.diagnostics, o.correct ? 'yes' : 'NO'])));
  }

  if (!args.has('--skip-server') && !args.has('--skip-sustained')) {
    // 200 open drafts, typing at 50 edits/s for 30 s while the term file is rewritten every 5 s (and broken once).
    console.log('');
    report.sustained = await sustainedBench({ seconds: quick ? 15 : 30 });
    printSustained(report.sustained);
  }

  if (!args.has('--skip-jobs')) {
    // 100 drafts × 100 KB, --jobs 2 against --jobs 1, alternating (issue 19's target 6).
    console.log('');
    report.jobs = jobsBench(dataDir, { rounds: quick ? 2 : 4 });
    printJobs(report.jobs);
  }

  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2));
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
