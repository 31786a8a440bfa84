/**
 * The translation check of a pair of documents, a source and its translation (the target): both are linted in
 * their languages (or their lints are reused: the occurrences of a lint are exactly which concept is used
 * where, so nothing is matched a second time), cut into blocks by their formats (`DocumentFormat.outline`),
 * aligned block by block (align.ts), and each link checked (findings.ts). The findings are the target's.
 */
import type { CompiledTerms } from '../compile';
import { acceptableIn } from '../concepts';
import type { FormatId } from '../formats';
import { languageFor } from '../languages';
import { lintText } from '../lint';
import { lowerBound } from '../search';
import type { Finding, LintResult, Term, VariantKind } from '../types';
import { VARIANT_KINDS } from '../kinds';
import { type DocumentView, buildView } from '../view';
import { type BlockLink, alignBlocks } from './align';
import { mostlyNonLatin } from './anchors';
import { type PairBlock, pairBlocks } from './blocks';
import { conceptOf } from './concepts';
import { type LinkUses, type PairContext, type Range, linkFindings } from './findings';

export type { BlockLink } from './align';
export type { PairBlock } from './blocks';

/** One document of a pair. */
export interface PairSide {
  text: string;
  format: FormatId;
  /** Its language, a tag as term lists keep them (`zh-Hans`, `en`). */
  lang: string;
  /** Its lint in `lang`, when the caller has it (the editor's, the CLI's); linted here otherwise. */
  result?: LintResult;
}

export interface PairOptions {
  /** Also report `unsourced` terms: the translation's terms that their source block lacks. Default false. */
  reverse?: boolean;
  /** Kinds to report (of `translation` and `unsourced`); default both. */
  kinds?: readonly VariantKind[];
  /** For the lints made here: as `LintOptions`. */
  fuzzy?: boolean;
  consistency?: boolean;
}

/** A checked pair: the target's translation findings, and the alignment they were found on. */
export interface PairCheck {
  findings: Finding[];
  sourceBlocks: PairBlock[];
  targetBlocks: PairBlock[];
  /** In document order, covering every block of both sides. */
  links: BlockLink[];
  source: LintResult;
  target: LintResult;
}

function lintOf(side: PairSide, compiled: CompiledTerms, options: PairOptions): LintResult {
  if (side.result) return side.result;
  const lint = { format: side.format, lang: side.lang, ...(options.fuzzy !== undefined ? { fuzzy: options.fuzzy } : {}), ...(options.consistency !== undefined ? { consistency: options.consistency } : {}) };
  return lintText(side.text, compiled, lint);
}

/** The acceptable form of each concept a document prefers (the one it uses most; ties go to the approved form). */
export function preferredForms(compiled: CompiledTerms, result: LintResult, lang: string): (concept: Term) => string {
  const counts = new Map<Term, number[]>();
  for (const o of result.occurrences) {
    if (o.form < 0) continue;
    const c = conceptOf(compiled, o.termId);
    if (!c) continue;
    let n = counts.get(c);
    if (!n) counts.set(c, (n = []));
    n[o.form] = (n[o.form] ?? 0) + 1;
  }
  return (concept) => {
    const forms = acceptableIn(concept, lang);
    const n = counts.get(concept);
    let best = 0;
    if (n) for (let f = 1; f < forms.length; f++) if ((n[f] ?? 0) > (n[best] ?? 0)) best = f;
    return forms[best] ?? forms[0]!;
  };
}

/** The pair context a check of `target` needs, besides the links (shared with XLIFF's unit-by-unit check). */
export function pairContext(compiled: CompiledTerms, sourceText: string, sourceLang: string, target: { view: DocumentView; lang: string; result: LintResult }, options: PairOptions): PairContext {
  const language = languageFor(target.lang);
  return {
    compiled,
    sourceLang,
    targetLang: target.lang,
    sourceText,
    target: target.view,
    language,
    tokens: language.tokenOffsets(target.view.masked),
    targetFindings: target.result.findings,
    preferred: preferredForms(compiled, target.result, target.lang),
    kinds: new Set(options.kinds ?? VARIANT_KINDS),
    reverse: options.reverse === true,
  };
}

/** The link's uses and spans, as findings.ts reads them. */
function linkUses(link: BlockLink, source: readonly PairBlock[], target: readonly PairBlock[], sourceResult: LintResult, targetResult: LintResult, ctx: PairContext): LinkUses {
  const sourceUses = [];
  for (let i = link.sourceFrom; i < link.sourceTo; i++) for (const k of source[i]!.uses) sourceUses.push(sourceResult.occurrences[k]!);
  const targetUses = [];
  for (let j = link.targetFrom; j < link.targetTo; j++) for (const k of target[j]!.uses) targetUses.push(targetResult.occurrences[k]!);
  const blocks: Range[] = [];
  for (let j = link.targetFrom; j < link.targetTo; j++) blocks.push({ start: target[j]!.start, end: target[j]!.end });
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  // An added block's counterpart is the point in the source where it would be: the end of the block before.
  const at = link.sourceTo > link.sourceFrom ? source[link.sourceFrom]!.start : (source[link.sourceFrom - 1]?.end ?? 0);
  const sourceSpan = { start: at, end: link.sourceTo > link.sourceFrom ? source[link.sourceTo - 1]!.end : at };
  const excepted = (targetResult.excepted ?? []).filter((e) => blocks.some((b) => b.start <= e.start && e.start < b.end));
  return {
    source: sourceUses,
    target: targetUses,
    targetExcepted: excepted,
    sourceSpan,
    targetBlocks: blocks,
    tokenFrom: first ? lowerBound(ctx.tokens.starts.subarray(0, ctx.tokens.length), first.start) : 0,
    tokenTo: last ? lowerBound(ctx.tokens.starts.subarray(0, ctx.tokens.length), last.end) : 0,
  };
}

/** Checks `target` as the translation of `source`: its `translation` (and, asked for, `unsourced`) findings. */
export function checkPair(source: PairSide, target: PairSide, compiled: CompiledTerms, options: PairOptions = {}): PairCheck {
  const sourceResult = lintOf(source, compiled, options);
  const targetResult = lintOf(target, compiled, options);
  const sourceView = buildView(source.text, source.format);
  const targetView = buildView(target.text, target.format);
  // Latin words anchor a link when the source is written in another script (AI, GDP in a Chinese paragraph).
  const latin = mostlyNonLatin(sourceView.masked) !== mostlyNonLatin(targetView.masked);
  // Terms anchor a link by their concept, whatever language matched them (澳门 in the source, Macao in the target).
  const conceptKey = (id: string) => conceptOf(compiled, id)?.id ?? id;
  // A Chinese side may write a paragraph per line with no blank line between them (blocks.ts).
  const sourceBlocks = pairBlocks(sourceView, source.format, sourceResult.occurrences, latin, conceptKey, mostlyNonLatin(sourceView.masked));
  const targetBlocks = pairBlocks(targetView, target.format, targetResult.occurrences, latin, conceptKey, mostlyNonLatin(targetView.masked));
  const links = alignBlocks(sourceBlocks, targetBlocks);
  const ctx = pairContext(compiled, source.text, source.lang, { view: targetView, lang: target.lang, result: targetResult }, options);
  const findings: Finding[] = [];
  for (const link of links) {
    // A source block left untranslated has no target block to report on; an added block has no source terms.
    if (link.sourceTo === link.sourceFrom || link.targetTo === link.targetFrom) {
      if (link.sourceTo === link.sourceFrom && ctx.reverse) findings.push(...linkFindings(ctx, linkUses(link, sourceBlocks, targetBlocks, sourceResult, targetResult, ctx)));
      continue;
    }
    findings.push(...linkFindings(ctx, linkUses(link, sourceBlocks, targetBlocks, sourceResult, targetResult, ctx)));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, sourceBlocks, targetBlocks, links, source: sourceResult, target: targetResult };
}

/**
 * The link of the block at `offset` of one side (or of the last block before it); when that block is one the
 * other side left out or added, the nearest link before it that has blocks on both sides.
 */
export function linkAt(check: PairCheck, side: 'source' | 'target', offset: number): BlockLink | undefined {
  const blocks = side === 'source' ? check.sourceBlocks : check.targetBlocks;
  const range = (l: BlockLink): readonly [number, number] => (side === 'source' ? [l.sourceFrom, l.sourceTo] : [l.targetFrom, l.targetTo]);
  const both = (l: BlockLink) => l.sourceTo > l.sourceFrom && l.targetTo > l.targetFrom;
  let index = -1;
  check.links.forEach((l, i) => {
    const [from, to] = range(l);
    if (to > from && blocks[from]!.start <= offset) index = i;
  });
  if (index < 0) return check.links.find(both);
  for (let i = index; i >= 0; i--) if (both(check.links[i]!)) return check.links[i];
  return undefined;
}

/** The span of the other side's blocks aligned with the block at `offset` of `side`. */
export function counterpartSpan(check: PairCheck, side: 'source' | 'target', offset: number): Range | undefined {
  const link = linkAt(check, side, offset);
  if (!link) return undefined;
  const other = side === 'source' ? check.targetBlocks : check.sourceBlocks;
  const from = side === 'source' ? link.targetFrom : link.sourceFrom;
  const to = side === 'source' ? link.targetTo : link.sourceTo;
  return to > from ? { start: other[from]!.start, end: other[to - 1]!.end } : undefined;
}
