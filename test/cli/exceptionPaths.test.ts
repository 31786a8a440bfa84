/**
 * Exceptions on the CLI's paths (issue 15, class 1): `--fix` (to a fixed point, over several rounds) and the
 * report leave official names that keep a forbidden spelling as they are, from a workspace list of our own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeWorkspaces, workspace } from '../helpers/workspace';
import { CANTON_TERMS } from '../unit/exceptionPaths.test';
import { runCli as run } from '../helpers/cli';



const LIST = JSON.stringify({ terms: CANTON_TERMS, ignore: ['Win – Win Trading Company'] }, null, 2);
const DRAFT =
  'CANTON FAIR, April 15 -- Buyers from Canton met at the Canton\nTower and on Canton Road.\n\n' +
  'The Institute of New Quality Productive Forces studies new quality productivity forces; Win – Win Trading Company\n' +
  'signed a longterm deal, and esGuangzhou-Hong KongMacao trade grew.\n';

describe('termlint: exceptions on every path (issue 15)', () => {
  after(removeWorkspaces);

  it('--fix fixes the rest and leaves every official name as written; a second run has nothing to do', () => {
    const dir = workspace({ 'glossary.terms.json': LIST, 'draft.md': DRAFT });
    const first = run(['--no-default-terms', '--terms', 'glossary.terms.json', '--fix', 'draft.md'], dir);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const fixed = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    assert.equal(
      fixed,
      'CANTON FAIR, April 15 -- Buyers from Guangzhou met at the Canton\nTower and on Canton Road.\n\n' +
        'The Institute of New Quality Productive Forces studies new quality productivity forces; Win – Win Trading Company\n' +
        'signed a long-term deal, and Guangzhou-Hong KongMacao trade grew.\n',
    );
    const again = run(['--no-default-terms', '--terms', 'glossary.terms.json', '--fix', 'draft.md'], dir);
    assert.equal(again.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), fixed);
  });

  it('the report counts no excepted spelling as a use or a finding', () => {
    const dir = workspace({ 'glossary.terms.json': LIST, 'draft.md': DRAFT });
    const r = run(['report', '--no-default-terms', '--terms', 'glossary.terms.json', '--format', 'json', 'draft.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { terms: { term: string; uses: number; findings: number }[] };
    const guangzhou = report.terms.find((t) => t.term === 'Guangzhou')!;
    // "Canton" alone and the glued "esGuangzhou"; never the fair, the tower or the road.
    assert.deepEqual([guangzhou.uses, guangzhou.findings], [2, 2]);
    const forces = report.terms.find((t) => t.term === 'new quality productivity forces')!;
    assert.deepEqual([forces.uses, forces.findings], [1, 0]);
  });
});
