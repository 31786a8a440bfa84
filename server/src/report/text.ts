/** Wording shared by the report's pages (HTML and Markdown), so both say the same thing the same way. */
import { KINDS, type VariantKind } from '../core/kinds';
import type { ExceptedUsage, TermUsageReport, UnlistedUsage, UseLocation, VariantUsage } from './model';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** `joined 2, split 1`: the kinds with findings, in the kinds table's order. */
export function kindCounts(byKind: Record<VariantKind, number>): string {
  return (Object.keys(KINDS) as VariantKind[])
    .filter((k) => (byKind[k] ?? 0) > 0)
    .map((k) => `${k} ${byKind[k]}`)
    .join(', ');
}

/** What a variant's row in a term's table says: "split → Guangdong", "case (not reported)". */
export function variantStatus(v: VariantUsage): string {
  if (!v.reported) return `${v.kind} (not reported)`;
  return v.fix !== undefined ? `${v.kind} → ${v.fix}` : v.kind;
}

/** The heading of the findings no term list is behind. */
export const UNLISTED_TITLE = 'Without a term list';

/** What those findings are, in a sentence under their heading. */
export const UNLISTED_ABOUT = 'Words and phrases the drafts write more than one way, and abbreviations, that no term list covers: each is counted among the findings, and belongs to no term.';

/** What an unlisted row says: "variant → cross-border", "unused-abbreviation". */
export function unlistedStatus(u: UnlistedUsage): string {
  return u.fix !== undefined ? `${u.kind} → ${u.fix}` : u.kind;
}

/** How an excepted spelling is named: the exception that lets it stand. */
export function exceptedStatus(x: ExceptedUsage): string {
  return x.found === x.phrase ? 'exception (kept as written)' : `exception: inside "${x.phrase}"`;
}


/** `draft.md:16`, as a use is named in the pages. */
export function locationLabel(loc: UseLocation): string {
  return `${loc.file}:${loc.line}`;
}

/** The files the report covers, in a few words: the file itself, or how many. */
export function scopeLabel(report: TermUsageReport): string {
  if (report.files.length === 1) return report.files[0]!.file;
  return plural(report.files.length, 'file');
}

/** One sentence on what was checked against what: the options the linter ran with. */
export function checkedLine(report: TermUsageReport): string {
  const lists = report.termLists.map((l) => `${l.title ?? l.file} (${plural(l.terms, 'term')})`).join(', ');
  const all = report.options.kinds.length === Object.keys(KINDS).length;
  const kinds = all ? 'every kind' : `only ${report.options.kinds.join(', ')}`;
  const off = [!report.options.fuzzy ? 'misspellings off' : '', !report.options.consistency ? 'consistency off' : ''].filter(Boolean);
  return `Checked against ${lists || 'no term list'}; ${kinds}${off.length ? `, ${off.join(', ')}` : ''}.`;
}

/** The headline: files, terms used, uses, findings, variants. */
export function summarySentence(report: TermUsageReport): string {
  const t = report.totals;
  const kinds = kindCounts(t.byKind);
  const unlisted = report.unlisted.reduce((n, u) => n + u.count, 0);
  return (
    `${plural(t.files, 'file')} checked: ${plural(t.terms, 'term')} used ${plural(t.uses, 'time')}, ` +
    `${plural(t.findings, 'finding')}${kinds ? ` (${kinds})` : ''} in ${plural(t.variants, 'variant')}` +
    `${unlisted > 0 ? `, ${unlisted.toLocaleString('en')} of them without a term list` : ''}.`
  );
}
