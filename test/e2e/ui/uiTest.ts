// npm run test:ui: installs the packaged extension (.vsix) into code-server and uses the VS Code
// workbench in headless Chromium as a writer would: open a draft, see the squiggles and the
// Problems entries, read a term's hover card, look at its terms in the Termlint view and the term report
// (termsSteps.ts), fix one finding from the Ctrl+. menu, fix the rest with "Fix all" from the command palette,
// save, and check the file on disk; then misspell a key of the term list (the status bar shows the error, a
// quick fix restores it), and create a term list from the draft and save it; last, a Chinese source and its
// translation: the source opened side by side at the aligned block, and the hover on a term of the
// translation with the source sentence it renders.
// Usage: node out/e2e/ui/uiTest.js <termlint.vsix>
// Screenshots after every step go to artifacts/screenshots/, logs to artifacts/ui/.
// Prints "ui: N passed, N failed, N skipped" (one per step) last; exits 0 only if every step passed.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type Browser } from '../harness/chromium';
import { copyServerLogs, installExtension, startCodeServer, type CodeServer, type Profile } from '../harness/codeServer';
import { describeError, waitUntil } from '../harness/wait';
import { DRAFT, EXPECTED, PAIR_SOURCE, PAIR_TARGET, applyFix, fixAll } from '../suite/draft';
import { type DraftUse, termsSteps } from './termsSteps';
import { Workbench } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GLOSSARY = 'glossary.terms.json';
const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');
const LOGS = path.join(ROOT, 'artifacts', 'ui');

interface Step {
  /** File name of the step's screenshot. */
  name: string;
  title: string;
  run: () => Promise<void>;
}

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/** Runs the steps in order, each followed by a screenshot; after a failure the rest are skipped. */
async function runSteps(page: Page, steps: Step[]): Promise<Tally> {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const [index, step] of steps.entries()) {
    if (tally.failed > 0) {
      console.log(`  - ${step.title} (skipped)`);
      tally.skipped++;
      continue;
    }
    const started = Date.now();
    const shot = path.join(SCREENSHOTS, `${index + 1}-${step.name}`);
    try {
      await step.run();
      await page.screenshot({ path: `${shot}.png` });
      console.log(`  ✔ ${step.title} (${Date.now() - started} ms)`);
      tally.passed++;
    } catch (error) {
      await page.screenshot({ path: `${shot}-FAILED.png` }).catch(() => undefined);
      console.log(`  ✘ ${step.title}\n    ${describeError(error).replace(/\n/g, '\n    ')}`);
      tally.failed++;
    }
  }
  return tally;
}

/** A Simplified draft of our own, read as Chinese from its name: one Traditional name in it. */
const ZH_DRAFT = 'brief.zh.md';
const ZH_TEXT = '# 湾区简报\n\n广东加快发展新质生产力，香港和澳門的高校参与其中。\n';

function scenario(page: Page, server: CodeServer, workspace: string): Step[] {
  const workbench = new Workbench(page);
  const file = path.join(workspace, DRAFT);
  const original = fs.readFileSync(file, 'utf8');
  const joined = EXPECTED.find((e) => e.kind === 'joined')!;
  const before = original.slice(0, original.indexOf(joined.found));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  // The line as it reads before and after its quick fix.
  const lineText = original.split('\n')[line - 1];
  const fixedLineText = applyFix(lineText, joined);
  /** Line and column (1-based) of the first `found` in the draft. */
  const useOf = (found: string): DraftUse => {
    const head = original.slice(0, original.indexOf(found));
    return { found, line: head.split('\n').length, column: head.length - head.lastIndexOf('\n') };
  };
  /** Runs a command from the palette (F1) without clicking into the editor first, so the cursor stays put. */
  const runCommand = async (label: string): Promise<void> => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };
  let quickFix: Locator | undefined;
  let fixAllCommand: Locator | undefined;
  let fixKey: Locator | undefined;

  return [
    {
      name: 'draft-with-squiggles',
      title: `opening ${DRAFT} shows squiggles under the findings`,
      run: async () => {
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        await workbench.openFromExplorer(DRAFT, 'Greater Bay Area briefing');
        await workbench.editor.locator('.squiggly-warning').first().waitFor();
      },
    },
    {
      name: 'problems-panel',
      title: `the Problems panel counts ${EXPECTED.length} findings in ${DRAFT}, "${joined.found}" first`,
      run: async () => {
        await workbench.showProblems();
        const fileRow = workbench.problems.locator('.monaco-list-row', { hasText: DRAFT }).first();
        await fileRow.locator('.monaco-count-badge', { hasText: String(EXPECTED.length) }).waitFor();
        await workbench.problems.locator('.monaco-list-row', { hasText: `"${joined.found}" should be "${joined.fixed}"` })
          .first().waitFor();
      },
    },
    ...termsSteps(page, workbench, DRAFT, { split: useOf('Guang dong'), caseVariant: useOf('guangdong'), forbidden: useOf('Macau') }),
    {
      name: 'hover-card',
      title: 'hovering "Macau" shows the term\'s card: approved and forbidden forms, translation, note',
      run: async () => {
        const forbidden = EXPECTED.find((e) => e.kind === 'forbidden')!;
        const at = original.indexOf(forbidden.found);
        const hoverLine = original.slice(0, at).split('\n').length;
        await workbench.goTo(hoverLine, at - original.lastIndexOf('\n', at - 1) + 1);
        const card = await workbench.showHover('澳门');
        for (const part of [forbidden.fixed, forbidden.found, 'Spelling used in central government documents.']) {
          await card.getByText(part, { exact: false }).first().waitFor();
        }
        // The card alone, as the README shows it (images/hover-card.png is a copy).
        await card.screenshot({ path: path.join(SCREENSHOTS, 'hover-card-alone.png') });
      },
    },
    {
      name: 'quick-fix-menu',
      title: `Ctrl+. on "${joined.found}" offers "${joined.fixed}"`,
      run: async () => {
        await page.keyboard.press('Escape');
        await workbench.goTo(line, column + 1);
        quickFix = await workbench.openQuickFixMenu(`"${joined.fixed}"`);
      },
    },
    {
      name: 'quick-fix-applied',
      title: 'choosing the quick fix rewrites the word',
      run: async () => {
        await workbench.chooseFromMenu(quickFix!);
        await workbench.waitForEditorText([fixedLineText], [lineText]);
      },
    },
    {
      name: 'command-palette',
      title: '"Termlint: Fix all problems in this file" is in the command palette',
      run: async () => {
        fixAllCommand = await workbench.findCommand('Termlint: Fix all problems in this file');
      },
    },
    {
      name: 'fixed-all',
      title: 'running it fixes every other finding',
      run: async () => {
        await fixAllCommand!.waitFor();
        await page.keyboard.press('Enter');
        const fixedLines = EXPECTED.map((e) => applyFix(original, e).split('\n')
          .find((l) => l.includes(e.fixed) && !original.split('\n').includes(l))!);
        await workbench.waitForEditorText(fixedLines);
      },
    },
    {
      name: 'saved',
      title: 'after Ctrl+S the file on disk is fixed and the Problems panel is empty',
      run: async () => {
        await workbench.save();
        const expected = fixAll(original);
        await waitUntil(`${DRAFT} on disk to be fixed`, () => (fs.readFileSync(file, 'utf8') === expected ? true : undefined))
          .catch((error: Error) => {
            throw new Error(`${error.message}; on disk:\n${fs.readFileSync(file, 'utf8')}`);
          });
        await workbench.problems.getByText('No problems have been detected in the workspace.').waitFor();
      },
    },
    {
      name: 'term-list-error',
      title: 'a misspelt key in the term list: an error in the Problems panel and the status bar, and a quick fix',
      run: async () => {
        await workbench.openFromExplorer(GLOSSARY, '"terms"');
        const glossary = fs.readFileSync(path.join(workspace, GLOSSARY), 'utf8');
        const at = glossary.indexOf('"forbidden"') + '"forbidd'.length;
        const keyLine = glossary.slice(0, at).split('\n').length;
        await workbench.goTo(keyLine, at - glossary.lastIndexOf('\n', at - 1));
        await page.keyboard.press('Backspace');
        await workbench.waitForEditorText(['"forbiden"']);
        await workbench.statusBarItem('Termlint: 1 error');
        await workbench.problems.locator('.monaco-list-row', { hasText: 'Unknown property "forbiden": did you mean "forbidden"?' }).first().waitFor();
        fixKey = await workbench.openQuickFixMenu('Change "forbiden" to "forbidden"');
      },
    },
    {
      name: 'term-list-fixed',
      title: 'the quick fix restores the key, and the status bar says all is well',
      run: async () => {
        await workbench.chooseFromMenu(fixKey!);
        await workbench.waitForEditorText(['"forbidden"'], ['"forbiden"']);
        await workbench.statusBarItem('Termlint');
        await page.locator('.statusbar-item', { hasText: 'error' }).filter({ hasText: 'Termlint' }).waitFor({ state: 'detached' });
        await workbench.save();
      },
    },
    {
      name: 'term-list-proposed',
      title: '"Termlint: Create term list from this document" opens draft.terms.json, unsaved, and says what to do next',
      run: async () => {
        await workbench.openFromExplorer(DRAFT, 'Greater Bay Area briefing');
        const command = await workbench.findCommand('Termlint: Create term list from this document');
        await command.waitFor();
        await page.keyboard.press('Enter');
        await workbench.tab('draft.terms.json');
        await page.locator('.notifications-toasts', { hasText: 'as draft.terms.json it is used as a term list at once' }).waitFor();
      },
    },
    {
      name: 'term-list-saved',
      title: 'Ctrl+S saves it as draft.terms.json, without asking for a name',
      run: async () => {
        await workbench.save();
        const saved = path.join(workspace, 'draft.terms.json');
        const read = () => {
          try {
            return JSON.parse(fs.readFileSync(saved, 'utf8')) as { terms: { term: string }[] };
          } catch {
            return undefined; // not there yet, or being written
          }
        };
        const list = await waitUntil('draft.terms.json on disk', read);
        // What the draft adds to the lists in force: "Greater Bay Area", which they have, is left out of it.
        if (list.terms.length === 0 || list.terms.some((t) => t.term === 'Greater Bay Area')) throw new Error(`unexpected proposal: ${JSON.stringify(list)}`);
      },
    },
    {
      // Last: the draft it adds has findings, and the steps before it expect the workspace to have none left.
      name: 'hover-card-chinese',
      title: 'a Chinese draft: hovering "澳門" in a Simplified draft shows 澳门, the concept\'s English form and the document language, in Han characters',
      run: async () => {
        await page.keyboard.press('Escape');
        // Written into the scratch copy of the workspace: the explorer shows it as it appears.
        fs.writeFileSync(path.join(workspace, ZH_DRAFT), ZH_TEXT);
        await workbench.openFromExplorer(ZH_DRAFT, '新质生产力');
        await workbench.editor.locator('.squiggly-warning').first().waitFor();
        const at = ZH_TEXT.indexOf('澳門');
        await workbench.goTo(ZH_TEXT.slice(0, at).split('\n').length, at - ZH_TEXT.lastIndexOf('\n', at - 1) + 1);
        const card = await workbench.showHover('澳门');
        for (const part of ['Macao', 'Document language: zh-Hans']) await card.getByText(part, { exact: false }).first().waitFor();
        await card.screenshot({ path: path.join(SCREENSHOTS, 'hover-card-chinese.png') });
      },
    },
    {
      name: 'translation-pair',
      title: '"Termlint: Open the source side by side" on a translation opens cooperation.zh.md beside it at the aligned block',
      run: async () => {
        await page.keyboard.press('Escape');
        fs.writeFileSync(path.join(workspace, 'cooperation.zh.md'), PAIR_SOURCE);
        fs.writeFileSync(path.join(workspace, 'cooperation.en.md'), PAIR_TARGET);
        await workbench.openFromExplorer('cooperation.en.md', 'Greater Bay Area cooperation brief');
        await workbench.editor.locator('.squiggly-warning').first().waitFor();
        // Toasts of the steps before would cover the Problems panel in the picture.
        await runCommand('Notifications: Clear All Notifications');
        const lines = PAIR_TARGET.split('\n');
        const line = lines.findIndex((l) => l.includes('Macau'));
        await workbench.goTo(line + 1, lines[line]!.indexOf('Macau') + 3);
        // From the keyboard: a click into the editor (as findCommand does) would move the cursor to another block.
        await runCommand('Termlint: Open the source side by side');
        await workbench.tab('cooperation.zh.md');
        // Two editors side by side, the source's aligned paragraph selected: the status bar counts its characters.
        await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '广东与澳门扩大合作' }).waitFor();
        await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor();
        await page.locator('.statusbar-item', { hasText: `Ln 3, Col ${PAIR_SOURCE.split('\n')[2]!.length + 1} (${PAIR_SOURCE.split('\n')[2]!.length} selected)` }).first().waitFor();
      },
    },
    {
      name: 'translation-hover',
      title: 'hovering "Hong Kong" in the translation shows its card and the source sentence it renders',
      run: async () => {
        const lines = PAIR_TARGET.split('\n');
        const line = lines.findIndex((l) => l.includes('Hong Kong'));
        await workbench.goTo(line + 1, lines[line]!.indexOf('Hong Kong') + 3);
        const card = await workbench.showHover('Source');
        await card.getByText('香港推进新质生产力。', { exact: false }).first().waitFor();
        await card.screenshot({ path: path.join(SCREENSHOTS, 'translation-hover-alone.png') });
      },
    },
  ];
}

async function main(vsixArgument: string | undefined): Promise<number> {
  if (!vsixArgument) {
    console.error('usage: node out/e2e/ui/uiTest.js <termlint.vsix>');
    return 2;
  }
  const vsix = path.resolve(vsixArgument);
  for (const dir of [SCREENSHOTS, LOGS]) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-ui-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(FIXTURES, workspace, { recursive: true });
  const profile: Profile = { userDataDir: path.join(scratch, 'user-data'), extensionsDir: path.join(scratch, 'extensions') };

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let tally: Tally = { passed: 0, failed: 1, skipped: 0 };
  try {
    fs.mkdirSync(profile.userDataDir, { recursive: true });
    fs.writeFileSync(path.join(LOGS, 'install.log'), installExtension(vsix, profile));
    console.log(`ui: installed ${path.relative(process.cwd(), vsix)} into code-server`);
    server = await startCodeServer({ ...profile, logFile: path.join(LOGS, 'code-server.log') });
    browser = await launchChromium();
    const browserLog = fs.createWriteStream(path.join(LOGS, 'browser.log'));
    browser.page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    browser.page.setDefaultTimeout(60_000);
    tally = await runSteps(browser.page, scenario(browser.page, server, workspace));
  } catch (error) {
    console.error(`ui: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await browser?.close();
    await server?.stop();
    copyServerLogs(profile, path.join(LOGS, 'server-logs'));
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (tally.failed > 0) {
    console.error(`ui: screenshots in ${path.relative(process.cwd(), SCREENSHOTS)}/, logs in ${path.relative(process.cwd(), LOGS)}/`);
  }
  console.log(`ui: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  return tally.failed === 0 && tally.passed > 0 ? 0 : 1;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
