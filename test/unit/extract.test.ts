/**
 * Term extraction: table-driven cases for each kind of entry and each trap, the term file it writes, and an
 * evaluation against hand-made expected lists (recall and precision) on two articles written for the purpose.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileTerms } from '../../server/src/core/compile';
import { type ExtractionResult, type TermCategory, extractTerms, toTermFileJson } from '../../server/src/core/extract';
import { lintText } from '../../server/src/core/lint';
import { parseTermFile } from '../../server/src/core/termlists/json';
import type { FormatId } from '../../server/src/core/types';
import { REPO_ROOT } from '../helpers/terms';

interface ExpectedEntry {
  term: string;
  category?: TermCategory;
  forbidden?: string[];
  count?: number;
  spread?: number;
  abbreviation?: string;
  expansion?: string;
}

interface Case {
  name: string;
  text: string;
  language?: FormatId;
  minCount?: number;
  /** Entries that must be proposed, with the fields given. */
  present?: ExpectedEntry[];
  /** Terms that must not be proposed. */
  absent?: string[];
  /** When set, exactly these terms are proposed (in any order). */
  only?: string[];
}

const CASES: Case[] = [
  {
    name: 'multi-word proper names with lower-case connectors',
    text:
      'Researchers at South China University of Technology and the Institute of Public Policy briefed the State Council Information Office, ' +
      'and the talks were reported by Yangcheng Evening News on the same day.\n',
    present: [
      { term: 'South China University of Technology', category: 'proper-name' },
      { term: 'Institute of Public Policy', category: 'proper-name' },
      { term: 'State Council Information Office', category: 'proper-name' },
      { term: 'Yangcheng Evening News', category: 'proper-name' },
    ],
    absent: ['Researchers', 'South China University of Technology and the Institute of Public Policy'],
  },
  {
    name: '"and" joins a name only after "of" (Ministry of X and Y), never two names',
    text: 'The Ministry of Climate and Energy pays. Trade between Hong Kong and Macao grew, and Hong Kong and Macao agreed.\n',
    present: [{ term: 'Ministry of Climate and Energy' }, { term: 'Hong Kong', count: 2 }, { term: 'Macao', count: 2 }],
    absent: ['Hong Kong and Macao'],
  },
  {
    name: 'single proper nouns that are not English words, in any script',
    text: 'Factories in Guangdong, Shenzhen and Nansha reopened. Ferries link Østervik with Saltøy. Demand in Guangdong grew.\n',
    only: ['Guangdong', 'Shenzhen', 'Nansha', 'Østervik', 'Saltøy'],
    present: [{ term: 'Guangdong', count: 2, category: 'proper-name' }],
  },
  {
    name: 'sentence-initial ordinary words, months and weekdays are not terms',
    text: 'Officials met on Tuesday. Cooperation matters. Digital tools help. In March, growth returned. "Exports rose," he said.\n',
    only: [],
  },
  {
    name: 'capitalised ordinary words are a name only with a head noun or recurrence',
    text: 'The plan, Clean Harbours Strong Towns, was praised by the Coastal Party and by Green Future.\n',
    only: ['Coastal Party'],
  },
  {
    name: 'a quoted title of a work or slogan is not a name',
    text: 'The office held a press conference on "Promoting High-quality Development." Firms want high-quality growth.\n',
    present: [{ term: 'high-quality', category: 'compound', count: 2 }],
    absent: ['Promoting High-quality Development', 'Promoting', 'Development'],
  },
  {
    name: 'abbreviation defined after its expansion: separate entries that point at each other',
    text: 'The Institute of Public Policy (IPP) published a report. The IPP said the report was its first.\n',
    present: [
      { term: 'IPP', category: 'abbreviation', count: 2, expansion: 'Institute of Public Policy' },
      { term: 'Institute of Public Policy', category: 'proper-name', abbreviation: 'IPP' },
    ],
  },
  {
    name: 'abbreviation defined before its expansion, and a lower-case expansion',
    text: 'Investment in the GBA (Greater Bay Area) rose. Designers use building information modelling (BIM) daily.\n',
    present: [
      { term: 'GBA', category: 'abbreviation', expansion: 'Greater Bay Area' },
      { term: 'Greater Bay Area', category: 'proper-name', abbreviation: 'GBA' },
      { term: 'BIM', category: 'abbreviation', expansion: 'building information modelling' },
      { term: 'building information modelling', category: 'phrase', abbreviation: 'BIM' },
    ],
  },
  {
    name: 'parentheses that do not spell the words before them are not definitions',
    text: 'The harbour office (HQ) opened. Sales rose (EU data) last year.\n',
    absent: ['HQ', 'EU', 'harbour office'],
  },
  {
    name: 'hyphenated compounds; measures and one-off proper-noun modifiers are not',
    text: 'A win-win deal for next-generation networks and high-end chips. The ten-year plan, a Guangdong-themed event and so-called reforms.\n',
    only: ['win-win', 'next-generation', 'high-end'],
    present: [{ term: 'win-win', category: 'compound' }],
  },
  {
    name: 'spelling cluster: the majority form is approved, the others forbidden, with counts',
    text:
      'We build new quality productivity forces.\n\n' +
      'New quality productivity forces need talent.\n\n' +
      'Some write new quality productivityforces.\n\n' +
      'Others write new quality productivityforces too.\n\n' +
      'But new quality productivity forces is right.\n',
    present: [
      {
        term: 'new quality productivity forces',
        category: 'phrase',
        forbidden: ['new quality productivityforces'],
        count: 5,
        spread: 5,
      },
    ],
    absent: ['productivity forces', 'new quality', 'productivityforces'],
  },
  {
    name: 'spelling cluster below the key-phrase threshold, with a hyphenated form',
    text: 'Rural e-commerce grew.\n\nThe ecommerce platforms expanded.\n\nMore e-commerce is planned.\n',
    present: [{ term: 'e-commerce', category: 'compound', forbidden: ['ecommerce'], count: 3 }],
  },
  {
    name: 'two English spellings of one key ("every day", "everyday") are not a cluster',
    text: 'We work every day.\n\nAn everyday task.\n\nWe rest every day.\n',
    only: [],
  },
  {
    name: 'mid-sentence capitals of a name are forbidden; a sentence start or heading is not',
    language: 'markdown',
    text: '# SHENZHEN TODAY\n\nFirms in Shenzhen grew. Jobs in Shenzhen rose. Visitors to ShenZhen came back.\n',
    present: [{ term: 'Shenzhen', forbidden: ['ShenZhen'], count: 4 }],
    absent: ['SHENZHEN', 'SHENZHEN TODAY'],
  },
  {
    name: 'headings in title case propose nothing by themselves',
    language: 'markdown',
    text: '# Green Shipping Corridor Plans Unveiled\n\n## Why Shore Power Comes First\n\nThe port opened a berth.\n',
    only: [],
  },
  {
    name: 'a plain-text line in title case is a heading too',
    text: 'Ports Bet on Power From the Shore\n\nThe port opened a berth.\n',
    only: [],
  },
  {
    name: 'boilerplate: credits, sources and a CJK footer',
    text:
      'Ferries link Østervik with the mainland.\n' +
      'Source: Yangcheng Evening News\n' +
      'Editor: Maja Lund\n' +
      'Photo by Kari Nordmann\n' +
      'Y Talk·专家谈丨IPP专家:广东新质生产力基础坚实\n',
    only: ['Østervik'],
  },
  {
    name: 'Markdown code, inline code and URLs are never read',
    language: 'markdown',
    text:
      'Ferries link Østervik with the mainland. Run `Hammerfjord --sync` or see [the map](https://example.org/Kvitfjell-Terminal).\n\n' +
      '```text\nKvitfjell Terminal   berth tariff\n```\n',
    only: ['Østervik'],
  },
  {
    name: 'a shared head after "A, B and C": the last conjunct is not part of the name',
    text: 'Macao is small. Firms in the Guangdong, Hong Kong, and Macao Greater Bay Area grew.\n',
    present: [{ term: 'Greater Bay Area' }, { term: 'Macao', count: 2 }],
    absent: ['Macao Greater Bay Area'],
  },
  {
    name: 'later mentions by surname and titles before a name are not separate terms',
    text: 'Mayor Amara Okafor spoke. "We are ready," Okafor said. Director Jiang Yuhao agreed, and Jiang added a caveat.\n',
    only: ['Amara Okafor', 'Jiang Yuhao'],
  },
  {
    name: 'plural possessives stay inside a name; singular ones do not',
    text: "The Varnholm Fishermen's Association met China's State Council and the People's Bank of China.\n",
    present: [{ term: "Varnholm Fishermen's Association" }, { term: 'State Council' }, { term: "People's Bank of China" }],
    absent: ["China's State Council", 'Varnholm Fishermen'],
  },
  {
    name: 'a sentence-initial ordinary word is kept in a name only when the name recurs with it mid-sentence',
    text: 'Greater Bay Area firms grew. Investors love the Greater Bay Area. Meanwhile Nansha expanded.\n',
    present: [{ term: 'Greater Bay Area', count: 2 }, { term: 'Nansha' }],
    absent: ['Meanwhile Nansha', 'Bay Area'],
  },
  {
    name: '--min-count drops entries seen fewer times',
    minCount: 2,
    text: 'Guangdong grew. Shenzhen grew. Firms in Guangdong hired.\n',
    only: ['Guangdong'],
  },
];

function find(result: ExtractionResult, term: string) {
  return result.terms.find((t) => t.entry.term === term);
}

describe('extractTerms', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const opts: Parameters<typeof extractTerms>[1] = { format: c.language ?? 'plaintext' };
      if (c.minCount !== undefined) opts.minCount = c.minCount;
      const result = extractTerms(c.text, opts);
      const proposed = result.terms.map((t) => t.entry.term);
      if (c.only) assert.deepEqual([...proposed].sort(), [...c.only].sort(), `proposed: ${JSON.stringify(proposed)}`);
      for (const e of c.present ?? []) {
        const t = find(result, e.term);
        assert.ok(t, `"${e.term}" not proposed; proposed: ${JSON.stringify(proposed)}`);
        if (e.category) assert.equal(t.category, e.category, `category of "${e.term}"`);
        if (e.forbidden) assert.deepEqual(t.entry.forbidden, e.forbidden, `forbidden of "${e.term}"`);
        if (e.count !== undefined) assert.equal(t.count, e.count, `count of "${e.term}"`);
        if (e.spread !== undefined) assert.equal(t.spread, e.spread, `spread of "${e.term}"`);
        if (e.abbreviation) assert.equal(t.abbreviation, e.abbreviation);
        if (e.expansion) assert.equal(t.expansion, e.expansion);
        assert.deepEqual(t.entry.admitted, []);
        assert.ok(t.entry.note.length > 0);
      }
      for (const a of c.absent ?? []) assert.ok(!proposed.includes(a), `"${a}" should not be proposed; proposed: ${JSON.stringify(proposed)}`);
    });
  }

  it('reports every form with its count and kind, and says so in the note', () => {
    const text = 'Shore power first.\n\nThe shorepower plan.\n\nMore shore power.\n\nA shore-power plug.\n\nCheap shore power.\n';
    const t = find(extractTerms(text), 'shore power')!;
    assert.deepEqual(t.variants, [
      { form: 'shore power', count: 3, kind: 'approved' },
      { form: 'shorepower', count: 1, kind: 'joined' },
      { form: 'shore-power', count: 1, kind: 'hyphen' },
      { form: 'Shore power', count: 1, kind: 'case' },
    ]);
    assert.equal(t.count, 5);
    assert.deepEqual(t.entry.forbidden, ['shorepower', 'shore-power']);
    assert.match(t.entry.note, /"shore power" 3 times, "shorepower" once \(joined\), "shore-power" once \(hyphen\); the majority form is approved/);
  });

  it('writes notes in plain ASCII, so VS Code flags no ambiguous character in the term file (the forms aside)', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'extract', 'sample-article.md'), 'utf8');
    for (const t of extractTerms(text, { format: 'markdown' }).terms) {
      const outsideForms = t.entry.note.replace(/"[^"]*"/g, '""');
      assert.match(outsideForms, /^[\x20-\x7e]*$/, t.entry.note);
    }
  });

  it('ranks by count × spread, then by first occurrence', () => {
    const text = 'Nansha grew.\n\nGuangdong grew. Guangdong hired.\n\nGuangdong built.\n\nShantou and Nansha traded.\n';
    const r = extractTerms(text);
    assert.deepEqual(
      r.terms.map((t) => [t.entry.term, t.score]),
      [
        ['Guangdong', 6],
        ['Nansha', 4],
        ['Shantou', 1],
      ],
    );
  });

  it('offsets are UTF-16 offsets into the original text', () => {
    const text = '😀 Visitors to Østervik came.\n';
    const t = find(extractTerms(text), 'Østervik')!;
    assert.equal(text.slice(t.first, t.first + 'Østervik'.length), 'Østervik');
  });
});

describe('toTermFileJson', () => {
  const text =
    'The Institute of Public Policy (IPP) studies Guangdong. Shenzhen and Guangdong agree on win-win rules.\n\n' +
    'The IPP says new quality productivity forces matter. Shenzhen builds new quality productivityforces.\n\n' +
    'Guangdong wants new quality productivity forces.\n';

  it('writes a valid term file: sorted entries, 2-space JSON, title and source, and no $schema unless told where it resolves', () => {
    const json = toTermFileJson(extractTerms(text, { source: 'a.md' }), { title: 'Terms from a.md' });
    const parsed = parseTermFile(json, 'a.terms.json');
    assert.deepEqual(parsed.problems, []);
    const file = JSON.parse(json) as { $schema?: string; title: string; source: string; language: string; terms: { term: string; note: string }[] };
    assert.equal(file.$schema, undefined);
    assert.equal(file.title, 'Terms from a.md');
    assert.equal(file.source, 'a.md');
    assert.equal(file.language, 'en');
    const terms = file.terms.map((t) => t.term);
    assert.deepEqual(terms, ['Guangdong', 'Institute of Public Policy', 'IPP', 'new quality productivity forces', 'Shenzhen', 'win-win']);
    assert.ok(json.startsWith('{\n  "title"'));
    assert.ok(json.endsWith('}\n'));
    assert.ok(file.terms.every((t) => t.note.length > 0));
    assert.deepEqual(Object.keys(file.terms[0]!), ['term', 'admitted', 'forbidden', 'note']);
  });

  it('is deterministic and takes the schema path when given', () => {
    const a = toTermFileJson(extractTerms(text), { source: 'x', schema: '../terms/terms.schema.json' });
    const b = toTermFileJson(extractTerms(text), { source: 'x', schema: '../terms/terms.schema.json' });
    assert.equal(a, b);
    assert.match(a, /"\$schema": "\.\.\/terms\/terms\.schema\.json"/);
  });

  it('linting the source with its own proposal flags exactly the minority spellings', () => {
    const json = toTermFileJson(extractTerms(text));
    const compiled = compileTerms([parseTermFile(json, 'p.terms.json').list!]);
    const { findings } = lintText(text, compiled, { format: 'plaintext', fuzzy: false });
    assert.deepEqual(
      findings.map((f) => [f.found, f.expected]),
      [['new quality productivityforces', 'new quality productivity forces']],
    );
  });
});

/* ---------------------------------------------------------------------------------------------- */

interface ExpectedFile {
  terms: { term: string; category: TermCategory; forbidden?: string[] }[];
  notTerms: string[];
}

function evaluate(article: string, expectedFile: string, language: FormatId) {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'extract');
  const text = fs.readFileSync(path.join(dir, article), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(dir, expectedFile), 'utf8')) as ExpectedFile;
  const result = extractTerms(text, { format: language, source: article });
  const proposed = result.terms.map((t) => t.entry.term);
  const wanted = new Set(expected.terms.map((t) => t.term));
  const hits = proposed.filter((p) => wanted.has(p));
  return {
    result,
    expected,
    recall: hits.length / wanted.size,
    precision: hits.length / proposed.length,
    missed: [...wanted].filter((w) => !proposed.includes(w)),
    extra: proposed.filter((p) => !wanted.has(p)),
  };
}

describe('extraction evaluated against hand-made lists', () => {
  // Recall matters more than precision: deleting a wrong proposal is one keystroke in review, while a
  // missing term is only noticed when a draft gets it wrong. The sample article was used while developing
  // the heuristics, so its bar is high (at most one miss); the held-out article was written and listed
  // before the extractor ever ran on it and was not tuned on afterwards, so its bar is the one to believe.
  const sets = [
    { name: 'sample article (development set)', article: 'sample-article.md', expected: 'sample-article.expected.json', language: 'markdown' as const, recall: 0.95, precision: 0.9 },
    { name: 'held-out article', article: 'holdout-article.txt', expected: 'holdout-article.expected.json', language: 'plaintext' as const, recall: 0.9, precision: 0.8 },
  ];
  for (const s of sets) {
    it(`${s.name}: recall ≥ ${s.recall}, precision ≥ ${s.precision}, no trap proposed`, () => {
      const e = evaluate(s.article, s.expected, s.language);
      const detail = `recall ${e.recall.toFixed(3)}, precision ${e.precision.toFixed(3)}; missed ${JSON.stringify(e.missed)}; extra ${JSON.stringify(e.extra)}`;
      assert.ok(e.recall >= s.recall, detail);
      assert.ok(e.precision >= s.precision, detail);
      const proposed = e.result.terms.map((t) => t.entry.term);
      for (const trap of e.expected.notTerms) assert.ok(!proposed.includes(trap), `trap "${trap}" proposed`);
      for (const t of e.expected.terms.filter((x) => x.forbidden)) {
        const got = e.result.terms.find((r) => r.entry.term === t.term);
        if (got) assert.deepEqual([...got.entry.forbidden].sort(), [...t.forbidden!].sort(), `forbidden of "${t.term}"`);
      }
    });
  }

  it('the development-set figures are the ones documented in README.md', () => {
    const e = evaluate('sample-article.md', 'sample-article.expected.json', 'markdown');
    const h = evaluate('holdout-article.txt', 'holdout-article.expected.json', 'plaintext');
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const [label, x] of [['sample', e], ['held-out', h]] as const) {
      const line = `| ${label} | ${x.recall.toFixed(2)} | ${x.precision.toFixed(2)} |`;
      assert.ok(doc.includes(line), `README.md should contain "${line}"`);
    }
  });
});

describe('extraction shares the engine helpers', () => {
  it('a format character inside a word is transparent for its spelling key, as for the matcher (lowerWord)', () => {
    // U+FFFB is a format character (Cf) past the surrogates: extraction's own lowerKey kept it, so the second
    // "Varnholm" was never counted; the tokenizer, formKey and the matcher all read through it.
    const t = find(extractTerms('Ferries reach Varnholm daily. The port of Varn\ufffbholm grew.\n'), 'Varnholm');
    assert.ok(t);
    assert.equal(t.count, 2);
  });

  it('names a form\'s kind as the linter does (matching/align.ts): a missing hyphen is a hyphen variant', () => {
    // "e-visa" ×3 and "evisa" ×2: extraction's own gap comparison called "evisa" joined, while linting the
    // same draft against "e-visa" reports it as hyphen. One definition now: the linter's.
    const text = 'The e-visa opens.\n\nAn evisa costs less.\n\nThe e-visa office.\n\nEach evisa counts.\n\nOne e-visa more.\n';
    const t = find(extractTerms(text), 'e-visa')!;
    assert.deepEqual(t.variants.map((v) => [v.form, v.kind]), [['e-visa', 'approved'], ['evisa', 'hyphen']]);
    const lint = lintText(text, compileTerms([parseTermFile('{"terms":[{"term":"e-visa"}]}', 'p.terms.json').list!]), { format: 'plaintext' });
    assert.deepEqual([...new Set(lint.findings.map((f) => f.kind))], ['hyphen']);
  });

  it('bopomofo counts as CJK when a line is weighed as an untranslated footer (text.ts CJK_CHAR)', () => {
    // Two Han characters and four bopomofo against six Latin letters: a footer, as for the tokenizer's CJK class.
    const r = extractTerms('Ferries link Østervik with the mainland.\n注音ㄅㄆㄇㄈ Nansha\n');
    assert.deepEqual(r.terms.map((t) => t.entry.term), ['Østervik']);
  });
});
