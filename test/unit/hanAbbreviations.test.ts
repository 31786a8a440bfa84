/**
 * A list's Chinese abbreviation (core/matching/hanAbbreviations.ts): a language block's `abbreviation` declares the
 * short form of a Chinese name, and a Chinese draft writes the full name before it. Table-driven over names and
 * sentences of our own, in both scripts; then the term file's key, fix-all to a fixed point, and the incremental
 * linter held to lintText.
 */
import * as assert from 'node:assert/strict';
import { compileTerms } from '../../server/src/core/compile';
import { DocumentLinter } from '../../server/src/core/document';
import { fixToFixedPoint } from '../../server/src/core/fixPoint';
import { lintText } from '../../server/src/core/lint';
import { parseTermFile } from '../../server/src/core/termlists/json';
import type { FormatId, LintOptions } from '../../server/src/core/types';
import { bundledTerms, compiledOf } from '../helpers/terms';

const terms = compiledOf([
  {
    term: 'Guangdong-Hong Kong-Macao Greater Bay Area',
    languages: { 'zh-Hans': { approved: '粤港澳大湾区', abbreviation: '大湾区' }, 'zh-Hant': { approved: '粵港澳大灣區', abbreviation: '大灣區' } },
  },
  // Declared in Simplified only: a Traditional draft reads the Simplified block (no Traditional forms to write).
  { term: 'Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone', languages: { 'zh-Hans': { approved: '前海深港现代服务业合作区', abbreviation: '前海合作区' } } },
  // The list defines it: documents may use it alone.
  { term: 'Hengqin Guangdong-Macao Deep Cooperation Zone', languages: { 'zh-Hans': { approved: '横琴粤澳深度合作区', abbreviation: '合作区', abbreviationDefined: true } } },
  { term: 'Greater Bay Area', abbreviation: 'GBA', languages: { 'zh-Hans': { approved: '湾区' } } },
]);

interface Case {
  name: string;
  text: string;
  lang?: string;
  format?: FormatId;
  /** The abbreviation findings, as [found, fix]. */
  findings: [string, string][];
}

const CASES: Case[] = [
  { name: 'the full name first, then the short form', text: '粤港澳大湾区建设提速。大湾区的企业受益。', findings: [] },
  { name: 'the short form before the full name', text: '大湾区的企业受益。粤港澳大湾区建设提速。', findings: [['大湾区', '粤港澳大湾区']] },
  { name: 'the short form with no full name at all', text: '大湾区的企业受益，大湾区的高校也受益。', findings: [['大湾区', '粤港澳大湾区']] },
  { name: 'only the first early use is reported', text: '大湾区、大湾区、大湾区。', findings: [['大湾区', '粤港澳大湾区']] },
  { name: 'the short form inside the full name is no use of it', text: '粤港澳大湾区。', findings: [] },
  { name: 'in a Traditional draft, the Traditional full name', lang: 'zh-Hant', text: '大灣區的企業。粵港澳大灣區。', findings: [['大灣區', '粵港澳大灣區']] },
  { name: 'the short form in the other script is read folded', text: '大灣區的企业。粤港澳大湾区。', findings: [['大灣區', '粤港澳大湾区']] },
  { name: 'a full name in the other script counts as written first', text: '粵港澳大灣區建设。大湾区的企业。', findings: [] },
  { name: 'a block declared in Simplified, a Traditional draft', lang: 'zh-Hant', text: '前海合作區的企業。', findings: [['前海合作區', '前海深港现代服务业合作区']] },
  { name: 'a list-defined abbreviation may stand alone', text: '合作区的企业。', findings: [] },
  { name: 'an English abbreviation in Chinese prose keeps the English rule', text: 'GBA的湾区。', findings: [['GBA', 'Greater Bay Area (GBA)']] },
  { name: 'a heading may use the short form', format: 'markdown', text: '# 大湾区\n\n粤港澳大湾区建设提速，大湾区受益。\n', findings: [] },
  { name: 'code is never read', format: 'markdown', text: '`大湾区` 之后，粤港澳大湾区。\n', findings: [] },
  { name: 'full-width and astral characters around it keep offsets', text: '𠀋ＧＤＰ大湾区。', findings: [['大湾区', '粤港澳大湾区']] },
];

function options(c: { format?: FormatId; lang?: string }): LintOptions {
  return { format: c.format ?? 'plaintext', lang: c.lang ?? 'zh-Hans' };
}

describe('Chinese abbreviations', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = lintText(c.text, terms, options(c));
      const got = r.findings.filter((f) => f.kind === 'abbreviation');
      assert.deepEqual(
        got.map((f) => [f.found, f.replacements[0]?.text]),
        c.findings,
      );
      for (const f of got) {
        assert.equal(c.text.slice(f.start, f.end), f.found);
        if (/\p{Script=Han}/u.test(f.found)) assert.match(f.message, /\(abbreviation: used (before|without) its full name/);
      }
      // Fixed, the full name stands first: nothing left to report, and fixing again changes nothing.
      const fixed = fixToFixedPoint(c.text, r.findings, (t) => lintText(t, terms, options(c)).findings);
      assert.deepEqual(lintText(fixed.text, terms, options(c)).findings.filter((f) => f.kind === 'abbreviation'), []);
    });
  }

  it('the fix inserts only the missing characters, and links the later full name', () => {
    const text = '大湾区的企业。粤港澳大湾区建设。';
    const [f] = lintText(text, terms, options({})).findings.filter((x) => x.kind === 'abbreviation');
    assert.deepEqual(f!.replacements[0]!.edits, [{ start: 0, end: 0, text: '粤港澳' }]);
    assert.equal(f!.termId, '大湾区');
    assert.deepEqual(f!.related?.map((r) => text.slice(r.start, r.end)), ['粤港澳大湾区']);
  });

  it('switched off with the abbreviation checks, or left out of the kinds', () => {
    const text = '大湾区的企业。';
    assert.equal(lintText(text, terms, { ...options({}), abbreviations: false }).findings.filter((f) => f.kind === 'abbreviation').length, 0);
    assert.equal(lintText(text, terms, { ...options({}), kinds: ['script'] }).findings.length, 0);
    // An English document never reads Han text for it.
    assert.equal(lintText(text, terms, { format: 'plaintext', lang: 'en' }).findings.filter((f) => f.kind === 'abbreviation').length, 0);
  });

  it('the incremental linter agrees with lintText as the full name is typed in front', () => {
    const linter = new DocumentLinter(terms, options({}));
    let text = '大湾区的企业。\n\n建设提速。';
    assert.deepEqual(linter.lint(text), lintText(text, terms, options({})));
    for (const next of ['粤大湾区的企业。\n\n建设提速。', '粤港澳大湾区的企业。\n\n建设提速。', '粤港澳大湾区的企业。\n\n大湾区建设提速。', '的企业。\n\n大湾区建设提速。']) {
      text = next;
      assert.deepEqual(linter.lint(text), lintText(text, terms, options({})), text);
    }
  });

  it('a list merged over the one that declares it keeps its abbreviation, and may replace it', () => {
    const shipped = { terms: [{ term: 'Guangdong-Hong Kong-Macao Greater Bay Area', languages: { 'zh-Hans': { approved: '粤港澳大湾区', abbreviation: '大湾区' } } }] };
    const team = { terms: [{ term: 'Guangdong-Hong Kong-Macao Greater Bay Area', languages: { 'zh-Hans': { approved: '粤港澳大湾区', admitted: ['粤港澳大湾区城市群'] } } }] };
    const merged = compileTerms([parseTermFile(JSON.stringify(shipped), 's.terms.json').list!, parseTermFile(JSON.stringify(team), 't.terms.json').list!]);
    assert.deepEqual(lintText('大湾区。', merged, options({})).findings.map((f) => [f.kind, f.found]), [['abbreviation', '大湾区']]);
    const renamed = { terms: [{ term: 'Guangdong-Hong Kong-Macao Greater Bay Area', languages: { 'zh-Hans': { approved: '粤港澳大湾区', abbreviation: '湾区' } } }] };
    const both = compileTerms([parseTermFile(JSON.stringify(shipped), 's.terms.json').list!, parseTermFile(JSON.stringify(renamed), 'r.terms.json').list!]);
    assert.deepEqual(lintText('湾区。大湾区。', both, options({})).findings.map((f) => [f.kind, f.found]), [['abbreviation', '湾区']]);
  });

  it("a block's abbreviation in a term file: read, positioned errors, and the bundled list's Greater Bay Area", () => {
    const ok = parseTermFile(JSON.stringify({ terms: [{ term: 'Nansha', languages: { 'zh-Hans': { approved: '南沙新区', abbreviation: '南沙' } } }] }), 'a.terms.json');
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.list!.terms[0]!.languages?.['zh-Hans']?.abbreviation, { short: '南沙', defined: false });
    const bad = parseTermFile('{ "terms": [{ "term": "Nansha", "languages": { "zh-Hans": { "approved": "南沙新区", "abbreviation": "南 沙", "abbreviationDefined": 1 } } }] }', 'b.terms.json');
    assert.deepEqual(
      bad.problems.map((p) => [p.path, p.message.split(':')[0]]),
      [
        ['terms[0].languages.zh-Hans.abbreviation', '"abbreviation" must be one word of at most 20 characters with a letter, such as "IPP" or "大湾区"'],
        ['terms[0].languages.zh-Hans.abbreviationDefined', '"abbreviationDefined" must be true or false'],
      ],
    );
    const lone = parseTermFile('{ "terms": [{ "term": "Nansha", "languages": { "zh-Hans": { "approved": "南沙新区", "abbreviationDefined": true } } }] }', 'c.terms.json');
    assert.deepEqual(lone.problems.map((p) => p.message), ['"abbreviationDefined" needs an "abbreviation"']);
    // The bundled list declares 大湾区 / 大灣區 for the full name of the Greater Bay Area.
    const bundled = bundledTerms();
    assert.deepEqual(lintText('大湾区建设。', bundled, options({})).findings.filter((f) => f.kind === 'abbreviation').map((f) => f.replacements[0]!.text), ['粤港澳大湾区']);
    assert.deepEqual(lintText('大灣區建設。', bundled, options({ lang: 'zh-HK' })).findings.filter((f) => f.kind === 'abbreviation').map((f) => f.replacements[0]!.text), ['粵港澳大灣區']);
  });
});
