/**
 * The workspace's documents for requests that read all of them (workspace lint and fix, the term-usage
 * report): which files match the settings, reading an unopened one (or saying it is too large), and the
 * progress a long request shows.
 */
import { CancellationTokenSource, type CancellationToken, type Connection, type Diagnostic, type TextDocuments, type WorkDoneProgressParams, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findFormatByLanguageId, findFormatByPath } from './core';
import type { Host } from './host';
import { tooLargeDiagnostic, type DocumentLinter } from './linting';
import type { SettingsStore } from './settings';
import type { TermStore } from './termLists';
import { folderOf, type Logger } from './util';

/** The language id a file on disk is linted as: one the settings name, of the format that claims its extension. */
export function languageOfPath(path: string, languages: readonly string[]): string | undefined {
  return findFormatByPath(path)?.languageIds.find((l) => languages.includes(l));
}

export interface WorkspaceFile {
  uri: string;
  languageId: string;
  /** The workspace folder it was found in (its settings apply). */
  folder: string;
}

export interface Progress {
  reporter: WorkDoneProgressReporter;
  /** Cancelled by the request or by the progress UI. */
  token: CancellationToken;
  dispose(): void;
}

export interface WorkspaceFiles {
  /** Every file to lint: the matching files of each folder, and the open documents in a folder. */
  list(): Promise<WorkspaceFile[]>;
  /**
   * Reads an unopened file, or says it is too large to lint; neither when it cannot be read or is not UTF-8
   * text (logged as what `purpose` skips).
   */
  load(file: WorkspaceFile, purpose: string): Promise<{ doc?: TextDocument; tooLarge?: Diagnostic }>;
  /** The progress of a request: its own token, one the server creates, or none. */
  progress(params: WorkDoneProgressParams, token: CancellationToken): Promise<Progress>;
}

export interface WorkspaceFilesDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  terms: TermStore;
  settings: SettingsStore;
  host: Host;
  logger: Logger;
  /** The client accepts `window/workDoneProgress/create`. */
  workDoneProgress: boolean;
}

export function createWorkspaceFiles(deps: WorkspaceFilesDeps): WorkspaceFiles {
  const { connection, documents, linter, terms, host, logger } = deps;
  return {
    async list() {
      const out: WorkspaceFile[] = [];
      const seen = new Set<string>();
      for (const folder of terms.folders()) {
        const s = await deps.settings.get(folder);
        if (!s.enable) continue;
        const extensions = s.languages.flatMap((l) => findFormatByLanguageId(l)?.extensions ?? []);
        if (extensions.length === 0) continue;
        const include = [`**/*.{${extensions.join(',')}}`];
        for (const uri of await host.findFiles(folder, include, s.exclude)) {
          if (seen.has(uri) || terms.isTermFile(uri)) continue;
          seen.add(uri);
          const languageId = documents.get(uri)?.languageId ?? languageOfPath(uri, s.languages);
          if (languageId) out.push({ uri, languageId, folder });
        }
      }
      // Open documents count even when they are not on disk (yet), in any language the settings name.
      for (const doc of documents.all()) {
        if (seen.has(doc.uri) || terms.isTermFile(doc.uri) || !folderOf(terms.folders(), doc.uri)) continue;
        if (linter.applies(doc, await deps.settings.get(doc.uri))) {
          seen.add(doc.uri);
          out.push({ uri: doc.uri, languageId: doc.languageId, folder: folderOf(terms.folders(), doc.uri)! });
        }
      }
      return out;
    },

    async load(file, purpose) {
      const settings = await deps.settings.get(file.folder);
      const size = await host.fileSize(file.uri);
      if (size === undefined) return {};
      if (size > settings.maxFileSize) return { tooLarge: tooLargeDiagnostic(settings) };
      const text = await host.readFile(file.uri);
      if (text === undefined) return {};
      // Binary, or not UTF-8 (decoded with U+FFFD in place of its bytes): a fix would write those back.
      if (text.includes('\u0000') || text.includes('\ufffd')) {
        logger.info(`${purpose} skips ${file.uri}: not UTF-8 text`);
        return {};
      }
      return { doc: TextDocument.create(file.uri, file.languageId, 0, text) };
    },

    async progress(params, token) {
      if (params.workDoneToken !== undefined) {
        return { reporter: connection.window.attachWorkDoneProgress(params.workDoneToken), token, dispose() {} };
      }
      if (!deps.workDoneProgress) return { reporter: connection.window.attachWorkDoneProgress(undefined), token, dispose() {} };
      const reporter = await connection.window.createWorkDoneProgress();
      const source = new CancellationTokenSource();
      const a = token.onCancellationRequested(() => source.cancel());
      const b = reporter.token.onCancellationRequested(() => source.cancel());
      return {
        reporter,
        token: source.token,
        dispose() {
          a.dispose();
          b.dispose();
          source.dispose();
        },
      };
    },
  };
}
