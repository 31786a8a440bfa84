/**
 * Fix-all as a service for the features that offer it (the `source.fixAll.termlint` code action, the fix-all
 * requests), and the one conversion of the core's offset edits into LSP text edits.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixToFixedPoint, lintText, type Edit } from './core';
import type { DocumentLinter, LintOutcome } from './linting';

/** LSP edits of offset edits; `shift` re-anchors them when the text moved (a quick fix placed by its diagnostic). */
export function toTextEdits(doc: Pick<TextDocument, 'positionAt'>, edits: readonly Edit[], shift = 0): TextEdit[] {
  return edits.map((e) => ({
    range: { start: doc.positionAt(e.start + shift), end: doc.positionAt(e.end + shift) },
    newText: e.text,
  }));
}

/** Fix-all edits for a document as it reads now, or undefined when it changed under us. */
export async function computeFixAll(linter: DocumentLinter, doc: TextDocument): Promise<{ version: number; edits: TextEdit[] } | undefined> {
  const outcome = await linter.lint(doc);
  if (outcome.status !== 'linted' || outcome.version !== doc.version) return undefined;
  return { version: outcome.version, edits: toTextEdits(doc, fixAllOffsetEdits(outcome)) };
}

/**
 * The offset edits that fix everything in a linted document, to a fixed point (core/fixPoint.ts): what the
 * fixes write is linted again with the same lists and options, so applying them leaves nothing to fix.
 */
export function fixAllOffsetEdits(outcome: Extract<LintOutcome, { status: 'linted' }>): Edit[] {
  const { compiled, options } = outcome;
  return fixToFixedPoint(outcome.text, outcome.result.findings, (t) => lintText(t, compiled, options).findings).edits;
}
