/**
 * The report's pages: the HTML page is self-contained (a CSP that allows only its own style sheet, by hash;
 * no script, nothing fetched), escapes whatever drafts, file names and term lists say, and shows the same
 * numbers as the data; in the webview it carries a nonce instead; the Markdown escapes table syntax and
 * says how many places it leaves out.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lintText } from '../../server/src/core/lint';
import { buildUsageReport } from '../../server/src/report/build';
import { MAX_CHART_TERMS, segmentsOf } from '../../server/src/report/html/chart';
import { renderHtml } from '../../server/src/report/html';
import { MAX_LOCATIONS, mdEscape, renderMarkdown } from '../../server/src/report/markdown';
import type { TermUsageReport } from '../../server/src/report/model';
import { compiledOf } from '../helpers/terms';

function reportOf(terms: object[], drafts: { file: string; text: string }[], extra: object = {}): TermUsageReport {
  const compiled = compiledOf(terms, extra);
  const checked = drafts.map((d) => ({ ...d, result: lintText(d.text, compiled, { format: 'plaintext' }), terms: compiled.terms }));
  return buildUsageReport(checked, { version: '9.9.9', lists: compiled.lists, options: {} });
}

const HOSTILE_NOTE = '<script>alert(1)</script> & "quotes" \'too\'';
const hostile = () =>
  reportOf([{ term: 'Shenzhen', note: HOSTILE_NOTE }, { term: 'Macao', forbidden: ['Macau'] }], [{ file: 'drafts/<img src=x onerror=alert(1)>"a".txt', text: 'Shenzen and Shenzhen; Macau.\n' }]);

describe('term-usage report pages: HTML', () => {
  it('allows only its own style sheet: the CSP names its hash, and nothing else is loaded or run', () => {
    const html = renderHtml(hostile(), { href: (l) => `${encodeURI(l.file)}#L${l.line}` });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    assert.equal(csp, `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    assert.doesNotMatch(style, /url\(|@import/);
    // Every tag of the page: none that loads or runs anything, no inline style, no link out of the page's folder.
    for (const [tag, name] of html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)) {
      assert.ok(!/^(script|link|img|iframe|object|embed|audio|video|source|base|form)$/i.test(name!), tag);
      assert.doesNotMatch(tag, /\s(src|srcset|style|on\w+)=/i, tag);
      assert.doesNotMatch(tag, /\shref="(?!#|drafts\/)/, tag);
    }
    assert.equal((html.match(/<style>/g) ?? []).length, 1);
  });

  it('escapes what drafts, file names and term lists say', () => {
    const html = renderHtml(hostile(), { href: (l) => `${encodeURI(l.file)}#L${l.line}` });
    assert.ok(!html.includes('<script>alert'), 'the note is escaped');
    assert.ok(!html.includes('<img src=x'), 'the file name is escaped');
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; 'too'"));
    assert.ok(html.includes('drafts/&lt;img src=x onerror=alert(1)&gt;&quot;a&quot;.txt:1'));
  });

  it('shows the totals, a chart bar per term cut by form, a table per term and per file, and links every use', () => {
    const r = reportOf(
      [{ term: 'Guangdong', translations: { 'zh-Hans': '广东' } }, { term: 'Macao', forbidden: ['Macau'] }, { term: 'Nansha' }],
      [
        { file: 'a.txt', text: 'Guangdong, Guang dong.\nMacau.\n' },
        { file: 'b.txt', text: 'Guangdong and Nansha.\n' },
      ],
    );
    const html = renderHtml(r, { href: (l) => `${l.file}#L${l.line}` });
    const card = (id: string) => new RegExp(`<div id="${id}"><dt>[^<]+</dt><dd>([^<]+)</dd>`).exec(html)?.[1];
    assert.deepEqual([card('total-files'), card('total-terms'), card('total-uses'), card('total-findings'), card('total-variants')], ['2', '3', '5', '2', '2']);
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)![0];
    assert.equal((svg.match(/<g class="row">/g) ?? []).length, 3);
    const guangdong = r.terms.find((t) => t.term === 'Guangdong')!;
    assert.deepEqual(segmentsOf(guangdong).map((s) => [s.cls, s.count]), [['approved', 2], ['finding', 1]]);
    assert.match(svg, /<title>Guang dong \(split\): 1<\/title>/);
    assert.equal((html.match(/<article class="term"/g) ?? []).length, 3);
    assert.equal((html.match(/<article class="file"/g) ?? []).length, 2);
    for (const t of r.terms) {
      for (const loc of [...t.forms.flatMap((f) => f.locations), ...t.variants.flatMap((v) => v.locations)]) {
        assert.ok(html.includes(`<a href="${loc.file}#L${loc.line}">${loc.file}:${loc.line}</a>`), `${t.term} at ${loc.file}:${loc.line}`);
      }
    }
    assert.ok(html.includes('<span lang="zh-Hans">广东</span>'));
  });

  it('draws the most used terms and says so when there are more', () => {
    const terms = Array.from({ length: MAX_CHART_TERMS + 5 }, (_, i) => ({ term: `Qiao${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}zhen` }));
    const r = reportOf(terms, [{ file: 'a.txt', text: terms.map((t) => t.term).join(', ') }]);
    assert.equal(r.terms.length, MAX_CHART_TERMS + 5);
    const html = renderHtml(r);
    assert.equal((html.match(/<g class="row">/g) ?? []).length, MAX_CHART_TERMS);
    assert.ok(html.includes(`The ${MAX_CHART_TERMS} most used of ${MAX_CHART_TERMS + 5} terms`));
    assert.ok(!html.includes('<a href="a.txt'), 'no link without an href');
  });

  it('in the webview: a nonce on its one style sheet and one script, theme colours, and uses as messages', () => {
    const html = renderHtml(hostile(), { webview: { nonce: 'n0nce', cspSource: 'vscode-webview://abc' } });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    assert.equal(csp, "default-src 'none'; style-src vscode-webview://abc 'nonce-n0nce'; script-src 'nonce-n0nce'; img-src vscode-webview://abc data:; base-uri 'none'; form-action 'none'");
    assert.deepEqual(html.match(/<(style|script)[^>]*>/g), ['<style nonce="n0nce">', '<script nonce="n0nce">']);
    assert.match(html, /--fg: var\(--vscode-foreground\)/);
    assert.doesNotMatch(html, /prefers-color-scheme/);
    assert.match(html, /<a href="#" data-file="drafts\/&lt;img src=x onerror=alert\(1\)&gt;&quot;a&quot;\.txt" data-line="1" data-column="1" data-end-line="1" data-end-column="8"/);
    assert.match(html, /acquireVsCodeApi\(\)/);
  });
});

describe('term-usage report pages: Markdown', () => {
  it('escapes table and inline syntax, and reads a line break as a space', () => {
    assert.equal(mdEscape('a|b *c* _d_ `e` [f](g) <h> ~i~ &amp; \\'), 'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\~i\\~ \\&amp; \\\\');
    assert.equal(mdEscape('# not a heading\nnext'), '\\# not a heading next');
    assert.equal(mdEscape('1. not a list'), '1\\. not a list');
    assert.equal(mdEscape('high-quality (R&D)'), 'high-quality (R&D)');
  });

  it('has the summary, a row per term, a table per term and per file, and caps the places it lists', () => {
    const text = Array.from({ length: MAX_LOCATIONS + 3 }, () => 'Macau.').join('\n') + '\nShenzhen.\n';
    const r = reportOf([{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Shenzhen' }, { term: 'Nansha' }], [{ file: 'a b.txt', text }]);
    const md = renderMarkdown(r, { href: (l) => `${l.file}#L${l.line}` });
    assert.ok(md.startsWith('# Term usage report\n\n1 file checked: 2 terms used 14 times, 13 findings (forbidden 13) in 1 variant.\n'));
    assert.match(md, /\n\| Macao \| 13 \| 0 \| 0 \| 13 \| Macau \(forbidden\) ×13 \|\n/);
    assert.match(md, /\n\| Shenzhen \| 1 \| 1 \| 0 \| 0 \|  \|\n/);
    assert.match(md, /\n### Macao\n/);
    assert.match(md, /\n### a b\.txt\n/);
    const row = md.split('\n').find((l) => l.startsWith('| Macau | forbidden → Macao | 13 |'))!;
    assert.equal((row.match(/\]\(a%20b\.txt#L\d+\)/g) ?? []).length, MAX_LOCATIONS);
    assert.ok(row.endsWith(', and 3 more |'), row);
    assert.doesNotMatch(md, /Nansha/);
  });
});
