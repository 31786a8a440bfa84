/**
 * Builds the term-usage report from lint results: the engine's occurrences (every use of a term, correct or
 * not) say what is used and how it is written, its findings say what is reported. Nothing is matched again,
 * so the report's findings are the linter's findings, one for one.
 */
import { KINDS, type KindInfo, VARIANT_KINDS, type VariantKind } from '../core/kinds';
import { LineIndex } from '../core/lines';
import type { Finding, LintResult, Term, TermList } from '../core/types';
import { otherLanguages } from './languages';
import type { ExceptedUsage, FileUsage, FormUsage, PairUsage, TermUsage, TermUsageReport, UnlistedUsage, UseLocation, VariantUsage } from './model';

/** One checked file and what the linter found in it. */
export interface CheckedFile {
  /** As the report names it (a path relative to where the report is read from). */
  file: string;
  uri?: string;
  text: string;
  result: LintResult;
  /** The terms it was linted with (a workspace's folders may have different lists). */
  terms: ReadonlyMap<string, Term>;
}

export interface ReportContext {
  version: string;
  lists: readonly TermList[];
  options: { fuzzy?: boolean; consistency?: boolean; kinds?: readonly VariantKind[] };
  skipped?: readonly { file: string; reason: string }[];
  /** How the report names a term file (default: as its list names it). */
  listName?: (file: string) => string;
  /** The translation pairs checked (their findings are in their targets' results). */
  pairs?: readonly PairUsage[];
}

export function zeroByKind(): Record<VariantKind, number> {
  return Object.fromEntries(VARIANT_KINDS.map((k) => [k, 0])) as Record<VariantKind, number>;
}

/** A term's tallies while files are read: forms keyed by their text, variants by kind, spelling and whether reported. */
interface TermTally {
  usage: TermUsage;
  forms: Map<string, FormUsage>;
  variants: Map<string, VariantUsage>;
  excepted: Map<string, ExceptedUsage>;
  files: Map<string, { uses: number; findings: number }>;
}

function tallyFor(tallies: Map<string, TermTally>, id: string, term: Term | undefined, listName: (file: string) => string): TermTally {
  let tally = tallies.get(id);
  if (tally) return tally;
  const t = term ?? { id, term: id, admitted: [], forbidden: [], caseSensitive: true, translations: {} };
  const forms = new Map<string, FormUsage>();
  [t.term, ...t.admitted].forEach((form, i) => forms.set(form, { form, status: i === 0 ? 'approved' : 'admitted', uses: 0, locations: [] }));
  const usage: TermUsage = { term: t.term, uses: 0, findings: 0, byKind: zeroByKind(), forms: [], variants: [], excepted: [], files: [], languages: otherLanguages(t) };
  if (t.note !== undefined) usage.note = t.note;
  if (t.source !== undefined) usage.source = t.source;
  if (t.origin) usage.list = listName(t.origin.file);
  tally = { usage, forms, variants: new Map(), excepted: new Map(), files: new Map() };
  tallies.set(id, tally);
  return tally;
}

/** The acceptable form `form` of `term` as its list writes it (0 approved, 1.. admitted). */
function formText(term: Term | undefined, id: string, form: number): string {
  if (!term || form <= 0) return term?.term ?? id;
  return term.admitted[form - 1] ?? term.term;
}

function locate(lines: LineIndex, file: string, start: number, end: number): UseLocation {
  const s = lines.at(start);
  const e = lines.at(end);
  return { file, line: s.line + 1, column: s.column + 1, endLine: e.line + 1, endColumn: e.column + 1 };
}

const byUses = (a: { term: string; uses: number; findings: number }, b: { term: string; uses: number; findings: number }) =>
  b.uses - a.uses || b.findings - a.findings || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

export function buildUsageReport(files: readonly CheckedFile[], context: ReportContext): TermUsageReport {
  const listName = context.listName ?? ((f: string) => f);
  const tallies = new Map<string, TermTally>();
  const fileUsages: FileUsage[] = [];
  const unlisted = new Map<string, UnlistedUsage>();
  let findingsTotal = 0;
  const byKindTotal = zeroByKind();

  for (const checked of files) {
    const { file, text, result } = checked;
    const lines = new LineIndex(text);
    const fileUsage: FileUsage = { file, ...(checked.uri !== undefined ? { uri: checked.uri } : {}), uses: 0, findings: 0, byKind: zeroByKind(), terms: [] };
    const inFile = new Map<string, { term: string; uses: number; findings: number }>();
    // Each finding is about one use: the one at its span, of its term.
    // A translation pair's findings are about the translation of a use in the source, not about a use here.
    const pairFindings: Finding[] = [];
    const findingAt = new Map<string, Finding>();
    for (const f of result.findings) {
      if ((KINDS[f.kind] as KindInfo).pair) pairFindings.push(f);
      else if (KINDS[f.kind].against === 'document') addUnlisted(f);
      else findingAt.set(`${f.termId}\u0000${f.start}\u0000${f.end}`, f);
    }

    const count = (tally: TermTally, finding: Finding | undefined, use = true) => {
      const u = tally.usage;
      let here = inFile.get(u.term);
      if (!here) inFile.set(u.term, (here = { term: u.term, uses: 0, findings: 0 }));
      let perFile = tally.files.get(file);
      if (!perFile) tally.files.set(file, (perFile = { uses: 0, findings: 0 }));
      if (use) {
        u.uses++;
        fileUsage.uses++;
        here.uses++;
        perFile.uses++;
      }
      if (!finding) return;
      u.findings++;
      u.byKind[finding.kind]++;
      fileUsage.findings++;
      fileUsage.byKind[finding.kind]++;
      here.findings++;
      perFile.findings++;
      findingsTotal++;
      byKindTotal[finding.kind]++;
    };
    // A finding against the document itself: no term's use, one of the report's findings all the same.
    function addUnlisted(f: Finding): void {
      const found = text.slice(f.start, f.end).replace(/\s+/g, ' ');
      const key = `${f.kind}\u0000${f.termId}\u0000${found}`;
      let u = unlisted.get(key);
      if (!u) unlisted.set(key, (u = { kind: f.kind, name: f.termId, found, ...(f.replacements.length > 0 ? { fix: f.expected.replace(/\s+/g, ' ') } : {}), count: 0, locations: [] }));
      u.count++;
      u.locations.push(locate(lines, file, f.start, f.end));
      fileUsage.findings++;
      fileUsage.byKind[f.kind]++;
      findingsTotal++;
      byKindTotal[f.kind]++;
    }
    const addVariant = (tally: TermTally, kind: VariantKind, start: number, end: number, finding: Finding | undefined) => {
      const found = text.slice(start, end).replace(/\s+/g, ' ');
      const key = `${kind}\u0000${found}\u0000${finding ? 1 : 0}`;
      let v = tally.variants.get(key);
      if (!v) {
        v = { found, kind, reported: finding !== undefined, ...(finding ? { fix: finding.expected.replace(/\s+/g, ' ') } : {}), count: 0, locations: [] };
        tally.variants.set(key, v);
      }
      v.count++;
      v.locations.push(locate(lines, file, start, end));
    };

    for (const o of result.occurrences) {
      const term = checked.terms.get(o.termId);
      const tally = tallyFor(tallies, o.termId, term, listName);
      const key = `${o.termId}\u0000${o.start}\u0000${o.end}`;
      const finding = findingAt.get(key);
      findingAt.delete(key);
      if (o.kind === undefined && !finding) {
        const written = formText(term, o.termId, o.form);
        let form = tally.forms.get(written);
        if (!form) tally.forms.set(written, (form = { form: written, status: o.form === 0 ? 'approved' : 'admitted', uses: 0, locations: [] }));
        form.uses++;
        form.locations.push(locate(lines, file, o.start, o.end));
      } else addVariant(tally, o.kind ?? finding!.kind, o.start, o.end, finding);
      count(tally, finding);
    }
    for (const e of result.excepted ?? []) {
      const tally = tallyFor(tallies, e.termId, checked.terms.get(e.termId), listName);
      const found = text.slice(e.start, e.end).replace(/\s+/g, ' ');
      const key = `${found}\u0000${e.phrase}`;
      let x = tally.excepted.get(key);
      if (!x) tally.excepted.set(key, (x = { found, phrase: e.phrase, count: 0, locations: [] }));
      x.count++;
      x.locations.push(locate(lines, file, e.start, e.end));
    }
    // The engine makes every finding from a use, so none should be left; if one were, it still counts, as
    // what it is about: the report never has fewer findings than the linter.
    for (const f of findingAt.values()) {
      const tally = tallyFor(tallies, f.termId, checked.terms.get(f.termId), listName);
      addVariant(tally, f.kind, f.start, f.end, f);
      count(tally, f);
    }
    for (const f of pairFindings) {
      const tally = tallyFor(tallies, f.termId, checked.terms.get(f.termId), listName);
      addVariant(tally, f.kind, f.start, f.end, f);
      count(tally, f, false);
    }
    fileUsage.terms = [...inFile.values()].sort(byUses);
    fileUsages.push(fileUsage);
  }

  const terms = [...tallies.values()].map((tally) => {
    const u = tally.usage;
    u.forms = [...tally.forms.values()];
    // Most frequent first; a stable sort keeps equally frequent ones in the order the drafts first use them.
    u.variants = [...tally.variants.values()].sort((a, b) => b.count - a.count);
    u.excepted = [...tally.excepted.values()];
    u.files = [...tally.files].map(([file, n]) => ({ file, ...n }));
    return u;
  });
  terms.sort(byUses);
  const uses = terms.reduce((n, t) => n + t.uses, 0);
  const variants = terms.reduce((n, t) => n + t.variants.length, 0);
  return {
    termlint: context.version,
    totals: { files: files.length, uses, findings: findingsTotal, terms: terms.length, variants, byKind: byKindTotal },
    terms,
    // Most frequent first; equally frequent ones in the order the drafts first have them.
    unlisted: [...unlisted.values()].sort((a, b) => b.count - a.count),
    files: fileUsages,
    skipped: [...(context.skipped ?? [])],
    ...(context.pairs && context.pairs.length > 0 ? { pairs: [...context.pairs] } : {}),
    termLists: context.lists.map((l) => ({ file: listName(l.file), ...(l.title !== undefined ? { title: l.title } : {}), terms: l.terms.length })),
    options: {
      fuzzy: context.options.fuzzy !== false,
      consistency: context.options.consistency !== false,
      kinds: context.options.kinds ? VARIANT_KINDS.filter((k) => context.options.kinds!.includes(k)) : [...VARIANT_KINDS],
    },
  };
}
