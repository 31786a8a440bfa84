// Renders the last `npm run bench` and `npm run bench:compare` results (bench/results/latest.json and
// compare-latest.json) as Markdown tables, for docs/benchmarks.md:   node bench/report.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (name) => {
  const file = path.join(here, 'results', name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
};

const f0 = (x) => x.toFixed(0);
const f1 = (x) => x.toFixed(1);
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (headers, rows, align) => [row(headers), row(align ?? headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');

const out = [];
const bench = read('latest.json');
if (bench) {
  const m = bench.machine;
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; Node ${m.node}; ${m.os}; load average at start ${m.loadAverage.join(' / ')}. Run ${bench.date}.`, '');
  out.push('### In-process (core `lintText`)', '');
  const rows = [];
  for (const r of bench.inprocess) {
    for (const d of r.drafts) {
      rows.push([`${d.draft} × ${r.terms.toLocaleString('en')}`, f1(r.parseMs + r.compileMs + r.fuzzyMs), f1(d.firstMs), f1(d.ms), f1(d.mbPerS), d.findings, `${d.detected}/${d.planted}`, f0(r.heapMB), f0(r.rssMB)]);
    }
  }
  out.push(table(['draft × terms', 'load + compile ms', 'first lint ms', 'lint ms (median)', 'MB/s', 'findings', 'planted found', 'heap MB', 'RSS MB'], rows));
  out.push('', '### Language server over JSON-RPC (`dist/server.js --stdio`, pull diagnostics)', '');
  const s = bench.server;
  if (s) {
    out.push(
      table(
        ['scenario', 'p50 ms', 'p95 ms', 'max ms', 'keystrokes', 'answered "unchanged"', 'server RSS MB', 'full report', 'bytes per diagnostic'],
        s.latency.map((l) => [
          l.name,
          f1(l.p50),
          f1(l.p95),
          f1(l.max),
          `${l.edits} (+${l.warmupEdits ?? 0} warm-up)`,
          l.unchanged ?? '',
          f0(l.rssMB),
          l.reportBytes === undefined ? '' : `${f1(l.reportBytes / 1024)} KB, ${l.diagnostics} diagnostics`,
          l.reportBytes === undefined ? '' : f0(l.reportBytes / l.diagnostics),
        ]),
      ),
    );
    out.push(
      '',
      table(
        ['server memory (started as the extension starts it)', `settled (${(s.memory[0]?.settleMs ?? 0) / 1000} s after first diagnostics)`, 'at first diagnostics', 'peak (VmHWM)'],
        s.memory.map((x) => [x.name, `${f0(x.rssMB)} MB`, x.busyMB === undefined ? '' : `${f0(x.busyMB)} MB`, x.peakMB === undefined ? '' : `${f0(x.peakMB)} MB`]),
      ),
    );
    if (s.firstOpen) out.push('', table(['first diagnostics on opening', 'didOpen → full report ms', 'diagnostics', 'the right ones'], s.firstOpen.map((o) => [o.name, f1(o.ms), o.diagnostics, o.correct ? 'yes' : 'no'])));
    out.push('', table(['typing burst (no waiting, previous pull cancelled)', 'keystrokes', 'pulls answered', 'pulls cancelled', 'last keystroke → diagnostics ms'], s.bursts.map((b) => [b.name, b.edits, b.answered, b.cancelled, f0(b.lastMs)])));
  }
  const j = bench.jobs;
  if (j) {
    out.push('', `### Many files on ${j.cores} cores (whole CLI, ${j.rounds} alternating rounds, medians)`, '');
    const each = (r) => r.each.map((x) => (x.ms / 1000).toFixed(2)).join(', ');
    out.push(
      table(
        ['run', 'wall s (median)', 'CPU s (median)', 'each run, wall s', 'vs --jobs 1', 'report'],
        [
          [`${j.name}, \`--jobs 1\``, (j.single.ms / 1000).toFixed(2), j.single.cpuS.toFixed(2), each(j.single), '1.00×', 'the reference'],
          [`${j.name}, \`--jobs 2\``, (j.jobs2.ms / 1000).toFixed(2), j.jobs2.cpuS.toFixed(2), each(j.jobs2), `${j.speedup.toFixed(2)}×`, j.identical ? 'identical' : 'DIFFERENT'],
        ],
      ),
    );
  }
}
const cmp = read('compare-latest.json');
if (cmp) {
  const m = cmp.machine;
  out.push('', `### Side by side (${cmp.draft}, ${(cmp.bytes / 1024 / 1024).toFixed(2)} MB × ${cmp.terms.toLocaleString('en')} terms, whole process, wall clock)`, '');
  out.push(`Node ${m.node}; load average ${m.loadAverage.join(' / ')} at start${m.loadAverageAtEnd ? `, ${m.loadAverageAtEnd.join(' / ')} at the end` : ''}. Run ${cmp.date}.`, '');
  const base = cmp.tools[0];
  const floor = cmp.tools.find((t) => t.floor);
  const dash = (t, v) => (t.floor ? '-' : v);
  out.push(
    table(
      ['tool', 'runs', 'min s', 'median s', 'vs termlint (median)', 'vs termlint (min)', 'vs floor (median)', 'reports', 'planted found', 'joined', 'split', 'hyphen', 'case', 'misspelling', 'forbidden', 'inconsistent'],
      cmp.tools.map((t) => [
        `${t.name} ${t.version}`.trim(),
        t.runs,
        (t.minMs / 1000).toFixed(3),
        (t.medianMs / 1000).toFixed(3),
        t === base ? '1×' : `${(t.medianMs / base.medianMs).toFixed(2)}×`,
        t === base ? '1×' : `${(t.minMs / base.minMs).toFixed(2)}×`,
        floor ? `${(t.medianMs / floor.medianMs).toFixed(2)}×` : '',
        dash(t, t.reports),
        dash(t, `${t.detected}/${t.planted}`),
        ...['joined', 'split', 'hyphen', 'case', 'misspelling', 'forbidden', 'inconsistent'].map((k) => dash(t, t.detectedByKind[k])),
      ]),
    ),
  );
  out.push('', 'Commands (in a folder with the draft, the term list and each tool\'s configuration):', '');
  for (const t of cmp.tools) out.push(`- ${t.name}: \`${t.command}\``);
}
process.stdout.write(out.join('\n') + '\n');
