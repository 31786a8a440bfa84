/**
 * Plain text reads the same whatever its line endings: a paragraph is the lines between blank lines, whether they
 * end in LF, CRLF or CR. (A CRLF file made every line a paragraph of its own: each line's first word then started
 * a sentence, and the capitals check counted a different document.)
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText } from '../../server/src/core';
import { plainTextStructure, plaintext } from '../../server/src/core/formats/plaintext';
import { runs } from '../helpers/arbitraries';
import { bundledTerms } from '../helpers/terms';

const compiled = bundledTerms();
const FORMATS = ['plaintext', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** `text` with each LF written as `eol`, and a map from its offsets back to `text`'s. */
function withEndings(text: string, eol: string): { text: string; back: (offset: number) => number } {
  const out = text.replace(/\n/g, eol);
  const extra = eol.length - 1;
  // Offsets in `out` of each LF's ending, to count the extra characters before an offset.
  const ends: number[] = [];
  for (let i = 0, j = 0; i < text.length; i++, j++) {
    if (text[i] === '\n') {
      ends.push(j);
      j += extra;
    }
  }
  const back = (offset: number): number => {
    let n = 0;
    while (n < ends.length && ends[n]! < offset) n++;
    return offset - n * extra;
  };
  return { text: out, back };
}

/** What a lint says, with offsets in `back`'s text (and its texts with LF, as the findings quote the lines they span). */
function said(text: string, back: (offset: number) => number, format: Format = 'plaintext'): string[] {
  return lintText(text, compiled, { format, lang: 'en', consistency: true }).findings.map((f) => `${back(f.start)}-${back(f.end)} ${f.kind} ${f.found} → ${f.replacements.map((r) => r.text).join('|')} ${f.message}`.replace(/\r\n/g, '\n'));
}

const WORDS = ['Plan', 'plan', 'the', 'Greater', 'Bay', 'Area', 'bay', 'area', 'Office', 'office', 'Shenzen', 'Macau', 'cross-border', 'crossborder', 'We', 'met', 'and', 'said', 'Nansha', 'data', 'base', 'database'];

const line = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((ws) => ws.join(' '));
const doc = fc.array(fc.oneof(line, fc.constant(''), line.map((l) => `${l}.`)), { minLength: 1, maxLength: 12 }).map((ls) => ls.join('\n') + '\n');

describe('plain text: line endings', () => {
  it('a CRLF file has the paragraphs and the findings of the same text with LF', () => {
    const lf = 'The plan covers the Greater Bay\nArea and the bay area around it. The Plan is\nPlan one, said the\nPlan office.\n\nWe met the\nPlan office twice and the plan office once.\n';
    for (const eol of ['\r\n']) {
      const other = withEndings(lf, eol);
      assert.deepEqual(plainTextStructure(other.text).blockStarts.map(other.back), plainTextStructure(lf).blockStarts, JSON.stringify(eol));
      assert.deepEqual(said(other.text, other.back), said(lf, (x) => x), JSON.stringify(eol));
    }
  });

  it('random documents: CRLF reads as LF does (paragraphs, findings, their offsets), in every format', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(...FORMATS), (lf, format) => {
        const other = withEndings(lf, '\r\n');
        if (format === 'plaintext') assert.deepEqual(plainTextStructure(other.text).blockStarts.map(other.back), plainTextStructure(lf).blockStarts);
        assert.deepEqual(said(other.text, other.back, format), said(lf, (x) => x, format));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('plain text: paragraph starts after an edit', () => {
  const { scan, rescan } = plaintext.incremental!;
  const piece = fc.constantFrom('Plan', 'the', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\ufeff', 'area.', 'Bay');
  const text = fc.array(piece, { minLength: 0, maxLength: 40 }).map((ps) => ps.join(''));

  it('are those of a scan of the new text, whatever was replaced by what (line ends, blank lines, spaces)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (before, a, b, inserted) => {
        const start = a % (before.length + 1);
        const oldEnd = start + (b % (before.length - start + 1));
        const after = before.slice(0, start) + inserted + before.slice(oldEnd);
        const change = { start, oldEnd, newEnd: start + inserted.length };
        const { scan: moved, from, to, oldTo } = rescan(scan(before), before, after, change);
        assert.deepEqual(moved.blockStarts, plainTextStructure(after).blockStarts);
        // The range re-read covers the edit, and what is outside it is the old text moved.
        assert.ok(from <= change.start && to >= change.newEnd && oldTo - to === oldEnd - change.newEnd);
        assert.equal(after.slice(0, from), before.slice(0, from));
        assert.equal(after.slice(to), before.slice(oldTo));
      }),
      { numRuns: runs(2000) },
    );
  });
});
