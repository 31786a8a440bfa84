/**
 * Chinese findings and the term lists, over a real JSON-RPC connection: "Add to the term list" writes a Han form
 * into the entry's block for the document's script (its own JSON list), or into the workspace term file for a
 * shipped list (one entry per concept, a second form beside the first); "Ignore in this workspace" takes a Han
 * spelling; and Chinese exceptions (the bundled list's constitutional wording, an ignore phrase) hold for the
 * diagnostics, fix-all and the hover.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FileChangeType, TestClient, makeWorkspace } from './lspClient';

const TEAM = JSON.stringify({ terms: [{ term: 'Qianhai Cooperation Zone', languages: { 'zh-Hans': { approved: '前海合作区' }, 'zh-Hant': { approved: '前海合作區' } } }, { term: 'GDP' }] }, null, 2) + '\n';

describe('server: Chinese findings, term-list edits and exceptions', function () {
  this.timeout(30_000);
  const ws = makeWorkspace({ 'team.terms.json': TEAM });
  let client: TestClient;
  const workspaceFile = () => path.join(ws.root, '.vscode', 'termlint.terms.json');

  before(async () => {
    client = await TestClient.start({ workspace: ws.root });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  async function actionsFor(uri: string, code: string): Promise<CodeAction[]> {
    const ds = await client.diagnosticsOf(uri, (d) => d.some((x) => x.code === code));
    const d = ds.find((x) => x.code === code)!;
    return client.codeActions(uri, d.range, [d], ['quickfix']);
  }

  it("admits a Han misspelling into its entry's zh-Hans block in the team's own list", async () => {
    const uri = ws.uri('team.zh.md');
    await client.open(uri, 'markdown', '深化前海合做区建设。\n');
    const admit = (await actionsFor(uri, 'misspelling')).find((a) => a.title === 'Add "前海合做区" to the term list as admitted');
    assert.ok(admit);
    await client.applyEdit(admit.edit!);
    const written = JSON.parse(fs.readFileSync(path.join(ws.root, 'team.terms.json'), 'utf8')) as { terms: { languages: Record<string, { approved: string; admitted?: string[] }> }[] };
    assert.deepEqual(written.terms[0]!.languages['zh-Hans'], { approved: '前海合作区', admitted: ['前海合做区'] });
    assert.deepEqual(written.terms[0]!.languages['zh-Hant'], { approved: '前海合作區' }, 'the other script is left alone');
    await client.watchedFileChanged(ws.uri('team.terms.json'));
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    fs.writeFileSync(path.join(ws.root, 'team.terms.json'), TEAM);
    await client.watchedFileChanged(ws.uri('team.terms.json'));
    await client.close(uri);
  });

  it('admits a form of a shipped concept into the workspace term file, and a second one into the same entry', async () => {
    const a = ws.uri('bay.zh.md');
    const b = ws.uri('bay2.zh.md');
    await client.open(a, 'markdown', '建设粤港澳大弯区。\n');
    await client.open(b, 'markdown', '推进粤港澳大湾去。\n');
    const first = (await actionsFor(a, 'misspelling')).find((x) => x.title === 'Add "粤港澳大弯区" to the term list as admitted')!;
    assert.ok(first);
    await client.applyEdit(first.edit!);
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Created);
    await client.diagnosticsOf(a, (d) => d.length === 0);
    const second = (await actionsFor(b, 'misspelling')).find((x) => x.title === 'Add "粤港澳大湾去" to the term list as admitted')!;
    assert.ok(second);
    await client.applyEdit(second.edit!);
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'));
    await client.diagnosticsOf(b, (d) => d.length === 0);
    await client.diagnosticsOf(a, (d) => d.length === 0);
    const written = JSON.parse(fs.readFileSync(workspaceFile(), 'utf8')) as { terms: unknown[] };
    assert.deepEqual(written.terms, [
      { term: 'Guangdong-Hong Kong-Macao Greater Bay Area', languages: { 'zh-Hans': { approved: '粤港澳大湾区', admitted: ['粤港澳大弯区', '粤港澳大湾去'] } } },
    ]);
    fs.rmSync(path.join(ws.root, '.vscode'), { recursive: true });
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Deleted);
    await client.diagnosticsOf(a, (d) => d.length === 1);
    await client.close(a);
    await client.close(b);
  });

  it('offers no "Add" for a width finding (typography, never a form) or an inconsistent one, but "Ignore" for any', async () => {
    const uri = ws.uri('width.zh.md');
    await client.open(uri, 'markdown', '全省ＧＤＰ增长。\n');
    const titles = (await actionsFor(uri, 'width')).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Add ')), titles.join('\n'));
    assert.ok(titles.some((t) => t.startsWith('Ignore ')), titles.join('\n'));
    await client.close(uri);
    const mixed = ws.uri('mixed.zh.md');
    await client.open(mixed, 'markdown', '共赢。双赢。双赢。\n');
    const inconsistent = (await actionsFor(mixed, 'inconsistent')).map((a) => a.title);
    assert.ok(!inconsistent.some((t) => t.startsWith('Add ')), inconsistent.join('\n'));
    await client.close(mixed);
  });

  it('ignores a Han spelling in this workspace: no longer reported, and its hover says why', async () => {
    const uri = ws.uri('ignore.zh-Hans.md');
    const text = '澳門大學在横琴。\n';
    await client.open(uri, 'markdown', text);
    const ignore = (await actionsFor(uri, 'script')).find((a) => a.title === 'Ignore "澳門" in this workspace')!;
    assert.ok(ignore);
    await client.applyEdit(ignore.edit!);
    const created = JSON.parse(fs.readFileSync(workspaceFile(), 'utf8')) as { ignore: string[] };
    assert.deepEqual(created.ignore, ['澳門']);
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Created);
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    const hover = await client.hover(uri, { line: 0, character: 1 });
    assert.match((hover?.contents as MarkupContent).value, /✓ part of `澳門`, an exception: not reported/);
    fs.rmSync(path.join(ws.root, '.vscode'), { recursive: true });
    await client.watchedFileChanged(ws.uri('.vscode/termlint.terms.json'), FileChangeType.Deleted);
    await client.diagnosticsOf(uri, (d) => d.length === 1);
    await client.close(uri);
  });

  it("keeps the bundled list's constitutional wording: not reported, not counted, not fixed, and hovered", async () => {
    const uri = ws.uri('winwin.zh.md');
    const text = '实现双赢。\n\n双赢合作，坚持互利共赢开放战略，共赢发展。\n';
    await client.open(uri, 'markdown', text);
    const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
    // 双赢 twice against one 共赢: the one in the wording does not count, and only the last 共赢 is reported.
    assert.deepEqual([ds[0]!.code, ds[0]!.range.start.character], ['inconsistent', text.split('\n')[2]!.lastIndexOf('共赢')]);
    const inside = text.split('\n')[2]!.indexOf('互利共赢') + 2;
    const hover = await client.hover(uri, { line: 2, character: inside + 1 });
    assert.match((hover?.contents as MarkupContent).value, /✓ part of `互利共赢开放战略`, an exception: not reported \(Fixed wording of the Constitution/);
    const edit = (await client.connection.sendRequest('termlint/fixAll', { textDocument: { uri } })) as WorkspaceEdit;
    await client.applyEdit(edit);
    assert.equal(client.doc(uri).getText(), '实现双赢。\n\n双赢合作，坚持互利共赢开放战略，双赢发展。\n');
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    await client.close(uri);
  });
  it("the bundled list's Chinese abbreviation: 大湾区 before the full name is reported, fixed by naming it in full, and hovered", async () => {
    const uri = ws.uri('abbr.zh.md');
    const text = '大湾区的高校受益。\n\n粤港澳大湾区建设提速，大湾区企业受益。\n';
    await client.open(uri, 'markdown', text);
    const ds = await client.diagnosticsOf(uri, (d) => d.some((x) => x.code === 'abbreviation'));
    const d = ds.find((x) => x.code === 'abbreviation')!;
    assert.deepEqual([d.range.start, d.range.end], [{ line: 0, character: 0 }, { line: 0, character: 3 }]);
    assert.match(String(d.message), /"大湾区" should be "粤港澳大湾区" \(abbreviation: used before its full name "粤港澳大湾区"\)/);
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range.start), [{ line: 2, character: 0 }]);
    const hover = await client.hover(uri, { line: 0, character: 1 });
    assert.match((hover?.contents as MarkupContent).value, /\*\*大湾区\*\* · abbreviation[\s\S]*"大湾区" before "粤港澳大湾区"/);
    const fix = (await client.codeActions(uri, d.range, [d], ['quickfix'])).find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred quick fix');
    await client.applyEdit(fix.edit!);
    assert.equal(client.doc(uri).getText(), '粤港澳大湾区的高校受益。\n\n粤港澳大湾区建设提速，大湾区企业受益。\n');
    await client.diagnosticsOf(uri, (d2) => !d2.some((x) => x.code === 'abbreviation'));
    await client.close(uri);
  });
});
