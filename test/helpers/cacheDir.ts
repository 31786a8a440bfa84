/**
 * Loaded by mocha before the tests (.mocharc.json `require`): every CLI the tests spawn keeps its cache of
 * compiled term lists in one folder of its own, removed at the end, instead of the user's ~/.cache/termlint. The
 * suite's runs share it, so the CLI tests run both ways: lists compiled (and written) and lists read back.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

if (!process.env.TERMLINT_CACHE_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-test-cache-'));
  process.env.TERMLINT_CACHE_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
