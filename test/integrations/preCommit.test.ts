/**
 * The pre-commit hook as a project uses it (`npm run test:integrations`, run by .ci/run): the README's
 * .pre-commit-config.yaml pointing at this repository, installed by the pre-commit framework (Debian's package)
 * the way it installs any npm hook, then a commit with a forbidden spelling refused and a clean one let through.
 * Slow (pre-commit installs Termlint's build tools with npm), so not part of `npm test`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { npmEnv } from '../helpers/npmPackage';
import { readmeBlock } from '../helpers/readme';
import { REPO_ROOT } from '../helpers/terms';

interface HookConfig {
  repos: { repo: string; rev: string; hooks: { id: string }[] }[];
}

describe('the pre-commit hook, installed by pre-commit', function () {
  this.timeout(900_000);
  let dir: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Termlint test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, env, encoding: 'utf8' });

  before(function () {
    if (spawnSync('pre-commit', ['--version']).status !== 0) throw new Error('pre-commit is not installed (apt-get install pre-commit; .ci/run does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-pre-commit-'));
    repo = path.join(dir, 'drafts');
    fs.mkdirSync(repo);
    env = npmEnv({ PRE_COMMIT_HOME: path.join(dir, 'cache'), PRE_COMMIT_COLOR: 'never' });
    git('init', '-q', '.');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is declared for Markdown, plain text and HTML, run once with all the files', () => {
    const hooks = load(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    assert.equal(hooks.length, 1);
    assert.deepEqual(
      { id: hooks[0]!.id, entry: hooks[0]!.entry, language: hooks[0]!.language, types_or: hooks[0]!.types_or, require_serial: hooks[0]!.require_serial },
      { id: 'termlint', entry: 'termlint', language: 'node', types_or: ['markdown', 'plain-text', 'html'], require_serial: true },
    );
  });

  it("with the README's configuration, refuses a commit with a forbidden spelling and lets a fixed one through", () => {
    // The README's configuration, with this repository (as it is now: a commit of the work tree) for the URL.
    const config = load(readmeBlock('pre-commit-config')) as HookConfig;
    assert.deepEqual(config.repos[0]!.hooks, [{ id: 'termlint' }]);
    // A repository holding this work tree as it is (tracked files and new ones not ignored), in one commit.
    const snapshot = path.join(dir, 'termlint');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const rel of files) {
      if (!fs.existsSync(path.join(REPO_ROOT, rel))) continue;
      fs.mkdirSync(path.dirname(path.join(snapshot, rel)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, rel), path.join(snapshot, rel));
    }
    const snapshotGit = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: snapshot, encoding: 'utf8' });
    snapshotGit('init', '-q', '.');
    snapshotGit('add', '-A');
    snapshotGit('commit', '-q', '-m', 'Termlint as it is');
    config.repos[0]!.repo = snapshot;
    config.repos[0]!.rev = snapshotGit('rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), JSON.stringify(config, null, 2));
    fs.writeFileSync(path.join(repo, 'termlint.config.json'), '{ "exclude": ["archive/**"] }\n');
    fs.mkdirSync(path.join(repo, 'archive'));
    fs.writeFileSync(path.join(repo, 'archive', 'old.md'), 'An old map spells it Kwangtung.\n');
    fs.writeFileSync(path.join(repo, 'brief.md'), '# Brief\n\nVisits to Macau rose.\n');
    fs.writeFileSync(path.join(repo, 'notes.py'), 'macau = 1  # not a draft: never passed to the hook\n');
    const install = spawnSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stdout + install.stderr);
    git('add', '-A');

    const refused = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-m', 'brief'], { cwd: repo, env, encoding: 'utf8' });
    const out = refused.stdout + refused.stderr;
    assert.notEqual(refused.status, 0, out);
    assert.match(out, /brief\.md:3:11 +forbidden +"Macau" → "Macao"/);
    assert.doesNotMatch(out, /archive\/old\.md|notes\.py/);
    assert.match(out, /1 file checked, 1 excluded by termlint\.config\.json\./);

    fs.writeFileSync(path.join(repo, 'brief.md'), '# Brief\n\nVisits to Macao rose.\n');
    git('add', '-A');
    const accepted = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-m', 'brief'], { cwd: repo, env, encoding: 'utf8' });
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  });
});
