/** Termlint's version: package.json's, which scripts/bundle.mjs puts into every bundle (esbuild `define`). */
declare const TERMLINT_VERSION: string | undefined;

/** Only an unbundled build (the tests' tsc output) does not know it. */
export const VERSION = typeof TERMLINT_VERSION === 'string' ? TERMLINT_VERSION : 'unbundled';
