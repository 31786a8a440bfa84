// One term-list size, in its own process so heap and RSS belong to it alone:
//   node bench/inprocess.mjs <dataDir> <termCount> [draft names…]
// Prints one JSON object: compile figures and, per draft, lint times, throughput, findings and recall.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countDetections } from './peers.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = require(path.join(root, 'out/server/src/core/index.js'));

const [dir, countArg, ...names] = process.argv.slice(2);
const count = Number(countArg);
const drafts = names.length > 0 ? names : ['10kb', '300kb', '1mb', '10mb'];

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / (1024 * 1024);

const termText = fs.readFileSync(path.join(dir, `terms-${count}.json`), 'utf8');
let t = performance.now();
const parsed = core.parseTermFile(termText, `terms-${count}.json`);
const parseMs = performance.now() - t;
if (!parsed.list) throw new Error(`term list has problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
t = performance.now();
const compiled = core.compileTerms([parsed.list]);
const compileMs = performance.now() - t;
// The misspelling index is built on first need; count it with compilation, as a first lint would pay it.
t = performance.now();
compiled.fuzzy();
const fuzzyMs = performance.now() - t;

const results = [];
for (const name of drafts.filter((n) => !n.startsWith('zh-'))) {
  const text = fs.readFileSync(path.join(dir, `draft-${name}.md`), 'utf8');
  const bytes = Buffer.byteLength(text);
  const planted = JSON.parse(fs.readFileSync(path.join(dir, `planted-${name}.json`), 'utf8'));
  const runs = bytes > 5 * 1024 * 1024 ? 5 : 15;
  t = performance.now();
  let result = core.lintText(text, compiled, { format: 'markdown' });
  const firstMs = performance.now() - t;
  // Two more unmeasured runs: the median is of steady state (the first run is reported on its own).
  for (let i = 0; i < 2; i++) core.lintText(text, compiled, { format: 'markdown' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    result = core.lintText(text, compiled, { format: 'markdown' });
    times.push(performance.now() - t);
  }
  const ms = median(times);
  const recall = countDetections(planted, result.findings, count);
  const byKind = {};
  for (const f of result.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  results.push({
    draft: name,
    bytes,
    firstMs,
    ms,
    minMs: Math.min(...times),
    mbPerS: mb(bytes) / (ms / 1000),
    findings: result.findings.length,
    byKind,
    planted: recall.planted,
    detected: recall.found,
    recallByKind: recall.byKind,
    unplanted: recall.otherSpans,
  });
}
// Chinese drafts (`zh-…`, Simplified Markdown) against the Chinese list of the same size, when there is one: the
// English figures above are what they are measured against.
const zhList = path.join(dir, `terms-zh-${count}.json`);
const zhDrafts = fs.existsSync(zhList) ? fs.readdirSync(dir).filter((f) => /^draft-zh-.*\.md$/.test(f)).map((f) => f.slice(6, -3)) : [];
if (zhDrafts.length > 0 && (names.length === 0 || names.some((n) => n.startsWith('zh-')))) {
  const zhParsed = core.parseTermFile(fs.readFileSync(zhList, 'utf8'), `terms-zh-${count}.json`);
  if (!zhParsed.list) throw new Error(`Chinese term list has problems: ${JSON.stringify(zhParsed.problems.slice(0, 3))}`);
  const zhCompiled = core.compileTerms([zhParsed.list]);
  for (const name of zhDrafts.filter((n) => names.length === 0 || names.includes(n))) {
    const text = fs.readFileSync(path.join(dir, `draft-${name}.md`), 'utf8');
    const bytes = Buffer.byteLength(text);
    const planted = JSON.parse(fs.readFileSync(path.join(dir, `planted-${name}.json`), 'utf8'));
    const options = { format: 'markdown', lang: 'zh-Hans' };
    t = performance.now();
    let result = core.lintText(text, zhCompiled, options);
    const firstMs = performance.now() - t;
    for (let i = 0; i < 2; i++) core.lintText(text, zhCompiled, options);
    const times = [];
    for (let i = 0; i < 15; i++) {
      t = performance.now();
      result = core.lintText(text, zhCompiled, options);
      times.push(performance.now() - t);
    }
    const ms = median(times);
    const recall = countDetections(planted, result.findings, Infinity);
    const byKind = {};
    for (const f of result.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    results.push({ draft: name, bytes, firstMs, ms, minMs: Math.min(...times), mbPerS: mb(bytes) / (ms / 1000), findings: result.findings.length, byKind, planted: recall.planted, detected: recall.found, recallByKind: recall.byKind, unplanted: recall.otherSpans });
  }
}
const mem = process.memoryUsage();
process.stdout.write(
  JSON.stringify({ terms: count, parseMs, compileMs, fuzzyMs, heapMB: mem.heapUsed / 1e6, rssMB: mem.rss / 1e6, drafts: results }) + '\n',
);
