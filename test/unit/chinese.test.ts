/**
 * Chinese drafts: the Han matcher's kinds and traps as a table (each case its own names and sentences, so a
 * class of mistakes is covered, not one instance), the document language decided from names, settings and text,
 * folding that maps offsets back exactly (astral characters too), and properties over mixed Han / Latin /
 * full-width / astral text: ranges valid, fixes inside their findings, fix-all settling.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { detectLanguage, documentLanguage, languageFromName } from '../../server/src/core/languages/detect';
import { dominantScript, foldText } from '../../server/src/core/languages/chinese/fold';
import { lintText, lintTogether } from '../../server/src/core/lint';
import { termsIn } from '../../server/src/core/matching/hanTerms';
import type { FormatId } from '../../server/src/core/types';
import { bundledTerms, compiledOf } from '../helpers/terms';
import { rng } from '../helpers/random';

const terms = compiledOf([
  { term: 'Guangzhou', languages: { 'zh-Hans': { approved: '广州' }, 'zh-Hant': { approved: '廣州' } } },
  { term: 'Shenzhen', languages: { 'zh-Hans': { approved: '深圳' }, 'zh-Hant': { approved: '深圳' } } },
  { term: 'Nansha District', languages: { 'zh-Hans': { approved: '南沙区' }, 'zh-Hant': { approved: '南沙區' } } },
  { term: 'Guangdong Province', languages: { 'zh-Hans': { approved: '广东省' }, 'zh-Hant': { approved: '廣東省' } } },
  { term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' }, 'zh-Hant': { approved: '橫琴' } } },
  { term: 'Qianhai Cooperation Zone', languages: { 'zh-Hans': { approved: '前海合作区' }, 'zh-Hant': { approved: '前海合作區' } } },
  { term: 'Hong Kong-Zhuhai-Macao Bridge', languages: { 'zh-Hans': { approved: '港珠澳大桥', forbidden: ['港澳珠大桥'] }, 'zh-Hant': { approved: '港珠澳大橋' } } },
  { term: 'information', languages: { 'zh-Hans': { approved: '信息' }, 'zh-Hant': { approved: '資訊' } } },
  { term: 'Taizhou City', languages: { 'zh-Hans': { approved: '泰州市' } } },
  { term: 'smart manufacturing', languages: { 'zh-Hans': { approved: '智能制造', admitted: ['智慧制造'] }, 'zh-Hant': { approved: '智能製造' } } },
  { term: 'emerging industries', languages: { 'zh-Hans': { approved: '新兴产业' } } },
  { term: '5G base station', languages: { 'zh-Hans': { approved: '5G基站' }, 'zh-Hant': { approved: '5G基站' } } },
  { term: 'GDP' },
  { term: 'Macao', forbidden: ['Macau'] },
  { term: 'Science City', languages: { 'zh-Hans': { approved: '科学城' }, 'zh-Hant': { approved: '科學城' } } },
  { term: 'digital economy', languages: { 'zh-Hans': { approved: '数字经济' } } },
]);

interface Case {
  name: string;
  text: string;
  lang?: string;
  format?: FormatId;
  /** [kind, found, preferred fix]; none: nothing is reported. */
  findings: [string, string, string][];
}

const CASES: Case[] = [
  { name: 'correct Simplified text', text: '广州和深圳共建横琴。', findings: [] },
  { name: 'a term at the start of a longer word is a use', text: '广州市与深圳湾的合作。', findings: [] },
  { name: 'a word crossing the start is no use', text: '要推广州际交流。', findings: [] },
  { name: 'a Traditional term in a Simplified draft', text: '前往橫琴和前海合作區。', findings: [['script', '橫琴', '横琴'], ['script', '前海合作區', '前海合作区']] },
  { name: 'one Traditional character inside a Simplified name', text: '廣东省的发展。', findings: [['script', '廣东省', '广东省']] },
  { name: 'a Simplified term in a Traditional draft', lang: 'zh-Hant', text: '港珠澳大桥連接三地。', findings: [['script', '港珠澳大桥', '港珠澳大橋']] },
  { name: 'the other script\'s own word', text: '加强資訊共享。', findings: [['script', '資訊', '信息']] },
  { name: 'Hong Kong variant characters fold too', lang: 'zh-Hant', text: '南沙區和深圳。', findings: [] },
  { name: 'full-width digits and letters inside a Chinese term', text: '建设５Ｇ基站。', findings: [['width', '５Ｇ基站', '5G基站']] },
  { name: 'an English term written full-width in Chinese prose', text: '全省ＧＤＰ增长。', findings: [['width', 'ＧＤＰ', 'GDP']] },
  { name: 'English terms keep the English rules', text: '他到了Macau和广州。', findings: [['forbidden', 'Macau', 'Macao']] },
  { name: 'a forbidden Chinese form', text: '港澳珠大桥通车。', findings: [['forbidden', '港澳珠大桥', '港珠澳大桥']] },
  { name: 'a forbidden form in the other script is still forbidden', text: '港澳珠大橋通车。', findings: [['forbidden', '港澳珠大橋', '港珠澳大桥']] },
  { name: 'a homophone typo in a long name', text: '深化前海合做区建设。', findings: [['misspelling', '前海合做区', '前海合作区']] },
  { name: 'a homophone typo in a three-character name', text: '位于南莎区。', findings: [['misspelling', '南莎区', '南沙区']] },
  { name: 'a real place name is no typo', text: '台州市与泰州市。', findings: [] },
  { name: 'a character that belongs to a word beyond the span is no typo', text: '科学成果丰硕。', findings: [] },
  { name: 'one real word for another in a short form is no typo', text: '培育新型产业。', findings: [] },
  { name: 'a different sound is no typo', text: '南京区。', findings: [] },
  { name: 'mixing admitted forms: the majority wins', text: '发展智能制造，推进智能制造，也说智慧制造。', findings: [['inconsistent', '智慧制造', '智能制造']] },
  { name: 'a term through emphasis and across a line break', format: 'markdown', text: '推进**前海**合作区和港珠澳大\n桥。', findings: [] },
  { name: 'a Traditional term through markup keeps the markup', format: 'markdown', text: '**前海**合作區。', findings: [['script', '前海**合作區', '前海**合作区']] },
  { name: 'code, URLs and link targets are not read', format: 'markdown', text: '`橫琴` [链接](https://x.org/橫琴) <https://x.org/港澳珠大桥>', findings: [] },
  { name: 'a disabled line is not read', format: 'markdown', text: '<!-- termlint-disable-next-line -->\n橫琴。\n\n横琴。', findings: [] },
  { name: 'astral characters around a term', text: '𠀋橫琴𡘙。', findings: [['script', '橫琴', '横琴']] },
  { name: 'a 5G key does not start inside a Latin word', text: 'A5G基站。', findings: [] },
  { name: 'no homophones with --no-fuzzy', text: '位于南莎区。', findings: [] },
];

function options(c: Case) {
  return { format: c.format ?? 'plaintext', lang: c.lang ?? 'zh-Hans', fuzzy: !c.name.includes('no-fuzzy') };
}

function lint(c: Case) {
  return lintText(c.text, terms, options(c));
}

describe('Chinese drafts: kinds and traps', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = lint(c);
      assert.deepEqual(r.findings.map((f) => [f.kind, f.found, f.replacements[0]!.text]), c.findings, JSON.stringify(r.findings, null, 1));
      for (const f of r.findings) {
        assert.equal(c.text.slice(f.start, f.end), f.found);
        for (const e of f.replacements[0]!.edits) assert.ok(e.start >= f.start && e.end <= f.end, 'edits stay in the span');
      }
      // Fixing everything once leaves nothing to fix.
      const fixed = applyEdits(c.text, fixAllEdits(r.findings));
      assert.deepEqual(lintText(fixed, terms, options(c)).findings.map((f) => f.found), [], fixed);
    });
  }

  it('fixes edit only what differs, character by character', () => {
    const r = lintText('到橫琴。', terms, { format: 'plaintext', lang: 'zh-Hans' });
    assert.deepEqual(r.findings[0]!.replacements[0]!.edits, [{ start: 1, end: 2, text: '横' }]);
  });

  it('names Chinese terms by their approved form in the document\'s script, found through termsIn', () => {
    const hans = lintText('橫琴', terms, { format: 'plaintext', lang: 'zh-Hans' });
    const hant = lintText('横琴', terms, { format: 'plaintext', lang: 'zh-Hant' });
    assert.equal(hans.lang, 'zh-Hans');
    assert.equal(hans.findings[0]!.termId, '横琴');
    assert.equal(hant.findings[0]!.termId, '橫琴');
    assert.equal(termsIn(terms, hans.lang).get('横琴')?.translations.en, 'Hengqin');
    assert.equal(termsIn(terms, undefined), terms.terms);
  });

  it('reads English documents exactly as before', () => {
    const text = 'Macau and 橫琴 and ＧＤＰ.';
    const en = lintText(text, terms, { format: 'plaintext' });
    assert.deepEqual(en.findings.map((f) => f.kind), ['forbidden']);
    assert.equal(en.lang, undefined);
  });

  it('lints the bundled example draft with every Chinese kind, and fix-all settles it', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'draft.zh.md'), 'utf8');
    const compiled = bundledTerms();
    const r = lintText(text, compiled, { format: 'markdown', lang: 'zh-Hans' });
    assert.deepEqual([...new Set(r.findings.map((f) => f.kind))].sort(), ['forbidden', 'inconsistent', 'misspelling', 'script', 'width']);
    const fixed = applyEdits(text, fixAllEdits(r.findings));
    assert.deepEqual(lintText(fixed, compiled, { format: 'markdown', lang: 'zh-Hans' }).findings, []);
  });
});

describe('Chinese drafts: linted together with English ones (the workspace scope)', () => {
  it('each document is read in its own language: the Chinese one finds what lintText finds, the English variants are counted among the English', () => {
    const terms = bundledTerms();
    const zh = { text: '大湾区的企业受益。深圳（Ｓｈｅｎｚｈｅｎ）增长，澳門和香港合作。\n\n粵港澳大灣區建设提速。\n', format: 'markdown' as const, options: { lang: 'zh-Hans' } };
    const en = { text: 'The cross-border plan. The cross border plan. The cross-border fund.\n', format: 'markdown' as const, options: { lang: 'en' } };
    const [zhResult, enResult] = lintTogether([zh, en], terms, { lang: 'en' }, 'the files checked write');
    assert.deepEqual(zhResult!.findings, lintText(zh.text, terms, { format: 'markdown', lang: 'zh-Hans' }).findings);
    assert.deepEqual(
      zhResult!.findings.map((f) => f.kind),
      ['abbreviation', 'width', 'script', 'script'],
    );
    assert.ok(enResult!.findings.some((f) => f.kind === 'variant' && f.found === 'cross border'), JSON.stringify(enResult!.findings));
  });
});

describe('Chinese drafts: the document language', () => {
  it('takes a tag just before the extension of the file name', () => {
    assert.equal(languageFromName('docs/draft.zh.md'), 'zh');
    assert.equal(languageFromName('draft.zh-Hant.md'), 'zh-Hant');
    assert.equal(languageFromName('C:\\\\x\\\\press.zh-HK.html'), 'zh-HK');
    assert.equal(languageFromName('draft.zh_TW.txt'), 'zh-TW');
    assert.equal(languageFromName('draft.en.md'), 'en');
    for (const name of ['draft.md', 'zh.md', 'notes.final.md', 'v2.de.md', 'a.b.md']) assert.equal(languageFromName(name), undefined, name);
  });

  it('prefers the name, then a setting other than auto, then the text', () => {
    assert.deepEqual(documentLanguage('a.zh-HK.md', 'en', 'Hello'), { tag: 'zh-HK', source: 'file name' });
    assert.deepEqual(documentLanguage('a.zh.md', undefined, '粵港澳大灣區'), { tag: 'zh-Hant', source: 'file name' });
    assert.deepEqual(documentLanguage('a.md', 'zh-Hant', 'Hello'), { tag: 'zh-Hant', source: 'setting' });
    assert.deepEqual(documentLanguage('a.md', 'auto', '广州和深圳的合作'), { tag: 'zh-Hans', source: 'text' });
    assert.deepEqual(documentLanguage('a.md', 'not a tag!', 'Hello world'), { tag: 'en', source: 'default' });
  });

  it('detects Chinese when Han characters outnumber Latin letters, in the script most of it is written in', () => {
    assert.equal(detectLanguage('广州和深圳共建粤港澳大湾区。GDP'), 'zh-Hans');
    assert.equal(detectLanguage('廣州和深圳共建粵港澳大灣區。'), 'zh-Hant');
    assert.equal(detectLanguage('Guangdong (广东) and Shenzhen (深圳) work together.'), 'en');
    assert.equal(detectLanguage(''), 'en');
    assert.equal(dominantScript('香港'), 'zh-Hans', 'characters both scripts share decide nothing');
  });
});

describe('Chinese drafts: folding', () => {
  it('folds width and script code point by code point, astral characters included', () => {
    assert.equal(foldText('粵港澳大灣區'), '粤港澳大湾区');
    assert.equal(foldText('５Ｇ　基站'), '5G 基站');
    assert.equal(foldText('為裡臺'), '为里台');
    assert.equal(foldText('广州'), '广州', 'Simplified text folds to itself');
    const astral = foldText('𧶏');
    assert.equal([...astral].length, 1, 'one code point folds to one code point');
  });

  it('maps offsets back exactly when a folded character changes UTF-16 length', () => {
    const astral = [...'𧶏𨋢𩣑𩥄'].find((c) => foldText(c).length !== c.length);
    assert.ok(astral, 'OpenCC has characters whose fold changes length');
    const t = compiledOf([{ term: 'x', languages: { 'zh-Hans': { approved: `${foldText(astral!)}城` }, 'zh-Hant': { approved: `${astral}城` } } }]);
    const text = `在${astral}城和${foldText(astral!)}城。`;
    const r = lintText(text, t, { format: 'plaintext', lang: 'zh-Hans' });
    assert.deepEqual(r.findings.map((f) => f.found), [`${astral}城`]);
    assert.equal(r.findings[0]!.start, 1);
    assert.equal(applyEdits(text, fixAllEdits(r.findings)), `在${foldText(astral!)}城和${foldText(astral!)}城。`);
  });
});

describe('Chinese drafts: properties over mixed text', () => {
  const PIECES = ['广州', '廣州', '广州市', '推广州际', '南沙区', '南莎区', '南沙區', '横琴', '橫琴', '前海合作区', '前海合做区', '港澳珠大桥', '智慧制造', '智能制造',
    '5G基站', '５Ｇ基站', 'ＧＤＰ', 'GDP', 'Macau', 'Shenzen', '𠀋', '𡘙', '𧶏', '的', '和', '，', '。', ' ', '\n', '\n\n', '**', '`', '　', 'Ａ', 'a'];
  it('keeps every range valid, every fix inside its finding, and fix-all settling', () => {
    const random = rng(41);
    for (let n = 0; n < 150; n++) {
      let text = '';
      const count = 5 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        const r = lintText(text, terms, { format: 'markdown', lang });
        for (const f of r.findings) {
          assert.ok(0 <= f.start && f.start < f.end && f.end <= text.length, JSON.stringify(text));
          assert.equal(text.slice(f.start, f.end), f.found);
          // No range cuts a surrogate pair.
          for (const at of [f.start, f.end]) assert.ok(!(text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff), JSON.stringify(text));
          for (const rep of f.replacements) for (const e of rep.edits) assert.ok(e.start >= f.start && e.end <= f.end && e.start <= e.end);
        }
        for (const o of r.occurrences) assert.ok(0 <= o.start && o.start < o.end && o.end <= text.length);
        let fixed = text;
        for (let round = 0; round < 3; round++) {
          const now = lintText(fixed, terms, { format: 'markdown', lang }).findings;
          if (now.length === 0) break;
          fixed = applyEdits(fixed, fixAllEdits(now));
        }
        const again = applyEdits(fixed, fixAllEdits(lintText(fixed, terms, { format: 'markdown', lang }).findings));
        assert.equal(again, fixed, `fix-all is idempotent: ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('language detection remembers a text\'s start', () => {
  it('gives the same answer for texts that share their start, and a new one when the start changes', () => {
    const han = '粤港澳大湾区建设'.repeat(20_000);
    const latin = 'Greater Bay Area '.repeat(10_000);
    // Long texts: detection reads their first 100,000 characters.
    assert.equal(detectLanguage(han + latin), 'zh-Hans');
    assert.equal(detectLanguage(han + latin + 'more'), 'zh-Hans');
    assert.equal(detectLanguage(latin + han), 'en');
    assert.equal(detectLanguage(latin + han.slice(1)), 'en');
    // A text sharing half its start with one read before is read again.
    assert.equal(detectLanguage(latin.slice(0, 50_000) + han), 'zh-Hans');
    // An edit inside the start is read again.
    const edited = latin.slice(0, 10) + '國'.repeat(60_000) + latin.slice(10);
    assert.equal(detectLanguage(edited), 'zh-Hant');
    assert.equal(detectLanguage('Short English text.'), 'en');
    assert.equal(detectLanguage('短的中文文本，广州。'), 'zh-Hans');
    assert.equal(detectLanguage('Short English text.'), 'en');
  });
});

describe('language detection reads a text as the full count does', () => {
  /** The rule as the README gives it: the first 100,000 code units, Han against Latin letters, then the script. */
  function byTheRule(text: string): string {
    const to = Math.min(text.length, 100_000);
    let han = 0;
    let latin = 0;
    for (let i = 0; i < to; i++) {
      const c = text.charCodeAt(i);
      if (/[A-Za-z]/.test(text[i]!)) latin++;
      else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)) han++;
    }
    return han === 0 || han <= latin ? 'en' : dominantScript(text, 0, to);
  }

  // English with a few Han characters (the quick reading), Chinese, and mixes near the balance and near the
  // 100,000th character, astral ideographs (a surrogate pair) and full-width letters (not Latin to the count).
  const PIECES = ['Greater Bay Area ', 'Guangdong (广东) ', '粤港澳大湾区', '廣州和深圳', '国', '國', '𠀀', '𪚥', 'ＧＤＰ', 'GDP ', '. ', '\n\n', '2025 ', 'é', '丽'];

  it('gives the rule\'s answer for random mixes, long and short, and for texts edited at their start', () => {
    const random = rng(19);
    let checked = 0;
    let quick = 0;
    for (let i = 0; i < 400; i++) {
      let text = '';
      const long = random() < 0.15;
      // A long text is padded to a random length around the sample's end, in one script or the other.
      if (long) text = (random() < 0.5 ? 'Policy draft on the Greater Bay Area. ' : '粤港澳大湾区建设规划纲要。').repeat(2_000 + Math.floor(random() * 2_500));
      const n = 1 + Math.floor(random() * 60);
      for (let k = 0; k < n; k++) {
        const piece = PIECES[Math.floor(random() * PIECES.length)]!;
        const at = Math.floor(random() * (text.length + 1));
        text = text.slice(0, at) + piece.repeat(1 + Math.floor(random() * 40)) + text.slice(at);
      }
      assert.equal(detectLanguage(text), byTheRule(text), `text ${i}, ${text.length} characters: ${JSON.stringify(text.slice(0, 120))}`);
      if (byTheRule(text) === 'en' && /[\u4e00-\u9fff]/.test(text.slice(0, 100_000))) quick++;
      // Typed at its start: the answer is read again, not remembered from the text before.
      const typed = '國'.repeat(1 + Math.floor(random() * 300)) + text;
      assert.equal(detectLanguage(typed), byTheRule(typed), `text ${i} typed at its start`);
      checked += 2;
    }
    assert.equal(checked, 800);
    // Enough English texts with Han characters in them to have gone through the quick reading's count.
    assert.ok(quick > 30, `English texts with Han characters: ${quick}`);
  });

  it('reads a text with more Han characters than the quick reading counts by the full count', () => {
    const english = 'The Greater Bay Area plan. '.repeat(100);
    const han = '粤'.repeat(600);
    assert.equal(detectLanguage(english + han), byTheRule(english + han));
    assert.equal(detectLanguage(english + han), 'en');
    assert.equal(detectLanguage(han + 'GDP'), 'zh-Hans');
    // Exactly as many Latin letters as Han characters is English; one Han character more is not.
    assert.equal(detectLanguage('ab广东'), 'en');
    assert.equal(detectLanguage('a广东'), 'zh-Hans');
    assert.equal(detectLanguage('𠀀a'), 'en');
  });
});
