/**
 * The README's install and CI commands, run as it shows them, and the GitHub Actions workflow in
 * examples/ci/termlint.yml, its shell steps run in order as the runner would (the `uses:` steps, GitHub's own
 * actions, are checked for what they are given).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { npmEnv, sharedPack, type PackedTermlint } from '../helpers/npmPackage';
import { readmeBlock, readmeCommands } from '../helpers/readme';
import { REPO_ROOT } from '../helpers/terms';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const WORKFLOW = path.join(REPO_ROOT, 'examples', 'ci', 'termlint.yml');

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): { code: number; out: string } {
  const r = spawnSync('bash', ['-e', '-c', script], { cwd, env, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

/** A step's `if:`, for the expressions the workflow uses: `steps.ID.outputs.NAME (==|!=) 'V'`, `!cancelled()`, `&&`. */
function condition(expression: string | undefined, outputs: Record<string, Record<string, string>>): boolean {
  if (expression === undefined) return true;
  const inner = expression.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  return inner.split('&&').every((part) => {
    const p = part.trim();
    if (p === '!cancelled()') return true;
    const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'$/.exec(p);
    if (!m) throw new Error(`the test cannot evaluate "${p}"`);
    const value = outputs[m[1]!]?.[m[2]!] ?? '';
    return m[3] === '==' ? value === m[4] : value !== m[4];
  });
}

/** A repository with drafts and the package in tools/, as the workflow expects it. */
function draftsRepository(packed: PackedTermlint, name: string, files: Record<string, string>): string {
  const root = path.join(packed.dir, name);
  fs.mkdirSync(path.join(root, 'tools'), { recursive: true });
  fs.mkdirSync(path.join(root, '.git'));
  fs.copyFileSync(packed.tarball, path.join(root, 'tools', path.basename(packed.tarball)));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Runs the job's `run:` steps in order, as the runner does (a failed step skips the rest); returns what ran. */
function runJob(workflow: Workflow, root: string, prefix: string): { ran: { step: Step; code: number; out: string }[]; outputs: Record<string, Record<string, string>> } {
  const outputs: Record<string, Record<string, string>> = {};
  const ran: { step: Step; code: number; out: string }[] = [];
  const env = npmEnv({ npm_config_prefix: prefix, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` });
  for (const step of Object.values(workflow.jobs)[0]!.steps) {
    if (!step.run || !condition(step.if, outputs)) continue;
    const outputFile = path.join(root, '..', `${path.basename(root)}-output-${ran.length}`);
    fs.writeFileSync(outputFile, '');
    const r = bash(step.run, root, { ...env, GITHUB_OUTPUT: outputFile });
    ran.push({ step, ...r });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    if (r.code !== 0) break;
  }
  return { ran, outputs };
}

describe('continuous integration as the README shows it', function () {
  this.timeout(300_000);
  let packed: PackedTermlint;
  let workflow: Workflow;

  before(() => {
    packed = sharedPack();
    workflow = load(fs.readFileSync(WORKFLOW, 'utf8')) as Workflow;
  });

  it('packs as the README says, under the name it gives', () => {
    // The tarball is packed from a fresh copy of the repository (node_modules linked in, as `npm ci` installs it).
    assert.deepEqual(readmeCommands('ci-pack'), ['npm ci && npm pack']);
    assert.equal(path.basename(packed.tarball), `termlint-${packed.manifest.version}.tgz`);
    for (const block of ['ci-install']) assert.ok(readmeBlock(block).includes(path.basename(packed.tarball)), block);
    assert.ok(fs.readFileSync(WORKFLOW, 'utf8').includes(`./tools/${path.basename(packed.tarball)}`), 'the workflow installs this version');
  });

  it('installs with the README\'s commands, into a project and globally, with no network', () => {
    const project = path.join(packed.dir, 'readme-project');
    fs.mkdirSync(project);
    fs.copyFileSync(packed.tarball, path.join(project, path.basename(packed.tarball)));
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'drafts', version: '1.0.0', private: true }));
    fs.mkdirSync(path.join(project, 'docs'));
    fs.writeFileSync(path.join(project, 'docs', 'brief.md'), 'We met in Shenzen.\n');
    const prefix = path.join(packed.dir, 'readme-global');
    const env = npmEnv({ npm_config_prefix: prefix, npm_config_offline: 'true' });
    for (const command of readmeCommands('ci-install')) {
      const r = bash(command, project, env);
      assert.equal(r.code, 0, `${command}\n${r.out}`);
    }
    const local = bash('npx termlint docs/', project, env);
    assert.equal(local.code, 1, local.out);
    assert.match(local.out, /docs\/brief\.md:1:11 +misspelling +"Shenzen" → "Shenzhen"/);
    const global = bash('termlint docs/', project, { ...env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` });
    assert.equal(global.code, 1, global.out);
  });

  it('the workflow runs on pushes and pull requests, may upload to code scanning, and pins its actions', () => {
    assert.deepEqual(Object.keys(workflow.on).sort(), ['pull_request', 'push']);
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const uses = steps.filter((s) => s.uses).map((s) => s.uses!);
    for (const u of uses) assert.match(u, /^[\w-]+\/[\w/-]+@v\d+$/, u);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, 'termlint.sarif');
    const check = steps.find((s) => s.id === 'check')!;
    // The README quotes the check step.
    for (const line of readmeCommands('ci-check')) assert.ok(check.run!.includes(line), `the check step runs ${line}`);
  });

  it('findings: the check step passes with status 1 and a SARIF file, the annotation step fails the job', () => {
    const root = draftsRepository(packed, 'actions-findings', {
      'termlint.config.json': '{ "overrides": [{ "files": ["published/**"], "severity": { "forbidden": "error" } }] }\n',
      'published/brief.md': '# Brief\n\nVisits to Macau rose.\n',
      'drafts/notes.md': 'Shenzhen and Guangdong.\n',
    });
    const { ran, outputs } = runJob(workflow, root, path.join(packed.dir, 'actions-findings-prefix'));
    assert.deepEqual(ran.map((r) => [r.step.name, r.code]), [
      ['Install Termlint', 0],
      ['Check the drafts', 0],
      ['Annotate the pull request, and fail on findings', 1],
    ]);
    assert.equal(outputs.check?.status, '1');
    const sarif = JSON.parse(fs.readFileSync(path.join(root, 'termlint.sarif'), 'utf8')) as { runs: { results: { ruleId: string; level: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => [r.ruleId, r.level]), [['forbidden', 'error']]);
    assert.equal(condition(workflow.jobs.termlint!.steps.find((s) => s.uses?.includes('upload-sarif'))!.if, outputs), true, 'the SARIF is uploaded');
    assert.match(ran[2]!.out, /^::error file=published\/brief\.md,line=3,col=11,endLine=3,endColumn=16,title=Termlint forbidden::"Macau" should be "Macao" \(forbidden form\)$/m);
  });

  it('no findings: every step passes and nothing is annotated', () => {
    const root = draftsRepository(packed, 'actions-clean', { 'docs/brief.md': 'Shenzhen and Guangdong.\n' });
    const { ran, outputs } = runJob(workflow, root, path.join(packed.dir, 'actions-clean-prefix'));
    assert.deepEqual(ran.map((r) => [r.step.name, r.code]), [
      ['Install Termlint', 0],
      ['Check the drafts', 0],
    ]);
    assert.equal(outputs.check?.status, '0');
  });

  it('a broken configuration: the check step fails with status 2, no SARIF file, nothing uploaded', () => {
    const root = draftsRepository(packed, 'actions-broken', {
      'termlint.config.json': '{ "severity": { "forbiden": "error" } }\n',
      'docs/brief.md': 'Visits to Macau rose.\n',
    });
    const { ran, outputs } = runJob(workflow, root, path.join(packed.dir, 'actions-broken-prefix'));
    assert.deepEqual(ran.map((r) => [r.step.name, r.code]), [
      ['Install Termlint', 0],
      ['Check the drafts', 1],
    ]);
    assert.equal(outputs.check?.status, '2');
    assert.match(ran[1]!.out, /termlint\.config\.json:1:17 {2}error {2}Unknown key "forbiden" in "severity": did you mean "forbidden"\?/);
    assert.equal(fs.existsSync(path.join(root, 'termlint.sarif')), false);
    assert.equal(condition(workflow.jobs.termlint!.steps.find((s) => s.uses?.includes('upload-sarif'))!.if, outputs), false);
  });
});
