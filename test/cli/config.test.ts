/**
 * The built CLI with a project configuration (termlint.config.json): where it is found, what it changes per file,
 * that flags win over it, that a broken one stops the run before anything is written, and --print-config; and the
 * report options that CI relies on: --output, --format github, one-line messages.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeBlock, readmeCommands } from '../helpers/readme';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';



interface Record {
  file: string;
  kind: string;
  severity: string;
  found: string;
  message: string;
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Record[];
const MACAU = '# Brief\n\nVisits to Macau rose in Guang dong.\n';

/** A repository (a `.git` folder bounds the search for the configuration) with these files. */
function repo(files: { [name: string]: string }): string {
  return workspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
}

describe('termlint with a project configuration', () => {
  after(() => removeWorkspaces());

  it('applies severities, and overrides to the files they match', () => {
    const dir = repo({
      'termlint.config.json': '{ "severity": { "split": "off" }, "overrides": [{ "files": ["published/**"], "severity": { "forbidden": "error" } }] }',
      'drafts/a.md': MACAU,
      'published/b.md': MACAU,
    });
    const r = run(['--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(json(r).map((x) => [x.file, x.kind, x.severity]), [
      ['drafts/a.md', 'forbidden', 'warning'],
      ['published/b.md', 'forbidden', 'error'],
    ]);
    const sarif = JSON.parse(run(['--format', 'sarif'], dir).stdout) as { runs: { results: { level: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((x) => x.level), ['warning', 'error']);
  });

  it('gives the same report on worker threads (--jobs 2): each thread resolves the overrides itself', () => {
    const files: { [name: string]: string } = {
      'termlint.config.json': '{ "severity": { "split": "off" }, "overrides": [{ "files": ["published/**"], "severity": { "forbidden": "error" }, "fuzzy": false }] }',
    };
    for (let i = 0; i < 6; i++) files[`${i % 2 ? 'published' : 'drafts'}/d${i}.md`] = `${MACAU}Shenzen ${i}.\n`;
    const dir = repo(files);
    const one = run(['--format', 'json', '--jobs', '1'], dir);
    const two = run(['--format', 'json', '--jobs', '2'], dir);
    assert.equal(two.stdout, one.stdout);
    assert.deepEqual(json(two).filter((x) => x.file === 'published/d1.md').map((x) => [x.kind, x.severity]), [['forbidden', 'error']]);
    assert.deepEqual(json(two).filter((x) => x.file === 'drafts/d0.md').map((x) => [x.kind, x.severity]), [['forbidden', 'warning'], ['misspelling', 'warning']]);
  });

  it('is found from a subfolder, up to the repository root, and its paths are relative to its own folder', () => {
    const dir = repo({
      'termlint.config.json': '{ "termFiles": ["lists/*.terms.json"], "useBundledTerms": false, "overrides": [{ "files": ["docs/**"], "severity": { "forbidden": "error" } }] }',
      'lists/team.terms.json': JSON.stringify({ terms: [{ term: 'Widget Company', forbidden: ['Widget Co'] }] }),
      'docs/a.md': 'The Widget Co in Guang dong.\n',
    });
    const r = run(['--format', 'json', 'a.md'], path.join(dir, 'docs'));
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(json(r).map((x) => [x.file, x.found, x.severity]), [['a.md', 'Widget Co', 'error']]);
  });

  it('is not looked for above the repository root', () => {
    const outer = repo({});
    fs.writeFileSync(path.join(outer, 'termlint.config.json'), '{ "severity": { "forbidden": "off" } }');
    const inner = path.join(outer, 'inner');
    fs.mkdirSync(path.join(inner, '.git'), { recursive: true });
    fs.writeFileSync(path.join(inner, 'a.md'), MACAU);
    assert.deepEqual(json(run(['--format', 'json', 'a.md'], inner)).map((x) => x.kind), ['forbidden', 'split']);
    assert.deepEqual(json(run(['--format', 'json', 'inner/a.md'], outer)).map((x) => x.kind), ['split']);
  });

  it('--config names another file, --no-config uses none, and a missing --config file is an error', () => {
    const dir = repo({ 'strict.json': '{ "severity": { "split": "error" } }', 'termlint.config.json': '{ "severity": { "split": "off" } }', 'a.md': MACAU });
    assert.deepEqual(json(run(['--format', 'json', 'a.md'], dir)).map((x) => x.kind), ['forbidden']);
    assert.deepEqual(json(run(['--format', 'json', '--config', 'strict.json', 'a.md'], dir)).map((x) => [x.kind, x.severity]), [['forbidden', 'warning'], ['split', 'error']]);
    assert.deepEqual(json(run(['--format', 'json', '--no-config', 'a.md'], dir)).map((x) => x.kind), ['forbidden', 'split']);
    const missing = run(['--config', 'nope.json', 'a.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^termlint: no such configuration file: nope\.json$/m);
    assert.equal(run(['--config', 'strict.json', '--no-config'], dir).code, 2);
  });

  it('flags win over it: --no-fuzzy, --kinds, --max-file-size, --no-default-terms, --terms', () => {
    const dir = repo({
      'termlint.config.json': '{ "fuzzy": true, "maxFileSize": 10, "termFiles": ["none/*.terms.json"] }',
      'a.md': 'Shenzen and Macau.\n',
      'other.terms.json': JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'] }] }),
    });
    const small = run(['a.md'], dir);
    assert.equal(small.code, 0);
    assert.match(small.stderr, /a\.md: skipped, 19 bytes is over --max-file-size 10/);
    assert.deepEqual(json(run(['--format', 'json', '--max-file-size', '1000', 'a.md'], dir)).map((x) => x.kind), ['misspelling', 'forbidden']);
    assert.deepEqual(json(run(['--format', 'json', '--max-file-size', '1000', '--no-fuzzy', 'a.md'], dir)).map((x) => x.kind), ['forbidden']);
    assert.deepEqual(json(run(['--format', 'json', '--max-file-size', '1000', '--kinds', 'misspelling', 'a.md'], dir)).map((x) => x.kind), ['misspelling']);
    const own = run(['--format', 'json', '--max-file-size', '1000', '--no-default-terms', '--terms', 'other.terms.json', 'a.md'], dir);
    assert.deepEqual(json(own).map((x) => x.found), ['Macau']);
  });

  it('excludes files and switches checks off per file; a named file it excludes is counted in the summary', () => {
    const dir = repo({
      'termlint.config.json': '{ "exclude": ["archive/"], "overrides": [{ "files": ["scratch/**"], "enable": false }] }',
      'archive/old.md': MACAU,
      'scratch/s.md': MACAU,
      'a.md': 'Macao.\n',
    });
    const all = run([], dir);
    assert.equal(all.code, 0, all.stdout);
    assert.equal(all.stdout, 'No term problems: 1 file checked.\n');
    const named = run(['archive/old.md', 'a.md'], dir);
    assert.equal(named.code, 0);
    assert.equal(named.stdout, 'No term problems: 1 file checked, 1 excluded by termlint.config.json.\n');
    assert.equal(named.stderr, '');
  });

  it('languages narrows what folders give; a file named on the command line is checked anyway', () => {
    const dir = repo({ 'termlint.config.json': '{ "languages": ["markdown"] }', 'a.md': MACAU, 'notes.txt': 'Macau.\n' });
    assert.deepEqual(json(run(['--format', 'json'], dir)).map((x) => x.file), ['a.md', 'a.md']);
    assert.deepEqual(json(run(['--format', 'json', 'notes.txt'], dir)).map((x) => x.file), ['notes.txt']);
  });

  it('uses the workspace term file the editor writes to, so what the editor ignores the CLI ignores', () => {
    const dir = repo({
      '.vscode/termlint.terms.json': JSON.stringify({ terms: [], ignore: ['Macau'] }),
      'a.md': MACAU,
    });
    assert.deepEqual(json(run(['--format', 'json', 'a.md'], dir)).map((x) => x.kind), ['split']);
  });

  it('a broken configuration: positioned errors, exit 2, nothing checked or written', () => {
    const config = '{\n  "severity": { "forbidden": "warn" },\n  "fuzy": false\n}\n';
    const dir = repo({ 'termlint.config.json': config, 'a.md': MACAU });
    const before = fs.statSync(path.join(dir, 'a.md')).mtimeMs;
    const r = run(['--fix', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'termlint.config.json:2:30  error  "warn" is not a value "severity.forbidden" takes: use "error", "warning", "information", "hint" or "off" (did you mean "warning"?)  (at severity.forbidden)\n' +
        'termlint.config.json:3:3  error  Unknown key "fuzy": did you mean "fuzzy"?  (at fuzy)\n' +
        'termlint: invalid termlint.config.json; nothing was checked or written.\n',
    );
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), MACAU);
    assert.equal(fs.statSync(path.join(dir, 'a.md')).mtimeMs, before);
  });

  it('--print-config FILE shows the settings for that file, what decided them and the term lists, as the README shows', () => {
    const dir = repo({
      'termlint.config.json': readmeBlock('config-example'),
      'terms/team.terms.json': JSON.stringify({ terms: [{ term: 'Widget Company' }] }),
      'published/brief.md': MACAU,
    });
    const [command] = readmeCommands('print-config');
    assert.equal(command, 'termlint --print-config published/brief.md');
    const r = run(command!.split(' ').slice(1), dir);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as {
      file: string;
      configFile: string;
      overrides: { index: number; files: string[] }[];
      checked: boolean;
      format: string;
      termLists: string[];
      settings: { severity: { [k: string]: string }; languages: string[]; exclude: string[]; fuzzy: { enabled: boolean }; maxFileSize: number; kinds: string[] };
    };
    assert.equal(printed.file, 'published/brief.md');
    assert.equal(printed.configFile, 'termlint.config.json');
    assert.deepEqual(printed.overrides, [{ index: 0, files: ['published/**'] }]);
    assert.equal(printed.checked, true);
    assert.equal(printed.format, 'markdown');
    assert.deepEqual(printed.termLists, ['(bundled) guangdong.terms.json', 'terms/team.terms.json']);
    assert.deepEqual(printed.settings.severity, {
      joined: 'warning',
      split: 'hint',
      hyphen: 'warning',
      case: 'warning',
      misspelling: 'error',
      script: 'warning',
      width: 'warning',
      forbidden: 'error',
      inconsistent: 'error',
      variant: 'information',
      abbreviation: 'information',
      expansion: 'information',
      'unused-abbreviation': 'hint',
      translation: 'warning',
      unsourced: 'information',
    });
    assert.deepEqual(printed.settings.languages, ['markdown', 'html']);
    assert.deepEqual(printed.settings.exclude, ['archive/**', 'vendor/**']);
    assert.equal(printed.settings.maxFileSize, 2097152);
    const scratch = JSON.parse(run(['--print-config', 'drafts/scratch/x.md', '--no-fuzzy'], dir).stdout) as { checked: boolean; skipped: string; settings: { fuzzy: { enabled: boolean } } };
    assert.equal(scratch.checked, false);
    assert.match(scratch.skipped, /"enable": false/);
    assert.deepEqual(scratch.settings.fuzzy, { enabled: false }, 'the flags count too');
  });
});

describe('termlint reports for CI', () => {
  after(() => removeWorkspaces());

  it('--output writes the report when the run completes, and leaves an old report alone when it does not', () => {
    const dir = repo({ 'a.md': MACAU });
    const r = run(['--format', 'sarif', '--output', 'out/termlint.sarif', 'a.md'], repo({}));
    assert.equal(r.code, 2, 'a.md is not in that folder');
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = run(['--format', 'sarif', '-o', 'out/termlint.sarif', 'a.md'], dir);
    assert.equal(ok.code, 1);
    assert.equal(ok.stdout, '');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'termlint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.equal(sarif.runs[0]!.results.length, 2);
    fs.writeFileSync(path.join(dir, 'termlint.config.json'), '{ "severity": 1 }');
    const broken = run(['--format', 'sarif', '-o', 'out/termlint.sarif', 'a.md'], dir);
    assert.equal(broken.code, 2);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'termlint.sarif'), 'utf8')), sarif, 'the last complete report stays');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['termlint.sarif'], 'no temporary file left behind');
    const text = run(['--output', 'report.txt', '--no-config', 'a.md'], dir);
    assert.equal(text.code, 1);
    assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /^a\.md\n {2}a\.md:3:11 +forbidden/);
  });

  it('--format github: one workflow command per finding, escaped, at its severity, then the summary', () => {
    const dir = repo({
      'termlint.config.json': '{ "severity": { "split": "error", "inconsistent": "hint" } }',
      'a, b: 100%.md': 'Guang dong and Macau.\nnew quality productivity forces, new quality productive forces, new quality productivity forces.\n',
    });
    const r = run(['--format', 'github'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      '::error file=a%2C b%3A 100%25.md,line=1,col=1,endLine=1,endColumn=11,title=Termlint split::"Guang dong" should be "Guangdong" (split word)\n' +
        '::warning file=a%2C b%3A 100%25.md,line=1,col=16,endLine=1,endColumn=21,title=Termlint forbidden::"Macau" should be "Macao" (forbidden form)\n' +
        '::notice file=a%2C b%3A 100%25.md,line=2,col=34,endLine=2,endColumn=63,title=Termlint inconsistent::"new quality productive forces" should be "new quality productivity forces" (inconsistent: this document uses "new quality productivity forces" 2 times)\n' +
        '3 term problems in 1 file (split 1, forbidden 1, inconsistent 1); 1 file checked.\n',
    );
  });

  it('messages are one line when a term runs across a line break, in JSON, SARIF (fingerprints too) and annotations', () => {
    const dir = repo({ 'a.md': 'The State Council Information\noffice and the Greater\n   Bay area met.\n' });
    const records = json(run(['--format', 'json', 'a.md'], dir));
    assert.deepEqual(records.map((x) => x.message), [
      '"State Council Information office" should be "State Council Information Office" (capitalization)',
      '"Greater Bay area" should be "Greater Bay Area" (capitalization)',
    ]);
    assert.equal(records[0]!.found, 'State Council Information\noffice', '`found` is still the text as written');
    const sarif = JSON.parse(run(['--format', 'sarif', 'a.md'], dir).stdout) as { runs: { results: { message: { text: string }; partialFingerprints: { termlintFinding: string } }[] }[] };
    for (const result of sarif.runs[0]!.results) {
      assert.doesNotMatch(result.message.text, /[\r\n]/);
      assert.doesNotMatch(result.partialFingerprints.termlintFinding, /[\r\n]/);
    }
    assert.doesNotMatch(run(['--format', 'github', 'a.md'], dir).stdout.replace(/\n(?=::|\d+ term)/g, ''), /%0A/);
  });

  it('--help shows every option of both commands', () => {
    const help = run(['--help'], repo({})).stdout;
    assert.match(help, /^ {7}termlint extract FILE \[--out FILE\.terms\.json\] \[--min-count N\] \[--title T\] \[--terms FILE\]… \[--no-default-terms\]$/m);
    for (const option of ['--config FILE', '--no-config', '--print-config FILE', '--output FILE', 'github']) assert.ok(help.includes(option), option);
  });
});
