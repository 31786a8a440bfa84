/**
 * Hover on a term (correct or not, or a spelling an exception covers): a compact card, one line each, with its
 * forms, its other languages, its exceptions, its note, and where it comes from (every list that contributed,
 * when several define it). On a finding no term list is behind (a variant, an abbreviation), a card of the same
 * kind with what the document does: each form it writes and how often. A finding's message is not repeated: VS
 * Code shows the diagnostic right above it.
 */
import { termsIn } from '../core/matching/hanTerms';
import { MarkupKind, type Connection, type Disposable, type Hover, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KINDS, contributionsOf, formsIn, languagesOf, ownLanguage, type Contribution, type Excepted, type Finding, type FormDetail, type LanguageForms, type Occurrence, type Term } from '../core';
import { originUri, type DocumentLinter, type LintOutcome } from '../linting';
import { sourceSentence } from '../pairs';
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

/** How a card writes: Markdown (code spans, bold, escaped) or plain text. */
interface Style {
  form: (s: string) => string;
  bold: (s: string) => string;
  text: (s: string) => string;
}
const MARKDOWN: Style = { form: code, bold: (s) => `**${escape(s)}**`, text: escape };
const PLAIN: Style = { form: (s) => `"${s}"`, bold: (s) => s, text: (s) => s };

/** What the list says of one form, in brackets after it: a superseded name and its note (sources stay in the file). */
function detail(d: FormDetail | undefined): string {
  if (!d) return '';
  const bits = [d.status === 'superseded' ? 'superseded' : '', d.note ?? ''].filter((b) => b !== '');
  return bits.length ? ` (${bits.join('; ')})` : '';
}

function formList(forms: readonly string[], f: LanguageForms, st: Style): string {
  return forms.map((t) => st.form(t) + st.text(detail(f.details?.[t]))).join(', ');
}

/** The forms in the term's own language, the one this occurrence is written in marked ✓ (when nothing is wrong with it). */
function formsLine(term: Term, occurrence: Occurrence | undefined, finding: Finding | undefined, st: Style): string {
  const own = formsIn(term, ownLanguage(term))!;
  const ok = (form: number) => (!finding && occurrence?.form === form ? ' ✓' : '');
  const parts = [`${st.bold(term.term)}${ok(0)}${st.text(detail(own.details?.[term.term]))}`];
  if (term.admitted.length) parts.push(`admitted ${term.admitted.map((a, i) => `${st.form(a)}${ok(i + 1)}${st.text(detail(own.details?.[a]))}`).join(', ')}`);
  if (term.forbidden.length) parts.push(`forbidden ${formList(term.forbidden, own, st)}`);
  return parts.join(' · ');
}

/** The concept in its other languages: `澳门 (zh-Hans) · 澳門 (zh-Hant, admitted 濠江)`. */
function languagesLine(term: Term, st: Style): string | undefined {
  const parts = languagesOf(term)
    .slice(1)
    .map((lang) => {
      const f = formsIn(term, lang)!;
      const more = [lang];
      if (f.admitted.length) more.push(`admitted ${formList(f.admitted, f, st)}`);
      if (f.forbidden.length) more.push(`forbidden ${formList(f.forbidden, f, st)}`);
      return `${st.text(f.approved)} (${more.join(', ')})`;
    });
  return parts.length ? parts.join(' · ') : undefined;
}

/** The card's status line for a spelling an exception covers (findings speak for themselves above the card). */
function exceptedLine(term: Term, excepted: Excepted, st: Style): string {
  const note = term.exceptions?.find((e) => e.phrase === excepted.phrase)?.note;
  return `✓ part of ${st.form(excepted.phrase)}, an exception: not reported${note ? ` (${st.text(note)})` : ''}`;
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

/** Where the term comes from: each contributing list when several define it, else its entry, and its source, short. */
function fromLines(term: Term, st: Style, markdown: boolean): string[] {
  const link = (file: string, line: number, title = '') =>
    markdown ? `[${escape(fileName(file))}:${line + 1}](${originUri(file)}#L${line + 1}${title})` : `${fileName(file)}:${line + 1}`;
  const contributions = contributionsOf(term);
  if (contributions.length > 1) {
    return contributions.map((c) => `${c.origin ? link(c.origin.file, c.origin.line) : 'a list'}: ${st.text(contributionForms(c, ownLanguage(term)))}`);
  }
  const from: string[] = [];
  if (term.origin) from.push(link(term.origin.file, term.origin.line, term.source ? ` "${term.source.replace(/["\\]/g, "'")}"` : ''));
  if (term.source) from.push(st.text(shortSource(term.source)));
  if (from.length === 0) return [];
  return [markdown ? `*${from.join(' · ')}*` : from.join(' · ')];
}

function card(term: Term, occurrence: Occurrence | undefined, finding: Finding | undefined, excepted: Excepted | undefined, markdown: boolean): string {
  const st = markdown ? MARKDOWN : PLAIN;
  const lines = [formsLine(term, occurrence, finding, st)];
  if (excepted) lines.push(exceptedLine(term, excepted, st));
  const languages = languagesLine(term, st);
  if (languages) lines.push(languages);
  if (term.exceptions?.length) lines.push(`exceptions ${term.exceptions.map((e) => st.form(e.phrase)).join(', ')}`);
  if (term.subject) lines.push(`subject: ${st.text(term.subject)}`);
  if (term.definition) lines.push(st.text(term.definition));
  if (term.note) lines.push(st.text(term.note));
  lines.push(...fromLines(term, st, markdown));
  // Hard line breaks: one compact paragraph rather than a paragraph (and its margins) per line.
  return lines.join(markdown ? '  \n' : '\n');
}

export function hoverCard(term: Term, occurrence: Occurrence | undefined, finding: Finding | undefined, excepted?: Excepted): string {
  return card(term, occurrence, finding, excepted, true);
}

export function plainCard(term: Term, occurrence: Occurrence | undefined, finding: Finding | undefined, excepted?: Excepted): string {
  return card(term, occurrence, finding, excepted, false);
}

/** Longer source sentences are cut: the card is a glance, the side-by-side command shows the whole block. */
const SENTENCE_MAX = 240;

/**
 * In a translation, what the term renders: the aligned source sentence of each source of the document, with a
 * link to it. A paragraph of its own below the card.
 */
function sourceLines(outcome: Extract<LintOutcome, { status: 'linted' }>, offset: number, termId: string, finding: Finding | undefined, markdown: boolean): string[] {
  const out: string[] = [];
  for (const pair of outcome.pairs ?? []) {
    const s = sourceSentence(pair, outcome.compiled, offset, termId, finding);
    if (!s) continue;
    const doc = pair.source.doc;
    const line = doc.positionAt(s.start).line + 1;
    const flat = s.text.replace(/\s+/g, ' ');
    const text = flat.length > SENTENCE_MAX ? `${flat.slice(0, SENTENCE_MAX - 1)}…` : flat;
    const name = fileName(s.uri);
    out.push(markdown ? `Source, [${escape(name)}:${line}](${s.uri}#L${line}): ${escape(text)}` : `Source, ${name}:${line}: ${text}`);
  }
  return out;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * The card of a finding against the document itself, one line each: a variant's forms with their counts (the
 * preferred first) and what "Add to the term list" would make of them; an abbreviation finding's kind and what
 * it checks.
 */
export function documentCard(finding: Finding, markdown: boolean): string {
  const st = markdown ? MARKDOWN : PLAIN;
  const kind = KINDS[finding.kind];
  const forms = finding.forms ?? [];
  const lines: string[] = [];
  if (forms.length > 0) {
    lines.push(forms.map((f, i) => (i === 0 ? `${st.bold(f.text)} ${times(f.count)} (preferred)` : `${st.form(f.text)} ${times(f.count)}`)).join(' · '));
    lines.push(`${kind.label}: no term list covers it; "Add to the term list" makes ${st.form(forms[0]!.text)} a term and forbids the other forms`);
  } else {
    lines.push(`${st.bold(finding.termId)} · ${st.text(kind.label)}`);
    lines.push(st.text(kind.help));
  }
  return lines.join(markdown ? '  \n' : '\n');
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
      if (finding && KINDS[finding.kind].against === 'document') {
        return {
          contents: { kind: deps.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: documentCard(finding, deps.markdown) },
          range: { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) },
        };
      }
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
      // In a translation, the source sentence the term renders: a paragraph of its own below the card.
      const sources = outcome.pairs ? sourceLines(outcome, offset, span.termId, f ?? finding, deps.markdown) : [];
      const markdown = hoverCard(term, occurrence, f, excepted) + (lang ? `  
*${lang}*` : '') + sources.map((l) => `

${l}`).join('');
      const plain = plainCard(term, occurrence, f, excepted) + (lang ? `
${lang}` : '') + sources.map((l) => `

${l}`).join('');
      return {
        contents: deps.markdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plain },
        range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
      };
    }),
  );
}
