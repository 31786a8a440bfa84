/**
 * The built CLI with term lists as terminologists keep them: `--terms FILE.tbx` and `--terms FILE.csv` give
 * the findings the equivalent `.terms.json` gives; `termlint convert` between the formats; broken TBX and CSV
 * files stop the run (exit 2, `file:line:col`, nothing written); discovery takes `*.tbx`, `*.terms.csv` and
 * `*.terms.tsv` but no other CSV; lists merge and `--explain` says what each contributed; exceptions hold in
 * `--fix`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { runCli as run } from '../helpers/cli';



const JSON_LIST = JSON.stringify(
  {
    title: 'Delta',
    terms: [
      { term: 'Zhuhai', forbidden: [{ form: 'Chuhai', status: 'superseded', note: 'Old postal spelling.' }], translations: { 'zh-Hans': '珠海' } },
      { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'] },
      { term: 'high-quality development', admitted: ['quality development'] },
      { term: 'Hengqin' },
    ],
  },
  null,
  2,
);

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Delta</title></titleStmt></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1"><langSec xml:lang="en-US">
      <termSec><term>Zhuhai</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      <termSec><term>Chuhai</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
    </langSec><langSec xml:lang="zh-CN"><termSec><term>珠海</term></termSec></langSec></conceptEntry>
    <conceptEntry id="c2"><langSec xml:lang="en">
      <termSec><term>Macao</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      <termSec><term>Macau</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
    </langSec></conceptEntry>
    <conceptEntry id="c3"><langSec xml:lang="en">
      <termSec><term>high-quality development</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      <termSec><term>quality development</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
    </langSec></conceptEntry>
    <conceptEntry id="c4"><langSec xml:lang="en"><termSec><term>Hengqin</term></termSec></langSec></conceptEntry>
  </body></text>
</tbx>
`;

const CSV = 'en,en:admitted,en:forbidden,zh-Hans\nZhuhai,,Chuhai,珠海\nMacao,,Macau,\nhigh-quality development,quality development,,\nHengqin,,,\n';

const DRAFT = 'Ferries from Chuhai reach Macau. High quality development and quality development.\nHeng qin grows.\n';

/** The findings of the JSON report, without the file name. */
const findings = (stdout: string) => (JSON.parse(stdout) as { line: number; column: number; kind: string; found: string; replacements: string[] }[]).map((f) => [f.line, f.column, f.kind, f.found, f.replacements[0]]);

describe('termlint CLI: TBX and CSV term lists, convert, --explain', function () {
  this.timeout(60_000);
  after(removeWorkspaces);

  it('--terms FILE.tbx and --terms FILE.csv give the findings of the equivalent .terms.json', () => {
    const dir = workspace({ 'delta.terms.json': JSON_LIST, 'delta.tbx': TBX, 'delta.csv': CSV, 'draft.txt': DRAFT });
    const expected = run(['--no-default-terms', '--terms', 'delta.terms.json', '--format', 'json', 'draft.txt'], dir);
    assert.equal(expected.code, 1, expected.stderr);
    assert.deepEqual(findings(expected.stdout), [
      [1, 14, 'forbidden', 'Chuhai', 'Zhuhai'],
      [1, 27, 'forbidden', 'Macau', 'Macao'],
      [1, 34, 'hyphen', 'High quality development', 'High-quality development'],
      [1, 63, 'inconsistent', 'quality development', 'high-quality development'],
      [2, 1, 'split', 'Heng qin', 'Hengqin'],
    ]);
    for (const list of ['delta.tbx', 'delta.csv']) {
      const r = run(['--no-default-terms', '--terms', list, '--format', 'json', 'draft.txt'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(findings(r.stdout), findings(expected.stdout), list);
    }
  });

  it('a malformed TBX: exit 2, the file with the line and column of the fault, no draft touched', () => {
    const broken = TBX.replace('<term>Macau</term>', '<term>Macau</trem>');
    const dir = workspace({ 'delta.tbx': broken, 'draft.txt': DRAFT });
    const before = fs.statSync(path.join(dir, 'draft.txt')).mtimeMs;
    const r = run(['--no-default-terms', '--terms', 'delta.tbx', '--fix', 'draft.txt'], dir);
    assert.equal(r.code, 2);
    const line = broken.slice(0, broken.indexOf('</trem>')).split('\n').length;
    assert.match(r.stderr, new RegExp(`^delta\\.tbx:${line}:\\d+  error  Malformed XML: </trem> does not close <term>$`, 'm'));
    assert.match(r.stderr, /invalid term list; nothing was checked or written/);
    assert.equal(fs.statSync(path.join(dir, 'draft.txt')).mtimeMs, before);
    assert.equal(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8'), DRAFT);
  });

  it('an XXE attempt in a TBX is refused, and nothing of the named file is read', () => {
    const xxe = TBX.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/hostname">]>').replace('<term>Hengqin</term>', '<term>&secret;</term>');
    const dir = workspace({ 'delta.tbx': xxe, 'draft.txt': DRAFT });
    const r = run(['--no-default-terms', '--terms', 'delta.tbx', 'draft.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^delta\.tbx:\d+:\d+  error  Entity "&secret;" is not defined: Termlint reads no DTD/m);
  });

  it('a malformed CSV: exit 2 with the cell\'s position', () => {
    const dir = workspace({ 'delta.csv': 'en,en:forbidden\nMacao,"Macau\n', 'draft.txt': DRAFT });
    const r = run(['--no-default-terms', '--terms', 'delta.csv', 'draft.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^delta\.csv:2:7  error  Malformed CSV: Quote Not Closed: a quoted cell is never closed$/m);
  });

  it('finds *.tbx, *.terms.csv and *.terms.tsv under the folder, but no other CSV', () => {
    const dir = workspace({
      'terms/delta.tbx': TBX,
      'terms/more.terms.tsv': 'en\ten:forbidden\nNansha\tNamsha\n',
      'data/budget.csv': 'en,en:forbidden\nFoshan,Fatshan\n',
      'draft.txt': 'Chuhai, Namsha and Fatshan.\n',
    });
    const r = run(['--no-default-terms', '--format', 'json', 'draft.txt'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      findings(r.stdout).map((f) => f[3]),
      ['Chuhai', 'Namsha'],
    );
  });

  it('convert: JSON → TBX → CSV → JSON keeps what each holds, names what it cannot, and lints the same', () => {
    const dir = workspace({ 'delta.terms.json': JSON_LIST, 'draft.txt': DRAFT });
    const toTbx = run(['convert', 'delta.terms.json', 'out/delta.tbx'], dir);
    assert.equal(toTbx.code, 0, toTbx.stderr);
    assert.equal(toTbx.stdout, '4 entries from delta.terms.json written to out/delta.tbx (TBX v3).\n');
    assert.equal(
      toTbx.stderr,
      'termlint convert: note: TBX v3 has no place for exceptions of: "Macao"; each is written as a concept of its own instead, which is matched whole, so the name still stands as written.\n',
    );
    const tbx = fs.readFileSync(path.join(dir, 'out/delta.tbx'), 'utf8');
    assert.match(tbx, /<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">/);
    assert.match(tbx, /<term>Chuhai<\/term>\n\s*<termNote type="administrativeStatus">supersededTerm-admn-sts<\/termNote>\n\s*<note>Old postal spelling\.<\/note>/);
    const toCsv = run(['convert', 'out/delta.tbx', 'out/delta.csv'], dir);
    assert.equal(toCsv.code, 0, toCsv.stderr);
    assert.match(toCsv.stderr, /CSV has no place for the list's title: "Delta"; not written/);
    assert.match(toCsv.stderr, /CSV has no place for notes and sources of single forms, in: "Zhuhai: Chuhai"; not written/);
    const back = run(['convert', 'out/delta.csv', 'out/back.terms.json'], dir);
    assert.equal(back.code, 0, back.stderr);
    assert.equal(back.stderr, '');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out/back.terms.json'), 'utf8')) as { terms: { term: string; forbidden?: unknown[] }[] };
    assert.deepEqual(json.terms[0]!.forbidden, [{ form: 'Chuhai', status: 'superseded' }]);
    const lint = (list: string) => findings(run(['--no-default-terms', '--terms', list, '--format', 'json', 'draft.txt'], dir).stdout);
    // The exception went through TBX as a concept of its own: the lists still give the same findings.
    assert.deepEqual(lint('out/back.terms.json'), lint('delta.terms.json'));
    const v2 = run(['convert', 'delta.terms.json', 'out/delta-v2.tbx', '--tbx-version', '2'], dir);
    assert.equal(v2.code, 0, v2.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'out/delta-v2.tbx'), 'utf8'), /<martif type="TBX-Basic" xml:lang="en">[\s\S]*<termEntry id="c1">[\s\S]*<langSet xml:lang="en">[\s\S]*<tig>/);
    assert.deepEqual(lint('out/delta-v2.tbx'), lint('out/delta.tbx'));
  });

  it('the bundled list converted to TBX (v3 and v2) and CSV lints any draft as the JSON does, its official names included', () => {
    // Names that keep a spelling the list forbids elsewhere (exceptions), next to the spellings it corrects.
    const draft = [
      'Students of the University of Macau and the Macau University of Science and Technology flew Air Macau',
      'from Macau International Airport. Macau and Kwangtung are older spellings; HongKong is joined.',
      'A Hongkong Post stamp and a Swatow ware bowl, bought in Swatow, went to the Hongkong and Shanghai Banking Corporation office.',
      '',
    ].join('\n');
    const dir = workspace({ 'draft.txt': draft });
    const bundled = path.join(REPO_ROOT, 'terms', 'guangdong.terms.json');
    for (const [out, extra] of [['g.tbx', []], ['g2.tbx', ['--tbx-version', '2']], ['g.terms.csv', []]] as const) {
      const r = run(['convert', bundled, out, ...extra], dir);
      assert.equal(r.code, 0, r.stderr);
    }
    const lint = (list: string) => run(['--no-default-terms', '--terms', list, '--format', 'json', 'draft.txt'], dir).stdout;
    const expected = lint(bundled);
    assert.deepEqual(
      (JSON.parse(expected) as { found: string }[]).map((f) => f.found),
      ['Macau', 'Kwangtung', 'HongKong', 'Swatow'],
    );
    for (const list of ['g.tbx', 'g2.tbx', 'g.terms.csv']) assert.equal(lint(list), expected, list);
  });

  it('convert keeps each language\'s own abbreviation of the bundled list (大湾区 / 大灣區) through TBX v3 and v2, CSV and TSV', () => {
    const dir = workspace({});
    const bundled = path.join(REPO_ROOT, 'terms', 'guangdong.terms.json');
    type Entry = { term: string; abbreviation?: string; languages?: Record<string, { approved: string; abbreviation?: string }> };
    const blocks = (file: string) =>
      (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { terms: Entry[] }).terms
        .filter((t) => t.abbreviation !== undefined || Object.values(t.languages ?? {}).some((l) => l.abbreviation !== undefined))
        .map((t) => [t.term, t.abbreviation, Object.fromEntries(Object.entries(t.languages ?? {}).map(([lang, l]) => [lang, l.abbreviation]))]);
    const expected = [['Guangdong-Hong Kong-Macao Greater Bay Area', undefined, { 'zh-Hans': '大湾区', 'zh-Hant': '大灣區' }]];
    for (const [out, extra] of [['g.tbx', []], ['g2.tbx', ['--tbx-version', '2']], ['g.csv', []], ['g.tsv', []], ['g.terms.json', []]] as const) {
      const there = run(['convert', bundled, out, ...extra], dir);
      assert.equal(there.code, 0, there.stderr);
      const back = run(['convert', out, `${out}.back.terms.json`], dir);
      assert.equal(back.code, 0, back.stderr);
      assert.deepEqual(blocks(`${out}.back.terms.json`), expected, out);
    }
    assert.match(fs.readFileSync(path.join(dir, 'g.tsv'), 'utf8'), /^en\t.*\tzh-Hans:abbreviation\t.*\tzh-Hant:abbreviation\t/);
  });

  it('convert refuses what it cannot do, with usage, and writes nothing for a broken input', () => {
    const dir = workspace({ 'delta.terms.json': JSON_LIST, 'bad.tbx': '<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term></term></termSec></langSec></conceptEntry></body></text></tbx>' });
    const cases: [string[], RegExp][] = [
      [['convert', 'delta.terms.json'], /Expected IN and OUT, got 1 file/],
      [['convert', 'delta.terms.json', 'delta.docx'], /Cannot tell the format of delta\.docx from its name/],
      [['convert', 'delta.terms.json', './delta.terms.json'], /IN and OUT are the same file/],
      [['convert', 'delta.terms.json', 'x.tbx', '--tbx-version', '4'], /--tbx-version is 2 or 3, not "4"/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage: termlint convert IN OUT/);
    }
    const broken = run(['convert', 'bad.tbx', 'bad.terms.json'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^bad\.tbx:1:64  error  Empty term  \(at conceptEntry\[1\]\/langSec\[en\]\/termSec\[1\]\/term\)$/m);
    assert.ok(!fs.existsSync(path.join(dir, 'bad.terms.json')));
  });

  it('a later list adds to the bundled entry instead of replacing it, and --explain shows what each list gave', () => {
    const dir = workspace({ 'press.terms.json': JSON.stringify({ terms: [{ term: 'Guangzhou' }, { term: 'Macao', admitted: ['Macao SAR'] }] }), 'draft.txt': 'Kwangchow and Macau and Macao SAR.\n' });
    const r = run(['--format', 'json', 'draft.txt'], dir);
    assert.deepEqual(
      findings(r.stdout).map((f) => [f[2], f[3]]),
      [
        ['forbidden', 'Kwangchow'],
        ['forbidden', 'Macau'],
      ],
    );
    const explain = run(['--explain', 'Macau'], dir);
    assert.equal(explain.code, 0, explain.stderr);
    const lines = explain.stdout.split('\n');
    assert.equal(lines[0], '"Macau" is a forbidden form of "Macao".');
    assert.ok(lines.some((l) => /^ {2}en +approved +Macao$/.test(l)), explain.stdout);
    assert.ok(lines.some((l) => /^ {14}admitted +Macao SAR$/.test(l)), explain.stdout);
    assert.ok(lines.some((l) => /^ {14}forbidden +Macau$/.test(l)), explain.stdout);
    assert.ok(lines.some((l) => /^ {2}zh-Hans +approved +澳门$/.test(l)), explain.stdout);
    assert.ok(lines.some((l) => /^ {2}exceptions +University of Macau {2}\(Official name/.test(l)), explain.stdout);
    assert.ok(lines.some((l) => /^ {2}lists +\S*guangdong\.terms\.json:\d+ +Macao, Macau \(forbidden\), 澳门 \(zh-Hans\), 澳門 \(zh-Hant\); exceptions: University of Macau/.test(l)), explain.stdout);
    assert.ok(lines.some((l) => /^ {14}press\.terms\.json:1 +Macao, Macao SAR \(admitted\)$/.test(l)), explain.stdout);
    // Any form in any language names the concept; JSON for scripts; nothing named: exit 1.
    const zh = run(['--explain', '澳门', '--format', 'json'], dir);
    assert.equal(zh.code, 0);
    const parsed = JSON.parse(zh.stdout) as { concepts: { id: string; lists: { file: string }[] }[] };
    assert.equal(parsed.concepts[0]!.id, 'Macao');
    assert.deepEqual(parsed.concepts[0]!.lists.map((l) => path.basename(l.file)), ['guangdong.terms.json', 'press.terms.json']);
    const exception = run(['--explain', 'university of  macau'], dir);
    assert.equal(exception.code, 0, exception.stderr);
    assert.match(exception.stdout, /^"university of {2}macau" is an exception of "Macao": not reported, never fixed\.\n/);
    const none = run(['--explain', 'Zhongshan'], dir);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no concept in the lists in force has a form "Zhongshan"/);
  });

  it('--fix leaves official names that keep a forbidden spelling as they are', () => {
    const dir = workspace({ 'draft.md': 'Staff of the University of Macau and Air Macau flew to Macau via Hongkong Post offices in HongKong.\n' });
    const r = run(['--fix', 'draft.md'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), 'Staff of the University of Macau and Air Macau flew to Macao via Hongkong Post offices in Hong Kong.\n');
  });
});
