/**
 * The compact structures behind a large term list, checked against the obvious ones, and the idle
 * collector that gives memory back after a burst of work.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTerms } from '../../server/src/core/compile';
import { DocumentLinter } from '../../server/src/core/document';
import { CompactStringSet, StringSetBuilder } from '../../server/src/core/stringSet';
import { parseTermFile } from '../../server/src/core/termlists/json';
import { createGarbageBudget, createIdleCollector, exposeGc } from '../../server/src/node/memory';
import { KeyTrie } from '../../server/src/core/trie';
import { waitFor } from '../helpers/wait';

describe('compact term structures', () => {
  it('CompactStringSet answers exactly as a Set does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }), (words, probes) => {
        const set = new CompactStringSet(words);
        const reference = new Set(words);
        assert.equal(set.size, words.length);
        for (const w of [...words, ...probes, '', 'x'.repeat(13)]) assert.equal(set.has(w), reference.has(w), JSON.stringify(w));
      }),
      { numRuns: 300 },
    );
  });

  it('a compacted KeyTrie (tails for branch-free runs) walks exactly like the one it was built as', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '\uffff', "'"), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 60 }), fc.array(key, { maxLength: 30 }), (keys, probes) => {
        const trie = new KeyTrie(4);
        keys.forEach((k, i) => trie.insert(k, i * 70_001));
        const expected = new Map(keys.map((k, i) => [k, i * 70_001]));
        // Every prefix walk: the node exists exactly when some key starts with the prefix.
        const walk = (t: KeyTrie, s: string) => {
          const out: number[] = [];
          let node = 0;
          for (let i = 0; i < s.length && node >= 0; i++) {
            node = t.child(node, s.charCodeAt(i));
            out.push(node < 0 ? -2 : t.value(node));
          }
          return out;
        };
        const before = [...keys, ...probes].map((s) => walk(trie, s));
        trie.compact();
        assert.deepEqual([...keys, ...probes].map((s) => walk(trie, s)), before);
        for (const s of [...keys, ...probes]) {
          const node = trie.find(s);
          assert.equal(node >= 0 ? trie.value(node) : -1, expected.get(s) ?? -1, JSON.stringify(s));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the trie outgrows the room made for the approved forms when the other forms are longer', () => {
    // Room is made for as many nodes as the approved forms have characters; here the forbidden spellings need
    // about forty times that, so the trie grows (by half each time) while the list compiles.
    const terms = Array.from({ length: 300 }, (_, i) => ({
      term: `Q${i}`,
      forbidden: [`Qilinlang Port Authority ${i} North`, `Zhuhai-${i} Hengqin Cooperation Zone`],
      admitted: [`Q-${i}x`],
    }));
    const compiled = compileTerms([parseTermFile(JSON.stringify({ terms }), 'long.terms.json').list!]);
    for (const [i, key] of [
      [0, 'qilinlangportauthority0north'],
      [299, 'zhuhai299hengqincooperationzone'],
      [150, 'q150x'],
      [7, 'q7'],
    ] as const) {
      const forms = compiled.formsOf(compiled.trie.value(compiled.trie.find(key)));
      assert.ok(forms.length > 0, key);
      assert.equal(compiled.entry(forms[0]!.term).term.id, `Q${i}`, key);
    }
    assert.equal(compiled.trie.find('qilinlangportauthority0nort'.replace('nort', 'south')), -1);
  });

  it('a compiled list forgets its misspelling lookups and makes them again, with the same findings', () => {
    const list = parseTermFile(
      JSON.stringify({ terms: [{ term: 'Shenzhen' }, { term: 'Qianhai Railway Station' }, { term: 'Nansha Railway Station' }, { term: 'Hengqin Port' }] }),
      'places.terms.json',
    ).list!;
    const compiled = compileTerms([list]);
    const linter = new DocumentLinter(compiled, { format: 'markdown' });
    let text = '# Links\n\nThe Qianhai Railway Staton and Shenzen.\n\nTrains leave the Nansha Railwy Station for Hengqin Prot.\n';
    const first = linter.lint(text).findings.map((f) => `${f.kind} ${f.found}`);
    assert.ok(first.length >= 3, JSON.stringify(first));
    const { neighbours, cache } = compiled.fuzzy();
    assert.ok(cache.size > 0, 'lookups were kept');
    compiled.forgetLookups();
    assert.equal(cache.size, 0);
    assert.notEqual(compiled.fuzzy().neighbours, neighbours, 'a new, empty neighbour index');
    // The next edit and a whole new lint find what they found with the lookups kept.
    text = text.replace('Shenzen.', 'Shenzen and Qianhai Railway Staton.');
    const edited = linter.lint(text).findings.map((f) => `${f.kind} ${f.found}`);
    assert.deepEqual(edited, new DocumentLinter(compileTerms([list]), { format: 'markdown' }).lint(text).findings.map((f) => `${f.kind} ${f.found}`));
    assert.ok(edited.filter((f) => f.endsWith('Qianhai Railway Staton')).length === 2, JSON.stringify(edited));
  });

  it('StringSetBuilder keeps each word once', () => {
    const b = new StringSetBuilder();
    for (const w of ['guangdong', 'bay', 'guangdong', 'area', 'bay']) b.add(w);
    const set = b.build();
    assert.equal(set.size, 3);
    assert.ok(set.has('area') && set.has('bay') && set.has('guangdong') && !set.has('ba') && !set.has('bays'));
  });

  it('groups the forms of a key by term, the later list winning a shared spelling', () => {
    const first = parseTermFile(JSON.stringify({ terms: [{ term: 'Macao', admitted: ['Macau'] }, { term: 'Hong Kong', forbidden: ['Hongkong'] }] }), 'a.terms.json').list!;
    const second = parseTermFile(JSON.stringify({ terms: [{ term: 'Aomen', forbidden: ['Macau'] }] }), 'b.terms.json').list!;
    const compiled = compileTerms([first, second]);
    assert.equal(compiled.termCount, 3);
    const formsAt = (key: string) => compiled.formsOf(compiled.trie.value(compiled.trie.find(key))).map((f) => [compiled.entry(f.term).term.id, f.form, f.shape.text]);
    assert.deepEqual(formsAt('macao'), [['Macao', 0, 'Macao']]);
    // "Macau" was Macao's admitted spelling; the later list forbids it for Aomen.
    assert.deepEqual(formsAt('macau'), [['Aomen', -1, 'Macau']]);
    assert.deepEqual(formsAt('hongkong'), [
      ['Hong Kong', 0, 'Hong Kong'],
      ['Hong Kong', -1, 'Hongkong'],
    ]);
    assert.ok(compiled.notes.some((n) => n.includes('"Macau" of "Aomen" replaces the same spelling in "Macao"')));
    assert.deepEqual(compiled.wordsOf(1, 0), ['Hong', 'Kong']);
    assert.ok(compiled.vocabulary.has('kong') && compiled.vocabulary.has('hongkong') && !compiled.vocabulary.has('Kong'));
    const fuzzy = compiled.fuzzy();
    const kong = fuzzy.index.words.indexOf('kong');
    assert.ok(kong >= 0);
    const uses = [];
    for (let u = fuzzy.uses.start[kong]!; u < fuzzy.uses.start[kong + 1]!; u++) uses.push([fuzzy.uses.term[u], fuzzy.uses.form[u], fuzzy.uses.word[u]]);
    assert.deepEqual(uses, [[1, 0, 1]]);
  });
});

describe('idle collector', () => {
  it('collects after the work stops, and once more when it has stayed stopped, not while it goes on', async () => {
    let runs = 0;
    let forgotten = 0;
    let lastPoke = 0;
    // How old the last work was when the caches were dropped before the settling collection.
    let settledAfter = 0;
    let compacted = 0;
    const collector = createIdleCollector(30, (compact) => ((runs++), compact && compacted++), 1000, () => {
      forgotten++;
      settledAfter = performance.now() - lastPoke;
    });
    const poke = () => {
      lastPoke = performance.now();
      collector.poke();
    };
    try {
      for (let i = 0; i < 5; i++) poke();
      assert.equal(runs, 0, 'nothing runs while work goes on');
      await waitFor(() => collector.runs === 1, 2000, 'the collection');
      // Two collections: one frees, the next gives the empty pages back.
      assert.equal(runs, 2);
      assert.equal(forgotten, 0, 'caches are dropped only when the work has stayed stopped');
      assert.equal(compacted, 0, 'only the settling collection compacts');
      await waitFor(() => collector.runs === 2, 3000, 'the settling collection');
      assert.equal(runs, 4);
      assert.equal(forgotten, 1, 'after dropping the caches');
      assert.equal(compacted, 1, 'the settling collection compacts, in its last collection');
      // Work before the settling collection puts both off again.
      poke();
      await waitFor(() => collector.runs === 3, 2000, 'a collection after more work');
      poke();
      await waitFor(() => forgotten === 2, 3000, 'the settling collection after the last work');
      assert.ok(settledAfter >= 990, `the settling collection waits for the last work to be 1 s old (${settledAfter.toFixed(0)} ms)`);
      assert.equal(collector.runs, 5, 'one short collection per burst of work and one settling collection: nothing more');
    } finally {
      collector.dispose();
    }
  });

  it('collects around a compile only after large term-list reads', () => {
    let runs = 0;
    const budget = createGarbageBudget(1000, () => runs++);
    budget.read(600);
    budget.beforeCompile();
    budget.afterCompile();
    assert.equal(runs, 0, 'small reads: no collection');
    budget.read(600);
    budget.read(500);
    budget.beforeCompile();
    assert.equal(runs, 1, 'large reads since the last compile: one collection before it');
    budget.afterCompile();
    assert.equal(runs, 2, 'and one after it');
    budget.beforeCompile();
    budget.afterCompile();
    assert.equal(runs, 2, 'a compile with nothing read since: none');
    assert.equal(budget.runs, 2);
    const none = createGarbageBudget(1, null);
    none.read(10);
    none.beforeCompile();
    none.afterCompile();
    assert.equal(none.runs, 0, 'no collector exposed: nothing to run');
  });

  it('exposes a real collector in Node', () => {
    const gc = exposeGc();
    assert.equal(typeof gc, 'function');
    gc!();
  });

  it('collects in full when asked to compact too', async () => {
    const gc = exposeGc()!;
    for (const compact of [true, false, true]) {
      const ref = new WeakRef({ garbage: 'x'.repeat(100) });
      // A WeakRef's target lives until the end of the job that made it.
      await new Promise((resolve) => setImmediate(resolve));
      gc(compact);
      assert.equal(ref.deref(), undefined, `collected (compact: ${compact})`);
    }
  });
});
