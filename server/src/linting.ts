/**
 * The adapter from the core to LSP: lints a document with its settings and term lists (cached per
 * document version), and turns findings into diagnostics. Positions are computed here and nowhere in core.
 */
import picomatch from 'picomatch';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLinter as IncrementalLinter, formatForLanguageId, lintText, lintTogether, type CompiledTerms, type Finding, type FormCount, type LintOptions, type LintResult, type Replacement, type Term, type TermFileProblem, type VariantKind } from './core';
import { FNV_OFFSET, fnv1aStep } from './core/hash';
import { Settings, type SeverityName, type SettingsStore } from './settings';
import type { TermStore } from './termLists';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from './protocol';
import { folderOf, relativePath, uriPath, utf8Length } from './util';

export const SOURCE = DIAGNOSTIC_SOURCE;

/** What code actions need from a diagnostic, carried in `Diagnostic.data` (never re-linted for one fix). */
export interface FindingData {
  termId: string;
  kind: VariantKind;
  /** The text as written and its offset when linted, to check the document still reads so. */
  found: string;
  offset: number;
  replacements: Replacement[];
  /** A variant's forms, the preferred one first (what "Add to the term list" turns into an entry). */
  forms?: FormCount[];
}

export function isFindingData(v: unknown): v is FindingData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<FindingData>;
  return (
    typeof d.termId === 'string' &&
    typeof d.kind === 'string' &&
    typeof d.found === 'string' &&
    typeof d.offset === 'number' &&
    Array.isArray(d.replacements) &&
    d.replacements.every(isReplacement) &&
    (d.forms === undefined || (Array.isArray(d.forms) && d.forms.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as FormCount).text === 'string' && typeof (f as FormCount).count === 'number')))
  );
}

/** Data comes back from the client: a replacement with edits that are not offsets must never become an edit. */
function isReplacement(v: unknown): v is Replacement {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<Replacement>;
  return (
    typeof r.text === 'string' &&
    Array.isArray(r.edits) &&
    r.edits.every((e: unknown) => {
      if (typeof e !== 'object' || e === null) return false;
      const { start, end, text } = e as Partial<Replacement['edits'][number]>;
      return Number.isInteger(start) && Number.isInteger(end) && start! >= 0 && end! >= start! && typeof text === 'string';
    })
  );
}

/** Anything lintable: an open document, or a file read from disk for a workspace lint. */
export type LintTarget = Pick<TextDocument, 'uri' | 'languageId' | 'version' | 'getText' | 'positionAt' | 'offsetAt'>;

interface Base {
  uri: string;
  version: number;
  diagnostics: Diagnostic[];
  /** Identifies this result: same id, same diagnostics. */
  resultId: string;
}

export type LintOutcome =
  | (Base & { status: 'skipped' })
  | (Base & { status: 'tooLarge' })
  | (Base & { status: 'termFile' })
  | (Base & { status: 'linted'; text: string; result: LintResult; compiled: CompiledTerms; settings: Settings });

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A term origin's `file` is the URI we gave `parseTermFile`; plain paths are turned into file URIs. */
export function originUri(file: string): string {
  if (/^[a-zA-Z][\w+.-]*:/.test(file) && !/^[a-zA-Z]:[\\/]/.test(file)) return file;
  const p = file.replace(/\\/g, '/');
  return 'file://' + (p.startsWith('/') ? '' : '/') + p.split('/').map(encodeURIComponent).join('/');
}

export function findingDiagnostic(doc: LintTarget, f: Finding, term: Term | undefined, settings: Settings): Diagnostic {
  const level = settings.severity[f.kind];
  const data: FindingData = { termId: f.termId, kind: f.kind, found: f.found, offset: f.start, replacements: f.replacements };
  if (f.forms) data.forms = f.forms;
  const diagnostic: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: level === 'off' ? DiagnosticSeverity.Hint : SEVERITY[level],
    source: SOURCE,
    code: f.kind,
    message: f.message,
    data,
  };
  const related = termRelatedInformation(term);
  if (related) diagnostic.relatedInformation = related;
  // A finding against the document itself links to the places it refers to (the preferred form, a definition).
  if (f.related) diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } }, message: r.message }));
  return diagnostic;
}

/**
 * A result id that changes exactly when what the client shows changes: a 64-bit hash of every field of every
 * diagnostic, with the offsets in `data` taken relative to the finding (code actions re-anchor them on the
 * diagnostic's range, so a kept diagnostic whose text moved still fixes the right span).
 */
export function diagnosticsResultId(diagnostics: readonly Diagnostic[]): string {
  let a = FNV_OFFSET;
  let b = 0x9e3779b9;
  const str = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = fnv1aStep(a, c);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    num(s.length);
  };
  const num = (n: number) => {
    a = fnv1aStep(a, n | 0) ^ 0x2f;
    b = Math.imul(b ^ (n | 0), 0x5bd1e995) ^ (b >>> 15);
  };
  num(diagnostics.length);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    num(start.line);
    num(start.character);
    num(end.line);
    num(end.character);
    num(d.severity ?? 0);
    str(String(d.code ?? ''));
    str(d.source ?? '');
    str(typeof d.message === 'string' ? d.message : d.message.value);
    const data = d.data as Partial<FindingData> | undefined;
    if (isFindingData(data)) {
      str(data.termId);
      str(data.kind);
      str(data.found);
      num(data.forms?.length ?? -1);
      for (const f of data.forms ?? []) {
        str(f.text);
        num(f.count);
      }
      num(data.replacements.length);
      for (const r of data.replacements) {
        str(r.text);
        num(r.edits.length);
        for (const e of r.edits) {
          num(e.start - data.offset);
          num(e.end - data.offset);
          str(e.text);
        }
      }
    } else str(JSON.stringify(data ?? null));
    for (const r of d.relatedInformation ?? []) {
      str(r.location.uri);
      num(r.location.range.start.line);
      num(r.location.range.start.character);
      str(r.message);
    }
  }
  return `d${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

export function termRelatedInformation(term: Term | undefined): DiagnosticRelatedInformation[] | undefined {
  if (!term?.origin) return undefined;
  const pos = { line: term.origin.line, character: term.origin.column };
  return [{ location: { uri: originUri(term.origin.file), range: { start: pos, end: pos } }, message: `Term list entry for "${term.term}"` }];
}

export function problemDiagnostic(doc: Pick<TextDocument, 'positionAt'>, p: TermFileProblem): Diagnostic {
  return {
    range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: DiagnosticCodes.termFile,
    message: p.message,
    data: { path: p.path },
  };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

/** The one diagnostic of a document too large to lint. */
export function tooLargeDiagnostic(settings: Settings): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: DiagnosticCodes.fileTooLarge,
    message: `Termlint did not check this file: it is larger than termlint.maxFileSize (${formatBytes(settings.maxFileSize)}).`,
  };
}

export interface LintCallOptions {
  /** Default true; false for files linted once (workspace lint). */
  cache?: boolean;
  /**
   * Scope to read settings for, when not the document itself: a workspace lint reads them once per
   * folder instead of asking the client for every file (resource settings can only vary per folder).
   */
  settingsUri?: string;
}

export interface DocumentLinter {
  /**
   * Lints `doc` as it reads now; the outcome's `version` is the one linted. Outcomes of open documents
   * are cached per version (pass `cache: false` for files linted once, e.g. by a workspace lint).
   */
  lint(doc: LintTarget, options?: LintCallOptions): Promise<LintOutcome>;
  /** Drops the cached outcome of a closed document. */
  forget(uri: string): void;
  /** Whether Termlint lints this document at all (enabled, language, not excluded). Term files count. */
  applies(doc: Pick<LintTarget, 'uri' | 'languageId'>, settings: Settings): boolean;
  /** Bumped on every settings change (cached outcomes become stale). */
  invalidate(): void;
  /**
   * Lints documents of one workspace folder together (`termlint.variants.scope` `workspace`): variants are
   * counted across all of them. The diagnostics of each, in order; open documents keep these variants until
   * they are edited (then each is compared with itself again, until the next workspace lint).
   */
  lintTogether(docs: readonly LintTarget[], folder: string): Promise<{ diagnostics: Diagnostic[]; findings: readonly Finding[] }[]>;
}

/** Who writes the forms, as the messages of a workspace-scope lint say it. */
export const WORKSPACE_WHERE = 'the workspace writes';

function lintOptionsOf(settings: Settings): Omit<LintOptions, 'format'> {
  return {
    fuzzy: settings.fuzzy.enabled,
    consistency: settings.consistency.enabled,
    variants: Settings.variantOptions(settings),
    abbreviations: settings.abbreviations.enabled,
    kinds: Settings.enabledKinds(settings),
  };
}

/** `findings` with their variants replaced by `variants` (both in offset order). */
function withVariants(findings: readonly Finding[], variants: readonly Finding[]): Finding[] {
  const out = findings.filter((f) => f.kind !== 'variant');
  out.push(...variants);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function sameLintOptions(a: LintOptions, b: LintOptions): boolean {
  const sameKinds = a.kinds === b.kinds || (a.kinds !== undefined && b.kinds !== undefined && a.kinds.join() === b.kinds.join());
  const sameVariants = a.variants === b.variants || JSON.stringify(a.variants) === JSON.stringify(b.variants);
  return a.format === b.format && a.fuzzy === b.fuzzy && a.consistency === b.consistency && a.abbreviations === b.abbreviations && sameVariants && sameKinds;
}

export function createDocumentLinter(settingsStore: SettingsStore, terms: TermStore, afterWork?: () => void): DocumentLinter {
  const cache = new Map<string, { key: string; outcome: LintOutcome }>();
  /** Open documents keep an incremental linter: a keystroke re-lints only the blocks it touched. */
  const incremental = new Map<string, IncrementalLinter>();
  const excludeMatchers = new Map<string, (path: string) => boolean>();
  /** Variants of open documents from the last workspace-scope lint, for the version it read. */
  const together = new Map<string, { version: number; generation: number; findings: Finding[] }>();
  let togetherStamp = 0;
  let epoch = 0;

  function excluded(uri: string, settings: Settings): boolean {
    if (settings.exclude.length === 0) return false;
    const key = settings.exclude.join('\n');
    let match = excludeMatchers.get(key);
    if (!match) {
      match = picomatch(settings.exclude, { dot: true });
      excludeMatchers.set(key, match);
    }
    const folder = folderOf(terms.folders(), uri);
    const rel = folder ? relativePath(folder, uri) : undefined;
    return rel !== undefined ? match(rel) : match(uriPath(uri));
  }

  function lintIncrementally(uri: string, text: string, compiled: CompiledTerms, options: LintOptions): LintResult {
    let linter = incremental.get(uri);
    if (!linter || linter.compiled !== compiled || !sameLintOptions(linter.options, options)) {
      linter = new IncrementalLinter(compiled, options);
      incremental.set(uri, linter);
    }
    return linter.lint(text);
  }

  function applies(doc: Pick<LintTarget, 'uri' | 'languageId'>, settings: Settings): boolean {
    if (!settings.enable) return false;
    if (terms.isTermFile(doc.uri)) return true;
    return settings.languages.includes(doc.languageId) && !excluded(doc.uri, settings);
  }

  return {
    applies,
    invalidate() {
      epoch++;
      cache.clear();
      incremental.clear();
      together.clear();
    },
    forget(uri) {
      cache.delete(uri);
      incremental.delete(uri);
      together.delete(uri);
    },
    async lintTogether(docs, folder) {
      const settings = await settingsStore.get(folder);
      const { compiled } = terms.termsFor(docs[0]?.uri ?? folder, settings);
      const inputs = docs.map((d) => ({ text: d.getText(), format: formatForLanguageId(d.languageId).id }));
      const results = lintTogether(inputs, compiled, lintOptionsOf(settings), WORKSPACE_WHERE);
      togetherStamp++;
      docs.forEach((d, i) => {
        together.set(d.uri, { version: d.version, generation: terms.generation, findings: results[i]!.findings.filter((f) => f.kind === 'variant') });
      });
      return results.map((r, i) => ({ findings: r.findings, diagnostics: r.findings.map((f) => findingDiagnostic(docs[i]!, f, compiled.terms.get(f.termId), settings)) }));
    },
    async lint(doc, options) {
      const settings = await settingsStore.get(options?.settingsUri ?? doc.uri);
      // From here on everything is synchronous: text, version and positions belong together.
      const key = `${doc.version}:${terms.generation}:${epoch}:${togetherStamp}`;
      const cached = cache.get(doc.uri);
      if (cached && cached.key === key) return cached.outcome;
      const base = { uri: doc.uri, version: doc.version, resultId: `${key}:${doc.uri}` };
      let outcome: LintOutcome;
      if (!applies(doc, settings)) {
        outcome = { ...base, status: 'skipped', diagnostics: [] };
      } else if (terms.isTermFile(doc.uri)) {
        const file = terms.get(doc.uri);
        // The store parses open term files after a short pause; until then this shows what it has.
        const diagnostics = file ? file.problems.map((p) => problemDiagnostic(file.document, p)) : [];
        return { ...base, resultId: `${base.resultId}:${file?.document.version ?? 0}`, status: 'termFile', diagnostics };
      } else {
        const text = doc.getText();
        // A UTF-16 code unit is at most 3 UTF-8 bytes: most documents need no count (it costs a pass per keystroke).
        const size = text.length * 3 <= settings.maxFileSize ? text.length : utf8Length(text, settings.maxFileSize);
        if (size > settings.maxFileSize) {
          outcome = { ...base, status: 'tooLarge', diagnostics: [tooLargeDiagnostic(settings)] };
        } else {
          const { compiled } = terms.termsFor(doc.uri, settings);
          const lintOptions: LintOptions = { format: formatForLanguageId(doc.languageId).id, ...lintOptionsOf(settings) };
          // Files linted once (workspace lint) do not keep an incremental linter.
          let result = options?.cache === false ? lintText(text, compiled, lintOptions) : lintIncrementally(doc.uri, text, compiled, lintOptions);
          // Counted across the workspace by the last workspace lint, while the document reads as it did then.
          const w = settings.variants.scope === 'workspace' ? together.get(doc.uri) : undefined;
          if (w && w.version === doc.version && w.generation === terms.generation) result = { findings: withVariants(result.findings, w.findings), occurrences: result.occurrences };
          const diagnostics = result.findings.map((f) => findingDiagnostic(doc, f, compiled.terms.get(f.termId), settings));
          // Named by content: a keystroke that leaves every diagnostic as it was (typing on a line with none)
          // is answered "unchanged", with no report to encode, send and re-read.
          outcome = { ...base, resultId: diagnosticsResultId(diagnostics), status: 'linted', diagnostics, text, result, compiled, settings };
          afterWork?.();
        }
      }
      if (options?.cache !== false) cache.set(doc.uri, { key, outcome });
      return outcome;
    },
  };
}
