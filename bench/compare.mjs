// `npm run bench:compare`: Termlint side by side with what users would pick instead, on the same 1 MB draft and
// the same 5,000 terms translated into each tool's format. Peers are installed from the npm registry into a
// temporary folder (cspell 9.x, which runs on Node 20; textlint with textlint-rule-prh), each whole process is
// timed several times in one run (round robin, so load on the machine hits all alike), and each tool's findings
// are counted against the planted variants. Beside them: the floor of the job (bench/floor.mjs: read, scan once
// for words, look each up in a hash table of the list's words), Termlint without its cache of compiled term lists
// (a first run, or CI without a kept cache), and Termlint on Node 24 when one is installed (scripts/node24.sh's
// cache, or TERMLINT_NODE24=/path/to/node).
//
//   node bench/compare.mjs [--runs N] [--textlint-runs N] [--terms 5000] [--draft 1mb]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { KINDS, writeInputs } from './generate.mjs';
import { countDetections, lineStarts, parseCspell, parseTextlint, toCspellConfig, toPrhYaml } from './peers.mjs';
import { machine, table } from './run.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'textlint-runs': { type: 'string', default: '3' },
    terms: { type: 'string', default: '5000' },
    draft: { type: 'string', default: '1mb' },
  },
});
const runs = Number(args.runs);
const textlintRuns = Number(args['textlint-runs']);
const termCount = Number(args.terms);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The newest version matching `range`, asked of the registry. */
function latest(pkg, range) {
  const out = execFileSync(npm, ['view', `${pkg}@${range}`, 'version', '--json'], { encoding: 'utf8' });
  const v = JSON.parse(out);
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function installPeers() {
  const versions = {
    cspell: latest('cspell', '^9'),
    textlint: latest('textlint', 'latest'),
    'textlint-rule-prh': latest('textlint-rule-prh', 'latest'),
  };
  const dir = path.join(os.tmpdir(), 'termlint-bench-peers');
  const stamp = path.join(dir, 'installed.json');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== JSON.stringify(versions)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true }));
    console.log(`installing ${Object.entries(versions).map(([p, v]) => `${p}@${v}`).join(', ')} into ${dir}`);
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(versions).map(([p, v]) => `${p}@${v}`)], { cwd: dir, stdio: 'inherit' });
    fs.writeFileSync(stamp, JSON.stringify(versions));
  }
  return { dir, versions };
}

/** A Node 24 binary, if one is installed where scripts/node24.sh puts it (or TERMLINT_NODE24 says). */
function node24() {
  const candidates = [process.env.TERMLINT_NODE24, '/var/cache/termlint-node24/node_modules/node/bin/node', path.join(os.homedir(), '.cache', 'termlint-node24', 'node_modules', 'node', 'bin', 'node')];
  for (const c of candidates) {
    if (!c || !fs.existsSync(c)) continue;
    const v = spawnSync(c, ['-v'], { encoding: 'utf8' }).stdout?.trim();
    if (v?.startsWith('v24.')) return { bin: c, version: v };
  }
  return undefined;
}

function timeRun(cmd, argv, cwd, env) {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  // Every tool exits 1 when it reports something; 2 and up (or a signal) is a failure.
  if (r.status === null || r.status > 1) throw new Error(`${path.basename(argv[0] ?? cmd)} failed (${r.status ?? r.signal}):\n${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main() {
  const atStart = machine();
  const dataDir = writeInputs(path.join(here, 'results', 'data'));
  const cli = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const { dir: peers, versions } = installPeers();

  // One work folder with the draft and every tool's configuration.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-compare-'));
  const termFile = path.join(dataDir, `terms-${termCount}.json`);
  const terms = JSON.parse(fs.readFileSync(termFile, 'utf8')).terms;
  const draftName = `draft-${args.draft}.md`;
  fs.copyFileSync(path.join(dataDir, draftName), path.join(work, 'draft.md'));
  fs.copyFileSync(termFile, path.join(work, 'bench.terms.json'));
  fs.writeFileSync(path.join(work, 'cspell.json'), JSON.stringify(toCspellConfig(terms)));
  fs.writeFileSync(path.join(work, 'prh.yml'), toPrhYaml(terms));
  fs.writeFileSync(path.join(work, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
  const text = fs.readFileSync(path.join(work, 'draft.md'), 'utf8');
  const planted = JSON.parse(fs.readFileSync(path.join(dataDir, `planted-${args.draft}.json`), 'utf8'));

  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const termlintArgv = [cli, '--no-default-terms', '--terms', 'bench.terms.json', '--format', 'json', 'draft.md'];
  const termlintSpans = (out) => {
    const starts = lineStarts(text);
    return JSON.parse(out).map((r) => ({ start: starts[r.line - 1] + r.column - 1, end: starts[r.endLine - 1] + r.endColumn - 1, what: r.kind }));
  };
  // Termlint's cache of compiled term lists, in the work folder: filled by one unmeasured run first, as any run
  // after the first finds it.
  const cacheEnv = { TERMLINT_CACHE_DIR: path.join(work, '.termlint-cache') };
  timeRun(process.execPath, termlintArgv, work, cacheEnv);
  const n24 = node24();
  const tools = [
    { name: 'termlint', version, argv: termlintArgv, env: cacheEnv, runs, spans: termlintSpans },
    { name: 'termlint --no-cache', version, argv: [...termlintArgv.slice(0, 1), '--no-cache', ...termlintArgv.slice(1)], env: cacheEnv, runs, spans: termlintSpans },
    // The CLI with V8's default inlining budget instead of its own (server/src/node/oneShot.ts), to compare.
    { name: "termlint, V8's default inlining", version, argv: termlintArgv, env: { ...cacheEnv, TERMLINT_V8_DEFAULTS: '1' }, runs, spans: termlintSpans },
    ...(n24 ? [{ name: `termlint on Node ${n24.version.slice(1)}`, version, node: n24.bin, argv: termlintArgv, env: cacheEnv, runs, spans: termlintSpans }] : []),
    { name: 'floor (bench/floor.mjs)', version: '', argv: [path.join(here, 'floor.mjs'), 'bench.terms.json', 'draft.md'], runs, floor: true, spans: () => [] },
    {
      name: 'cspell',
      version: versions.cspell,
      argv: [path.join(peers, 'node_modules', 'cspell', 'bin.mjs'), 'lint', '--no-progress', '--no-summary', '--no-cache', '-c', 'cspell.json', 'draft.md'],
      runs,
      spans: (out) => parseCspell(out, text),
    },
    {
      name: 'textlint + prh',
      version: `${versions.textlint} + ${versions['textlint-rule-prh']}`,
      argv: [path.join(peers, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--format', 'json', 'draft.md'],
      runs: textlintRuns,
      spans: (out) => parseTextlint(out, text),
    },
  ];
  // --textlint-runs 0 (or --runs 0) leaves a tool out.
  for (let i = tools.length - 1; i >= 0; i--) if (tools[i].runs < 1) tools.splice(i, 1);
  for (const t of tools) t.times = [];
  const rounds = Math.max(...tools.map((t) => t.runs));
  for (let i = 0; i < rounds; i++) {
    for (const t of tools) {
      if (i >= t.runs) continue;
      const r = timeRun(t.node ?? process.execPath, t.argv, work, t.env);
      t.times.push(r.ms);
      t.output ??= r.stdout;
      console.log(`  ${t.name} run ${i + 1}/${t.runs}: ${(r.ms / 1000).toFixed(2)} s`);
    }
  }

  const baseMedian = median(tools[0].times);
  const baseMin = Math.min(...tools[0].times);
  const floorMedian = median(tools.find((t) => t.floor).times);
  const rows = [];
  const report = { date: new Date().toISOString(), machine: { ...atStart, loadAverageAtEnd: machine().loadAverage }, draft: draftName, bytes: Buffer.byteLength(text), terms: termCount, tools: [] };
  for (const t of tools) {
    const spans = t.spans(t.output);
    const found = countDetections(planted, spans, termCount);
    const entry = {
      name: t.name,
      version: t.version,
      command: [t.node ? 'node24' : 'node', ...t.argv.map((a) => a.replace(path.join(root, 'dist'), '<repo>/dist').replace(here, '<repo>/bench').replace(peers, '<peers>'))].join(' '),
      ...(t.floor ? { floor: true } : {}),
      runs: t.times.length,
      minMs: Math.min(...t.times),
      medianMs: median(t.times),
      times: t.times,
      reports: spans.length,
      planted: found.planted,
      detected: found.found,
      detectedByKind: Object.fromEntries(KINDS.map((k) => [k, found.byKind[k]?.found ?? 0])),
      reportsOnNoPlantedVariant: found.otherSpans,
    };
    report.tools.push(entry);
    rows.push([
      `${t.name} ${t.version}`,
      (entry.minMs / 1000).toFixed(2),
      (entry.medianMs / 1000).toFixed(2),
      t === tools[0] ? '1×' : `${(entry.medianMs / baseMedian).toFixed(2)}× (min ${(entry.minMs / baseMin).toFixed(2)}×)`,
      `${(entry.medianMs / floorMedian).toFixed(2)}×`,
      t.floor ? '-' : entry.reports,
      t.floor ? '-' : `${entry.detected}/${entry.planted}`,
      t.floor ? '-' : KINDS.map((k) => `${k.slice(0, 4)} ${entry.detectedByKind[k]}`).join(', '),
    ]);
  }
  const byKind = countDetections(planted, [], termCount).byKind;
  console.log(`\n${draftName} (${(report.bytes / 1024 / 1024).toFixed(2)} MB) × ${termCount} terms; whole process, wall clock; ${os.cpus().length} cores, ${process.version}; load average ${report.machine.loadAverage.join(' / ')} at start, ${report.machine.loadAverageAtEnd.join(' / ')} at the end`);
  console.log(`planted variants: ${KINDS.map((k) => `${k} ${byKind[k]?.planted ?? 0}`).join(', ')}\n`);
  console.log(table(['tool', 'min s', 'median s', 'vs termlint', 'vs floor', 'reports', 'planted found', 'found by kind'], rows));
  console.log(
    '\ncspell checks one word at a time: it reports misspelled and split names as unknown words and forbidden one-word\n' +
      'spellings, but cannot see hyphenation, case of a known word, or which form a document prefers. prh matches the\n' +
      'variant patterns it is given (joined, split, hyphen, case, forbidden) but has no edit distance (misspellings) and no\n' +
      'document-level consistency (it flags every admitted form, whichever the document prefers).',
  );
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  const file = path.join(here, 'results', `compare-${report.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(here, 'results', 'compare-latest.json'), JSON.stringify(report, null, 2));
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
