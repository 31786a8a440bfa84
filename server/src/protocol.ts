/**
 * Termlint's own protocol on top of LSP, imported by both sides: the server handles these requests and the
 * VS Code extension sends them (any other client may too). It imports only vscode-languageserver-protocol,
 * which client and server both have, so the client's bundle never pulls in the server library.
 */
import { ProtocolNotificationType, ProtocolRequestType, type Position, type Range, type TextDocumentIdentifier, type WorkDoneProgressParams, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { TermUsageReport } from './report/model';

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

export interface TermUsageParams extends WorkDoneProgressParams {
  /** An open document to report on; without it, every file of the workspace (the files workspace lint checks). */
  textDocument?: TextDocumentIdentifier;
}

/**
 * The term-usage report (`server/src/report/model.ts`): the data `termlint report --format json` prints, built
 * from the same lint results as the diagnostics. Files are named relative to their workspace folder, and each
 * has its `uri`.
 */
export type TermUsageResult = TermUsageReport;

/** The terms a document (or the workspace) uses, how often, in which forms, and what is to fix. */
export const TermUsageRequest = new ProtocolRequestType<TermUsageParams, TermUsageResult, never, void, void>('termlint/termUsage');

export interface TermReportPageParams extends TermUsageParams {
  /** The webview the page is for: its `cspSource`, and a fresh nonce, the only one the page's style and script may carry. */
  webview: { nonce: string; cspSource: string };
}

export interface TermReportPageResult {
  report: TermUsageResult;
  /** The report page (`termlint report`'s HTML) for the webview: theme colours, CSP with the nonce, uses as messages. */
  html: string;
}

/** The term-usage report and its page, rendered by the server so the extension's bundle holds no report code. */
export const TermReportPageRequest = new ProtocolRequestType<TermReportPageParams, TermReportPageResult, never, void, void>('termlint/termReportPage');

/** What the report page in the webview posts when a use is clicked (server/src/report/html.ts writes the script). */
export interface TermReportMessage {
  type: 'reveal';
  /** The file as the report names it (`TermUsageReport.files[].file`). */
  file: string;
  /** 1-based, as in the report. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ProjectLanguagesParams {
  /** Language ids the workspace's termlint.config.json files name in `languages` (sorted, no repeats). */
  languages: string[];
}

/**
 * Server → client, whenever it changes: the languages the project configurations check, so the client also hands
 * the server documents of a language only the configuration names (the client's selector comes from its settings).
 */
export const ProjectLanguagesNotification = new ProtocolNotificationType<ProjectLanguagesParams, void>('termlint/projectLanguages');

export interface CounterpartParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
  /** What to find: the source of this translation, or the translations of this source. */
  want: 'source' | 'translation';
}

export interface CounterpartLocation {
  /** The other document of the pair. */
  uri: string;
  /** Its language, as term lists write tags (`zh-Hans`, `en`). */
  lang: string;
  /** The blocks aligned with the block at the position (the start of the document when none is). */
  range: Range;
}

/**
 * The other side of a translation pair, at the blocks aligned with the position: what "Open the source side by
 * side" and "Open the translation side by side" reveal. Empty when the document is in no pair.
 */
export const CounterpartRequest = new ProtocolRequestType<CounterpartParams, CounterpartLocation[], never, void, void>('termlint/counterpart');
