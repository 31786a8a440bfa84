/**
 * Termlint's settings: one typed shape with defaults and a `from(raw)` normalizer, shared by the language server
 * (`server/src/settings.ts` fills it from the client and the project configuration) and the CLI (from the
 * project configuration and its flags). Pure: no LSP library, no file system, so the CLI's bundle stays small.
 */
import { normalizeLanguageTag } from '../core/languages/tags';
import { DEFAULT_LANGUAGE_IDS, DEFAULT_SEVERITY, SEVERITY_CHOICES, VARIANT_KINDS, termListGlobs, type LintOptions, type SeveritySetting, type VariantKind } from '../core';
import type { DeclaredPair } from '../core/translation/names';

/** A kind's severity as set: a diagnostic severity, or `off`. */
export type SeverityName = SeveritySetting;

export interface Settings {
  enable: boolean;
  /** Language ids of documents to lint. */
  languages: string[];
  /** Globs (relative to each workspace folder) of term files. */
  termFiles: string[];
  /** Where "Add to term list" and "Ignore" write, relative to the workspace folder. */
  workspaceTermFile: string;
  useBundledTerms: boolean;
  severity: Record<VariantKind, SeverityName>;
  fuzzy: { enabled: boolean };
  consistency: { enabled: boolean };
  /** Consistency without a list (kind `variant`): where forms are counted, and which classes are checked. */
  variants: VariantSettings;
  /** The abbreviation checks (kinds `abbreviation`, `expansion`, `unused-abbreviation`). */
  abbreviations: { enabled: boolean };
  /** Globs (relative to the workspace folder) of files never linted. */
  exclude: string[];
  /** In bytes (UTF-8); bigger documents are not linted. */
  maxFileSize: number;
  /**
   * The natural language of documents whose file name names none (`draft.zh.md` does): a BCP 47 tag, or `auto`
   * (Chinese when the text is mostly Han characters, else English). core/languages/detect.ts.
   */
  language: string;
  /** Translation pairs: a source and its translation, checked term by term (core/translation/). */
  translation: TranslationSettings;
}

export interface TranslationSettings {
  /** Check pairs at all (found by name, or declared in `pairs`). */
  enabled: boolean;
  /** The language translations are in, as a normalized tag: `report.en.md` is the translation of `report.zh.md`. */
  targetLanguage: string;
  /** Also report the translation's terms that their source block lacks (`unsourced`). */
  reverse: boolean;
  /** Pairs whose names do not say so, relative to the workspace folder (or the configuration's). */
  pairs: DeclaredPair[];
}

/**
 * `document`: each document is compared with itself as it is edited; `workspace`: a run over several files (the
 * CLI's, "Lint workspace") counts forms across them (open documents are still compared with themselves as you
 * type); `off`.
 */
export type VariantScope = 'document' | 'workspace' | 'off';

export interface VariantSettings {
  scope: VariantScope;
  hyphenation: boolean;
  spelling: boolean;
  capitalization: boolean;
}

export const VARIANT_SCOPES: readonly VariantScope[] = ['document', 'workspace', 'off'];

const SEVERITY_NAMES = Object.keys(SEVERITY_CHOICES) as readonly SeverityName[];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  languages: [...DEFAULT_LANGUAGE_IDS],
  termFiles: termListGlobs(),
  workspaceTermFile: '.vscode/termlint.terms.json',
  useBundledTerms: true,
  severity: { ...DEFAULT_SEVERITY },
  fuzzy: { enabled: true },
  consistency: { enabled: true },
  variants: { scope: 'document' as VariantScope, hyphenation: true, spelling: true, capitalization: true },
  abbreviations: { enabled: true },
  exclude: [],
  maxFileSize: 2 * 1024 * 1024,
  language: 'auto',
  translation: { enabled: true, targetLanguage: 'en', reverse: false, pairs: [] },
});

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, fallback: readonly string[]): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [...fallback];
  if (!Array.isArray(v)) return [...fallback];
  return v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/** Declared pairs as written: `{ source, target }` with optional languages; anything else is left out. */
function declared(v: unknown): DeclaredPair[] {
  if (!Array.isArray(v)) return [];
  const out: DeclaredPair[] = [];
  for (const p of v) {
    if (!isRecord(p) || typeof p.source !== 'string' || typeof p.target !== 'string' || !p.source.trim() || !p.target.trim()) continue;
    const pair: DeclaredPair = { source: p.source.trim(), target: p.target.trim() };
    if (typeof p.sourceLanguage === 'string' && normalizeLanguageTag(p.sourceLanguage)) pair.sourceLanguage = p.sourceLanguage;
    if (typeof p.targetLanguage === 'string' && normalizeLanguageTag(p.targetLanguage)) pair.targetLanguage = p.targetLanguage;
    out.push(pair);
  }
  return out;
}

function translation(v: unknown): TranslationSettings {
  const d = DEFAULT_SETTINGS.translation;
  if (typeof v === 'boolean') return { ...d, enabled: v, pairs: [] };
  const r = isRecord(v) ? v : {};
  const target = typeof r.targetLanguage === 'string' ? normalizeLanguageTag(r.targetLanguage) : undefined;
  return { enabled: bool(r.enabled, d.enabled), targetLanguage: target ?? d.targetLanguage, reverse: bool(r.reverse, d.reverse), pairs: declared(r.pairs) };
}

/** `{ enabled: boolean }` sections may also be given as a plain boolean. */
function toggle(v: unknown, fallback: boolean): { enabled: boolean } {
  if (typeof v === 'boolean') return { enabled: v };
  return { enabled: isRecord(v) ? bool(v.enabled, fallback) : fallback };
}

/**
 * `variants` as an object, or a plain boolean (false: scope `off`). Layers (`layerSettings`) turn a `false`
 * followed by an object into `{ enabled: false, … }`: off unless that later object names a scope.
 */
function variantSettings(v: unknown): VariantSettings {
  const d = DEFAULT_SETTINGS.variants;
  if (typeof v === 'boolean') return { ...d, scope: v ? d.scope : 'off' };
  if (!isRecord(v)) return { ...d };
  const named = typeof v.scope === 'string' && (VARIANT_SCOPES as readonly string[]).includes(v.scope) ? (v.scope as VariantScope) : undefined;
  const scope = named ?? (v.enabled === false ? 'off' : d.scope);
  return { scope, hyphenation: bool(v.hyphenation, d.hyphenation), spelling: bool(v.spelling, d.spelling), capitalization: bool(v.capitalization, d.capitalization) };
}

export const Settings = {
  /** Normalizes whatever the client sent (missing, partial or mistyped values fall back to defaults). */
  from(raw: unknown): Settings {
    const r = isRecord(raw) ? raw : {};
    const severity: Record<VariantKind, SeverityName> = { ...DEFAULT_SEVERITY };
    if (isRecord(r.severity)) {
      for (const kind of VARIANT_KINDS) {
        const s = r.severity[kind];
        if (typeof s === 'string' && (SEVERITY_NAMES as readonly string[]).includes(s)) severity[kind] = s as SeverityName;
      }
    }
    const size = r.maxFileSize;
    const workspaceTermFile = typeof r.workspaceTermFile === 'string' && r.workspaceTermFile.trim() ? r.workspaceTermFile.trim() : DEFAULT_SETTINGS.workspaceTermFile;
    return {
      enable: bool(r.enable, DEFAULT_SETTINGS.enable),
      languages: stringList(r.languages, DEFAULT_SETTINGS.languages),
      termFiles: stringList(r.termFiles, DEFAULT_SETTINGS.termFiles),
      workspaceTermFile: workspaceTermFile.replace(/\\/g, '/').replace(/^\.\//, ''),
      useBundledTerms: bool(r.useBundledTerms, DEFAULT_SETTINGS.useBundledTerms),
      severity,
      fuzzy: toggle(r.fuzzy, DEFAULT_SETTINGS.fuzzy.enabled),
      consistency: toggle(r.consistency, DEFAULT_SETTINGS.consistency.enabled),
      variants: variantSettings(r.variants),
      abbreviations: toggle(r.abbreviations, DEFAULT_SETTINGS.abbreviations.enabled),
      exclude: stringList(r.exclude, DEFAULT_SETTINGS.exclude),
      maxFileSize: typeof size === 'number' && Number.isFinite(size) && size > 0 ? Math.floor(size) : DEFAULT_SETTINGS.maxFileSize,
      language: typeof r.language === 'string' && (r.language.trim() === 'auto' || normalizeLanguageTag(r.language) !== undefined) ? r.language.trim() : DEFAULT_SETTINGS.language,
      translation: translation(r.translation),
    };
  },
  /** The kinds whose severity is not `off`. */
  enabledKinds(s: Settings): VariantKind[] {
    return VARIANT_KINDS.filter((k) => s.severity[k] !== 'off');
  },
  /** What the settings ask of the variant check, as LintOptions.variants. */
  variantOptions(s: Settings): LintOptions['variants'] {
    const v = s.variants;
    if (v.scope === 'off' || !(v.hyphenation || v.spelling || v.capitalization)) return false;
    return v.hyphenation && v.spelling && v.capitalization ? true : { hyphenation: v.hyphenation, spelling: v.spelling, capitalization: v.capitalization };
  },
};

/**
 * Raw settings in layers, later ones winning: objects merge key by key (`severity`, `fuzzy`), anything else
 * (lists included) is replaced. A `{ enabled }` section given as a plain boolean counts as `{ enabled: b }`,
 * so `fuzzy: false` in one layer and `fuzzy: { enabled: true }` in a later one merge as the later says.
 */
export function layerSettings(...layers: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!isRecord(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const before = out[key];
      if (isRecord(value) && (isRecord(before) || typeof before === 'boolean')) {
        out[key] = layerSettings(typeof before === 'boolean' ? { enabled: before } : before, value);
      } else if (typeof value === 'boolean' && isRecord(before) && 'enabled' in before) {
        out[key] = { ...before, enabled: value };
      } else out[key] = isRecord(value) ? layerSettings(value) : value;
    }
  }
  return out;
}
