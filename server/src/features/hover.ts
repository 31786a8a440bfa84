/** Hover on a term (correct or not): a compact card with its forms, other languages, note and source. */
import { MarkupKind, type Connection, type Disposable, type Hover, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Occurrence, Term } from '../core';
import { originUri, type DocumentLinter } from '../linting';
import { guardRequest, type Logger } from '../util';

export interface HoverDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  logger: Logger;
  /** The client renders Markdown in hovers. */
  markdown: boolean;
}

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s}${ticks}`;
}

function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** A list's source can run to a paragraph (the bundled one names an interview and a press conference): one line of it. */
export function shortSource(source: string, max = 60): string {
  const s = source.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > max / 3 ? cut : max - 1).replace(/[\s,;:(–-]+$/, '')}…`;
}

/** The forms of a term, the one this occurrence is written in marked ✓ (when nothing is wrong with it). */
function formsLine(term: Term, occurrence: Occurrence, finding: Finding | undefined, show: (s: string) => string, bold: (s: string) => string): string {
  const ok = (form: number) => (!finding && occurrence.form === form ? ' ✓' : '');
  const parts = [`${bold(term.term)}${ok(0)}`];
  if (term.admitted.length) parts.push(`admitted ${term.admitted.map((a, i) => `${show(a)}${ok(i + 1)}`).join(', ')}`);
  if (term.forbidden.length) parts.push(`forbidden ${term.forbidden.map(show).join(', ')}`);
  return parts.join(' · ');
}

/** The term's forms in other languages: `澳门 (zh-Hans)`. */
function languagesLine(term: Term, escapeText: (s: string) => string): string | undefined {
  const entries = Object.entries(term.translations);
  return entries.length ? entries.map(([tag, text]) => `${escapeText(text)} (${tag})`).join(' · ') : undefined;
}

/**
 * The card on a term, right or wrong: its forms, its other languages, its note, and where it comes from, one line
 * each. A finding's message is not repeated: VS Code shows the diagnostic right above the card.
 */
export function hoverCard(term: Term, occurrence: Occurrence, finding: Finding | undefined): string {
  const lines = [formsLine(term, occurrence, finding, code, (t) => `**${escape(t)}**`)];
  const languages = languagesLine(term, escape);
  if (languages) lines.push(languages);
  if (term.note) lines.push(escape(term.note));
  const from: string[] = [];
  if (term.origin) {
    const uri = originUri(term.origin.file);
    const name = decodeURIComponent(uri.replace(/.*\//, ''));
    const title = term.source ? ` "${term.source.replace(/["\\]/g, "'")}"` : '';
    from.push(`[${escape(name)}:${term.origin.line + 1}](${uri}#L${term.origin.line + 1}${title})`);
  }
  if (term.source) from.push(escape(shortSource(term.source)));
  if (from.length) lines.push(`*${from.join(' · ')}*`);
  // Hard line breaks: one compact paragraph rather than a paragraph (and its margins) per line.
  return lines.join('  \n');
}

function plainCard(term: Term, occurrence: Occurrence, finding: Finding | undefined): string {
  const lines = [formsLine(term, occurrence, finding, (t) => `"${t}"`, (t) => t)];
  const languages = languagesLine(term, (t) => t);
  if (languages) lines.push(languages);
  if (term.note) lines.push(term.note);
  if (term.source) lines.push(shortSource(term.source));
  return lines.join('\n');
}

export function registerHover(deps: HoverDeps): Disposable {
  const { connection, documents, linter, logger } = deps;
  return connection.onHover(
    guardRequest(logger, 'textDocument/hover', (p) => p.textDocument.uri, async (params): Promise<Hover | null> => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const outcome = await linter.lint(doc);
      if (outcome.status !== 'linted' || outcome.version !== doc.version) return null;
      const offset = doc.offsetAt(params.position);
      const finding = outcome.result.findings.find((f) => f.start <= offset && offset <= f.end && f.start < f.end);
      const occurrence =
        outcome.result.occurrences.find((o) => o.start <= offset && offset < o.end) ??
        outcome.result.occurrences.find((o) => o.start <= offset && offset <= o.end) ??
        (finding ? { termId: finding.termId, start: finding.start, end: finding.end, form: -1 } : undefined);
      if (!occurrence) return null;
      const term = outcome.compiled.terms.get(occurrence.termId);
      if (!term) return null;
      const f = finding && finding.termId === term.id ? finding : undefined;
      return {
        contents: deps.markdown ? { kind: MarkupKind.Markdown, value: hoverCard(term, occurrence, f) } : { kind: MarkupKind.PlainText, value: plainCard(term, occurrence, f) },
        range: { start: doc.positionAt(occurrence.start), end: doc.positionAt(occurrence.end) },
      };
    }),
  );
}
