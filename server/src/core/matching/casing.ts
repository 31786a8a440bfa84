/**
 * The case context of a use: whether it starts a sentence and whether it sits in a Title Case or ALL CAPS
 * heading. Both let the author's capitals stand (a case-sensitive term may start upper case there) and shape
 * the case of its fixes (`Language.adaptCase`). Sentence starts are the language's rule; blocks and headings
 * come from the view.
 */
import { HeadingStyle, type Language } from '../languages/language';
import { lastAtMost, spanAt } from '../search';
import type { DocumentView } from '../view';

export interface CaseContext {
  sentenceStart: boolean;
  heading: HeadingStyle;
}

export function caseContext(view: DocumentView, start: number, lang: Language): CaseContext {
  return { sentenceStart: isSentenceStart(view, start, lang), heading: headingAt(view, start) };
}

/** True at the start of a block, or where the language says a sentence starts within it. */
function isSentenceStart(view: DocumentView, offset: number, lang: Language): boolean {
  const block = lastAtMost(view.blockStarts, offset);
  return lang.isSentenceStart(view.masked, block < 0 ? 0 : view.blockStarts[block]!, offset);
}

/** The style of the heading holding `offset`, or None outside headings. */
function headingAt(view: DocumentView, offset: number): HeadingStyle {
  const h = spanAt(view.headings, offset);
  return h < 0 ? HeadingStyle.None : view.headings[h]!.style;
}
