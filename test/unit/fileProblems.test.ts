/**
 * Problems in term files as the person who typed them meets them: a misspelt key names the key it most likely
 * is, with that key as the replacement (the editor's quick fix), and nothing when the guess could go either way;
 * a duplicate or contradiction names both places, and the editor shows it at the one just edited.
 */
import * as assert from 'node:assert/strict';
import { readTermList } from '../../server/src/core/termlists/registry';
import { closestName } from '../../server/src/core/suggest';
import { editedRegion, placeNearEdit } from '../../server/src/problemPlacement';

function unknownKeys(text: string): { path: string; message: string; replacement?: string; quoted: string }[] {
  return readTermList(text, 'team.terms.json').problems.map((p) => ({
    path: p.path,
    message: p.message,
    ...(p.replacement !== undefined ? { replacement: p.replacement } : {}),
    quoted: text.slice(p.offset, p.offset + p.length),
  }));
}

describe('misspelt keys in term files', () => {
  const entryCases: [string, string | undefined][] = [
    ['admited', 'admitted'],
    ['forbiden', 'forbidden'],
    ['Forbidden', 'forbidden'],
    ['caseSensitve', 'caseSensitive'],
    ['case_sensitive', 'caseSensitive'],
    ['translation', 'translations'],
    ['notes', 'note'],
    ['Term', 'term'],
    ['approved', undefined],
    ['pattern', undefined],
  ];
  for (const [typed, meant] of entryCases) {
    it(`an entry's "${typed}" ${meant ? `is "${meant}"` : 'gets the list of keys'}`, () => {
      const text = `{\n  "terms": [\n    { "term": "Macao", "${typed}": ${typed === 'translation' ? '{}' : typed === 'caseSensitve' || typed === 'case_sensitive' ? 'true' : typed === 'notes' ? '"x"' : '["Macau"]'} }\n  ]\n}`;
      const [p, ...rest] = unknownKeys(text);
      assert.deepEqual(rest, []);
      assert.equal(p!.path, `terms[0].${typed}`);
      assert.equal(p!.quoted, `"${typed}"`, 'the key is underlined, quotes included, so the replacement fits');
      if (meant) {
        assert.equal(p!.message, `Unknown property "${typed}": did you mean "${meant}"?`);
        assert.equal(p!.replacement, JSON.stringify(meant));
      } else {
        assert.match(p!.message, /^Unknown property "\w+" \(allowed: term, admitted, forbidden, caseSensitive, translations, note, source, id, languages, exceptions, subject, definition, replace, modifier, notVariants, abbreviation, abbreviationDefined\)$/);
        assert.equal(p!.replacement, undefined);
      }
    });
  }

  it('at the top level too ("ignored" → "ignore", "tittle" → "title")', () => {
    const problems = unknownKeys('{ "tittle": "x", "terms": [], "ignored": ["Macau Street"] }');
    assert.deepEqual(problems.map((p) => [p.path, p.replacement]), [['tittle', '"title"'], ['ignored', '"ignore"']]);
  });

  it('no guess when two keys are as close, or the name is too short to tell', () => {
    assert.equal(closestName('sorce', ['source', 'force']), undefined);
    assert.equal(closestName('ab', ['abc', 'abd']), undefined);
    assert.equal(closestName('inf', ['information', 'info']), 'info', 'an exact prefix within reach wins over a longer one');
    assert.equal(closestName('warn', ['error', 'warning', 'information', 'hint', 'off']), 'warning');
  });
});

describe('duplicates and contradictions: shown where the user just typed', () => {
  const before = JSON.stringify({ terms: [{ term: 'Macao', forbidden: ['Macau'] }, { term: 'Shenzhen' }] }, null, 2);

  function problemsAfter(edit: (text: string) => string): { before: string; after: string; problems: ReturnType<typeof readTermList>['problems'] } {
    const after = edit(before);
    return { before, after, problems: readTermList(after, 'team.terms.json').problems };
  }

  it('the core reports at the later form and names the earlier one', () => {
    const { after, problems } = problemsAfter((t) => t.replace('{\n      "term": "Shenzhen"\n    }', '{\n      "term": "Shenzhen"\n    },\n    {\n      "term": "Macau"\n    }'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'terms[2].term');
    assert.equal(problems[0]!.related?.path, 'terms[0].forbidden[0]');
    assert.equal(after.slice(problems[0]!.related!.offset, problems[0]!.related!.offset + problems[0]!.related!.length), '"Macau"');
  });

  it('an entry added at the top is the one flagged, not the old entry further down', () => {
    const { before: b, after, problems } = problemsAfter((t) => t.replace('"terms": [\n', '"terms": [\n    { "term": "Shen-zhen" },\n'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'terms[2].term', 'the core: the later form, the old entry');
    const placed = placeNearEdit(problems, b, after);
    assert.equal(placed[0]!.path, 'terms[0].term');
    assert.equal(after.slice(placed[0]!.offset, placed[0]!.offset + placed[0]!.length), '"Shen-zhen"');
    assert.equal(placed[0]!.line, 2);
    assert.equal(placed[0]!.related?.path, 'terms[2].term');
    assert.equal(placed[0]!.message, problems[0]!.message, 'the message names both places, so it reads the same at either');
  });

  it('a forbidden form typed into an old entry is flagged there', () => {
    const { before: b, after, problems } = problemsAfter((t) => t.replace('"term": "Shenzhen"', '"term": "Shenzhen",\n      "forbidden": ["Shenzen"]').replace('"forbidden": [\n        "Macau"\n      ]', '"forbidden": [\n        "Macau",\n        "Shenzhen"\n      ]'));
    // Two edits in one step: the region spans both, and each problem goes to the form inside it.
    assert.ok(problems.length >= 1);
    for (const p of placeNearEdit(problems, b, after)) {
      const region = editedRegion(b, after);
      assert.ok(p.offset >= region.start - 1 && p.offset <= region.end, `${p.path} lies in the edit ${JSON.stringify(region)}`);
    }
  });

  it('without an edit to go by (a file read from disk the first time), the core\'s place stands', () => {
    const { after, problems } = problemsAfter((t) => t.replace('"terms": [\n', '"terms": [\n    { "term": "Shen-zhen" },\n'));
    assert.deepEqual(placeNearEdit(problems, undefined, after), problems);
  });
});
