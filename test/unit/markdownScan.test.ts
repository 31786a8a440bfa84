/**
 * The Markdown view (masked text, block starts, headings) built from @lezer/markdown's tree, as plain cases:
 * `▒` stands for a hidden character (NUL in the view). Then the incremental re-scan, which must give exactly
 * what a full scan of the new text gives, after any edit.
 */
import * as assert from 'node:assert/strict';
import { MAX_MARKDOWN_NESTING } from '../../server/src/core/formats/markdown/limits';
import { type MarkdownScan, scanMarkdownDocument } from '../../server/src/core/formats/markdown/masking';
import { rescanMarkdown } from '../../server/src/core/formats/markdown/rescan';
import { buildView } from '../../server/src/core/view';
import { rng } from '../helpers/random';

function view(text: string): [string, number[], [number, number][]] {
  const v = buildView(text, 'markdown');
  return [v.masked.replace(/\0/g, '▒'), v.blockStarts, v.headings.map((h) => [h.start, h.end])];
}

const CASES: [string, string, string, number[], [number, number][]][] = [
  ['inline code is hidden', 'Use `Macau` here.', 'Use ▒▒▒▒▒▒▒ here.', [0], []],
  ['emphasis and strikethrough marks read as spaces', '**Greater Bay** Area and ~~Macau~~ _too_', '  Greater Bay   Area and   Macau    too ', [0], []],
  [
    'link text is prose; URLs, titles and labels are hidden',
    '[Hong Kong](http://x.org "t") and [ref][label] and ![img](p.png)\n',
    ' Hong Kong  ▒▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒  and  ref ▒▒▒▒▒▒▒ and   img  ▒▒▒▒▒ ▒',
    [0],
    [],
  ],
  ['an ATX heading: its marks hidden, its text a heading', '# Title Case Heading #\n\nBody text\n', '▒ Title Case Heading ▒▒\nBody text▒', [2, 24], [[2, 22]]],
  ['a setext heading: the underline is hidden', 'A Setext Heading\n===\nbody', 'A Setext Heading▒▒▒▒▒body', [0, 21], [[0, 16]]],
  ['front matter: fences, keys and comments hidden, values are blocks', '---\ntitle: A draft\n# comment\n---\nBody\n', '▒▒▒▒▒▒▒▒▒▒ A draft▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒Body▒', [11, 33], []],
  ['a leading BOM stays in place', '\ufeffText *here*', '\ufeffText  here ', [0], []],
  ['table cells are blocks; pipes and the delimiter row are hidden', '| a | b |\n|---|---|\n| c | d |', '▒ a▒▒ b▒▒\n▒▒▒▒▒▒▒▒▒\n▒ c▒▒ d▒▒', [2, 6, 22, 26], []],
  ['HTML blocks and tags are hidden', '<!-- note --> text\n\n<div>\nblock\n</div>\n\nA <span>x</span>', '▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒\n\n▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒\n\nA ▒▒▒▒▒▒x▒▒▒▒▒▒▒', [40], []],
  ['quote marks read as spaces; task markers are hidden, a task item is a block', '> quoted *text*\n> more\n\n- [ ] task\n- item', '  quoted  text \n  more▒\n- ▒▒▒ task▒- item', [2, 30, 37], []],
  ['autolinks, entities and escapes are hidden', 'see www.example.com/a and <me@mail.org> or &amp; \\*', 'see ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ and ▒▒▒▒▒▒▒▒▒▒▒▒▒ or ▒▒▒▒▒ ▒▒', [0], []],
  [
    'code blocks, rules and link reference definitions are hidden',
    '```js\ncode\n```\n    indented\n\n***\n[label]: http://e.org "T"\n',
    '▒▒▒▒▒▒▒▒▒▒▒▒▒▒\n    ▒▒▒▒▒▒▒▒\n\n▒▒▒\n▒▒▒▒▒▒▒  ▒▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒\n',
    [],
    [],
  ],
  [
    `past ${MAX_MARKDOWN_NESTING} containers on one line, the rest of the line is paragraph text`,
    '> '.repeat(MAX_MARKDOWN_NESTING + 1) + 'x',
    '  '.repeat(MAX_MARKDOWN_NESTING) + '> x',
    [MAX_MARKDOWN_NESTING * 2],
    [],
  ],
  ['a line of dashes is a thematic break, however long', '- '.repeat(MAX_MARKDOWN_NESTING * 2) + '-', '▒'.repeat(MAX_MARKDOWN_NESTING * 4 + 1), [], []],
];

describe('Markdown view', () => {
  for (const [name, text, masked, blockStarts, headings] of CASES) {
    it(name, () => assert.deepEqual(view(text), [masked, blockStarts, headings]));
  }
});

const PIECES = [
  'Hong Kong', 'Macau', 'the', 'policy', ' ', ' ', '\n', '\n', '\n\n', '# ', '## ', '===\n', '---\n', '- ', '1. ', '> ', '    ', '*', '_', '~~',
  '`', '```\n', '~~~\n', '[a](http://x.org)', '[ref]', '[ref]: /u\n', '<div>\n', '</div>\n', '<!-- c -->', '| a | b |\n|---|---|\n', '| c |\n',
  '\\', '&amp;', 'www.x.org', '- [ ] ',
];

function sameScan(a: MarkdownScan, b: MarkdownScan, label: string): void {
  assert.deepEqual([...a.mask], [...b.mask], `${label}: mask`);
  assert.deepEqual(a.blockStarts, b.blockStarts, `${label}: block starts`);
  assert.deepEqual(a.headings, b.headings, `${label}: headings`);
  assert.deepEqual([...a.blocks], [...b.blocks], `${label}: top-level blocks`);
  // lezer must not have reused a node whose parse the edit changed.
  assert.equal(a.tree.toString(), b.tree.toString(), `${label}: tree`);
}

describe('incremental Markdown re-scan', () => {
  it('equals a full scan after every random edit', () => {
    const random = rng(0x51ca);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    for (let run = 0; run < 40; run++) {
      let text = Array.from({ length: 40 }, () => pick(PIECES)).join('');
      if (random() < 0.2) text = '---\ntitle: x\n---\n' + text;
      let scan = scanMarkdownDocument(text);
      for (let step = 0; step < 40; step++) {
        const start = Math.floor(random() * (text.length + 1));
        const oldEnd = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 12)));
        const insert = random() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PIECES)).join('');
        const next = text.slice(0, start) + insert + text.slice(oldEnd);
        const r = rescanMarkdown(scan, next, { start, oldEnd, newEnd: start + insert.length });
        const label = `run ${run} step ${step}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`;
        sameScan(r.scan, scanMarkdownDocument(next), label);
        assert.ok(r.from <= start && r.to >= start + insert.length && r.to - r.oldTo === insert.length - (oldEnd - start), label);
        text = next;
        scan = r.scan;
      }
    }
  });

  it('masks again only the blocks around a keystroke in a long document', () => {
    const paragraph = 'The *Greater Bay* Area and [Hong Kong](http://x.org) policy.\n\n';
    const text = '# Heading\n\n' + paragraph.repeat(5000);
    const scan = scanMarkdownDocument(text);
    const at = text.length / 2 + 5;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const r = rescanMarkdown(scan, next, { start: at, oldEnd: at, newEnd: at + 1 });
    assert.ok(r.to - r.from < 3 * paragraph.length, `re-masked ${r.to - r.from} characters`);
    sameScan(r.scan, scanMarkdownDocument(next), 'keystroke');
  });
});
