// Debian's Chromium, driven by playwright-core (which downloads no browser of its own).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * A headless Chromium with a fresh profile that talks to nothing but the pages it is sent to:
 * no sync, no component or safe-browsing updates, no QUIC probes.
 */
export async function launchChromium(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Chromium creates ~/.config/chromium/Crash Reports even with its own profile directory.
    env: {
      ...process.env,
      TMPDIR: profile,
      XDG_CONFIG_HOME: path.join(profile, 'xdg-config'),
      XDG_CACHE_HOME: path.join(profile, 'xdg-cache'),
    },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  let closed = false;
  return {
    context,
    page,
    async close() {
      if (closed) {
        return;
      }
      closed = true;
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
