// npm run test:report: the HTML page `termlint report` writes, opened from disk in Debian's Chromium through
// playwright-core, as a reader opens it: light, dark and printed. It must render with no console error (a CSP
// violation is one), make no request beyond its own file, show the summary the JSON report has, draw one bar
// per term cut into one segment per form, and link each use to a file that is there.
// Usage: node out/e2e/report/reportPage.js    (after npm run build; scripts/vscode/setup.sh installs Chromium)
// Screenshots (light.png, dark.png, print.png) and the page itself go to artifacts/report/.
// Prints "report: N passed, N failed" last; exits 0 only if every check passed.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../harness/chromium';
import { describeError } from '../harness/wait';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT = path.join(ROOT, 'artifacts', 'report');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const INPUTS = ['examples/draft.md', 'examples/draft.html'];

interface Totals {
  files: number;
  terms: number;
  uses: number;
  findings: number;
  variants: number;
}

/** Runs the built CLI from the repository, as the README shows it. */
function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`termlint ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The little of the DOM the checks evaluate in the page (this project has no DOM lib). */
interface PageGlobals {
  document: {
    body: unknown;
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; getBoundingClientRect(): { width: number; height: number } }>;
  };
  getComputedStyle(element: unknown): { backgroundColor: string; color: string };
}

/** Opens the page, failing on a console error, an uncaught error or any request but the page itself. */
async function open(browser: Browser, url: string, colorScheme: 'light' | 'dark', media: 'screen' | 'print'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme, media });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) problems.push(`request: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

async function main(): Promise<number> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, 'report.html');
  const json = JSON.parse(cli(['report', ...INPUTS, '--terms', 'terms/guangdong.terms.json', '--format', 'json'])) as { totals: Totals; terms: unknown[] };
  cli(['report', ...INPUTS, '--terms', 'terms/guangdong.terms.json', '--out', path.relative(ROOT, file)]);
  const url = pathToFileURL(file).href;

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    // Chromium's own headless switch, and nothing that talks to the network on its own.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const tally = { passed: 0, failed: 0 };
  const check = async (title: string, body: () => Promise<void>) => {
    try {
      await body();
      console.log(`  ✔ ${title}`);
      tally.passed++;
    } catch (error) {
      console.log(`  ✘ ${title}\n    ${describeError(error).replace(/\n/g, '\n    ')}`);
      tally.failed++;
    }
  };
  const backgrounds: Record<string, string> = {};
  try {
    for (const [scheme, media] of [['light', 'screen'], ['dark', 'screen'], ['light', 'print']] as const) {
      const name = media === 'print' ? 'print' : scheme;
      await check(`${name}: renders with no console error and no request but its own file`, async () => {
        const { page, problems } = await open(browser, url, scheme, media);
        await page.locator('h1', { hasText: 'Term usage report' }).waitFor();
        await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: media === 'print' });
        backgrounds[name] = await page.evaluate(() => {
          const g = globalThis as unknown as PageGlobals;
          return g.getComputedStyle(g.document.body).backgroundColor;
        });
        if (problems.length > 0) throw new Error(problems.join('\n'));
        await page.context().close();
      });
    }
    await check('dark and light differ, and print is black on white', async () => {
      if (backgrounds.light === backgrounds.dark) throw new Error(`the same background in light and dark: ${backgrounds.light}`);
      if (backgrounds.print !== 'rgb(255, 255, 255)') throw new Error(`printed background ${backgrounds.print}`);
    });

    const { page, problems } = await open(browser, url, 'light', 'screen');
    await check('the summary shows the numbers of the JSON report', async () => {
      const t = json.totals;
      for (const [id, value] of [['files', t.files], ['terms', t.terms], ['uses', t.uses], ['findings', t.findings], ['variants', t.variants]] as const) {
        const shown = (await page.locator(`#total-${id} dd`).textContent())?.trim();
        if (shown !== value.toLocaleString('en')) throw new Error(`${id}: the page shows ${shown}, the JSON says ${value}`);
      }
    });
    await check('the chart is there: one bar per term, each cut into segments of non-zero width', async () => {
      const rows = page.locator('svg.chart g.row');
      const count = await rows.count();
      if (count !== Math.min(json.terms.length, 40)) throw new Error(`${count} bars for ${json.terms.length} terms`);
      const widths = await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        return Array.from(g.document.querySelectorAll('svg.chart rect:not(.track)')).map((r) => r.getBoundingClientRect().width);
      });
      if (widths.length < count || widths.some((w) => !(w > 0))) throw new Error(`segment widths ${widths.join(', ')}`);
      if ((await page.locator('svg.chart rect.finding').count()) === 0) throw new Error('no segment to fix, though the drafts have findings');
    });
    await check('every file:line link points at a file that is there', async () => {
      const hrefs = await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        return Array.from(g.document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? '');
      });
      const files = hrefs.filter((h) => !h.startsWith('#'));
      if (files.length === 0) throw new Error('no link to a file');
      for (const href of new Set(files.map((h) => h.replace(/#L\d+$/, '')))) {
        const target = path.resolve(OUT, decodeURIComponent(href));
        if (!fs.existsSync(target)) throw new Error(`${href} → ${target} does not exist`);
      }
      if (!files.every((h) => /#L\d+$/.test(h))) throw new Error(`a link without its line: ${files.find((h) => !/#L\d+$/.test(h))}`);
    });
    await check('still no console error or request after reading it', async () => {
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
  } finally {
    await browser.close();
  }
  console.log(`report: page and screenshots in ${path.relative(process.cwd(), OUT)}/`);
  console.log(`report: ${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed === 0 && tally.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
