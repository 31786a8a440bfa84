/**
 * Property tests over the language server, spawned and spoken to over JSON-RPC: a generated sequence of
 * incremental edits (several changes per notification, ranges anywhere, surrogate pairs and CRLF included),
 * with diagnostics pulled or fix-all requested in between without waiting. Whatever the sequence:
 * - every diagnostics result the server gives refers to a version the client had, and equals what the engine
 *   finds in the client's text of that version (so the server's copy of the text is the client's);
 * - a pull overtaken by an edit is cancelled (ServerCancelled), never answered with stale diagnostics;
 * - fix-all edits are versioned and, applied to that version, give what the engine's fix-all gives;
 * - after the last edit the diagnostics are those of the last version.
 * `npm run test:fuzz` runs FUZZ_RUNS / 100 sequences of 40–60 steps (about 100,000 edits at FUZZ_RUNS=100000).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LSPErrorCodes, ResponseError, type Diagnostic, type PublishDiagnosticsParams, type Range, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compileTerms } from '../../server/src/core/compile';
import { fixToFixedPoint } from '../../server/src/core/fixPoint';
import { lintText } from '../../server/src/core/lint';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { FixAllRequest } from '../../server/src/protocol';
import { fcParams, hostilePiece, runs, variantOf } from '../helpers/arbitraries';
import { NO_BUNDLED } from './fixtures';
import { TestClient, makeWorkspace, type Mode } from './lspClient';

const TERMS = {
  terms: [
    { term: 'Guangdong' },
    { term: 'Hong Kong' },
    { term: 'Macao', forbidden: ['Macau'] },
    { term: 'high-quality development' },
    { term: 'new quality productivity forces', admitted: ['new quality productive forces'] },
    { term: 'Shenzhen' },
  ],
};
const FORMS = TERMS.terms.flatMap((t) => [t.term, ...(t.admitted ?? []), ...(t.forbidden ?? [])]);
const compiled = compileTerms([parseTermFile(JSON.stringify(TERMS), 'glossary.terms.json').list!]);

/** What the server must report for `text`: the engine's findings, positioned on the client's copy. */
function expectedDiagnostics(text: string, languageId: string): string[] {
  const doc = TextDocument.create('x:', languageId, 0, text);
  const { findings } = lintText(text, compiled, { format: languageId === 'markdown' ? 'markdown' : 'plaintext' });
  return findings.map((f) => describe1(doc.positionAt(f.start), doc.positionAt(f.end), f.kind, f.message));
}

function describe1(start: Range['start'], end: Range['end'], code: unknown, message: string): string {
  return `${start.line}:${start.character}-${end.line}:${end.character} ${String(code)} ${message}`;
}

function described(ds: Diagnostic[]): string[] {
  return ds.map((d) => describe1(d.range.start, d.range.end, d.code, typeof d.message === 'string' ? d.message : d.message.value));
}

/** One edit: replace `deleted` code units at a position (both taken modulo the text) with `text`. */
interface EditSpec {
  at: number;
  deleted: number;
  text: string;
}

const insertion = fc.oneof(
  { weight: 2, arbitrary: hostilePiece },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FORMS), fc.nat(), fc.nat()).map(([f, k, at]) => ` ${variantOf(f, k, at)} `) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

const editSpec: fc.Arbitrary<EditSpec> = fc.record({ at: fc.nat(), deleted: fc.nat({ max: 12 }), text: insertion });

/** A step: one didChange with 1–3 changes, then maybe a pull or a fix-all request sent without waiting. */
interface Step {
  changes: EditSpec[];
  then: 'nothing' | 'pull' | 'fixAll';
}

const step: fc.Arbitrary<Step> = fc.record({
  changes: fc.array(editSpec, { minLength: 1, maxLength: 3 }),
  then: fc.constantFrom<Step['then']>('nothing', 'nothing', 'pull', 'fixAll'),
});

function sequence(minSteps: number, maxSteps: number) {
  return fc.record({
    initial: fc.array(fc.oneof(hostilePiece, fc.constantFrom(...FORMS).map((f) => ` ${f} `)), { maxLength: 30 }).map((p) => p.join('')),
    languageId: fc.constantFrom('markdown', 'plaintext'),
    steps: fc.array(step, { minLength: minSteps, maxLength: maxSteps }),
  });
}

/** LSP ranges for `specs` applied one after another to `text` (each relative to the previous result). */
function toChanges(text: string, specs: readonly EditSpec[]): { changes: { range: Range; text: string }[]; text: string } {
  const changes: { range: Range; text: string }[] = [];
  let current = text;
  for (const s of specs) {
    const doc = TextDocument.create('x:', 'plaintext', 0, current);
    const start = s.at % (current.length + 1);
    const end = Math.min(current.length, start + s.deleted);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    changes.push({ range, text: s.text });
    // Positions cannot point between CR and LF; the editor's own model decides what the text becomes.
    current = TextDocument.applyEdits(doc, [{ range, newText: s.text }]);
  }
  return { changes, text: current };
}

function isCancelled(err: unknown): boolean {
  return err instanceof ResponseError && err.code === LSPErrorCodes.ServerCancelled;
}

let counter = 0;

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server properties (${mode})`, function () {
    this.timeout(0);
    const ws = makeWorkspace({ 'glossary.terms.json': JSON.stringify(TERMS, null, 2) });
    let client: TestClient;
    let edits = 0;

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root, settings: NO_BUNDLED });
      // The term list is loaded once the server has scanned the workspace.
      const probe = ws.uri('probe.md');
      await client.open(probe, 'markdown', 'Macau');
      await client.diagnosticsOf(probe, (d) => d.length === 1);
      await client.close(probe);
    });
    after(async () => {
      assert.ok(client.alive, 'the server is still running');
      await client.shutdown();
      ws.remove();
      console.log(`      (${mode}: ${edits} incremental edits sent)`);
    });

    it('keeps its text identical to the client\'s, and answers only for the current version', async () => {
      // Fuzzing: long sequences (about 100 edits each), FUZZ_RUNS edits in all; by default 25 short ones.
      const fuzz = runs(0) > 0;
      const [minSteps, maxSteps] = fuzz ? [40, 60] : [1, 12];
      const sequences = fuzz ? Math.max(1, Math.ceil(runs(0) / 100)) : 25;
      await fc.assert(
        fc.asyncProperty(sequence(minSteps, maxSteps), async ({ initial, languageId, steps }) => {
          const uri = ws.uri(`doc${++counter}.${languageId === 'markdown' ? 'md' : 'txt'}`);
          const texts = new Map<number, string>();
          const pushed: PublishDiagnosticsParams[] = [];
          const onPush = client.diagnostics.all.length;
          const doc = await client.open(uri, languageId, initial);
          texts.set(doc.version, initial);
          const pending: Promise<void>[] = [];
          const after = (sentAt: number) => (v: number) => {
            assert.ok(texts.has(v), `version ${v} was never the client's`);
            assert.ok(v >= sentAt, `an answer for version ${v}, older than ${sentAt} when it was asked`);
          };

          for (const s of steps) {
            const { changes, text } = toChanges(doc.getText(), s.changes);
            await client.change(uri, changes);
            edits += changes.length;
            assert.equal(doc.getText(), text);
            texts.set(doc.version, text);
            const sentAt = doc.version;
            if (s.then === 'pull' && mode === 'pull') {
              pending.push(
                client.pull(uri).then(
                  (report) => {
                    // A full answer is for the version current when it was computed, which no later edit moved.
                    if (report.kind !== 'full') return;
                    const v = [...texts.keys()].filter((k) => k >= sentAt).find((k) => JSON.stringify(described(report.items)) === JSON.stringify(expectedDiagnostics(texts.get(k)!, languageId)));
                    assert.ok(v !== undefined, `pulled diagnostics match no version since ${sentAt}`);
                  },
                  (err: unknown) => assert.ok(isCancelled(err), `a pull failed: ${String(err)}`),
                ),
              );
            } else if (s.then === 'fixAll') {
              pending.push(
                (client.connection.sendRequest(FixAllRequest.method, { textDocument: { uri } }) as Promise<WorkspaceEdit | null>).then((edit) => {
                  if (!edit) return;
                  const change = edit.documentChanges?.[0] as TextDocumentEdit | undefined;
                  assert.ok(change && typeof change.textDocument.version === 'number', 'fix-all edits are versioned');
                  const v = change.textDocument.version!;
                  after(sentAt)(v);
                  const before = texts.get(v)!;
                  const fixed = TextDocument.applyEdits(TextDocument.create(uri, languageId, v, before), change.edits as TextEdit[]);
                  const lang = languageId === 'markdown' ? 'markdown' : 'plaintext';
                  const relint = (t: string) => lintText(t, compiled, { format: lang }).findings;
                  assert.equal(fixed, fixToFixedPoint(before, relint(before), relint).text, 'fix-all from the server = fix-all of the client text');
                }),
              );
            }
          }
          await Promise.all(pending);

          const final = expectedDiagnostics(doc.getText(), languageId);
          const got = await client.diagnosticsOf(uri, (d) => JSON.stringify(described(d)) === JSON.stringify(final));
          assert.deepEqual(described(got), final);
          if (mode === 'push') {
            pushed.push(...client.diagnostics.all.slice(onPush).filter((p) => p.uri === uri));
            for (const p of pushed) {
              assert.ok(p.version !== undefined && texts.has(p.version), `pushed for version ${String(p.version)}, which the client never had`);
              assert.deepEqual(described(p.diagnostics), expectedDiagnostics(texts.get(p.version)!, languageId), `pushed diagnostics of version ${p.version}`);
            }
          }
          await client.close(uri);
        }),
        { ...fcParams(sequences), numRuns: sequences },
      );
    });
  });
}
