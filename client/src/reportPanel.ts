/**
 * "Termlint: Open term report": the term-usage report page in a webview, one panel per document (and one for
 * the workspace). The page is the one `termlint report` writes, rendered by the server for the webview: the
 * editor theme's colours, a Content-Security-Policy that lets only this rendering's nonce run, nothing loaded
 * from anywhere (no local resource roots). A click on a use comes back as a message and shows the use in the editor. The
 * page follows the document's diagnostics while it is visible.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TermReportMessage } from '../../server/src/protocol';
import type { TermUsageReport } from '../../server/src/report/model';
import { isUseLocation, revealUse } from './reveal';
import { type ReportScope, requestPage, scopeKey, uriOfFile } from './usage';

export const REPORT_VIEW_TYPE = 'termlint.report';

export interface ReportPanelDeps {
  client: () => LanguageClient;
  output: vscode.LogOutputChannel;
}

export class ReportPanel implements vscode.Disposable {
  report: TermUsageReport | undefined;
  html = '';
  /** The content changed while the panel was hidden: render when it is shown. */
  private stale = false;
  private rendering: Promise<void> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly scope: ReportScope,
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ReportPanelDeps,
    onDispose: () => void,
  ) {
    this.subscriptions.push(
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        this.receive(m).catch((err: unknown) => deps.output.error(`The term report could not show a use: ${String(err)}`));
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.refresh();
      }),
    );
    if (scope.kind === 'document') {
      const key = scope.uri.toString();
      this.subscriptions.push(vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === key)) this.changed();
      }));
    } else {
      this.subscriptions.push(vscode.workspace.onDidSaveTextDocument(() => this.changed()));
    }
  }

  private changed(): void {
    if (this.panel.visible) this.refresh();
    else this.stale = true;
  }

  /** Asks for the report again and re-renders when it differs (a re-render resets the page's scroll). */
  refresh(): void {
    this.stale = false;
    this.render().catch((err: unknown) => this.deps.output.error(`The term report could not be updated: ${String(err)}`));
  }

  render(): Promise<void> {
    const run = async () => {
      // A fresh nonce for every page: the only one its style sheet and script may carry.
      const nonce = randomBytes(18).toString('base64');
      const { report, html } = await requestPage(this.deps.client(), this.scope, { nonce, cspSource: this.panel.webview.cspSource });
      if (this.report && JSON.stringify(report) === JSON.stringify(this.report)) return;
      this.report = report;
      this.html = html;
      this.panel.webview.html = html;
    };
    // One rendering at a time, in order: a burst of changes ends with the latest report shown.
    this.rendering = (this.rendering ?? Promise.resolve()).then(run, run);
    return this.rendering;
  }

  /** A message from the page: only a well-formed click on a use of a file of this report does anything. */
  async receive(message: unknown): Promise<boolean> {
    if (typeof message !== 'object' || message === null || (message as TermReportMessage).type !== 'reveal') return false;
    const m = message as TermReportMessage;
    if (typeof m.file !== 'string' || !isUseLocation(m) || !this.report) return false;
    const uri = uriOfFile(this.report, m.file);
    if (!uri) return false;
    // Beside the report: the column it is not in.
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await revealUse(uri, m, column);
    return true;
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}

export class TermReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ReportPanel>();

  constructor(private readonly deps: ReportPanelDeps) {}

  /** Opens (or brings forward and refreshes) the report of `scope`. */
  async open(scope: ReportScope): Promise<ReportPanel> {
    const key = scopeKey(scope);
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      await existing.render();
      return existing;
    }
    const title = scope.kind === 'workspace' ? 'Term report: workspace' : `Term report: ${path.posix.basename(scope.uri.path)}`;
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // The page loads nothing: no local file may be read into it.
      localResourceRoots: [],
      enableFindWidget: true,
    });
    const created = new ReportPanel(scope, panel, this.deps, () => this.panels.delete(key));
    this.panels.set(key, created);
    try {
      await created.render();
    } catch (err) {
      panel.dispose();
      throw err;
    }
    return created;
  }

  /** The open panel of `scope`, if any (the in-editor tests read its page and send it messages). */
  get(scope: ReportScope): ReportPanel | undefined {
    return this.panels.get(scopeKey(scope));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.panel.dispose();
    this.panels.clear();
  }
}
