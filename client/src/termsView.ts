/**
 * The "Termlint" view in the Explorer: the terms the active document uses (and, when expanded, those of the
 * whole workspace), each with its uses and findings; under a term, the forms it is written in, right and
 * wrong; under a form, its uses. Clicking one shows it in the editor. The numbers are the server's term-usage
 * report, built from the same lint results as the diagnostics, and follow them as they change.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentFilter, LanguageClient } from 'vscode-languageclient/node';
import type { FormUsage, TermUsage, TermUsageReport, UseLocation, VariantUsage } from '../../server/src/report/model';
import { REVEAL_COMMAND } from './reveal';
import { type ReportScope, requestReport, scopeKey, uriOfFile } from './usage';

export const TERMS_VIEW = 'termlint.terms';

/** What the view shows, level by level. */
export type TermNode =
  | { type: 'scope'; scope: ReportScope | undefined }
  | { type: 'message'; text: string; tooltip?: string; parent: string }
  | { type: 'term'; scope: ReportScope; report: TermUsageReport; usage: TermUsage }
  | { type: 'form'; scope: ReportScope; report: TermUsageReport; usage: TermUsage; form: FormUsage }
  | { type: 'variant'; scope: ReportScope; report: TermUsageReport; usage: TermUsage; variant: VariantUsage }
  | { type: 'use'; scope: ReportScope; report: TermUsageReport; loc: UseLocation; parent: string };

export interface TermsViewDeps {
  client: () => LanguageClient;
  selector: () => DocumentFilter[];
  output: vscode.LogOutputChannel;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export class TermsView implements vscode.TreeDataProvider<TermNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TermNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<TermNode>;
  private readonly subscriptions: vscode.Disposable[];
  /** The document the view shows (the last active one Termlint checks). */
  private document: vscode.Uri | undefined;
  /** Reports by scope, fetched when first shown and dropped when they may have changed. */
  private readonly reports = new Map<string, Promise<TermUsageReport>>();

  constructor(private readonly deps: TermsViewDeps) {
    this.view = vscode.window.createTreeView(TERMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e?.document)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.toString())) this.invalidate({ kind: 'document', uri: this.document });
      }),
      // The workspace report reads files from disk: it may change whenever one is saved, created or deleted.
      vscode.workspace.onDidSaveTextDocument(() => this.invalidate({ kind: 'workspace' })),
      vscode.workspace.onDidCreateFiles(() => this.invalidate({ kind: 'workspace' })),
      vscode.workspace.onDidDeleteFiles(() => this.invalidate({ kind: 'workspace' })),
      vscode.workspace.onDidRenameFiles(() => this.invalidate({ kind: 'workspace' })),
    ];
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /** The document the view shows (for the report command and the tests). */
  get shownDocument(): vscode.Uri | undefined {
    return this.document;
  }

  /** Shows `doc` if Termlint checks it as a draft; any other editor (output, a term file) leaves the view as it is. */
  private follow(doc: vscode.TextDocument | undefined): void {
    // The selector's language filters are the drafts; its pattern filters are the term files.
    const drafts = this.deps.selector().filter((f) => f.language !== undefined);
    if (!doc || vscode.languages.match(drafts as vscode.DocumentSelector, doc) === 0) return;
    if (this.document?.toString() === doc.uri.toString()) return;
    this.document = doc.uri;
    this.changed.fire(undefined);
  }

  /** Drops a scope's report and redraws; what is expanded asks the server again. */
  invalidate(scope?: ReportScope): void {
    if (scope) this.reports.delete(scopeKey(scope));
    else this.reports.clear();
    this.changed.fire(undefined);
  }

  /** A scope's report, fetched once until invalidated. */
  report(scope: ReportScope): Promise<TermUsageReport> {
    const key = scopeKey(scope);
    let report = this.reports.get(key);
    if (!report) {
      report = requestReport(this.deps.client(), scope);
      this.reports.set(key, report);
      // A failed request is not kept: the next look asks again.
      report.catch(() => {
        if (this.reports.get(key) === report) this.reports.delete(key);
      });
    }
    return report;
  }

  getChildren(node?: TermNode): vscode.ProviderResult<TermNode[]> {
    if (!node) return [{ type: 'scope', scope: this.document ? { kind: 'document', uri: this.document } : undefined }, { type: 'scope', scope: { kind: 'workspace' } }];
    switch (node.type) {
      case 'scope':
        return node.scope ? this.termsOf(node.scope) : [{ type: 'message', text: 'Open a Markdown, plain-text or HTML draft to see the terms it uses.', parent: 'document' }];
      case 'term':
        return [
          ...node.usage.forms.filter((f) => f.uses > 0).map((form): TermNode => ({ ...node, type: 'form', form })),
          ...node.usage.variants.map((variant): TermNode => ({ ...node, type: 'variant', variant })),
        ];
      case 'form':
        return node.form.uses > 1 ? node.form.locations.map((loc) => ({ type: 'use', scope: node.scope, report: node.report, loc, parent: this.idOf(node) })) : [];
      case 'variant':
        return node.variant.count > 1 ? node.variant.locations.map((loc) => ({ type: 'use', scope: node.scope, report: node.report, loc, parent: this.idOf(node) })) : [];
      default:
        return [];
    }
  }

  private async termsOf(scope: ReportScope): Promise<TermNode[]> {
    const parent = scopeKey(scope);
    let report: TermUsageReport;
    try {
      report = await this.report(scope);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.deps.output.error(`The Terms view could not get the term report of ${parent}: ${message}`);
      return [{ type: 'message', text: 'Termlint could not report on this; see the output.', tooltip: message, parent }];
    }
    if (report.terms.length > 0) return report.terms.map((usage) => ({ type: 'term', scope, report, usage }));
    const why = report.skipped[0]?.reason;
    const text = why ? `Not checked: ${why}.` : scope.kind === 'document' ? 'No term of the lists is used here.' : 'No term of the lists is used in the workspace.';
    return [{ type: 'message', text, parent }];
  }

  /** Stable ids: the view keeps what is expanded and selected across refreshes. */
  private idOf(node: TermNode): string {
    switch (node.type) {
      case 'scope':
        return `scope:${node.scope?.kind ?? 'document'}`;
      case 'message':
        return `${node.parent}/message`;
      case 'term':
        return `${scopeKey(node.scope)}/${node.usage.term}`;
      case 'form':
        return `${scopeKey(node.scope)}/${node.usage.term}/form:${node.form.form}`;
      case 'variant':
        return `${scopeKey(node.scope)}/${node.usage.term}/${node.variant.kind}:${node.variant.found}:${node.variant.reported}`;
      case 'use':
        return `${node.parent}/${node.loc.file}:${node.loc.line}:${node.loc.column}`;
    }
  }

  async getTreeItem(node: TermNode): Promise<vscode.TreeItem> {
    const item = await this.itemOf(node);
    item.id = this.idOf(node);
    return item;
  }

  private async itemOf(node: TermNode): Promise<vscode.TreeItem> {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'scope': {
        if (node.scope?.kind === 'workspace') {
          const item = new vscode.TreeItem('Workspace', Collapsed);
          item.iconPath = new vscode.ThemeIcon('folder-library');
          item.contextValue = 'termlint.scope.workspace';
          const known = this.reports.get('workspace');
          item.description = 'every file Termlint checks';
          if (known) item.tooltip = await known.then(summary, () => undefined);
          return item;
        }
        const uri = node.scope?.uri;
        const item = new vscode.TreeItem(uri ? path.posix.basename(uri.path) : 'No document', Expanded);
        item.iconPath = new vscode.ThemeIcon('file');
        item.contextValue = uri ? 'termlint.scope.document' : 'termlint.scope.none';
        if (uri) {
          item.resourceUri = uri;
          const report = await this.report({ kind: 'document', uri }).catch(() => undefined);
          if (report) {
            item.description = `${plural(report.totals.terms, 'term')} · ${plural(report.totals.findings, 'finding')}`;
            item.tooltip = summary(report);
          }
        }
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, None);
        item.iconPath = new vscode.ThemeIcon('info');
        if (node.tooltip) item.tooltip = node.tooltip;
        return item;
      }
      case 'term': {
        const u = node.usage;
        const item = new vscode.TreeItem(u.term, Collapsed);
        item.description = u.findings > 0 ? `${plural(u.uses, 'use')} · ${u.findings} to fix` : plural(u.uses, 'use');
        item.iconPath = u.findings > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.tooltip = termTooltip(u);
        item.contextValue = 'termlint.term';
        const first = u.variants.find((v) => v.reported)?.locations[0] ?? u.forms.find((f) => f.uses > 0)?.locations[0] ?? u.variants[0]?.locations[0];
        if (first) item.command = revealCommand(node.report, first, `Show ${u.findings > 0 ? 'the first use to fix' : 'the first use'}`);
        return item;
      }
      case 'form': {
        const f = node.form;
        const item = new vscode.TreeItem(f.form, f.uses > 1 ? Collapsed : None);
        item.description = `${f.status} · ${f.uses}`;
        item.iconPath = new vscode.ThemeIcon('check');
        item.tooltip = `${f.form}: the ${f.status} form, ${plural(f.uses, 'use')}`;
        item.command = revealCommand(node.report, f.locations[0]!, 'Show the first use');
        return item;
      }
      case 'variant': {
        const v = node.variant;
        const item = new vscode.TreeItem(v.found, v.count > 1 ? Collapsed : None);
        const status = v.reported ? `${v.kind} → ${v.fix ?? node.usage.term}` : `${v.kind}, not reported`;
        item.description = `${status} · ${v.count}`;
        item.iconPath = v.reported ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('circle-slash');
        item.tooltip = v.reported ? `"${v.found}" (${v.kind}) should be "${v.fix ?? node.usage.term}": ${plural(v.count, 'use')}` : `"${v.found}" (${v.kind}): not reported by your settings or term list`;
        item.command = revealCommand(node.report, v.locations[0]!, 'Show the first use');
        return item;
      }
      case 'use': {
        const { loc } = node;
        const label = node.scope.kind === 'document' ? `Line ${loc.line}, column ${loc.column}` : `${loc.file}:${loc.line}:${loc.column}`;
        const item = new vscode.TreeItem(label, None);
        const uri = uriOfFile(node.report, loc.file);
        const open = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open && loc.line <= open.lineCount) item.description = open.lineAt(loc.line - 1).text.trim();
        item.command = revealCommand(node.report, loc, 'Show this use');
        return item;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function revealCommand(report: TermUsageReport, loc: UseLocation, title: string): vscode.Command {
  const uri = uriOfFile(report, loc.file);
  return { command: REVEAL_COMMAND, title, arguments: [uri?.toString(), { line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn }] };
}

function summary(report: TermUsageReport): string {
  const t = report.totals;
  return `${plural(t.files, 'file')}: ${plural(t.terms, 'term')} used ${plural(t.uses, 'time')}, ${plural(t.findings, 'finding')}`;
}

function termTooltip(u: TermUsage): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(u.term)}**: ${plural(u.uses, 'use')}, ${plural(u.findings, 'finding')}\n\n`);
  for (const f of u.forms) md.appendMarkdown(`- ${escape(f.form)} (${f.status}): ${f.uses}\n`);
  for (const v of u.variants) md.appendMarkdown(`- ${escape(v.found)} (${v.kind}${v.reported ? '' : ', not reported'}): ${v.count}\n`);
  for (const l of u.languages) md.appendMarkdown(`\n${escape(l.lang)}: ${escape(l.text)}`);
  if (u.note) md.appendMarkdown(`\n\n${escape(u.note)}`);
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
