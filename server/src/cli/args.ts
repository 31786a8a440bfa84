/** Command-line argument parsing shared by `termlint` and `termlint extract`. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

/** `util.parseArgs`, its errors turned into UsageErrors. */
export function parseArgsOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
