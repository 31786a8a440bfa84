/** Term lists for tests, built through the real parser so tests see what users' files produce. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CompiledTerms, compileTerms } from '../../server/src/core/compile';
import { parseTermFile } from '../../server/src/core/termlists/json';
import type { TermList } from '../../server/src/core/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function listOf(terms: object[], extra: object = {}): TermList {
  const result = parseTermFile(JSON.stringify({ terms, ...extra }, null, 2), 'test.terms.json');
  assert.deepEqual(result.problems, []);
  return result.list!;
}

export function compiledOf(terms: object[], extra: object = {}): CompiledTerms {
  return compileTerms([listOf(terms, extra)]);
}

let bundled: CompiledTerms | undefined;

export function bundledTerms(): CompiledTerms {
  if (!bundled) {
    const file = path.join(REPO_ROOT, 'terms', 'guangdong.terms.json');
    const result = parseTermFile(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(result.problems, []);
    bundled = compileTerms([result.list!]);
  }
  return bundled;
}
