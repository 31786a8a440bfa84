/**
 * Aligns a span of the document with a form sharing its key, letter by letter: which gaps differ (joined,
 * split, hyphenated), which letters differ in case where the case context does not allow it, and the minimal
 * edits that turn the span into the form. What kind of variant a span is follows from the flags.
 */
import type { FormSide } from '../forms';
import { mergeEdits } from '../fixes';
import { HeadingStyle } from '../languages/language';
import { CharClass, type TokenOffsets, charClassTable, lowerCaseTable, upperCaseTable } from '../text';
import type { VariantKind } from '../types';
import type { DocumentView } from '../view';
import type { CaseContext } from './casing';
import { gapBetween } from './gaps';

/** The span's words, gaps and letters, aligned on the key with a form's. */
export interface Alignment {
  flags: Set<VariantKind>;
  edits: { start: number; end: number; text: string }[];
}

/** Which kind a span with several differences is reported as: the first of these it has. */
const KIND_ORDER: VariantKind[] = ['joined', 'split', 'hyphen', 'case'];

/** The kind of variant an alignment's flags make (undefined when they are empty: the span is the form). */
export function kindOf(flags: ReadonlySet<VariantKind>): VariantKind | undefined {
  return KIND_ORDER.find((k) => flags.has(k));
}

export function align(view: DocumentView, tokens: TokenOffsets, first: number, last: number, side: FormSide, caseSensitive: boolean, ctx: CaseContext): Alignment {
  const { text, masked } = view;
  const cls = charClassTable();
  const lower = lowerCaseTable();
  const upper = upperCaseTable();
  const flags = new Set<VariantKind>();
  const edits: Alignment['edits'] = [];
  const { letters: formLetters, gapAt, hyphenAt } = side;

  let letter = 0;
  for (let k = first; k <= last; k++) {
    const tStart = tokens.starts[k]!;
    const tEnd = tokens.ends[k]!;
    const formGap = gapAt[letter];
    if (k > first) {
      const gapStart = tokens.ends[k - 1]!;
      const gapEnd = tStart;
      const textGap = gapBetween(masked, tokens, k - 1)!;
      if (!formGap) {
        flags.add('split');
        edits.push({ start: gapStart, end: gapEnd, text: '' });
      } else if (formGap.kind === 'space' && textGap.kind === 'hyphen') {
        flags.add('hyphen');
        edits.push({ start: gapStart, end: gapEnd, text: ' ' });
      } else if (formGap.kind === 'hyphen' && textGap.kind === 'space') {
        flags.add('hyphen');
        edits.push({ start: gapStart, end: gapEnd, text: hyphenAt[letter] ?? '-' });
      } else if (formGap.kind === 'hyphen' && textGap.kind === 'hyphen' && !sameText(text, gapStart, gapEnd, hyphenAt[letter] ?? '-')) {
        // An en dash, a minus sign or a non-breaking hyphen where the form has its hyphen: it looks alike,
        // but search, sorting and screen readers tell them apart.
        flags.add('hyphen');
        edits.push({ start: gapStart, end: gapEnd, text: hyphenAt[letter] ?? '-' });
      }
    }
    let wordStart = true;
    // A word written in capitals throughout is typography (a dateline, emphasis, a cover line), not a case
    // error: its letters may stand upper case wherever the form has them lower case.
    const capitals = caseSensitive && allCaps(text, tStart, tEnd, cls, lower);
    for (let p = tStart; p < tEnd; p++) {
      const c = text.charCodeAt(p);
      if (cls[c] === CharClass.Format) continue;
      if (!wordStart) {
        const g = gapAt[letter];
        if (g) {
          // Format characters the word runs through here (a soft hyphen, a zero-width joiner) stand where the
          // form has its gap: the fix writes the gap in their place. A soft hyphen there is a hyphen variant.
          let q = p;
          let soft = false;
          while (q > tStart && cls[text.charCodeAt(q - 1)] === CharClass.Format) soft = text.charCodeAt(--q) === 0xad || soft;
          flags.add(g.kind === 'space' && !soft ? 'joined' : 'hyphen');
          edits.push({ start: q, end: p, text: g.kind === 'space' ? ' ' : g.kind === 'hyphen' ? (hyphenAt[letter] ?? '-') : g.literal });
        }
      }
      const want = formLetters.charCodeAt(letter);
      if (caseSensitive && c !== want) {
        const atSpanStart = letter === 0;
        const upperOk = c === upper[want] && (capitals || (atSpanStart && ctx.sentenceStart) || ctx.heading === HeadingStyle.Caps || (ctx.heading === HeadingStyle.Title && (wordStart || gapAt[letter] !== undefined)));
        if (!upperOk) {
          flags.add('case');
          const keepUpper = atSpanStart && ctx.sentenceStart && lower[c] !== c;
          edits.push({ start: p, end: p + 1, text: String.fromCharCode(keepUpper ? upper[want]! : want) });
        }
      }
      wordStart = false;
      letter++;
    }
  }
  return { flags, edits: mergeEdits(edits, text) };
}

/** Whether text[start, end) has two letters or more and none of them lower case ("ZHUHAI", "HK"). */
function allCaps(text: string, start: number, end: number, cls: Uint8Array, lower: Uint16Array): boolean {
  let upperLetters = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (cls[c] !== CharClass.Word) continue;
    if (lower[c] !== c) upperLetters++;
    else if (upperCaseTable()[c] !== c) return false;
  }
  return upperLetters >= 2;
}

/** Whether text[start, end) reads `s`. */
function sameText(text: string, start: number, end: number, s: string): boolean {
  return end - start === s.length && text.startsWith(s, start);
}
