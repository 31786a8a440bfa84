/**
 * Translation pairs in the language server: a translation open in the editor gets its translation findings
 * against its source (read from the disk, or the editor's text when the source is open too), with the source
 * block as related information and a quick fix; an edit of the source, opening a source that did not exist and
 * closing an edited one re-lint the translation by themselves; the hover on a term of the translation shows the
 * source sentence it renders; `termlint/counterpart` finds the aligned blocks both ways. Pairs declared in the
 * settings, and the check switched off.
 *
 * The sources are German, as in the CLI's pair tests: the engine matches the concepts' forms in a German text
 * with the matchers it has, so which concept a source uses comes from the linter as it is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType, TestClient, applyTextEdits, makeWorkspace, type Mode } from './lspClient';

const TERMS = JSON.stringify({
  terms: [
    { term: 'Guangdong', languages: { de: { approved: 'Guangdong' } } },
    { term: 'Macao', forbidden: ['Macau'], languages: { de: { approved: 'Macao' } } },
    { term: 'Shenzhen', languages: { de: { approved: 'Shenzhen' } } },
    { term: 'Hong Kong', languages: { de: { approved: 'Hongkong' } } },
    { term: 'Nansha', languages: { de: { approved: 'Nansha' } } },
    { term: 'Zhuhai', languages: { de: { approved: 'Zhuhai' } } },
  ],
});

const SOURCE = `# Bericht

Guangdong und Macao arbeiten enger zusammen. Die Fähren fahren täglich.

Shenzhen baut neue Labore.

- Nansha wächst.
`;

const TARGET = `# Report

Guangdong and Macau work more
closely together. The ferries run daily.

The city builds new laboratories.

- Nansha grows.
`;

interface Counterpart {
  uri: string;
  lang: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const translations = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'translation');
/** Each translation diagnostic's start and the text of the translation it covers (every test's target reads TARGET). */
const targetDoc = TextDocument.create('file:///target.md', 'markdown', 1, TARGET);
const summary = (ds: Diagnostic[]) => translations(ds).map((d) => [d.range.start.line, d.range.start.character, targetDoc.getText(d.range)]);

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server: translation pairs (${mode})`, () => {
    const ws = makeWorkspace({ 'terms.terms.json': TERMS, 'bericht.de.md': SOURCE, 'bericht.en.md': TARGET, 'notes/plan.md': 'Zhuhai and Macao.\n' });
    const target = ws.uri('bericht.en.md');
    const source = ws.uri('bericht.de.md');
    let client: TestClient;

    /**
     * Does `edit` (of another document) and waits until the server says the translation changed: a pull client
     * is asked to pull again (the editor pulls a document only when it changes, or when asked); a push client
     * gets the translation's new diagnostics, read by `diagnosticsOf` after this.
     */
    async function followed(edit: () => Promise<unknown>): Promise<void> {
      const refreshed = mode === 'pull' ? client.refreshes.next() : undefined;
      await edit();
      await refreshed;
    }

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root, settings: { useBundledTerms: false } });
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });

    it('a translation open alone is checked against its source on disk: the finding, its related source block, its quick fix', async () => {
      await client.open(target, 'markdown', TARGET);
      const ds = await client.diagnosticsOf(target, (d) => translations(d).length === 2);
      assert.deepEqual(summary(ds), [
        [2, 14, 'Macau'],
        [5, 0, 'The city builds new laboratories.'],
      ]);
      const [macau, shenzhen] = translations(ds);
      assert.match(text(macau!), /Macao/);
      assert.deepEqual(
        macau!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.message]),
        [[source, 2, 14, `the source's "Macao"`]],
      );
      assert.match(text(shenzhen!), /Shenzhen/);
      assert.equal(shenzhen!.relatedInformation?.[0]?.location.range.start.line, 4);
      // The ordinary kinds still apply: the forbidden spelling is also a finding of its own.
      assert.ok(ds.some((d) => d.code === 'forbidden' && d.range.start.line === 2), JSON.stringify(ds.map((d) => d.code)));
      const actions = await client.codeActions(target, macau!.range, [macau!]);
      const fix = actions.find((a) => a.isPreferred || a.title.includes('Macao'));
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      const edits = Object.values(fix.edit?.changes ?? {})[0] ?? (fix.edit?.documentChanges?.[0] as { edits: TextEdit[] } | undefined)?.edits ?? [];
      assert.equal(applyTextEdits(TARGET, edits).split('\n')[2], 'Guangdong and Macao work more');
    });

    it('the hover on a term of the translation shows the source sentence it renders, with a link to it', async () => {
      const hover = await client.hover(target, { line: 2, character: 2 });
      const value = (hover?.contents as MarkupContent).value;
      assert.match(value, /Source, \[bericht\.de\.md:3\]\(file:[^)]*bericht\.de\.md#L3\): Guangdong und Macao arbeiten enger zusammen\./);
      // The sentence, not the block: the ferries are the next sentence.
      assert.doesNotMatch(value, /Fähren/);
      const nansha = await client.hover(target, { line: 7, character: 4 });
      assert.match((nansha?.contents as MarkupContent).value, /Source, \[bericht\.de\.md:7\]\([^)]*\): Nansha wächst\./);
      // A finding with no rendering at all (the block's first line): the source sentence with the missing term.
      const city = await client.hover(target, { line: 5, character: 6 });
      assert.match((city?.contents as MarkupContent).value, /Source, \[bericht\.de\.md:5\]\([^)]*\): Shenzhen baut neue Labore\./);
    });

    it('termlint/counterpart: the aligned source block of a place in the translation, and back', async () => {
      const up = (await client.connection.sendRequest('termlint/counterpart', { textDocument: { uri: target }, position: { line: 3, character: 4 }, want: 'source' })) as Counterpart[];
      assert.deepEqual(
        up.map((c) => [c.uri, c.lang, c.range.start.line, c.range.end.line]),
        [[source, 'de', 2, 2]],
      );
      await client.open(source, 'markdown', SOURCE);
      const down = (await client.connection.sendRequest('termlint/counterpart', { textDocument: { uri: source }, position: { line: 6, character: 3 }, want: 'translation' })) as Counterpart[];
      assert.deepEqual(
        down.map((c) => [c.uri, c.lang, c.range.start.line, c.range.start.character]),
        [[target, 'en', 7, 2]],
      );
      // A document in no pair has no counterpart either way.
      const other = ws.uri('notes/plan.md');
      await client.open(other, 'markdown', 'Zhuhai and Macao.\n');
      for (const want of ['source', 'translation']) {
        assert.deepEqual(await client.connection.sendRequest('termlint/counterpart', { textDocument: { uri: other }, position: { line: 0, character: 0 }, want }), []);
      }
      await client.close(other);
    });

    it("the translation's diagnostics follow edits of the source, and go back to the disk's text when the source is closed", async () => {
      // The source (open since the last test) now says Zhuhai where it said Shenzhen.
      await followed(() => client.replace(source, 'Shenzhen baut', 'Zhuhai baut'));
      const ds = await client.diagnosticsOf(target, (d) => translations(d).some((x) => text(x).includes('Zhuhai')));
      assert.deepEqual(summary(ds), [
        [2, 14, 'Macau'],
        [5, 0, 'The city builds new laboratories.'],
      ]);
      // Macao dropped from the source: its translation's Macau is no translation finding any more.
      await followed(() => client.replace(source, 'Guangdong und Macao', 'Guangdong und Hongkong'));
      const after = await client.diagnosticsOf(target, (d) => !translations(d).some((x) => x.range.start.line === 2 && text(x).includes('Macao')));
      assert.ok(
        translations(after).some((x) => text(x).includes('Hong Kong')),
        JSON.stringify(translations(after).map((x) => text(x))),
      );
      // Closed without saving: the source is the disk's again.
      await followed(() => client.close(source));
      const back = await client.diagnosticsOf(target, (d) => translations(d).some((x) => text(x).includes('Shenzhen')));
      assert.deepEqual(summary(back), [
        [2, 14, 'Macau'],
        [5, 0, 'The city builds new laboratories.'],
      ]);
    });

    it('a source created after its translation was opened is found when it opens', async () => {
      const lone = ws.uri('memo.en.md');
      await client.open(lone, 'markdown', 'Macao signs.\n');
      const before = await client.diagnosticsOf(lone, (d) => d.length === 0);
      assert.deepEqual(before, []);
      // Unsaved: the editor has it, the disk does not.
      await followed(() => client.open(ws.uri('memo.de.md'), 'markdown', 'Zhuhai unterzeichnet.\n'));
      const ds = await client.diagnosticsOf(lone, (d) => translations(d).length === 1);
      assert.match(text(translations(ds)[0]!), /Zhuhai/);
      await followed(() => client.close(ws.uri('memo.de.md')));
      await client.diagnosticsOf(lone, (d) => translations(d).length === 0);
      await client.close(lone);
    });

    it('a source no editor has open, changed, deleted or created on disk, re-lints its open translation', async () => {
      // The server asks the client to watch the files a source can be, once it reads one from disk.
      const globs = await client.watchedGlobs((g) => g.some((x) => x.includes(',md,') || x.includes('{md,')));
      assert.match(globs[0]!, /^\*\*\/\*\.\{.*\bmd\b.*\btxt\b.*\bhtml\b.*\}$/);
      ws.write('brief.de.md', 'Shenzhen baut.\n');
      const brief = ws.uri('brief.en.md');
      ws.write('brief.en.md', 'The city builds.\n');
      await client.open(brief, 'markdown', 'The city builds.\n');
      await client.diagnosticsOf(brief, (d) => translations(d).length === 1 && text(translations(d)[0]!).includes('Shenzhen'));
      // Another tool (a pull, a checkout) rewrites the source: the file watcher says so.
      ws.write('brief.de.md', 'Zhuhai baut.\n');
      await followed(() => client.watchedFileChanged(ws.uri('brief.de.md'), FileChangeType.Changed));
      await client.diagnosticsOf(brief, (d) => translations(d).length === 1 && text(translations(d)[0]!).includes('Zhuhai'));
      fs.rmSync(path.join(ws.root, 'brief.de.md'));
      await followed(() => client.watchedFileChanged(ws.uri('brief.de.md'), FileChangeType.Deleted));
      await client.diagnosticsOf(brief, (d) => translations(d).length === 0);
      ws.write('brief.de.md', 'Nansha baut.\n');
      await followed(() => client.watchedFileChanged(ws.uri('brief.de.md'), FileChangeType.Created));
      await client.diagnosticsOf(brief, (d) => translations(d).length === 1 && text(translations(d)[0]!).includes('Nansha'));
      await client.close(brief);
    });
  });
}

// Once with an editor that takes refreshes in at once, once with a busy one: the refresh that opening the
// translation causes (its source, linted for it, was never pulled) then arrives while the steps below are under way.
for (const refreshDelayMs of [0, 30]) {
  describe(`server: a translation whose report the editor dropped (pull${refreshDelayMs ? ', an editor slow to take refreshes in' : ''})`, () => {
    const ws = makeWorkspace({ 'terms.terms.json': TERMS, 'bericht.de.md': SOURCE, 'bericht.en.md': TARGET });
    const target = ws.uri('bericht.en.md');
    const source = ws.uri('bericht.de.md');
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ mode: 'pull', workspace: ws.root, settings: { useBundledTerms: false }, refreshDelayMs });
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });

    // VS Code drops a pulled report that comes back while its document is not visible (and keeps the one it had):
    // the server's last answer is then not what the editor shows, and a later edit of the source that leaves the
    // translation's findings as the server last answered them must still ask the editor to pull again.
    it('is pulled again after the next edit of its source, though the findings are those the server last answered', async () => {
      await client.open(source, 'markdown', SOURCE);
      await client.open(target, 'markdown', TARGET);
      await client.diagnosticsOf(target, (d) => translations(d).some((x) => text(x).includes('Shenzhen')));
      // Opening the translation has the server lint its source for it and ask for a pull (the source was never
      // pulled): that refresh is not one of the steps' below, which count refreshes.
      await client.refreshesSettled();
      const held = await client.pull(target);
      assert.equal(held.kind, 'full');
      const heldId = held.resultId!;
      // The source changes what the translation must render; the editor is asked to pull, pulls, and drops the answer.
      const refreshed = client.refreshes.next();
      await client.replace(source, 'Shenzhen baut', 'Zhuhai baut');
      await refreshed;
      const dropped = await client.pull(target, heldId);
      assert.equal(dropped.kind, 'full');
      assert.notEqual(dropped.resultId, heldId);
      // An edit of the source that changes nothing the translation is checked against.
      const again = client.refreshes.next().then(() => 'refreshed');
      await client.replace(source, 'täglich', 'jeden Tag');
      assert.equal(await Promise.race([again, new Promise((r) => setTimeout(() => r('no refresh within 5 s'), 5000))]), 'refreshed');
      const now = await client.pull(target, heldId);
      assert.equal(now.kind, 'full', 'the editor, still holding the old report, gets the new one');
      assert.ok(now.kind === 'full' && translations(now.items).some((x) => text(x).includes('Zhuhai')));
      // Once the editor's pulls say it holds it, a further edit of the same kind asks for nothing.
      assert.equal((await client.pull(target, now.resultId)).kind, 'unchanged');
      const none = client.refreshes.next().then(() => 'refreshed');
      await client.replace(source, 'jeden Tag', 'taeglich');
      assert.equal(await Promise.race([none, new Promise((r) => setTimeout(() => r('none'), 1500))]), 'none');
    });
  });
}

describe('server: translation pairs declared in the settings, and switched off', () => {
  const ws = makeWorkspace({
    'terms.terms.json': TERMS,
    'original/bericht.md': SOURCE,
    'translated/report.md': TARGET,
    'bericht.de.md': SOURCE,
    'bericht.en.md': TARGET,
  });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({
      workspace: ws.root,
      settings: { useBundledTerms: false, translation: { pairs: [{ source: 'original/bericht.md', target: 'translated/report.md', sourceLanguage: 'de' }] } },
    });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('a pair whose names do not say so, declared in termlint.translation.pairs', async () => {
    const uri = ws.uri('translated/report.md');
    await client.open(uri, 'markdown', TARGET);
    const ds = await client.diagnosticsOf(uri, (d) => translations(d).length === 2);
    assert.deepEqual(summary(ds), [
      [2, 14, 'Macau'],
      [5, 0, 'The city builds new laboratories.'],
    ]);
    assert.equal(translations(ds)[0]!.relatedInformation?.[0]?.location.uri, ws.uri('original/bericht.md'));
    await client.close(uri);
  });

  it('termlint.translation.enabled false: no translation findings, the ordinary ones stay', async () => {
    const uri = ws.uri('bericht.en.md');
    await client.open(uri, 'markdown', TARGET);
    await client.diagnosticsOf(uri, (d) => translations(d).length === 2);
    await client.changeSettings({ useBundledTerms: false, translation: { enabled: false } });
    const ds = await client.diagnosticsOf(uri, (d) => translations(d).length === 0);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['forbidden'],
    );
  });
});
