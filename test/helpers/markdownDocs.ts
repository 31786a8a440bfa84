/**
 * Random Markdown documents mixing every construct lezer knows (containers, fences, HTML blocks, tables, front
 * matter, CRLF, a BOM), for the tests that hold a faster path equal to lezer's own parse.
 */

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
export function randomDocument(random: () => number, lines: number): string {
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


export const DROPS = ['www.a.com', 'http://x.y/z?q=1.', 'a@b.co', 'x@', '@y', 'mailto:a@b.cd', 'xmpp:a@b.c/d', 'a.b+c-d@e.fg', '*', '_', '~~', '[', ']', '![', '\\', '&amp;', '<b>', '`', '  \n'];


/** `randomDocument` with up to four of DROPS dropped in anywhere (mid-word, mid-marker). */
export function droppedDocument(random: () => number, lines: number): string {
  let doc = randomDocument(random, lines);
  for (let k = Math.floor(random() * 5); k > 0; k--) {
    const at = Math.floor(random() * (doc.length + 1));
    doc = doc.slice(0, at) + DROPS[Math.floor(random() * DROPS.length)]! + doc.slice(at);
  }
  return doc;
}

const WORDS = ['policy', 'Shenzhen', 'data', 'the', 'of', 'Macau', 'Macao', 'cross-border', 'e-commerce', '广州', '粤港澳大湾区', '2025', '1.5', 'and'];
/** First characters of a paragraph line: letters, digits, punctuation, non-ASCII; some are block starts. */
const PARAGRAPH_STARTS = ['', '', '', '', '(', '"', '“', '[', '2024 ', '3) ', '7. ', '12.5 ', '$', '%', '@', '/', '\\', '&', '!', '\ufeff', '\u00a0', '\u3000', '广', ' ', '  ', '\t'];

function paragraphLines(random: () => number, pick: <T>(xs: readonly T[]) => T): string[] {
  const lines: string[] = [];
  for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
    const parts: string[] = [];
    for (let k = 1 + Math.floor(random() * 6); k > 0; k--) parts.push(random() < 0.25 ? pick(INLINE) : pick(WORDS));
    const tail = random() < 0.1 ? pick(['  ', ' ', '\t', '\\']) : '';
    lines.push((random() < 0.3 ? pick(PARAGRAPH_STARTS) : '') + parts.join(' ') + tail);
  }
  return lines;
}

/**
 * A random document as drafts are written: blocks separated by blank lines, most of them plain paragraphs,
 * the rest lists and quotes with paragraphs after blank lines, fences and HTML blocks that run across blank
 * lines (some never closed), tables, headings, definitions, indented code and front matter.
 */
export function draftDocument(random: () => number, blocks: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: string[] = [];
  if (random() < 0.1) out.push('---', 'title: A draft', '', 'status: x', random() < 0.8 ? '---' : '');
  for (let b = 0; b < blocks; b++) {
    const r = random();
    if (r < 0.55) out.push(...paragraphLines(random, pick));
    else if (r < 0.62) {
      const fence = pick(['```', '~~~', '````', '```js', '  ```', '    ```']);
      const inside = pick(['', '- ', '> ', '1. ']);
      out.push(inside + fence);
      for (let n = Math.floor(random() * 4); n > 0; n--) out.push(random() < 0.4 ? '' : (inside ? pick(['', '  ', '   ']) : '') + pick(['plain prose line', 'x = 1', '# not a heading', '[a]: b', '```not closing', '~~~']));
      if (random() < 0.8) out.push((inside && random() < 0.5 ? '  ' : '') + fence.trim().replace('js', ''));
    } else if (r < 0.68) {
      const [open, close] = pick([['<div>', '</div>'], ['<script>', '</script>'], ['<pre>', 'end </pre>'], ['<!--', '-->'], ['<?x', '?>'], ['<!DOCTYPE html', '>'], ['<![CDATA[', ']]>'], ['<span class="a">', ''], ['<table>', '</table>']]);
      out.push(open);
      for (let n = Math.floor(random() * 4); n > 0; n--) out.push(random() < 0.4 ? '' : pick(['Plain looking text', 'More words here', '<p>inner</p>']));
      if (random() < 0.8 && close) out.push(close);
    } else if (r < 0.76) {
      const marker = pick(['- ', '* ', '+ ', '1. ', '2) ', '> ', '- [ ] ', '> - ']);
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        out.push(marker + paragraphLines(random, pick).join('\n' + pick(['', '  ', '   ', '    '])));
        if (random() < 0.4) out.push('', pick(['  ', '   ', '    ', '', '\t']) + paragraphLines(random, pick)[0]!);
        if (random() < 0.3) out.push('');
      }
    } else if (r < 0.82) out.push(pick(['# ', '## ', '### ', '###### ', '#']) + paragraphLines(random, pick)[0]! + pick(['', ' ##', ' #']));
    else if (r < 0.86) out.push(pick(['| a | b |', 'a | b', 'Plain | words']), pick(['| --- | --- |', '--- | ---', ':-- | --:', '|---|---|']), pick(['| c | d |', 'c | d', 'words only']));
    else if (r < 0.89) out.push(pick(['[label]: http://example.org', '[label]: <a b> "t"', '[x]:']), ...(random() < 0.5 ? paragraphLines(random, pick) : []));
    else if (r < 0.92) out.push('    indented code', ...(random() < 0.5 ? ['', '    more code'] : []));
    else if (r < 0.95) out.push(...paragraphLines(random, pick), pick(['===', '---', '- - -', '***', '___']));
    else out.push(pick(['---', '***', '<!-- termlint-disable -->', '> quoted', '>', '    ']));
    for (let n = random() < 0.15 ? 0 : 1 + Math.floor(random() * 2); n > 0; n--) out.push(random() < 0.1 ? pick([' ', '\t', '  ']) : '');
  }
  let doc = out.join('\n');
  if (random() < 0.1) doc = doc.replace(/\n/g, '\r\n');
  if (random() < 0.3) doc += '\n';
  return doc;
}
