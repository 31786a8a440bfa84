/**
 * SkipProse lets lezer skip runs of prose in its inline pass. The tree it gives must be lezer's own without
 * it, node for node, except HardBreak nodes (which mask nothing): random documents mixing every construct,
 * with autolinks, e-mail addresses and delimiters dropped in anywhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree } from '@lezer/common';
import { GFM, parser } from '@lezer/markdown';
import { SkipProse } from '../../server/src/core/formats/markdown/skipProse';
import { REPO_ROOT } from '../helpers/terms';
import { rng } from '../helpers/random';

const plain = parser.configure(GFM);
const skipping = parser.configure([SkipProse, GFM]);

function nodes(tree: Tree): string {
  const out: string[] = [];
  tree.iterate({
    enter(n) {
      if (n.name !== 'HardBreak') out.push(`${n.name}:${n.from}-${n.to}`);
    },
  });
  return out.join(' ');
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

const DROPS = ['www.a.com', 'http://x.y/z?q=1.', 'a@b.co', 'x@', '@y', 'mailto:a@b.cd', 'xmpp:a@b.c/d', 'a.b+c-d@e.fg', '*', '_', '~~', '[', ']', '![', '\\', '&amp;', '<b>', '`', '  \n'];

function assertSameTree(doc: string, label: string): void {
  assert.equal(nodes(skipping.parse(doc)), nodes(plain.parse(doc)), `${label}\n${JSON.stringify(doc)}`);
}

describe('SkipProse keeps lezer\'s tree', () => {
  it('on the example draft and the README', () => {
    for (const file of ['examples/draft.md', 'README.md']) {
      const p = path.join(REPO_ROOT, file);
      if (fs.existsSync(p)) assertSameTree(fs.readFileSync(p, 'utf8'), file);
    }
  });

  it('on 2,000 random documents with autolinks, addresses and delimiters dropped in', () => {
    const random = rng(0x5c1b);
    for (let i = 0; i < 2000; i++) {
      let doc = randomDocument(random, 4 + Math.floor(random() * 25));
      for (let k = Math.floor(random() * 5); k > 0; k--) {
        const at = Math.floor(random() * (doc.length + 1));
        doc = doc.slice(0, at) + DROPS[Math.floor(random() * DROPS.length)]! + doc.slice(at);
      }
      assertSameTree(doc, `document ${i}`);
    }
  });
});
