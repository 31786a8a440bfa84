/** Command-line argument parsing shared by `termlint`, `termlint report` and `termlint extract`. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { VARIANT_KINDS, type VariantKind } from '../core/kinds';
import { normalizeLanguageTag } from '../core/languages/tags';
import type { LintOptions } from '../core/types';

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

/** The options of a lint run, the same for `termlint` and `termlint report` (described in both usages). */
export const LINT_ARGS = {
  terms: { type: 'string', multiple: true },
  'no-default-terms': { type: 'boolean' },
  jobs: { type: 'string' },
  'no-fuzzy': { type: 'boolean' },
  'no-consistency': { type: 'boolean' },
  kinds: { type: 'string' },
  'max-file-size': { type: 'string' },
  lang: { type: 'string' },
} as const;

interface LintArgValues {
  terms?: string[];
  'no-default-terms'?: boolean;
  jobs?: string;
  'no-fuzzy'?: boolean;
  'no-consistency'?: boolean;
  kinds?: string;
  'max-file-size'?: string;
  lang?: string;
}

/** The lint run `LINT_ARGS` describe, checked: unknown kinds, bad numbers are usage errors. */
export function lintArgsFrom(v: LintArgValues): { terms: string[]; defaultTerms: boolean; lint: Omit<LintOptions, 'format'>; maxFileSize: number; jobs?: number; lang?: string } {
  let kinds: VariantKind[] | undefined;
  if (v.kinds !== undefined) {
    kinds = v.kinds.split(',').map((k) => k.trim()).filter(Boolean) as VariantKind[];
    const unknown = kinds.filter((k) => !VARIANT_KINDS.includes(k));
    if (unknown.length > 0) throw new UsageError(`Unknown kind(s) ${unknown.join(', ')} (${VARIANT_KINDS.join(', ')})`);
  }
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs takes a whole number of threads, 1 or more');
  const maxFileSize = v['max-file-size'] === undefined ? 50_000_000 : Number(v['max-file-size']);
  if (!Number.isFinite(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
  const lint: Omit<LintOptions, 'format'> = { fuzzy: !v['no-fuzzy'], consistency: !v['no-consistency'] };
  if (kinds) lint.kinds = kinds;
  const lang = v.lang;
  if (lang !== undefined && lang !== 'auto' && !normalizeLanguageTag(lang)) throw new UsageError(`--lang takes a language tag (en, zh-Hans, zh-Hant, zh-HK, …) or auto, not "${lang}"`);
  return { terms: v.terms ?? [], defaultTerms: !v['no-default-terms'], lint, maxFileSize, ...(jobs !== undefined ? { jobs } : {}), ...(lang !== undefined ? { lang } : {}) };
}
