/** The built CLI on HTML files: found in folders, reported at source positions, fixed in place, markup untouched. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const TERMS = path.join(REPO_ROOT, 'terms', 'guangdong.terms.json');

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, '--no-default-terms', '--terms', TERMS, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const PAGE = '<!DOCTYPE html>\n<h1>Plans</h1>\n<p>Exports from <b>Guang dong</b> and Macau&rsquo;s port.</p>\n<pre>Macau</pre>\n<script>const city = "Macau";</script>\n';

describe('termlint CLI on HTML', () => {
  after(() => removeWorkspaces());

  it('finds .html and .htm files in folders and reports at source lines and columns', () => {
    const dir = workspace({ 'site/index.html': PAGE, 'site/old.htm': '<p>Kwangtung</p>\n', 'site/style.css': 'Macau {}\n' });
    const r = run(['--format', 'json', 'site'], dir);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as { file: string; line: number; column: number; kind: string; found: string; replacements: string[] }[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.line, f.column, f.kind, f.found, f.replacements[0]]),
      [
        ['site/index.html', 3, 20, 'split', 'Guang dong', 'Guangdong'],
        ['site/index.html', 3, 39, 'forbidden', 'Macau', 'Macao'],
        ['site/old.htm', 1, 4, 'forbidden', 'Kwangtung', 'Guangdong'],
      ],
    );
  });

  it('--fix rewrites the text and leaves tags, code and scripts as they were', () => {
    const dir = workspace({ 'index.html': PAGE });
    const r = run(['--fix', 'index.html'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(
      fs.readFileSync(path.join(dir, 'index.html'), 'utf8'),
      '<!DOCTYPE html>\n<h1>Plans</h1>\n<p>Exports from <b>Guangdong</b> and Macao&rsquo;s port.</p>\n<pre>Macau</pre>\n<script>const city = "Macau";</script>\n',
    );
  });
});
