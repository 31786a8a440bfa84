// Writes the parts of package.json and termlint.config.schema.json that the engine's tables decide: the
// `termlint.severity` setting and the configuration's `severity` (one property per finding kind, from
// server/src/core/kinds.ts), the `termlint.termFiles` default (every term-list reader's globs, from
// server/src/core/termlists/registry.ts), and the keys an `overrides` entry of the configuration may set (copied
// from its top-level keys, as server/src/config/keys.ts names them). The rest of both files is hand-written.
//
//   npm run manifest            rewrite both (after `tsc -b server`, which npm run manifest does first)
//   node scripts/manifest.mjs --check    exit 1 when either is out of date (test/cli/kinds.test.ts runs it)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { KINDS, SEVERITY_CHOICES } = require(path.join(repo, 'out/server/src/core/kinds.js'));
const { termListGlobs } = require(path.join(repo, 'out/server/src/core/termlists/registry.js'));
const { OVERRIDE_KEYS } = require(path.join(repo, 'out/server/src/config/keys.js'));

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

const schemaFile = path.join(repo, 'termlint.config.schema.json');
const schemaBefore = fs.readFileSync(schemaFile, 'utf8');
const schema = JSON.parse(schemaBefore);
schema.definitions.severity.properties = Object.fromEntries(
  kinds.map((k) => [k, { $ref: '#/definitions/severityLevel', description: `${KINDS[k].help} Default: ${KINDS[k].severity}.` }]),
);
schema.definitions.severityLevel = { enum: Object.keys(SEVERITY_CHOICES), enumDescriptions: Object.values(SEVERITY_CHOICES) };
const override = schema.definitions.override;
override.properties = { files: override.properties.files, ...Object.fromEntries(OVERRIDE_KEYS.map((k) => [k, schema.properties[k]])) };

const outputs = [
  [file, before, JSON.stringify(manifest, null, 2) + '\n'],
  [schemaFile, schemaBefore, JSON.stringify(schema, null, 2) + '\n'],
];
const stale = outputs.filter(([, was, now]) => was !== now);
if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    console.error(`${stale.map(([f]) => path.basename(f)).join(' and ')} out of date with the kinds table, the term-list readers or the configuration keys: run \`npm run manifest\`.`);
    process.exit(1);
  }
} else {
  for (const [f, , now] of stale) {
    fs.writeFileSync(f, now);
    console.log(`${path.basename(f)} updated`);
  }
}
