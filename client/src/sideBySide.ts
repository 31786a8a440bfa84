/**
 * "Open the source side by side" and "Open the translation side by side": the other document of a translation
 * pair opened beside the active editor, at the blocks the server aligned with the cursor's block, selected.
 * A document already visible is revealed where it is rather than opened a second time.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CounterpartRequest, type CounterpartLocation } from '../../server/src/protocol';

export const OPEN_SOURCE_COMMAND = 'termlint.openSource';
export const OPEN_TRANSLATION_COMMAND = 'termlint.openTranslation';

function fileName(uri: string): string {
  return decodeURIComponent(uri.replace(/.*\//, ''));
}

async function pick(found: CounterpartLocation[], want: 'source' | 'translation'): Promise<CounterpartLocation | undefined> {
  if (found.length <= 1) return found[0];
  const items = found.map((f) => ({ label: fileName(f.uri), description: f.lang, detail: vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri)), location: f }));
  return (await vscode.window.showQuickPick(items, { placeHolder: want === 'source' ? 'Open which source?' : 'Open which translation?' }))?.location;
}

/**
 * Opens the counterpart of the active editor's document (or of `arg`, a document URI, at its start); returns
 * the editor it revealed, or undefined when the document is in no pair (the user is told why).
 */
export async function openCounterpart(client: LanguageClient, want: 'source' | 'translation', arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : active?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Termlint: open a translation or its source first.');
    return undefined;
  }
  const position = active && active.document.uri.toString() === uri.toString() ? active.selection.active : new vscode.Position(0, 0);
  const found = await client.sendRequest(CounterpartRequest, { textDocument: { uri: uri.toString() }, position: client.code2ProtocolConverter.asPosition(position), want });
  const chosen = await pick(found, want);
  if (!chosen) {
    if (found.length === 0) {
      const name = fileName(uri.toString());
      void vscode.window.showInformationMessage(
        want === 'source'
          ? `Termlint: no source of ${name} found. Name the two files alike with their languages (report.zh.md, report.en.md), or declare the pair in termlint.translation.pairs.`
          : `Termlint: no translation of ${name} found. Name the two files alike with their languages (report.zh.md, report.en.md), or declare the pair in termlint.translation.pairs.`,
      );
    }
    return undefined;
  }
  const target = vscode.Uri.parse(chosen.uri);
  const range = client.protocol2CodeConverter.asRange(chosen.range);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString() && e !== active);
  const editor = await vscode.window.showTextDocument(target, { selection: range, preserveFocus: false, viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
