/**
 * The report as Markdown, for pasting into a pull request: the summary, the terms at a glance, a table per
 * term and one per file. Each row lists at most `MAX_LOCATIONS` places and says how many more there are
 * (the JSON and HTML reports list them all).
 */
import { KINDS, type VariantKind } from '../core/kinds';
import type { TermUsage, TermUsageReport, UseLocation } from './model';
import { UNLISTED_ABOUT, UNLISTED_TITLE, checkedLine, exceptedStatus, kindCounts, locationLabel, plural, summarySentence, unlistedStatus, variantStatus } from './text';

export const MAX_LOCATIONS = 10;

export interface MarkdownOptions {
  /** The link of a use (relative to where the Markdown is read), or undefined for none. */
  href?: (loc: UseLocation) => string | undefined;
}

/**
 * Escapes what Markdown (and GitHub's tables) would read as markup inside a line: emphasis, code, links, HTML,
 * entities, table cells, and a list or heading marker at its start. Line breaks become spaces.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)/g, '\\$&')
    .replace(/^[-+#=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function places(locations: readonly UseLocation[], options: MarkdownOptions): string {
  const shown = locations.slice(0, MAX_LOCATIONS).map((loc) => {
    const label = mdEscape(locationLabel(loc));
    const href = options.href?.(loc);
    return href ? `[${label}](${href.replace(/[()\s]/g, encodeURIComponent)})` : label;
  });
  const more = locations.length - shown.length;
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

function termTable(t: TermUsage, options: MarkdownOptions): string[] {
  const rows = ['| form | status | uses | where |', '| --- | --- | ---: | --- |'];
  for (const f of t.forms) rows.push(`| ${mdEscape(f.form)} | ${f.status} | ${f.uses} | ${places(f.locations, options)} |`);
  for (const v of t.variants) rows.push(`| ${mdEscape(v.found)} | ${mdEscape(variantStatus(v))} | ${v.count} | ${places(v.locations, options)} |`);
  for (const x of t.excepted) rows.push(`| ${mdEscape(x.found)} | ${mdEscape(exceptedStatus(x))} | ${x.count} | ${places(x.locations, options)} |`);
  return rows;
}

export function renderMarkdown(report: TermUsageReport, options: MarkdownOptions = {}): string {
  const out: string[] = ['# Term usage report', '', mdEscape(summarySentence(report)), '', mdEscape(checkedLine(report)), ''];
  const kinds = report.options.kinds;
  out.push('| kind | findings | what |', '| --- | ---: | --- |');
  for (const k of kinds) out.push(`| ${k} | ${report.totals.byKind[k]} | ${mdEscape(KINDS[k].meaning)} |`);
  out.push('');
  if (report.skipped.length > 0) {
    out.push(`Not checked: ${report.skipped.map((s) => `${mdEscape(s.file)} (${mdEscape(s.reason)})`).join(', ')}.`, '');
  }

  out.push('## Terms', '');
  if (report.terms.length === 0) out.push('No term of the lists is used.', '');
  else {
    out.push('| term | uses | approved | admitted | findings | to fix |', '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const t of report.terms) {
      const approved = t.forms.filter((f) => f.status === 'approved').reduce((n, f) => n + f.uses, 0);
      const admitted = t.forms.filter((f) => f.status === 'admitted').reduce((n, f) => n + f.uses, 0);
      const wrong = t.variants.filter((v) => v.reported).map((v) => `${mdEscape(v.found)} (${v.kind}) ×${v.count}`).join(', ');
      out.push(`| ${mdEscape(t.term)} | ${t.uses} | ${approved} | ${admitted} | ${t.findings} | ${wrong} |`);
    }
    out.push('');
  }
  for (const t of report.terms) {
    out.push(`### ${mdEscape(t.term)}`, '');
    const about = [
      `${plural(t.uses, 'use')}, ${plural(t.findings, 'finding')}${t.findings ? ` (${kindCounts(t.byKind)})` : ''}`,
      ...t.languages.map((l) => `${mdEscape(l.lang)}: ${mdEscape(l.text)}`),
    ];
    out.push(about.join(' · '), '');
    if (t.note) out.push(`> ${mdEscape(t.note)}`, '');
    out.push(...termTable(t, options), '');
  }

  if (report.unlisted.length > 0) {
    out.push(`## ${UNLISTED_TITLE}`, '', mdEscape(UNLISTED_ABOUT), '', '| written | kind | count | where |', '| --- | --- | ---: | --- |');
    for (const u of report.unlisted) out.push(`| ${mdEscape(u.found)} | ${mdEscape(unlistedStatus(u))} | ${u.count} | ${places(u.locations, options)} |`);
    out.push('');
  }

  out.push('## Files', '');
  const shownKinds = kinds.filter((k) => report.totals.byKind[k] > 0);
  out.push(`| file | uses | findings |${shownKinds.map((k) => ` ${k} |`).join('')}`, `| --- | ---: | ---: |${shownKinds.map(() => ' ---: |').join('')}`);
  for (const f of report.files) out.push(`| ${mdEscape(f.file)} | ${f.uses} | ${f.findings} |${shownKinds.map((k: VariantKind) => ` ${f.byKind[k]} |`).join('')}`);
  out.push('');
  for (const f of report.files) {
    if (f.uses === 0) continue;
    out.push(`### ${mdEscape(f.file)}`, '', `${plural(f.uses, 'use')} of ${plural(f.terms.length, 'term')}, ${plural(f.findings, 'finding')}.`, '');
    out.push('| term | uses | findings | to fix |', '| --- | ---: | ---: | --- |');
    for (const ft of f.terms) {
      const t = report.terms.find((x) => x.term === ft.term);
      const fixes = (t?.variants ?? [])
        .filter((v) => v.reported)
        .map((v) => ({ v, here: v.locations.filter((l) => l.file === f.file) }))
        .filter((x) => x.here.length > 0)
        .map(({ v, here }) => `${mdEscape(v.found)} → ${mdEscape(v.fix ?? t!.term)}: ${places(here, options)}`);
      out.push(`| ${mdEscape(ft.term)} | ${ft.uses} | ${ft.findings} | ${fixes.join('; ')} |`);
    }
    out.push('');
  }
  if (report.pairs?.length) {
    out.push('## Translation pairs', '', '| source | translation | blocks | links | findings |', '| --- | --- | ---: | ---: | ---: |');
    for (const p of report.pairs) {
      out.push(`| ${mdEscape(p.source)} (${mdEscape(p.sourceLanguage)}) | ${mdEscape(p.target)} (${mdEscape(p.targetLanguage)}) | ${p.sourceBlocks} / ${p.targetBlocks} | ${p.links} | ${p.findings} |`);
    }
    out.push('');
  }
  out.push(`Termlint ${mdEscape(report.termlint)}.`, '');
  return out.join('\n');
}
