/**
 * Hover on a term (correct or not, or a spelling an exception covers): a card with the approved, admitted and
 * forbidden forms, the concept's other languages, its exceptions, translation, note and source, and which
 * lists contributed what when several define it.
 */
import { termsIn } from '../core/matching/hanTerms';
import { MarkupKind, type Connection, type Disposable, type Hover, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { contributionsOf, formsIn, languagesOf, ownLanguage, type Contribution, type Excepted, type Finding, type FormDetail, type LanguageForms, type Occurrence, type Term } from '../core';
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

/** What the list says of one form, in brackets after it: a superseded name, its note, its source. */
function detail(d: FormDetail | undefined): string {
  if (!d) return '';
  const bits = [d.status === 'superseded' ? 'superseded' : '', d.note ?? '', d.source ? `source: ${d.source}` : ''].filter((b) => b !== '');
  return bits.length ? ` (${bits.join('; ')})` : '';
}

function formList(forms: readonly string[], f: LanguageForms, md: boolean): string {
  return forms.map((t) => (md ? code(t) + escape(detail(f.details?.[t])) : t + detail(f.details?.[t]))).join(', ');
}

/** Another language of the concept on one line: its approved form, then its admitted and forbidden ones. */
function languageLine(lang: string, f: LanguageForms, md: boolean): string {
  const more: string[] = [];
  if (f.admitted.length) more.push(`admitted: ${formList(f.admitted, f, md)}`);
  if (f.forbidden.length) more.push(`forbidden: ${formList(f.forbidden, f, md)}`);
  const approved = md ? escape(f.approved + detail(f.details?.[f.approved])) : f.approved + detail(f.details?.[f.approved]);
  return `${lang}: ${approved}${more.length ? ` (${more.join('; ')})` : ''}`;
}

function fileName(file: string): string {
  return decodeURIComponent(originUri(file).replace(/.*\//, ''));
}

function contributionForms(c: Contribution, own: string): string {
  const forms = c.forms.map((f) => `${f.text}${f.lang !== own ? ` (${f.lang}${f.status === 'approved' ? '' : ` ${f.status}`})` : f.status === 'approved' ? '' : ` (${f.status})`}`);
  if (c.exceptions.length) forms.push(`exceptions: ${c.exceptions.join('; ')}`);
  if (c.replaced) forms.push('replaces the lists before it');
  return forms.join(', ');
}

/** The card's status line for the hovered span. */
function status(term: Term, occurrence: Occurrence | undefined, finding: Finding | undefined, excepted: Excepted | undefined, md: boolean): string | undefined {
  if (finding) return `⚠ ${md ? escape(finding.message) : finding.message}`;
  if (excepted) {
    const note = term.exceptions?.find((e) => e.phrase === excepted.phrase)?.note;
    const phrase = md ? code(excepted.phrase) : `"${excepted.phrase}"`;
    return `✓ part of ${phrase}, an exception: not reported${note ? ` (${md ? escape(note) : note})` : ''}`;
  }
  if (occurrence?.form === 0) return '✓ approved form';
  if (occurrence && occurrence.form > 0) return `✓ admitted form (approved: ${md ? code(term.term) : term.term})`;
  return undefined;
}

export function hoverCard(term: Term, occurrence: Occurrence | undefined, finding: Finding | undefined, excepted?: Excepted): string {
  const lines: string[] = [];
  lines.push(`**${escape(term.term)}** — Termlint term`);
  lines.push('');
  const s = status(term, occurrence, finding, excepted, true);
  if (s) lines.push(s, '');
  const own = formsIn(term, ownLanguage(term))!;
  lines.push(`- Approved: ${code(term.term)}${escape(detail(own.details?.[term.term]))}`);
  if (term.admitted.length) lines.push(`- Admitted: ${formList(term.admitted, own, true)}`);
  if (term.forbidden.length) lines.push(`- Forbidden: ${formList(term.forbidden, own, true)}`);
  for (const lang of languagesOf(term).slice(1)) lines.push(`- ${languageLine(lang, formsIn(term, lang)!, true)}`);
  if (term.exceptions?.length) lines.push(`- Exceptions: ${term.exceptions.map((e) => code(e.phrase)).join(', ')}`);
  if (term.subject) lines.push(`- Subject: ${escape(term.subject)}`);
  if (term.definition) lines.push(`- Definition: ${escape(term.definition)}`);
  if (term.source) lines.push(`- Source: ${escape(term.source)}`);
  if (term.note) lines.push('', escape(term.note));
  const contributions = contributionsOf(term);
  if (contributions.length > 1) {
    lines.push('', 'Lists:');
    for (const c of contributions) {
      const where = c.origin ? `[${escape(fileName(c.origin.file))}, line ${c.origin.line + 1}](${originUri(c.origin.file)}#L${c.origin.line + 1})` : 'a list';
      lines.push(`- ${where}: ${escape(contributionForms(c, ownLanguage(term)))}`);
    }
  } else if (term.origin) {
    const uri = originUri(term.origin.file);
    lines.push('', `[${escape(fileName(term.origin.file))}, line ${term.origin.line + 1}](${uri}#L${term.origin.line + 1})`);
  }
  return lines.join('\n');
}

function plainCard(term: Term, finding: Finding | undefined, excepted: Excepted | undefined): string {
  const lines = [`${term.term} (Termlint term)`];
  const s = status(term, undefined, finding, excepted, false);
  if (s && (finding || excepted)) lines.push(s);
  const own = formsIn(term, ownLanguage(term))!;
  if (term.admitted.length) lines.push(`Admitted: ${formList(term.admitted, own, false)}`);
  if (term.forbidden.length) lines.push(`Forbidden: ${formList(term.forbidden, own, false)}`);
  for (const lang of languagesOf(term).slice(1)) lines.push(languageLine(lang, formsIn(term, lang)!, false));
  if (term.exceptions?.length) lines.push(`Exceptions: ${term.exceptions.map((e) => e.phrase).join(', ')}`);
  if (term.source) lines.push(`Source: ${term.source}`);
  if (term.note) lines.push(term.note);
  const contributions = contributionsOf(term);
  if (contributions.length > 1) for (const c of contributions) lines.push(`From ${c.origin ? `${fileName(c.origin.file)}:${c.origin.line + 1}` : 'a list'}: ${contributionForms(c, ownLanguage(term))}`);
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
      const { findings, occurrences, excepted: exceptions } = outcome.result;
      const finding = findings.find((f) => f.start <= offset && offset <= f.end && f.start < f.end);
      const occurrence =
        occurrences.find((o) => o.start <= offset && offset < o.end) ??
        occurrences.find((o) => o.start <= offset && offset <= o.end) ??
        (finding ? { termId: finding.termId, start: finding.start, end: finding.end, form: -1 } : undefined);
      // A spelling an exception covers is no occurrence, but its card says why it is not reported.
      const excepted = occurrence ? undefined : exceptions?.find((e) => e.start <= offset && offset <= e.end);
      const span = occurrence ?? excepted;
      if (!span) return null;
      const term = termsIn(outcome.compiled, outcome.result.lang).get(span.termId);
      if (!term) return null;
      const f = finding && finding.termId === term.id ? finding : undefined;
      // A document read as Chinese says so, and why (its name, the setting, its text).
      const lang = outcome.language.tag === 'en' ? '' : `Document language: ${outcome.language.tag} (from the ${outcome.language.source})`;
      const markdown = hoverCard(term, occurrence, f, excepted) + (lang ? `\n\n*${lang}*` : '');
      const plain = plainCard(term, f, excepted) + (lang ? `\n${lang}` : '');
      return {
        contents: deps.markdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plain },
        range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
      };
    }),
  );
}
