/**
 * The Markdown view (masked text, block starts, headings) built from @lezer/markdown's tree, as plain cases:
 * `▒` stands for a hidden character (NUL in the view). Then the incremental re-scan, which must give exactly
 * what a full scan of the new text gives, after any edit.
 */
import * as assert from 'node:assert/strict';
import { MAX_MARKDOWN_NESTING } from '../../server/src/core/formats/markdown/limits';
import { type MarkdownScan, scanMarkdownDocument } from '../../server/src/core/formats/markdown/masking';
import { parser } from '../../server/src/core/formats/markdown/parser';
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

/** A scan's tree of `text`: its own, or, where edits since were masked without it, the one its fragments give. */
function treeOf(scan: MarkdownScan, text: string): string {
  return (scan.pending ? parser.parse(text, scan.pending) : scan.tree).toString();
}

function sameScan(a: MarkdownScan, b: MarkdownScan, label: string, text: string): void {
  assert.deepEqual([...a.mask], [...b.mask], `${label}: mask`);
  assert.deepEqual(a.blockStarts, b.blockStarts, `${label}: block starts`);
  assert.deepEqual(a.headings, b.headings, `${label}: headings`);
  assert.deepEqual([...a.blocks], [...b.blocks], `${label}: top-level blocks`);
  // lezer must not have reused a node whose parse the edit changed.
  assert.equal(treeOf(a, text), b.tree.toString(), `${label}: tree`);
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
        const r = rescanMarkdown(scan, text, next, { start, oldEnd, newEnd: start + insert.length });
        const label = `run ${run} step ${step}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`;
        sameScan(r.scan, scanMarkdownDocument(next), label, next);
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
    const r = rescanMarkdown(scan, text, next, { start: at, oldEnd: at, newEnd: at + 1 });
    assert.ok(r.to - r.from < 3 * paragraph.length, `re-masked ${r.to - r.from} characters`);
    sameScan(r.scan, scanMarkdownDocument(next), 'keystroke', next);
  });

  // Keystrokes in prose: most of them inside a plain paragraph, which is masked again without lezer's block
  // parser; then edits that need the tree (a list, a heading, a line break), which must find it up to date.
  const PROSE = ['Greater', 'Bay', 'Area', 'the', 'Macau', 'policy', 'and', ' ', ' ', ' ', '*', '_', '`', '**', '[a](http://x.org)', '<b>', '&amp;', '\\', '[', ']', '2024', '#', '-', '>', '|', '    ', '\r'];
  const BLOCKS = ['\n', '\n\n', '\n- ', '\n# ', '\n> ', '\n1. ', '\n```\n', '\n===\n', '\n| a |\n|---|\n', '\n[ref]: /u\n', '\n<div>\n', '\n    '];
  it('equals a full scan after random keystrokes, most of them inside plain paragraphs', () => {
    const random = rng(0x9a7a);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(['Nansha', 'port', 'Hong', 'Kong', 'trade', 'zone'])).join(' ');
    let quick = 0;
    let steps = 0;
    for (let run = 0; run < 30; run++) {
      const blocks: string[] = [];
      for (let b = 0; b < 12; b++) {
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, word).join('\n');
        blocks.push(random() < 0.2 ? pick(['# ', '- ', '> ', '1. ', '    ', '']) + lines : lines);
      }
      let text = blocks.join('\n\n') + (random() < 0.5 ? '\n' : '');
      if (random() < 0.2) text = '---\ntitle: x\n---\n' + text;
      let scan = scanMarkdownDocument(text);
      for (let step = 0; step < 60; step++) {
        const start = Math.floor(random() * (text.length + 1));
        const oldEnd = Math.min(text.length, start + (random() < 0.7 ? 0 : Math.floor(random() * 4)));
        const insert = random() < 0.25 ? '' : random() < 0.9 ? pick(PROSE) : pick(BLOCKS);
        const next = text.slice(0, start) + insert + text.slice(oldEnd);
        if (next === text) continue;
        const r = rescanMarkdown(scan, text, next, { start, oldEnd, newEnd: start + insert.length });
        const label = `run ${run} step ${step}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`;
        sameScan(r.scan, scanMarkdownDocument(next), label, next);
        assert.ok(r.from <= start && r.to >= start + insert.length && r.to - r.oldTo === insert.length - (oldEnd - start), label);
        if (r.scan.pending) quick++;
        steps++;
        text = next;
        scan = r.scan;
      }
    }
    // The test is about both paths: enough keystrokes took the paragraph's.
    assert.ok(quick > steps / 5, `${quick} of ${steps} edits masked their paragraph alone`);
  });

  it('masks a paragraph alone after a keystroke inside it, and a heading typed later finds the tree up to date', () => {
    const text = '# Title\n\nThe Greater Bay Area and the\nport of Nansha.\n\n- a list item\n\nLast *words* here.\n';
    const at = text.indexOf('Area') + 4;
    const next = text.slice(0, at) + 's' + text.slice(at);
    const r = rescanMarkdown(scanMarkdownDocument(text), text, next, { start: at, oldEnd: at, newEnd: at + 1 });
    assert.ok(r.scan.pending, 'masked without the block parser');
    assert.deepEqual([r.from, r.to, r.oldTo], [text.indexOf('The'), next.indexOf('Nansha.') + 7, text.indexOf('Nansha.') + 7]);
    sameScan(r.scan, scanMarkdownDocument(next), 'keystroke', next);
    // A '#' at the start of the list item's line makes it a heading: that edit needs lezer's block parser.
    const li = next.indexOf('- a list');
    const third = next.slice(0, li) + '# ' + next.slice(li + 2);
    const r2 = rescanMarkdown(r.scan, next, third, { start: li, oldEnd: li + 2, newEnd: li + 2 });
    assert.equal(r2.scan.pending, undefined);
    sameScan(r2.scan, scanMarkdownDocument(third), 'heading', third);
  });
});
