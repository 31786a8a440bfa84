/**
 * DocumentLinter re-lints only what an edit touched; its results must be exactly lintText's for the same
 * text, whatever the edit: typing inside a name, splitting and joining blocks, opening a code fence or a
 * front matter, adding a termlint-disable comment, making or breaking an exception phrase.
 */
import * as assert from 'node:assert/strict';
import { DocumentLinter } from '../../server/src/core/document';
import { lintText } from '../../server/src/core/lint';
import type { FormatId } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';
import { rng } from '../helpers/random';

const terms = compiledOf([
  { term: 'new quality productivity forces', admitted: ['new quality productive forces'], forbidden: ['productivityforces'] },
  { term: 'high-quality development' },
  { term: 'Hong Kong', exceptions: ['Hongkong Post'] },
  { term: 'Guangdong', forbidden: ['Kwangtung'] },
  { term: 'Guangdong Province' },
  { term: 'Shenzhen' },
  { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'] },
  { term: 'Greater Bay Area' },
  { term: 'Nansha Data Exchange Centre', admitted: ['Nansha Data Exchange Center'] },
], { ignore: ['Kwangtung Bank'] });

const PIECES = [
  'Hong Kong', 'HongKong', 'Hong-Kong', 'hong kong', 'Hongkong Post', 'University of', 'University of Macau', 'Bank', 'Guang dong', 'Guangdong', 'Guangdong Provnce', 'Kwangtung', 'Macau', 'Shenzen',
  'Greater Bay area', 'high quality development', 'new quality productive forces', 'new quality productivity forces',
  'Nansha Data Exchange Center', 'Nansha Data Exchange Centre', 'the', 'policy', 'of', 'firms', '.', ',', '\n', '\n\n', '\n\n',
  '# ', '## ', '- ', '1. ', '> ', '*', '_', '`', '```\n', '~~~\n', '---\n', '===\n', '    ', '| a | b |\n|---|---|\n', '[link](http://x.org)',
  '<div>\n', '</div>\n', '<!-- termlint-disable -->', '<!-- termlint-enable -->', 'termlint-disable-line', '<!-- termlint-disable-next-line -->\n',
];

/** HTML documents get these too: tags, references, hidden elements and attributes cut and joined by edits. */
const HTML_PIECES = [
  ...PIECES, '<p>', '</p>', '<h2>', '</h2>', '<li>', '<em>', '</em>', '<br>', '<code>', '</code>', '<script>', '</script>', '<pre>', '</pre>',
  '<img alt="Macau">', '<abbr title="Greater Bay area">', '&nbsp;', '&amp;', '&shy;', '<!-- c -->', '<svg>', '</svg>', '<title>', '</title>', '<',
];

function randomText(random: () => number, pieces: number, from = PIECES): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += from[Math.floor(random() * from.length)] + (random() < 0.6 ? ' ' : '');
  return out;
}

function randomEdit(random: () => number, text: string, from = PIECES): string {
  const at = Math.floor(random() * (text.length + 1));
  const r = random();
  if (r < 0.45) return text.slice(0, at) + (random() < 0.5 ? from[Math.floor(random() * from.length)] : 'xyz -\n'[Math.floor(random() * 6)]) + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * (random() < 0.8 ? 2 : 30)));
  const to = at + Math.floor(random() * 60);
  return text.slice(0, at) + randomText(random, 1 + Math.floor(random() * 4), from) + text.slice(to);
}

describe('DocumentLinter', () => {
  for (const language of ['markdown', 'plaintext', 'html'] as FormatId[]) {
    it(`gives lintText's results after every random edit (${language})`, () => {
      const random = rng(language === 'markdown' ? 17 : language === 'plaintext' ? 23 : 29);
      const pieces = language === 'html' ? HTML_PIECES : PIECES;
      for (let doc = 0; doc < 40; doc++) {
        let text = randomText(random, 40 + Math.floor(random() * 120), pieces);
        if (language === 'markdown' && random() < 0.2) text = `---\ntitle: Guang dong\n---\n${text}`;
        const linter = new DocumentLinter(terms, { format: language });
        for (let edit = 0; edit < 25; edit++) {
          text = randomEdit(random, text, pieces);
          const expected = lintText(text, terms, { format: language });
          assert.deepEqual(linter.lint(text), expected, `document ${doc}, edit ${edit}:\n${JSON.stringify(text)}`);
        }
      }
    });
  }

  // Typing in prose: most keystrokes land inside a plain paragraph, whose re-scan masks it alone without lezer's
  // block parser (formats/markdown/rescan.ts); the edits between need the tree again (a line break, a list, a heading).
  it("gives lintText's results while typing inside paragraphs of prose, and after the edits between (markdown)", () => {
    const random = rng(83);
    const WORDS = ['Hong', 'Kong', 'HongKong', 'Guangdong', 'Provnce', 'Province', 'Macau', 'Macao', 'Shenzen', 'Greater', 'Bay', 'area', 'Area', 'the', 'policy', 'of', 'firms', 'Nansha', 'Data', 'Exchange', 'Center', 'high', 'quality', 'development', 'University', 'Post', 'Hongkong'];
    const KEYS = [...'abcdefghijklmnopqrstuvwxyz', ' ', ' ', ' ', 'H', 'K', 'M', 'G', '-', '.', ',', '*', '_', '`', '[', ']', '(', ')', '#', '>', '|', '1'];
    const line = () => Array.from({ length: 3 + Math.floor(random() * 10) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    for (let doc = 0; doc < 25; doc++) {
      const blocks = Array.from({ length: 4 + Math.floor(random() * 8) }, () => {
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, line).join('\n');
        return random() < 0.2 ? ['# ', '- ', '> ', '1. '][Math.floor(random() * 4)] + lines : lines;
      });
      let text = blocks.join('\n\n');
      const linter = new DocumentLinter(terms, { format: 'markdown' });
      linter.lint(text);
      for (let edit = 0; edit < 40; edit++) {
        const at = Math.floor(random() * (text.length + 1));
        const r = random();
        if (r < 0.55) text = text.slice(0, at) + KEYS[Math.floor(random() * KEYS.length)] + text.slice(at);
        else if (r < 0.85) text = text.charCodeAt(at) === 10 ? text : text.slice(0, at) + text.slice(at + 1);
        else text = randomEdit(random, text);
        const expected = lintText(text, terms, { format: 'markdown' });
        assert.deepEqual(linter.lint(text), expected, `document ${doc}, edit ${edit}:\n${JSON.stringify(text)}`);
      }
    }
  });

  // Typing in an HTML draft: prose typed inside prose is re-scanned in place (formats/html/rescan.ts), markup
  // typed anywhere (a tag, a reference, a quote in an attribute, a raw-text element's end tag) scans it whole.
  it("gives lintText's results while typing in an HTML draft, markup and prose (html)", () => {
    const random = rng(89);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const WORDS = ['Hong', 'Kong', 'HongKong', 'Guangdong', 'Provnce', 'Macau', 'Macao', 'Shenzen', 'Greater', 'Bay', 'area', 'the', 'policy', 'of', 'firms', 'Nansha', 'Data', 'Exchange', 'Center', 'University', 'Hongkong', 'Post',
      '<b>Macau</b>', '<em>Greater</em>', '<a href="/x">Hong Kong</a>', '<img alt="Macau">', '<img alt=Macau>', '<abbr title="Greater Bay area">GBA</abbr>', '&amp;', '&nbsp;', '&am', '<code>Macau</code>', '<br>', 'a < b', 'x > y', '<!-- c -->'];
    const BLOCKS = ['p', 'p', 'p', 'h2', 'li', 'td', 'title', 'textarea', 'pre', 'script', 'div'];
    const KEYS = [...'abcdefghijklmnopqrstuvwxyz', ' ', ' ', ' ', 'H', 'K', 'M', '-', '.', ',', '<', '>', '&', '"', "'", '=', '/', '\n', '<b>', '</b>', '</p>', '&amp;', 'amp;', '</title>', '<!--', '-->', '\u2019'];
    for (let doc = 0; doc < 40; doc++) {
      const para = () => Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(WORDS)).join(' ');
      let text = '<html><body>\n' + Array.from({ length: 3 + Math.floor(random() * 8) }, () => { const b = pick(BLOCKS); return `<${b}>${para()}</${b}>`; }).join('\n') + '\n</body></html>\n';
      const linter = new DocumentLinter(terms, { format: 'html' });
      linter.lint(text);
      for (let edit = 0; edit < 40; edit++) {
        const at = Math.floor(random() * (text.length + 1));
        if (random() < 0.65) text = text.slice(0, at) + pick(KEYS) + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + (random() < 0.1 ? Math.floor(random() * 20) : 0));
        const expected = lintText(text, terms, { format: 'html' });
        assert.deepEqual(linter.lint(text), expected, `document ${doc}, edit ${edit}:\n${JSON.stringify(text)}`);
      }
    }
  });

  // Han uses cover no word tokens: they are kept and shifted by offset, and must survive edits as word matches do.
  const zhTerms = compiledOf([
    { term: 'Guangzhou', languages: { 'zh-Hans': { approved: '广州' }, 'zh-Hant': { approved: '廣州' } } },
    { term: 'Guangdong Province', languages: { 'zh-Hans': { approved: '广东省' }, 'zh-Hant': { approved: '廣東省' } } },
    { term: 'Greater Bay Area', languages: { 'zh-Hans': { approved: '粤港澳大湾区', admitted: ['大湾区'] }, 'zh-Hant': { approved: '粵港澳大灣區' } } },
    { term: 'new quality productivity forces', languages: { 'zh-Hans': { approved: '新质生产力', forbidden: ['新质量生产力'] }, 'zh-Hant': { approved: '新質生產力' } } },
    { term: '5G base station', languages: { 'zh-Hans': { approved: '5G基站' } } },
    { term: 'Macao', forbidden: ['Macau'], languages: { 'zh-Hans': { approved: '澳门' }, 'zh-Hant': { approved: '澳門' } } },
    { term: 'GDP' },
  ]);
  const ZH_PIECES = [
    '广州', '廣州', '广州市', '推广州际', '广东省', '广東省', '粤港澳大湾区', '粵港澳大灣區', '大湾区', '粤港澳大弯区', '新质生产力', '新知生产力', '新质量生产力',
    '5G基站', '５Ｇ基站', 'ＧＤＰ', 'GDP', 'Macau', '澳门', '澳門', '𠀋', '𡘙', '的', '和', '推', '。', '，', '**', '\n', '\n\n', '# ', '- ', '`', '```\n', '　',
    '<!-- termlint-disable-next-line -->\n',
  ];
  for (const [language, lang] of [['markdown', 'zh-Hans'], ['plaintext', 'zh-Hant']] as [FormatId, string][]) {
    it(`gives lintText's results after every random edit of Chinese text (${language}, ${lang})`, () => {
      const random = rng(lang === 'zh-Hans' ? 31 : 37);
      for (let doc = 0; doc < 15; doc++) {
        let text = randomText(random, 30 + Math.floor(random() * 60), ZH_PIECES);
        const linter = new DocumentLinter(zhTerms, { format: language, lang });
        for (let edit = 0; edit < 20; edit++) {
          text = randomEdit(random, text, ZH_PIECES);
          const expected = lintText(text, zhTerms, { format: language, lang });
          assert.deepEqual(linter.lint(text), expected, `document ${doc}, edit ${edit}:\n${JSON.stringify(text)}`);
        }
      }
    });
  }

  it('finds a directive typed or completed one character at a time, and drops it as it is deleted', () => {
    // Documents without a directive are searched for one only where an edit wrote (DocumentLinter.relint).
    for (const language of ['markdown', 'plaintext', 'html'] as FormatId[]) {
      const lines = 'Visits to Macau rose.\nThe Macau office opened.\n';
      const directive = language === 'plaintext' ? '# termlint-disable-next-line\n' : '<!-- termlint-disable-next-line -->\n';
      const linter = new DocumentLinter(terms, { format: language });
      const check = (text: string, what: string) => assert.deepEqual(linter.lint(text), lintText(text, terms, { format: language }), `${language}, ${what}: ${JSON.stringify(text)}`);
      let text = lines;
      check(text, 'start');
      const at = lines.indexOf('The');
      for (let i = 1; i <= directive.length; i++) check((text = lines.slice(0, at) + directive.slice(0, i) + lines.slice(at)), `typed ${i}`);
      assert.equal(lintText(text, terms, { format: language }).findings.length, 1, 'the line after the directive is not checked');
      // Broken in the middle of its mark, then mended: the mark is made by an edit next to it.
      const mark = text.indexOf('termlint-') + 4;
      check((text = text.slice(0, mark) + 'X' + text.slice(mark)), 'mark broken');
      check((text = text.slice(0, mark) + text.slice(mark + 1)), 'mark mended');
      while (text.length > lines.length) check((text = text.slice(0, at) + text.slice(at + 1)), 'deleting');
      assert.equal(text, lines);
    }
  });

  it("after a term-list change (withTerms), gives lintText's results with the new list, edited or not", () => {
    const other = compiledOf([
      { term: 'Hong Kong', forbidden: ['Hongkong'] },
      { term: 'Guangdong Province', admitted: ['Guangdong province'] },
      { term: 'Shenzen Bay' },
      { term: 'Qianhai', forbidden: ['Chienhai'] },
      { term: 'Greater Bay area' },
    ]);
    for (const language of ['markdown', 'plaintext', 'html'] as FormatId[]) {
      const random = rng(language === 'markdown' ? 31 : language === 'plaintext' ? 37 : 41);
      const pieces = [...(language === 'html' ? HTML_PIECES : PIECES), 'Qianhai', 'Chienhai', 'Hongkong', 'Shenzen Bay', 'Guangdong province'];
      for (let doc = 0; doc < 30; doc++) {
        let text = randomText(random, 40 + Math.floor(random() * 120), pieces);
        let linter = new DocumentLinter(terms, { format: language });
        let current = terms;
        for (let step = 0; step < 12; step++) {
          if (random() < 0.3) {
            current = current === terms ? other : terms;
            linter = linter.withTerms(current);
            assert.equal(linter.compiled, current);
          }
          // Sometimes the next lint is of the same text (matching only), sometimes of an edit.
          if (random() < 0.6) text = randomEdit(random, text, pieces);
          assert.deepEqual(linter.lint(text), lintText(text, current, { format: language }), `${language} document ${doc}, step ${step}:\n${JSON.stringify(text)}`);
        }
      }
    }
  });

  // Edits far larger than a keystroke: the re-scanned range, the tokens and matches shifted past it, and the
  // state two linters share after withTerms (DocumentLinter.relint) must hold for them too.
  it("gives lintText's results after pastes of thousands of characters and cuts of up to half the text", () => {
    for (const language of ['markdown', 'plaintext', 'html'] as FormatId[]) {
      const random = rng(language === 'markdown' ? 59 : language === 'plaintext' ? 61 : 67);
      const pieces = language === 'html' ? HTML_PIECES : PIECES;
      let text = randomText(random, 60, pieces);
      const linter = new DocumentLinter(terms, { format: language });
      linter.lint(text);
      for (let step = 0; step < 16; step++) {
        const at = Math.floor(random() * (text.length + 1));
        // Pastes of 2,000 to 6,000 characters, cuts of up to half.
        if (step % 4 !== 3) text = text.slice(0, at) + randomText(random, 200 + Math.floor(random() * 400), pieces) + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + Math.floor(random() * (text.length / 2)));
        assert.deepEqual(linter.lint(text), lintText(text, terms, { format: language }), `${language}, step ${step} (${text.length} characters)`);
      }
    }
  });

  it('a linter and the one withTerms made from it, edited apart, each give lintText\'s results', () => {
    const other = compiledOf([{ term: 'Hong Kong', forbidden: ['Hongkong'] }, { term: 'Qianhai', forbidden: ['Chienhai'] }]);
    for (const language of ['markdown', 'plaintext', 'html'] as FormatId[]) {
      const random = rng(language === 'markdown' ? 71 : language === 'plaintext' ? 73 : 79);
      const pieces = [...(language === 'html' ? HTML_PIECES : PIECES), 'Qianhai', 'Chienhai', 'Hongkong'];
      for (let doc = 0; doc < 10; doc++) {
        let a = randomText(random, 80, pieces);
        const first = new DocumentLinter(terms, { format: language });
        first.lint(a);
        a = randomEdit(random, a, pieces);
        first.lint(a);
        const second = first.withTerms(other);
        let b = a;
        for (let step = 0; step < 8; step++) {
          a = randomEdit(random, a, pieces);
          b = randomEdit(random, b, pieces);
          assert.deepEqual(first.lint(a), lintText(a, terms, { format: language }), `${language} document ${doc}, step ${step}, the first linter`);
          assert.deepEqual(second.lint(b), lintText(b, other, { format: language }), `${language} document ${doc}, step ${step}, the second linter`);
        }
      }
    }
  });

  it("after compact() (the scan dropped while nobody edits), still gives lintText's results", () => {
    for (const language of ['markdown', 'plaintext', 'html'] as FormatId[]) {
      const random = rng(language === 'markdown' ? 43 : language === 'plaintext' ? 47 : 53);
      const pieces = language === 'html' ? HTML_PIECES : PIECES;
      for (let doc = 0; doc < 20; doc++) {
        let text = randomText(random, 40 + Math.floor(random() * 120), pieces);
        const linter = new DocumentLinter(terms, { format: language });
        for (let step = 0; step < 12; step++) {
          if (random() < 0.4) linter.compact();
          if (random() < 0.7) text = randomEdit(random, text, pieces);
          assert.deepEqual(linter.lint(text), lintText(text, terms, { format: language }), `${language} document ${doc}, step ${step}`);
          assert.equal(linter.text, text);
        }
      }
    }
  });

  // A keystroke moves the matches after it in place (document.ts moveMatch); results handed out before it make their
  // uses when first read, which may be edits later, and must make them at their own offsets, not the moved ones.
  it('makes the uses of a result read after later edits at its own offsets, and leaves its findings as they were', () => {
    const random = rng(97);
    for (const format of ['markdown', 'plaintext', 'html'] as FormatId[]) {
      for (let doc = 0; doc < 12; doc++) {
        let text = randomText(random, 60 + Math.floor(random() * 80));
        const linter = new DocumentLinter(terms, { format });
        const kept: { text: string; result: ReturnType<DocumentLinter['lint']>; findings: string }[] = [];
        for (let edit = 0; edit < 30; edit++) {
          // Typing (mostly before the document's uses, so that they move), now and then a larger edit.
          const at = Math.floor(random() * random() * (text.length + 1));
          text = random() < 0.8 ? text.slice(0, at) + 'xy -\n'[Math.floor(random() * 5)] + text.slice(at) : randomEdit(random, text);
          const result = linter.lint(text);
          kept.push({ text, result, findings: JSON.stringify(result.findings) });
          // Some results' uses are read at once: their matches' uses are then made and kept on them.
          if (random() < 0.25) void result.occurrences.length;
        }
        // Read in a random order, long after they were made.
        for (const k of kept.map((_, i) => i).sort(() => random() - 0.5)) {
          const { text: t, result, findings } = kept[k]!;
          const expected = lintText(t, terms, { format });
          assert.deepEqual(result.occurrences, expected.occurrences, `${format} document ${doc}, result ${k}`);
          assert.equal(JSON.stringify(result.findings), findings, `${format} document ${doc}, result ${k}: findings changed`);
          assert.deepEqual(result.findings, expected.findings);
        }
        // And the linter goes on from its last state as lintText does.
        text = 'Macau and HongKong. ' + text;
        assert.deepEqual(linter.lint(text), lintText(text, terms, { format }));
      }
    }
  });

  it('returns the same result object for unchanged text, and results already handed out keep their offsets', () => {
    const linter = new DocumentLinter(terms, { format: 'markdown' });
    const text = 'Firms in HongKong agree.\n\nExports from Guang dong rose.\n';
    const first = linter.lint(text);
    assert.equal(linter.lint(text), first);
    const before = JSON.stringify(first);
    const edited = 'New: ' + text;
    const second = linter.lint(edited);
    assert.equal(JSON.stringify(first), before);
    assert.deepEqual(second.findings.map((f) => f.start - 5), first.findings.map((f) => f.start));
  });
});
