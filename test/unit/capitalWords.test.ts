/**
 * The index of capitalised words kept with a word table (consistency/words.ts capitalWords): the capitals and
 * abbreviation checks start only at its words, so it must hold every word with a capital first, in order, after
 * any edit DocumentLinter splices the table past (the old index moved, the re-read words read again), and the
 * checks read through it must find what lintText finds.
 */
import * as assert from 'node:assert/strict';
import { DocumentLinter } from '../../server/src/core/document';
import { lintText } from '../../server/src/core/lint';
import { capitalWords, dropCapitalWords, type WordTable } from '../../server/src/core/consistency/words';
import type { FormatId } from '../../server/src/core/types';
import { none } from '../helpers/consistencyCases';
import { rng } from '../helpers/random';

/** UpperFirst, as words.ts numbers it. */
const UPPER_FIRST = 4;

function tableOf(linter: DocumentLinter): WordTable {
  const words = (linter as unknown as { state?: { words?: WordTable } }).state?.words;
  assert.ok(words, 'the linter keeps a word table');
  return words;
}

/** The capitalised words read off the flags, one by one. */
function expected(t: WordTable): number[] {
  const out: number[] = [];
  for (let k = 0; k < t.length; k++) if ((t.flags[k]! & UPPER_FIRST) !== 0) out.push(k);
  return out;
}

const PARAGRAPHS = [
  'The Nansha Institute of Public Policy (NIPP) met the Qianhai Data Centre on Monday.',
  'Officials of the nansha institute of public policy said the NIPP would report in May.',
  'Cross-border trade with Macao grew; the Greater Bay Area Office (GBAO) welcomed it.',
  'the greater bay area office said nothing. Internet access and the internet economy.',
];

const TYPED = ['Q', 'z', ' ', 'Bay', ' Area', 'NIPP', '(', ')', '-', '\n\n', '. The', 'x', 'Zorv', 'of'];

describe('the index of capitalised words', () => {
  for (const format of ['plaintext', 'markdown'] as FormatId[]) {
    it(`holds every capitalised word after random edits, and the checks read through it find what lintText finds (${format})`, () => {
      const random = rng(format === 'plaintext' ? 11 : 12);
      let doc = PARAGRAPHS.join('\n\n') + '\n';
      const linter = new DocumentLinter(none, { format });
      linter.lint(doc);
      let spliced = 0;
      for (let step = 0; step < 160; step++) {
        // The old table's index exists (asked for below), so the next table's is spliced from it.
        const at = Math.floor(random() * (doc.length + 1));
        if (random() < 0.3 && doc.length > 10) {
          const n = 1 + Math.floor(random() * 6);
          doc = doc.slice(0, at) + doc.slice(at + n);
        } else {
          doc = doc.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)]! + doc.slice(at);
        }
        const before = tableOf(linter);
        const result = linter.lint(doc);
        const t = tableOf(linter);
        if (t !== before) spliced++;
        assert.deepEqual(Array.from(capitalWords(t)), expected(t), `step ${step}: ${JSON.stringify(doc)}`);
        assert.deepEqual(result.findings, lintText(doc, none, { format }).findings, `step ${step}: ${JSON.stringify(doc)}`);
      }
      assert.ok(spliced > 100, `tables spliced: ${spliced}`);
    });
  }

  it('is made again after it is dropped, as compact() drops it', () => {
    const doc = PARAGRAPHS.join('\n\n');
    const linter = new DocumentLinter(none, { format: 'plaintext' });
    linter.lint(doc);
    const t = tableOf(linter);
    const first = capitalWords(t);
    dropCapitalWords(t);
    const again = capitalWords(t);
    assert.notEqual(again, first);
    assert.deepEqual(Array.from(again), expected(t));
    assert.ok(again.length > 10);
  });
});
