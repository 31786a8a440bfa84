/**
 * The term-usage report as the extension asks for it: of one document or of the workspace, from the server
 * (`termlint/termUsage`), so the Terms view and the report webview show the numbers the diagnostics come from.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TermReportPageRequest, TermUsageRequest, type TermReportPageResult } from '../../server/src/protocol';
import type { TermUsageReport } from '../../server/src/report/model';

export type ReportScope = { kind: 'document'; uri: vscode.Uri } | { kind: 'workspace' };

export function scopeKey(scope: ReportScope): string {
  return scope.kind === 'workspace' ? 'workspace' : scope.uri.toString();
}

export function requestReport(client: LanguageClient, scope: ReportScope, token?: vscode.CancellationToken): Promise<TermUsageReport> {
  const params = scope.kind === 'document' ? { textDocument: { uri: scope.uri.toString() } } : {};
  return client.sendRequest(TermUsageRequest, params, token);
}

/** The report and its page for a webview (rendered by the server, with this webview's CSP source and nonce). */
export function requestPage(client: LanguageClient, scope: ReportScope, webview: { nonce: string; cspSource: string }): Promise<TermReportPageResult> {
  const params = scope.kind === 'document' ? { textDocument: { uri: scope.uri.toString() }, webview } : { webview };
  return client.sendRequest(TermReportPageRequest, params);
}

/** The document of a file the report names. */
export function uriOfFile(report: TermUsageReport, file: string): vscode.Uri | undefined {
  const uri = report.files.find((f) => f.file === file)?.uri;
  return uri === undefined ? undefined : vscode.Uri.parse(uri);
}
