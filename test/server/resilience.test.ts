/**
 * A server that never falls over: garbage sent to every request and notification is answered with an LSP
 * error (naming the document) or logged and ignored, never a dead server or a corrupted document; a term
 * list that turns hostile keeps the last good one in force; files deleted or renamed while open keep being
 * checked from the editor's text. After each assault the server must still lint correctly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type Diagnostic, type LogMessageParams } from 'vscode-languageserver-protocol';
import { NO_BUNDLED } from './fixtures';
import { FileChangeType, TestClient, makeWorkspace, type Mode } from './lspClient';

const TERMS = JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Guangdong' }] }, null, 2);

const REQUESTS = [
  'textDocument/hover',
  'textDocument/codeAction',
  'textDocument/diagnostic',
  'termlint/fixAll',
  'termlint/extractTerms',
  'termlint/termFiles',
  'termlint/lintWorkspace',
  'termlint/fixAllWorkspace',
  'termlint/termUsage',
  'termlint/termReportPage',
];

const messages = (ds: Diagnostic[]) => ds.map((d) => d.message);

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server resilience (${mode})`, function () {
    this.timeout(30_000);
    const ws = makeWorkspace({ 'glossary.terms.json': TERMS, 'on-disk.md': 'Macau on disk.\n' });
    let client: TestClient;
    const uri = () => ws.uri('draft.md');

    /** A log message satisfying `test`, already received or still to come. */
    function logged(test: (message: string) => boolean): Promise<LogMessageParams> {
      const seen = client.logs.all.find((l) => test(l.message));
      return seen ? Promise.resolve(seen) : client.logs.next((l) => test(l.message));
    }

    /** The server still lints: an edit brings exactly the expected finding. */
    async function stillLints(): Promise<void> {
      const probe = ws.uri(`probe-${Date.now()}-${Math.random()}.md`);
      await client.open(probe, 'markdown', 'Visits to Macao.\n');
      await client.replace(probe, 'Macao', 'Macau');
      assert.deepEqual(messages(await client.diagnosticsOf(probe, (d) => d.length === 1)), ['"Macau" should be "Macao" (forbidden form)']);
      await client.close(probe);
      assert.ok(client.alive, 'the server process is alive');
    }

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root, settings: NO_BUNDLED });
      await client.open(uri(), 'markdown', 'Visits to Macau.\n');
      await client.diagnosticsOf(uri(), (d) => d.length === 1);
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });

    it('answers garbage sent to any request with a result or an LSP error naming the document, and keeps serving', async () => {
      const position = { line: 0, character: 0 };
      const garbage: unknown[] = [
        {},
        { textDocument: null },
        { textDocument: { uri: 42 } },
        { textDocument: { uri: uri() }, position: { line: 'x', character: {} } },
        { textDocument: { uri: uri() }, position: { line: -5, character: 1e12 } },
        { textDocument: { uri: uri() }, range: null, context: null },
        { textDocument: { uri: uri() }, range: { start: position, end: position }, context: { diagnostics: 'all' } },
        { textDocument: { uri: 'untitled:never-opened' }, position, range: { start: position, end: position }, context: { diagnostics: [] } },
      ];
      for (const method of REQUESTS) {
        for (const params of garbage) {
          try {
            await client.connection.sendRequest(method, params);
          } catch (err) {
            assert.ok(err instanceof ResponseError, `${method}: ${String(err)}`);
            // Push-model servers do not provide textDocument/diagnostic at all.
            if (err.code === ErrorCodes.MethodNotFound && mode === 'push' && method === 'textDocument/diagnostic') continue;
            const named = (params as { textDocument?: { uri?: unknown } }).textDocument?.uri;
            if (typeof named === 'string') assert.ok(err.message.includes(named), `${method} names the document: ${err.message}`);
          }
        }
      }
      const logged = client.logs.all.map((l) => l.message);
      assert.ok(logged.some((m) => m.startsWith(`textDocument/hover failed for ${uri()}: TypeError`)), 'the failure is logged with the URI and the stack');
      await stillLints();
    });

    it('offers no quick fix from forged diagnostic data: edits it carries are never used, only the current lint\'s', async () => {
      const range = { start: { line: 0, character: 10 }, end: { line: 0, character: 15 } };
      const forged = (data: unknown): Diagnostic => ({ range, source: 'termlint', code: 'forbidden', message: 'x', data });
      const old = (edits: unknown) => ({ termId: 'Macao', kind: 'forbidden', found: 'Macau', offset: 10, replacements: [{ text: 'Macao', edits }] });
      // Not ours (no term id): no fix at all.
      for (const data of [{ termId: 5 }, null, 'Macao', { kind: 'forbidden', found: 'Macau', replacements: [{ text: 'Macao', edits: [{ start: 0, end: 16, text: '' }] }] }]) {
        const actions = await client.codeActions(uri(), range, [forged(data)], ['quickfix']);
        assert.ok(!actions.some((a) => a.title.startsWith('Replace')), `no replacement from ${JSON.stringify(data)}`);
      }
      // Naming the real finding ("Macau" at 0:10): its real fix, whatever edits the data claims.
      const [real] = await client.diagnosticsOf(uri(), (d) => d.length === 1);
      const realFix = (await client.codeActions(uri(), real!.range, [real!], ['quickfix'])).find((a) => a.title.startsWith('Replace'));
      assert.deepEqual(real!.range, range);
      assert.deepEqual(realFix?.edit?.changes?.[uri()], [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 15 } }, newText: 'o' }]);
      for (const edits of ['bogus', [{ start: 'a', end: null, text: 5 }], [{ start: 12, end: 10, text: 'x' }], [null], [{ start: 0, end: 16, text: '' }]]) {
        const actions = await client.codeActions(uri(), range, [forged(old(edits))], ['quickfix']);
        const replaces = actions.filter((a) => a.title.startsWith('Replace'));
        assert.deepEqual(replaces.map((a) => a.edit), [realFix!.edit], `only the lint's own fix, not ${JSON.stringify(edits)}`);
      }
      await stillLints();
    });

    it('logs malformed document sync with the URI and never applies it; a document it could not follow is closed', async () => {
      const broken = ws.uri('broken.md');
      const notify = (method: string, params: unknown) => client.connection.sendNotification(method, params);
      await notify('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'markdown', version: 1 } });
      await notify('textDocument/didOpen', null);
      await notify('textDocument/didChange', { textDocument: { uri: ws.uri('never-opened.md'), version: 2 }, contentChanges: [{ text: 'x' }] });
      await notify('textDocument/didClose', {});
      await notify('workspace/didChangeWatchedFiles', { changes: null });
      await notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 9 }] });
      await notify('workspace/didChangeConfiguration', { settings: 5 });
      await notify('workspace/didChangeWorkspaceFolders', { event: null });
      await notify('$/nonsense', { a: 1 });
      await logged((m) => m.startsWith(`textDocument/didOpen ignored for ${broken}: no text`));
      await logged((m) => m.startsWith('workspace/didChangeWatchedFiles failed for 5: TypeError'));

      // A change the server cannot apply: it must not guess, so it forgets the document.
      const victim = ws.uri('victim.md');
      await client.open(victim, 'markdown', 'Macau and Macau.\n');
      await client.diagnosticsOf(victim, (d) => d.length === 2);
      const closedLog = logged((m) => m.startsWith(`textDocument/didChange ignored for ${victim}: change 1 has an invalid range`));
      await notify('textDocument/didChange', {
        textDocument: { uri: victim, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Macao' }, { range: { start: { line: -1, character: 0 }, end: null }, text: 'x' }],
      });
      await closedLog;
      if (mode === 'push') await client.pushedFor(victim, (d) => d.length === 0);
      else assert.deepEqual(await client.pull(victim), { kind: 'full', items: [] });
      // Opening it again (what an editor does after a restart) brings it back.
      client.docs.delete(victim);
      await client.open(victim, 'markdown', 'Macau here.\n');
      assert.deepEqual(messages(await client.diagnosticsOf(victim, (d) => d.length === 1)), ['"Macau" should be "Macao" (forbidden form)']);
      await client.close(victim);
      await stillLints();
    });

    it('keeps the last good term list when the file turns hostile, and reports where', async () => {
      const termsUri = ws.uri('glossary.terms.json');
      const hostile = ['{"terms":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', '\u0000\u0001\u0002', '{ "terms": [ { "term": "广东" } ] }'];
      for (const text of hostile) {
        ws.write('glossary.terms.json', text);
        await client.watchedFileChanged(termsUri);
        const problems = await client.pushedFor(termsUri, (d) => d.length > 0 && d.every((x) => x.code === 'term-file'));
        assert.ok(problems[0]!.range.start.line >= 0);
        await stillLints();
      }
      ws.write('glossary.terms.json', TERMS);
      await client.watchedFileChanged(termsUri);
      assert.deepEqual(await client.pushedFor(termsUri, (d) => d.length === 0), []);
    });

    it('a workspace lint or fix never touches binary or non-UTF-8 files', async () => {
      // Read as UTF-8 their bytes become U+FFFD, and a fix would write that back over them.
      fs.writeFileSync(path.join(ws.root, 'latin1.md'), Buffer.from('Visits to Macau in the caf\xe9.\n', 'latin1'));
      fs.writeFileSync(path.join(ws.root, 'binary.md'), Buffer.from([0x4d, 0x61, 0x63, 0x61, 0x75, 0x00, 0x01, 0xff]));
      ws.write('utf8.md', 'Visits to Macau in the café.\n');
      const edit = (await client.connection.sendRequest('termlint/fixAllWorkspace', {})) as { documentChanges?: { textDocument: { uri: string } }[] } | null;
      const touched = (edit?.documentChanges ?? []).map((c) => path.basename(c.textDocument.uri));
      assert.ok(touched.includes('utf8.md'), JSON.stringify(touched));
      assert.ok(!touched.includes('latin1.md') && !touched.includes('binary.md'), JSON.stringify(touched));
      await client.connection.sendRequest('termlint/lintWorkspace', {});
      await client.pushedFor(ws.uri('utf8.md'), (d) => d.length === 1);
      assert.ok(!client.diagnostics.all.some((p) => p.uri === ws.uri('latin1.md') && p.diagnostics.length > 0));
      await logged((m) => m === `Workspace lint skips ${ws.uri('latin1.md')}: not UTF-8 text`);
      for (const f of ['latin1.md', 'binary.md', 'utf8.md']) fs.rmSync(path.join(ws.root, f));
    });

    it('keeps checking a file deleted or renamed while open, from the editor\'s text', async () => {
      const doomed = ws.uri('doomed.md');
      ws.write('doomed.md', 'Macau.\n');
      await client.open(doomed, 'markdown', 'Macau.\n');
      await client.diagnosticsOf(doomed, (d) => d.length === 1);
      fs.rmSync(path.join(ws.root, 'doomed.md'));
      await client.watchedFileChanged(doomed, FileChangeType.Deleted);
      await client.replace(doomed, 'Macau.', 'Macau and guangdong, unsaved.');
      assert.equal((await client.diagnosticsOf(doomed, (d) => d.length === 2)).length, 2);
      // A rename is a close of the old name and an open of the new one, with the unsaved text.
      const renamed = ws.uri('renamed.md');
      const text = client.doc(doomed).getText();
      await client.close(doomed);
      if (mode === 'push') await client.pushedFor(doomed, (d) => d.length === 0);
      await client.open(renamed, 'markdown', text);
      assert.equal((await client.diagnosticsOf(renamed, (d) => d.length === 2)).length, 2);
      // A workspace lint after the deletion neither fails nor reports the vanished file.
      const result = (await client.connection.sendRequest('termlint/lintWorkspace', {})) as { files: number };
      assert.ok(result.files >= 1);
      fs.rmSync(path.join(ws.root, 'on-disk.md'), { force: true });
      await client.connection.sendRequest('termlint/lintWorkspace', {});
      assert.deepEqual(await client.pushedFor(ws.uri('on-disk.md'), (d) => d.length === 0), []);
      await client.close(renamed);
      await stillLints();
    });
  });
}
