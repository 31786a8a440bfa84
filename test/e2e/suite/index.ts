// The extension tests' entry point: VS Code's extension host loads this module (runTests()'s
// extensionTestsPath) and awaits run(). Results also go to $TERMLINT_E2E_RESULTS as JSON, so the
// launcher can print the counts whatever VS Code is used.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 90_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failures: SuiteResults['failures'] = [];
    const runner = mocha.run((failed) => {
      const results: SuiteResults = {
        passed: runner.stats?.passes ?? 0,
        failed,
        pending: runner.stats?.pending ?? 0,
        failures,
      };
      const out = process.env.TERMLINT_E2E_RESULTS;
      if (out) {
        fs.writeFileSync(out, JSON.stringify(results, null, 2));
      }
      if (failed > 0) {
        reject(new Error(`${failed} of ${results.passed + failed} extension tests failed`));
      } else {
        resolve();
      }
    });
    runner.on('fail', (test, error: Error) => {
      failures.push({ title: test.fullTitle(), error: error.stack ?? error.message });
    });
  });
}
