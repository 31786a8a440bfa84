/**
 * The README's Quick start shows what `npm run example` prints, and the Consistency-without-a-list example what
 * its command prints: both are run here (from where the README runs them) and compared line by line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { readmeBlock } from '../helpers/readme';
import { REPO_ROOT } from '../helpers/terms';

describe("the README's examples print what it shows", () => {
  it('Quick start: npm run example (the bundled draft with the bundled list)', () => {
    const script = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts.example as string;
    assert.match(script, /node dist\/cli\.js --terms terms\/guangdong\.terms\.json examples\/draft\.md/);
    const r = runCli(['--terms', 'terms/guangdong.terms.json', 'examples/draft.md'], REPO_ROOT);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trimEnd(), readmeBlock('example-output').trimEnd());
  });

  it('Consistency without a list: a folder with no term file', () => {
    const r = runCli(['--no-default-terms', 'consistency.md'], path.join(REPO_ROOT, 'examples', 'no-list'));
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trimEnd(), readmeBlock('no-list-output').trimEnd());
  });
});
