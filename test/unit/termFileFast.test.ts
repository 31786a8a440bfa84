/**
 * parseTermFile reads clean term files through JSON.parse and falls back to the full parser (a syntax tree with
 * positions) for anything else. Whatever the input, the result must be exactly the full parser's: the same list
 * in the same order, the same problems. Random mutations of real term files probe the boundary between the two.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { parseCleanTermFile } from '../../server/src/core/termlists/jsonFast';
import { parseTermFileInFull } from '../../server/src/core/termlists/jsonFull';
import { REPO_ROOT } from '../helpers/terms';
import { rng } from '../helpers/random';

const GENERATED = JSON.stringify(
  {
    title: 'Generated',
    source: 'test',
    terms: [
      { term: 'Hong Kong', translations: { 'zh-Hans': '香港', '1': 'one' }, note: 'n' },
      { term: 'Guangdong', forbidden: ['Kwangtung'], caseSensitive: true },
      { term: 'new quality productivity forces', admitted: ['new quality productive forces'], forbidden: ['productivityforces'] },
      { term: 'high-quality development', source: 'own' },
      { term: 'Macao', forbidden: ['Macau'] },
    ],
    ignore: ['Macau Grand Prix'],
  },
  null,
  2,
);

const MUTATIONS = [
  '"term"', '"admitted"', '"forbidden"', '"__proto__"', '"te\\u0072m"', ' // comment\n', '/* c */', ',', '}', '{', '[', ']', '""', '"  "',
  '"漢字"', 'null', 'true', '1', '"1"', '"caseSensitive": 1,', '"note": "x",', '"translations": {"1": "a", "en": "b"},', '\ufeff', '\t',
  '\n', '"Hong Kong"', '"hong-kong"', '"HongKong"', '"x"', '"terms": [],', '"extra": 1,', '"\\""',
];

describe('term files: the fast path for clean files', () => {
  const bundled = fs.readFileSync(path.join(REPO_ROOT, 'terms', 'guangdong.terms.json'), 'utf8');

  it('takes clean files, with the result of the full parser', () => {
    const fast = parseCleanTermFile(GENERATED, 'a.terms.json');
    assert.ok(fast, 'a clean file goes the fast way');
    assert.equal(JSON.stringify(fast), JSON.stringify(parseTermFileInFull(GENERATED, 'a.terms.json')));
  });

  it('leaves the concept shape (form objects, exceptions, languages) to the full parser, with the same result', () => {
    // The bundled list notes superseded names and official names that keep a forbidden spelling.
    assert.equal(parseCleanTermFile(bundled, 'a.terms.json'), undefined);
    assert.equal(JSON.stringify(parseTermFile(bundled, 'a.terms.json')), JSON.stringify(parseTermFileInFull(bundled, 'a.terms.json')));
    assert.deepEqual(parseTermFile(bundled, 'a.terms.json').problems, []);
  });

  it('reads abbreviations as the full parser does', () => {
    const text = JSON.stringify({ terms: [{ term: 'Institute of Public Policy', abbreviation: 'IPP', abbreviationDefined: true }, { term: 'Port Authority', abbreviation: 'PA' }] }, null, 2);
    const fast = parseCleanTermFile(text, 'a.terms.json');
    assert.ok(fast, 'a clean file goes the fast way');
    assert.equal(JSON.stringify(fast), JSON.stringify(parseTermFileInFull(text, 'a.terms.json')));
    assert.deepEqual(fast.list!.terms.map((t) => t.abbreviation), [{ short: 'IPP', defined: true }, { short: 'PA', defined: false }]);
  });

  it('gives the result of the full parser for 3,000 mutated files', () => {
    const random = rng(42);
    let clean = 0;
    for (let n = 0; n < 3000; n++) {
      let text = random() < 0.5 ? bundled : GENERATED;
      for (let k = Math.floor(random() * 4); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        const r = random();
        if (r < 0.55) text = text.slice(0, at) + MUTATIONS[Math.floor(random() * MUTATIONS.length)] + text.slice(at);
        else if (r < 0.85) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
        else {
          const quote = text.indexOf('"', at);
          if (quote >= 0) text = text.slice(0, quote + 1) + ['X', 'Hong Kong', '', '  ', 'Guangdong'][Math.floor(random() * 5)] + text.slice(quote + 1);
        }
      }
      const full = parseTermFileInFull(text, 'm.terms.json');
      assert.equal(JSON.stringify(parseTermFile(text, 'm.terms.json')), JSON.stringify(full), JSON.stringify(text));
      const fast = parseCleanTermFile(text, 'm.terms.json');
      if (fast) {
        clean++;
        assert.equal(JSON.stringify(fast), JSON.stringify(full));
      }
    }
    assert.ok(clean > 500, `only ${clean} mutated files were clean`);
  });

  it('leaves repeated keys, escaped keys, "__proto__" and deep nesting to the full parser', () => {
    const entry = (body: string) => `{"terms": [{"term": "Macao"}, ${body}, {"term": "Hong Kong"}]}`;
    for (const text of [
      entry('{"term": "Guangdong", "term": "Canton"}'),
      entry('{"term": "Guangdong", "translations": {"fr": "a", "de": "b", "fr": "c"}}'),
      entry('{"term": "Guangdong", "translations": {"__proto__": "a"}}'),
      entry('{"term": "Guangdong", "te\\u0072m": "b"}'),
      '{"terms": [{"term": "Macao"}], "title": "a", "terms": [{"term": "Hong Kong"}]}',
      `{"terms": [{"term": "Macao", "note": ${'['.repeat(40)}${']'.repeat(40)}}]}`,
    ]) {
      assert.equal(parseCleanTermFile(text, 'd.terms.json'), undefined, text);
      assert.equal(JSON.stringify(parseTermFile(text, 'd.terms.json')), JSON.stringify(parseTermFileInFull(text, 'd.terms.json')));
    }
  });

  it('places entries as the full parser does, whatever the line breaks and escapes', () => {
    const body = '{ "title": "t\\"\\\\",\n  "terms": [\n\t{"term": "Macao", "note": "a \\"quoted\\" \\\\ note"},\r\n  {"term": "Hong Kong", "translations": {"1": "a", "en": "b"}},\r{"term": "Guangdong"}  ,\n\n   {"term": "x\\u0041y", "admitted": [], "forbidden": ["xay"], "caseSensitive": false, "source": "s"}]}';
    const fast = parseCleanTermFile(body, 'p.terms.json');
    assert.ok(fast, 'clean');
    assert.equal(JSON.stringify(fast), JSON.stringify(parseTermFileInFull(body, 'p.terms.json')));
    assert.deepEqual(
      fast.list!.terms.map((t) => [t.origin!.line, t.origin!.column]),
      [[2, 1], [3, 2], [4, 0], [6, 3]],
    );
  });

  it('shares one frozen empty list and translations object between terms that have none', () => {
    for (const parse of [parseCleanTermFile, parseTermFileInFull]) {
      const { list } = parse('{"terms": [{"term": "Macao"}, {"term": "Hong Kong", "admitted": [], "translations": {}}, {"term": "Guangdong", "admitted": ["Canton"]}]}', 'e.terms.json')!;
      const [a, b, c] = list!.terms;
      assert.equal(a!.admitted, b!.admitted);
      assert.equal(a!.forbidden, c!.forbidden);
      assert.equal(a!.translations, b!.translations);
      assert.ok(Object.isFrozen(a!.admitted) && Object.isFrozen(a!.translations));
      assert.deepEqual(c!.admitted, ['Canton']);
    }
  });
});
