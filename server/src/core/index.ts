/** The pure engine: term lists in, findings and edits out. No editor, no file system, offsets only. */
export * from './types';
export { KINDS, SEVERITY_CHOICES, type KindInfo, type SeveritySetting } from './kinds';
export { parseTermFile } from './termlists/json';
export { TERM_LIST_READERS, isTermListFile, readTermList, readerForFile, readerForName, termListGlobs } from './termlists/registry';
export type { TermListReader, WriteOptions, WrittenList } from './termlists/reader';
export { TermListBuilder, makeTerm, type EntryForm, type EntryInput } from './termlists/builder';
export { TERM_LIMITS, checkCollisions, checkForm, checkFormCount, type FormRef, type Report, type Span as SourceSpan } from './termlists/validation';
export { compileTerms, compileTermsInSteps, type CompiledTerms } from './compile';
export { acceptableIn, conceptsIn, contributionsOf, formsIn, languagesOf, ownLanguage, termIn } from './concepts';
export { normalizeLanguageTag } from './languages/tags';
export { detectLanguage, documentLanguage, languageFromName, type DocumentLanguage, type LanguageSource } from './languages/detect';
export { termsIn } from './matching/hanTerms';
export { lintText, lintTogether, type DocumentInput } from './lint';
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
export { MAX_FIX_ROUNDS, composeEdits, fixToFixedPoint, type FixAllResult } from './fixPoint';
export { isEnglishWord } from './languages/englishWords';
export { tokenize, type WordToken } from './text';
export { LANGUAGES, chinese, english, languageFor, HeadingStyle, type Language, type Script, type SentencePunctuation } from './languages';
