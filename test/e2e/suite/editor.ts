// Helpers for tests that run inside the VS Code extension host: documents in the test workspace,
// Termlint's diagnostics (waited for by event), code actions, settings.

import * as vscode from 'vscode';
import { waitUntil } from '../harness/wait';

export const EXTENSION_ID = 'termlint.termlint';
const DIAGNOSTICS_TIMEOUT_MS = 30_000;

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the tests need a workspace folder (test/e2e/fixtures/workspace)');
  }
  return folder.uri;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export async function readWorkspaceFile(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
}

/** Writes `text` to a new file of the workspace and shows it in an editor. */
export async function openDraft(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export function termlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'termlint');
}

export function kindOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

function describe(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) {
    return 'none';
  }
  return diagnostics
    .map((d) => `${kindOf(d)} "${document.getText(d.range)}" at ${d.range.start.line}:${d.range.start.character}`)
    .join(', ');
}

/**
 * Resolves with Termlint's diagnostics for `document` once `accept` holds for them, checking now
 * and on every diagnostics change of the document; rejects after the deadline, listing what
 * there was.
 */
export function diagnosticsWhere(
  document: vscode.TextDocument,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = document.uri.toString();
    const check = () => {
      const diagnostics = termlintDiagnostics(document.uri);
      if (accept(diagnostics)) {
        finish();
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === key)) {
        check();
      }
    });
    const timer = setTimeout(() => {
      finish();
      const got = describe(document, termlintDiagnostics(document.uri));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics: ${got}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits for a diagnostic of `kind` covering exactly `found` (its first occurrence at or after `from`). */
export async function diagnosticFor(
  document: vscode.TextDocument,
  kind: string,
  found: string,
  from = 0,
): Promise<vscode.Diagnostic> {
  const range = rangeOf(document, found, from);
  const diagnostics = await diagnosticsWhere(document, `a "${kind}" diagnostic on "${found}"`,
    (all) => all.some((d) => kindOf(d) === kind && d.range.isEqual(range)));
  return diagnostics.find((d) => kindOf(d) === kind && d.range.isEqual(range))!;
}

export function rangeOf(document: vscode.TextDocument, found: string, from = 0): vscode.Range {
  const offset = document.getText().indexOf(found, from);
  if (offset < 0) {
    throw new Error(`"${found}" is not in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + found.length));
}

function isCanceled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/**
 * The code actions VS Code gets for `range` from all providers, filtered by `kind`.
 * Right after a Markdown document opens, VS Code cancels code-action requests while the built-in
 * Markdown extension registers its providers, so a `Canceled` is retried until the deadline;
 * `accept` says when the answer is the one the test waits for (the server may still be catching
 * up with the latest edit).
 */
export async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: vscode.CodeActionKind,
  accept: (actions: vscode.CodeAction[]) => boolean = (actions) => actions.length > 0,
): Promise<vscode.CodeAction[]> {
  let last: vscode.CodeAction[] = [];
  return waitUntil(`${kind.value} code actions`, async () => {
    try {
      last = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, range, kind.value);
    } catch (error) {
      if (isCanceled(error)) {
        return undefined;
      }
      throw error;
    }
    return accept(last) ? last : undefined;
  }, { timeoutMs: DIAGNOSTICS_TIMEOUT_MS }).catch((error: Error) => {
    throw new Error(`${error.message}; last answer: [${last.map((a) => a.title).join(' | ')}]`);
  });
}

/** Applies a code action's edit (Termlint's actions carry one; they run no command). */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) {
    throw new Error(`code action "${action.title}" has no edit`);
  }
  if (!(await vscode.workspace.applyEdit(action.edit))) {
    throw new Error(`VS Code refused the edit of "${action.title}"`);
  }
}

/**
 * Sets a workspace setting for the duration of `body`. The returned promise settles after the
 * setting is back to what the fixture workspace had.
 */
export async function withSetting<T>(section: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration();
  const before = config.inspect(section)?.workspaceValue;
  await config.update(section, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration().update(section, before, vscode.ConfigurationTarget.Workspace);
  }
}

/** Saves and closes every editor; closing an unsaved one would wait on a "Save changes?" dialog. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The text of every hover at `position`, once `accept` holds for it (retrying `Canceled`, as above). */
export async function hoverText(
  uri: vscode.Uri,
  position: vscode.Position,
  accept: (text: string) => boolean,
): Promise<string> {
  let last = '';
  return waitUntil('a hover', async () => {
    let hovers: vscode.Hover[];
    try {
      hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    } catch (error) {
      if (isCanceled(error)) {
        return undefined;
      }
      throw error;
    }
    last = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n---\n');
    return accept(last) ? last : undefined;
  }, { timeoutMs: DIAGNOSTICS_TIMEOUT_MS }).catch((error: Error) => {
    throw new Error(`${error.message}; last hover: ${JSON.stringify(last)}`);
  });
}
