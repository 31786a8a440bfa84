/**
 * Markdown (CommonMark + GFM tables, task lists, strikethrough and autolinks), read with @lezer/markdown, which
 * gives exact source offsets. Its stages are in markdown/: limits (guards against pathological input), parser,
 * front matter, masking (tree → mask), pieces (the same scan with plain paragraphs
 * through lezer's inline parser only), rescan (lezer's incremental re-parse after an edit), outline.
 */
import type { DocumentFormat, LineDirective } from './format';
import { DISABLE_NEXT_LINE, directiveRegions } from './directives';
import { type MarkdownScan, scanMarkdownDocument } from './markdown/masking';
import { markdownOutline } from './markdown/outline';
import { scanMarkdownPieces } from './markdown/pieces';
import { rescanMarkdown } from './markdown/rescan';


export const markdown = {
  id: 'markdown',
  name: 'Markdown',
  // The union of what the CLI and workspace lint accepted before they asked one registry.
  extensions: ['md', 'markdown', 'mdx', 'mdown', 'mkd', 'mkdn'],
  languageIds: ['markdown'],
  // A scan that keeps no tree (nothing will re-scan it): plain paragraphs skip lezer's block parser.
  scan: scanMarkdownPieces,
  headingStyleFrom: 'text',
  directives: directiveRegions,
  disableLine: (): LineDirective => DISABLE_NEXT_LINE,
  incremental: {
    scan: scanMarkdownDocument,
    rescan: (old: MarkdownScan, oldText: string, text: string, change) => rescanMarkdown(old, oldText, text, change),
  },
  outline: markdownOutline,
} as const satisfies DocumentFormat<MarkdownScan>;
