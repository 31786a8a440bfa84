// Proof that a refactoring changed no behaviour: runs the built CLI of this checkout and of a base commit on the
// same inputs and requires every output byte-identical (stdout, stderr and exit code; fixed files too).
//
//   node scripts/same-output.mjs [--base REF] [--quick] [--keep]
//
// REF defaults to the merge base with origin/main, else HEAD~1. The base is checked out with `git worktree` into a
// temporary folder and built there (it borrows this checkout's node_modules, so a base must not need packages this
// checkout lacks). Inputs: examples/, every Markdown and text fixture under test/, the extraction fixtures, and the
// seeded benchmark corpora (bench/generate.mjs: 10 KB to 10 MB drafts × 100 / 5,000 / 50,000 terms; `--quick`
// leaves out the 10 MB draft and the 50,000-term list). HTML files are new with the format seam and not compared.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');

const git = (...a) => execFileSync('git', a, { cwd: repo, encoding: 'utf8' }).trim();
function defaultBase() {
  try {
    return git('merge-base', 'HEAD', 'origin/main');
  } catch {
    return git('rev-parse', 'HEAD~1');
  }
}
const base = git('rev-parse', option('--base') ?? defaultBase());
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-same-'));
const baseDir = path.join(tmp, 'base');

function build(dir) {
  execFileSync('npx', ['tsc', '-b', 'server'], { cwd: dir, stdio: 'inherit' });
  execFileSync('node', ['scripts/bundle.mjs'], { cwd: dir, stdio: 'inherit' });
}

console.log(`base ${base.slice(0, 10)} in ${baseDir}`);
execFileSync('git', ['worktree', 'add', '--detach', baseDir, base], { cwd: repo, stdio: 'ignore' });
let failures = 0;
let compared = 0;
try {
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(baseDir, 'node_modules'));
  build(baseDir);
  build(repo);

  // Inputs, copied into one folder so both CLIs see the same relative paths.
  const work = path.join(tmp, 'inputs');
  fs.mkdirSync(work);
  const copy = (from, to) => {
    fs.mkdirSync(path.dirname(path.join(work, to)), { recursive: true });
    fs.copyFileSync(from, path.join(work, to));
    return to;
  };
  const drafts = [];
  const lists = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|markdown|mdx|txt)$/.test(e.name) && !/README\.md$/.test(p)) drafts.push(copy(p, path.relative(repo, p)));
      else if (e.name.endsWith('.terms.json')) lists.push(copy(p, path.relative(repo, p)));
    }
  };
  walk(path.join(repo, 'examples'));
  walk(path.join(repo, 'test'));
  const bundled = copy(path.join(repo, 'terms/guangdong.terms.json'), 'terms/guangdong.terms.json');
  const { writeInputs, TERM_SIZES, DRAFT_SIZES } = await import(path.join(repo, 'bench/generate.mjs'));
  const data = writeInputs(path.join(tmp, 'bench'));
  const benchDrafts = Object.keys(DRAFT_SIZES).filter((n) => !quick || n !== '10mb').map((n) => copy(path.join(data, `draft-${n}.md`), `bench/draft-${n}.md`));
  const benchLists = TERM_SIZES.filter((n) => !quick || n < 50_000).map((n) => copy(path.join(data, `terms-${n}.json`), `bench/terms-${n}.terms.json`));

  const runs = [];
  for (const format of ['text', 'json', 'sarif']) runs.push([`--terms ${bundled} --format ${format}`, ['--terms', bundled, '--format', format, 'examples/draft.md']]);
  runs.push(['defaults, folder', ['--format', 'json', 'examples']]);
  runs.push(['--no-fuzzy --no-consistency', ['--terms', bundled, '--no-fuzzy', '--no-consistency', '--format', 'json', 'examples/draft.md']]);
  runs.push(['--kinds case,joined', ['--terms', bundled, '--kinds', 'case,joined', '--format', 'json', 'examples/draft.md']]);
  for (const d of drafts) {
    runs.push([`${d} × bundled`, ['--no-default-terms', '--terms', bundled, '--format', 'json', d]]);
    for (const l of lists) runs.push([`${d} × ${l}`, ['--no-default-terms', '--terms', l, '--format', 'json', d]]);
    runs.push([`extract ${d}`, ['extract', d]]);
  }
  for (const l of lists) runs.push([`term list ${l} (errors or not)`, ['--no-default-terms', '--terms', l, '--format', 'json', 'examples/draft.md']]);
  for (const d of benchDrafts) for (const l of benchLists) runs.push([`${d} × ${l}`, ['--no-default-terms', '--terms', l, '--format', 'json', d]]);

  const cli = (dir, argv, cwd) => spawnSync(process.execPath, [path.join(dir, 'dist/cli.js'), ...argv], { cwd, encoding: 'utf8', maxBuffer: 2 ** 31 - 1, env: { ...process.env, NO_COLOR: '1' } });
  const same = (label, a, b) => {
    compared++;
    for (const k of ['status', 'stdout', 'stderr']) {
      if (a[k] !== b[k]) {
        failures++;
        const at = typeof a[k] === 'string' ? [...a[k]].findIndex((c, i) => c !== b[k][i]) : -1;
        console.log(`DIFFERENT ${label}: ${k}${at >= 0 ? ` from character ${at}: base ${JSON.stringify(a[k].slice(at, at + 80))} vs now ${JSON.stringify(String(b[k]).slice(at, at + 80))}` : `: base ${a[k]} vs now ${b[k]}`}`);
        return;
      }
    }
  };
  for (const [label, argv] of runs) same(label, cli(baseDir, argv, work), cli(repo, argv, work));

  // --fix: each side fixes its own copy; the fixed files and the reports must agree.
  const fixTargets = ['examples/draft.md', ...drafts.filter((d) => d.startsWith('test/')), ...benchDrafts.filter((d) => !d.includes('10mb'))];
  for (const side of ['base', 'now']) {
    fs.cpSync(work, path.join(tmp, `fix-${side}`), { recursive: true });
  }
  for (const d of fixTargets) {
    const argv = ['--no-default-terms', '--terms', d.startsWith('bench/') ? benchLists[benchLists.length > 1 ? 1 : 0] : bundled, '--fix', d];
    same(`--fix ${d}`, cli(baseDir, argv, path.join(tmp, 'fix-base')), cli(repo, argv, path.join(tmp, 'fix-now')));
    compared++;
    if (!fs.readFileSync(path.join(tmp, 'fix-base', d)).equals(fs.readFileSync(path.join(tmp, 'fix-now', d)))) {
      failures++;
      console.log(`DIFFERENT fixed text of ${d}`);
    }
  }
  console.log(`${compared} outputs compared (${drafts.length} fixture drafts, ${lists.length} fixture lists, ${benchDrafts.length} × ${benchLists.length} bench inputs): ${failures === 0 ? 'all byte-identical' : `${failures} differ`}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', baseDir], { cwd: repo, stdio: 'ignore' });
  if (!flag('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
