// npm run test:vscode: the mocha suite in test/e2e/suite, run inside a VS Code extension host
// with the extension under development (this repository) loaded, through @vscode/test-electron's
// runTests(). The VS Code is $VSCODE_EXECUTABLE when set (an installed VS Code), otherwise the
// code-server shim (test/e2e/bin/code-shim), which needs scripts/vscode/setup.sh.
// Prints "vscode: N passed, N failed" last; exits 0 only if tests ran and none failed.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { SuiteResults } from './suite/index';
import { describeError } from './harness/wait';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'vscode');
const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');

function readResults(file: string): SuiteResults | undefined {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults : undefined;
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    console.error('vscode: dist/client.js is missing; run npm run build first');
    return 1;
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // The tests edit files, so they get a copy of the fixture workspace, and a fresh profile.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'termlint-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(FIXTURES, workspace, { recursive: true });
  const resultsFile = path.join(ARTIFACTS, 'results.json');
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE ?? path.join(ROOT, 'test', 'e2e', 'bin', 'code-shim');
  console.log(`vscode: running the extension tests in ${vscodeExecutablePath}`);

  let launchError: string | undefined;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
        `--extensions-dir=${path.join(scratch, 'extensions')}`,
      ],
      extensionTestsEnv: { TERMLINT_E2E_RESULTS: resultsFile, CODE_SHIM_ARTIFACTS: ARTIFACTS },
    });
  } catch (error) {
    launchError = describeError(error);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const results = readResults(resultsFile);
  if (!results) {
    console.error(`vscode: the suite reported no results (${launchError ?? 'no error from VS Code'}); logs in ${ARTIFACTS}`);
    console.log('vscode: 0 passed, 1 failed');
    return 1;
  }
  for (const failure of results.failures) {
    console.error(`\nFAILED ${failure.title}\n${failure.error}`);
  }
  if (results.failed > 0 || launchError) {
    console.error(`\nvscode: logs and a screenshot of the workbench are in ${path.relative(process.cwd(), ARTIFACTS)}/`);
  }
  console.log(`vscode: ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  return results.failed === 0 && results.passed > 0 && launchError === undefined ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
