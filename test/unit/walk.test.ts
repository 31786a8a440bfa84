/**
 * The folder walk shared by the CLI and the server (server/src/node/walk.ts): links followed, each real
 * folder read once, each real file listed once under its best path; and the CLI's safe writes
 * (server/src/cli/write.ts) refusing what must not be written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileError } from '../../server/src/cli/errors';
import { readTarget, writeFixed } from '../../server/src/cli/write';
import { walk } from '../../server/src/node/walk';
import { removeWorkspaces, workspace } from '../helpers/workspace';

type Layout = { files: string[]; links: [link: string, target: string][]; hardLinks?: [name: string, existing: string][] };

const md = (rel: string) => rel.endsWith('.md');

async function walked(layout: Layout, options: { maxDepth?: number; skip?: string[] } = {}): Promise<{ found: string[]; errors: string[] }> {
  const dir = workspace(Object.fromEntries(layout.files.map((f) => [f, 'text\n'])));
  for (const [link, target] of layout.links) {
    fs.mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, link));
  }
  for (const [name, existing] of layout.hardLinks ?? []) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.linkSync(path.join(dir, existing), path.join(dir, name));
  }
  const errors: string[] = [];
  const files = await walk(dir, {
    wanted: md,
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
    skipFolder: (_rel, name) => (options.skip ?? []).includes(name),
    onError: (where, e, what) => errors.push(`${what} ${path.relative(dir, where)} ${e.code}`),
  });
  return { found: files.map((f) => path.relative(dir, f.path) + (f.viaLink ? ' (via link)' : '')), errors };
}

describe('folder walk', () => {
  after(() => removeWorkspaces());

  const cases: { name: string; layout: Layout; found: string[]; errors?: string[]; maxDepth?: number; skip?: string[] }[] = [
    { name: 'plain folders, sorted', layout: { files: ['b.md', 'a/z.md', 'a/b/c.md', 'x.txt'], links: [] }, found: ['a/b/c.md', 'a/z.md', 'b.md'] },
    { name: 'a loop to the parent', layout: { files: ['f/a.md', 'f/b.md'], links: [['f/loop', '..']] }, found: ['f/a.md', 'f/b.md'] },
    { name: 'a link to itself', layout: { files: ['a.md'], links: [['self', '.']] }, found: ['a.md'] },
    { name: 'a deep link to the root', layout: { files: ['a/b/c.md'], links: [['a/b/up', '../..']] }, found: ['a/b/c.md'] },
    { name: 'two links to one folder, sorted before it', layout: { files: ['z/a.md'], links: [['a', 'z'], ['b', 'z']] }, found: ['z/a.md'] },
    { name: 'a link to a file beside it', layout: { files: ['real.md'], links: [['alias.md', 'real.md']] }, found: ['real.md'] },
    { name: 'a link, sorted first, to a folder that has a real path', layout: { files: ['z/x/a.md'], links: [['l', 'z/x']] }, found: ['z/x/a.md'] },
    { name: 'a file only reachable by a link', layout: { files: ['outside/a.txt'], links: [['in.md', 'outside/a.txt']] }, found: ['in.md (via link)'] },
    { name: 'hard links: the first name', layout: { files: ['b/one.md'], links: [], hardLinks: [['a/two.md', 'b/one.md']] }, found: ['a/two.md'] },
    { name: 'a dangling link named like a draft', layout: { files: ['a.md'], links: [['gone.md', 'missing.md'], ['gone.txt', 'missing']] }, found: ['a.md'], errors: ['link gone.md ENOENT'] },
    { name: 'a loop of links named like a draft', layout: { files: [], links: [['p.md', 'q.md'], ['q.md', 'p.md']] }, found: [], errors: ['link p.md ELOOP', 'link q.md ELOOP'] },
    { name: 'maxDepth 0: the root only', layout: { files: ['a.md', 'sub/b.md'], links: [] }, found: ['a.md'], maxDepth: 0 },
    { name: 'skipped folders are not read', layout: { files: ['a.md', 'node_modules/x.md', 'keep/node_modules/y.md'], links: [['k', 'keep']] }, found: ['a.md'], skip: ['node_modules'] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { found, errors } = await walked(c.layout, { ...(c.maxDepth !== undefined ? { maxDepth: c.maxDepth } : {}), ...(c.skip ? { skip: c.skip } : {}) });
      assert.deepEqual(found, c.found);
      assert.deepEqual(errors, c.errors ?? []);
    });
  }

  it('a folder only reachable through a link is listed under the link', async () => {
    const outside = workspace({ 'x.md': 'text\n' });
    const dir = workspace({ 'a.md': 'text\n' });
    fs.symlinkSync(outside, path.join(dir, 'shared'));
    const files = await walk(dir, { wanted: md });
    assert.deepEqual(files.map((f) => [path.relative(dir, f.path), f.viaLink]), [['a.md', false], ['shared/x.md', true]]);
  });

  it('rejects a root that is not a folder', async () => {
    const dir = workspace({ 'a.md': 'text\n' });
    await assert.rejects(walk(path.join(dir, 'a.md'), { wanted: md }), /not a folder/);
    await assert.rejects(walk(path.join(dir, 'none'), { wanted: md }), /ENOENT/);
  });
});

describe('safe writes', () => {
  after(() => removeWorkspaces());

  it('never overwrites a file that changed on disk after it was read', () => {
    const dir = workspace({ 'a.md': 'old text\n' });
    const file = path.join(dir, 'a.md');
    const read = readTarget(file, 1e9);
    assert.ok(!('tooLarge' in read));
    fs.writeFileSync(file, 'the editor saved this\n');
    assert.throws(() => writeFixed(read, 'fixed text\n'), (e: unknown) => e instanceof FileError && /changed on disk/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'the editor saved this\n');
  });

  it('keeps the mode exactly (the umask does not apply to a replacement)', () => {
    const dir = workspace({ 'a.md': 'old text\n' });
    const file = path.join(dir, 'a.md');
    fs.chmodSync(file, 0o664);
    const read = readTarget(file, 1e9);
    assert.ok(!('tooLarge' in read));
    writeFixed(read, 'new text\n');
    assert.equal(fs.statSync(file).mode & 0o7777, 0o664);
    assert.equal(fs.readFileSync(file, 'utf8'), 'new text\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  it('leaves a larger file unread', () => {
    const dir = workspace({ 'a.md': 'x'.repeat(100) });
    assert.deepEqual(readTarget(path.join(dir, 'a.md'), 99), { tooLarge: 100 });
  });
});
