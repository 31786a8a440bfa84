/**
 * What features may ask of diagnostics delivery (implemented by features/diagnostics.ts, handed to the others
 * by server.ts): a feature never imports another feature.
 */
import type { Diagnostic, Disposable } from 'vscode-languageserver';

export interface DiagnosticsPublisher extends Disposable {
  /** Pushes diagnostics for a file that is not open (workspace lint); an empty list clears it. */
  publishUnopened(uri: string, diagnostics: Diagnostic[]): void;
  /** Re-lints every open document and re-publishes term-file problems. */
  refreshAll(): void;
  /**
   * Re-lints these open documents, whose own text did not change but what their diagnostics depend on did (the
   * source of a translation was edited), and delivers what changed.
   */
  relint(uris: readonly string[]): void;
}
