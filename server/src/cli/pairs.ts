/**
 * Translation pairs in a lint run (`termlint`, `termlint report`): among the files checked, those a name pairs
 * (`report.zh.md` with `report.en.md`) and those the configuration's `translation.pairs` declare. Each file is
 * linted as usual first; a pair then adds its translation findings to the target's report, from the two lint
 * results (nothing is matched twice when the sides were linted in their own languages).
 */
import * as path from 'node:path';
import type { CompiledTerms } from '../core/compile';
import { formatForPath } from '../core/formats';
import { normalizeLanguageTag } from '../core/languages/tags';
import { Settings } from '../config/settings';
import { type PairCheck, type PairSide, checkPair } from '../core/translation/check';
import { type PairRef, declaredPairs, pairsByName } from '../core/translation/names';
import type { Finding, LintResult } from '../core/types';
import type { FileSettings, ProjectSetup } from './config';
import type { PairUsage } from '../report/model';
import type { FileFindings, SourceDocument } from './report';

/** The pairs among `files` (absolute paths), by name and as declared, unless the settings switch them off. */
export function runPairs(files: readonly string[], setup: ProjectSetup, settings: Settings): PairRef[] {
  const t = settings.translation;
  if (!t.enabled) return [];
  const out = pairsByName(files, t.targetLanguage);
  if (t.pairs.length > 0) {
    const rel = new Map(files.map((f) => [path.relative(setup.root, f).split(path.sep).join('/'), f]));
    for (const p of declaredPairs(t.pairs, rel.keys(), t.targetLanguage)) {
      const source = rel.get(p.source)!;
      const target = rel.get(p.target)!;
      if (!out.some((o) => o.source === source && o.target === target)) out.push({ ...p, source, target });
    }
  }
  return out;
}

/** A side of a pair from its report: its lint is reused when it was linted in the pair's language. */
export function sideOf(file: string, report: FileFindings, lang: string): PairSide {
  const side: PairSide = { text: report.text, format: formatForPath(file).id, lang };
  // The language the file was read in (its name, the settings, its text: core/languages/detect.ts).
  const linted = normalizeLanguageTag(report.language?.tag ?? 'en') ?? 'en';
  if (linted === lang && report.occurrences) {
    const result: LintResult = { findings: [...report.findings], occurrences: [...report.occurrences] };
    if (report.excepted) result.excepted = [...report.excepted];
    side.result = result;
  }
  return side;
}

/** The lint options of a pair check: the target file's (its kinds and severities decide what is reported). */
export function pairOptions(settings: FileSettings): Parameters<typeof checkPair>[3] {
  const kinds = settings.lint.kinds ?? Settings.enabledKinds(settings.settings);
  return { kinds, reverse: settings.settings.translation.reverse, fuzzy: settings.lint.fuzzy !== false, consistency: settings.lint.consistency !== false };
}

/** Adds each pair's findings to its target's report (in offset order); the pairs checked. */
export function checkRunPairs(pairs: readonly PairRef[], reports: ReadonlyMap<string, FileFindings>, compiled: CompiledTerms, resolve: (file: string) => FileSettings): PairUsage[] {
  const checked: PairUsage[] = [];
  for (const p of pairs) {
    const source = reports.get(p.source);
    const target = reports.get(p.target);
    // A side that was not checked (excluded, too large, not text) leaves nothing to compare.
    if (!source || !target) continue;
    const settings = resolve(p.target);
    const check = checkPair(sideOf(p.source, source, p.sourceLang), sideOf(p.target, target, p.targetLang), compiled, pairOptions(settings));
    checked.push(pairUsage(source.file, target.file, p, check));
    if (check.findings.length === 0) continue;
    addPairFindings(target, check.findings, { file: source.file, text: source.text });
  }
  return checked;
}

/** What the term-usage report says of a checked pair. */
export function pairUsage(source: string, target: string, p: Pick<PairRef, 'sourceLang' | 'targetLang'>, check: PairCheck): PairUsage {
  return {
    source,
    target,
    sourceLanguage: p.sourceLang,
    targetLanguage: p.targetLang,
    sourceBlocks: check.sourceBlocks.length,
    targetBlocks: check.targetBlocks.length,
    links: check.links.filter((l) => l.sourceTo > l.sourceFrom && l.targetTo > l.targetFrom).length,
    findings: check.findings.length,
  };
}

/** A report with a pair's findings merged in, each knowing its source. */
export function addPairFindings(report: FileFindings, findings: readonly Finding[], source: SourceDocument): void {
  const sources = new Map(report.sources ?? []);
  for (const f of findings) sources.set(f, source);
  report.findings = [...report.findings, ...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  report.sources = sources;
}
