/** The keys a JSON term file may hold, shared by its two parsers (the fast one and the positioned one). */
export const TOP_KEYS: ReadonlySet<string> = new Set(['$schema', 'title', 'source', 'language', 'terms', 'ignore']);
export const TERM_KEYS: ReadonlySet<string> = new Set(['term', 'admitted', 'forbidden', 'caseSensitive', 'translations', 'note', 'source', 'abbreviation', 'abbreviationDefined']);
