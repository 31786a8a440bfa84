/**
 * HTML as a format: what is checked and what is skipped, as plain cases. First the view itself (`▒` stands for
 * a hidden character, NUL in the view; block starts and headings as offsets), then { text, findings, fixed }
 * engine cases like lint.test.ts's: each finding is [kind, found, preferred replacement], `fixed` is the text
 * after every preferred fix, which must then lint clean.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import type { LintOptions, VariantKind } from '../../server/src/core/types';
import { buildView } from '../../server/src/core/view';
import { rng } from '../helpers/random';
import { compiledOf } from '../helpers/terms';

function view(text: string): [string, number[], [number, number][]] {
  const v = buildView(text, 'html');
  return [v.masked.replace(/\0/g, '▒'), v.blockStarts, v.headings.map((h) => [h.start, h.end])];
}

const VIEWS: [string, string, string, number[], [number, number][]][] = [
  ['text in a block is prose; tags are hidden', '<p>Hong Kong</p>', '▒▒▒Hong Kong▒▒▒▒', [3], []],
  ['inline tags read as spaces', '<p>Hong <em>Kong</em> is <a href="/x">here</a></p>', '▒▒▒Hong     Kong      is              here    ▒▒▒▒', [3], []],
  ['every block element starts a block; br ends one', '<li>One</li><td>Two<br>Three</td>', '▒▒▒▒One▒▒▒▒▒▒▒▒▒Two▒▒▒▒Three▒▒▒▒▒', [4, 16, 23], []],
  ['h1–h6 and title are headings, from the end of the start tag to the end tag', '<title>A Title</title><h2 id="x">Sub <b>Head</b></h2>', '▒▒▒▒▒▒▒A Title▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒Sub    Head    ▒▒▒▒▒', [7, 33], [[7, 14], [33, 48]]],
  ['alt and title values are blocks of their own; other attributes are hidden', '<p title="Guang dong" class="Macau">x <img alt=\'Shen zhen\' src=Macau.png> y</p>', '▒▒▒▒▒▒▒▒▒▒Guang dong▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒x ▒▒▒▒▒▒▒▒▒▒Shen zhen▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ y▒▒▒▒', [10, 36, 48], []],
  ['an img without alt reads as a space', 'a<img src=x>b', 'a           b', [0], []],
  ['script, style, code, pre, textarea and comments are hidden', '<script>if (a<b) "</p>"</script><style>p{}</style>A<code>x</code><pre>y</pre><textarea>z</textarea><!-- c -->B', '▒'.repeat(50) + 'A' + '▒'.repeat(58) + 'B', [50, 109], []],
  ['SVG and MathML content is hidden, CDATA included', '<svg><title>Macau</title><![CDATA[ a </svg> ]]></svg>ok', '▒'.repeat(53) + 'ok', [53], []],
  ['a tag cut off by the end of the file stays hidden', 'Text <p class="x', 'Text ▒▒▒▒▒▒▒▒▒▒▒', [0], []],
  ['character references keep their offsets: spaces blank, others hide', 'Hong&nbsp;Kong R&amp;D Guang&shy;dong &#8209;&#32;&copy x', 'Hong      Kong R▒▒▒▒▒D Guang▒▒▒▒▒dong ▒▒▒▒▒▒▒     ▒▒▒▒▒ x', [0], []],
  ['line breaks stay; a BOM stays in place', '\ufeff<p>a\r\nb</p>', '\ufeff▒▒▒a\r\nb▒▒▒▒', [4], []],
];

describe('HTML view', () => {
  for (const [name, text, masked, blockStarts, headings] of VIEWS) {
    it(name, () => assert.deepEqual(view(text), [masked, blockStarts, headings]));
  }
});

type Expected = [VariantKind, string, string];

interface Case {
  name: string;
  text: string;
  findings: Expected[];
  fixed?: string;
  options?: Partial<LintOptions>;
}

const terms = () =>
  compiledOf([
    { term: 'new quality productivity forces', forbidden: ['productivityforces'] },
    { term: 'high-quality development' },
    { term: 'Hong Kong' },
    { term: 'Guangdong' },
    { term: 'Shenzhen' },
    { term: 'Macao', forbidden: ['Macau'] },
    { term: 'Greater Bay Area' },
    { term: 'next-generation Internet' },
  ]);

const cases: Case[] = [
  // checked
  { name: 'text of a paragraph', text: '<p>Visits to Macau rose.</p>', findings: [['forbidden', 'Macau', 'Macao']], fixed: '<p>Visits to Macao rose.</p>' },
  { name: 'a term split by inline tags still matches', text: '<p>The <strong>Greater Bay</strong> Area and Hong <em>Kong</em>.</p>', findings: [] },
  { name: 'variants inside inline elements are found', text: '<p>Firms in <a href="/hk">HongKong</a> agree.</p>', findings: [['joined', 'HongKong', 'Hong Kong']], fixed: '<p>Firms in <a href="/hk">Hong Kong</a> agree.</p>' },
  { name: 'alt and title values', text: '<img alt="A map of Guang dong"><abbr title="Greater Bay area">GBA</abbr>', findings: [['split', 'Guang dong', 'Guangdong'], ['case', 'Greater Bay area', 'Greater Bay Area']], fixed: '<img alt="A map of Guangdong"><abbr title="Greater Bay Area">GBA</abbr>' },
  { name: 'a term never runs from an alt value into the text', text: '<p>Hong <img alt="Kong"> now</p>', findings: [] },
  { name: 'a term never runs across a block boundary', text: '<li>Hong</li><li>Kong</li>', findings: [] },
  { name: 'nor across a line break tag', text: '<p>Hong<br>Kong</p>', findings: [] },
  { name: 'every block starts a sentence', text: '<p>Intro.</p><p>Next-generation Internet pilots start.</p>', findings: [] },
  { name: 'inline tags do not start a sentence', text: '<p>The <em>Next-generation Internet</em> pilots.</p>', findings: [['case', 'Next-generation Internet', 'next-generation Internet']] },
  // headings
  { name: 'Title Case headings allow capitals, tags inside them aside', text: '<h2><a href="#pilots">Next-Generation Internet Pilots</a></h2>', findings: [] },
  { name: 'ALL CAPS headings are fine', text: '<h1>GUANGDONG AND HONG KONG</h1>', findings: [] },
  { name: 'lower case in a sentence-case heading is still wrong', text: '<h3>Plans for guangdong</h3>', findings: [['case', 'guangdong', 'Guangdong']], fixed: '<h3>Plans for Guangdong</h3>' },
  { name: 'the document title is a heading', text: '<title>Next-Generation Internet Pilots</title>', findings: [] },
  // skipped
  { name: 'script and style are skipped', text: '<script>var macau = "Macau";</script><style>.Macau { color: red }</style>', findings: [] },
  { name: 'code, kbd, pre and textarea are skipped', text: '<p>Use <code>Macau</code> or <kbd>Shenzen</kbd>.</p><pre>guangdong</pre><textarea>Macau</textarea>', findings: [] },
  { name: 'other attributes, tag names and comments are skipped', text: '<div class="Macau" data-x="Shenzen"><!-- Macau --></div><macau-widget></macau-widget>', findings: [] },
  { name: 'a doctype and a head are skipped', text: '<!DOCTYPE html><html><head><meta name="description" content="Macau"></head><body>ok</body></html>', findings: [] },
  // character references
  { name: 'a reference for a space reads as a space', text: '<p>Hong&nbsp;Kong and high&nbsp;quality development</p>', findings: [['hyphen', 'high&nbsp;quality development', 'high-quality development']], fixed: '<p>Hong&nbsp;Kong and high-quality development</p>' },
  { name: 'a reference after a word reads as punctuation', text: '<p>Shenzen&rsquo;s port and Macau&#x2019;s.</p>', findings: [['misspelling', 'Shenzen', 'Shenzhen'], ['forbidden', 'Macau', 'Macao']] },
  { name: 'a reference inside a word cuts it: not misread, not fixed', text: '<p>Guang&shy;dong, high&#8209;quality development, Shen&#173;zhen.</p>', findings: [] },
  // directives
  { name: 'disable-next-line comment', text: '<!-- termlint-disable-next-line -->\n<p>Macau</p>\n<p>Macau</p>', findings: [['forbidden', 'Macau', 'Macao']], fixed: '<!-- termlint-disable-next-line -->\n<p>Macau</p>\n<p>Macao</p>' },
  { name: 'disable / enable region', text: '<!-- termlint-disable -->\n<p>Macau and guangdong</p>\n<!-- termlint-enable -->\n<p>Macau</p>', findings: [['forbidden', 'Macau', 'Macao']] },
  // a whole page, fixed all at once
  {
    name: 'fix-all on a page',
    text:
      '<!DOCTYPE html>\n<html lang="en">\n<head><title>Plans for guangdong</title></head>\n<body>\n<h1>New Quality Productivity Forces</h1>\n' +
      '<p>We build new quality productivityforces in Guang dong.</p>\n<p>Firms in <em>HongKong</em> and Macau agree on high quality development.</p>\n' +
      '<p><img src="map.png" alt="Shenzen and the Greater Bay area"></p>\n<pre>Macau</pre>\n</body>\n</html>\n',
    findings: [
      ['case', 'guangdong', 'Guangdong'],
      ['joined', 'new quality productivityforces', 'new quality productivity forces'],
      ['split', 'Guang dong', 'Guangdong'],
      ['joined', 'HongKong', 'Hong Kong'],
      ['forbidden', 'Macau', 'Macao'],
      ['hyphen', 'high quality development', 'high-quality development'],
      ['misspelling', 'Shenzen', 'Shenzhen'],
      ['case', 'Greater Bay area', 'Greater Bay Area'],
    ],
    fixed:
      '<!DOCTYPE html>\n<html lang="en">\n<head><title>Plans for Guangdong</title></head>\n<body>\n<h1>New Quality Productivity Forces</h1>\n' +
      '<p>We build new quality productivity forces in Guangdong.</p>\n<p>Firms in <em>Hong Kong</em> and Macao agree on high-quality development.</p>\n' +
      '<p><img src="map.png" alt="Shenzhen and the Greater Bay Area"></p>\n<pre>Macau</pre>\n</body>\n</html>\n',
  },
];

describe('lintText on HTML: table of cases', () => {
  const compiled = terms();
  for (const c of cases) {
    it(c.name, () => {
      const options: LintOptions = { format: 'html', ...c.options };
      const { findings } = lintText(c.text, compiled, options);
      assert.deepEqual(
        findings.map((f): Expected => [f.kind, f.found, f.replacements[0]!.text]),
        c.findings,
      );
      for (const f of findings) assert.equal(c.text.slice(f.start, f.end), f.found);
      const fixed = applyEdits(c.text, fixAllEdits(findings));
      if (c.fixed !== undefined) assert.equal(fixed, c.fixed);
      assert.deepEqual(lintText(fixed, compiled, options).findings.map((f) => [f.kind, f.found]), []);
    });
  }
});

const PIECES = [
  'Hong Kong', 'HongKong', 'Guang dong', 'Macau', 'Shenzen', 'high quality development', ' ', '\n', '\r\n', '<p>', '</p>', '<P class=x>', '<h1>', '</h1>',
  '<em>', '</em>', '<br/>', '<img alt="Macau" src=x>', '<abbr title=\'Hong Kong\'>', '<code>', '</code>', '<pre>', '</pre>', '<script>', '</script>',
  '<style>', '</style>', '<textarea>', '</textarea>', '<title>', '</title>', '<svg>', '</svg>', '<math/>', '<![CDATA[', ']]>', '<!--', '-->', '<!doctype html>',
  '<?x?>', '&nbsp;', '&amp;', '&shy;', '&#8209;', '&#x20;', '&copy', '&bogus;', '&', '<', '>', '"', "'", '=', '</', '\0', '\ufeff',
];

describe('HTML view of random markup', () => {
  it('keeps every offset, and its block starts and headings are sorted and inside the text', () => {
    const random = rng(0x4854);
    const compiled = terms();
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      const label = JSON.stringify(text);
      const v = buildView(text, 'html');
      assert.equal(v.masked.length, text.length, label);
      for (let i = 0; i < text.length; i++) {
        const m = v.masked.charCodeAt(i);
        assert.ok(m === 0 || m === 32 || m === text.charCodeAt(i), `${label} at ${i}`);
      }
      for (let k = 0; k < v.blockStarts.length; k++) {
        const b = v.blockStarts[k]!;
        assert.ok(b >= 0 && b < text.length && (k === 0 || b > v.blockStarts[k - 1]!), `${label}: block starts ${v.blockStarts.join()}`);
      }
      for (let k = 0; k < v.headings.length; k++) {
        const h = v.headings[k]!;
        assert.ok(h.start < h.end && h.end <= text.length && (k === 0 || h.start >= v.headings[k - 1]!.end), `${label}: headings`);
      }
      // Fix-all leaves nothing to fix, whatever the markup.
      const { findings } = lintText(text, compiled, { format: 'html' });
      const fixed = applyEdits(text, fixAllEdits(findings));
      assert.deepEqual(lintText(fixed, compiled, { format: 'html' }).findings.map((f) => [f.kind, f.found]), [], `${label} -> ${JSON.stringify(fixed)}`);
    }
  });
});
