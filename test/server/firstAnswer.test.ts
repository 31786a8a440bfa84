/**
 * The first answer is right: a document opened and pulled before the workspace's term lists have loaded is
 * answered with those lists, not with none. The fake editor holds its answers to `workspace/configuration`
 * (which the first scan of the term lists needs) until the first pull has been sent, so the pull always
 * arrives before the lists can have loaded; and it never honours `workspace/diagnostic/refresh`, so a wrong
 * first answer would stay until the next edit.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { TestClient, makeWorkspace, type Mode } from './lspClient';

const DRAFT = 'Firms in guangdong build prodforces.\n';
const EXPECTED = [
  ['case', 'guangdong'],
  ['forbidden', 'prodforces'],
];

function kinds(ds: readonly Diagnostic[], text: string): string[][] {
  const lines = text.split('\n');
  return ds.map((d) => [String(d.code), lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]);
}

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server: the first answer comes after the term lists have loaded (${mode})`, () => {
    it('a document opened and checked before the workspace lists loaded gets their findings first time', async () => {
      const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const client = await TestClient.start({ mode, workspace: ws.root, settings: NO_BUNDLED, refreshSupport: false, holdConfiguration: held });
      try {
        const uri = ws.uri('draft.md');
        if (mode === 'pull') {
          await client.open(uri, 'markdown', DRAFT);
          const first = client.pull(uri);
          // The first scan is waiting for the editor's settings: the pull is in before any list is.
          await (client.configurationRequests.all.length > 0 ? Promise.resolve() : client.configurationRequests.next());
          release();
          const report = await first;
          assert.equal(report.kind, 'full');
          assert.deepEqual(kinds(report.kind === 'full' ? report.items : [], DRAFT), EXPECTED);
          assert.equal(client.refreshes.all.length, 0, 'a client without refreshSupport is never asked to refresh');
        } else {
          const published = client.diagnostics.next((p) => p.uri === uri);
          await client.open(uri, 'markdown', DRAFT);
          await (client.configurationRequests.all.length > 0 ? Promise.resolve() : client.configurationRequests.next());
          release();
          // The first diagnostics published for the document are already the right ones.
          const p = await published;
          assert.deepEqual(kinds(p.diagnostics, DRAFT), EXPECTED);
        }
      } finally {
        release();
        await client.shutdown();
        ws.remove();
      }
    });
  });
}
