/**
 * The fast Markdown scanner must mask documents exactly as the view built from @lezer/markdown's syntax tree
 * did (masked text, block starts, headings). Random documents mix every construct the scanner follows —
 * containers, code, HTML, tables, setext headings, link references, emphasis, links, autolinks — so the two
 * are compared far from the happy path.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildView } from '../../server/src/core/view';
import { REPO_ROOT } from '../helpers/terms';
import { lezerView } from '../helpers/lezerView';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INLINE = [
  'Hong Kong', 'Guang dong', 'new quality productivityforces', 'win-win', 'the *Greater Bay* area', '**Shenzhen**', '_Nansha_',
  'snake_case_name', '*a **b** c*', '***x***', '*unclosed', 'un*closed*', '__strong__', '~~struck~~', '~~~no~~~', '`code`',
  '``co`de``', '` `', '`unclosed', '[link](http://x.org "title")', '[ref][label]', '[short]', '[]()', '![img](pic.png)',
  '[a [nested](u) b](v)', '[text](<url with space>)', '[t](url (paren))', '<http://auto.link>', '<me@mail.org>', 'www.example.com/a?b.',
  'https://host.org/path_(x)', 'mail@example.co.uk', 'mailto:a@b.cd', 'xmpp:a@b.cd/res', '<span>html</span>', '<!-- comment -->',
  '<?php x ?>', '&amp;', '&#123;', '&nbsp;', '\\*escaped\\*', '\\[', 'a\\', '|', 'x | y', '“quoted”', 'Hong—Kong', 'Guangdong’s',
  'termlint-disable-line', '<!-- termlint-disable -->', '<!-- termlint-enable -->', 'foo_bar_', '_(x)_', '*(y)*', '**', '_',
];
const LINE_STARTS = ['', '', '', '', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '  ', '    ', '\t', '- [ ] ', '- [x] ', '> - ', '1. > ', '   '];
const BLOCK_LINES = [
  '', '', '', '# Heading', '## Title Case Heading ##', '###### six', '####### seven', '#not', '===', '---', '***', '- - -', '___',
  '```', '```js', '~~~', '````', '    code line', '<div>', '</div>', '<script>', '</script>', '<!--', '-->', '<?', '?>', '<!DOCTYPE x>',
  '<![CDATA[', ']]>', '[label]: http://example.org "Title"', '[label]:', '  <http://x.y>', '| a | b |', '|---|:-:|', '| --- | --- |',
  'a | b', '--|--', '| c | d | e |', '\\', '> > deep', '10. ten', '0. zero', '   - indented item',
];

/** A random Markdown document of about `lines` lines. */
function randomDocument(random: () => number, lines: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: string[] = [];
  if (random() < 0.15) out.push('---', 'title: A *draft*', '# comment: x', '- item', random() < 0.5 ? '---' : '...');
  for (let i = 0; i < lines; i++) {
    if (random() < 0.35) {
      out.push(pick(LINE_STARTS) + pick(BLOCK_LINES));
      continue;
    }
    const parts: string[] = [];
    const n = 1 + Math.floor(random() * 5);
    for (let k = 0; k < n; k++) parts.push(random() < 0.5 ? pick(INLINE) : pick(['policy', 'Shenzhen', 'data', 'the', 'of', 'Macau', 'Macao']));
    const glue = random() < 0.8 ? ' ' : pick(['', '  ', '\t', '-', '.', ', ']);
    out.push(pick(LINE_STARTS) + parts.join(glue) + (random() < 0.1 ? '  ' : ''));
  }
  let doc = out.join(random() < 0.1 ? '\r\n' : '\n');
  if (random() < 0.05) doc = '\ufeff' + doc;
  return doc;
}

function assertSameView(text: string, label: string): void {
  const fast = buildView(text, 'markdown');
  const reference = lezerView(text, 'markdown');
  if (fast.masked !== reference.masked) {
    let i = 0;
    while (fast.masked[i] === reference.masked[i]) i++;
    assert.fail(`${label}: masked text differs at ${i}\n${JSON.stringify(text)}\nfast: ${JSON.stringify(fast.masked.slice(Math.max(0, i - 30), i + 30))}\nlezer: ${JSON.stringify(reference.masked.slice(Math.max(0, i - 30), i + 30))}`);
  }
  assert.deepEqual(fast.blockStarts, reference.blockStarts, `${label}: block starts\n${JSON.stringify(text)}`);
  assert.deepEqual(fast.headings, reference.headings, `${label}: headings\n${JSON.stringify(text)}`);
}

describe('Markdown scanner matches the lezer-based view', () => {
  it('on the example draft and the README', () => {
    for (const file of ['examples/draft.md', 'README.md']) {
      const p = path.join(REPO_ROOT, file);
      if (fs.existsSync(p)) assertSameView(fs.readFileSync(p, 'utf8'), file);
    }
  });

  it('on 1,500 random documents mixing every construct', () => {
    const random = rng(0x7e41);
    for (let i = 0; i < 1500; i++) assertSameView(randomDocument(random, 4 + Math.floor(random() * 30)), `document ${i}`);
  });

  it('on documents cut at every offset (unfinished constructs at the end)', () => {
    const random = rng(99);
    for (let i = 0; i < 20; i++) {
      const doc = randomDocument(random, 8);
      for (let cut = 0; cut <= doc.length; cut += 1 + Math.floor(random() * 3)) assertSameView(doc.slice(0, cut), `document ${i} cut at ${cut}`);
    }
  });
});
