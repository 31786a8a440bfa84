/**
 * Workspace-wide requests: lint every matching file (diagnostics for unopened files are pushed, with
 * progress), fix all files in one WorkspaceEdit, fix one file, and list the term files in force. In a folder
 * whose `termlint.variants.scope` is `workspace`, its files are linted together: variants are counted across
 * all of them, for the report and for the fixes.
 */
import type { Connection, Disposable, TextDocumentEdit, TextEdit, TextDocuments, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLinter } from '../linting';
import { FixAllRequest, FixAllWorkspaceRequest, LintWorkspaceRequest, TermFilesRequest, type LintWorkspaceResult, type TermFileInfo } from '../protocol';
import { computeFixAll, fixAllOffsetEdits, fixAllTogether, toTextEdits } from '../fixAll';
import type { DiagnosticsPublisher } from '../publisher';
import type { SettingsStore } from '../settings';
import type { TermStore } from '../termLists';
import { guardRequest, type Logger } from '../util';
import type { WorkspaceFile, WorkspaceFiles } from '../workspaceFiles';

export { languageOfPath } from '../workspaceFiles';

export interface WorkspaceLintDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  terms: TermStore;
  settings: SettingsStore;
  files: WorkspaceFiles;
  logger: Logger;
  publisher: DiagnosticsPublisher;
  documentChanges: boolean;
}

/** The files of folders linted together, by folder: each file's document (open, or read from disk). */
type Together = Map<string, { file: WorkspaceFile; doc: TextDocument; open: boolean }[]>;

export function registerWorkspaceLint(deps: WorkspaceLintDeps): Disposable {
  const { connection, documents, linter, terms, logger, publisher } = deps;
  /** Unopened files the last workspace lint published diagnostics for. */
  let published = new Set<string>();
  const workspaceFiles = () => deps.files.list();
  const progress = deps.files.progress.bind(deps.files);
  const load = (file: Parameters<WorkspaceFiles['load']>[0]) => deps.files.load(file, 'Workspace lint');

  /** Whether the folder's files are linted together (its settings' variant scope is `workspace`). */
  async function togetherIn(folder: string): Promise<boolean> {
    const s = await deps.settings.get(folder);
    return s.variants.scope === 'workspace';
  }

  function addTo(grouped: Together, file: WorkspaceFile, doc: TextDocument, open: boolean): void {
    let members = grouped.get(file.folder);
    if (!members) grouped.set(file.folder, (members = []));
    members.push({ file, doc, open });
  }

  const subscriptions: Disposable[] = [];
  subscriptions.push(
    connection.onRequest(
      LintWorkspaceRequest,
      guardRequest(logger, LintWorkspaceRequest.method, () => undefined, async (params, token): Promise<LintWorkspaceResult> => {
        const p = await progress(params, token);
        try {
          p.reporter.begin('Termlint: linting workspace', 0, 'Finding files…', true);
          const files = await workspaceFiles();
          const result: LintWorkspaceResult = { files: 0, findings: 0, skipped: 0 };
          const now = new Set<string>();
          const grouped: Together = new Map();
          for (const [i, file] of files.entries()) {
            if (p.token.isCancellationRequested) break;
            p.reporter.report(Math.floor((i / Math.max(1, files.length)) * 100), `${i + 1}/${files.length} ${decodeURIComponent(file.uri.replace(/.*\//, ''))}`);
            const open = documents.get(file.uri);
            const group = await togetherIn(file.folder);
            if (open) {
              if (group && linter.applies(open, await deps.settings.get(open.uri))) {
                addTo(grouped, file, open, true);
                continue;
              }
              const outcome = await linter.lint(open);
              result.files++;
              if (outcome.status === 'linted') result.findings += outcome.diagnostics.length;
              continue;
            }
            const { doc, tooLarge } = await load(file);
            if (tooLarge) {
              result.skipped++;
              publisher.publishUnopened(file.uri, [tooLarge]);
              now.add(file.uri);
              continue;
            }
            if (!doc) continue;
            if (group) {
              addTo(grouped, file, doc, false);
              continue;
            }
            const outcome = await linter.lint(doc, { cache: false, settingsUri: file.folder });
            result.files++;
            if (outcome.status !== 'linted') continue;
            result.findings += outcome.diagnostics.length;
            publisher.publishUnopened(file.uri, outcome.diagnostics);
            now.add(file.uri);
          }
          let anyOpen = false;
          for (const [folder, members] of grouped) {
            if (p.token.isCancellationRequested) break;
            const outcomes = await linter.lintTogether(members.map((m) => m.doc), folder);
            members.forEach((m, i) => {
              result.files++;
              result.findings += outcomes[i]!.diagnostics.length;
              if (m.open) anyOpen = true;
              else {
                publisher.publishUnopened(m.file.uri, outcomes[i]!.diagnostics);
                now.add(m.file.uri);
              }
            });
          }
          // Open documents show the variants counted across the workspace (until they are edited).
          if (anyOpen) publisher.refreshAll();
          // Files fixed or deleted since the last run lose their old results.
          for (const uri of published) if (!now.has(uri)) publisher.publishUnopened(uri, []);
          published = now;
          return result;
        } finally {
          p.reporter.done();
          p.dispose();
        }
      }),
    ),
    connection.onRequest(
      FixAllWorkspaceRequest,
      guardRequest(logger, FixAllWorkspaceRequest.method, () => undefined, async (params, token): Promise<WorkspaceEdit | null> => {
        const p = await progress(params, token);
        try {
          p.reporter.begin('Termlint: fixing workspace', 0, 'Finding files…', true);
          const changes: (TextDocumentEdit & { edits: TextEdit[] })[] = [];
          const files = await workspaceFiles();
          const grouped: Together = new Map();
          for (const [i, file] of files.entries()) {
            if (p.token.isCancellationRequested) return null;
            p.reporter.report(Math.floor((i / Math.max(1, files.length)) * 100));
            const open = documents.get(file.uri);
            const group = await togetherIn(file.folder);
            if (open) {
              if (group && linter.applies(open, await deps.settings.get(open.uri))) {
                addTo(grouped, file, open, true);
                continue;
              }
              const fix = await computeFixAll(linter, open);
              if (fix && fix.edits.length) changes.push({ textDocument: { uri: file.uri, version: fix.version }, edits: fix.edits });
              continue;
            }
            const { doc } = await load(file);
            if (!doc) continue;
            if (group) {
              addTo(grouped, file, doc, false);
              continue;
            }
            const outcome = await linter.lint(doc, { cache: false, settingsUri: file.folder });
            if (outcome.status !== 'linted') continue;
            const edits = toTextEdits(doc, fixAllOffsetEdits(outcome));
            if (edits.length) changes.push({ textDocument: { uri: file.uri, version: null }, edits });
          }
          for (const [folder, members] of grouped) {
            if (p.token.isCancellationRequested) return null;
            const fixes = await fixAllTogether(linter, members.map((m) => m.doc), folder);
            members.forEach((m, i) => {
              const edits = toTextEdits(m.doc, fixes[i]!);
              if (edits.length) changes.push({ textDocument: { uri: m.file.uri, version: m.open ? m.doc.version : null }, edits });
            });
          }
          if (changes.length === 0) return null;
          if (deps.documentChanges) return { documentChanges: changes };
          return { changes: Object.fromEntries(changes.map((c) => [c.textDocument.uri, c.edits])) };
        } finally {
          p.reporter.done();
          p.dispose();
        }
      }),
    ),
    connection.onRequest(
      FixAllRequest,
      guardRequest(logger, FixAllRequest.method, (p) => p.textDocument.uri, async (params): Promise<WorkspaceEdit | null> => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return null;
        const fix = await computeFixAll(linter, doc);
        if (!fix || fix.edits.length === 0) return null;
        if (deps.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: fix.version }, edits: fix.edits }] };
        return { changes: { [doc.uri]: fix.edits } };
      }),
    ),
    connection.onRequest(
      TermFilesRequest,
      guardRequest(logger, TermFilesRequest.method, (p) => p.uri, async (params) => {
        const files: TermFileInfo[] = terms.all().map((f) => ({
          uri: f.uri,
          bundled: f.bundled,
          ...(f.list?.title ? { title: f.list.title } : {}),
          terms: f.list?.terms.length ?? 0,
          problems: f.problems.length,
        }));
        const uri = params.uri ?? terms.folders()[0];
        const workspaceTermFile = uri ? terms.workspaceTermFileFor(uri, await deps.settings.get(uri)) : undefined;
        return workspaceTermFile ? { files, workspaceTermFile } : { files };
      }),
    ),
  );
  return {
    dispose() {
      for (const s of subscriptions) s.dispose();
    },
  };
}
