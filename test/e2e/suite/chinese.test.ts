/**
 * A Chinese draft in a real VS Code: read as Chinese from its name (`*.zh.md`), its script and width findings
 * underlined at their ranges, a quick fix applied, and the hover card showing the concept in its other
 * languages and the document language. (The screenshot of the workbench at the end shows its Han characters:
 * scripts/vscode/setup.sh installs a CJK font.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyCodeAction, closeAllEditors, codeActions, diagnosticFor, diagnosticsWhere, hoverText, kindOf, openDraft, rangeOf } from './editor';

const TEXT = '# 简报\n\n广东与澳門加强合作，Ｓｈｅｎｚｈｅｎ和新质生产力。\n\n`澳門` 不检查。\n';

describe('Chinese drafts', () => {
  let document: vscode.TextDocument;

  before(async () => {
    ({ document } = await openDraft('brief.zh.md', TEXT));
  });
  after(closeAllEditors);

  it('underlines a Traditional name in a Simplified draft and a full-width English term, nothing in code', async () => {
    await diagnosticFor(document, 'script', '澳門');
    await diagnosticFor(document, 'width', 'Ｓｈｅｎｚｈｅｎ');
    const all = await diagnosticsWhere(document, 'two findings', (d) => d.length === 2);
    assert.deepEqual(all.map(kindOf).sort(), ['script', 'width']);
  });

  it('hovers a Chinese term with its English form and the document language', async () => {
    const at = rangeOf(document, '新质生产力').start.translate(0, 2);
    const text = await hoverText(document.uri, at, (t) => t.includes('new quality productivity forces'));
    assert.ok(text.includes('Document language: zh-Hans (from the file name)'), text);
  });

  it('fixes the script finding with its quick fix', async () => {
    const diagnostic = await diagnosticFor(document, 'script', '澳門');
    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix, (all) => all.some((a) => a.isPreferred));
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Replace "澳門" with "澳门"');
    await applyCodeAction(preferred);
    assert.ok(document.getText().startsWith('# 简报\n\n广东与澳门加强合作'), document.getText());
    await diagnosticsWhere(document, 'the script finding to go', (d) => d.length === 1 && kindOf(d[0]!) === 'width');
  });
});
