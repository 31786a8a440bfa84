/** Status bar item: the number of Termlint findings in the active document; click opens the Problems panel. */
import * as vscode from 'vscode';
import type { DocumentFilter } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../../server/src/protocol';

/** Diagnostics that are about the file rather than a term. */
const NOT_FINDINGS = new Set<string>(Object.values(DiagnosticCodes));

export function countFindings(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && !NOT_FINDINGS.has(String(typeof d.code === 'object' ? d.code.value : d.code))).length;
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
    const n = countFindings(doc.uri);
    this.item.text = n === 0 ? '$(check) Termlint' : `$(warning) Termlint: ${n}`;
    this.item.tooltip = n === 0 ? 'Termlint: no term findings in this document' : `Termlint: ${n} term finding${n === 1 ? '' : 's'} in this document — click to open the Problems panel`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
