/**
 * The other side of a translation pair (`termlint/counterpart`): from a place in a translation, the source
 * blocks aligned with it; from a place in a source, the aligned blocks of each of its translations. What the
 * extension's "Open the source side by side" and "Open the translation side by side" reveal. The alignment is
 * the one the target's diagnostics were found on (its lint's pairs), so what is revealed is what was checked.
 */
import type { Connection, Disposable, Range, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForPath } from '../core';
import type { Host } from '../host';
import type { DocumentLinter, LintTarget } from '../linting';
import { alignedBlock, type PairOutcome, type PairService } from '../pairs';
import { CounterpartRequest, type CounterpartLocation } from '../protocol';
import type { SettingsStore } from '../settings';
import { guardRequest, type Logger } from '../util';

export interface PairCommandDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  pairs: PairService;
  settings: SettingsStore;
  host: Host;
  logger: Logger;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function rangeIn(doc: Pick<TextDocument, 'positionAt'>, span: { start: number; end: number } | undefined): Range {
  return span ? { start: doc.positionAt(span.start), end: doc.positionAt(span.end) } : START;
}

export function registerPairCommands(deps: PairCommandDeps): Disposable {
  const { connection, documents, linter, pairs, host, logger } = deps;

  /** A translation as it reads now: the open document, else the disk's text (linted once, not cached). */
  async function targetDocument(uri: string): Promise<{ doc: LintTarget; open: boolean } | undefined> {
    const open = documents.get(uri);
    if (open) return { doc: open, open: true };
    const text = await host.readFile(uri);
    if (text === undefined) return undefined;
    return { doc: TextDocument.create(uri, formatForPath(uri).languageIds[0]!, 0, text), open: false };
  }

  async function pairsOfTarget(uri: string): Promise<{ doc: LintTarget; pairs: PairOutcome[] } | undefined> {
    const target = await targetDocument(uri);
    if (!target) return undefined;
    const outcome = await linter.lint(target.doc, target.open ? undefined : { cache: false });
    return outcome.status === 'linted' && outcome.pairs ? { doc: target.doc, pairs: outcome.pairs } : undefined;
  }

  return connection.onRequest(
    CounterpartRequest,
    guardRequest(logger, 'termlint/counterpart', (p) => p.textDocument.uri, async (params): Promise<CounterpartLocation[]> => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const offset = doc.offsetAt(params.position);
      if (params.want === 'source') {
        const found = await pairsOfTarget(doc.uri);
        if (!found) return [];
        return found.pairs.map((p) => ({ uri: p.source.uri, lang: p.source.lang, range: rangeIn(p.source.doc, alignedBlock(p, 'target', offset)) }));
      }
      const out: CounterpartLocation[] = [];
      for (const t of await pairs.targetsOf(doc.uri, await deps.settings.get(doc.uri))) {
        const found = await pairsOfTarget(t.uri);
        const pair = found?.pairs.find((p) => p.source.uri === doc.uri);
        if (!found || !pair) continue;
        // The alignment was made with the source as it reads now (open, so the editor's text).
        out.push({ uri: t.uri, lang: t.targetLang, range: rangeIn(found.doc, alignedBlock(pair, 'source', offset)) });
      }
      return out;
    }),
  );
}
