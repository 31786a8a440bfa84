/** The report page's tables: the summary by kind, the terms at a glance, one table per term, one per file. */
import { KINDS } from '../../core/kinds';
import type { FileUsage, TermUsage, TermUsageReport, UseLocation } from '../model';
import { UNLISTED_ABOUT, UNLISTED_TITLE, exceptedStatus, kindCounts, plural, unlistedStatus, variantStatus } from '../text';
import { escapeHtml as esc } from './escape';

/** Writes the link to a use: the page decides what a link is (a relative file link, a webview message). */
export type UseLink = (loc: UseLocation) => string;

/** The anchor id of a term's section (by position: term names may be in any script). */
export function termAnchor(index: number): string {
  return `term-${index + 1}`;
}

/** The translation pairs checked: each source and its translation, how their blocks aligned, what was found. */
export function pairsTable(report: TermUsageReport): string {
  if (!report.pairs?.length) return '';
  const rows = report.pairs.map(
    (p) =>
      `<tr><td>${esc(p.source)} <span class="muted">(${esc(p.sourceLanguage)})</span></td><td>${esc(p.target)} <span class="muted">(${esc(p.targetLanguage)})</span></td>` +
      `<td class="n">${p.sourceBlocks} / ${p.targetBlocks}</td><td class="n">${p.links}</td><td class="n">${p.findings}</td></tr>`,
  );
  return (
    `<section id="pairs"><h2>Translation pairs</h2><table class="pairs"><thead><tr><th>source</th><th>translation</th><th class="n">blocks</th>` +
    `<th class="n">links</th><th class="n">findings</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

export function kindsTable(report: TermUsageReport): string {
  const rows = report.options.kinds.map(
    (k) => `<tr><td><code>${k}</code></td><td class="n">${report.totals.byKind[k]}</td><td>${esc(KINDS[k].meaning)}</td></tr>`,
  );
  return `<table class="kinds"><thead><tr><th>kind</th><th class="n">findings</th><th>what</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function places(locations: readonly UseLocation[], link: UseLink): string {
  return locations.map(link).join(', ');
}

function acceptableUses(t: TermUsage, status: 'approved' | 'admitted'): number {
  return t.forms.filter((f) => f.status === status).reduce((n, f) => n + f.uses, 0);
}

export function overviewTable(report: TermUsageReport): string {
  const rows = report.terms.map((t, i) => {
    const toFix = t.variants.filter((v) => v.reported).map((v) => `<span class="form">${esc(v.found)}</span> <span class="muted">(${v.kind}) ×${v.count}</span>`);
    return (
      `<tr><td><a href="#${termAnchor(i)}">${esc(t.term)}</a></td><td class="n">${t.uses}</td>` +
      `<td class="n">${acceptableUses(t, 'approved')}</td><td class="n">${acceptableUses(t, 'admitted')}</td>` +
      `<td class="n">${t.findings}</td><td>${toFix.join(', ')}</td></tr>`
    );
  });
  return (
    `<table class="overview"><thead><tr><th>term</th><th class="n">uses</th><th class="n">approved</th><th class="n">admitted</th>` +
    `<th class="n">findings</th><th>to fix</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

export function termSection(t: TermUsage, index: number, link: UseLink): string {
  const badge = t.findings > 0 ? `<span class="badge fix">${plural(t.findings, 'finding')}</span>` : '<span class="badge ok">clean</span>';
  const facts = [`${plural(t.uses, 'use')}${t.findings ? `; ${esc(kindCounts(t.byKind))}` : ''}`];
  for (const l of t.languages) facts.push(`<span lang="${esc(l.lang)}">${esc(l.text)}</span> <span class="muted">(${esc(l.lang)})</span>`);
  if (t.list) facts.push(`<span class="muted">from ${esc(t.list)}</span>`);
  const rows: string[] = [];
  for (const f of t.forms) {
    rows.push(`<tr><td class="form">${esc(f.form)}</td><td class="status-${f.status}">${f.status}</td><td class="n">${f.uses}</td><td class="where">${places(f.locations, link)}</td></tr>`);
  }
  for (const v of t.variants) {
    const cls = v.reported ? 'status-finding' : 'status-unreported';
    rows.push(`<tr><td class="form">${esc(v.found)}</td><td class="${cls}">${esc(variantStatus(v))}</td><td class="n">${v.count}</td><td class="where">${places(v.locations, link)}</td></tr>`);
  }
  for (const x of t.excepted) {
    rows.push(`<tr><td class="form">${esc(x.found)}</td><td class="status-unreported">${esc(exceptedStatus(x))}</td><td class="n">${x.count}</td><td class="where">${places(x.locations, link)}</td></tr>`);
  }
  return (
    `<article class="term" id="${termAnchor(index)}"><h3>${esc(t.term)}${badge}</h3>` +
    `<p>${facts.join(' · ')}</p>${t.note ? `<p class="muted">${esc(t.note)}</p>` : ''}` +
    `<table class="forms"><thead><tr><th>form</th><th>status</th><th class="n">uses</th><th>where</th></tr></thead><tbody>${rows.join('')}</tbody></table></article>`
  );
}

export function filesTable(report: TermUsageReport): string {
  const kinds = report.options.kinds.filter((k) => report.totals.byKind[k] > 0);
  const rows = report.files.map(
    (f) => `<tr><td>${esc(f.file)}</td><td class="n">${f.uses}</td><td class="n">${f.findings}</td>${kinds.map((k) => `<td class="n">${f.byKind[k]}</td>`).join('')}</tr>`,
  );
  return (
    `<table class="files"><thead><tr><th>file</th><th class="n">uses</th><th class="n">findings</th>${kinds.map((k) => `<th class="n">${k}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** A file's terms: how often each is used there, and each thing to fix there with its places. */
export function fileSection(f: FileUsage, terms: ReadonlyMap<string, { usage: TermUsage; index: number }>, link: UseLink): string {
  const rows = f.terms.map((ft) => {
    const entry = terms.get(ft.term);
    const toFix: string[] = [];
    for (const v of entry?.usage.variants ?? []) {
      if (!v.reported) continue;
      const here = v.locations.filter((l) => l.file === f.file);
      if (here.length) toFix.push(`<span class="form">${esc(v.found)}</span> → <span class="form">${esc(v.fix ?? ft.term)}</span> <span class="muted">(${v.kind})</span>: ${places(here, link)}`);
    }
    const name = entry ? `<a href="#${termAnchor(entry.index)}">${esc(ft.term)}</a>` : esc(ft.term);
    return `<tr><td>${name}</td><td class="n">${ft.uses}</td><td class="n">${ft.findings}</td><td class="where">${toFix.join('<br>')}</td></tr>`;
  });
  const about = `${plural(f.uses, 'use')} of ${plural(f.terms.length, 'term')}, ${plural(f.findings, 'finding')}${f.findings ? ` (${esc(kindCounts(f.byKind))})` : ''}.`;
  const table = rows.length
    ? `<table class="file-terms"><thead><tr><th>term</th><th class="n">uses</th><th class="n">findings</th><th>to fix</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '';
  return `<article class="file"><h3>${esc(f.file)}</h3><p>${about}</p>${table}</article>`;
}

/** The findings no term list is behind (variants, abbreviations): one row each, with its places; empty when there are none. */
export function unlistedSection(report: TermUsageReport, link: UseLink): string {
  if (report.unlisted.length === 0) return '';
  const rows = report.unlisted.map(
    (u) => `<tr><td class="form">${esc(u.found)}</td><td class="status-finding">${esc(unlistedStatus(u))}</td><td class="n">${u.count}</td><td class="where">${places(u.locations, link)}</td></tr>`,
  );
  return (
    `<section id="unlisted"><h2>${esc(UNLISTED_TITLE)}</h2><p class="muted">${esc(UNLISTED_ABOUT)}</p>` +
    `<table class="forms"><thead><tr><th>written</th><th>kind</th><th class="n">count</th><th>where</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}
