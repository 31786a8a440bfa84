/**
 * What the README shows about term lists is what Termlint does: its JSON, TBX and CSV examples read without a
 * problem, and the commands it shows print what it shows (run from the repository's root, as the README's
 * commands are; files they write are removed).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { csvReader } from '../../server/src/core/termlists/csv';
import { jsonReader } from '../../server/src/core/termlists/json';
import { tbxReader } from '../../server/src/core/termlists/tbx';
import { REPO_ROOT } from '../helpers/terms';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The README's section from `heading` to the next heading of its level. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, heading);
  const level = heading.split(' ')[0]!;
  const next = README.slice(start + heading.length + 2).search(new RegExp(`\\n${level} `));
  return README.slice(start, next < 0 ? undefined : start + heading.length + 2 + next);
}

/** The code blocks of a section with the given info string. */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The plain block right after the ```sh block holding `command`. */
function shownOutput(text: string, command: string): string {
  const at = text.indexOf(command);
  assert.ok(at >= 0, command);
  const end = text.indexOf('```', at) + 3;
  const out = /```\n([\s\S]*?)```/.exec(text.slice(end));
  return out![1]!;
}

describe('README: term lists', function () {
  this.timeout(60_000);
  const terms = section('## Term lists');

  it('its JSON examples are valid term files', () => {
    const json = blocks(terms, 'json');
    assert.ok(json.length >= 2);
    for (const text of json) assert.deepEqual(jsonReader.read(text, 'readme.terms.json').problems, [], text);
  });

  it('its TBX and CSV examples read without a problem', () => {
    for (const text of blocks(terms, 'xml')) assert.deepEqual(tbxReader.read(text, 'readme.tbx').problems, [], text);
    const csv = /A header row names the columns[^`]*```\n([\s\S]*?)```/.exec(terms)![1]!;
    const r = csvReader.read(csv, 'readme.terms.csv');
    assert.deepEqual(r.problems, []);
    assert.equal(r.list!.terms.length, 3);
  });

  it('the TBX and the CSV example give the findings it shows, the same for both', () => {
    const shown = shownOutput(terms, 'node dist/cli.js --terms examples/delta.csv examples/delta.md');
    for (const list of ['examples/delta.tbx', 'examples/delta.csv']) {
      const r = run(['--terms', list, 'examples/delta.md']);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, shown, list);
    }
  });

  it('convert prints what it shows', () => {
    try {
      const a = run(['convert', 'examples/delta.tbx', 'delta.terms.json']);
      const b = run(['convert', 'terms/guangdong.terms.json', 'guangdong.tbx']);
      assert.equal(a.stdout + a.stderr + b.stderr + b.stdout, shownOutput(terms, 'node dist/cli.js convert terms/guangdong.terms.json guangdong.tbx'));
    } finally {
      fs.rmSync(path.join(REPO_ROOT, 'delta.terms.json'), { force: true });
      fs.rmSync(path.join(REPO_ROOT, 'guangdong.tbx'), { force: true });
    }
  });

  it('--explain prints what it shows', () => {
    const cli = section('## The command line: `termlint`');
    const r = run(['--explain', 'Chuhai', '--terms', 'examples/delta.tbx']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, shownOutput(cli, 'node dist/cli.js --explain Chuhai --terms examples/delta.tbx'));
  });

  it('extract against the lists in force prints what it shows', () => {
    const extract = section('## Building a term list from a source document: `termlint extract`');
    try {
      const r = run(['extract', 'examples/press-release.md', '--terms', 'examples/delta.tbx', '--out', 'press-release.terms.json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, shownOutput(extract, 'node dist/cli.js extract examples/press-release.md --terms examples/delta.tbx --out press-release.terms.json'));
      const written = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'press-release.terms.json'), 'utf8')) as { terms: { term: string }[] };
      assert.deepEqual(written.terms.map((t) => t.term), ['high-quality', 'Varnholm Maritime Institute']);
    } finally {
      fs.rmSync(path.join(REPO_ROOT, 'press-release.terms.json'), { force: true });
    }
  });
});
