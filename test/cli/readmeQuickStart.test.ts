/**
 * The README's Quick start shows what `npm run example` prints, and the Consistency-without-a-list example what
 * its command prints: both are run here (from where the README runs them) and compared line by line.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced block that opens after `marker` in the README (past the end of the block `marker` is in, if `inBlock`). */
function blockAfter(marker: string, inBlock = false): string {
  const at = README.indexOf(marker);
  assert.ok(at >= 0, `the README has "${marker}"`);
  let open = README.indexOf('\n```\n', at);
  if (inBlock) open = README.indexOf('\n```\n', open + 4);
  const close = README.indexOf('\n```', open + 5);
  return README.slice(open + 5, close);
}

function run(args: string[], cwd: string): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout };
}

describe("the README's examples print what it shows", () => {
  it('Quick start: npm run example (the bundled draft with the bundled list)', () => {
    const script = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts.example as string;
    assert.match(script, /node dist\/cli\.js --terms terms\/guangdong\.terms\.json examples\/draft\.md/);
    const r = run(['--terms', 'terms/guangdong.terms.json', 'examples/draft.md'], REPO_ROOT);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trimEnd(), blockAfter('`npm run example` prints (colours aside):').trimEnd());
  });

  it('Consistency without a list: a folder with no term file', () => {
    const r = run(['--no-default-terms', 'consistency.md'], path.join(REPO_ROOT, 'examples', 'no-list'));
    assert.equal(r.code, 1);
    const shown = blockAfter('cd examples/no-list && node ../../dist/cli.js --no-default-terms consistency.md', true);
    assert.equal(r.stdout.trimEnd(), shown.trimEnd());
  });
});
