/**
 * The extension's commands. Each one is a thin call to the server (Termlint's own requests, typed by
 * server/src/protocol.ts, which both sides import) followed by an editor action.
 */
import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { ExtractTermsRequest, FixAllRequest, FixAllWorkspaceRequest, LintWorkspaceRequest, TermFilesRequest, type TermFilesResult } from '../../server/src/protocol';
import type { TermReportPanels } from './reportPanel';
import { REVEAL_COMMAND, isUseLocation, revealUse } from './reveal';
import { OPEN_SOURCE_COMMAND, OPEN_TRANSLATION_COMMAND, openCounterpart } from './sideBySide';
import type { TermsView } from './termsView';
import type { ReportScope } from './usage';

export interface CommandDeps {
  client: () => LanguageClient;
  output: vscode.LogOutputChannel;
  restart: () => Promise<void>;
  /** Settles when the restarts asked for so far are done (a new client is running). */
  restarted: () => Promise<void>;
  terms: TermsView;
  reports: TermReportPanels;
}

/**
 * What "Open term report" reports on: the scope of a Terms view row it was run from, a document it was given,
 * or the document the Terms view shows; the workspace when there is none.
 */
function reportScope(arg: unknown, terms: TermsView): ReportScope {
  if (arg === 'workspace') return { kind: 'workspace' };
  const scope = (arg as { type?: string; scope?: ReportScope } | undefined)?.type === 'scope' ? (arg as { scope?: ReportScope }).scope : undefined;
  if (scope) return scope;
  const uri = arg instanceof vscode.Uri || typeof arg === 'string' ? targetUri(arg) : terms.shownDocument;
  return uri ? { kind: 'document', uri } : { kind: 'workspace' };
}

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  return vscode.window.activeTextEditor?.document.uri;
}

async function applyServerEdit(client: LanguageClient, edit: WorkspaceEdit | null): Promise<boolean> {
  if (!edit) return false;
  const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
  return vscode.workspace.applyEdit(converted);
}

const NEW_TERM_FILE = JSON.stringify({ title: 'Workspace terms', terms: [] }, null, 2) + '\n';

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { output } = deps;

  /**
   * Runs a command body, reporting failures to the user and the log instead of throwing into the void. A request
   * the client being replaced had in flight (the project configuration named other languages, so the extension
   * restarts with a new selector) fails with its connection: the command runs again on the new client, once.
   */
  const command = <A extends unknown[], R>(id: string, body: (...args: A) => Promise<R>) =>
    vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
      try {
        try {
          return await body(...args);
        } catch (err) {
          if (!isConnectionGone(err)) throw err;
          await deps.restarted();
          return await body(...args);
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        output.error(`${id} failed: ${message}`);
        void vscode.window.showErrorMessage(`Termlint: ${message}`);
        return undefined;
      }
    });

  return [
    command('termlint.fixAll', async (arg?: unknown) => {
      const uri = targetUri(arg);
      if (!uri) return false;
      const edit = await deps.client().sendRequest(FixAllRequest, { textDocument: { uri: uri.toString() } });
      return applyServerEdit(deps.client(), edit);
    }),

    command('termlint.fixAllWorkspace', async () => {
      const edit = await deps.client().sendRequest(FixAllWorkspaceRequest, {});
      if (!edit) {
        void vscode.window.showInformationMessage('Termlint: nothing to fix in this workspace.');
        return false;
      }
      // One WorkspaceEdit: a single undo reverts every file.
      return applyServerEdit(deps.client(), edit);
    }),

    command('termlint.lintWorkspace', async () => {
      const result = await deps.client().sendRequest(LintWorkspaceRequest, {});
      const skipped = result.skipped ? `, ${result.skipped} too large to check` : '';
      void vscode.window.showInformationMessage(`Termlint checked ${result.files} file${result.files === 1 ? '' : 's'}: ${result.findings} finding${result.findings === 1 ? '' : 's'}${skipped}.`);
      return result;
    }),

    command('termlint.openTermList', async (arg?: unknown) => {
      let target = arg instanceof vscode.Uri || typeof arg === 'string' ? targetUri(arg) : undefined;
      if (!target) {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        const result = await deps.client().sendRequest(TermFilesRequest, active ? { uri: active } : {});
        const own = result.files.filter((f) => !f.bundled);
        if (own.length === 1) target = vscode.Uri.parse(own[0]!.uri);
        else target = await pickTermFile(result);
      }
      if (!target) return undefined;
      if (target.scheme === 'file' && !(await exists(target))) {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(NEW_TERM_FILE));
      }
      const editor = await vscode.window.showTextDocument(target);
      return editor.document.uri.toString();
    }),

    command('termlint.createTermList', async (arg?: unknown) => {
      const uri = targetUri(arg);
      if (!uri) {
        void vscode.window.showInformationMessage('Termlint: open a Markdown or plain-text document first.');
        return undefined;
      }
      const { text } = await deps.client().sendRequest(ExtractTermsRequest, { textDocument: { uri: uri.toString() } });
      // Unsaved, but already named as Termlint finds term lists: Save writes it there, not to "Untitled-1.json",
      // which `**/*.terms.json` would never pick up.
      const target = await proposedTermFile(uri);
      const doc = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const count = (JSON.parse(text) as { terms?: unknown[] }).terms?.length ?? 0;
      void vscode.window.showInformationMessage(
        `Termlint proposes ${count} term${count === 1 ? '' : 's'} from ${basename(uri)}. Review them, then save (Ctrl+S): ` +
          `as ${vscode.workspace.asRelativePath(target)} it is used as a term list at once.`,
      );
      return doc.uri.toString();
    }),

    command('termlint.showOutput', async () => {
      output.show(true);
    }),

    command('termlint.restartServer', async () => {
      await deps.restart();
      deps.terms.invalidate();
    }),

    command('termlint.openTermReport', async (arg?: unknown) => {
      const panel = await deps.reports.open(reportScope(arg, deps.terms));
      return panel.report?.totals;
    }),

    command('termlint.openWorkspaceTermReport', async () => {
      const panel = await deps.reports.open({ kind: 'workspace' });
      return panel.report?.totals;
    }),

    command('termlint.refreshTerms', async () => {
      deps.terms.invalidate();
    }),

    // Both return the editor's document URI and selection, for the in-editor tests.
    command(OPEN_SOURCE_COMMAND, async (arg?: unknown) => revealed(await openCounterpart(deps.client(), 'source', arg))),
    command(OPEN_TRANSLATION_COMMAND, async (arg?: unknown) => revealed(await openCounterpart(deps.client(), 'translation', arg))),

    // The Terms view's rows run it: (document URI, 1-based location).
    command(REVEAL_COMMAND, async (uri?: unknown, loc?: unknown) => {
      if (typeof uri !== 'string' || !isUseLocation(loc)) return false;
      await revealUse(vscode.Uri.parse(uri), loc);
      return true;
    }),
  ];
}

/** The error of a request whose client was stopped while it waited (vscode-jsonrpc's wording). */
function isConnectionGone(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /connection got disposed|Client is not running|Connection is closed/i.test(message);
}

function revealed(editor: vscode.TextEditor | undefined): { uri: string; line: number; endLine: number } | undefined {
  return editor ? { uri: editor.document.uri.toString(), line: editor.selection.start.line, endLine: editor.selection.end.line } : undefined;
}

function basename(uri: vscode.Uri): string {
  return uri.path.replace(/.*\//, '') || uri.toString();
}

/**
 * Where a term list proposed from `source` is saved: beside it, named after it (`draft.md` → `draft.terms.json`;
 * `draft-2.terms.json` when that exists), or at the workspace folder's root for an untitled document.
 */
export async function proposedTermFile(source: vscode.Uri): Promise<vscode.Uri> {
  const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : (vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri);
  const stem = basename(source).replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'terms';
  const base = folder ?? vscode.Uri.file('/');
  for (let n = 1; ; n++) {
    // A proposal still open from an earlier run is replaced (the name is free on disk).
    const candidate = vscode.Uri.joinPath(base, `${stem}${n === 1 ? '' : `-${n}`}.terms.json`);
    if (!(await exists(candidate)) || n >= 100) return candidate;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickTermFile(result: TermFilesResult): Promise<vscode.Uri | undefined> {
  type Item = vscode.QuickPickItem & { uri: vscode.Uri };
  const items: Item[] = [...result.files]
    .sort((a, b) => Number(a.bundled) - Number(b.bundled))
    .map((f) => {
      const uri = vscode.Uri.parse(f.uri);
      const problems = f.problems ? `, ${f.problems} problem${f.problems === 1 ? '' : 's'}` : '';
      return {
        uri,
        label: f.title ?? uri.path.replace(/.*\//, ''),
        description: `${f.terms} term${f.terms === 1 ? '' : 's'}${problems}${f.bundled ? ' · shipped with Termlint' : ''}`,
        detail: vscode.workspace.asRelativePath(uri),
      };
    });
  if (result.workspaceTermFile && !result.files.some((f) => f.uri === result.workspaceTermFile)) {
    const uri = vscode.Uri.parse(result.workspaceTermFile);
    items.push({ uri, label: '$(new-file) Create a workspace term list', detail: vscode.workspace.asRelativePath(uri) });
  }
  if (items.length === 1) return items[0]!.uri;
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open a Termlint term list' });
  return picked?.uri;
}
