/** The .vsix as users install it: built by vsce from the allow-list (package.json `files`), unpacked and inspected. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import { readmeCommands } from '../helpers/readme';
import { REPO_ROOT } from '../helpers/terms';

function entries(zipFile: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('cannot open'));
      const out = new Map<string, number>();
      zip.on('entry', (e: yauzl.Entry) => {
        out.set(e.fileName, e.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the packaged extension (.vsix)', function () {
  this.timeout(120_000);
  let dir: string;
  let vsix: string;
  let files: Map<string, number>;
  let output: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-vsix-'));
    vsix = path.join(dir, 'termlint.vsix');
    const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    output = r.stdout + r.stderr;
    files = await entries(vsix);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the bundles, the word list, the spelling pairs, the term lists and the docs', () => {
    for (const f of [
      'extension/package.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      'extension/dist/english-words.txt',
      'extension/dist/china-names.json',
      'extension/dist/english-variants.txt',
      'extension/dist/parse5.js',
      'extension/dist/config-validator.js',
      'extension/termlint.config.schema.json',
      // Chinese: OpenCC's tables, pinyin-pro, jieba and its WebAssembly module, the place names.
      'extension/dist/opencc-t2cn.js',
      'extension/dist/pinyin-pro.js',
      'extension/dist/jieba.js',
      'extension/dist/jieba_rs_wasm_bg.wasm',
      'extension/dist/zh-places.txt',
      'extension/terms/guangdong.terms.json',
      'extension/terms/terms.schema.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/images/quick-fix-menu.png',
      'extension/images/hover-card.png',
    ]) {
      assert.ok(files.has(f), `${f} is in the package`);
    }
  });

  it('is packaged without a warning (repository, licence, allow-list), under the name the README installs', () => {
    assert.doesNotMatch(output, /WARNING|ERROR/, output);
    const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const install = readmeCommands('vsix');
    assert.deepEqual(install.slice(0, 2), ['npm ci', 'npm run package']);
    // vsce names the package `${name}-${version}.vsix` when no --out is given, as `npm run package` does.
    assert.equal(install[2], `code --install-extension ${name}-${version}.vsix`);
  });

  it('holds nothing else: no sources, tests, source maps or node_modules', () => {
    const unexpected = [...files.keys()].filter(
      (f) => /\.(ts|map)$/.test(f) || /node_modules|\/(src|test|out|bench|scripts)\//.test(f),
    );
    assert.deepEqual(unexpected, []);
  });

  // jieba's WebAssembly module (its dictionary inside, 4 MB, about 2 MB compressed) is most of it.
  it('points main at a bundle it ships, and stays under 5 MB', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { main: string };
    assert.ok(files.has(path.posix.join('extension', manifest.main)));
    const size = fs.statSync(vsix).size;
    assert.ok(size < 5 * 1024 * 1024, `${size} bytes`);
  });
});
