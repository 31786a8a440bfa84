/**
 * Status bar item: the number of Termlint findings in the active document, or, in a term list or the project
 * configuration, the number of errors that keep it from being used; click opens the Problems panel.
 */
import * as vscode from 'vscode';
import type { DocumentFilter } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../../server/src/protocol';

/** Diagnostics that are about the file rather than a term. */
const NOT_FINDINGS = new Set<string>(Object.values(DiagnosticCodes));

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

export function countFindings(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && !NOT_FINDINGS.has(codeOf(d))).length;
}

/** Errors in a term file or configuration: while there are any, its last good version is used (or none). */
export function countFileErrors(uri: vscode.Uri): number {
  const fileCodes: string[] = [DiagnosticCodes.termFile, DiagnosticCodes.configFile];
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error && fileCodes.includes(codeOf(d))).length;
}

export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('termlint.findings', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private selector: () => DocumentFilter[]) {
    this.item.name = 'Termlint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  /** The text shown right now (for tests and the output channel). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || vscode.languages.match(this.selector() as vscode.DocumentSelector, doc) === 0) {
      this.item.hide();
      return;
    }
    const errors = countFileErrors(doc.uri);
    const n = countFindings(doc.uri);
    if (errors > 0) {
      this.item.text = `$(error) Termlint: ${errors} error${errors === 1 ? '' : 's'}`;
      this.item.tooltip = `Termlint: ${errors} error${errors === 1 ? '' : 's'} in this file; until ${errors === 1 ? 'it is' : 'they are'} fixed, its last good version is used — click to open the Problems panel`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      this.item.text = n === 0 ? '$(check) Termlint' : `$(warning) Termlint: ${n}`;
      this.item.tooltip = n === 0 ? 'Termlint: no term findings in this document' : `Termlint: ${n} term finding${n === 1 ? '' : 's'} in this document — click to open the Problems panel`;
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
