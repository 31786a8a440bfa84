/**
 * Termlint's own protocol on top of LSP, imported by both sides: the server handles these requests and the
 * VS Code extension sends them (any other client may too). It imports only vscode-languageserver-protocol,
 * which client and server both have, so the client's bundle never pulls in the server library.
 */
import { ProtocolNotificationType, ProtocolRequestType, type TextDocumentIdentifier, type WorkDoneProgressParams, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/** `Diagnostic.source` of every diagnostic Termlint publishes. */
export const DIAGNOSTIC_SOURCE = 'termlint';

/**
 * Codes of the diagnostics that are about a file rather than a term; a term finding's code is its kind
 * (`VariantKind`). The status bar counts only findings.
 */
export const DiagnosticCodes = {
  /** A problem in a term file, at its position. */
  termFile: 'term-file',
  /** A problem in a project configuration (`termlint.config.json`), at its position. */
  configFile: 'config-file',
  /** The one diagnostic of a document over `termlint.maxFileSize`. */
  fileTooLarge: 'file-too-large',
} as const;

export type LintWorkspaceParams = WorkDoneProgressParams;

export interface LintWorkspaceResult {
  /** Files checked (open ones included). */
  files: number;
  /** Findings in them. */
  findings: number;
  /** Files over `termlint.maxFileSize`, not checked. */
  skipped: number;
}

/** Lints every matching file in the workspace and publishes diagnostics for the ones that are not open. */
export const LintWorkspaceRequest = new ProtocolRequestType<LintWorkspaceParams, LintWorkspaceResult, never, void, void>('termlint/lintWorkspace');

/** One WorkspaceEdit fixing every file in the workspace (versioned for open documents); null when nothing to fix. */
export const FixAllWorkspaceRequest = new ProtocolRequestType<WorkDoneProgressParams, WorkspaceEdit | null, never, void, void>('termlint/fixAllWorkspace');

export interface FixAllParams {
  textDocument: TextDocumentIdentifier;
}

/** The fix-all edit of one open document (same as the `source.fixAll.termlint` action); null when nothing to fix. */
export const FixAllRequest = new ProtocolRequestType<FixAllParams, WorkspaceEdit | null, never, void, void>('termlint/fixAll');

export interface TermFilesParams {
  /** A document: its workspace term file is reported as `workspaceTermFile`. */
  uri?: string;
}

export interface TermFileInfo {
  uri: string;
  bundled: boolean;
  title?: string;
  terms: number;
  problems: number;
}

export interface TermFilesResult {
  files: TermFileInfo[];
  workspaceTermFile?: string;
}

/** The term files in force. */
export const TermFilesRequest = new ProtocolRequestType<TermFilesParams, TermFilesResult, never, void, void>('termlint/termFiles');

export interface ExtractTermsParams {
  textDocument: TextDocumentIdentifier;
}

export interface ExtractTermsResult {
  /** A term file (JSON text) with candidate terms found in the document. */
  text: string;
}

/** Builds a term list from an open document's repeated terms. */
export const ExtractTermsRequest = new ProtocolRequestType<ExtractTermsParams, ExtractTermsResult, never, void, void>('termlint/extractTerms');

export interface ProjectLanguagesParams {
  /** Language ids the workspace's termlint.config.json files name in `languages` (sorted, no repeats). */
  languages: string[];
}

/**
 * Server → client, whenever it changes: the languages the project configurations check, so the client also hands
 * the server documents of a language only the configuration names (the client's selector comes from its settings).
 */
export const ProjectLanguagesNotification = new ProtocolNotificationType<ProjectLanguagesParams, void>('termlint/projectLanguages');
