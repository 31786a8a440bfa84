// What a person does in the VS Code workbench, as Playwright calls on code-server's web UI
// (selectors from VS Code 1.100's DOM).

import type { Locator, Page } from 'playwright-core';

/** The little of the DOM that functions evaluated in the page use (this project has no DOM lib). */
interface PageGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

export class Workbench {
  constructor(private readonly page: Page) {}

  get editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  get problems(): Locator {
    return this.page.locator('.markers-panel');
  }

  /** The rows of the open quick-fix (Ctrl+.) menu. */
  get actionMenu(): Locator {
    return this.page.locator('.action-widget .monaco-list-row.action');
  }

  async openFromExplorer(name: string, textInFile: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
    await row.waitFor();
    await row.click();
    await this.editor.locator('.view-lines', { hasText: textInFile }).waitFor();
  }

  /** The visible text of the editor, lines run together, with Monaco's non-breaking spaces undone. */
  async editorText(): Promise<string> {
    const text = await this.editor.locator('.view-lines').textContent() ?? '';
    return text.replace(/\u00a0/g, ' ');
  }

  /** Waits (polling in the page) until the editor shows every string of `present` and none of `absent`. */
  async waitForEditorText(present: string[], absent: string[] = []): Promise<void> {
    try {
      await this.page.waitForFunction(([yes, no]) => {
        const lines = (globalThis as unknown as PageGlobals).document
          .querySelector('.editor-instance .monaco-editor .view-lines');
        const text = (lines?.textContent ?? '').replace(/\u00a0/g, ' ');
        return yes.every((s) => text.includes(s)) && !no.some((s) => text.includes(s));
      }, [present, absent] as const);
    } catch (error) {
      throw new Error(`the editor does not show ${JSON.stringify(present)} without ${JSON.stringify(absent)};`
        + ` it shows: ${await this.editorText()} (${String(error)})`);
    }
  }

  /** Puts the cursor at a 1-based line and column with "Go to Line/Column" (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The hover card on the cursor's word (Ctrl+K Ctrl+I, "Show or Focus Hover"), once it shows `text`. */
  async showHover(text: string): Promise<Locator> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover', { hasText: text }).first();
    await hover.waitFor();
    return hover;
  }

  /** Termlint's status bar item once it reads `text` (its icon aside). */
  async statusBarItem(text: string): Promise<Locator> {
    const item = this.page.locator('.statusbar-item', { hasText: text }).first();
    await item.waitFor();
    return item;
  }

  /** The editor tab titled `title` (the file's name, or an untitled document's). */
  async tab(title: string): Promise<Locator> {
    const tab = this.page.locator('.tabs-container .tab', { hasText: title }).first();
    await tab.waitFor();
    return tab;
  }

  async showProblems(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+M');
    await this.problems.waitFor();
  }

  /**
   * Opens the quick-fix menu with Ctrl+. and waits for the row titled `title`. VS Code may ask the
   * language server before its answer for the cursor position is ready and show "No code actions
   * available"; Escape and ask again, as a person would.
   */
  async openQuickFixMenu(title: string): Promise<Locator> {
    const row = this.actionMenu.filter({ hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      try {
        await row.waitFor({ timeout: 10_000 });
        return row;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Runs the focused-by-keyboard row of the open action menu. Mouse clicks right after the menu
   * opens land on its pointer-blocking overlay, so use the keys, as a person would.
   */
  async chooseFromMenu(row: Locator): Promise<void> {
    for (let i = 0; i < 20 && !(await row.evaluate((el) => el.classList.contains('focused'))); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
  }

  /** Opens the command palette (F1) and types `label`; returns the palette row to choose. */
  async findCommand(label: string): Promise<Locator> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await this.page.keyboard.type(label);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    return row;
  }

  async save(): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+S');
  }
}
