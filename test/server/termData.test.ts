/**
 * Term lists as terminologists keep them, in the language server: a TBX file and a CSV file in the workspace
 * are found, watched, edited, broken (diagnostics in the file, the last good list kept) and fixed; lists merge
 * (the hover says which list contributed what); "Add to the term list" on a TBX term writes to the workspace
 * JSON file and never to the TBX; exceptions hold for diagnostics, fix-all and the hover.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type MarkupContent, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import { FileChangeType, TestClient, applyTextEdits, makeWorkspace } from './lspClient';

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Delta termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="zh">
        <langSec xml:lang="en-US">
          <termSec><term>Zhuhai</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>Chuhai</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote><note>Old postal spelling.</note></termSec>
        </langSec>
        <langSec xml:lang="zh-CN"><termSec><term>珠海</term></termSec></langSec>
        <langSec xml:lang="zh-TW"><termSec><term>珠海市</term></termSec></langSec>
      </conceptEntry>
      <conceptEntry id="mo">
        <langSec xml:lang="en">
          <termSec><term>Macao</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>Macau</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

const CSV = 'en,en:forbidden,zh-Hans,note\nFoshan,Fatshan,佛山,City west of Guangzhou.\n';

const WORKSPACE_TERMS = JSON.stringify({ terms: [{ term: 'Macao', exceptions: [{ phrase: 'University of Macau', note: 'Official name.' }] }] }, null, 2) + '\n';

describe('server: TBX and CSV term lists, merges and exceptions', () => {
  const ws = makeWorkspace({ 'delta.tbx': TBX, 'cities.terms.csv': CSV, 'budget.csv': 'en\nZhuhai\n', 'team.terms.json': WORKSPACE_TERMS });
  const tbxUri = ws.uri('delta.tbx');
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: { useBundledTerms: false } });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('watches TBX and CSV term lists, and only those CSV files named as term lists', async () => {
    // The term lists' own registration (the project configuration registers its watcher apart).
    const globs = await client.watchedGlobs((g) => g.includes('**/*.terms.json'));
    for (const g of ['**/*.tbx', '**/*.terms.csv', '**/*.terms.tsv', '**/*.terms.json']) assert.ok(globs.includes(g), globs.join());
    const files = (await client.connection.sendRequest('termlint/termFiles', {})) as { files: { uri: string; terms: number; bundled: boolean }[] };
    assert.deepEqual(
      files.files.filter((f) => !f.bundled).map((f) => [path.basename(f.uri), f.terms]).sort(),
      [
        ['cities.terms.csv', 1],
        ['delta.tbx', 2],
        ['team.terms.json', 1],
      ],
    );
  });

  it('lints a draft with the TBX and CSV terms, and the exception of the workspace list', async () => {
    const uri = ws.uri('draft.md');
    await client.open(uri, 'markdown', 'Ferries from Chuhai to Macau, and Fatshan.\n\nShe studied at the University of Macau.\n');
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 3);
    assert.deepEqual(
      ds.map((d) => [d.code, d.message]),
      [
        ['forbidden', '"Chuhai" should be "Zhuhai" (forbidden form)'],
        ['forbidden', '"Macau" should be "Macao" (forbidden form)'],
        ['forbidden', '"Fatshan" should be "Foshan" (forbidden form)'],
      ],
    );
    // Fix-all leaves the university's name alone.
    const fix = (await client.connection.sendRequest('termlint/fixAll', { textDocument: { uri } })) as { documentChanges: TextDocumentEdit[] };
    const fixed = applyTextEdits(client.doc(uri).getText(), fix.documentChanges[0]!.edits as TextEdit[]);
    assert.equal(fixed, 'Ferries from Zhuhai to Macao, and Foshan.\n\nShe studied at the University of Macau.\n');
    await client.close(uri);
  });

  it('hovers: every language, the superseded note, which lists contributed, and why an exception is not reported', async () => {
    const uri = ws.uri('hover.md');
    const text = 'From Zhuhai to Macao. The University of Macau.\n';
    await client.open(uri, 'markdown', text);
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    const zhuhai = ((await client.hover(uri, { line: 0, character: 6 }))?.contents as MarkupContent).value;
    assert.match(zhuhai, /forbidden `Chuhai` \(superseded; Old postal spelling\.\)/);
    assert.match(zhuhai, /珠海 \(zh-Hans\)/);
    assert.match(zhuhai, /珠海市 \(zh-Hant\)/);
    const macao = ((await client.hover(uri, { line: 0, character: text.indexOf('Macao') + 1 }))?.contents as MarkupContent).value;
    assert.match(macao, /\[delta\.tbx:\d+\]\(.*delta\.tbx#L\d+\): Macao, Macau \(forbidden\) {2}\n\[team\.terms\.json:3\]\(.*team\.terms\.json#L3\): Macao, exceptions: University of Macau/);
    const excepted = await client.hover(uri, { line: 0, character: text.indexOf('Macau') + 1 });
    assert.match((excepted?.contents as MarkupContent).value, /✓ part of `University of Macau`, an exception: not reported \(Official name\.\)/);
    assert.deepEqual(excepted?.range, { start: { line: 0, character: text.indexOf('Macau') }, end: { line: 0, character: text.indexOf('Macau') + 5 } });
    await client.close(uri);
  });

  it('follows the TBX file on disk: edited, broken (diagnostics in it, last good list kept), fixed', async () => {
    const uri = ws.uri('watch.md');
    await client.open(uri, 'markdown', 'Boats to Chuhai and Chuhoi.\n');
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    // Edited: a second forbidden spelling.
    const edited = TBX.replace('<note>Old postal spelling.</note></termSec>', '<note>Old postal spelling.</note></termSec>\n          <termSec><term>Chuhoi</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>');
    ws.write('delta.tbx', edited);
    await client.watchedFileChanged(tbxUri);
    await client.diagnosticsOf(uri, (d) => d.length === 2);
    // Broken: an end tag that closes the wrong element.
    const broken = edited.replace('<term>Chuhoi</term>', '<term>Chuhoi</trem>');
    ws.write('delta.tbx', broken);
    await client.watchedFileChanged(tbxUri);
    const problems = await client.pushedFor(tbxUri, (d) => d.length > 0);
    const at = broken.indexOf('</trem>');
    const line = broken.slice(0, at).split('\n').length - 1;
    assert.equal(problems[0]!.range.start.line, line);
    assert.equal(problems[0]!.range.start.character, at - broken.lastIndexOf('\n', at) - 1);
    assert.equal(problems[0]!.severity, DiagnosticSeverity.Error);
    assert.equal(problems[0]!.code, 'term-file');
    assert.equal(problems[0]!.message, 'Malformed XML: </trem> does not close <term>');
    // The last good list still holds: both spellings are still caught.
    await client.replace(uri, 'Boats', 'Ships');
    await client.diagnosticsOf(uri, (d) => d.length === 2);
    // Fixed: the problems go, the list is the new one.
    ws.write('delta.tbx', TBX);
    await client.watchedFileChanged(tbxUri);
    assert.deepEqual(await client.pushedFor(tbxUri, (d) => d.length === 0), []);
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    await client.close(uri);
  });

  it('follows unsaved edits of an open TBX file, and shows its problems as its own diagnostics', async () => {
    const uri = ws.uri('live.md');
    await client.open(uri, 'markdown', 'The Zhuhay ferry.\n');
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    await client.open(tbxUri, 'xml', TBX);
    await client.replace(tbxUri, '<term>Zhuhai</term>', '<term>Zhuhay</term>');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.replace(tbxUri, 'preferredTerm-admn-sts</termNote></termSec>\n          <termSec><term>Chuhai', 'best</termNote></termSec>\n          <termSec><term>Chuhai');
    const ds = await client.diagnosticsOf(tbxUri, (d) => d.length > 0);
    assert.match(String(ds[0]!.message), /^Unknown administrative status "best"/);
    await client.close(tbxUri);
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    await client.close(uri);
  });

  it('"Add to the term list" on a TBX term writes to the workspace term file, never to the TBX', async () => {
    const uri = ws.uri('admit.md');
    await client.open(uri, 'markdown', 'Ferries from Chuhai.\n');
    const [d] = await client.diagnosticsOf(uri, (ds) => ds.length === 1);
    const actions = await client.codeActions(uri, d!.range, [d!], ['quickfix']);
    const admit = actions.find((a) => a.title === 'Add "Chuhai" to the term list as admitted')!;
    assert.ok(admit, actions.map((a) => a.title).join('\n'));
    const targets = (admit.edit!.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : 'uri' in c ? c.uri : ''));
    assert.ok(targets.every((t) => t === ws.uri('.vscode/termlint.terms.json')), targets.join());
    await client.applyEdit(admit.edit!);
    assert.equal(fs.readFileSync(path.join(ws.root, 'delta.tbx'), 'utf8'), TBX);
    const written = JSON.parse(fs.readFileSync(path.join(ws.root, '.vscode/termlint.terms.json'), 'utf8')) as { terms: unknown[] };
    assert.deepEqual(written.terms, [{ term: 'Zhuhai', admitted: ['Chuhai'] }]);
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Created);
    // Merged with the TBX entry: "Chuhai" is now admitted, so it is no longer reported.
    await client.diagnosticsOf(uri, (ds) => ds.length === 0);
    fs.rmSync(path.join(ws.root, '.vscode'), { recursive: true });
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Deleted);
    await client.diagnosticsOf(uri, (ds) => ds.length === 1);
    await client.close(uri);
  });
});
