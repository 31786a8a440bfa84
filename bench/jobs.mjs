// Issue 19's target 6: a folder of 100 drafts × 100 KB linted by the whole CLI with `--jobs 2` against the
// single-threaded run (`--jobs 1`), on this machine's cores. The drafts are the 10 MB benchmark draft cut at blank
// lines into 100 files of about 100 KB; the 5,000-term list. One unmeasured run fills the compiled-list cache (as
// any run after the first finds it), then the two runs alternate, ROUNDS times, so load drifts on both alike. Each
// run's wall time, and its CPU time (user + system of the process and all its threads, from /proc/self/stat's
// children fields, on Linux); the reports of the two must be byte for byte the same.
//
//   node bench/jobs.mjs [dataDir] [--rounds N]     (after `npm run build`; `npm run bench` runs it too)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, '..', 'dist', 'cli.js');
export const FOLDER_DRAFTS = 100;
const DRAFT_BYTES = 100 * 1024;

/** The 10 MB draft cut at blank lines into `count` files of about `bytes` each (the last takes the rest). */
export function writeFolder(dataDir, dir, count = FOLDER_DRAFTS, bytes = DRAFT_BYTES) {
  const text = fs.readFileSync(path.join(dataDir, 'draft-10mb.md'), 'utf8');
  fs.mkdirSync(dir, { recursive: true });
  let from = 0;
  for (let i = 0; i < count; i++) {
    let to = text.length;
    if (i < count - 1) {
      const cut = text.indexOf('\n\n', Math.min(text.length, from + bytes));
      to = cut < 0 ? text.length : cut + 2;
    }
    fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(3, '0')}.md`), text.slice(from, to));
    from = to;
  }
  return dir;
}

/** This process's waited-for children's CPU seconds (user + system), or NaN off Linux. */
function childCpuSeconds() {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime are fields 16 and 17 of stat(5), the 14th and 15th after the name; in clock ticks (100/s).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

function runCli(args, cwd) {
  const cpu0 = childCpuSeconds();
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  const cpuS = childCpuSeconds() - cpu0;
  // 1: findings reported; anything else is a failure of the run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`termlint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpuS, stdout: r.stdout };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export function jobsBench(dataDir, { rounds = 4 } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-jobs-'));
  try {
    writeFolder(dataDir, path.join(work, 'drafts'));
    fs.copyFileSync(path.join(dataDir, 'terms-5000.json'), path.join(work, 'bench.terms.json'));
    const args = (jobs) => ['--no-default-terms', '--terms', 'bench.terms.json', '--format', 'json', '--jobs', String(jobs), 'drafts'];
    const first = runCli(args(1), work);
    const runs = { 1: [], 2: [] };
    let identical = true;
    for (let r = 0; r < rounds; r++) {
      for (const jobs of [1, 2]) {
        const run = runCli(args(jobs), work);
        if (run.stdout !== first.stdout) identical = false;
        runs[jobs].push({ ms: run.ms, cpuS: run.cpuS });
      }
    }
    const summary = (xs) => ({ ms: median(xs.map((x) => x.ms)), cpuS: median(xs.map((x) => x.cpuS)), each: xs });
    const single = summary(runs[1]);
    const two = summary(runs[2]);
    return {
      name: `${FOLDER_DRAFTS} drafts × 100 KB × 5000`,
      cores: os.cpus().length,
      rounds,
      bytes: fs.readdirSync(path.join(work, 'drafts')).reduce((n, f) => n + fs.statSync(path.join(work, 'drafts', f)).size, 0),
      findings: JSON.parse(first.stdout).length,
      single,
      jobs2: two,
      speedup: single.ms / two.ms,
      identical,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function printJobs(j) {
  const s = (x) => (x / 1000).toFixed(2);
  console.log(`--jobs on ${j.cores} cores: ${j.name} (${(j.bytes / 1024 / 1024).toFixed(1)} MB, ${j.findings} findings), ${j.rounds} alternating rounds`);
  console.log(`  --jobs 1: ${s(j.single.ms)} s median (${j.single.each.map((x) => s(x.ms)).join(', ')}), CPU ${j.single.cpuS.toFixed(2)} s`);
  console.log(`  --jobs 2: ${s(j.jobs2.ms)} s median (${j.jobs2.each.map((x) => s(x.ms)).join(', ')}), CPU ${j.jobs2.cpuS.toFixed(2)} s`);
  console.log(`  speed-up ${j.speedup.toFixed(2)}× (target ≥ 1.7×); reports identical: ${j.identical ? 'yes' : 'NO'}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--rounds');
  const rounds = at >= 0 ? Number(argv[at + 1]) : 4;
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--rounds');
  const dataDir = path.resolve(positional[0] ?? path.join(here, 'results', 'data'));
  const j = jobsBench(dataDir, { rounds });
  printJobs(j);
  if (!j.identical) process.exitCode = 1;
}
