/**
 * The finding for a Han use (hanExact.ts): its fixes write the document's preferred form of the concept in the
 * document's script, character by character where the written span and the form have as many characters (a
 * line break or markup inside the span stays where it is), else as one edit of what differs. Chinese has no case,
 * so nothing is adapted; Latin letters inside a Chinese form are written as the list writes them.
 */
import { trimmedEdit } from '../fixes';
import { KINDS } from '../kinds';
import type { Finding, Replacement, VariantKind } from '../types';
import type { DocumentView } from '../view';
import { charEdits } from './hanExact';
import type { HanEntry } from './hanTerms';
import { significant } from './hanWalk';
import type { Match } from './match';

export function buildHanFinding(view: DocumentView, entry: HanEntry, m: Match, kind: VariantKind, targetForm: number, count: number): Finding | undefined {
  const found = view.text.slice(m.start, m.end);
  const target = entry.acceptable[targetForm]!;
  const replacements: Replacement[] = [];
  const add = (edits: Replacement['edits']): void => {
    if (edits.length === 0) return;
    let text = '';
    let pos = m.start;
    for (const e of edits) {
      text += view.text.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    text += view.text.slice(pos, m.end);
    if (text !== found && !replacements.some((r) => r.text === text)) replacements.push({ text, edits });
  };
  const toForm = (form: string): Replacement['edits'] => {
    const { written, at } = significant(view, m.start, m.end);
    if ([...form].length === written.length) return charEdits(view, written, at, form);
    return trimmedEdit(m.start, found, form);
  };
  if (m.form === targetForm && m.edits.length > 0) add(m.edits);
  else add(toForm(target));
  // The author may prefer the form they wrote, corrected.
  if (m.form >= 0 && m.form !== targetForm && m.edits.length > 0) add(m.edits);
  if (targetForm !== 0) add(toForm(entry.acceptable[0]!));
  if (replacements.length === 0) return undefined;
  const expected = replacements[0]!.text;
  const message =
    kind === 'inconsistent'
      ? `"${found}" should be "${expected}" (inconsistent: this document uses "${target}" ${count} times)`
      : `"${found}" should be "${expected}" (${KINDS[kind].label})`;
  return { kind, start: m.start, end: m.end, found, termId: entry.term.id, expected, replacements, message };
}
