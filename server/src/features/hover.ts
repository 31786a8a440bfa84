/**
 * Hover on a term (correct or not): a card with the approved, admitted and forbidden forms, translation, note,
 * source. On a finding no term list is behind (a variant, an abbreviation), a card with what the document does:
 * each form it writes and how often.
 */
import { MarkupKind, type Connection, type Disposable, type Hover, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KINDS, type Finding, type Occurrence, type Term } from '../core';
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

/** The language the hover card shows a translation for. */
const TRANSLATION = 'zh-Hans';

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s}${ticks}`;
}

function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

export function hoverCard(term: Term, occurrence: Occurrence, finding: Finding | undefined): string {
  const lines: string[] = [];
  lines.push(`**${escape(term.term)}** — Termlint term`);
  lines.push('');
  if (finding) lines.push(`⚠ ${escape(finding.message)}`, '');
  else if (occurrence.form === 0) lines.push('✓ approved form', '');
  else if (occurrence.form > 0) lines.push(`✓ admitted form (approved: ${code(term.term)})`, '');
  lines.push(`- Approved: ${code(term.term)}`);
  if (term.admitted.length) lines.push(`- Admitted: ${term.admitted.map(code).join(', ')}`);
  if (term.forbidden.length) lines.push(`- Forbidden: ${term.forbidden.map(code).join(', ')}`);
  const translation = term.translations[TRANSLATION];
  if (translation) lines.push(`- ${TRANSLATION}: ${escape(translation)}`);
  if (term.source) lines.push(`- Source: ${escape(term.source)}`);
  if (term.note) lines.push('', escape(term.note));
  if (term.origin) {
    const uri = originUri(term.origin.file);
    const name = decodeURIComponent(uri.replace(/.*\//, ''));
    lines.push('', `[${escape(name)}, line ${term.origin.line + 1}](${uri}#L${term.origin.line + 1})`);
  }
  return lines.join('\n');
}

function plainCard(term: Term, finding: Finding | undefined): string {
  const lines = [`${term.term} (Termlint term)`];
  if (finding) lines.push(finding.message);
  if (term.admitted.length) lines.push(`Admitted: ${term.admitted.join(', ')}`);
  if (term.forbidden.length) lines.push(`Forbidden: ${term.forbidden.join(', ')}`);
  const translation = term.translations[TRANSLATION];
  if (translation) lines.push(`${TRANSLATION}: ${translation}`);
  if (term.source) lines.push(`Source: ${term.source}`);
  if (term.note) lines.push(term.note);
  return lines.join('\n');
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** The card of a finding against the document itself: a variant's forms with their counts, or an abbreviation's problem. */
export function documentCard(finding: Finding, markdown: boolean): string {
  const kind = KINDS[finding.kind];
  const forms = finding.forms ?? [];
  if (!markdown) {
    const lines = [`${finding.termId} (Termlint ${kind.label})`, finding.message];
    for (const [i, f] of forms.entries()) lines.push(`${f.text}: ${times(f.count)}${i === 0 ? ' (preferred)' : ''}`);
    return lines.join('\n');
  }
  const lines = [`**${escape(finding.termId)}** — Termlint ${escape(kind.label)}`, '', `⚠ ${escape(finding.message)}`];
  if (forms.length > 0) {
    lines.push('', '| form | written |', '| --- | ---: |');
    for (const [i, f] of forms.entries()) lines.push(`| ${code(f.text)}${i === 0 ? ' (preferred)' : ''} | ${times(f.count)} |`);
    lines.push('', `No term list covers it. "Add to the term list" makes ${code(forms[0]!.text)} a term and forbids the other forms.`);
  }
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
      if (finding && KINDS[finding.kind].against === 'document') {
        return {
          contents: { kind: deps.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: documentCard(finding, deps.markdown) },
          range: { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) },
        };
      }
      const occurrence =
        outcome.result.occurrences.find((o) => o.start <= offset && offset < o.end) ??
        outcome.result.occurrences.find((o) => o.start <= offset && offset <= o.end) ??
        (finding ? { termId: finding.termId, start: finding.start, end: finding.end, form: -1 } : undefined);
      if (!occurrence) return null;
      const term = outcome.compiled.terms.get(occurrence.termId);
      if (!term) return null;
      const f = finding && finding.termId === term.id ? finding : undefined;
      return {
        contents: deps.markdown ? { kind: MarkupKind.Markdown, value: hoverCard(term, occurrence, f) } : { kind: MarkupKind.PlainText, value: plainCard(term, f) },
        range: { start: doc.positionAt(occurrence.start), end: doc.positionAt(occurrence.end) },
      };
    }),
  );
}
