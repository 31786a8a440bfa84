/**
 * The language seam: what the matcher, its fixes and extraction need to know about the natural language a
 * document's prose is written in. One file per language implements `Language` (languages/english.ts);
 * `languageFor` (languages/index.ts) picks one per document from `LintOptions.lang`, once per lint, and the
 * pipeline passes it down. Nothing here knows the document's format (Markdown, plain text): that is the view's.
 *
 * What stays out of the interface on purpose: the tokenizer's character tables and the trie walk are read
 * directly by the matchers' inner loops (no call per character); a language chooses which matchers read its
 * text through `scripts` (core/matching/scripts.ts).
 */
import type { TokenOffsets, WordTokens } from '../text';
import type { DialectTable } from './dialects';

/** How a heading is capitalised: Title Case and ALL CAPS let the author's capitals stand. */
export const enum HeadingStyle {
  None = 0,
  Title = 1,
  Caps = 2,
}

/**
 * The writing systems a language's prose is matched in, each read by its own matchers
 * (core/matching/scripts.ts). 'alphabetic': runs of letters and digits separated by spaces and punctuation,
 * matched word by word (Latin, and any other script with word spaces). A language whose words are not
 * separated by spaces (Chinese) adds its own script and matcher beside these. 'han': Chinese characters, matched
 * against the lists' zh-Hans and zh-Hant forms with no word spaces (core/matching/hanExact.ts).
 */
export type Script = 'alphabetic' | 'han';

/** Sentence punctuation by UTF-16 code unit: what ends a sentence, and what may stand around that mark. */
export interface SentencePunctuation {
  /** Marks that end a sentence (".", "?", "。"). */
  readonly terminators: ReadonlySet<number>;
  /** Quotes that may open a sentence or stand before its first word ('"', "“", "「"). */
  readonly openingQuotes: ReadonlySet<number>;
  /** Quotes that may follow a sentence's terminator ('"', "”", "」"). */
  readonly closingQuotes: ReadonlySet<number>;
  /** Brackets that may open a sentence ("(", "["). */
  readonly openingBrackets: ReadonlySet<number>;
  /** Brackets that may follow a sentence's terminator (")", "]"). */
  readonly closingBrackets: ReadonlySet<number>;
}

export interface Language {
  /** The BCP 47 primary language subtag it implements, lower case ("en"). */
  readonly tag: string;
  /** The scripts its prose is matched in, each by its own matchers. */
  readonly scripts: readonly Script[];
  /**
   * Word tokens of `text[from, to)` as offset arrays (no object per word): what the word matchers step through.
   * Called once per lint (or per re-scanned range), never per character.
   */
  tokenOffsets(text: string, from?: number, to?: number): TokenOffsets;
  /**
   * The same tokens with each word's case-folded hash and letter shape, read in the same pass: what the
   * consistency checks' word table needs of every word (core/consistency/words.ts). Optional: without it the
   * table reads the words again.
   */
  tokenWords?(text: string, from?: number, to?: number): WordTokens;
  readonly punctuation: SentencePunctuation;
  /**
   * Whether a sentence starts at `offset` of `text` (the masked view) in the block that starts at `blockStart`:
   * where a capital is the author's and not part of the term.
   */
  isSentenceStart(text: string, blockStart: number, offset: number): boolean;
  /** Words Title Case leaves in lower case inside a title ("of", "and"), lower case. */
  readonly minorWords: ReadonlySet<string>;
  /**
   * Whether a heading's text is in Title Case or ALL CAPS. Neither, whenever it holds a word that starts with
   * five lower-case ASCII letters and is joined to nothing before it (the capitals check reads a line with such
   * a word as prose without asking: consistency/capitals.ts `readsAsProse`).
   */
  headingStyle(heading: string): HeadingStyle;
  /** Writes `target` the way the author wrote `written`: sentence case, Title Case headings, ALL CAPS. */
  adaptCase(target: string, written: string, caseSensitive: boolean, sentenceStart: boolean, heading: HeadingStyle): string;
  /**
   * Whether `word` (any case) is ordinary vocabulary: never reported as a misspelling of a term, and no variant
   * when a term's words are written together or apart as such words ("makeup", "on line").
   */
  isWord(word: string): boolean;
  /**
   * Rewrites characters of the view's masked text in [from, to) one for one (same length, so offsets never move),
   * for what the language's matchers should read alike: Chinese reads full-width Latin letters and digits as
   * half-width ones. Absent: the view is read as the format made it.
   */
  foldView?(masked: string, from: number, to: number): string;
  /** What the variant check needs of the vocabulary (core/consistency/); a language without it has no variant check. */
  readonly variants?: VariantVocabulary;
}

/**
 * The vocabulary behind "consistency without a list" (core/consistency/): which spellings of one word a
 * document may mix by accident, and which look alike but are different words.
 */
export interface VariantVocabulary {
  /**
   * Grammar words (lower case): a spaced pair that starts or ends with one is a phrase, not a compound written
   * apart ("every day" / "everyday", "set up" / "setup").
   */
  isFunctionWord(lower: string): boolean;
  /** Every grammar word, lower case (the check hashes them once). */
  readonly functionWords: readonly string[];
  /** Whether the hyphen tells a joined word (lower case) from its hyphenated form ("re-sign" / "resign"). */
  hyphenKeepsApart(joinedLower: string): boolean;
  /** Whether a word's capital is always its own ("May", "Monday"): no capitalisation variant. */
  isAlwaysCapitalised(lower: string): boolean;
  /** British and American spellings of one word ("colour" / "color"), loaded on first use. */
  dialects(): DialectTable;
}
