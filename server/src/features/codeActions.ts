/**
 * Code actions over Termlint's own diagnostics: one quick fix per replacement (the first preferred),
 * "Fix all" as `source.fixAll.termlint` (versioned, from the current text), "Add to the term list" (a term's
 * form as admitted, or a variant as a new entry: the preferred form approved, the others forbidden),
 * "Ignore in this workspace" and "Disable Termlint for this line". Every action carries its edit. A diagnostic
 * carries only its term's id: the finding it stands for, with its replacements, is looked up in the lint of the
 * document as it reads now (cached per version), so the fixes are always those of the text they edit.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Disposable,
  type TextDocumentEdit,
  type TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit as JsonEdit } from 'jsonc-parser';
import { KINDS, contributionsOf, formatForLanguageId, readerForName, type Finding } from '../core';
import { termsIn } from '../core/matching/hanTerms';
import type { Host } from '../host';
import { computeFixAll, toTextEdits } from '../fixAll';
import { SOURCE, findingOf, type DocumentLinter, type ProblemData } from '../linting';
import { DiagnosticCodes } from '../protocol';
import type { SettingsStore } from '../settings';
import { addEntryEdits, admitEdits, ignoreEdits, newTermFileText, overridingEntry } from '../termFileEdits';
import type { TermStore } from '../termLists';
import { guardRequest, type Logger } from '../util';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.termlint`;

export interface CodeActionsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  terms: TermStore;
  settings: SettingsStore;
  host: Host;
  logger: Logger;
  /** What the client's WorkspaceEdit supports. */
  documentChanges: boolean;
  createFiles: boolean;
}

/** Does an action of kind `kind` satisfy the client's `only` filter? */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => k === '' || kind === k || kind.startsWith(k + '.'));
}

function jsonToTextEdits(doc: Pick<TextDocument, 'positionAt'>, edits: readonly JsonEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content }));
}

export function registerCodeActions(deps: CodeActionsDeps): Disposable {
  const { connection, documents, linter, terms, host, logger } = deps;

  function editFor(uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit {
    if (deps.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
    return { changes: { [uri]: edits } };
  }

  function quickFixes(doc: TextDocument, d: Diagnostic, data: Finding): CodeAction[] {
    return data.replacements.map((r, i) => ({
      title: `Replace "${data.found}" with "${r.text}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: i === 0,
      edit: { changes: { [doc.uri]: toTextEdits(doc, r.edits) } },
    }));
  }

  /**
   * A term file's or configuration's problem that names its own fix (a misspelt key → the known key): the fix,
   * when the range still holds what the problem was about.
   */
  function problemFix(doc: TextDocument, d: Diagnostic): CodeAction | undefined {
    const code = String(d.code ?? '');
    if (d.source !== SOURCE || (code !== DiagnosticCodes.termFile && code !== DiagnosticCodes.configFile)) return undefined;
    const replacement = (d.data as Partial<ProblemData> | undefined)?.replacement;
    if (typeof replacement !== 'string') return undefined;
    const current = doc.getText(d.range);
    if (current === '' || current === replacement) return undefined;
    return {
      title: `Change ${current} to ${replacement}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: editFor(doc.uri, doc.version, [{ range: d.range, newText: replacement }]),
    };
  }

  /** Current text and version of a term file: from the editor when open, else from disk. */
  async function termFileState(uri: string): Promise<{ text: string; version: number | null } | undefined> {
    const open = documents.get(uri);
    if (open) return { text: open.getText(), version: open.version };
    const text = await host.readFile(uri);
    return text === undefined ? undefined : { text, version: null };
  }

  async function editTermFile(uri: string, change: (text: string) => JsonEdit[] | undefined, create: () => string): Promise<WorkspaceEdit | undefined> {
    const state = await termFileState(uri);
    if (!state) {
      if (!deps.documentChanges || !deps.createFiles) return undefined;
      return {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: create() }] },
        ],
      };
    }
    const edits = change(state.text);
    if (!edits || edits.length === 0) return undefined;
    const doc = TextDocument.create(uri, 'json', 0, state.text);
    return editFor(uri, state.version, jsonToTextEdits(doc, edits));
  }

  /** A variant becomes a term: its preferred form approved, the document's other forms forbidden. */
  async function variantEntryAction(doc: TextDocument, d: Diagnostic, data: Finding): Promise<CodeAction | undefined> {
    const forms = data.forms;
    if (data.kind !== 'variant' || !forms || forms.length < 2) return undefined;
    const settings = await deps.settings.get(doc.uri);
    const target = terms.workspaceTermFileFor(doc.uri, settings);
    if (!target) return undefined;
    const [approved, ...others] = forms.map((f) => f.text);
    const entry: Record<string, unknown> = { term: approved, forbidden: others };
    const edit = await editTermFile(target, (text) => addEntryEdits(text, entry), () => newTermFileText({ terms: [entry] }));
    const title = `Add "${approved}" to the term list (forbidding ${others.map((o) => `"${o}"`).join(', ')})`;
    return edit && { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
  }

  async function admitAction(doc: TextDocument, d: Diagnostic, data: Finding): Promise<CodeAction | undefined> {
    // Already an acceptable form; and full-width letters are typography, never a form of a term.
    if (data.kind === 'inconsistent' || data.kind === 'width') return undefined;
    if (KINDS[data.kind]?.against !== 'terms') return variantEntryAction(doc, d, data);
    const settings = await deps.settings.get(doc.uri);
    const { compiled } = terms.termsFor(doc.uri, settings);
    // A Han finding names its concept as the document's script reads it (core/matching/hanTerms.ts).
    const outcome = await linter.lint(doc);
    const term = termsIn(compiled, outcome.status === 'linted' ? outcome.result.lang : undefined).get(data.termId);
    if (!term) return undefined;
    const lang = term.lang ?? 'en';
    const title = `Add "${data.found}" to the term list as admitted`;
    const originFile = term.origin ? terms.get(term.origin.file) : undefined;
    let edit: WorkspaceEdit | undefined;
    const target = terms.workspaceTermFileFor(doc.uri, settings);
    const ownJson = originFile && !originFile.bundled && readerForName(originFile.uri)?.id === 'json';
    if (ownJson && originFile.uri !== target) edit = await editTermFile(originFile.uri, (text) => admitEdits(text, term.origin!.offset, data.found, lang), () => '');
    // Shipped lists are read-only, a TBX or CSV file belongs to the tool it came from, and a JSON entry may have no
    // block for the form's language: the workspace term file gets it, in the entry it already has for the concept
    // (beside the forms admitted before, in a block for the language if the entry has none), else in an entry of
    // its own that merges with the rest.
    if (!edit && target) {
      const there = contributionsOf(term).find((c) => c.origin?.file === target)?.origin;
      if (there) edit = await editTermFile(target, (text) => admitEdits(text, there.offset, data.found, lang, term.term), () => '');
      else {
        const entry = overridingEntry(term, data.found);
        edit = await editTermFile(target, (text) => addEntryEdits(text, entry), () => newTermFileText({ terms: [entry] }));
      }
    }
    return edit && { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
  }

  async function ignoreAction(doc: TextDocument, d: Diagnostic, data: Finding): Promise<CodeAction | undefined> {
    const settings = await deps.settings.get(doc.uri);
    const target = terms.workspaceTermFileFor(doc.uri, settings);
    if (!target) return undefined;
    // An abbreviation's findings are about the abbreviation (its short form), whatever span they mark.
    const word = data.kind === 'abbreviation' || data.kind === 'unused-abbreviation' ? data.termId : data.found;
    const edit = await editTermFile(target, (text) => ignoreEdits(text, word), () => newTermFileText({ ignore: [word] }));
    return edit && { title: `Ignore "${word}" in this workspace`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
  }

  function disableLineAction(doc: TextDocument, line: number, diagnostics: Diagnostic[]): CodeAction {
    const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const content = lineText.replace(/\r?\n$/, '');
    let edit: TextEdit;
    const directive = formatForLanguageId(doc.languageId).disableLine(doc.languageId);
    if (directive.where === 'above') {
      const indent = /^[ \t]*/.exec(content)![0];
      const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
      edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${directive.text}${eol}` };
    } else {
      const end = { line, character: content.length };
      edit = { range: { start: end, end }, newText: ` ${directive.text}` };
    }
    return { title: 'Disable Termlint for this line', kind: CodeActionKind.QuickFix, diagnostics, edit: editFor(doc.uri, doc.version, [edit]) };
  }

  return connection.onCodeAction(
    guardRequest(logger, 'textDocument/codeAction', (p) => p.textDocument.uri, async (params: CodeActionParams): Promise<CodeAction[]> => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      const actions: CodeAction[] = [];
      // The client's diagnostics that are ours, each with its finding in the current text (none for one whose
      // text an edit changed or removed since: it gets no fix until the next report).
      const outcome = params.context.diagnostics.length > 0 ? await linter.lint(doc) : undefined;
      const result = outcome?.status === 'linted' && outcome.version === doc.version ? outcome.result : undefined;
      const own = result
        ? params.context.diagnostics.map((d) => ({ d, f: findingOf(result, doc, d) })).filter((x): x is { d: Diagnostic; f: Finding } => x.f !== undefined)
        : [];

      if (kindRequested(only, CodeActionKind.QuickFix)) {
        for (const d of params.context.diagnostics) {
          const fix = problemFix(doc, d);
          if (fix) actions.push(fix);
        }
        for (const { d, f } of own) actions.push(...quickFixes(doc, d, f));
        for (const { d, f } of own) {
          const admit = await admitAction(doc, d, f);
          if (admit) actions.push(admit);
          const ignore = await ignoreAction(doc, d, f);
          if (ignore) actions.push(ignore);
        }
        const lines = new Map<number, Diagnostic[]>();
        for (const { d } of own) lines.set(d.range.start.line, [...(lines.get(d.range.start.line) ?? []), d]);
        for (const [line, diagnostics] of lines) actions.push(disableLineAction(doc, line, diagnostics));
      }
      // Fix-all shows up when asked for explicitly (on save, Source Action menu), or next to one of ours.
      if ((only ? kindRequested(only, FIX_ALL_KIND) : own.length > 0) && documents.get(doc.uri)?.version === doc.version) {
        const fix = await computeFixAll(linter, doc);
        if (fix && fix.edits.length > 0 && documents.get(doc.uri)?.version === fix.version) {
          const documentChange: TextDocumentEdit = { textDocument: { uri: doc.uri, version: fix.version }, edits: fix.edits };
          actions.push({
            title: 'Fix all Termlint problems in this file',
            kind: FIX_ALL_KIND,
            diagnostics: own.map((x) => x.d),
            edit: deps.documentChanges ? { documentChanges: [documentChange] } : { changes: { [doc.uri]: fix.edits } },
          });
        }
      }
      return actions;
    }),
  );
}
