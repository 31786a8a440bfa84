/** Command-line argument parsing shared by `termlint`, `termlint report` and `termlint extract`. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { VARIANT_KINDS, type VariantKind } from '../core/kinds';
import { normalizeLanguageTag } from '../core/languages/tags';
import { VARIANT_SCOPES, type VariantScope } from '../config/settings';
import type { SettingFlags } from './config';

/** The classes of variant `--variants` names (the `variants` setting's switches). */
export const VARIANT_CLASSES = ['hyphenation', 'spelling', 'capitalization'] as const;

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
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  jobs: { type: 'string' },
  'no-fuzzy': { type: 'boolean' },
  'no-consistency': { type: 'boolean' },
  'no-variants': { type: 'boolean' },
  variants: { type: 'string' },
  'variant-scope': { type: 'string' },
  'no-abbreviations': { type: 'boolean' },
  kinds: { type: 'string' },
  'max-file-size': { type: 'string' },
  'no-pairs': { type: 'boolean' },
  reverse: { type: 'boolean' },
  lang: { type: 'string' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  debug: { type: 'boolean' },
} as const;

interface LintArgValues {
  terms?: string[];
  'no-default-terms'?: boolean;
  config?: string;
  'no-config'?: boolean;
  jobs?: string;
  'no-fuzzy'?: boolean;
  'no-consistency'?: boolean;
  'no-variants'?: boolean;
  variants?: string;
  'variant-scope'?: string;
  'no-abbreviations'?: boolean;
  kinds?: string;
  'max-file-size'?: string;
  'no-pairs'?: boolean;
  reverse?: boolean;
  lang?: string;
  'no-error-on-unmatched-pattern'?: boolean;
  'no-cache'?: boolean;
  debug?: boolean;
}

/** What `LINT_ARGS` say: the term lists, the configuration to read, what the flags set over it, threads. */
export interface LintArgs {
  terms: string[];
  /** What the flags set over the configuration. */
  flags: SettingFlags;
  /** `--config FILE`; `useConfig` false for `--no-config`. */
  config?: string;
  useConfig: boolean;
  /** Threads to lint on; undefined: decide by the amount of text. */
  jobs?: number;
  /** An explicit input that matches no file stops the run (exit 2); `--no-error-on-unmatched-pattern` allows it. */
  errorOnUnmatchedPattern: boolean;
  /** Read and write compiled term lists in the cache (`--no-cache`: neither). */
  cache: boolean;
  /** Stack traces with error messages (`--debug`). */
  debug: boolean;
}

/** The lint run `LINT_ARGS` describe, checked: unknown kinds, bad numbers are usage errors. */
export function lintArgsFrom(v: LintArgValues): LintArgs {
  const flags: SettingFlags = {};
  if (v.kinds !== undefined) {
    const kinds = v.kinds.split(',').map((k) => k.trim()).filter(Boolean) as VariantKind[];
    const unknown = kinds.filter((k) => !VARIANT_KINDS.includes(k));
    if (unknown.length > 0) throw new UsageError(`Unknown kind(s) ${unknown.join(', ')} (${VARIANT_KINDS.join(', ')})`);
    flags.kinds = kinds;
  }
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs takes a whole number of threads, 1 or more');
  if (v['max-file-size'] !== undefined) {
    const maxFileSize = Number(v['max-file-size']);
    if (!Number.isFinite(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
    flags.maxFileSize = maxFileSize;
  }
  if (v['no-fuzzy']) flags.fuzzy = false;
  if (v['no-consistency']) flags.consistency = false;
  if (v['no-default-terms']) flags.useBundledTerms = false;
  if (v['no-pairs']) flags.pairs = false;
  if (v.reverse) flags.reverse = true;
  if (v.lang !== undefined) {
    if (v.lang !== 'auto' && !normalizeLanguageTag(v.lang)) throw new UsageError(`--lang takes a language tag (en, zh-Hans, zh-Hant, zh-HK, …) or auto, not "${v.lang}"`);
    flags.language = v.lang;
  }
  const scope = v['variant-scope'];
  if (scope !== undefined && !(VARIANT_SCOPES as readonly string[]).includes(scope)) throw new UsageError(`Unknown --variant-scope "${scope}" (document, workspace or off)`);
  if (v['no-variants']) flags.variants = { scope: 'off' };
  else {
    const variants: NonNullable<SettingFlags['variants']> = {};
    if (scope !== undefined) variants.scope = scope as VariantScope;
    if (v.variants !== undefined) {
      const named = v.variants.split(',').map((c) => c.trim()).filter(Boolean);
      const unknown = named.filter((c) => !(VARIANT_CLASSES as readonly string[]).includes(c));
      if (unknown.length > 0 || named.length === 0) throw new UsageError(`Unknown --variants class(es) ${unknown.join(', ') || '(none named)'} (${VARIANT_CLASSES.join(', ')})`);
      for (const c of VARIANT_CLASSES) variants[c] = named.includes(c);
    }
    if (Object.keys(variants).length > 0) flags.variants = variants;
  }
  if (v['no-abbreviations']) flags.abbreviations = false;
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config exclude each other');
  return {
    terms: v.terms ?? [],
    flags,
    useConfig: !v['no-config'],
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
    cache: !v['no-cache'],
    debug: v.debug ?? false,
  };
}
