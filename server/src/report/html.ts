/**
 * The report as one self-contained HTML page: its style inline, its chart inline SVG, no script, nothing
 * fetched (a Content-Security-Policy that allows only its own style sheet, by hash, says so to the browser).
 * A use links to its file and line (`draft.md#L12`, relative to where the page is saved: GitHub's and
 * GitLab's file views open the line). In VS Code's webview the same page takes the theme's colours, its CSP
 * allows only its nonce, and a small script turns a click on a use into a message to the extension, which
 * reveals the use in the editor.
 */
import { createHash } from 'node:crypto';
import type { TermUsage, TermUsageReport, UseLocation } from './model';
import { MAX_CHART_TERMS, renderChart } from './html/chart';
import { escapeHtml as esc } from './html/escape';
import { fileStyle, webviewStyle } from './html/style';
import { type UseLink, fileSection, filesTable, kindsTable, overviewTable, pairsTable, termSection, unlistedSection } from './html/tables';
import { checkedLine, locationLabel, plural, scopeLabel, summarySentence } from './text';

export interface HtmlOptions {
  /** The link of a use in a saved page (relative to where the page is saved), or undefined for none. */
  href?: (loc: UseLocation) => string | undefined;
  /** Render for VS Code's webview instead of a file. */
  webview?: {
    /** A fresh random value per rendering: the only style sheet and script the page may run carry it. */
    nonce: string;
    /** `webview.cspSource`. */
    cspSource: string;
  };
}

/**
 * Sends a click on a use to the extension (a `TermReportMessage`, protocol.ts), and keeps the scroll position
 * when the page is rendered again (the report follows the document as it is fixed); nothing else runs.
 */
const WEBVIEW_SCRIPT = `
const vscode = acquireVsCodeApi();
const state = vscode.getState();
if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
window.addEventListener('scroll', () => vscode.setState({ scrollY: window.scrollY }), { passive: true });
document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest('a[data-line]') : null;
  if (!a) return;
  event.preventDefault();
  const n = (name) => Number(a.getAttribute(name));
  vscode.postMessage({ type: 'reveal', file: a.getAttribute('data-file'), line: n('data-line'), column: n('data-column'), endLine: n('data-end-line'), endColumn: n('data-end-column') });
});
`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

function linkFor(options: HtmlOptions): UseLink {
  if (options.webview) {
    return (loc) =>
      `<a href="#" data-file="${esc(loc.file)}" data-line="${loc.line}" data-column="${loc.column}" data-end-line="${loc.endLine}" data-end-column="${loc.endColumn}" title="Show in the editor">${esc(locationLabel(loc))}</a>`;
  }
  return (loc) => {
    const href = options.href?.(loc);
    return href === undefined ? esc(locationLabel(loc)) : `<a href="${esc(href)}">${esc(locationLabel(loc))}</a>`;
  };
}

function summary(report: TermUsageReport): string {
  const t = report.totals;
  const card = (label: string, value: number, id: string) => `<div id="${id}"><dt>${label}</dt><dd>${value.toLocaleString('en')}</dd></div>`;
  const skipped = report.skipped.length
    ? `<p>Not checked: ${report.skipped.map((s) => `${esc(s.file)} <span class="muted">(${esc(s.reason)})</span>`).join(', ')}.</p>`
    : '';
  return (
    `<section id="summary"><h2>Summary</h2><dl class="cards">` +
    card('Files checked', t.files, 'total-files') +
    card('Terms used', t.terms, 'total-terms') +
    card('Uses', t.uses, 'total-uses') +
    card('Findings', t.findings, 'total-findings') +
    card('Variants', t.variants, 'total-variants') +
    `</dl><p>${esc(summarySentence(report))}</p><p class="muted">${esc(checkedLine(report))}</p>${kindsTable(report)}${skipped}</section>`
  );
}

function chartSection(report: TermUsageReport): string {
  if (report.terms.length === 0) return '';
  const more = report.terms.length > MAX_CHART_TERMS ? `<p class="muted">The ${MAX_CHART_TERMS} most used of ${report.terms.length} terms; the tables below list them all.</p>` : '';
  return (
    `<section id="chart"><h2>Uses per term and form</h2>` +
    `<ul class="legend"><li class="approved">approved form</li><li class="admitted">admitted form</li><li class="finding">to fix</li><li class="unreported">not reported</li></ul>` +
    `${renderChart(report.terms)}${more}</section>`
  );
}

function termsSection(report: TermUsageReport, link: UseLink): string {
  if (report.terms.length === 0) return `<section id="terms"><h2>Terms</h2><p>No term of the lists is used.</p></section>`;
  return `<section id="terms"><h2>Terms</h2>${overviewTable(report)}${report.terms.map((t, i) => termSection(t, i, link)).join('')}</section>`;
}

function filesSection(report: TermUsageReport, link: UseLink): string {
  const terms = new Map<string, { usage: TermUsage; index: number }>(report.terms.map((usage, index) => [usage.term, { usage, index }]));
  const sections = report.files.filter((f) => f.uses > 0).map((f) => fileSection(f, terms, link));
  return `<section id="files"><h2>Files</h2>${filesTable(report)}${sections.join('')}</section>`;
}

export function renderHtml(report: TermUsageReport, options: HtmlOptions = {}): string {
  const style = options.webview ? webviewStyle() : fileStyle();
  const link = linkFor(options);
  let csp: string;
  let styleTag: string;
  let script = '';
  if (options.webview) {
    const { nonce, cspSource } = options.webview;
    csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:; base-uri 'none'; form-action 'none'`;
    styleTag = `<style nonce="${esc(nonce)}">${style}</style>`;
    script = `<script nonce="${esc(nonce)}">${WEBVIEW_SCRIPT}</script>`;
  } else {
    csp = `default-src 'none'; style-src 'sha256-${sha256(style)}'; base-uri 'none'; form-action 'none'`;
    styleTag = `<style>${style}</style>`;
  }
  const title = `Term usage: ${scopeLabel(report)}`;
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n` +
    `<meta name="generator" content="termlint ${esc(report.termlint)}">\n<title>${esc(title)}</title>\n${styleTag}\n</head>\n<body>\n` +
    `<header><h1>Term usage report</h1><p class="muted">${esc(scopeLabel(report))} · ${plural(report.totals.findings, 'finding')} · termlint ${esc(report.termlint)}</p></header>\n` +
    `<main>\n${summary(report)}\n${chartSection(report)}\n${termsSection(report, link)}\n${unlistedSection(report, link)}\n${filesSection(report, link)}\n${pairsTable(report)}</main>\n` +
    `<footer>Made by Termlint ${esc(report.termlint)} from the same lint results as <code>termlint --format json</code>.</footer>\n${script}\n</body>\n</html>\n`
  );
}
