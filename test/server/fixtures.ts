/** Shared test data: a small term list and a draft that breaks it in known ways. */
export const TERMS = {
  title: 'Test terms',
  source: 'Test glossary',
  terms: [
    {
      term: 'productivity forces',
      admitted: ['productive forces'],
      forbidden: ['prodforces'],
      translations: { 'zh-Hans': '生产力' },
      note: 'Keep one form per document.',
    },
    { term: 'Guangdong', translations: { 'zh-Hans': '广东' } },
    { term: 'high-quality development' },
  ],
};

export const TERMS_TEXT = JSON.stringify(TERMS, null, 2) + '\n';

/** Settings for tests that must not depend on the shipped term list. */
export const NO_BUNDLED = { useBundledTerms: false };

/** Line of `needle` (0-based) in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, i).split('\n').length - 1;
}
