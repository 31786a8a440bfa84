import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../harness/wait';
import { DRAFT, EXPECTED } from './draft';
import { EXTENSION_ID, closeAllEditors, diagnosticsWhere, openDraft, rangeOf, readWorkspaceFile } from './editor';

// What the extension's activate() returns, as far as these tests use it (client/src/extension.ts TermlintApi).
interface Node {
  type: string;
}
interface TermsView {
  getChildren(node?: Node): vscode.ProviderResult<Node[]>;
  getTreeItem(node: Node): Promise<vscode.TreeItem>;
}
interface ReportPanel {
  html: string;
  panel: vscode.WebviewPanel;
  report?: { totals: { findings: number; uses: number } };
  receive(message: unknown): Promise<boolean>;
}
interface Api {
  terms: TermsView;
  reports: { get(scope: { kind: 'document'; uri: vscode.Uri } | { kind: 'workspace' }): ReportPanel | undefined };
}

const NAME = 'terms.md';

async function items(view: TermsView, node?: Node): Promise<{ node: Node; item: vscode.TreeItem }[]> {
  const nodes = (await view.getChildren(node)) ?? [];
  return Promise.all(nodes.map(async (n) => ({ node: n, item: await view.getTreeItem(n) })));
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

/** Runs a tree row's command as a click does. */
async function click(item: vscode.TreeItem): Promise<void> {
  assert.ok(item.command, `"${label(item)}" has a command`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

function assertSelected(document: vscode.TextDocument, found: string, from = 0): void {
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.uri.toString(), document.uri.toString(), 'the draft is the active editor');
  assert.ok(editor.selection.isEqual(rangeOf(document, found, from)), `"${found}" is selected, not ${JSON.stringify(editor.selection)}`);
}

describe('Terms view and term report', () => {
  let api: Api;
  let document: vscode.TextDocument;

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    api = await extension.activate();
    ({ document } = await openDraft(NAME, await readWorkspaceFile(DRAFT)));
    await diagnosticsWhere(document, 'every finding of the draft', (d) => d.length === EXPECTED.length);
  });
  after(closeAllEditors);

  it('is a view in the Explorer', async () => {
    await vscode.commands.executeCommand('termlint.terms.focus');
  });

  it('lists the terms of the active document with their uses and findings, their forms as children', async () => {
    const roots = await items(api.terms);
    assert.deepEqual(roots.map((r) => label(r.item)), [NAME, 'Workspace']);
    assert.equal(roots[0]!.item.description, `7 terms · ${EXPECTED.length} findings`);
    const terms = await items(api.terms, roots[0]!.node);
    const rows = Object.fromEntries(terms.map((t) => [label(t.item), t.item.description]));
    assert.deepEqual(rows, {
      'new quality productivity forces': '3 uses · 1 to fix',
      Guangdong: '3 uses · 2 to fix',
      'Hong Kong': '2 uses · 1 to fix',
      Macao: '2 uses · 1 to fix',
      'Greater Bay Area': '2 uses',
      Shenzhen: '1 use · 1 to fix',
      'high-quality development': '1 use · 1 to fix',
    });
    const guangdong = terms.find((t) => label(t.item) === 'Guangdong')!;
    const forms = await items(api.terms, guangdong.node);
    assert.deepEqual(forms.map((f) => [label(f.item), f.item.description]), [
      ['Guangdong', 'approved · 1'],
      ['Guang dong', 'split → Guangdong · 1'],
      ['guangdong', 'case → Guangdong · 1'],
    ]);
  });

  it('clicking a term, a form or a variant shows its use in the editor', async () => {
    const [scope] = await items(api.terms);
    const terms = await items(api.terms, scope!.node);
    const guangdong = terms.find((t) => label(t.item) === 'Guangdong')!;
    await click(guangdong.item);
    assertSelected(document, 'Guang dong');
    const forms = await items(api.terms, guangdong.node);
    await click(forms.find((f) => label(f.item) === 'guangdong')!.item);
    assertSelected(document, 'guangdong');
    const nqpf = terms.find((t) => label(t.item) === 'new quality productivity forces')!;
    const approved = (await items(api.terms, nqpf.node)).find((f) => label(f.item) === 'new quality productivity forces')!;
    assert.equal(approved.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'two uses: one row each');
    const uses = await items(api.terms, approved.node);
    assert.equal(uses.length, 2);
    const second = document.getText().indexOf('New quality productivity forces');
    await click(uses[1]!.item);
    assertSelected(document, 'New quality productivity forces', second);
  });

  it('follows the document as it is edited', async () => {
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.replace(rangeOf(document, 'Guang dong'), 'Guangdong'));
    const description = await waitUntil('the Terms view to count the fixed use', async () => {
      const [scope] = await items(api.terms);
      const guangdong = (await items(api.terms, scope!.node)).find((t) => label(t.item) === 'Guangdong');
      return guangdong?.item.description === '3 uses · 1 to fix' ? guangdong.item.description : undefined;
    });
    assert.equal(description, '3 uses · 1 to fix');
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhere(document, 'the split finding back', (d) => d.length === EXPECTED.length);
  });

  it('keeps showing the draft while a term file or another editor is active', async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'glossary.terms.json'));
    const [scope] = await items(api.terms);
    assert.equal(label(scope!.item), NAME);
    await vscode.window.showTextDocument(document);
  });

  it('lists the terms of the whole workspace under "Workspace"', async () => {
    await document.save();
    const [, workspace] = await items(api.terms);
    const terms = await items(api.terms, workspace!.node);
    const guangdong = terms.find((t) => label(t.item) === 'Guangdong')!;
    const split = (await items(api.terms, guangdong.node)).find((f) => label(f.item) === 'Guang dong')!;
    const uses = await items(api.terms, split.node);
    assert.ok(uses.some((u) => label(u.item).startsWith(`${NAME}:`)), `a use in ${NAME} among ${uses.map((u) => label(u.item)).join(', ')}`);
    assert.ok(uses.some((u) => label(u.item).startsWith(`${DRAFT}:`)), `a use in ${DRAFT}`);
  });

  it('"Open term report" shows the report in a webview with a strict CSP, and a click there shows the use', async () => {
    const totals = await vscode.commands.executeCommand<{ findings: number }>('termlint.openTermReport', document.uri);
    assert.equal(totals.findings, EXPECTED.length);
    // The workbench tells the extension host about new tabs after the panel is created.
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const tab = await waitUntil('a report tab', () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('termlint.report'))).catch((e: Error) => {
      throw new Error(`${e.message}; tabs: ${JSON.stringify(tabs().map((t) => [t.label, t.input]))}`);
    });
    assert.equal(tab.label, `Term report: ${NAME}`);

    const panel = api.reports.get({ kind: 'document', uri: document.uri })!;
    assert.deepEqual(panel.panel.webview.options.localResourceRoots, []);
    const html = panel.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in the CSP: ${csp}`);
    assert.match(csp, /^default-src 'none'; /);
    assert.deepEqual(html.match(/<(style|script)[^>]*>/g), [`<style nonce="${nonce}">`, `<script nonce="${nonce}">`]);
    assert.match(html, /var\(--vscode-foreground\)/);
    assert.match(html, /<svg class="chart"/);

    // What the page's script posts for a click on the use of "Macau", and a forged message.
    const range = rangeOf(document, 'Macau');
    const message = { type: 'reveal', file: NAME, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
    assert.ok(html.includes(`data-file="${NAME}" data-line="${message.line}" data-column="${message.column}"`), 'the page links the use');
    assert.equal(await panel.receive(message), true);
    assertSelected(document, 'Macau');
    assert.equal(await panel.receive({ ...message, file: '../elsewhere.md' }), false);
    assert.equal(await panel.receive({ ...message, line: -1 }), false);
  });
});
