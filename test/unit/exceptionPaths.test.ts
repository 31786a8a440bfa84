/**
 * Official names that keep a spelling the list forbids (issue 15, class 1): every path of the engine honours
 * exceptions, with cases of our own (Canton for Guangzhou, a made-up institute for consistency) and with the
 * detections this issue added (capitals, dashes, modifier compounds, names whose wrong word is English,
 * fix-all's later rounds). The server's and the CLI's fix-alls are in test/server/exceptionPaths.test.ts and
 * test/cli/exceptionPaths.test.ts.
 */
import * as assert from 'node:assert/strict';
import { fixToFixedPoint } from '../../server/src/core/fixPoint';
import { lintText } from '../../server/src/core/lint';
import type { FormatId } from '../../server/src/core/types';
import { bundledTerms, compiledOf } from '../helpers/terms';

export const CANTON_TERMS = [
  { term: 'Guangzhou', forbidden: ['Canton'], exceptions: ['Canton Tower', 'Canton Fair', { phrase: 'Canton Road', note: 'A street in Tsim Sha Tsui, Hong Kong.' }] },
  { term: 'new quality productivity forces', admitted: ['new quality productive forces'], exceptions: ['Institute of New Quality Productive Forces'] },
  { term: 'Pearl River Delta', exceptions: ['Pearl Liver Delta Clinic'] },
  { term: 'long-term', exceptions: ['Long Term Care Fund'] },
  { term: 'win-win' },
];

const terms = () => compiledOf(CANTON_TERMS, { ignore: ['Win – Win Trading Company'] });

function lint(text: string, format: FormatId = 'markdown', compiled = terms()) {
  return lintText(text, compiled, { format });
}

function fixAll(text: string, format: FormatId = 'markdown', compiled = terms()) {
  const relint = (t: string) => lintText(t, compiled, { format }).findings;
  return fixToFixedPoint(text, relint(text), relint);
}

describe('exceptions on every path (issue 15, class 1)', () => {
  it('findings: only the spelling outside an official name is reported', () => {
    const text = 'The Canton Fair opened beside the Canton Tower; traders from Canton came, and shops on Canton Road.';
    assert.deepEqual(lint(text).findings.map((f) => [f.kind, f.found, f.start]), [['forbidden', 'Canton', text.indexOf('from Canton') + 5]]);
  });

  it('findings: an official name in capitals (a dateline), across a line break, or with emphasis is still one', () => {
    assert.deepEqual(lint('CANTON FAIR, April 15 -- Traders arrived.').findings, []);
    assert.deepEqual(lint('Visitors at the Canton\nTower took photos.').findings, []);
    assert.deepEqual(lint('Visitors at the **Canton** Tower took photos.').findings, []);
  });

  it('findings: the detections of this issue leave exceptions alone too', () => {
    // An English word inside a capitalised name (class 6), a modifier compound before a noun (class 5).
    assert.deepEqual(lint('Patients of the Pearl Liver Delta Clinic.').findings, []);
    assert.deepEqual(lint('Money from the Long Term Care Fund.').findings, []);
    assert.deepEqual(lint('Money for long term care.').findings.map((f) => f.found), ['long term']);
    // A top-level ignore phrase with a spaced dash in it.
    assert.deepEqual(lint('Orders from Win – Win Trading Company.').findings, []);
  });

  it('consistency counts: an admitted form inside an exception is no use of it', () => {
    const text =
      'The Institute of New Quality Productive Forces and the Institute of New Quality Productive Forces ' +
      'study new quality productivity forces.';
    assert.deepEqual(lint(text).findings, []);
    // Outside the name the admitted form counts, and is the minority.
    const mixed = text + ' So do new quality productivity forces and new quality productive forces.';
    assert.deepEqual(lint(mixed).findings.map((f) => [f.kind, f.found]), [['inconsistent', 'new quality productive forces']]);
    // Occurrences leave the excepted spellings out (what hover and the report count).
    assert.equal(lint(text).occurrences.length, 1);
  });

  it('fix-all: every round leaves official names as written', () => {
    const text = 'CANTON FAIR, April 15 -- From Canton and the Canton Tower, a longterm plan for Canton Road.\n';
    const fix = fixAll(text);
    assert.equal(fix.text, 'CANTON FAIR, April 15 -- From Guangzhou and the Canton Tower, a long-term plan for Canton Road.\n');
    assert.ok(fix.settled);
    // The bundled list's real names, with a fix elsewhere in the same sentence, in plain text too.
    for (const format of ['markdown', 'plaintext'] as const) {
      const bundled = 'Staff of the University of Macau flew Air Macau to Macau, and HONGKONG POST delivered to HongKong.';
      assert.equal(fixAll(bundled, format, bundledTerms()).text, 'Staff of the University of Macau flew Air Macau to Macao, and HONGKONG POST delivered to Hong Kong.');
    }
  });
});
