/**
 * The language server with a project configuration at the workspace folder's root: its settings and overrides per
 * document, the client's settings over it, edits on disk and in the editor, a broken version shown in the file
 * (with quick fixes for misspelt keys) while the last good one stays in force; and the same quick fix in a term
 * file, whose collisions are shown where the user typed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { NO_BUNDLED, TERMS_TEXT } from './fixtures';
import { FileChangeType, TestClient, makeWorkspace, type Mode } from './lspClient';

const DRAFT = 'The productivityforces of Guang dong.\n';
const CONFIG = JSON.stringify({ useBundledTerms: false, severity: { split: 'off' }, overrides: [{ files: ['published/**'], severity: { joined: 'error' } }] }, null, 2) + '\n';

const severities = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.severity]);

for (const mode of ['pull', 'push'] as Mode[]) {
  describe(`server project configuration (${mode})`, () => {
    const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT, 'termlint.config.json': CONFIG });
    let client: TestClient;
    const draft = ws.uri('drafts/a.md');
    const published = ws.uri('published/b.md');
    const config = ws.uri('termlint.config.json');

    before(async () => {
      client = await TestClient.start({ mode, workspace: ws.root });
      await client.open(draft, 'markdown', DRAFT);
      await client.open(published, 'markdown', DRAFT);
    });
    after(async () => {
      await client.shutdown();
      ws.remove();
    });

    it('applies its settings, and its overrides to the documents they match', async () => {
      assert.deepEqual(severities(await client.diagnosticsOf(draft, (d) => d.length === 1)), [['joined', DiagnosticSeverity.Warning]]);
      assert.deepEqual(severities(await client.diagnosticsOf(published, (d) => d.length === 1)), [['joined', DiagnosticSeverity.Error]]);
      assert.ok(client.logs.all.some((l) => l.message.startsWith(`Project configuration ${config}: 2 setting(s), 1 override`)), 'logged');
    });

    it('settings the client sends win over it (VS Code sends only those the user set)', async () => {
      await client.changeSettings({ severity: { joined: 'hint' } });
      assert.deepEqual(severities(await client.diagnosticsOf(published, (d) => d[0]?.severity === DiagnosticSeverity.Hint)), [['joined', DiagnosticSeverity.Hint]]);
      // The rest of the configuration still holds: split stays off, the bundled list stays out.
      await client.changeSettings({});
      assert.deepEqual(severities(await client.diagnosticsOf(published, (d) => d[0]?.severity === DiagnosticSeverity.Error)), [['joined', DiagnosticSeverity.Error]]);
    });

    it('follows the file on disk', async () => {
      ws.write('termlint.config.json', JSON.stringify({ useBundledTerms: false, severity: { split: 'error' } }));
      await client.watchedFileChanged(config);
      assert.deepEqual(severities(await client.diagnosticsOf(published, (d) => d.length === 2)), [['joined', DiagnosticSeverity.Warning], ['split', DiagnosticSeverity.Error]]);
      ws.write('termlint.config.json', CONFIG);
      await client.watchedFileChanged(config);
      await client.diagnosticsOf(published, (d) => d.length === 1 && d[0]!.severity === DiagnosticSeverity.Error);
    });

    it('a broken edit in the editor: problems in the file with quick fixes, the last good version in force', async () => {
      const broken = CONFIG.replace('"split": "off"', '"split": "of"').replace('"overrides"', '"overides"');
      await client.open(config, 'jsonc', CONFIG);
      assert.deepEqual(await client.diagnosticsOf(config, (d) => d.length === 0), []);
      await client.replace(config, CONFIG, broken);
      const problems = await client.diagnosticsOf(config, (d) => d.length === 2);
      assert.deepEqual(problems.map((d) => [d.code, d.severity, d.message]), [
        ['config-file', DiagnosticSeverity.Error, '"of" is not a value "severity.split" takes: use "error", "warning", "information", "hint" or "off" (did you mean "off"?)'],
        ['config-file', DiagnosticSeverity.Error, 'Unknown key "overides": did you mean "overrides"?'],
      ]);
      const at = broken.indexOf('"of"');
      assert.deepEqual(problems[0]!.range.start, { line: broken.slice(0, at).split('\n').length - 1, character: at - broken.lastIndexOf('\n', at) - 1 });
      // The documents keep the last good configuration.
      assert.deepEqual(severities(await client.diagnosticsOf(published)), [['joined', DiagnosticSeverity.Error]]);

      const actions = await client.codeActions(config, problems[1]!.range, [problems[1]!]);
      const fix = actions.find((a) => a.title === 'Change "overides" to "overrides"');
      assert.ok(fix?.isPreferred, JSON.stringify(actions));
      await client.applyEdit(fix!.edit!);
      const [first] = await client.codeActions(config, problems[0]!.range, [problems[0]!]);
      assert.equal(first?.title, 'Change "of" to "off"');
      await client.applyEdit(first!.edit!);
      assert.equal(client.doc(config).getText(), CONFIG);
      await client.diagnosticsOf(config, (d) => d.length === 0);
      await client.close(config);
    });

    it('a broken file that is not open has its problems pushed, and cleared once fixed', async () => {
      ws.write('termlint.config.json', '{ "fuzzy": "no" }');
      await client.watchedFileChanged(config);
      const message = '"fuzzy" must be true or false (or { "enabled": true|false })';
      const pushed = await client.pushedFor(config, (d) => d.length === 1 && d[0]!.message === message);
      assert.equal(pushed[0]!.code, 'config-file');
      ws.write('termlint.config.json', CONFIG);
      await client.watchedFileChanged(config);
      await client.pushedFor(config, (d) => d.length === 0);
    });

    it('a deleted file: back to the client settings and the defaults', async () => {
      fs.rmSync(path.join(ws.root, 'termlint.config.json'));
      await client.watchedFileChanged(config, FileChangeType.Deleted);
      // The bundled list is back and split is reported again.
      await client.diagnosticsOf(published, (d) => d.some((x) => x.code === 'split') && d.every((x) => x.severity === DiagnosticSeverity.Warning));
      ws.write('termlint.config.json', CONFIG);
      await client.watchedFileChanged(config, FileChangeType.Created);
      await client.diagnosticsOf(published, (d) => d.length === 1 && d[0]!.severity === DiagnosticSeverity.Error);
    });

    it('a document of a deleted configuration, still open in the editor, does not bring it back', async () => {
      const joined = (severity: DiagnosticSeverity) => (d: Diagnostic[]) => d.some((x) => x.code === 'joined' && x.severity === severity);
      await client.open(config, 'jsonc', JSON.stringify({ useBundledTerms: false, severity: { joined: 'hint' } }));
      await client.diagnosticsOf(published, joined(DiagnosticSeverity.Hint));
      fs.rmSync(path.join(ws.root, 'termlint.config.json'));
      await client.watchedFileChanged(config, FileChangeType.Deleted);
      await client.diagnosticsOf(published, joined(DiagnosticSeverity.Warning));
      // VS Code re-sends such a document to a restarted server, or the user types in it: still no configuration.
      await client.close(config);
      const notUsed = (l: { message: string }) => l.message === `Project configuration ${config} is open but not on disk (deleted): not used until it is saved`;
      const reopened = client.logs.next(notUsed);
      await client.open(config, 'jsonc', JSON.stringify({ useBundledTerms: false, severity: { joined: 'hint' } }));
      await reopened;
      const typed = client.logs.next(notUsed);
      await client.replace(config, '"hint"', '"error"');
      await typed;
      assert.ok((await client.diagnosticsOf(published)).every((d) => d.severity === DiagnosticSeverity.Warning));
      assert.ok(client.logs.all.some((l) => l.message === `Project configuration ${config} is gone: back to the settings alone`));
      await client.close(config);
      ws.write('termlint.config.json', CONFIG);
      await client.watchedFileChanged(config, FileChangeType.Created);
      await client.diagnosticsOf(published, (d) => d.length === 1 && d[0]!.severity === DiagnosticSeverity.Error);
    });

    it('tells the client the languages the configuration names, when they change', async () => {
      assert.deepEqual(client.projectLanguages.all[0], [], 'at start: none named');
      const named = client.projectLanguages.next((l) => l.length > 0);
      ws.write('termlint.config.json', JSON.stringify({ useBundledTerms: false, languages: ['markdown', 'latex'] }));
      await client.watchedFileChanged(config);
      assert.deepEqual(await named, ['latex', 'markdown']);
      const tex = ws.uri('notes.tex');
      await client.open(tex, 'latex', 'The productivityforces.\n');
      assert.deepEqual((await client.diagnosticsOf(tex, (d) => d.length === 1)).map((d) => d.code), ['joined']);
      await client.close(tex);
      const back = client.projectLanguages.next((l) => l.length === 0);
      ws.write('termlint.config.json', CONFIG);
      await client.watchedFileChanged(config);
      assert.deepEqual(await back, []);
    });

    it('a workspace lint applies the overrides file by file', async () => {
      ws.write('published/c.md', DRAFT);
      ws.write('drafts/d.md', DRAFT);
      await client.connection.sendRequest('termlint/lintWorkspace', {});
      assert.deepEqual(severities(await client.pushedFor(ws.uri('published/c.md'))), [['joined', DiagnosticSeverity.Error]]);
      assert.deepEqual(severities(await client.pushedFor(ws.uri('drafts/d.md'))), [['joined', DiagnosticSeverity.Warning]]);
    });
  });
}

describe('server term files: people-friendly problems', () => {
  const ws = makeWorkspace({ 'glossary.terms.json': TERMS_TEXT });
  let client: TestClient;
  const terms = ws.uri('glossary.terms.json');

  before(async () => {
    client = await TestClient.start({ workspace: ws.root, settings: NO_BUNDLED });
  });
  after(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('a misspelt key gets a quick fix to the known key', async () => {
    await client.open(terms, 'json', TERMS_TEXT);
    const typo = TERMS_TEXT.replace('"admitted"', '"admited"');
    await client.replace(terms, TERMS_TEXT, typo);
    const [problem] = await client.diagnosticsOf(terms, (d) => d.length === 1);
    assert.equal(problem!.message, 'Unknown property "admited": did you mean "admitted"?');
    const actions = await client.codeActions(terms, problem!.range, [problem!]);
    assert.deepEqual(actions.map((a) => a.title), ['Change "admited" to "admitted"']);
    await client.applyEdit(actions[0]!.edit!);
    assert.equal(client.doc(terms).getText(), TERMS_TEXT);
    await client.diagnosticsOf(terms, (d) => d.length === 0);
  });

  it('a contradiction typed near the top is shown there, pointing at the older entry', async () => {
    const added = TERMS_TEXT.replace('"terms": [\n', '"terms": [\n    { "term": "prodforces" },\n');
    await client.replace(terms, client.doc(terms).getText(), added);
    const [problem] = await client.diagnosticsOf(terms, (d) => d.length === 1);
    assert.match(problem!.message as string, /^Contradiction: "prodforces" \(terms\[1\]\.forbidden\[0\]\) is forbidden, but "prodforces" is an approved form at terms\[0\]\.term$/);
    assert.equal(problem!.range.start.line, added.split('\n').indexOf('    { "term": "prodforces" },'), 'on the line just typed');
    assert.equal(problem!.relatedInformation?.[0]?.location.range.start.line, added.slice(0, added.indexOf('"prodforces"\n')).split('\n').length - 1);
    await client.close(terms);
  });

  it('logs each reload of a term list, with what it gives', async () => {
    const logged = (l: { message: string }) => l.message === 'Term lists: glossary.terms.json changed on disk; checking again';
    const next = client.logs.next(logged);
    ws.write('glossary.terms.json', TERMS_TEXT.replace('"Guangdong"', '"Guangzhou"'));
    await client.watchedFileChanged(terms);
    await next;
    const edited = client.logs.next((l) => l.message.startsWith('Term list glossary.terms.json edited: '));
    await client.open(terms, 'json', TERMS_TEXT);
    await client.replace(terms, '"high-quality development"', '"high-quality development", "admitted": 3');
    assert.equal((await edited).message, 'Term list glossary.terms.json edited: 1 error; keeping its last good version (3 terms)');
    await client.close(terms);
  });
});
