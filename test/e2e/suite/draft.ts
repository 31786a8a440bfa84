// What Termlint must find in test/e2e/fixtures/workspace/draft.md, checked against
// glossary.terms.json (the fixture workspace turns the bundled list off).

export interface ExpectedFinding {
  kind: 'joined' | 'split' | 'hyphen' | 'case' | 'misspelling' | 'forbidden' | 'inconsistent';
  /** The flagged text: its first occurrence in the draft is the diagnostic's exact range. */
  found: string;
  /** What the preferred quick fix writes in its place. */
  fixed: string;
}

export const DRAFT = 'draft.md';

export const EXPECTED: readonly ExpectedFinding[] = [
  { kind: 'joined', found: 'HongKong', fixed: 'Hong Kong' },
  { kind: 'split', found: 'Guang dong', fixed: 'Guangdong' },
  { kind: 'hyphen', found: 'high quality development', fixed: 'high-quality development' },
  { kind: 'case', found: 'guangdong', fixed: 'Guangdong' },
  { kind: 'misspelling', found: 'Shenzen', fixed: 'Shenzhen' },
  { kind: 'forbidden', found: 'Macau', fixed: 'Macao' },
  // Two approved uses against one admitted: the admitted form is the odd one out.
  { kind: 'inconsistent', found: 'new quality productive forces', fixed: 'new quality productivity forces' },
];

/** `text` with one finding (the first occurrence of its text) replaced by its fix. */
export function applyFix(text: string, finding: ExpectedFinding): string {
  const at = text.indexOf(finding.found);
  if (at < 0) {
    throw new Error(`"${finding.found}" is not in the draft`);
  }
  return text.slice(0, at) + finding.fixed + text.slice(at + finding.found.length);
}

/** `text` with every expected finding fixed and nothing else changed (code stays as it is). */
export function fixAll(text: string): string {
  return EXPECTED.reduce(applyFix, text);
}
