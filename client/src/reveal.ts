/** Shows a use of a term in its editor, selected: what the Terms view and the report webview do on a click. */
import * as vscode from 'vscode';
import type { UseLocation } from '../../server/src/report/model';

export const REVEAL_COMMAND = 'termlint.revealUse';

/** The editor range of a use (the report's lines and columns are 1-based). */
export function rangeOf(loc: Pick<UseLocation, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(loc.line - 1, loc.column - 1, loc.endLine - 1, loc.endColumn - 1);
}

/** Whether a value from a webview message is a 1-based position (messages are never trusted as they come). */
function isPosition(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

export function isUseLocation(v: unknown): v is Pick<UseLocation, 'line' | 'column' | 'endLine' | 'endColumn'> {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return isPosition(l.line) && isPosition(l.column) && isPosition(l.endLine) && isPosition(l.endColumn);
}

/** Opens `uri` (or shows it where it is open), selects the use and scrolls it into view. */
export async function revealUse(uri: vscode.Uri, loc: Pick<UseLocation, 'line' | 'column' | 'endLine' | 'endColumn'>, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const range = rangeOf(loc);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false, viewColumn: visible?.viewColumn ?? column ?? vscode.ViewColumn.Active });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
