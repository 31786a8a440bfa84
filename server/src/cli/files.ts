/** What the CLI's inputs are: the default patterns, globs, the format of a file, term files, binary files. */
import { FORMATS, type FormatId, formatForPath } from '../core/formats';

/** Every extension a document format claims: the files the CLI checks in folders, and under the current one without paths. */
export const EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);
export const DEFAULT_PATTERNS = [`**/*.{${EXTENSIONS.join(',')}}`];

/** The glob library, loaded only when an input may be a glob: a run on named files does not pay to load it. */
function globber(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}

/**
 * tinyglobby's isDynamicPattern (picomatch's scan): a pattern is a glob only with one of these characters
 * (`*`, `?`, `[…]`, `{…}`, `(…)`, extglobs, or a leading `!`); without any, no need to load the library to ask.
 */
export function isDynamicPattern(input: string): boolean {
  return /[*?[{(!]/.test(input) && globber().isDynamicPattern(input);
}

/** The format a file is read in: by its extension, plain text when no format claims it. */
export function formatOf(file: string): FormatId {
  return formatForPath(file).id;
}

/** True when the start of the file has a NUL byte: not text, whatever its name says. */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}
