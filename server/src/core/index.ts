/** The pure engine: term lists in, findings and edits out. No editor, no file system, offsets only. */
export * from './types';
export { parseTermFile } from './termFile';
export { compileTerms, type CompiledTerms } from './compile';
export { lintText } from './lint';
export { DocumentLinter } from './document';
export {
  DEFAULT_LANGUAGE_IDS,
  FORMATS,
  extensionOf,
  findFormatByLanguageId,
  findFormatByPath,
  formatById,
  formatForLanguageId,
  formatForPath,
  type Block,
  type BlockKind,
  type DocumentFormat,
  type FormatScan,
  type FormatStructure,
  type IncrementalScanner,
  type LineDirective,
  type Rescan,
  type Span,
  type TextChange,
} from './formats';
export { applyEdits, fixAllEdits } from './fixes';
export { isEnglishWord } from './english';
export { tokenize, type WordToken } from './text';
