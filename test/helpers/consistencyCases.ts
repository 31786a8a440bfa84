/**
 * The table-driven cases of the checks without a list (variants, abbreviations): { text, findings, fixed }, each
 * finding [kind, found, preferred replacement]; every case is fixed with fix-all and must then lint clean.
 */
import * as assert from 'node:assert/strict';
import { type CompiledTerms, compileTerms } from '../../server/src/core/compile';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import type { FormatId, LintOptions, VariantKind } from '../../server/src/core/types';
import { checkResult } from './invariants';

export type Expected = [VariantKind, string, string];

export interface Case {
  name: string;
  text: string;
  findings: Expected[];
  fixed?: string;
  format?: FormatId;
  terms?: () => CompiledTerms;
  options?: Partial<LintOptions>;
}

/** No term list at all. */
export const none = compileTerms([]);

/** One test per case, under `title`. */
export function runCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const compiled = c.terms?.() ?? none;
        const options: LintOptions = { format: c.format ?? 'markdown', ...c.options };
        const result = lintText(c.text, compiled, options);
        checkResult(c.text, result);
        assert.deepEqual(result.findings.map((f): Expected => [f.kind, f.found, f.replacements[0]!.text]), c.findings);
        const fixed = applyEdits(c.text, fixAllEdits(result.findings));
        if (c.fixed !== undefined) assert.equal(fixed, c.fixed);
        assert.deepEqual(lintText(fixed, compiled, options).findings.map((f) => [f.kind, f.found]), [], 'fixing leaves nothing to fix');
      });
    }
  });
}
