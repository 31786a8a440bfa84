/**
 * `termlint extract`: in-process through `runExtract` (files, streams, exit codes), and through the built
 * CLI once `dist/cli.js` dispatches the subcommand.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExtract } from '../../server/src/cli/extract';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';

const ARTICLE =
  '# Ferries for Varnholm\n\n' +
  'The Varnholm Regional Development Agency (VRDA) will fund shore power in Østervik. The VRDA says shore power is cheap.\n\n' +
  'Critics want shorepower only in Østervik. Others like shore power and zero-emission ferries.\n\n' +
  'The VRDA plans zero-emission berths and more shore power.\n';

after(removeWorkspaces);

async function extract(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runExtract(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('termlint extract (runExtract)', () => {
  it('writes a valid, sorted term file atomically (creating its folder) and prints the summary table to stdout', async () => {
    const dir = workspace({ 'docs/article.md': ARTICLE });
    const r = await extract(['docs/article.md', '--out', 'terms/varnholm.terms.json', '--title', 'Varnholm ferries'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const written = fs.readFileSync(path.join(dir, 'terms', 'varnholm.terms.json'), 'utf8');
    const parsed = parseTermFile(written, 'varnholm.terms.json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.list!.title, 'Varnholm ferries');
    assert.equal(parsed.list!.source, 'docs/article.md');
    const terms = parsed.list!.terms.map((t) => t.term);
    // Sorted as a reader looks them up: case and accents aside ("Østervik" with the O's).
    assert.deepEqual(terms, ['Østervik', 'shore power', 'Varnholm Regional Development Agency', 'VRDA', 'zero-emission']);
    const shore = parsed.list!.terms.find((t) => t.term === 'shore power')!;
    assert.deepEqual(shore.forbidden, ['shorepower']);
    assert.match(shore.note!, /"shorepower" once \(joined\)/);
    // No temporary file is left next to the output.
    assert.deepEqual(fs.readdirSync(path.join(dir, 'terms')), ['varnholm.terms.json']);

    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^#\s+term\s+category\s+count\s+spread\s+other forms$/);
    assert.match(lines[1]!, /^1\s+shore power\s+phrase\s+5\s+3\/4\s+shorepower ×1 \(joined\)$/);
    assert.equal(lines[lines.length - 1], '5 terms proposed from docs/article.md (46 words, 4 paragraphs); written to terms/varnholm.terms.json.');
  });

  it('prints the JSON to stdout and the summary to stderr without --out', async () => {
    const dir = workspace({ 'article.md': ARTICLE });
    const r = await extract(['article.md', '--min-count', '2'], dir);
    assert.equal(r.code, 0);
    const file = JSON.parse(r.stdout) as { title: string; source: string; terms: { term: string }[] };
    assert.equal(file.title, 'Terms from article.md');
    assert.equal(file.source, 'article.md');
    assert.deepEqual(
      file.terms.map((t) => t.term),
      ['Østervik', 'shore power', 'VRDA', 'zero-emission'],
    );
    assert.match(r.stderr, /4 terms proposed from article\.md \(.*\)\.\n$/);
  });

  it('replaces an existing output file', async () => {
    const dir = workspace({ 'article.md': ARTICLE, 'out.terms.json': '{"terms": []}\n' });
    const r = await extract(['article.md', '-o', 'out.terms.json'], dir);
    assert.equal(r.code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'out.terms.json'), 'utf8'), /"term": "VRDA"/);
  });

  it('warns when the output name is not *.terms.json', async () => {
    const dir = workspace({ 'article.md': ARTICLE });
    const r = await extract(['article.md', '--out', 'list.json'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /list\.json does not end in \.terms\.json/);
  });

  it('never weakens the lists in force: a known term is marked and left out, one they correct is left out', async () => {
    const article =
      '# Trade notes\n\nGuangdong firms met Varnholm buyers. Guangdong exports grew.\n\n' +
      'Shenzen ports and Shenzen banks joined. Shenzen is busy.\n\nVarnholm thanked Guangdong.\n';
    const dir = workspace({ 'article.md': article });
    const r = await extract(['article.md', '--out', 'trade.terms.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^#\s+term\s+category\s+count\s+spread\s+active lists\s+other forms$/);
    const row = (term: string) => lines.find((l) => new RegExp(`^\\s*\\d+\\s+${term}\\s`).test(l)) ?? '';
    assert.match(row('Guangdong'), /in .*guangdong\.terms\.json:\d+ \(left out\)/);
    assert.match(row('Shenzen'), /conflicts: the active lists read "Shenzen" as a misspelling of "Shenzhen" \(.*guangdong\.terms\.json:\d+; left out\)/);
    assert.doesNotMatch(row('Varnholm'), /active|left out/);
    assert.match(lines[lines.length - 1]!, /3 terms proposed from article\.md \(.*\); 1 already in the lists in force \(left out\), 1 conflicts with them \(left out\); written to trade\.terms\.json\.$/);
    const written = parseTermFile(fs.readFileSync(path.join(dir, 'trade.terms.json'), 'utf8'), 'trade.terms.json');
    assert.deepEqual(written.list!.terms.map((t) => t.term), ['Varnholm']);
    // The lists named with --terms are the ones in force; without the bundled one, every term is new.
    const alone = await extract(['article.md', '--no-default-terms', '--terms', 'trade.terms.json'], dir);
    assert.equal(alone.code, 0, alone.stderr);
    assert.deepEqual((JSON.parse(alone.stdout) as { terms: { term: string }[] }).terms.map((t) => t.term), ['Guangdong', 'Shenzen']);
  });

  it('works with no list in force at all', async () => {
    const dir = workspace({ 'article.md': ARTICLE });
    const r = await extract(['article.md', '--no-default-terms'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { terms: unknown[] }).terms.length, 5);
  });

  it('writes $schema only where it resolves: next to a terms.schema.json', async () => {
    const dir = workspace({ 'article.md': ARTICLE, 'terms/terms.schema.json': '{}' });
    await extract(['article.md', '--out', 'terms/a.terms.json'], dir);
    await extract(['article.md', '--out', 'b.terms.json'], dir);
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'terms', 'a.terms.json'), 'utf8')) as { $schema?: string }).$schema, './terms.schema.json');
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'b.terms.json'), 'utf8')) as { $schema?: string }).$schema, undefined);
  });

  it('exits 2, writing nothing, when a list in force is invalid', async () => {
    const dir = workspace({ 'article.md': ARTICLE, 'team.terms.json': '{ "terms": [ { "term": 1 } ] }' });
    const r = await extract(['article.md', '--out', 'out.terms.json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^team\.terms\.json:1:24  error  "term" must be a string/m);
    assert.match(r.stderr, /termlint extract: invalid term list; nothing was written\./);
    assert.ok(!fs.existsSync(path.join(dir, 'out.terms.json')));
  });

  const usage: [string, string[], RegExp][] = [
    ['no file', [], /Missing FILE/],
    ['two files', ['a.md', 'b.md'], /Expected one FILE, got 2/],
    ['a bad --min-count', ['article.md', '--min-count', 'two'], /--min-count takes a whole number/],
    ['a zero --min-count', ['article.md', '--min-count', '0'], /--min-count takes a whole number/],
    ['an unknown option', ['article.md', '--format', 'json'], /Unknown option '--format'/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 with usage on ${name}`, async () => {
      const dir = workspace({ 'article.md': ARTICLE });
      const r = await extract(args, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage: termlint extract FILE/);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 2 when the input cannot be read or the output cannot be written, and writes nothing', async () => {
    const dir = workspace({ 'article.md': ARTICLE });
    const missing = await extract(['nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.md/);
    // A folder that cannot exist: its parent is a file.
    const unwritable = await extract(['article.md', '--out', 'article.md/x.terms.json'], dir);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /cannot write article\.md\/x\.terms\.json/);
    assert.equal(unwritable.stdout, '');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await extract(['--help'], os.tmpdir());
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: termlint extract FILE/);
  });
});

describe('termlint extract (built CLI)', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  // Active once the main CLI dispatches the subcommand to runExtract.
  const dispatched = fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', 'cli', 'run.ts'), 'utf8').includes('runExtract');

  it('node dist/cli.js extract FILE --out … writes the same term file as runExtract', async function () {
    if (!dispatched) this.skip();
    const dir = workspace({ 'article.md': ARTICLE });
    // In process first: once a.terms.json is written, it is a list in force under the folder.
    const inProcess = await extract(['article.md'], dir);
    const r = spawnSync(process.execPath, [cli, 'extract', 'article.md', '--out', 'a.terms.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /terms proposed from article\.md/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.terms.json'), 'utf8'), inProcess.stdout);
  });
});
