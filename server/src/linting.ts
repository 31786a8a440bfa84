/**
 * The adapter from the core to LSP: lints a document with its settings and term lists (cached per
 * document version), and turns findings into diagnostics. Positions are computed here and nowhere in core.
 */
import picomatch from 'picomatch';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLinter as IncrementalLinter, formatForLanguageId, lintText, lintTogether, type CompiledTerms, type Finding, type LintOptions, type LintResult, type TermFileProblem } from './core';
import { FNV_OFFSET, fnv1aStep, twoHashes } from './core/hash';
import { type DocumentLanguage, documentLanguage } from './core/languages/detect';
import { Settings, type SeverityName, type SettingsStore } from './settings';
import type { ProjectConfigStore } from './projectConfigs';
import type { TermStore } from './termLists';
import type { PairOutcome, PairService } from './pairs';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from './protocol';
import { folderOf, relativePath, uriPath, utf8Length } from './util';

export const SOURCE = DIAGNOSTIC_SOURCE;

/**
 * What a diagnostic carries in `Diagnostic.data`: the id of its finding's term, nothing more. Code actions resolve
 * the finding itself (replacements, a variant's forms) from the document's current lint (`findingOf`), which is
 * cached per version: a report stays small (no replacement texts and offsets repeated on every diagnostic, a third
 * of the bytes), and a fix is always computed on the text it will edit.
 */
export interface FindingData {
  termId: string;
}

export function isFindingData(v: unknown): v is FindingData {
  return typeof v === 'object' && v !== null && typeof (v as Partial<FindingData>).termId === 'string';
}

/** Findings of a lint result by start offset, made on first lookup (code actions ask on every cursor move). */
const byStart = new WeakMap<LintResult, Map<number, Finding[]>>();

/**
 * The finding of `result` (the lint of `doc` as it reads now) that diagnostic `d` stands for: one of ours, of the
 * same kind and term, over the same span of the current text. Undefined when there is none: the client's copy is
 * from before an edit that removed or changed it, or it was forged.
 */
export function findingOf(result: LintResult, doc: Pick<TextDocument, 'offsetAt'>, d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE || !isFindingData(d.data)) return undefined;
  let index = byStart.get(result);
  if (!index) {
    index = new Map();
    for (const f of result.findings) {
      const at = index.get(f.start);
      if (at) at.push(f);
      else index.set(f.start, [f]);
    }
    byStart.set(result, index);
  }
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const { termId } = d.data;
  return index.get(start)?.find((f) => f.end === end && f.kind === d.code && f.termId === termId);
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
  | (Base & { status: 'configFile' })
  | (Base & { status: 'linted'; text: string; result: LintResult; compiled: CompiledTerms; settings: Settings; options: LintOptions; language: DocumentLanguage; pairs?: PairOutcome[] });

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

/**
 * A finding as a diagnostic. No related information pointing at the term's entry: VS Code shows it as a child row
 * under every entry of the Problems panel, doubling its length; the hover card links to the entry instead. A
 * translation finding's related information is the source block it renders (`related`), which is what to read.
 */
export function findingDiagnostic(doc: LintTarget, f: Finding, settings: Settings, related?: DiagnosticRelatedInformation[]): Diagnostic {
  const level = settings.severity[f.kind];
  const data: FindingData = { termId: f.termId };
  const diagnostic: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: level === 'off' ? DiagnosticSeverity.Hint : SEVERITY[level],
    source: SOURCE,
    code: f.kind,
    message: f.message,
    data,
  };
  if (related) diagnostic.relatedInformation = related;
  // A finding against the document itself links to the places in it it refers to (a variant's preferred form, an
  // abbreviation's definition): one row each, only for these kinds.
  else if (f.related) diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } }, message: r.message }));
  return diagnostic;
}

/**
 * Digests of the strings result ids read (messages, codes, term ids), by content: nearly all of them are the
 * same from one keystroke to the next, and a string's digest is a map lookup (the runtime hashes and compares
 * it natively) rather than a pass over its characters in script. Two 32-bit halves per string, in `DIGESTS`
 * at the index the map gives; emptied when full.
 */
const digestOf = new Map<string, number>();
const DIGEST_LIMIT = 1 << 14;
const DIGESTS = new Int32Array(2 * DIGEST_LIMIT);

function stringDigest(s: string): number {
  let at = digestOf.get(s);
  if (at !== undefined) return at;
  if (digestOf.size === DIGEST_LIMIT) digestOf.clear();
  at = digestOf.size;
  const [a, b] = twoHashes(s);
  DIGESTS[2 * at] = a;
  DIGESTS[2 * at + 1] = b;
  digestOf.set(s, at);
  return at;
}

/**
 * A result id that changes exactly when what the client holds changes: a 64-bit hash of every field of every
 * diagnostic (`data` holds no offsets: a kept diagnostic whose text moved is resolved again on the current text).
 * Strings go in by their own 64-bit digest and length.
 */
export function diagnosticsResultId(diagnostics: readonly Diagnostic[]): string {
  let a = FNV_OFFSET;
  let b = 0x9e3779b9;
  const num = (n: number) => {
    a = fnv1aStep(a, n | 0) ^ 0x2f;
    b = Math.imul(b ^ (n | 0), 0x5bd1e995) ^ (b >>> 15);
  };
  const str = (s: string) => {
    const at = stringDigest(s);
    num(DIGESTS[2 * at]!);
    num(DIGESTS[2 * at + 1]!);
    num(s.length);
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
    if (isFindingData(data)) str(data.termId);
    else str(JSON.stringify(data ?? null));
    for (const r of d.relatedInformation ?? []) {
      str(r.location.uri);
      num(r.location.range.start.line);
      num(r.location.range.start.character);
      str(r.message);
    }
  }
  return `d${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** What a term-file or configuration diagnostic carries for its quick fix. */
export interface ProblemData {
  path: string;
  /** The text the diagnostic's range should read instead (a misspelt key → the known one). */
  replacement?: string;
}

/** A problem of a term file (or, with `code`, of a project configuration) at its position. */
export function problemDiagnostic(doc: Pick<TextDocument, 'positionAt' | 'uri'>, p: TermFileProblem, code: string = DiagnosticCodes.termFile): Diagnostic {
  const data: ProblemData = { path: p.path, ...(p.replacement !== undefined ? { replacement: p.replacement } : {}) };
  const diagnostic: Diagnostic = {
    range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code,
    message: p.message,
    data,
  };
  if (p.related) {
    const at = doc.positionAt(p.related.offset);
    diagnostic.relatedInformation = [{ location: { uri: doc.uri, range: { start: at, end: doc.positionAt(p.related.offset + p.related.length) } }, message: `the other form: ${p.related.path}` }];
  }
  return diagnostic;
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
  /** The result id of the last outcome cached for `uri`, however stale (undefined when there is none). */
  lastResultId(uri: string): string | undefined;
  /** Whether Termlint lints this document at all (enabled, language, not excluded). Term files count. */
  applies(doc: Pick<LintTarget, 'uri' | 'languageId'>, settings: Settings): boolean;
  /** Bumped on every settings change (cached outcomes become stale). */
  invalidate(): void;
  /**
   * Lints documents of one workspace folder together (`termlint.variants.scope` `workspace`): variants are
   * counted across all of them. The diagnostics of each, in order; open documents keep these variants until
   * they are edited (then each is compared with itself again, until the next workspace lint).
   */
  lintTogether(docs: readonly LintTarget[], folder: string, options?: { record?: boolean }): Promise<{ diagnostics: Diagnostic[]; findings: readonly Finding[] }[]>;
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
  return a.format === b.format && a.lang === b.lang && a.fuzzy === b.fuzzy && a.consistency === b.consistency && a.abbreviations === b.abbreviations && sameVariants && sameKinds;
}

/** Documents, and characters in all, that keep their incremental scans (the last edited ones). */
const KEEP_SCANS = 8;
const KEEP_SCAN_CHARS = 2_000_000;

export interface DocumentLinterDeps {
  settings: SettingsStore;
  terms: TermStore;
  configs: ProjectConfigStore;
  /**
   * Settles once the project configurations and term lists have first been read: a document linted before would
   * get findings from the wrong lists, a first answer the editor shows and then takes back.
   */
  ready: Promise<void>;
  /** Called after each lint: the Node entry point gives memory back once the server is idle. */
  afterWork?: () => void;
  /** Translation pairs: a translation's findings against its source (pairs.ts). */
  pairs?: PairService;
}

/**
 * How long the first lints wait for the configurations and term lists to be read. A workspace whose lists take
 * longer is linted with what has loaded by then, and re-linted (refresh or push) when they arrive.
 */
export const FIRST_LOAD_WAIT_MS = 4000;

export function createDocumentLinter(deps: DocumentLinterDeps): DocumentLinter {
  const { settings: settingsStore, terms, configs, afterWork } = deps;
  const cache = new Map<string, { key: string; outcome: LintOutcome }>();
  /** Open documents keep an incremental linter: a keystroke re-lints only the blocks it touched. */
  const incremental = new Map<string, IncrementalLinter>();
  /**
   * The documents edited last, oldest first, with their lengths: only they keep their incremental scans (see
   * `IncrementalLinter.compact`), so that 200 open drafts do not each hold a parse tree that only the next
   * keystroke in them would use.
   */
  const editing = new Map<string, number>();

  function keepScan(uri: string, length: number): void {
    editing.delete(uri);
    editing.set(uri, length);
    let total = 0;
    for (const n of editing.values()) total += n;
    for (const [oldest, n] of editing) {
      if (editing.size <= 1 || (editing.size <= KEEP_SCANS && total <= KEEP_SCAN_CHARS)) break;
      incremental.get(oldest)?.compact();
      editing.delete(oldest);
      total -= n;
    }
  }
  const excludeMatchers = new Map<string, (path: string) => boolean>();
  /** Variants of open documents from the last workspace-scope lint, for the version it read. */
  const together = new Map<string, { version: number; generation: number; findings: Finding[] }>();
  let togetherStamp = 0;
  let epoch = 0;
  /** `deps.ready`, or the end of FIRST_LOAD_WAIT_MS counted from the first lint, whichever comes first. */
  let firstLoad: Promise<void> | undefined;

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
    if (!linter || !sameLintOptions(linter.options, options)) {
      linter = new IncrementalLinter(compiled, options);
      incremental.set(uri, linter);
    } else if (linter.compiled !== compiled) {
      // A term list changed: keep the document's scan, match it again.
      linter = linter.withTerms(compiled);
      incremental.set(uri, linter);
    }
    const edited = linter.text !== text;
    const result = linter.lint(text);
    if (edited) keepScan(uri, text.length);
    return result;
  }

  function applies(doc: Pick<LintTarget, 'uri' | 'languageId'>, settings: Settings): boolean {
    // A configuration's problems are shown even where it switches Termlint off.
    if (configs.isConfigFile(doc.uri)) return true;
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
      editing.clear();
    },
    forget(uri) {
      deps.pairs?.forget(uri);
      cache.delete(uri);
      incremental.delete(uri);
      editing.delete(uri);
      together.delete(uri);
    },
    lastResultId(uri) {
      return cache.get(uri)?.outcome.resultId;
    },
    async lintTogether(docs, folder, options) {
      await deps.ready;
      // The folder's settings decide the scope and the classes counted; each file keeps its own (overrides).
      const shared = await settingsStore.get(folder, folder);
      const each = await Promise.all(docs.map((d) => settingsStore.get(d.uri, folder)));
      const { compiled } = terms.termsFor(docs[0]?.uri ?? folder, shared);
      // Each document in its own language (its name, its settings, its text), as `lint` reads it.
      const inputs = docs.map((d, i) => {
        const text = d.getText();
        return { text, format: formatForLanguageId(d.languageId).id, options: { ...lintOptionsOf(each[i]!), lang: documentLanguage(uriPath(d.uri), each[i]!.language, text).tag } };
      });
      const results = lintTogether(inputs, compiled, lintOptionsOf(shared), WORKSPACE_WHERE);
      // `record: false`: texts that are not the documents' (the rounds of a fix-all) never stand for them.
      if (options?.record !== false) {
        togetherStamp++;
        docs.forEach((d, i) => {
          together.set(d.uri, { version: d.version, generation: terms.generation, findings: results[i]!.findings.filter((f) => f.kind === 'variant') });
        });
      }
      return results.map((r, i) => ({ findings: r.findings, diagnostics: r.findings.map((f) => findingDiagnostic(docs[i]!, f, each[i]!)) }));
    },
    async lint(doc, options) {
      // Before the configurations and term lists have first been read, a lint would use the wrong lists; the
      // wait is bounded (a huge term base on a slow drive), and what loads later re-lints as any change does.
      await (firstLoad ??= Promise.race([deps.ready, new Promise<void>((resolve) => setTimeout(resolve, FIRST_LOAD_WAIT_MS).unref())]));
      const settings = await settingsStore.get(doc.uri, options?.settingsUri);
      // A translation's sources are read first: their texts are part of what its diagnostics depend on.
      const pairKey = deps.pairs && applies(doc, settings) && !terms.isTermFile(doc.uri) && !configs.isConfigFile(doc.uri) ? await deps.pairs.prepare(doc.uri, settings) : '';
      // From here on everything is synchronous: text, version and positions belong together.
      const key = `${doc.version}:${terms.generation}:${epoch}:${togetherStamp}${pairKey}`;
      const cached = cache.get(doc.uri);
      if (cached && cached.key === key) return cached.outcome;
      const base = { uri: doc.uri, version: doc.version };
      let outcome: LintOutcome;
      if (!applies(doc, settings)) {
        outcome = { ...base, resultId: diagnosticsResultId([]), status: 'skipped', diagnostics: [] };
      } else if (configs.isConfigFile(doc.uri)) {
        // The store parses an open configuration after a short pause; until then this shows what it has.
        const file = configs.get(doc.uri);
        const diagnostics = file ? file.problems.map((p) => problemDiagnostic(file.document, p, DiagnosticCodes.configFile)) : [];
        return { ...base, resultId: diagnosticsResultId(diagnostics), status: 'configFile', diagnostics };
      } else if (terms.isTermFile(doc.uri)) {
        const file = terms.get(doc.uri);
        // The store parses open term files after a short pause; until then this shows what it has.
        const document = file?.document; // kept by every file with problems (termLists.ts TermFile)
        const diagnostics = file && document ? file.problems.map((p) => problemDiagnostic(document, p)) : [];
        return { ...base, resultId: diagnosticsResultId(diagnostics), status: 'termFile', diagnostics };
      } else {
        const text = doc.getText();
        // A UTF-16 code unit is at most 3 UTF-8 bytes: most documents need no count (it costs a pass per keystroke).
        const size = text.length * 3 <= settings.maxFileSize ? text.length : utf8Length(text, settings.maxFileSize);
        if (size > settings.maxFileSize) {
          const diagnostics = [tooLargeDiagnostic(settings)];
          outcome = { ...base, resultId: diagnosticsResultId(diagnostics), status: 'tooLarge', diagnostics };
        } else {
          const { compiled } = terms.termsFor(doc.uri, settings);
          const language = documentLanguage(uriPath(doc.uri), settings.language, text);
          const lintOptions: LintOptions = { format: formatForLanguageId(doc.languageId).id, lang: language.tag, ...lintOptionsOf(settings) };
          // Files linted once (workspace lint) do not keep an incremental linter.
          let result = options?.cache === false ? lintText(text, compiled, lintOptions) : lintIncrementally(doc.uri, text, compiled, lintOptions);
          // Counted across the workspace by the last workspace lint, while the document reads as it did then.
          const w = settings.variants.scope === 'workspace' ? together.get(doc.uri) : undefined;
          if (w && w.version === doc.version && w.generation === terms.generation) result = { ...result, findings: withVariants(result.findings, w.findings) };
          const paired = pairKey ? deps.pairs!.check(doc.uri, text, result, compiled, settings, lintOptions) : undefined;
          if (paired) result = paired.result;
          const diagnostics = result.findings.map((f) => findingDiagnostic(doc, f, settings, paired?.related.get(f)));
          // Named by content: a keystroke that leaves every diagnostic as it was (typing on a line with none)
          // is answered "unchanged", with no report to encode, send and re-read.
          outcome = { ...base, resultId: diagnosticsResultId(diagnostics), status: 'linted', diagnostics, text, result, compiled, settings, options: lintOptions, language, ...(paired ? { pairs: paired.pairs } : {}) };
          afterWork?.();
        }
      }
      if (options?.cache !== false) cache.set(doc.uri, { key, outcome });
      return outcome;
    },
  };
}
