/**
 * Inline directives that switch checking off:
 *   <!-- termlint-disable --> … <!-- termlint-enable -->   a region (to the end of the file if never enabled)
 *   <!-- termlint-disable-next-line -->                     the following line
 *   … termlint-disable-line                                 the line it is on, in any comment syntax
 * The words are found wherever they are written, so one scanner serves every format: a format only chooses what
 * "Disable Termlint for this line" writes (`DocumentFormat.disableLine`).
 */
import type { Region } from '../mask';
import type { LineDirective } from './format';

/** An HTML comment on a line of its own, above the line: what Markdown and HTML write to disable a line. */
export const DISABLE_NEXT_LINE: LineDirective = { where: 'above', text: '<!-- termlint-disable-next-line -->' };

const MARK = 'termlint-';

/** Whether `text` holds a directive's mark anywhere: without one, `directiveRegions` finds nothing. */
export function holdsDirectiveMark(text: string): boolean {
  return text.includes(MARK);
}

/**
 * Whether a mark in `text` can overlap [from, to) (an edit's new text): a text that held no mark before the edit
 * holds one after it only there, and its regions are still none otherwise.
 */
export function directiveMarkNear(text: string, from: number, to: number): boolean {
  return text.slice(Math.max(0, from - MARK.length + 1), Math.min(text.length, to + MARK.length - 1)).includes(MARK);
}

function lineStartAt(text: string, i: number): number {
  const n = text.lastIndexOf('\n', i - 1);
  return n + 1;
}

function lineEndAt(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

export function directiveRegions(text: string): Region[] {
  const regions: Region[] = [];
  let disabledFrom = -1;
  let i = text.indexOf(MARK);
  while (i >= 0) {
    const rest = text.startsWith('disable', i + MARK.length) ? 'disable' : text.startsWith('enable', i + MARK.length) ? 'enable' : '';
    const after = i + MARK.length + rest.length;
    if (rest === 'disable') {
      if (text.startsWith('-next-line', after)) {
        const nextStart = lineEndAt(text, i) + 1;
        if (nextStart <= text.length) regions.push({ start: nextStart, end: lineEndAt(text, nextStart), mode: 'hide' });
      } else if (text.startsWith('-line', after)) {
        regions.push({ start: lineStartAt(text, i), end: lineEndAt(text, i), mode: 'hide' });
      } else if (!isWordChar(text.charCodeAt(after)) && disabledFrom < 0) {
        disabledFrom = i;
      }
    } else if (rest === 'enable' && !isWordChar(text.charCodeAt(after)) && disabledFrom >= 0) {
      regions.push({ start: disabledFrom, end: after, mode: 'hide' });
      disabledFrom = -1;
    }
    i = text.indexOf(MARK, i + MARK.length);
  }
  if (disabledFrom >= 0) regions.push({ start: disabledFrom, end: text.length, mode: 'hide' });
  return regions;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
}
