/**
 * HTML, read with parse5 (html/scan.ts): text nodes and `alt` / `title` values are checked; scripts, styles,
 * code, preformatted text, form fields, other attributes, tags and comments are not. Block elements end
 * blocks, h1–h6 are headings, inline elements (em, strong, a, span, …) read as transparent. Character
 * references keep their offsets (html/references.ts). An edit that writes or deletes prose inside prose is
 * re-scanned in place (html/rescan.ts); any other edit scans the document whole.
 */
import type { DocumentFormat, LineDirective } from './format';
import { DISABLE_NEXT_LINE, directiveRegions } from './directives';
import { htmlOutline } from './html/outline';
import { type HtmlScan, rescanHtml, scanHtmlDocument } from './html/rescan';
import { scanHtml } from './html/scan';

export const html = {
  id: 'html',
  name: 'HTML',
  extensions: ['html', 'htm'],
  languageIds: ['html'],
  scan: scanHtml,
  // Headings hold tags (`<h2><a href="#x">…</a></h2>`), whose names and attributes would read as lower-case words.
  headingStyleFrom: 'view',
  directives: directiveRegions,
  disableLine: (): LineDirective => DISABLE_NEXT_LINE,
  incremental: { scan: scanHtmlDocument, rescan: rescanHtml },
  outline: htmlOutline,
} as const satisfies DocumentFormat<HtmlScan>;
