// Bundles the extension client, the language server and the CLI into single files under dist/.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');

// The English word list (3 MB of JSON) is shared by the server and the CLI: ship it once, next to the
// bundles, and load it at run time instead of inlining a copy into each. It is written as one JSON string,
// sorted, one word a line: parsing 275,000 array elements cost a one-shot CLI run ~50 ms, one string ~3 ms
// (server/src/core/english.ts binary-searches it in place).
const WORDS = 'an-array-of-english-words';
mkdirSync('dist', { recursive: true });
writeFileSync('dist/english-words.json', JSON.stringify(require(WORDS).slice().sort().join('\n')));
const sharedWordList = {
  name: 'shared-word-list',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${WORDS}$`) }, () => ({ path: './english-words.json', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [sharedWordList],
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // ESM dependencies (tinyglobby's fdir) read import.meta.url; give the CommonJS bundle a real one.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
]);
chmodSync('dist/cli.js', 0o755);
