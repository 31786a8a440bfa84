// The Terms view and the term report as a writer uses them in the workbench: the view in the Explorer lists
// the draft's terms with their counts, a click on a term or a variant selects its use in the editor, "Termlint:
// Open term report" opens the report beside the draft, and a click on a use in the report selects it too.

import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Workbench } from './workbench';

export interface UiStep {
  name: string;
  title: string;
  run: () => Promise<void>;
}

/** Where a use is in the draft, as the status bar shows a selection of it. */
export interface DraftUse {
  found: string;
  line: number;
  /** 1-based column of its first character. */
  column: number;
}

function selectionText(use: DraftUse): string {
  return `Ln ${use.line}, Col ${use.column + use.found.length} (${use.found.length} selected)`;
}

export function termsSteps(page: Page, workbench: Workbench, draft: string, uses: { split: DraftUse; caseVariant: DraftUse; forbidden: DraftUse }): UiStep[] {
  const pane = page.locator('.pane', { has: page.locator('.pane-header h3.title', { hasText: /^Termlint$/i }) });
  const row = (text: string, description?: string): Locator => {
    const rows = pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${text}$`) }) });
    return description ? rows.filter({ has: page.locator('.label-description', { hasText: description }) }) : rows;
  };
  const selection = page.locator('[id="status.editor.selection"]');
  const waitForSelection = async (use: DraftUse) => {
    await selection.filter({ hasText: selectionText(use) }).waitFor().catch(async (error: Error) => {
      throw new Error(`the status bar does not show "${selectionText(use)}" but "${await selection.textContent()}": ${error.message}`);
    });
  };
  let report: FrameLocator | undefined;

  return [
    {
      name: 'terms-view',
      title: `the Termlint view in the Explorer lists the terms of ${draft} with their uses and findings`,
      run: async () => {
        // The Problems panel goes away for these steps (room for the view and the report) and comes back after.
        await page.keyboard.press('Control+J');
        await page.locator('.part.panel').waitFor({ state: 'hidden' });
        const header = pane.locator('.pane-header');
        await header.waitFor();
        if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
        await row('Guangdong', '3 uses · 2 to fix').waitFor();
        await row('Greater Bay Area', '2 uses').waitFor();
      },
    },
    {
      name: 'terms-view-reveal',
      title: 'clicking a term selects its first use to fix; its variants are its children',
      run: async () => {
        await row('Guangdong').click();
        await waitForSelection(uses.split);
        await row('Guangdong').locator('.monaco-tl-twistie').click();
        await row(uses.caseVariant.found, 'case → Guangdong · 1').click();
        await waitForSelection(uses.caseVariant);
      },
    },
    {
      name: 'term-report',
      title: '"Termlint: Open term report" opens the report of the draft beside it, with its chart',
      run: async () => {
        const command = await workbench.findCommand('Termlint: Open term report');
        await command.waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.tab', { hasText: `Term report: ${draft}` }).waitFor();
        report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await report.locator('h1', { hasText: 'Term usage report' }).waitFor();
        await report.locator('svg.chart g.row').first().waitFor();
        await report.locator('#total-findings dd', { hasText: '7' }).waitFor();
      },
    },
    {
      name: 'term-report-reveal',
      title: 'clicking a use in the report selects it in the draft',
      run: async () => {
        await report!.locator(`a[data-line="${uses.forbidden.line}"][data-column="${uses.forbidden.column}"]`).first().click();
        await waitForSelection(uses.forbidden);
      },
    },
    {
      name: 'term-report-closed',
      title: 'the report closes with its editor group, and the Problems panel is back',
      run: async () => {
        const command = await workbench.findCommand('View: Close Editors in Other Groups');
        await command.waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.tab', { hasText: `Term report: ${draft}` }).waitFor({ state: 'detached' });
        await workbench.showProblems();
      },
    },
  ];
}
