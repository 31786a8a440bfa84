/**
 * Translation pairs in the workspace, a service for the linter and the features: which documents are the
 * sources of a translation (report.zh.md beside report.en.md, or a pair `termlint.translation.pairs` declares),
 * their texts as they read now (the editor's when open, else the disk's), and the translation findings of a
 * target (core/translation/), with the source block each points at. A source is linted in its own language by
 * an incremental linter kept here, so a keystroke in it re-lints only the blocks it touched.
 *
 * Which targets follow a source is remembered from the targets' lints, so an edit of the source re-lints them
 * (`onDidChangeTargets`).
 */
import { Emitter, FileChangeType, type DiagnosticRelatedInformation, type Disposable, type Event, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLinter as IncrementalLinter, formatForPath, type CompiledTerms, type Finding, type LintOptions, type LintResult } from './core';
import { FORMATS } from './core/formats';
import { FNV_OFFSET, fnv1aStep } from './core/hash';
import { type PairCheck, checkPair, counterpartSpan, linkAt } from './core/translation/check';
import { conceptOf } from './core/translation/concepts';
import { sentenceAt } from './core/translation/sentences';
import { type PairRef, declaredPairs, normalizeRelative, pairsByName, taggedName } from './core/translation/names';
import type { Host } from './host';
import { Settings } from './settings';
import { folderOf, joinUri, relativePath, type Logger } from './util';
import type { WorkspaceEvents } from './workspace';

/** A source of a document, as it reads now. */
interface Source {
  uri: string;
  lang: string;
  targetLang: string;
  /** The open document, or one made from the disk's text. */
  doc: TextDocument;
  /** Changes exactly when its text does (its version when open, else a hash of the text). */
  stamp: string;
}

/** A checked pair of a target document: its source and what the check found. */
export interface PairOutcome {
  source: { uri: string; lang: string; doc: TextDocument };
  targetLang: string;
  check: PairCheck;
}

export interface PairLint {
  /** The target's result with the pair findings merged in, in offset order. */
  result: LintResult;
  pairs: PairOutcome[];
  /** The related information of each pair finding: the source block it renders. */
  related: Map<Finding, DiagnosticRelatedInformation[]>;
}

export interface PairService {
  /**
   * Finds the sources of `uri` (a translation) and reads them; a key that changes whenever their texts do, or ''
   * when the document is no translation (then `check` has nothing to add).
   */
  prepare(uri: string, settings: Settings): Promise<string>;
  /** The pair findings of the target as `prepare` last found its sources (synchronous: positions stay true). */
  check(uri: string, text: string, result: LintResult, compiled: CompiledTerms, settings: Settings, options: LintOptions): PairLint | undefined;
  /** The translations of a source document (by name, or declared), open or not. */
  targetsOf(uri: string, settings: Settings): Promise<{ uri: string; lang: string; targetLang: string }[]>;
  /** Open targets whose sources changed (edited, opened, closed, saved): their diagnostics are stale. */
  readonly onDidChangeTargets: Event<string[]>;
  /**
   * A document changed, opened or closed: the open targets that follow it are stale. Just opened, it may be the
   * source an open translation did not find before (a new file): open documents named like it are too. Closed, it
   * may have been saved: its text on disk and its folder's listing are read again.
   */
  touched(uri: string, event: 'changed' | 'opened' | 'closed'): void;
  forget(uri: string): void;
}

export interface PairDeps {
  documents: TextDocuments<TextDocument>;
  host: Host;
  folders: () => readonly string[];
  logger: Logger;
  /** The file watchers' events: a source on disk that changes, appears or goes re-lints its open translations. */
  workspace?: Pick<WorkspaceEvents, 'onDidChangeWatchedFiles'>;
  /** Asks the client to watch files matching a glob (dynamic registration), once a source is read from disk. */
  watchFiles?: (globPattern: string) => Promise<Disposable>;
}

/** Every file a pair's side can be: the registered formats' extensions. */
export const SOURCE_GLOB = `**/*.{${[...new Set(FORMATS.flatMap((f) => f.extensions))].join(',')}}`;

function hashOf(text: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = fnv1aStep(h, text.charCodeAt(i));
  return `${(h >>> 0).toString(16)}:${text.length}`;
}

/**
 * How long a folder's listing and a closed source's text are reused: a translation is linted on every keystroke,
 * and reading the disk each time would cost more than the check. Open documents are always read as they are now.
 */
export const DISK_REUSE_MS = 2000;

/** Results of disk reads, each reused for DISK_REUSE_MS. */
class DiskReads<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(private readonly read: (key: string) => Promise<T>) {}
  get(key: string): Promise<T> {
    const now = performance.now();
    const e = this.entries.get(key);
    if (e && now - e.at < DISK_REUSE_MS) return e.value;
    const value = this.read(key);
    this.entries.set(key, { at: now, value });
    // Old entries go as new ones come, so the map stays as small as the folders and sources in use.
    if (this.entries.size > 256) for (const [k, v] of this.entries) if (now - v.at >= DISK_REUSE_MS) this.entries.delete(k);
    return value;
  }
  drop(key: string): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
}

/** The folder URI of a file URI, and its name. */
function split(uri: string): { dir: string; name: string } {
  const slash = uri.lastIndexOf('/');
  return { dir: uri.slice(0, slash), name: uri.slice(slash + 1) };
}

export function createPairService(deps: PairDeps): PairService & Disposable {
  const { documents, host } = deps;
  const changed = new Emitter<string[]>();
  /** The sources each target was last prepared with. */
  const prepared = new Map<string, Source[]>();
  /** Source URI → the targets that read it. */
  const followers = new Map<string, Set<string>>();
  /** Incremental linters of sources, by URI and language. */
  const sourceLinters = new Map<string, IncrementalLinter>();
  const listings = new DiskReads((dir) => host.readDirectory(dir));
  const folderFiles = new DiskReads((folder) => host.findFiles(folder, ['**/*'], []));
  const diskTexts = new DiskReads((uri) => host.readFile(uri));
  /** The watcher of sources on disk, registered when the first source is read from it. */
  let watcher: Promise<Disposable> | undefined;
  function watchDisk(): void {
    if (watcher || !deps.watchFiles) return;
    watcher = deps.watchFiles(SOURCE_GLOB);
    watcher.catch((err: unknown) => deps.logger.error('registering the translation-source watcher', err));
  }

  /** The file URIs in the folder of `uri` whose names are tagged (a language) and share its stem. */
  async function siblings(uri: string): Promise<string[]> {
    const { dir } = split(uri);
    const tagged = taggedName(uri);
    if (!tagged) return [];
    const names = (await listings.get(dir)) ?? [];
    const out = new Set<string>();
    for (const name of names) {
      const other = `${dir}/${encodeURIComponent(name)}`;
      if (taggedName(other)?.stem === tagged.stem) out.add(other);
    }
    // Open documents count even before they are saved.
    for (const d of documents.all()) if (taggedName(d.uri)?.stem === tagged.stem) out.add(d.uri);
    out.add(uri);
    return [...out];
  }

  /** Files under the workspace folder a declared pair's side may name (the file itself, or its folder's files). */
  async function declaredCandidates(folder: string, settings: Settings): Promise<string[]> {
    const out = new Set<string>();
    for (const d of settings.translation.pairs) {
      for (const side of [d.source, d.target]) {
        const rel = normalizeRelative(side);
        if (!rel.endsWith('/')) {
          out.add(rel);
          continue;
        }
        for (const uri of await folderFiles.get(joinUri(folder, rel))) {
          const r = relativePath(folder, uri);
          if (r !== undefined) out.add(r);
        }
      }
    }
    return [...out];
  }

  /** Every pair the document is in, by name and as declared (URIs). */
  async function pairsOf(uri: string, settings: Settings): Promise<PairRef[]> {
    const t = settings.translation;
    if (!t.enabled) return [];
    const out = pairsByName(await siblings(uri), t.targetLanguage).filter((p) => p.source === uri || p.target === uri);
    const folder = folderOf(deps.folders(), uri);
    if (folder && t.pairs.length > 0) {
      const rel = relativePath(folder, uri);
      for (const p of declaredPairs(t.pairs, await declaredCandidates(folder, settings), t.targetLanguage)) {
        if (p.source !== rel && p.target !== rel) continue;
        const pair = { ...p, source: joinUri(folder, p.source), target: joinUri(folder, p.target) };
        if (!out.some((o) => o.source === pair.source && o.target === pair.target)) out.push(pair);
      }
    }
    return out;
  }

  async function load(uri: string): Promise<{ doc: TextDocument; stamp: string } | undefined> {
    const open = documents.get(uri);
    if (open) return { doc: open, stamp: `o${open.version}` };
    watchDisk();
    const text = await diskTexts.get(uri);
    // Not there (any more), or not text: no source to compare with.
    if (text === undefined || text.includes('\u0000') || text.includes('\ufffd')) return undefined;
    const languageId = formatForPath(uri).languageIds[0]!;
    return { doc: TextDocument.create(uri, languageId, 0, text), stamp: `d${hashOf(text)}` };
  }

  function follow(target: string, sources: readonly Source[]): void {
    for (const set of followers.values()) set.delete(target);
    for (const s of sources) {
      let set = followers.get(s.uri);
      if (!set) followers.set(s.uri, (set = new Set()));
      set.add(target);
    }
  }

  function lintSource(source: Source, compiled: CompiledTerms, options: LintOptions): LintResult {
    const key = `${source.uri}\n${source.lang}`;
    const format = formatForPath(source.uri).id;
    const opts: LintOptions = { ...options, format, lang: source.lang };
    let linter = sourceLinters.get(key);
    if (!linter || linter.compiled !== compiled || linter.options.format !== format || linter.options.fuzzy !== opts.fuzzy || linter.options.consistency !== opts.consistency) {
      linter = new IncrementalLinter(compiled, opts);
      sourceLinters.set(key, linter);
    }
    return linter.lint(source.doc.getText());
  }

  const service: PairService & Disposable = {
    onDidChangeTargets: changed.event,

    async prepare(uri, settings) {
      const sources: Source[] = [];
      for (const p of await pairsOf(uri, settings)) {
        if (p.target !== uri) continue;
        const loaded = await load(p.source);
        if (loaded) sources.push({ uri: p.source, lang: p.sourceLang, targetLang: p.targetLang, ...loaded });
      }
      if (sources.length === 0) {
        prepared.delete(uri);
        follow(uri, []);
        return '';
      }
      prepared.set(uri, sources);
      follow(uri, sources);
      return sources.map((s) => `|${s.uri}@${s.stamp}`).join('');
    },

    check(uri, text, result, compiled, settings, options) {
      const sources = prepared.get(uri);
      if (!sources?.length) return undefined;
      const kinds = Settings.enabledKinds(settings);
      const format = options.format;
      const pairs: PairOutcome[] = [];
      const related = new Map<Finding, DiagnosticRelatedInformation[]>();
      let findings = result.findings;
      for (const s of sources) {
        const sourceResult = lintSource(s, compiled, options);
        const check = checkPair(
          { text: s.doc.getText(), format: formatForPath(s.uri).id, lang: s.lang, result: sourceResult },
          { text, format, lang: s.targetLang, result },
          compiled,
          { kinds, reverse: settings.translation.reverse },
        );
        pairs.push({ source: { uri: s.uri, lang: s.lang, doc: s.doc }, targetLang: s.targetLang, check });
        for (const f of check.findings) {
          const c = f.counterpart!;
          const at = c.termStart !== undefined && c.termEnd !== undefined ? { start: c.termStart, end: c.termEnd } : { start: c.start, end: c.end };
          const message = c.term !== undefined ? `the source's "${c.term}"` : 'the aligned block of the source';
          related.set(f, [{ location: { uri: s.uri, range: { start: s.doc.positionAt(at.start), end: s.doc.positionAt(at.end) } }, message }]);
        }
        if (check.findings.length > 0) findings = [...findings, ...check.findings];
      }
      if (findings !== result.findings) findings = findings.slice().sort((a, b) => a.start - b.start || a.end - b.end);
      return { result: findings === result.findings ? result : { ...result, findings }, pairs, related };
    },

    async targetsOf(uri, settings) {
      return (await pairsOf(uri, settings)).filter((p) => p.source === uri).map((p) => ({ uri: p.target, lang: p.sourceLang, targetLang: p.targetLang }));
    },

    touched(uri, event) {
      if (event !== 'changed') {
        diskTexts.drop(uri);
        listings.drop(split(uri).dir);
      }
      const targets = new Set(followers.get(uri) ?? []);
      const stem = event === 'opened' ? taggedName(uri)?.stem : undefined;
      if (stem !== undefined) for (const d of documents.all()) if (taggedName(d.uri)?.stem === stem) targets.add(d.uri);
      targets.delete(uri);
      const open = [...targets].filter((t) => documents.get(t));
      if (open.length > 0) changed.fire(open);
    },

    forget(uri) {
      prepared.delete(uri);
      for (const key of [...sourceLinters.keys()]) if (key.startsWith(`${uri}\n`) && !documents.get(uri)) sourceLinters.delete(key);
    },

    dispose() {
      onFiles?.dispose();
      void watcher?.then((w) => w.dispose(), () => undefined);
      listings.clear();
      folderFiles.clear();
      diskTexts.clear();
      changed.dispose();
      prepared.clear();
      followers.clear();
      sourceLinters.clear();
    },
  };

  // A file changed on disk that no editor has open: a source some translation follows (changed or deleted), or a
  // new file that may be one (created: named like an open document, or in a folder a declared pair lists).
  const onFiles = deps.workspace?.onDidChangeWatchedFiles((changes) => {
    for (const c of changes) {
      if (documents.get(c.uri)) continue; // the editor's text is the source while it is open
      if (c.type !== FileChangeType.Changed) folderFiles.clear();
      if (c.type === FileChangeType.Changed && !followers.has(c.uri)) continue;
      service.touched(c.uri, 'opened');
    }
    return Promise.resolve();
  });
  return service;
}

/** The block of the other document aligned with the block at `offset` of one side of a checked pair. */
export function alignedBlock(pair: PairOutcome, side: 'source' | 'target', offset: number): { start: number; end: number } | undefined {
  return counterpartSpan(pair.check, side, offset);
}

/** The source sentence a term of the translation renders, with where it is. */
export interface SourceSentence {
  uri: string;
  lang: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The sentence of the source that the term at `offset` of the target renders: in the source blocks aligned with
 * its block, the sentence that uses the same concept (a translation finding's source term when the target has
 * it wrong), else the sentence at the same relative place in the first of those blocks.
 */
export function sourceSentence(pair: PairOutcome, compiled: CompiledTerms, offset: number, termId: string | undefined, finding?: Finding): SourceSentence | undefined {
  const { check } = pair;
  const link = linkAt(check, 'target', offset);
  if (!link || link.sourceTo <= link.sourceFrom || link.targetTo <= link.targetFrom) return undefined;
  const text = pair.source.doc.getText();
  const blocks = check.sourceBlocks.slice(link.sourceFrom, link.sourceTo);
  const concept = termId !== undefined ? conceptOf(compiled, termId) : undefined;
  let at: { block: (typeof blocks)[number]; offset: number } | undefined;
  const c = finding?.counterpart;
  if (c?.termStart !== undefined) {
    const block = blocks.find((b) => b.start <= c.termStart! && c.termStart! < b.end);
    if (block) at = { block, offset: c.termStart };
  }
  if (!at && concept) {
    for (const block of blocks) {
      const use = block.uses.map((k) => check.source.occurrences[k]!).find((o) => conceptOf(compiled, o.termId) === concept);
      if (use) {
        at = { block, offset: use.start };
        break;
      }
    }
  }
  if (!at) {
    // No use of the concept in the source: the sentence where the target's block has the term, proportionally.
    const target = check.targetBlocks[link.targetFrom]!;
    const block = blocks[0]!;
    const share = target.end > target.start ? (offset - target.start) / (target.end - target.start) : 0;
    at = { block, offset: block.start + Math.floor(Math.min(Math.max(share, 0), 1) * (block.end - block.start)) };
  }
  const span = sentenceAt(text, at.block, at.offset);
  return { uri: pair.source.uri, lang: pair.source.lang, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}
