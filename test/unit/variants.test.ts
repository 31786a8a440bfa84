/**
 * Consistency without a list (kind `variant`), table-driven: { text, findings, fixed }, with no term list
 * unless a case gives one. Each finding is [kind, found, preferred replacement]; every case is fixed with
 * fix-all and must then lint clean. The guards come first: pairs that look alike and are not variants.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentLinter } from '../../server/src/core/document';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lintText } from '../../server/src/core/lint';
import type { FormatId, LintOptions } from '../../server/src/core/types';
import { fcParams } from '../helpers/arbitraries';
import { compiledOf } from '../helpers/terms';
import { type Case, none, runCases } from '../helpers/consistencyCases';
import { checkResult } from '../helpers/invariants';

const guards: Case[] = [
  // Spaced vs joined where both are ordinary English with different meanings: a grammar word first or last.
  { name: 'a determiner and a noun are not the adverb ("some time" / "sometime")', text: 'We met some time ago. Call me sometime. Some time later, sometime soon.', findings: [] },
  { name: '"every one" / "everyone" and "no body" / "nobody"', text: 'Every one of the forms was read by everyone, and no body of rules binds nobody.', findings: [] },
  { name: 'a verb and its particle are not the noun ("log in" / "login", "break down" / "breakdown")', text: 'Log in with your login. A breakdown of costs: we break down costs by port.', findings: [] },
  { name: '"check out" / "checkout" and "work out" / "workout" across a line break', text: 'Shoppers check\nout at the checkout; they work\nout after a workout.', findings: [] },
  { name: 'a modal or preposition pair ("can not" / "cannot", "on to" / "onto")', text: 'We cannot wait. We can not only wait but act. Hold on to it; step onto it.', findings: [] },
  { name: 'the pairs the issue names: "every day", "may be", "set up", "any one", "in to"', text: 'Every day we file everyday forms. It may be late; maybe not. Set up the setup. Any one of them, or anyone. Log in to the portal; go into it.', findings: [] },
  { name: 'the phrasal verb is not the hyphenated noun ("follow up" / "follow-up")', text: 'A follow-up meeting, a second follow-up, and we follow up next week.', findings: [] },
  { name: 'a hyphen that makes another word keeps the pair apart ("re-sign" / "resign")', text: 'The players re-sign their contracts; the chair may resign. They re-signed; she resigned.', findings: [] },
  { name: '"re-cover" / "recover" and "co-op" / "coop"', text: 'We re-cover the seats and recover costs. The co-op keeps a hen coop.', findings: [] },
  // British/American pairs only when both occur, and only pairs each dialect spells its own way.
  { name: 'one dialect\'s spelling alone is consistent', text: 'The colour of the harbour, the behaviour of the labour market.', findings: [] },
  { name: 'British English keeps "licence" (noun) and "license" (verb) apart', text: 'A licence is needed; ports license the carriers.', findings: [] },
  { name: '"programme" / "program" and "metre" / "meter" are both British', text: 'The training programme runs a computer program. A metre of cable feeds the meter.', findings: [] },
  // Capitals that never count.
  { name: 'a capital at a sentence start never counts', text: 'Tariffs rose. Tariffs fell. The tariffs held.', findings: [] },
  { name: 'a capital after a colon, a list marker or a quote starts a sentence', text: 'Note: Tariffs rose.\n\n- Tariffs fell\n\nThey said "Tariffs held" and tariffs moved.', findings: [] },
  { name: 'headings never count (Title Case or not)', text: '# Tariff Review\n\n## Tariff notes for the board\n\nThe tariff rose and the tariff fell.', findings: [] },
  { name: 'a quoted title in Title Case, and a title line in plain text, are titles', text: 'Fees and Ports\n\nThe talk on "Promoting High-quality Fees" drew chiefs; fees rose, fees fell, and ports grew and ports shrank.', format: 'plaintext', findings: [] },
  { name: 'ALL CAPS never counts', text: 'THE TARIFF REVIEW\n\nThe tariff rose, then the TARIFF fell.', findings: [] },
  { name: 'a capitalised word inside a name says nothing of the word alone', text: 'Guangdong Province and Hainan Province lead; each province reports.', findings: [] },
  { name: 'a month is not the modal, a numbered item is a name', text: 'In May we may decide. Phase 2 of the phase plan.', findings: [] },
  // What the format hides never counts.
  { name: 'code, URLs and link targets are not read', text: 'Use `cross border` in code.\n\n```\ncross border crossborder\n```\n\nSee <https://cross-border.example> and cross-border.', findings: [] },
  { name: 'a hyphen at a line end is not read as a compound', text: 'The cross-\nborder trade and cross border trade and a cross border rule.', findings: [] },
  { name: 'a disabled line is not read', text: 'Cross-border trade and cross-border rules.\n\n<!-- termlint-disable-next-line -->\nA cross border quote.\n', findings: [] },
  // What a term list covers gets its own kinds.
  {
    name: 'words a term list matched are its, not a variant',
    text: 'Long-term care, long-term care and long term care.',
    findings: [['hyphen', 'long term care', 'long-term care']],
    terms: () => compiledOf([{ term: 'long-term care' }]),
  },
  { name: 'an ignored form is neither counted nor reported', text: 'Pre-school and pre-school, and preschool.', findings: [], terms: () => compiledOf([{ term: 'Unrelated' }], { ignore: ['preschool'] }) },
];

const hyphenation: Case[] = [
  { name: 'the spaced form of a hyphenated compound', text: 'Long-term plans, long-term funding and long term loans.', findings: [['variant', 'long term', 'long-term']], fixed: 'Long-term plans, long-term funding and long-term loans.' },
  { name: 'the joined form of a hyphenated compound', text: 'An e-learning course, e-learning tools, an elearning portal.', findings: [['variant', 'elearning', 'e-learning']] },
  { name: 'a hyphenated minority among joined forms ("pre-school" / "preschool")', text: 'The preschool years; preschool fees; a pre-school place.', findings: [['variant', 'pre-school', 'preschool']], fixed: 'The preschool years; preschool fees; a preschool place.' },
  { name: 'two words apart among one word, with no hyphenated form ("work force" / "workforce")', text: 'The workforce grew; the workforce aged; the work force moved.', findings: [['variant', 'work force', 'workforce']] },
  { name: 'one word among two words apart ("sea port" / "seaport")', text: 'The sea port, the sea port and the seaport.', findings: [['variant', 'seaport', 'sea port']] },
  { name: 'a spaced form across a line break is fixed where the break was', text: 'Long-term plans and long-term loans; long\nterm rates.', findings: [['variant', 'long\nterm', 'long-term']], fixed: 'Long-term plans and long-term loans; long-term rates.' },
  { name: 'a spaced form in a wrapped list item', text: '- Long-term plans\n- long-term loans and the long\n  term rates', findings: [['variant', 'long\n  term', 'long-term']] },
  { name: 'the fix keeps the author\'s capital at a sentence start', text: 'Cross subsidy hurts. A cross-subsidy here, a cross-subsidy there.', findings: [['variant', 'Cross subsidy', 'Cross-subsidy']] },
  { name: 'three forms: the two minorities go to the majority', text: 'Co-ordinate, co-ordinate, co-ordinate; coordinate; co ordinate.', findings: [['variant', 'coordinate', 'co-ordinate'], ['variant', 'co ordinate', 'co-ordinate']] },
  { name: 'a tie goes to the form the English word list has', text: 'An e-mail and an email.', findings: [['variant', 'e-mail', 'email']] },
  { name: 'a tie between forms the word list lacks goes to the first written', text: 'A trade-zone and a trade zone.', findings: [['variant', 'trade zone', 'trade-zone']] },
  { name: 'link text is read', text: 'Cross-border rules and [cross border data](https://example.org) and cross-border flows.', findings: [['variant', 'cross border', 'cross-border']] },
  { name: 'emphasis marks read as spaces between the words', text: 'Cross-border rules, cross-border flows and **cross** border data.', findings: [['variant', 'cross** border', 'cross**-border']] },
  { name: 'HTML paragraphs are read, tags and scripts are not', text: '<p>Long-term plans and long-term loans.</p><p>Long term rates.</p><script>long term</script>', format: 'html', findings: [['variant', 'Long term', 'Long-term']] },
];

const spelling: Case[] = [
  { name: 'the minority dialect is fixed to the majority\'s spelling', text: 'The labour market and labour law; the labor union.', findings: [['variant', 'labor', 'labour']], fixed: 'The labour market and labour law; the labour union.' },
  { name: 'a family counts its inflections together (-ise / -ize)', text: 'We realise it; it was realised; we realize it again.', findings: [['variant', 'realize', 'realise']] },
  { name: 'each minority word is fixed to its own counterpart', text: 'Modelling the port, modelled flows, modeling errors.', findings: [['variant', 'modeling', 'modelling']] },
  { name: 'the fix keeps the author\'s case', text: 'The centre and the centre. Center of trade.', findings: [['variant', 'Center', 'Centre']] },
  { name: 'American majority', text: 'The harbor, the harbor and the harbour.', findings: [['variant', 'harbour', 'harbor']] },
];

const capitals: Case[] = [
  { name: 'a word capitalised mid-sentence among lower-case uses', text: 'The cabinet met; the cabinet voted; the Cabinet adjourned.', findings: [['variant', 'Cabinet', 'cabinet']], fixed: 'The cabinet met; the cabinet voted; the cabinet adjourned.' },
  { name: 'a lower-case use among capitalised ones', text: 'They use the Web; the Web grows; the web slows.', findings: [['variant', 'web', 'Web']] },
  { name: 'a name written in lower case', text: 'The Pearl River Delta grows and the Pearl River Delta trades; the pearl river delta builds.', findings: [['variant', 'pearl river delta', 'Pearl River Delta']] },
  { name: 'a name across a line break keeps the break', text: 'The Pearl River Delta and the Pearl River Delta; the pearl river\ndelta.', findings: [['variant', 'pearl river\ndelta', 'Pearl River\nDelta']], fixed: 'The Pearl River Delta and the Pearl River Delta; the Pearl River\nDelta.' },
  { name: 'a name with a minor word', text: 'The Bureau of Statistics and the Bureau of Statistics; the bureau of statistics.', findings: [['variant', 'bureau of statistics', 'Bureau of Statistics']] },
  { name: 'a word after a sentence-start word and "on the" is no name: it counts', text: 'Traffic on the Internet grew; they use the Internet daily; the internet slowed.', findings: [['variant', 'internet', 'Internet']] },
  { name: '"and" joins two names, not one', text: 'The Ministry and the Council met; the Ministry and the Council voted; the ministry and the council left.', findings: [['variant', 'ministry', 'Ministry'], ['variant', 'council', 'Council']] },
  { name: '"of the" joins one name', text: 'The Bank of the Bay lent; the Bank of the Bay grew; the bank of the bay failed.', findings: [['variant', 'bank of the bay', 'Bank of the Bay']] },
  { name: 'the capitalisation class can be switched off alone', text: 'The cabinet met; the cabinet voted; the Cabinet adjourned.', findings: [], options: { variants: { capitalization: false } } },
];

const switches: Case[] = [
  { name: 'variants: false switches the check off', text: 'Long-term plans and long term loans; colour and color.', findings: [], options: { variants: false } },
  { name: 'one class on', text: 'Long-term plans and long term loans; the colour and the colour and the color.', findings: [['variant', 'color', 'colour']], options: { variants: { hyphenation: false, capitalization: false } } },
  { name: 'the kinds filter', text: 'Long-term plans, long-term loans and long term rates.', findings: [], options: { kinds: ['hyphen'] } },
];

runCases('variants: guards (not variants)', guards);
runCases('variants: hyphenated, spaced and joined', hyphenation);
runCases('variants: British and American spellings', spelling);
runCases('variants: capitalisation mid-sentence', capitals);
runCases('variants: switches', switches);

describe('variant findings as data', () => {
  it('give the counts in the message and the forms, the preferred first', () => {
    const text = 'Cross-border trade, cross-border rules and cross-border data; cross border flows.';
    const [f] = lintText(text, none, { format: 'plaintext' }).findings;
    assert.ok(f);
    assert.equal(f.kind, 'variant');
    assert.equal(f.message, '"cross border" should be "cross-border" (variant: this document writes "cross-border" 3 times and "cross border" once)');
    assert.deepEqual(f.forms, [
      { text: 'cross-border', count: 3 },
      { text: 'cross border', count: 1 },
    ]);
    assert.equal(f.termId, 'cross-border');
    assert.deepEqual(f.replacements[0]!.edits, [{ start: 67, end: 68, text: '-' }]);
  });

  it('offer the other forms too when there are three', () => {
    const text = 'Co-ordinate, co-ordinate; coordinate, coordinate; co ordinate.';
    const f = lintText(text, none, { format: 'plaintext' }).findings.find((x) => x.found === 'co ordinate');
    assert.ok(f);
    assert.deepEqual(f.replacements.map((r) => r.text), ['coordinate', 'co-ordinate']);
  });

  it('the English word list is of one kind: no spelling pair splits a word both dialects use', () => {
    const { englishDialects } = require('../../server/src/core/languages/dialects') as typeof import('../../server/src/core/languages/dialects');
    const table = englishDialects();
    assert.ok(table.size > 3000, `${table.size} pairs`);
    for (const w of ['licence', 'license', 'programme', 'program', 'metre', 'meter', 'tyre', 'tire', 'cheque', 'check', 'draught', 'draft']) assert.equal(table.get(w), undefined, w);
    assert.equal(table.get('colour')?.other, 'color');
    assert.equal(table.get('organisation')?.family, table.get('organize')?.family);
  });
});

describe('variants: properties', () => {
  /** Forms of a few words and names, written every way the check compares, and text around them. */
  const FORMS = [
    'cross-border', 'cross border', 'crossborder', 'Cross-border', 'long-term', 'long term', 'longterm', 'e-learning', 'elearning',
    'work force', 'workforce', 'colour', 'color', 'colours', 'colors', 'organise', 'organize', 'organisation', 'organization',
    'Internet', 'internet', 'Pearl River Delta', 'pearl river delta', 'Pearl River delta', 'the Cabinet', 'the cabinet',
    'every day', 'everyday', 'set up', 'setup', 'follow-up', 'follow up', 're-sign', 'resign', 'licence', 'license',
  ];
  const FILLER = ['the port', 'and', 'of trade', 'grew', 'in May', 'Phase 2', 'rules', 'data', '**bold** text', '`code span`', 'IPP'];
  const GLUE = [' ', ' ', ' ', '\n', ', ', '. ', '; ', '\n\n', ' (', ') '];
  const docs = fc.array(fc.tuple(fc.constantFrom(...FORMS, ...FORMS, ...FILLER), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

  it('fix-all leaves no variant, and every finding keeps the invariants', () => {
    fc.assert(
      fc.property(docs, fc.constantFrom<FormatId>('markdown', 'plaintext', 'html'), (text, format) => {
        const options: LintOptions = { format };
        const result = lintText(text, none, options);
        checkResult(text, result);
        const fixed = applyEdits(text, fixAllEdits(result.findings));
        const again = lintText(fixed, none, options).findings.filter((f) => f.kind === 'variant');
        assert.deepEqual(again.map((f) => f.message), [], `after fix-all of ${JSON.stringify(text)}\nas ${JSON.stringify(fixed)}`);
      }),
      fcParams(300),
    );
  });

  it('the incremental linter agrees with lintText over random edits', () => {
    fc.assert(
      fc.property(docs, docs, fc.nat(), (a, b, at) => {
        const linter = new DocumentLinter(none, { format: 'markdown' });
        linter.lint(a);
        const cut = at % (a.length + 1);
        const edited = a.slice(0, cut) + b + a.slice(cut);
        assert.deepEqual(linter.lint(edited).findings, lintText(edited, none, { format: 'markdown' }).findings);
      }),
      fcParams(100),
    );
  });
});

describe('the word table read with the tokens (tokenWords) is the word table read after them', () => {
  const { tokenOffsets, tokenWords } = require('../../server/src/core/text') as typeof import('../../server/src/core/text');
  const { wordTable } = require('../../server/src/core/consistency/words') as typeof import('../../server/src/core/consistency/words');
  const { buildView } = require('../../server/src/core/view') as typeof import('../../server/src/core/view');
  const { english } = require('../../server/src/core/languages/english') as typeof import('../../server/src/core/languages/english');
  const pieces = ['Cross', 'border', 'IPP', 'SMEs', 'iPhone', 'Ärger', 'straße', 'x2', '2024', 'co\u00adop', 'zw\u200dj', '😀', '𝐀bc', '广东', 'É', ' ', '-', '\n', '. ', '"', "'", '\u00a0'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));

  it('same tokens, hashes, lengths, letters and gaps', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const view = buildView(text, 'plaintext');
        const plain = tokenOffsets(view.masked);
        const fused = tokenWords(view.masked);
        assert.deepEqual([...fused.starts.subarray(0, fused.length)], [...plain.starts.subarray(0, plain.length)]);
        assert.deepEqual([...fused.ends.subarray(0, fused.length)], [...plain.ends.subarray(0, plain.length)]);
        const a = wordTable(view, plain, [], english, english.variants!);
        const b = wordTable(view, fused, [], english, english.variants!);
        for (const key of ['hash', 'pow', 'flags', 'gap'] as const) assert.deepEqual([...b[key]], [...a[key]], key);
      }),
      fcParams(500),
    );
  });
});
