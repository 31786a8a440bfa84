/**
 * Hostile and broken term files: each gives a clear problem with its JSON path and exact position, or runs
 * into a documented limit (TERM_LIMITS, the misspelling-index cap). And whatever the bytes, the parser
 * never throws: a property test feeds it broken JSON and mutated valid files.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTerms } from '../../server/src/core/compile';
import { lintText } from '../../server/src/core/lint';
import { readTermList } from '../../server/src/core/termlists/registry';
import { TERM_LIMITS } from '../../server/src/core/termlists/validation';
import type { TermFileProblem } from '../../server/src/core/types';
import { fcParams } from '../helpers/arbitraries';

/** Problems as `line:column path message` (1-based, as the CLI prints them). */
function problems(text: string): string[] {
  const r = readTermList(text, 'team.terms.json');
  assert.equal(r.list === undefined, r.problems.some((p) => p.severity === 'error'), 'a list exactly when there is no error');
  return r.problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.path} ${p.message}`);
}

/** The problem's position must be where its offset is, and the offset where the quoted text is. */
function assertPositioned(text: string, p: TermFileProblem): void {
  assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${p.message}: range inside the file`);
  const before = text.slice(0, p.offset).split(/\r\n|\r|\n/);
  assert.deepEqual([p.line, p.column], [before.length - 1, before[before.length - 1]!.length], `${p.message}: line and column of its offset`);
  assert.equal(typeof p.path, 'string');
  assert.ok(p.message.length > 0);
}

const terms = (entries: unknown[]) => JSON.stringify({ terms: entries }, null, 2);

describe('term files: broken and hostile input', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    { name: 'empty file', text: '', expected: ['1:1  The term file is empty'] },
    { name: 'trailing comma', text: '{\n  "terms": [\n    { "term": "Macao", }\n  ]\n}', expected: ['3:24  Remove the comma before }: JSON allows none after the last item'] },
    { name: 'truncated file', text: '{ "terms": [ { "term": "Mac', expected: ['1:24  This text is never closed: a double quote (") is missing', '1:28  The file ends before every { and [ is closed: is something cut off?'] },
    // The JSON parser pointed one past the end here (found by the property below).
    { name: 'unclosed comment at the end', text: '{ "terms": [] /*', expected: ['1:15  This comment is never closed: */ is missing', '1:17  The file ends before every { and [ is closed: is something cut off?'] },
    { name: 'not an object', text: '["Macao"]', expected: ['1:1  A term file must be a JSON object with a "terms" array'] },
    { name: 'missing terms', text: '{ "title": "x" }', expected: ['1:1 terms Missing required property "terms"'] },
    { name: 'terms of the wrong type', text: '{ "terms": {} }', expected: ['1:12 terms "terms" must be an array'] },
    { name: 'unknown top-level key', text: '{ "terms": [], "term": "x" }', expected: ['1:16 term Unknown property "term": did you mean "terms"?'] },
    { name: 'entry of the wrong type', text: '{ "terms": ["Macao"] }', expected: ['1:13 terms[0] A term entry must be an object with a "term" property'] },
    { name: 'missing term', text: terms([{ admitted: ['Macau'] }]), expected: ['3:5 terms[0].term Missing required property "term"'] },
    { name: 'term of the wrong type', text: terms([{ term: 42 }]), expected: ['4:15 terms[0].term "term" must be a string'] },
    { name: 'forms of the wrong type', text: terms([{ term: 'Macao', admitted: 'Macau', forbidden: ['Macau', 7] }]), expected: ['5:19 terms[0].admitted "admitted" must be an array of strings', '8:9 terms[0].forbidden[1] Expected a string, or an object { "form": …, "note": … }'] },
    { name: 'caseSensitive of the wrong type', text: terms([{ term: 'Macao', caseSensitive: 'yes' }]), expected: ['5:24 terms[0].caseSensitive "caseSensitive" must be true or false'] },
    { name: 'empty strings', text: terms([{ term: '' }, { term: 'Macao', forbidden: ['  '] }]), expected: ['4:15 terms[0].term Empty term', '9:9 terms[1].forbidden[0] Empty term'] },
    { name: 'punctuation only', text: terms([{ term: '!!! ... ---' }]), expected: ['4:15 terms[0].term "!!! ... ---" has no letters or digits, so it can never match'] },
    { name: 'CJK characters', text: terms([{ term: 'Guangdong 广东' }]), expected: ['4:15 terms[0].term "Guangdong 广东" contains CJK characters, which Termlint does not match; put them under "translations"'] },
    { name: 'the same form twice in one entry', text: terms([{ term: 'Macao', forbidden: ['Macau', 'Macau'] }]), expected: ['7:9 terms[0].forbidden[1] "Macau" is listed twice in this entry'] },
    { name: 'duplicate entries', text: terms([{ term: 'Hong Kong' }, { term: 'hong-kong' }]), expected: ['7:15 terms[1].term Duplicate: "hong-kong" (terms[1].term) is the same term as "Hong Kong" at terms[0].term'] },
    {
      name: 'contradiction',
      text: terms([{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Macau' }]),
      expected: ['10:15 terms[1].term Contradiction: "Macau" (terms[0].forbidden[0]) is forbidden, but "Macau" is an approved form at terms[1].term'],
    },
    { name: 'unknown key in an entry', text: terms([{ term: 'Macao', pattern: 'Maca[ou]' }]), expected: ['5:7 terms[0].pattern Unknown property "pattern" (allowed: term, admitted, forbidden, caseSensitive, translations, note, source, id, languages, exceptions, subject, definition, replace, modifier, notVariants, abbreviation, abbreviationDefined)'] },
    { name: 'modifier of the wrong type', text: terms([{ term: 'long-term', modifier: 'yes' }]), expected: ['5:19 terms[0].modifier "modifier" must be true or false'] },
    { name: 'notVariants of the wrong type', text: terms([{ term: 'Nansha', notVariants: 'Nanshan' }]), expected: ['5:22 terms[0].notVariants "notVariants" must be an array of strings'] },
    {
      name: 'a look-alike that is a form of its own entry',
      text: terms([{ term: 'Nansha', forbidden: ['Nan Sha'], notVariants: ['Nanshan', 'nan  sha', ''] }]),
      expected: [
        '10:9 terms[0].notVariants[1] "nan  sha" is a form of this entry, so it cannot be a look-alike that is not a variant',
        '11:9 terms[0].notVariants[2] Empty term',
      ],
    },
    { name: 'an abbreviation of two words', text: terms([{ term: 'Institute of Public Policy', abbreviation: 'I P' }]), expected: ['5:23 terms[0].abbreviation "abbreviation" must be one word of at most 20 characters with a letter, such as "IPP"'] },
    { name: 'abbreviationDefined with no abbreviation', text: terms([{ term: 'Institute of Public Policy', abbreviationDefined: true }]), expected: ['5:7 terms[0].abbreviationDefined "abbreviationDefined" needs an "abbreviation"'] },
    { name: 'abbreviationDefined not a boolean', text: terms([{ term: 'Institute of Public Policy', abbreviation: 'IPP', abbreviationDefined: 'yes' }]), expected: ['6:30 terms[0].abbreviationDefined "abbreviationDefined" must be true or false'] },
    {
      name: 'nesting 100,000 levels deep (the JSON parser would overflow its stack)',
      text: '{ "terms": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ' }',
      expected: [`1:${11 + TERM_LIMITS.maxNesting} Arrays and objects nest more than ${TERM_LIMITS.maxNesting} levels deep here; a term file needs 4`.replace(/^(\S+) /, '$1  ')],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(problems(c.text), c.expected);
      for (const p of readTermList(c.text, 'x.terms.json').problems) assertPositioned(c.text, p);
    });
  }

  it('positions count UTF-16 columns after CRLF lines and astral characters', () => {
    const text = '{\r\n  "title": "terms",\r\n  "terms": [ { "note": "😀𠀀", "term": "😀 !" } ]\r\n}';
    // "😀𠀀" is four UTF-16 code units (two code points), so the value starts at column 40, not 38.
    assert.deepEqual(problems(text), ['3:40 terms[0].term "😀 !" has no letters or digits, so it can never match']);
  });

  it('comments are allowed (JSONC), strings that look like comments are not comments', () => {
    const text = '{\n  // the team list\n  "terms": [ /* one */ { "term": "a // b" } ]\n}';
    assert.deepEqual(problems(text), []);
  });

  it('limits: form length, words per form, forms per entry', () => {
    const long = 'a'.repeat(TERM_LIMITS.maxFormLength + 1);
    const manyWords = Array.from({ length: TERM_LIMITS.maxWordsPerForm + 1 }, (_, i) => `w${i}`).join(' ');
    const manyForms = Array.from({ length: TERM_LIMITS.maxFormsPerTerm }, (_, i) => `form${i}x`);
    const got = problems(terms([{ term: long }, { term: manyWords }, { term: 'Macao', admitted: manyForms }]));
    assert.deepEqual(got, [
      `4:15 terms[0].term Term is 501 characters long; the limit is ${TERM_LIMITS.maxFormLength}`,
      `7:15 terms[1].term "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w1…" has 65 words; the limit is ${TERM_LIMITS.maxWordsPerForm}`,
      `9:5 terms[2] Too many forms (${TERM_LIMITS.maxFormsPerTerm + 1}); the limit is ${TERM_LIMITS.maxFormsPerTerm}`,
    ]);
  });

  it('a term of 50 words is accepted and matched, written apart or with a hyphen', () => {
    const words = Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const r = readTermList(terms([{ term: words.join(' ') }]), 'x.terms.json');
    assert.deepEqual(r.problems, []);
    const compiled = compileTerms([r.list!]);
    const written = words.slice(0, 20).join(' ') + '-' + words.slice(20).join('\n');
    const { findings } = lintText(`Intro. ${written} ends.`, compiled, { format: 'plaintext' });
    assert.deepEqual(findings.map((f) => [f.kind, f.start, f.found.length]), [['hyphen', 7, written.length]]);
  });

  it('a term written like a regular expression is plain text, matched literally (no ReDoS)', () => {
    const r = readTermList(terms([{ term: '(a+)+$ x' }, { term: 'Maca[ou] y' }]), 'x.terms.json');
    assert.deepEqual(r.problems, []);
    const compiled = compileTerms([r.list!]);
    // The classic catastrophic-backtracking input for (a+)+$ is linted in linear time.
    const text = 'a'.repeat(50_000) + '! Maca[ou] y and Macao y.';
    const { occurrences } = lintText(text, compiled, { format: 'plaintext' });
    assert.deepEqual(occurrences.map((o) => text.slice(o.start, o.end)), ['Maca[ou] y']);
  });

  it('a list of 10,000 entries parses and compiles (100,000 run in npm run test:stress)', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ term: `term${i.toString(36)}x entry${i}`, forbidden: i % 7 === 0 ? [`bad${i.toString(36)}x`] : undefined }));
    const r = readTermList(terms(entries), 'x.terms.json');
    assert.deepEqual(r.problems, []);
    const compiled = compileTerms([r.list!]);
    assert.equal(compiled.termCount, 10_000);
    const { findings } = lintText('We use term2x entry2 and bad0x here.', compiled, { format: 'plaintext' });
    assert.deepEqual(findings.map((f) => [f.kind, f.found, f.expected]), [['forbidden', 'bad0x', 'term0x entry0']]);
  });

  it('never throws, and every problem is positioned, whatever the text', () => {
    const valid = terms([{ term: 'Macao', admitted: ['Macao SAR'], forbidden: ['Macau'], translations: { 'zh-Hans': '澳门' } }, { term: 'Hong Kong' }]);
    const mutation = fc.oneof(
      fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ unit: 'binary', maxLength: 4 })),
      fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '/*', '//', '\n', '\ud800', 'null', 'true', '1e999')),
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 6 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ terms: [v, { term: 'Macao' }] })),
      fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ms) =>
        ms.reduce((t, [at, del, ins]) => {
          const i = at % (t.length + 1);
          return t.slice(0, i) + ins + t.slice(i + del);
        }, valid),
      ),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = readTermList(t, 'x.terms.json');
        for (const p of r.problems) assertPositioned(t, p);
        assert.equal(r.list === undefined, r.problems.some((p) => p.severity === 'error'));
        if (r.list) compileTerms([r.list]);
      }),
      fcParams(1000),
    );
  });
});
