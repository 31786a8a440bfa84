/** The pure engine: term lists in, findings and edits out. No editor, no file system, offsets only. */
export * from './types';
export { parseTermFile } from './termFile';
export { compileTerms, type CompiledTerms } from './compile';
export { lintText } from './lint';
export { DocumentLinter } from './document';
export { applyEdits, fixAllEdits } from './fixes';
export { isEnglishWord } from './languages/englishWords';
export { tokenize, type WordToken } from './text';
export { LANGUAGES, english, languageFor, HeadingStyle, type Language, type Script, type SentencePunctuation } from './languages';
