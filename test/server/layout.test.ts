/**
 * Services below features: each feature (server/src/features/*.ts) depends on the services beside linting.ts
 * (settings, term lists, fix-all, the publisher) and never on another feature; no service depends on a feature.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';

const SRC = path.join(REPO_ROOT, 'server', 'src');

/** The relative modules a source file imports (type-only imports included: they tie files together too). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*'(\.[^']*)'/gm)].map((m) => m[1]!);
}

describe('server layout', () => {
  it('features never import each other', () => {
    const dir = path.join(SRC, 'features');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      assert.deepEqual(importsOf(path.join(dir, file)).filter((m) => m.startsWith('./')), [], file);
    }
  });

  it('services and the linter import no feature (only server.ts wires them)', () => {
    for (const file of fs.readdirSync(SRC).filter((f) => f.endsWith('.ts') && f !== 'server.ts')) {
      assert.deepEqual(importsOf(path.join(SRC, file)).filter((m) => m.startsWith('./features')), [], file);
    }
  });
});
