// The target figures across the last N `npm run bench` runs (bench/results/bench-*.json), to show how much
// they move between runs on a shared machine:   node bench/spread.mjs [N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const n = Number(process.argv[2] ?? 5);
const runs = fs
  .readdirSync(dir)
  .filter((f) => /^bench-.*\.json$/.test(f))
  .sort()
  .slice(-n)
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
const lint = (r, terms, draft) => r.inprocess.find((x) => x.terms === terms)?.drafts.find((d) => d.draft === draft)?.ms;
const metrics = {
  'lint 1 MB × 5,000 (ms)': (r) => lint(r, 5000, '1mb'),
  'lint 1 MB × 50,000 (ms)': (r) => lint(r, 50000, '1mb'),
  '50,000 / 5,000 terms': (r) => lint(r, 50000, '1mb') / lint(r, 5000, '1mb'),
  '10 MB / 1 MB time (× 5,000)': (r) => lint(r, 5000, '10mb') / lint(r, 5000, '1mb'),
  'lint 1 MB Chinese × 5,000 (ms)': (r) => lint(r, 5000, 'zh-1mb'),
  'Chinese / English 1 MB time (× 5,000)': (r) => lint(r, 5000, 'zh-1mb') / lint(r, 5000, '1mb'),
  'keystroke p95, 300 KB × 5,000 (ms)': (r) => r.server?.latency[0]?.p95,
  'keystroke p95, 300 KB × 50,000 (ms)': (r) => r.server?.latency[1]?.p95,
  'keystroke p95, 300 KB × 100 (ms)': (r) => r.server?.latency[2]?.p95,
  'server RSS settled, 1 MB × 50,000 (MB)': (r) => r.server?.memory[0]?.rssMB,
  'server RSS at first diagnostics (MB)': (r) => r.server?.memory[0]?.busyMB,
  'server peak RSS (MB)': (r) => r.server?.memory[0]?.peakMB,
  '100 drafts × 100 KB, --jobs 2 speed-up (×)': (r) => r.jobs?.speedup,
};
const rows = [];
for (const [name, f] of Object.entries(metrics)) {
  const xs = runs.map(f).filter((x) => typeof x === 'number');
  if (xs.length === 0) continue;
  const s = xs.slice().sort((a, b) => a - b);
  rows.push(`| ${name} | ${s[0].toFixed(1)} | ${s[Math.floor((s.length - 1) / 2)].toFixed(1)} | ${s[s.length - 1].toFixed(1)} | ${xs.map((x) => x.toFixed(1)).join(', ')} |`);
}
console.log(`Across the last ${runs.length} runs (${runs[0].date} to ${runs[runs.length - 1].date}):\n`);
console.log('| figure | best | median | worst | each run, oldest first |\n| --- | ---: | ---: | ---: | --- |');
console.log(rows.join('\n'));
