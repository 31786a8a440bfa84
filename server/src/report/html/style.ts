/**
 * The report page's style sheet. Colours are variables: a saved page follows the reader's light or dark
 * preference and prints black on white; in VS Code's webview the same variables take the editor theme's
 * colours (`--vscode-*`), so the page looks like the rest of the editor.
 */

const LIGHT = `
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --stripe: #f6f8fa; --link: #0969da;
  --approved: #1a7f37; --admitted: #0969da; --finding: #bc4c00; --unreported: #8c959f; --track: #eff2f5;`;

const DARK = `
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --stripe: #151b23; --link: #4493f8;
  --approved: #3fb950; --admitted: #4493f8; --finding: #f0883e; --unreported: #6e7681; --track: #21262d;`;

/** The editor theme's colours, with fallbacks for a theme that leaves one out. */
const VSCODE = `
  --bg: var(--vscode-editor-background); --fg: var(--vscode-foreground); --muted: var(--vscode-descriptionForeground);
  --border: var(--vscode-panel-border, var(--vscode-widget-border, rgba(128, 128, 128, 0.35)));
  --stripe: var(--vscode-list-hoverBackground, transparent); --link: var(--vscode-textLink-foreground);
  --approved: var(--vscode-charts-green); --admitted: var(--vscode-charts-blue); --finding: var(--vscode-charts-orange);
  --unreported: var(--vscode-disabledForeground, var(--vscode-descriptionForeground));
  --track: var(--vscode-editorWidget-background, rgba(128, 128, 128, 0.15));`;

const BODY = `
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 var(--font); }
main, header, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.25rem; }
p { margin: 0.25rem 0 0.75rem; }
.muted, footer { color: var(--muted); }
footer { padding-bottom: 2rem; margin-top: 2rem; font-size: 0.9em; }
a { color: var(--link); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code, .form { font-family: var(--mono); font-size: 0.95em; }
.cards { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; padding: 0; }
.cards div { border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 1rem; min-width: 9rem; }
.cards dt { color: var(--muted); font-size: 0.85em; }
.cards dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--border); }
th { font-weight: 600; }
tbody tr:nth-child(even) { background: var(--stripe); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.where { font-size: 0.9em; }
table.forms, table.file-terms { table-layout: fixed; }
table.forms th:nth-child(1) { width: 30%; }
table.forms th:nth-child(2) { width: 30%; }
table.forms th:nth-child(3), table.file-terms th:nth-child(2), table.file-terms th:nth-child(3) { width: 5rem; }
table.file-terms th:nth-child(1) { width: 30%; }
td { overflow-wrap: anywhere; }
table.kinds td:first-child, td code { white-space: nowrap; overflow-wrap: normal; }
td.where a { white-space: nowrap; }
.status-approved { color: var(--approved); }
.status-admitted { color: var(--admitted); }
.status-finding { color: var(--finding); font-weight: 600; }
.status-unreported { color: var(--unreported); }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 600; border-radius: 1em; padding: 0 0.6em; margin-left: 0.5em; vertical-align: middle; border: 1px solid currentColor; }
.badge.ok { color: var(--approved); }
.badge.fix { color: var(--finding); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 0.5rem; padding: 0; list-style: none; font-size: 0.9em; }
.legend li::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
.legend .approved::before { background: var(--approved); }
.legend .admitted::before { background: var(--admitted); }
.legend .finding::before { background: var(--finding); }
.legend .unreported::before { background: var(--unreported); }
svg.chart { display: block; width: 100%; height: auto; max-width: 60rem; }
svg.chart text { fill: var(--fg); font: 12px var(--font); }
svg.chart text.count { fill: var(--muted); }
svg.chart .track { fill: var(--track); }
svg.chart rect:not(.track) { stroke: var(--bg); stroke-width: 1; }
svg.chart .approved { fill: var(--approved); }
svg.chart .admitted { fill: var(--admitted); }
svg.chart .finding { fill: var(--finding); }
svg.chart .unreported { fill: var(--unreported); }
.term { break-inside: avoid-page; }
@media print {
  body { font-size: 11pt; }
  main, header, footer { max-width: none; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  svg.chart, .legend, .cards { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;

const FONTS = `--font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;`;

/** The style sheet of a page saved to a file: the reader's colour scheme, black on white when printed. */
export function fileStyle(): string {
  return `:root { color-scheme: light dark; ${FONTS}${LIGHT} }
@media (prefers-color-scheme: dark) { :root {${DARK} } }
@media print { :root {${LIGHT} --bg: #ffffff; --fg: #000000; --muted: #444444; --stripe: transparent; } }
${BODY}
`;
}

/** The style sheet of the page in VS Code's webview: the editor theme's colours and fonts. */
export function webviewStyle(): string {
  return `:root { ${FONTS} --font: var(--vscode-font-family); --mono: var(--vscode-editor-font-family, monospace);${VSCODE} }
${BODY}
body { font-size: var(--vscode-font-size, 13px); }
a[data-line] { cursor: pointer; }
`;
}
