// Writes the parts of package.json that the engine's tables decide: the `termlint.severity` setting (one
// property per finding kind, from server/src/core/kinds.ts) and the `termlint.termFiles` default (every
// term-list reader's globs, from server/src/core/termlists/registry.ts). The rest of the manifest is hand-written.
//
//   npm run manifest            rewrite package.json (after `tsc -b server`, which npm run manifest does first)
//   node scripts/manifest.mjs --check    exit 1 when package.json is out of date (test/cli/kinds.test.ts runs it)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { KINDS, SEVERITY_CHOICES } = require(path.join(repo, 'out/server/src/core/kinds.js'));
const { termListGlobs } = require(path.join(repo, 'out/server/src/core/termlists/registry.js'));

const file = path.join(repo, 'package.json');
const before = fs.readFileSync(file, 'utf8');
const manifest = JSON.parse(before);
const settings = manifest.contributes.configuration.properties;

const kinds = Object.keys(KINDS);
const severity = settings['termlint.severity'];
severity.default = Object.fromEntries(kinds.map((k) => [k, KINDS[k].severity]));
severity.properties = Object.fromEntries(
  kinds.map((k) => [
    k,
    {
      enum: Object.keys(SEVERITY_CHOICES),
      enumDescriptions: Object.values(SEVERITY_CHOICES),
      default: KINDS[k].severity,
      description: KINDS[k].help,
    },
  ]),
);
settings['termlint.termFiles'].default = termListGlobs();

const after = JSON.stringify(manifest, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('package.json is out of date with the kinds table or the term-list readers: run `npm run manifest`.');
    process.exit(1);
  }
} else if (after !== before) {
  fs.writeFileSync(file, after);
  console.log('package.json updated');
}
