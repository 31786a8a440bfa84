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

/**
 * A Chinese source and its English translation, named as a pair (cooperation.zh.md, cooperation.en.md), against
 * the fixture glossary's Chinese forms: Macao rendered with its forbidden "Macau", Shenzhen left out (the
 * translation says "the city"). The suite's pairs.test.ts and the UI test both open it.
 */
export const PAIR_SOURCE = `# 大湾区合作简报

广东与澳门扩大合作，深圳建设新的实验室。

- 香港推进新质生产力。
`;

export const PAIR_TARGET = `# Greater Bay Area cooperation brief

Guangdong and Macau widen their cooperation, and the city
builds new laboratories.

- Hong Kong advances new quality productivity forces.
`;

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
