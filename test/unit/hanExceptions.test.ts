/**
 * Exceptions written in Chinese (core/matching/hanExceptions.ts): an official name or fixed wording that keeps a
 * spelling the list corrects covers the Han uses inside it, as "University of Macau" covers "Macau": not
 * reported, not fixed (fix-all and its fixed point), not counted for consistency, in one script or the other,
 * through markup and one line break, on the incremental path too. Table-driven: { text, findings, excepted }.
 */
import * as assert from 'node:assert/strict';
import type { CompiledTerms } from '../../server/src/core/compile';
import { DocumentLinter } from '../../server/src/core/document';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { fixToFixedPoint } from '../../server/src/core/fixPoint';
import { lintText } from '../../server/src/core/lint';
import type { FormatId, LintOptions } from '../../server/src/core/types';
import { rng } from '../helpers/random';
import { compiledOf } from '../helpers/terms';

const terms = compiledOf(
  [
    // The constitution's fixed wording keeps 共赢 whatever a draft mostly writes.
    { term: 'win-win', languages: { 'zh-Hans': { approved: '共赢', admitted: ['双赢'] }, 'zh-Hant': { approved: '共贏', admitted: ['雙贏'] } }, exceptions: ['互利共赢开放战略'] },
    // A Simplified draft writes 信息; Hong Kong's office keeps 资讯 in its name, in either script.
    { term: 'information', languages: { 'zh-Hans': { approved: '信息' }, 'zh-Hant': { approved: '資訊' } }, exceptions: [{ phrase: '资讯科技总监办公室', note: 'The office keeps its name.' }] },
    // A Traditional list that corrects 數位化, and the ministry whose name keeps it.
    { term: 'digitalization', languages: { 'zh-Hans': { approved: '数字化' }, 'zh-Hant': { approved: '數字化', forbidden: ['數位化'] } }, exceptions: ['數位化轉型辦公室'] },
    { term: 'Qianhai Cooperation Zone', languages: { 'zh-Hans': { approved: '前海合作区', forbidden: ['前海合作园'] }, 'zh-Hant': { approved: '前海合作區' } } },
    { term: 'Macao', forbidden: ['Macau'], languages: { 'zh-Hans': { approved: '澳门' }, 'zh-Hant': { approved: '澳門' } }, exceptions: ['University of Macau'] },
    { term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' }, 'zh-Hant': { approved: '橫琴' } } },
  ],
  // A list's ignore phrases cover any concept's uses.
  { ignore: ['澳門大學', '前海合作园区管理处', '𠀋橫琴'] },
);

interface Case {
  name: string;
  text: string;
  lang?: string;
  format?: FormatId;
  /** Reported, as [kind, found, preferred fix]. */
  findings: [string, string, string][];
  /** Not reported, as [found, phrase]. */
  excepted?: [string, string][];
  terms?: CompiledTerms;
}

const CASES: Case[] = [
  { name: 'an admitted form counted and fixed elsewhere, kept inside fixed wording', text: '双赢。双赢。坚持互利共赢开放战略。共赢。', findings: [['inconsistent', '共赢', '双赢']], excepted: [['共赢', '互利共赢开放战略']] },
  { name: 'the other script\'s word inside a name it keeps', text: '香港资讯科技总监办公室发布资讯。', findings: [['script', '资讯', '信息']], excepted: [['资讯', '资讯科技总监办公室']] },
  { name: 'the name written in the other script still reads as the name', text: '香港資訊科技總監辦公室。', findings: [], excepted: [['資訊', '资讯科技总监办公室']] },
  { name: 'a forbidden form inside an official name, in a Traditional draft', lang: 'zh-Hant', text: '數位化轉型辦公室推動數位化。', findings: [['forbidden', '數位化', '數字化']], excepted: [['數位化', '數位化轉型辦公室']] },
  { name: 'an exception written in one script covers the other', lang: 'zh-Hant', text: '數位化转型辦公室。', findings: [], excepted: [['數位化', '數位化轉型辦公室']] },
  { name: "a list's ignore phrase covers any concept", text: '澳門大學在横琴，澳門在南方。', findings: [['script', '澳門', '澳门']], excepted: [['澳門', '澳門大學']] },
  { name: "an ignore phrase covers a forbidden form", text: '前海合作园区管理处发文，前海合作园发展。', findings: [['forbidden', '前海合作园', '前海合作区']], excepted: [['前海合作园', '前海合作园区管理处']] },
  { name: "a concept's exception covers only its own uses", text: '前海合作园的互利共赢开放战略。', findings: [['forbidden', '前海合作园', '前海合作区']], excepted: [['共赢', '互利共赢开放战略']] },
  { name: 'another character in the middle breaks the phrase', text: '坚持互利与共赢开放战略。双赢，双赢。', findings: [['inconsistent', '共赢', '双赢']] },
  { name: 'the phrase must hold the whole use', text: '香港资讯科技。', findings: [['script', '资讯', '信息']] },
  { name: 'across one line break', text: '坚持互利共\n赢开放战略。', findings: [], excepted: [['共\n赢', '互利共赢开放战略']] },
  { name: 'across emphasis in Markdown', format: 'markdown', text: '坚持**互利共赢**开放战略。\n', findings: [], excepted: [['共赢', '互利共赢开放战略']] },
  { name: 'across inline HTML', format: 'html', text: '<p>香港<b>资讯</b>科技总监办公室</p>', findings: [], excepted: [['资讯', '资讯科技总监办公室']] },
  { name: 'a phrase does not run across blocks', format: 'markdown', text: '坚持互利\n\n共赢开放战略。\n\n双赢双赢\n', findings: [['inconsistent', '共赢', '双赢']] },
  { name: 'a bare space breaks the phrase', text: '澳門 大學。', findings: [['script', '澳門', '澳门']] },
  { name: 'full-width and astral characters read as written', text: '𠀋橫琴见。橫琴见。', findings: [['script', '橫琴', '横琴']], excepted: [['橫琴', '𠀋橫琴']] },
  { name: 'English exceptions keep covering English uses in Chinese prose', text: '他在University of Macau任教，也去Macau。', findings: [['forbidden', 'Macau', 'Macao']], excepted: [['Macau', 'University of Macau']] },
];

function options(c: Case): LintOptions {
  return { format: c.format ?? 'plaintext', lang: c.lang ?? 'zh-Hans' };
}

describe('Chinese exceptions', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const compiled = c.terms ?? terms;
      const r = lintText(c.text, compiled, options(c));
      assert.deepEqual(
        r.findings.map((f) => [f.kind, f.found, f.replacements[0]!.text]),
        c.findings,
      );
      assert.deepEqual(
        (r.excepted ?? []).map((e) => [c.text.slice(e.start, e.end), e.phrase]),
        c.excepted ?? [],
      );
      for (const e of r.excepted ?? []) {
        assert.ok(e.phraseStart <= e.start && e.end <= e.phraseEnd, 'the phrase holds the use');
        assert.ok(!r.occurrences.some((o) => o.start === e.start && o.end === e.end), 'an excepted spelling is no use');
      }
      // Never fixed, not even in the rounds of the fixed point.
      const fixed = fixToFixedPoint(c.text, r.findings, (t) => lintText(t, compiled, options(c)).findings).text;
      for (const e of r.excepted ?? []) assert.ok(fixed.includes(c.text.slice(e.phraseStart, e.phraseEnd)), fixed);
      assert.deepEqual(lintText(fixed, compiled, options(c)).findings, [], 'nothing left to fix');
    });
  }

  it('without the exception, the fixed wording counts and the majority flips', () => {
    const plain = compiledOf([{ term: 'win-win', languages: { 'zh-Hans': { approved: '共赢', admitted: ['双赢'] } } }]);
    const text = '双赢。双赢。坚持互利共赢开放战略。共赢。';
    // Two against two: the approved form wins the tie, and the author's 双赢 are "fixed".
    assert.deepEqual(lintText(text, plain, { format: 'plaintext', lang: 'zh-Hans' }).findings.map((f) => f.found), ['双赢', '双赢']);
  });

  it('the incremental linter agrees with lintText as a phrase is typed, broken and restored', () => {
    const linter = new DocumentLinter(terms, { format: 'markdown', lang: 'zh-Hans' });
    const steps = [
      '坚持互利共赢开放战略。\n\n双赢，双赢。\n',
      '坚持互利共赢开放战。\n\n双赢，双赢。\n',
      '坚持互利共赢开放战略。\n\n双赢，双赢。\n',
      '坚持互利共赢开放战略。\n\n香港资讯科技总监办公室，双赢。\n',
      '坚持互利共赢开放战略。\n\n香港资讯科技总监办，双赢。\n',
    ];
    for (const text of steps) {
      const expected = lintText(text, terms, { format: 'markdown', lang: 'zh-Hans' });
      const got = linter.lint(text);
      assert.deepEqual(got.findings, expected.findings, text);
      assert.deepEqual(got.excepted, expected.excepted, text);
    }
  });

  it('random drafts: no finding inside an exception, fix-all never touches one, DocumentLinter agrees', () => {
    const random = rng(1313);
    const pieces = ['互利共赢开放战略', '互利', '共赢', '双赢', '开放战略', '资讯科技总监办公室', '资讯', '資訊', '信息', '澳門大學', '澳門', '澳门', '大學',
      '前海合作园区管理处', '前海合作园', '前海合作区', '數位化', '轉型辦公室', '。', '，', '\n', '\n\n', '**', '`', '# ', '𠀋', '橫琴'];
    for (const format of ['markdown', 'plaintext'] as FormatId[]) {
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        const linter = new DocumentLinter(terms, { format, lang });
        for (let doc = 0; doc < 60; doc++) {
          let text = '';
          for (let i = 0, n = 4 + Math.floor(random() * 20); i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
          const r = lintText(text, terms, { format, lang });
          const edits = fixAllEdits(r.findings);
          for (const e of r.excepted ?? []) {
            assert.ok(!r.findings.some((f) => f.termId === e.termId && e.phraseStart <= f.start && f.end <= e.phraseEnd), JSON.stringify(text));
            assert.ok(!edits.some((edit) => edit.start < e.end && e.start < edit.end), `${format} ${lang}: ${JSON.stringify(text)} → ${applyEdits(text, edits)}`);
          }
          assert.deepEqual(linter.lint(text), r, `${format} ${lang}: ${JSON.stringify(text)}`);
        }
      }
    }
  });

  it('Chinese phrases cost nothing where there are none', () => {
    const plain = compiledOf([{ term: 'Hengqin', languages: { 'zh-Hans': { approved: '横琴' } } }]);
    assert.equal(lintText('横琴。', plain, { format: 'plaintext', lang: 'zh-Hans' }).excepted, undefined);
  });
});
