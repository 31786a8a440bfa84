/**
 * Fix-all as a service for the features that offer it (the `source.fixAll.termlint` code action, the fix-all
 * requests), and the one conversion of the core's offset edits into LSP text edits.
 */
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FIX_ROUNDS, applyEdits, composeEdits, fixAllEdits, fixToFixedPoint, lintText, type Edit } from './core';
import type { DocumentLinter, LintOutcome } from './linting';

/** LSP edits of offset edits on the document's current text. */
export function toTextEdits(doc: Pick<TextDocument, 'positionAt'>, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({
    range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
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

/**
 * Fix-all for documents linted together (`termlint.variants.scope` `workspace`), to a fixed point over all of them
 * at once: a fix in one changes the counts the others are checked against, so each round lints them together
 * again (as versions that are never cached: `record: false`). The offset edits of each, on its text as given.
 */
export async function fixAllTogether(linter: DocumentLinter, docs: readonly TextDocument[], folder: string): Promise<Edit[][]> {
  const originals = docs.map((d) => d.getText());
  const texts = [...originals];
  const total: Edit[][] = docs.map(() => []);
  let outcomes = await linter.lintTogether(docs, folder);
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    let changed = false;
    texts.forEach((text, i) => {
      const edits = fixAllEdits(outcomes[i]!.findings);
      const next = edits.length === 0 ? text : applyEdits(text, edits);
      if (next === text) return;
      total[i] = total[i]!.length === 0 ? edits : composeEdits(originals[i]!, total[i]!, text, edits);
      texts[i] = next;
      changed = true;
    });
    if (!changed) break;
    const current = docs.map((d, i) => TextDocument.create(d.uri, d.languageId, d.version, texts[i]!));
    outcomes = await linter.lintTogether(current, folder, { record: false });
  }
  return total;
}
