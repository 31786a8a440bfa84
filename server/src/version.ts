/** Termlint's version: package.json's, which scripts/bundle.mjs puts into every bundle (esbuild `define`). */
declare const TERMLINT_VERSION: string | undefined;

/** Only an unbundled build (the tests' tsc output) does not know it. */
export const VERSION = typeof TERMLINT_VERSION === 'string' ? TERMLINT_VERSION : 'unbundled';

/** A hash of the sources the bundle was built from (scripts/bundle.mjs); undefined when unbundled. */
declare const TERMLINT_BUILD: string | undefined;

export const BUILD: string | undefined = typeof TERMLINT_BUILD === 'string' ? TERMLINT_BUILD : undefined;
