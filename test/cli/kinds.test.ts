/**
 * One table per finding kind (server/src/core/kinds.ts), and everything that shows a kind agrees with it: the
 * manifest's `termlint.severity` setting (written by `npm run manifest`), the README's table of kinds, and the
 * built CLI's messages and SARIF rules.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEVERITY, DOCUMENT_KINDS, KINDS, SEVERITY_CHOICES, VARIANT_KINDS } from '../../server/src/core/kinds';
import { TERM_LIST_READERS, termListGlobs } from '../../server/src/core/termlists/registry';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { REPO_ROOT } from '../helpers/terms';

interface SeverityProperty {
  enum: string[];
  enumDescriptions: string[];
  default: string;
  description: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { default: unknown; properties?: Record<string, SeverityProperty> }> } };
};
const settings = manifest.contributes.configuration.properties;

function cli(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

describe('the kinds table', () => {
  it('package.json is what `npm run manifest` writes from the table and the readers', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'manifest.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('termlint.severity: one property per kind, with its default and help', () => {
    const severity = settings['termlint.severity']!;
    assert.deepEqual(severity.default, DEFAULT_SEVERITY);
    assert.deepEqual(Object.keys(severity.properties!), VARIANT_KINDS);
    for (const kind of VARIANT_KINDS) {
      const p = severity.properties![kind]!;
      assert.equal(p.default, KINDS[kind].severity, kind);
      assert.equal(p.description, KINDS[kind].help, kind);
      assert.deepEqual(p.enum, Object.keys(SEVERITY_CHOICES), kind);
      assert.deepEqual(p.enumDescriptions, Object.values(SEVERITY_CHOICES), kind);
    }
    assert.deepEqual(DEFAULT_SETTINGS.severity, DEFAULT_SEVERITY);
  });

  it('termlint.termFiles defaults to every reader\'s globs, and each glob activates the extension', () => {
    assert.deepEqual(settings['termlint.termFiles']!.default, termListGlobs());
    assert.deepEqual(DEFAULT_SETTINGS.termFiles, termListGlobs());
    for (const reader of TERM_LIST_READERS) {
      for (const glob of reader.globs) assert.ok(manifest.activationEvents.includes(`workspaceContains:${glob}`), `${reader.id}: workspaceContains:${glob}`);
    }
  });

  it("the README's table of kinds says what the table means", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## What Termlint finds'), readme.indexOf('What is **not** a finding'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
    assert.deepEqual(rows, VARIANT_KINDS.map((k) => [k, KINDS[k].meaning]));
  });

  it("the CLI's messages name each kind by its label, and its SARIF rules are the table", () => {
    const args = ['--no-default-terms', '--terms', 'terms/guangdong.terms.json', 'examples/draft.md', 'examples/draft.zh.md'];
    const json = cli(['--format', 'json', ...args]);
    assert.equal(json.status, 1);
    // The term kinds in the term-list example, the kinds that need no list in the consistency example; the kinds
    // of a translation pair need two documents: test/cli/pair.test.ts has them.
    // Run in its own folder, which holds no term file: no list at all is in force.
    const listFree = cli(['--format', 'json', '--no-default-terms', 'consistency.md'], path.join(REPO_ROOT, 'examples', 'no-list'));
    assert.equal(listFree.status, 1);
    const records = [...JSON.parse(json.stdout), ...JSON.parse(listFree.stdout)] as { kind: keyof typeof KINDS; message: string; severity: string }[];
    assert.deepEqual([...new Set(records.map((r) => r.kind))].sort(), [...DOCUMENT_KINDS].sort(), 'the examples have every kind a document can have');
    for (const r of records) {
      assert.ok(r.message.includes(`(${KINDS[r.kind].label}`), r.message);
      assert.equal(r.severity, KINDS[r.kind].severity);
    }
    const sarif = JSON.parse(cli(['--format', 'sarif', ...args]).stdout) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } } }[];
    };
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    assert.deepEqual(
      sarif.runs[0]!.tool.driver.rules.map((r) => [r.id, r.shortDescription.text, r.defaultConfiguration.level]),
      VARIANT_KINDS.map((k) => [k, KINDS[k].summary, level[KINDS[k].severity]]),
    );
  });
});
