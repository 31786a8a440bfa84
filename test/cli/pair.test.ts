/**
 * Translation pairs on the command line: `termlint pair SOURCE TARGET`, `termlint pair FILE.xlf…`, and pairs
 * found by name (or declared in the configuration) when termlint lints a folder. The built CLI, spawned.
 *
 * The sources here are German: the engine matches English forms in any language until a language has its own
 * matcher, and proper names read the same in both, so the concepts a German source uses come from the linter
 * as it is.
 */
import * as assert from 'node:assert/strict';
import { KINDS } from '../../server/src/core/kinds';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';
import type { FindingRecord } from '../../server/src/cli/report';

const TERMS = JSON.stringify({
  terms: [
    { term: 'Guangdong', languages: { de: { approved: 'Guangdong' } } },
    { term: 'Macao', forbidden: ['Macau'], languages: { de: { approved: 'Macao' } } },
    { term: 'Shenzhen', languages: { de: { approved: 'Shenzhen' } } },
    { term: 'Hong Kong', languages: { de: { approved: 'Hongkong' } } },
    { term: 'Nansha', languages: { de: { approved: 'Nansha' } } },
  ],
});

const SOURCE = `# Bericht

Guangdong und Macao arbeiten enger zusammen.

Shenzhen baut neue Labore.

- Nansha wächst.
`;

const TARGET = `# Report

Guangdong and Macau work more
closely together.

The city builds new laboratories.

- Nansha grows.
`;

describe('termlint pair', () => {
  after(() => removeWorkspaces());
  const files = { 'terms.terms.json': TERMS, 'bericht.de.md': SOURCE, 'bericht.en.md': TARGET };

  it('JSON: translation findings in the target, at the first line of its block, with the expected term and the source block', () => {
    const dir = workspace(files);
    const r = run(['pair', 'bericht.de.md', 'bericht.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const records = JSON.parse(r.stdout) as FindingRecord[];
    const translation = records.filter((x) => x.kind === 'translation');
    assert.deepEqual(
      translation.map((x) => [x.file, x.line, x.column, x.found, x.term, x.replacements]),
      [
        ['bericht.en.md', 3, 15, 'Macau', 'Macao', ['Macao']],
        ['bericht.en.md', 6, 1, 'The city builds new laboratories.', 'Shenzhen', []],
      ],
    );
    assert.deepEqual(translation[1]!.source, { file: 'bericht.de.md', line: 5, column: 1, endLine: 5, endColumn: 27, term: 'Shenzhen', termLine: 5, termColumn: 1 });
    assert.equal(translation[1]!.message, '"Shenzhen" of the source is not rendered here: expected "Shenzhen" (translation)');
    assert.equal(translation[0]!.severity, KINDS.translation.severity);
    // The ordinary kinds still apply to each file.
    assert.deepEqual(records.filter((x) => x.kind !== 'translation').map((x) => [x.file, x.kind, x.found]), [['bericht.en.md', 'forbidden', 'Macau']]);
  });

  it('text: grouped per file, the source term and where it is instead of a note, and the pair in the summary', () => {
    const dir = workspace(files);
    const r = run(['pair', 'bericht.de.md', 'bericht.en.md', '--no-default-terms', '--terms', 'terms.terms.json'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^bericht\.en\.md\n/);
    assert.match(r.stdout, /bericht\.en\.md:3:15 +translation +"Macau" → "Macao"  \(bericht\.de\.md:3 "Macao"\)/);
    assert.match(r.stdout, /bericht\.en\.md:6:1 +translation +"The city builds new laboratories\."  \(bericht\.de\.md:5 "Shenzhen"\)/);
    assert.match(r.stdout, /3 term problems in 1 file \(forbidden 1, translation 2\); 2 files checked, 1 translation pair\.\n$/);
  });

  it('SARIF: the translation rule, and the source block as a related location', () => {
    const dir = workspace(files);
    const r = run(['pair', 'bericht.de.md', 'bericht.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'sarif'], dir);
    const run0 = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[]; fixes?: unknown[] }[] }[] }).runs[0]!;
    assert.ok(run0.tool.driver.rules.some((x) => x.id === 'translation'));
    const results = run0.results.filter((x) => x.ruleId === 'translation');
    assert.equal(results.length, 2);
    assert.deepEqual(results.map((x) => [x.relatedLocations![0]!.physicalLocation.artifactLocation.uri, x.relatedLocations![0]!.physicalLocation.region.startLine, x.relatedLocations![0]!.message.text]), [['bericht.de.md', 3, 'the source\'s "Macao"'], ['bericht.de.md', 5, 'the source\'s "Shenzhen"']]);
    assert.ok(results[0]!.fixes && !results[1]!.fixes, 'a fix only where there is a likely rendering to replace');
  });

  it('a clean pair exits 0; --kinds and --reverse choose what is reported', () => {
    const dir = workspace({ ...files, 'ok.en.md': '# Report\n\nGuangdong and Macao work together.\n\nShenzhen builds, with Hong Kong.\n\n- Nansha grows.\n' });
    const clean = run(['pair', 'bericht.de.md', 'ok.en.md', '--no-default-terms', '--terms', 'terms.terms.json'], dir);
    assert.equal(clean.code, 0, clean.stdout);
    assert.equal(clean.stdout, 'No term problems: 2 files checked, 1 translation pair.\n');
    const reverse = run(['pair', 'bericht.de.md', 'ok.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--reverse', '--format', 'json'], dir);
    assert.deepEqual((JSON.parse(reverse.stdout) as FindingRecord[]).map((x) => [x.kind, x.found, x.line, x.severity]), [['unsourced', 'Hong Kong', 5, 'information']]);
    const only = run(['pair', 'bericht.de.md', 'bericht.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--kinds', 'forbidden', '--format', 'json'], dir);
    assert.deepEqual((JSON.parse(only.stdout) as FindingRecord[]).map((x) => x.kind), ['forbidden']);
  });

  it('languages from the names, else the options; an untagged pair defaults to Chinese → English', () => {
    const dir = workspace({ ...files, 'a.md': SOURCE, 'b.md': '# Report\n\nGuangdong and Macao work together.\n\nShenzhen builds, with Hong Kong.\n\n- Nansha grows.\n' });
    const reverse = (args: string[]) => (JSON.parse(run(['pair', ...args, '--reverse', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir).stdout) as FindingRecord[]).map((x) => x.message);
    // Hong Kong is not in the source; what the source would need is its form in the source's language.
    assert.deepEqual(reverse(['a.md', 'b.md', '--source-lang', 'de']), ['"Hong Kong" is used here, but its source block has no "Hongkong" (unsourced term)']);
    // Read as Chinese (the default), these concepts have no form in the source's language to miss.
    assert.deepEqual(reverse(['a.md', 'b.md']), []);
    // A Latin-script term in a Chinese source is a use all the same (IPv6, 5G, or a name written in pinyin).
    const untagged = JSON.parse(run(['pair', 'a.md', 'bericht.en.md', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir).stdout) as FindingRecord[];
    assert.equal(untagged.filter((x) => x.kind === 'translation').length, 2);
  });

  it('usage errors, missing and unreadable files exit 2', () => {
    const dir = workspace({ ...files, 'bin.en.md': Buffer.from([0, 1, 2, 3]) });
    const cases: [string[], RegExp][] = [
      [['pair'], /needs a source and its translation/],
      [['pair', 'bericht.de.md'], /two files, not 1/],
      [['pair', 'a.md', 'b.md', 'c.md'], /two files, not 3/],
      [['pair', 'bericht.de.md', 'x.xlf'], /either a source and a translation, or XLIFF files/],
      [['pair', 'bericht.de.md', 'bericht.de.md'], /are the same file/],
      [['pair', 'bericht.de.md', 'missing.en.md'], /no such file: missing\.en\.md/],
      [['pair', 'bericht.de.md', 'bin.en.md'], /bin\.en\.md: cannot check: not a text file/],
      [['pair', 'bericht.de.md', 'bericht.en.md', '--source-lang', 'german!'], /--source-lang "german!" is not a language tag/],
      [['pair', 'bericht.de.md', 'bericht.en.md', '--no-pairs'], /--no-pairs is for termlint and termlint report/],
      [['pair', 'bericht.de.md', 'bericht.en.md', '--format', 'html'], /Unknown --format "html"/],
    ];
    for (const [args, message] of cases) {
      const r = run([...args, '--no-default-terms', '--terms', 'terms.terms.json'], dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', 'nothing reported');
    }
  });

  it('--help describes the command', () => {
    const r = run(['pair', '--help'], REPO_ROOT);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /termlint pair SOURCE TARGET \[options\]/);
    assert.match(r.stdout, /--source-lang TAG/);
    assert.match(run(['--help'], REPO_ROOT).stdout, /termlint pair --help/);
  });
});

const XLIFF12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="bericht.md" source-language="de-DE" target-language="en-US" datatype="markdown">
    <body>
      <trans-unit id="1">
        <source>Guangdong und <g id="1">Macao</g> arbeiten zusammen.</source>
        <target>Guangdong and <g id="1">Macau</g> work together.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Shenzhen baut.</source>
        <target>The city builds.</target>
      </trans-unit>
      <trans-unit id="3">
        <source>Nansha wächst.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
`;

const XLIFF2 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
  <file id="f1">
    <unit id="u1"><segment><source>Shenzhen und Nansha.</source><target>Shenzhen and <pc id="1">the port</pc>.</target></segment></unit>
  </file>
</xliff>
`;

describe('termlint pair with XLIFF', () => {
  after(() => removeWorkspaces());

  it('1.2 and 2.x: each unit a pair, findings placed in the XLIFF file, the source unit as the related place', () => {
    const dir = workspace({ 'terms.terms.json': TERMS, 'bericht.xlf': XLIFF12, 'hafen.xliff': XLIFF2 });
    const r = run(['pair', 'bericht.xlf', 'hafen.xliff', '--no-default-terms', '--terms', 'terms.terms.json', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const records = JSON.parse(r.stdout) as FindingRecord[];
    assert.deepEqual(
      records.map((x) => [x.file, x.line, x.column, x.kind, x.found, x.replacements, x.source?.line]),
      [
        ['bericht.xlf', 7, 41, 'forbidden', 'Macau', ['Macao'], undefined],
        ['bericht.xlf', 7, 41, 'translation', 'Macau', ['Macao'], 6],
        ['bericht.xlf', 11, 17, 'translation', 'The city builds.', [], 10],
        ['hafen.xliff', 3, 73, 'translation', 'Shenzhen and the port.', [], 3],
      ],
    );
    assert.match(r.stderr, /bericht\.xlf: 1 of 3 units have no target yet: not checked/);
    const text = run(['pair', 'bericht.xlf', '--no-default-terms', '--terms', 'terms.terms.json'], dir);
    assert.match(text.stdout, /3 term problems in 1 file \(forbidden 1, translation 2\); 1 file checked, 2 translation pairs\./);
  });

  it('an external entity, a DTD and malformed XML are positioned errors: exit 2, nothing checked', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&e;</source><target>x</target></trans-unit></body></file></xliff>\n';
    const dir = workspace({ 'terms.terms.json': TERMS, 'x.xlf': xxe, 'bad.xlf': '<xliff version="1.2">\n  <file><body></bdy></file>\n</xliff>\n', 'tbx.xlf': '<tbx/>' });
    const cases: [string, RegExp][] = [
      ['x.xlf', /^x\.xlf:3:61 {2}error {2}Entity "&e;" is not defined/m],
      ['bad.xlf', /^bad\.xlf:2:\d+ {2}error {2}Malformed XML/m],
      ['tbx.xlf', /^tbx\.xlf:1:1 {2}error {2}Not an XLIFF file/m],
    ];
    for (const [file, message] of cases) {
      const r = run(['pair', file, '--no-default-terms', '--terms', 'terms.terms.json'], dir);
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /invalid XLIFF file; nothing was checked/);
      assert.equal(r.stdout, '');
    }
  });
});

describe('translation pairs in a lint run', () => {
  after(() => removeWorkspaces());

  it('a folder: pairs found by name are checked, each file linted as usual; --no-pairs switches them off', () => {
    const dir = workspace({ 'terms.terms.json': TERMS, 'docs/bericht.de.md': SOURCE, 'docs/bericht.en.md': TARGET, 'docs/other.en.md': 'Macao.\n' });
    const r = run(['--no-default-terms', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const records = JSON.parse(r.stdout) as FindingRecord[];
    assert.deepEqual(records.map((x) => [x.file, x.kind, x.found]), [
      ['docs/bericht.en.md', 'forbidden', 'Macau'],
      ['docs/bericht.en.md', 'translation', 'Macau'],
      ['docs/bericht.en.md', 'translation', 'The city builds new laboratories.'],
    ]);
    assert.match(run(['--no-default-terms'], dir).stdout, /3 files checked, 1 translation pair\./);
    const off = run(['--no-default-terms', '--no-pairs', '--format', 'json'], dir);
    assert.deepEqual((JSON.parse(off.stdout) as FindingRecord[]).map((x) => x.kind), ['forbidden']);
  });

  it('the configuration: translation false switches pairs off; declared pairs pair files whose names do not', () => {
    const off = workspace({ 'terms.terms.json': TERMS, 'termlint.config.json': '{ "translation": false }', 'bericht.de.md': SOURCE, 'bericht.en.md': TARGET });
    assert.deepEqual((JSON.parse(run(['--no-default-terms', '--format', 'json'], off).stdout) as FindingRecord[]).map((x) => x.kind), ['forbidden']);
    const declared = workspace({
      'terms.terms.json': TERMS,
      'termlint.config.json': JSON.stringify({ translation: { pairs: [{ source: 'original/bericht.md', target: 'english/report.md', sourceLanguage: 'de' }, { source: 'de/', target: 'en/' }] } }),
      'original/bericht.md': SOURCE,
      'english/report.md': TARGET,
      'de/a.md': 'Shenzhen.\n',
      'en/a.md': 'The city.\n',
      'en/b.md': 'Nothing to pair.\n',
    });
    const r = run(['--no-default-terms', '--format', 'json'], declared);
    // The folder pair's source has no language in its name: Simplified Chinese by default, where a name in
    // Latin letters is a use of its term all the same.
    assert.deepEqual((JSON.parse(r.stdout) as FindingRecord[]).filter((x) => x.kind === 'translation').map((x) => [x.file, x.found]), [
      ['en/a.md', 'The city.'],
      ['english/report.md', 'Macau'],
      ['english/report.md', 'The city builds new laboratories.'],
    ]);
    assert.match(run(['--no-default-terms'], declared).stdout, /5 files checked, 2 translation pairs\./);
  });

  it('--fix leaves translation findings to the writer: their fix is a likely rendering to confirm', () => {
    const dir = workspace({ 'terms.terms.json': TERMS, 'bericht.de.md': SOURCE, 'bericht.en.md': TARGET });
    const r = run(['--no-default-terms', '--fix', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const left = JSON.parse(r.stdout) as FindingRecord[];
    // The forbidden form is fixed (and with it the translation finding on it); the missing rendering stays.
    assert.deepEqual(left.map((x) => [x.kind, x.found]), [['translation', 'The city builds new laboratories.']]);
  });

  it('termlint report counts the translation findings the lint reports', () => {
    const dir = workspace({ 'terms.terms.json': TERMS, 'bericht.de.md': SOURCE, 'bericht.en.md': TARGET });
    const lint = JSON.parse(run(['--no-default-terms', '--format', 'json'], dir).stdout) as FindingRecord[];
    const report = JSON.parse(run(['report', '--no-default-terms', '--format', 'json'], dir).stdout) as {
      totals: { findings: number; byKind: Record<string, number> };
      pairs: unknown[];
      terms: { term: string; uses: number; variants: { found: string; kind: string }[] }[];
    };
    assert.equal(report.totals.findings, lint.length);
    assert.equal(report.totals.byKind.translation, 2);
    assert.deepEqual(report.pairs, [{ source: 'bericht.de.md', target: 'bericht.en.md', sourceLanguage: 'de', targetLanguage: 'en', sourceBlocks: 4, targetBlocks: 4, links: 4, findings: 2 }]);
    // A missing rendering is a finding of the term, not a use of it.
    const shenzhen = report.terms.find((t) => t.term === 'Shenzhen')!;
    assert.equal(shenzhen.uses, 1, 'the source\'s use');
    assert.deepEqual(shenzhen.variants.map((v) => [v.found, v.kind]), [['The city builds new laboratories.', 'translation']]);
    const md = run(['report', '--no-default-terms', '--format', 'md'], dir).stdout;
    assert.match(md, /## Translation pairs\n\n\| source \| translation \| blocks \| links \| findings \|\n.*\n\| bericht\.de\.md \(de\) \| bericht\.en\.md \(en\) \| 4 \/ 4 \| 4 \| 2 \|/);
    assert.match(run(['report', '--no-default-terms', '--format', 'html'], dir).stdout, /<section id="pairs"><h2>Translation pairs<\/h2>/);
  });
});
