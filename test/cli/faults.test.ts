/**
 * The built CLI under faults: --fix respects what a path names (a read-only file, a file in a read-only
 * folder, a symbolic link, hard links), one file that cannot be read, decoded or written never stops the run
 * (one line naming it, the report still printed, exit 2), folders with link loops are walked once, and an
 * input that matches nothing is an error. Permission cases run as the current user and, when that is root
 * (root ignores permissions), also as `nobody`.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { type RunAs, giveTo, permissionUsers, runAs } from '../helpers/users';
import { waitFor } from '../helpers/wait';
import { removeWorkspaces, workspace } from '../helpers/workspace';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const ME: RunAs = { name: 'the current user' };

const TERMS = JSON.stringify({ terms: [{ term: 'Shantou', forbidden: ['Swatow'] }, { term: 'Nansha' }] });
const OLD = 'The ferry from Swatow reached Nan sha at noon.\n';
const NEW = 'The ferry from Shantou reached Nansha at noon.\n';

function termlint(user: RunAs, args: string[], cwd: string) {
  return runAs(user, process.execPath, [CLI, '--no-default-terms', '--terms', 't.terms.json', ...args], cwd);
}

/** Nothing in what the user sees names a temporary file or shows a stack trace. */
function assertPlainMessages(stderr: string): void {
  assert.doesNotMatch(stderr, /\.tmp|termlint-\d|internal error/, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /, stderr);
}

function snapshot(file: string): { bytes: Buffer; ino: number; mode: number; mtimeMs: number } {
  const st = fs.statSync(file);
  return { bytes: fs.readFileSync(file), ino: st.ino, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs };
}

describe('termlint CLI: faults', function () {
  this.timeout(120_000);
  after(() => removeWorkspaces());

  for (const user of permissionUsers()) {
    describe(`as ${user.name}`, () => {
      it('--fix leaves a read-only file alone, fixes the others, prints the report, and exits 2', () => {
        const dir = workspace({ 't.terms.json': TERMS, 'docs/locked.md': OLD, 'docs/open.md': OLD, 'docs/notes.txt': `Swatow, ${OLD}` });
        giveTo(dir, user);
        const locked = path.join(dir, 'docs', 'locked.md');
        fs.chmodSync(locked, 0o444);
        const before = snapshot(locked);
        const r = termlint(user, ['--fix', 'docs'], dir);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, /^docs\/locked\.md: cannot fix: the file is read-only$/m);
        assert.deepEqual(snapshot(locked), before);
        assert.equal(fs.readFileSync(path.join(dir, 'docs', 'open.md'), 'utf8'), NEW);
        assert.equal(fs.readFileSync(path.join(dir, 'docs', 'notes.txt'), 'utf8'), `Shantou, ${NEW}`);
        // The report still shows what is left: the locked file's two findings.
        assert.match(r.stdout, /^ {2}docs\/locked\.md:1:16 +forbidden +"Swatow" → "Shantou"$/m);
        assert.match(r.stdout, /^2 term problems in 1 file \(split 1, forbidden 1\); 3 files checked\.\nFixed 5 findings\.\n$/m);
        assert.match(r.stderr, /termlint: 1 error \(see above\)\.\n$/);
        assert.deepEqual(fs.readdirSync(path.join(dir, 'docs')).sort(), ['locked.md', 'notes.txt', 'open.md']);
        assertPlainMessages(r.stderr);
      });

      it('a read-only folder: one line for each of its files, never the temporary file; the rest is fixed', () => {
        const dir = workspace({ 't.terms.json': TERMS, 'archive/2019.md': OLD, 'archive/2020.txt': OLD, 'current/plan.md': OLD });
        giveTo(dir, user);
        const archive = path.join(dir, 'archive');
        fs.chmodSync(archive, 0o555);
        try {
          const r = termlint(user, ['--fix', '--format', 'json', '.'], dir);
          assert.equal(r.code, 2, r.stderr);
          assert.match(r.stderr, /^archive\/2019\.md: cannot fix: its folder is read-only$/m);
          assert.match(r.stderr, /^archive\/2020\.txt: cannot fix: its folder is read-only$/m);
          assert.match(r.stderr, /termlint: 2 errors \(see above\)\.\n$/);
          assertPlainMessages(r.stderr);
          assert.equal(fs.readFileSync(path.join(dir, 'current', 'plan.md'), 'utf8'), NEW);
          for (const f of ['2019.md', '2020.txt']) assert.equal(fs.readFileSync(path.join(archive, f), 'utf8'), OLD);
          assert.deepEqual(fs.readdirSync(archive).sort(), ['2019.md', '2020.txt']);
          // The JSON report is complete: the unfixed files' findings, nothing for the fixed one.
          const records = JSON.parse(r.stdout) as { file: string }[];
          assert.deepEqual([...new Set(records.map((x) => x.file))], ['archive/2019.md', 'archive/2020.txt']);
        } finally {
          fs.chmodSync(archive, 0o755);
        }
      });

      it('files that cannot be read or decoded: one line each, the others checked, exit 2', () => {
        const files: Record<string, string | Buffer> = {
          't.terms.json': TERMS,
          'in/a.md': OLD,
          'in/latin1.md': Buffer.from('Caf\xe9 in Swatow.\n', 'latin1'),
          'in/z.md': OLD,
        };
        const dir = workspace(files);
        fs.symlinkSync('missing.md', path.join(dir, 'in', 'gone.md'));
        giveTo(dir, user);
        const expected = [/^in\/gone\.md: cannot read: a symbolic link to nothing$/m, /^in\/latin1\.md: cannot check: not UTF-8 text$/m];
        if (user.uid !== undefined || process.getuid?.() !== 0) {
          // Only where permissions apply: root reads anything.
          fs.writeFileSync(path.join(dir, 'in', 'secret.md'), OLD);
          fs.mkdirSync(path.join(dir, 'in', 'private'));
          fs.writeFileSync(path.join(dir, 'in', 'private', 'p.md'), OLD);
          giveTo(dir, user);
          fs.chmodSync(path.join(dir, 'in', 'secret.md'), 0o000);
          fs.chmodSync(path.join(dir, 'in', 'private'), 0o000);
          expected.push(/^in\/secret\.md: cannot read: permission denied$/m, /^in\/private: cannot read folder: permission denied$/m);
        }
        try {
          const r = termlint(user, ['in'], dir);
          assert.equal(r.code, 2, r.stderr);
          for (const e of expected) assert.match(r.stderr, e);
          assert.match(r.stderr, new RegExp(`termlint: ${expected.length} errors \\(see above\\)\\.\\n$`));
          assert.match(r.stdout, /^in\/a\.md$/m);
          assert.match(r.stdout, /^in\/z\.md$/m);
          assertPlainMessages(r.stderr);
        } finally {
          for (const p of ['secret.md', 'private']) if (fs.existsSync(path.join(dir, 'in', p))) fs.chmodSync(path.join(dir, 'in', p), 0o755);
        }
      });
    });
  }

  it('--debug adds the stack trace to a file error', () => {
    const dir = workspace({ 't.terms.json': TERMS, 'locked.md': OLD });
    fs.chmodSync(path.join(dir, 'locked.md'), 0o444);
    const r = termlint(ME, ['--fix', '--debug', 'locked.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^locked\.md: cannot fix: the file is read-only\nError: the file is read-only\n\s+at writeFixed /m);
  });

  it('SARIF marks a run with file errors as not successful, with a notification per file', () => {
    const dir = workspace({ 't.terms.json': TERMS, 'ok.md': OLD, 'bad.md': Buffer.from([0x53, 0x77, 0xe1, 0x0a]) });
    const r = termlint(ME, ['--format', 'sarif', '.'], dir);
    assert.equal(r.code, 2);
    const run = (JSON.parse(r.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[]; results: unknown[] }[] }).runs[0]!;
    assert.equal(run.results.length, 2);
    assert.equal(run.invocations[0]!.executionSuccessful, false);
    assert.deepEqual(run.invocations[0]!.toolExecutionNotifications.map((n) => [n.level, n.message.text]), [['error', 'bad.md: cannot check: not UTF-8 text']]);
  });

  describe('links', () => {
    it('--fix through a symbolic link (or a chain of them) fixes the target and keeps the link', () => {
      const dir = workspace({ 't.terms.json': TERMS, 'shared/minutes.md': OLD });
      fs.symlinkSync('shared/minutes.md', path.join(dir, 'hop.md'));
      fs.symlinkSync('hop.md', path.join(dir, 'minutes.md'));
      const r = termlint(ME, ['--fix', 'minutes.md'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^minutes\.md: fixed 2 of 2 findings$/m);
      assert.ok(fs.lstatSync(path.join(dir, 'minutes.md')).isSymbolicLink());
      assert.equal(fs.readlinkSync(path.join(dir, 'minutes.md')), 'hop.md');
      assert.ok(fs.lstatSync(path.join(dir, 'hop.md')).isSymbolicLink());
      assert.equal(fs.readFileSync(path.join(dir, 'shared', 'minutes.md'), 'utf8'), NEW);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'shared')), ['minutes.md']);
    });

    it('a file reached through links and by its own path is checked and counted once, under its own path', () => {
      const dir = workspace({ 't.terms.json': TERMS, 'shared/minutes.md': OLD, 'shared/agenda.md': OLD });
      fs.symlinkSync('shared/minutes.md', path.join(dir, 'a-link.md'));
      fs.symlinkSync('shared', path.join(dir, 'a-mirror'));
      const r = termlint(ME, ['--fix', '.'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'No term problems: 2 files checked.\nFixed 4 findings.\n');
      assert.deepEqual(r.stderr.trim().split('\n'), ['shared/agenda.md: fixed 2 of 2 findings', 'shared/minutes.md: fixed 2 of 2 findings']);
    });

    it('--fix keeps hard links: same inode, both names fixed, counted once, mode kept', () => {
      const dir = workspace({ 't.terms.json': TERMS, 'en/brief.md': OLD });
      fs.mkdirSync(path.join(dir, 'print'));
      fs.linkSync(path.join(dir, 'en', 'brief.md'), path.join(dir, 'print', 'brief.md'));
      fs.chmodSync(path.join(dir, 'en', 'brief.md'), 0o640);
      const ino = fs.statSync(path.join(dir, 'en', 'brief.md')).ino;
      for (const args of [['.'], ['en/brief.md', 'print/brief.md']]) {
        fs.writeFileSync(path.join(dir, 'en', 'brief.md'), OLD);
        const r = termlint(ME, ['--fix', ...args], dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, 'No term problems: 1 file checked.\nFixed 2 findings.\n', args.join(' '));
        for (const name of ['en/brief.md', 'print/brief.md']) {
          const st = fs.statSync(path.join(dir, name));
          assert.equal(st.ino, ino, `${name} is still the same inode`);
          assert.equal(st.nlink, 2);
          assert.equal(st.mode & 0o777, 0o640);
          assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), NEW);
        }
        assert.deepEqual(fs.readdirSync(path.join(dir, 'en')), ['brief.md'], 'no backup left behind');
      }
    });

    it('an in-place rewrite cut short is reported without --fix and restored, then fixed, with --fix', () => {
      // The state a kill between the backup and the end of the rewrite leaves: a half-written file.
      const dir = workspace({ 't.terms.json': TERMS, 'brief.md': OLD, '.brief.md.termlint-backup': OLD });
      fs.linkSync(path.join(dir, 'brief.md'), path.join(dir, 'copy.md'));
      fs.writeFileSync(path.join(dir, 'brief.md'), NEW.slice(0, 20));
      const lint = termlint(ME, ['brief.md'], dir);
      assert.equal(lint.code, 2);
      assert.match(lint.stderr, /^brief\.md: cannot check: an interrupted --fix left its original text in \.brief\.md\.termlint-backup; run with --fix to restore it and fix the file again$/m);
      assert.equal(fs.readFileSync(path.join(dir, '.brief.md.termlint-backup'), 'utf8'), OLD, 'a run without --fix writes nothing');
      const fix = termlint(ME, ['--fix', 'brief.md'], dir);
      assert.equal(fix.code, 0, fix.stderr);
      assert.match(fix.stderr, /^brief\.md: restored from \.brief\.md\.termlint-backup, left by an interrupted --fix\nbrief\.md: fixed 2 of 2 findings$/m);
      assert.equal(fs.readFileSync(path.join(dir, 'copy.md'), 'utf8'), NEW);
      assert.equal(fs.statSync(path.join(dir, 'brief.md')).nlink, 2);
      assert.ok(!fs.existsSync(path.join(dir, '.brief.md.termlint-backup')));
    });

    it('--fix of hard-linked files killed mid-run: every file is old, fixed, or restorable; a rerun finishes', async () => {
      const count = 6;
      // About 1 MB each, so that a rewrite takes long enough to be caught in the middle.
      const plain = 'Ferries run every hour between the two harbours in summer.\n'.repeat(40);
      const old = (plain + OLD).repeat(400);
      const fixed = (plain + NEW).repeat(400);
      const files: Record<string, string> = { 't.terms.json': TERMS };
      for (let i = 0; i < count; i++) files[`d${i}.md`] = old;
      const dir = workspace(files);
      fs.mkdirSync(path.join(dir, 'links'));
      const inodes = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        fs.linkSync(path.join(dir, `d${i}.md`), path.join(dir, 'links', `d${i}.md`));
        inodes.set(`d${i}.md`, fs.statSync(path.join(dir, `d${i}.md`)).ino);
      }
      const child = spawn(process.execPath, [CLI, '--fix', '--no-default-terms', '--terms', 't.terms.json', '.'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Kill it the moment a backup exists: the in-place rewrite of that file is under way or just done.
      await waitFor(() => fs.readdirSync(dir).some((f) => f.endsWith('.termlint-backup')) || child.exitCode !== null, 60_000, 'the first backup');
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL', 'the run was killed before it finished');

      // Usually one backup is left; none when the kill came right after a rewrite finished.
      if (process.env.FAULTS_VERBOSE) console.log('backups left by the kill:', fs.readdirSync(dir).filter((f) => f.includes('termlint')));
      const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.termlint-backup'));
      for (let i = 0; i < count; i++) {
        const name = `d${i}.md`;
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        const backup = path.join(dir, `.${name}.termlint-backup`);
        if (fs.existsSync(backup)) assert.equal(fs.readFileSync(backup, 'utf8'), old, `${name}: the backup is the whole original`);
        else assert.ok(text === old || text === fixed, `${name} is neither the original nor the fixed text and has no backup`);
      }
      const again = runAs(ME, process.execPath, [CLI, '--fix', '--no-default-terms', '--terms', 't.terms.json', '.'], dir);
      assert.equal(again.code, 0, again.stderr);
      for (const b of backups) assert.match(again.stderr, new RegExp(`^${b.slice(1, -'.termlint-backup'.length).replace('.', '\\.')}: restored from`, 'm'));
      for (let i = 0; i < count; i++) {
        for (const name of [`d${i}.md`, `links/d${i}.md`]) {
          assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fixed, name);
          assert.equal(fs.statSync(path.join(dir, name)).ino, inodes.get(`d${i}.md`), `${name} kept its inode`);
        }
      }
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.termlint-backup')), []);
    });
  });

  describe('folders with links', () => {
    /** Five drafts in `f`, with a loop to the parent, a link to itself, a deeper link back up, and a mirror. */
    function loopy(): string {
      const files: Record<string, string> = { 't.terms.json': TERMS };
      for (const n of ['a', 'b', 'c', 'd']) files[`f/${n}.md`] = OLD;
      files['f/deep/e.txt'] = OLD;
      const dir = workspace(files);
      fs.symlinkSync('..', path.join(dir, 'f', 'loop'));
      fs.symlinkSync('.', path.join(dir, 'f', 'self'));
      fs.symlinkSync('../..', path.join(dir, 'f', 'deep', 'up'));
      fs.symlinkSync('f', path.join(dir, 'mirror'));
      return dir;
    }

    for (const args of [['.'], ['f'], ['f', 'mirror'], ['**/*.md', '**/*.txt'], ['mirror/**/*.{md,txt}']]) {
      it(`termlint ${args.join(' ')}: every real file once, under its own path`, () => {
        const dir = loopy();
        const r = termlint(ME, ['--format', 'json', ...args], dir);
        assert.equal(r.code, 1, r.stderr);
        const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file))];
        const expected = args[0] === 'mirror/**/*.{md,txt}' ? ['mirror/a.md', 'mirror/b.md', 'mirror/c.md', 'mirror/d.md', 'mirror/deep/e.txt'] : ['f/a.md', 'f/b.md', 'f/c.md', 'f/d.md', 'f/deep/e.txt'];
        assert.deepEqual(files, expected);
        const text = termlint(ME, args, dir);
        assert.match(text.stdout, /; 5 files checked\.\n$/);
      });
    }
  });

  describe('inputs that match nothing', () => {
    it('an explicit path, glob or folder that matches no file exits 2 before anything is written', () => {
      const dir = workspace({ 't.terms.json': TERMS, 'docs/a.md': OLD, 'empty/readme.rst': OLD });
      const r = termlint(ME, ['--fix', 'docs', 'drafts/**/*.md', 'minutes.md', 'empty'], dir);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(
        r.stderr,
        'termlint: no files matched drafts/**/*.md\ntermlint: no files matched minutes.md (no such file or folder)\ntermlint: no files matched empty\n',
      );
      assert.equal(fs.readFileSync(path.join(dir, 'docs', 'a.md'), 'utf8'), OLD);
    });

    it('--no-error-on-unmatched-pattern lets them pass', () => {
      const dir = workspace({ 't.terms.json': TERMS, 'docs/a.md': OLD });
      const r = termlint(ME, ['--fix', '--no-error-on-unmatched-pattern', 'docs', 'drafts/**/*.md', 'minutes.md'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'docs', 'a.md'), 'utf8'), NEW);
      const none = termlint(ME, ['--no-error-on-unmatched-pattern', 'drafts/*.md'], dir);
      assert.equal(none.code, 0);
      assert.equal(none.stdout, 'No term problems: 0 files checked.\n');
    });

    it('no inputs in a folder without drafts is not an error; !pattern leaves files out', () => {
      const bare = workspace({ 't.terms.json': TERMS, 'notes.rst': OLD });
      const r = termlint(ME, [], bare);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'No term problems: 0 files checked.\n');
      const dir = workspace({ 't.terms.json': TERMS, 'docs/a.md': OLD, 'docs/old/b.md': OLD });
      const some = termlint(ME, ['--format', 'json', 'docs', '!docs/old/**'], dir);
      assert.deepEqual([...new Set((JSON.parse(some.stdout) as { file: string }[]).map((x) => x.file))], ['docs/a.md']);
      const onlyExcluded = termlint(ME, ['--format', 'json', '!docs/old/**'], dir);
      assert.deepEqual([...new Set((JSON.parse(onlyExcluded.stdout) as { file: string }[]).map((x) => x.file))], ['docs/a.md']);
      const allExcluded = termlint(ME, ['docs/old', '!docs/old/**'], dir);
      assert.equal(allExcluded.code, 2);
      assert.equal(allExcluded.stderr, 'termlint: no files matched docs/old\n');
    });
  });
});
