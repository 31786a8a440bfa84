/**
 * The kinds of finding, one row each: everything Termlint says about a kind comes from here (messages, the
 * CLI's SARIF rules, the server's default severities, the settings' help in package.json, which `npm run
 * manifest` writes from this table and a test holds to it). A new kind is a row here, then its detection.
 */

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface KindInfo {
  /** How a message names it: `"HongKong" should be "Hong Kong" (joined words)`. */
  readonly label: string;
  /** One sentence, the SARIF rule's short description. */
  readonly summary: string;
  /** The help of its `termlint.severity` setting, with an example. */
  readonly help: string;
  /** What it means, as the README's table of kinds puts it. */
  readonly meaning: string;
  /** How loud it is unless the settings say otherwise: wrong spellings warn, mixing two acceptable forms informs. */
  readonly severity: SeverityName;
  /**
   * A finding about a translation pair (a source and its translation, core/translation/), never about one
   * document alone: only a pair check reports it.
   */
  readonly pair?: true;
  /**
   * False when its fix is a likely rendering the writer confirms one at a time (a quick fix), never applied by
   * fix-all, fix on save or `--fix`.
   */
  readonly fixAll?: false;
  /**
   * What it is checked against: a term list's entry (`termId` names it), or the document itself (`variant` and the
   * abbreviation kinds, which run with no term list at all; `termId` is then the preferred form or the short form).
   */
  readonly against: 'terms' | 'document';
}

/** In report order: the order of SARIF rules, summaries and `--kinds` help. */
export const KINDS = {
  joined: {
    label: 'joined words',
    summary: 'Words of a term are written together.',
    help: 'Words of a term written together ("productivityforces").',
    meaning: 'words of a term run together',
    severity: 'warning',
    against: 'terms',
  },
  split: {
    label: 'split word',
    summary: 'A one-word term is written apart.',
    help: 'A one-word term written apart ("Guang dong").',
    meaning: 'a one-word term broken apart',
    severity: 'warning',
    against: 'terms',
  },
  hyphen: {
    label: 'hyphenation',
    summary: 'A term is hyphenated differently from its approved form.',
    help: 'Hyphenation differs ("high quality development").',
    meaning: 'hyphen, space or nothing where the term has another',
    severity: 'warning',
    against: 'terms',
  },
  case: {
    label: 'capitalization',
    summary: 'A case-sensitive term is written in the wrong case.',
    help: 'Capitalization differs ("Information office").',
    meaning: 'wrong case of a case-sensitive term',
    severity: 'warning',
    against: 'terms',
  },
  misspelling: {
    label: 'misspelling',
    summary: 'A near miss of a term (small edit distance; in Chinese, one character typed for another of the same sound).',
    help: 'A near miss of a term ("Shenzen"; in Chinese, a character of the same pinyin: "新知生产力" for "新质生产力").',
    meaning: 'a near miss of a term, also inside a multi-word name; in Chinese, one character typed for another of the same pinyin',
    severity: 'warning',
    against: 'terms',
  },
  script: {
    label: 'script',
    summary: 'A Chinese term is written in the other script than the document\'s (Traditional in Simplified, or the reverse).',
    help: 'A Chinese term in the other script than the document\'s: "粵港澳大灣區" in a Simplified draft, or one Traditional character in a Simplified name ("广東").',
    meaning: 'a Chinese term in the other script than the document\'s, whole or one character of it',
    severity: 'warning',
    against: 'terms',
  },
  width: {
    label: 'full-width characters',
    summary: 'A term is written with full-width Latin letters or digits.',
    help: 'Full-width Latin letters or digits in a term of a Chinese document ("ＧＤＰ", "５Ｇ基站").',
    meaning: 'full-width Latin letters or digits in a term, in a Chinese document',
    severity: 'warning',
    against: 'terms',
  },
  forbidden: {
    label: 'forbidden form',
    summary: 'A spelling the term list forbids.',
    help: 'A form the term list forbids ("Kwangtung").',
    meaning: 'a spelling the list forbids',
    severity: 'warning',
    against: 'terms',
  },
  inconsistent: {
    label: 'inconsistent',
    summary: 'The document mixes acceptable forms of one term.',
    help: 'An admitted form used in a document that mostly uses another acceptable form.',
    meaning: 'the document uses more than one acceptable form of a term',
    severity: 'information',
    against: 'terms',
  },
  variant: {
    label: 'variant',
    summary: 'A word or phrase no term list covers, written in more than one way in the same document.',
    help: 'A word or phrase written two or more ways in one document ("cross-border" / "cross border", "colour" / "color", "Internet" / "internet"); needs no term list.',
    meaning: 'a word or phrase no term list covers, written two or more ways in one document',
    severity: 'information',
    against: 'document',
  },
  abbreviation: {
    label: 'abbreviation',
    summary: 'An abbreviation used before its definition, defined twice, or defined two ways.',
    help: 'An abbreviation used before its definition, defined twice or with two expansions ("IPP" before "Institute of Public Policy (IPP)"; in Chinese, a short form before its full name: "大湾区" before "粤港澳大湾区").',
    meaning: 'an abbreviation used before its definition, defined twice, or defined with two expansions',
    severity: 'information',
    against: 'document',
  },
  expansion: {
    label: 'expansion',
    summary: "An abbreviation's expansion spelled out again after its definition.",
    help: 'An abbreviation\'s expansion spelled out again after its definition ("Institute of Public Policy" after "(IPP)").',
    meaning: "an abbreviation's expansion spelled out again after its definition",
    severity: 'information',
    against: 'document',
  },
  'unused-abbreviation': {
    label: 'unused abbreviation',
    summary: 'An abbreviation defined and never used.',
    help: 'An abbreviation defined and never used.',
    meaning: 'an abbreviation defined and never used',
    severity: 'hint',
    against: 'document',
  },
  translation: {
    label: 'translation',
    summary: 'A term of the source is not rendered with one of its approved translations in the aligned block.',
    help: 'A term of the source whose aligned block in the translation has none of its acceptable renderings ("澳门" translated "Macau").',
    meaning: 'a term of the source that its aligned block in the translation does not render with an approved or admitted form',
    severity: 'warning',
    against: 'terms',
    pair: true,
    fixAll: false,
  },
  unsourced: {
    label: 'unsourced term',
    summary: 'A term of the translation that its aligned source block does not have.',
    help: 'A term of the translation whose aligned block in the source has none of its source forms (only with termlint.translation.reverse).',
    meaning: 'a term of the translation that its aligned source block does not have (reported only when asked for)',
    severity: 'information',
    against: 'terms',
    pair: true,
  },
} as const satisfies Record<string, KindInfo>;

/** The closed set of finding kinds; used as the diagnostic `code` and the SARIF rule id. */
export type VariantKind = keyof typeof KINDS;

export const VARIANT_KINDS: readonly VariantKind[] = Object.keys(KINDS) as VariantKind[];

/** The kinds one document can have on its own (the others need a translation pair). */
export const DOCUMENT_KINDS: readonly VariantKind[] = VARIANT_KINDS.filter((k) => !(KINDS[k] as KindInfo).pair);

/** The kinds a translation pair adds to its target. */
export const PAIR_KINDS: readonly VariantKind[] = VARIANT_KINDS.filter((k) => (KINDS[k] as KindInfo).pair);

/** Whether fix-all (fix on save, `--fix`) applies a kind's preferred fix. */
export function inFixAll(kind: VariantKind): boolean {
  return (KINDS[kind] as KindInfo).fixAll !== false;
}

export const DEFAULT_SEVERITY: Readonly<Record<VariantKind, SeverityName>> = Object.fromEntries(VARIANT_KINDS.map((k) => [k, KINDS[k].severity])) as Record<VariantKind, SeverityName>;

/** What a kind's severity may be set to, and how the settings UI describes each choice. */
export const SEVERITY_CHOICES = {
  error: 'Error',
  warning: 'Warning',
  information: 'Information',
  hint: 'Hint',
  off: 'Not reported',
} as const satisfies Record<SeverityName | 'off', string>;

export type SeveritySetting = keyof typeof SEVERITY_CHOICES;
