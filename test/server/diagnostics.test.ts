import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace, type Mode } from './lspClient';

const DRAFT = '# Draft\n\nThe productivityforces of Guangdong grow.\n';

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${String(d.code)}:${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server diagnostics (${mode})`, () => {
    const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT });
    let client: TestClient;

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root, settings: NO_BUNDLED });
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });

    it('announces incremental sync, hover, code actions and the right diagnostics model', () => {
      const caps = client.initializeResult.capabilities;
      const sync = caps.textDocumentSync;
      assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
      assert.equal(caps.hoverProvider, true);
      const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
      assert.deepEqual(kinds, ['quickfix', 'source.fixAll.termlint']);
      if (mode === 'pull') assert.equal(caps.diagnosticProvider?.interFileDependencies, false);
      else assert.equal(caps.diagnosticProvider, undefined);
    });

    it('reports a finding with exact range, severity, code, message, data and related information', async () => {
      const uri = ws.uri('draft.md');
      await client.open(uri, 'markdown', DRAFT);
      const ds = await client.diagnosticsOf(uri, (d) => d.length > 0);
      assert.equal(ds.length, 1);
      const d = ds[0]!;
      assert.deepEqual(d.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } });
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(d.source, 'termlint');
      assert.equal(d.code, 'joined');
      assert.equal(d.message, '"productivityforces" should be "productivity forces" (joined words)');
      // Only the term's id: code actions look the finding up in the current lint (no replacements resent).
      assert.deepEqual(d.data, { termId: 'productivity forces' });
      // No child row in the Problems panel: the hover card links to the term's entry.
      assert.equal(d.relatedInformation, undefined);
      await client.close(uri);
    });

    it('follows incremental changes and positions later findings correctly', async () => {
      const uri = ws.uri('incremental.md');
      await client.open(uri, 'markdown', DRAFT);
      await client.diagnosticsOf(uri, (d) => d.length === 1);
      // Insert a line above: the finding moves down one line.
      await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Guang dong is a province.\n' }]);
      let ds = await client.diagnosticsOf(uri, (d) => d.length === 2);
      assert.deepEqual(codes(ds), ['split:1:0-1:10', 'joined:3:4-3:22']);
      // Fix one by typing a single character.
      await client.change(uri, [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 16 } }, text: ' ' }]);
      ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
      assert.deepEqual(codes(ds), ['split:1:0-1:10']);
      assert.equal(client.doc(uri).getText().includes('productivity forces of'), true);
      await client.close(uri);
    });

    it('lints plain text too, and leaves other languages alone', async () => {
      const txt = ws.uri('notes.txt');
      await client.open(txt, 'plaintext', 'We discussed high quality development.\n');
      const ds = await client.diagnosticsOf(txt, (d) => d.length > 0);
      assert.deepEqual(codes(ds), ['hyphen:0:13-0:37']);
      const js = ws.uri('code.js');
      await client.open(js, 'javascript', '// productivityforces\n');
      if (mode === 'pull') {
        const report = await client.pull(js);
        assert.equal(report.kind, 'full');
        assert.deepEqual(report.kind === 'full' ? report.items : undefined, []);
      } else {
        assert.deepEqual(await client.diagnosticsOf(js), []);
      }
      await client.close(txt);
      await client.close(js);
    });

    if (mode === 'push') {
      it('never publishes results for an older version', async () => {
        const uri = ws.uri('versions.md');
        await client.open(uri, 'markdown', 'Guang dong.\n');
        // A burst of edits: only the last version's result matters, and none older than what was already published.
        for (let i = 0; i < 5; i++) await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'productivityforces\n' }]);
        const final = await client.diagnosticsOf(uri, (d) => d.length === 6);
        assert.equal(final.length, 6);
        const versions = client.diagnostics.all.filter((p) => p.uri === uri).map((p) => p.version!);
        assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
        assert.ok(versions.every((v) => v >= 1 && v <= 6));
        assert.equal(versions.at(-1), 6);
        await client.close(uri);
        const cleared = await client.pushedFor(uri, (d) => d.length === 0);
        assert.deepEqual(cleared, []);
      });
    } else {
      it('answers "unchanged" for a result the client already has', async () => {
        const uri = ws.uri('unchanged.md');
        await client.open(uri, 'markdown', DRAFT);
        await client.diagnosticsOf(uri, (d) => d.length === 1);
        const first = await client.pull(uri);
        assert.equal(first.kind, 'full');
        const again = await client.pull(uri, first.resultId);
        assert.equal(again.kind, 'unchanged');
        await client.replace(uri, 'productivityforces', 'productivity forces');
        const changed = await client.pull(uri, first.resultId);
        assert.equal(changed.kind, 'full');
        assert.deepEqual(changed.kind === 'full' ? changed.items : undefined, []);
        await client.close(uri);
      });

      it('answers "unchanged" when an edit leaves every diagnostic as it was, and the kept ones still fix the right span', async () => {
        const uri = ws.uri('unchanged-edit.md');
        await client.open(uri, 'markdown', DRAFT);
        await client.diagnosticsOf(uri, (d) => d.length === 1);
        const first = await client.pull(uri);
        assert.ok(first.kind === 'full' && first.items.length === 1);
        // Typing in the heading moves every offset after it, but no diagnostic's line or column.
        const doc = await client.replace(uri, '# Draft', '# Draft two');
        const again = await client.pull(uri, first.resultId);
        assert.equal(again.kind, 'unchanged');
        // The client keeps the first report's diagnostic; its fix is looked up in the current text.
        const kept = first.items[0]!;
        const actions = await client.codeActions(uri, kept.range, [kept]);
        const fix = actions.find((a) => a.isPreferred);
        assert.ok(fix?.edit?.changes, 'a preferred quick fix');
        const edits = fix.edit.changes[uri]!;
        assert.equal(TextDocument.applyEdits(doc, edits), '# Draft two\n\nThe productivity forces of Guangdong grow.\n');
        // A change that moves the diagnostic is a full report.
        await client.replace(uri, 'The productivityforces', 'So the productivityforces');
        const moved = await client.pull(uri, first.resultId);
        assert.equal(moved.kind, 'full');
        await client.close(uri);
      });
    }

    it('keeps working after a malformed request, answering it with an error', async () => {
      const uri = ws.uri('robust.md');
      await client.open(uri, 'markdown', DRAFT);
      await assert.rejects(
        client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
        (err: Error & { code?: number }) => err.code === -32603 && /codeAction failed for .*robust\.md/.test(err.message),
      );
      assert.ok(client.alive);
      const ds = await client.diagnosticsOf(uri, (d) => d.length === 1);
      assert.equal(ds[0]!.code, 'joined');
      const logged = client.logs.all.some((l) => l.message.includes('robust.md') && l.message.includes('textDocument/codeAction'));
      assert.ok(logged, 'the failure is logged with the document URI');
      await client.close(uri);
    });
  });
}
