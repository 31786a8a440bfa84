/**
 * The term-usage report against the lint results it is built from: table-driven cases (what a term's row
 * says for drafts of every kind), then properties over random drafts and term lists (its findings are the
 * linter's findings, every use is counted once, every place points at what it names).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompiledTerms } from '../../server/src/core/compile';
import { lintText } from '../../server/src/core/lint';
import { VARIANT_KINDS, type FormatId, type LintOptions, type VariantKind } from '../../server/src/core/types';
import { buildUsageReport, type CheckedFile } from '../../server/src/report/build';
import { renderHtml } from '../../server/src/report/html';
import { renderMarkdown } from '../../server/src/report/markdown';
import type { TermUsageReport } from '../../server/src/report/model';
import { summarySentence } from '../../server/src/report/text';
import { compileSpecs, fcParams, listAndDocument } from '../helpers/arbitraries';
import { compiledOf } from '../helpers/terms';

interface Draft {
  file: string;
  text: string;
  format?: FormatId;
}

function report(compiled: CompiledTerms, drafts: readonly Draft[], options: Partial<LintOptions> = {}): { report: TermUsageReport; checked: CheckedFile[] } {
  const checked = drafts.map((d) => ({ file: d.file, text: d.text, result: lintText(d.text, compiled, { format: d.format ?? 'plaintext', ...options }), terms: compiled.terms }));
  return { report: buildUsageReport(checked, { version: 'test', lists: compiled.lists, options }), checked };
}

/** A term's row in a few words: `uses/findings`, its forms as `form=uses@lines`, its variants as `kind:found×n→fix@lines`. */
function rows(r: TermUsageReport): Record<string, string[]> {
  const lines = (locs: { file: string; line: number }[]) => locs.map((l) => `${l.file === 'a.txt' ? '' : `${l.file}:`}${l.line}`).join(',');
  return Object.fromEntries(
    r.terms.map((t) => [
      t.term,
      [
        `${t.uses}/${t.findings}`,
        ...t.forms.map((f) => `${f.form}=${f.uses}${f.uses ? `@${lines(f.locations)}` : ''}`),
        ...t.variants.map((v) => `${v.kind}:${v.found}×${v.count}${v.reported ? `→${v.fix}` : ' (not reported)'}@${lines(v.locations)}`),
        ...t.excepted.map((x) => `excepted:${x.found}×${x.count} in "${x.phrase}"@${lines(x.locations)}`),
      ],
    ]),
  );
}

const TERMS = [
  { term: 'Shenzhen' },
  { term: 'Guangdong' },
  { term: 'Macao', forbidden: ['Macau'] },
  { term: 'high-quality development' },
  { term: 'new quality productivity forces', admitted: ['new quality productive forces'] },
  { term: 'Qianhai Cooperation Zone' },
];

interface Case {
  name: string;
  drafts: Draft[];
  options?: Partial<LintOptions>;
  terms?: object[];
  extra?: object;
  expect: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    name: 'correct and wrong uses of one name, each wrong spelling on its own row',
    drafts: [{ file: 'a.txt', text: 'Shenzhen grew.\nShenzen too, and Shen zhen.\nIn plain text SHENZHEN is no heading, shenzhen no name; Shenzen.\n' }],
    expect: {
      // "SHENZHEN" in capitals is the author's typography (issue 15), an approved use like "Shenzhen".
      Shenzhen: ['6/4', 'Shenzhen=2@1,3', 'misspelling:Shenzen×2→Shenzhen@2,3', 'split:Shen zhen×1→Shenzhen@2', 'case:shenzhen×1→Shenzhen@3'],
    },
  },
  {
    name: 'a capital at a sentence start is the approved form, not a variant',
    drafts: [{ file: 'a.txt', text: 'High-quality development is the aim. We want high-quality development.' }],
    expect: { 'high-quality development': ['2/0', 'high-quality development=2@1,1'] },
  },
  {
    name: 'the admitted form the document does not prefer is to fix as inconsistent',
    drafts: [{ file: 'a.txt', text: 'New quality productive forces matter.\n\nSo do new quality productivity forces, and new quality productivity forces again.' }],
    expect: {
      'new quality productivity forces': ['3/1', 'new quality productivity forces=2@3,3', 'new quality productive forces=0', 'inconsistent:New quality productive forces×1→New quality productivity forces@1'],
    },
  },
  {
    name: 'without the consistency check both acceptable forms stand',
    drafts: [{ file: 'a.txt', text: 'New quality productive forces matter.\n\nSo do new quality productivity forces, and new quality productivity forces again.' }],
    options: { consistency: false },
    expect: { 'new quality productivity forces': ['3/0', 'new quality productivity forces=2@3,3', 'new quality productive forces=1@1'] },
  },
  {
    name: 'a kind left out is still a variant, not an approved use, and not a finding',
    drafts: [{ file: 'a.txt', text: 'guangdong and Guangdong; Macau.' }],
    options: { kinds: ['forbidden'] },
    expect: { Guangdong: ['2/0', 'Guangdong=1@1', 'case:guangdong×1 (not reported)@1'], Macao: ['1/1', 'Macao=0', 'forbidden:Macau×1→Macao@1'] },
  },
  {
    // An exception is let stand (the list says so), not a use of the term: listed apart, for sign-off.
    name: 'a spelling the list ignores is listed as excepted, neither a use nor a finding',
    drafts: [{ file: 'a.txt', text: 'Macau and Macao.' }],
    extra: { ignore: ['Macau'] },
    expect: { Macao: ['1/0', 'Macao=1@1', 'excepted:Macau×1 in "Macau"@1'] },
  },
  {
    name: 'a forbidden spelling inside an official name the entry excepts is listed with its name',
    drafts: [{ file: 'a.txt', text: 'The University of\nMacau and Macau.' }],
    terms: [{ term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau'] }],
    expect: { Macao: ['1/1', 'Macao=0', 'forbidden:Macau×1→Macao@2', 'excepted:Macau×1 in "University of Macau"@2'] },
  },
  {
    name: 'uses across files add up, and each place names its file',
    drafts: [
      { file: 'a.txt', text: 'Guangdong.\n' },
      { file: 'b.md', text: '# Plan\n\nGuang dong and `Guang dong` in code.\n', format: 'markdown' },
      { file: 'c.html', text: '<p>Guangdong</p>\n<code>guangdong</code>\n<p>guangdong</p>\n', format: 'html' },
    ],
    expect: { Guangdong: ['4/2', 'Guangdong=2@1,c.html:1', 'split:Guang dong×1→Guangdong@b.md:3', 'case:guangdong×1→Guangdong@c.html:3'] },
  },
  {
    name: 'a name broken over lines is one use at its first line; CRLF and CR end lines',
    drafts: [{ file: 'a.txt', text: 'The Qianhai\r\nCooperation zone.\rGuangdong.\r\nShenzen.' }],
    expect: {
      Guangdong: ['1/0', 'Guangdong=1@3'],
      'Qianhai Cooperation Zone': ['1/1', 'Qianhai Cooperation Zone=0', 'case:Qianhai Cooperation zone×1→Qianhai Cooperation Zone@1'],
      Shenzhen: ['1/1', 'Shenzhen=0', 'misspelling:Shenzen×1→Shenzhen@4'],
    },
  },
  {
    name: 'a draft that uses no term has no rows',
    drafts: [{ file: 'a.txt', text: 'Nothing here but ordinary words, and macro policy.' }],
    expect: {},
  },
];

describe('term-usage report', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const compiled = compiledOf(c.terms ?? TERMS, c.extra);
      const { report: r, checked } = report(compiled, c.drafts, c.options);
      assert.deepEqual(rows(r), c.expect);
      const findings = checked.reduce((n, f) => n + f.result.findings.length, 0);
      assert.equal(r.totals.findings, findings);
      assert.equal(r.totals.files, c.drafts.length);
    });
  }

  it('orders terms by uses, then findings, then name, and every file by the order checked', () => {
    const { report: r } = report(compiledOf(TERMS), [
      { file: 'z.txt', text: 'Macao, Macao, Shenzhen, Shenzen.' },
      { file: 'a.txt', text: 'Guangdong, Macau.' },
    ]);
    assert.deepEqual(r.terms.map((t) => `${t.term} ${t.uses}/${t.findings}`), ['Macao 3/1', 'Shenzhen 2/1', 'Guangdong 1/0']);
    assert.deepEqual(r.files.map((f) => [f.file, f.uses, f.findings, f.terms.map((t) => t.term)]), [
      ['z.txt', 4, 1, ['Shenzhen', 'Macao']],
      ['a.txt', 2, 1, ['Macao', 'Guangdong']],
    ]);
    assert.deepEqual(r.terms.find((t) => t.term === 'Macao')!.files, [
      { file: 'z.txt', uses: 2, findings: 0 },
      { file: 'a.txt', uses: 1, findings: 1 },
    ]);
  });

  it('names other languages, the note, the source and the term file of each term', () => {
    const compiled = compiledOf([{ term: 'Nansha', translations: { 'zh-Hans': '南沙', 'zh-Hant': '南沙' }, note: 'A district of Guangzhou.' }], { source: 'Port gazette' });
    const t = report(compiled, [{ file: 'a.txt', text: 'Nansha.' }]).report.terms[0]!;
    assert.deepEqual(t.languages, [
      { lang: 'zh-Hans', text: '南沙' },
      { lang: 'zh-Hant', text: '南沙' },
    ]);
    assert.equal(t.note, 'A district of Guangzhou.');
    assert.equal(t.source, 'Port gazette');
    assert.equal(t.list, 'test.terms.json');
  });

  it('lists what no term list is behind (variants, abbreviations) apart from the terms, counted among the findings', () => {
    const text = 'Cross-border trade grew. Cross-border rules, cross-border fees and cross border tolls.\n\nThe Institute of Public Policy (IPP) wrote it. Macau and Macao.';
    const { report: r, checked } = report(compiledOf(TERMS), [{ file: 'a.md', text, format: 'markdown' }]);
    const findings = checked[0]!.result.findings;
    assert.deepEqual(
      r.unlisted.map((u) => `${u.kind}:${u.found}×${u.count}${u.fix ? `→${u.fix}` : ''}@${u.locations.map((l) => `${l.line}:${l.column}`).join(',')}`),
      ['variant:cross border×1→cross-border@1:68', 'unused-abbreviation:Institute of Public Policy (IPP)×1→Institute of Public Policy@3:5'],
    );
    assert.deepEqual(Object.keys(rows(r)), ['Macao'], 'a variant is no term');
    assert.equal(r.totals.findings, findings.length);
    assert.equal(r.totals.byKind.variant, 1);
    assert.equal(r.files[0]!.findings, findings.length);
    assert.equal(r.terms.reduce((n, t) => n + t.findings, 0) + r.unlisted.reduce((n, u) => n + u.count, 0), findings.length);
    assert.match(summarySentence(r), /, 2 of them without a term list\.$/);
    const md = renderMarkdown(r);
    assert.match(md, /## Without a term list\n\n.*\n\n\| written \| kind \| count \| where \|\n\| --- \| --- \| ---: \| --- \|\n\| cross border \| variant → cross-border \| 1 \| a\.md:1 \|\n\| Institute of Public Policy \(IPP\) \| unused-abbreviation → Institute of Public Policy \| 1 \| a\.md:3 \|\n/);
    const html = renderHtml(r);
    assert.match(html, /<section id="unlisted"><h2>Without a term list<\/h2>.*<td class="form">cross border<\/td><td class="status-finding">variant → cross-border<\/td><td class="n">1<\/td>/);
    // A draft with none has no such section.
    const clean = report(compiledOf(TERMS), [{ file: 'b.txt', text: 'Macao.' }]).report;
    assert.deepEqual(clean.unlisted, []);
    assert.doesNotMatch(renderMarkdown(clean), /Without a term list/);
    assert.doesNotMatch(renderHtml(clean), /id="unlisted"/);
  });

  it('counts every kind there is, zeros included, and says what was checked', () => {
    const { report: r } = report(compiledOf(TERMS), [{ file: 'a.txt', text: 'Macau.' }], { fuzzy: false, kinds: ['forbidden', 'case'] });
    assert.deepEqual(Object.keys(r.totals.byKind), [...VARIANT_KINDS]);
    assert.deepEqual(r.options, { fuzzy: false, consistency: true, kinds: ['case', 'forbidden'] });
    assert.deepEqual(r.termLists, [{ file: 'test.terms.json', terms: TERMS.length }]);
  });
});

/** 1-based line and column → offset, reading line breaks as the report does (LF, CRLF, lone CR). */
function offsetOf(text: string, line: number, column: number): number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts[line - 1]! + column - 1;
}

const kindsSubset = fc.option(fc.subarray([...VARIANT_KINDS], { minLength: 1 }), { nil: undefined });

describe('term-usage report: properties', () => {
  it('its findings are the linter findings; every use is counted once and points at what it names', () => {
    fc.assert(
      fc.property(fc.array(listAndDocument, { minLength: 1, maxLength: 3 }), kindsSubset, fc.boolean(), (docs, kinds, consistency) => {
        // One term list for all the files: the first document's.
        const { compiled } = compileSpecs(docs[0]!.specs);
        const options: Partial<LintOptions> = { consistency, ...(kinds ? { kinds: kinds as VariantKind[] } : {}) };
        const drafts = docs.map((d, i) => ({ file: `d${i}.${d.language === 'markdown' ? 'md' : 'txt'}`, text: d.text, format: d.language }));
        const { report: r, checked } = report(compiled, drafts, options);
        const texts = new Map(drafts.map((d) => [d.file, d.text]));
        const findings = checked.flatMap((c) => c.result.findings);
        const occurrences = checked.flatMap((c) => c.result.occurrences);

        assert.equal(r.totals.findings, findings.length);
        // Findings no term list is behind (variants, abbreviations) are the report's `unlisted`, not a term's.
        const unlisted = r.unlisted.reduce((n, u) => n + u.count, 0);
        assert.equal(unlisted, findings.filter((f) => f.kind === 'variant' || f.kind === 'abbreviation' || f.kind === 'expansion' || f.kind === 'unused-abbreviation').length);
        assert.equal(r.terms.reduce((n, t) => n + t.findings, 0) + unlisted, findings.length);
        for (const u of r.unlisted) {
          assert.equal(u.locations.length, u.count);
          for (const loc of u.locations) {
            const text = texts.get(loc.file)!;
            assert.equal(text.slice(offsetOf(text, loc.line, loc.column), offsetOf(text, loc.endLine, loc.endColumn)).replace(/\s+/g, ' '), u.found);
          }
        }
        assert.equal(r.files.reduce((n, f) => n + f.findings, 0), findings.length);
        for (const k of VARIANT_KINDS) assert.equal(r.totals.byKind[k], findings.filter((f) => f.kind === k).length, k);
        assert.equal(r.totals.uses, occurrences.length);
        assert.equal(r.totals.terms, new Set(occurrences.map((o) => o.termId)).size);

        for (const t of r.terms) {
          assert.equal(Object.values(t.byKind).reduce((a, b) => a + b, 0), t.findings, t.term);
          assert.equal(t.forms.reduce((n, f) => n + f.uses, 0) + t.variants.reduce((n, v) => n + v.count, 0), t.uses, t.term);
          assert.equal(t.variants.filter((v) => v.reported).reduce((n, v) => n + v.count, 0), t.findings, t.term);
          assert.equal(t.files.reduce((n, f) => n + f.uses, 0), t.uses, t.term);
          for (const f of t.forms) assert.equal(f.locations.length, f.uses);
          for (const v of t.variants) {
            assert.equal(v.locations.length, v.count);
            for (const loc of v.locations) {
              const text = texts.get(loc.file)!;
              const slice = text.slice(offsetOf(text, loc.line, loc.column), offsetOf(text, loc.endLine, loc.endColumn));
              assert.equal(slice.replace(/\s+/g, ' '), v.found, `${v.kind} at ${loc.file}:${loc.line}:${loc.column}`);
            }
          }
        }
      }),
      fcParams(300),
    );
  });
});
