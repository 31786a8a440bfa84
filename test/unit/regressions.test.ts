/**
 * Counterexamples found by the property tests (test/unit/properties.test.ts), shrunk and kept as plain
 * cases so they run in every build. Each names what went wrong before the fix.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import type { DocumentLanguage } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';

function lint(terms: object[], text: string, language: DocumentLanguage = 'markdown') {
  return lintText(text, compiledOf(terms), { language });
}

describe('regressions found by property tests', () => {
  it('a BOM inside Markdown does not shift finding offsets by one', () => {
    // The masking decoder swallowed a leading U+FEFF, so every finding pointed one character early.
    const text = '\ufeff**shengu**. Shengu.  shengU ';
    const { findings } = lint([{ term: 'shengu', caseSensitive: true }], text);
    assert.deepEqual(findings.map((f) => [f.kind, f.found, f.start]), [['case', 'shengU', 22]]);
    for (const f of findings) assert.equal(text.slice(f.start, f.end), f.found);
    assert.equal(applyEdits(text, fixAllEdits(findings)), '\ufeff**shengu**. Shengu.  shengu ');
  });
});
