/**
 * The HTML re-scan in place (formats/html/rescan.ts): prose typed or deleted inside prose keeps every other
 * character's mask and moves the structure; an edit that could change how the tokenizer reads the document
 * (markup, or prose next to a tag or a reference it could complete) scans it whole. Either way the scan is the
 * whole-document scan's (DocumentLinter's random tests hold the lint results to lintText's).
 */
import * as assert from 'node:assert/strict';
import { type HtmlScan, rescanHtml, scanHtmlDocument } from '../../server/src/core/formats/html/rescan';

function edit(text: string, at: number, remove: number, insert: string): { scan: HtmlScan; inPlace: boolean; from: number; to: number; next: string } {
  const next = text.slice(0, at) + insert + text.slice(at + remove);
  const r = rescanHtml(scanHtmlDocument(text), text, next, { start: at, oldEnd: at + remove, newEnd: at + insert.length });
  const whole = scanHtmlDocument(next);
  assert.deepEqual([...r.scan.mask], [...whole.mask], `mask after ${JSON.stringify(next)}`);
  assert.deepEqual(r.scan.blockStarts, whole.blockStarts, 'block starts');
  assert.deepEqual(r.scan.headings, whole.headings, 'headings');
  assert.equal(r.to - r.oldTo, insert.length - remove);
  return { scan: r.scan, inPlace: r.from > 0 || r.to < next.length, from: r.from, to: r.to, next };
}

const DOC = '<h2>The Greater Bay Area</h2>\n<p>Firms in <b>Hong Kong</b> and Macao trade with Nansha port and the wider region every day.</p>\n<p>More text.</p>\n';

describe('HTML re-scan in place', () => {
  it('re-scans a letter, a space or a deletion inside a paragraph in place, within its block', () => {
    for (const [word, insert, remove] of [['Macao', 'x', 0], ['trade', ' ', 0], ['Nansha', '', 2], ['region', 'al', 0]] as const) {
      const at = DOC.indexOf(word) + 2;
      const r = edit(DOC, at, remove, insert);
      assert.ok(r.inPlace, `${word}: in place`);
      assert.equal(r.from, DOC.indexOf('Firms'), 'from the block start');
      assert.equal(r.next[r.to], '<', 'to the next hidden character');
    }
  });

  it('moves a heading typed into', () => {
    const at = DOC.indexOf('Area') + 4;
    const r = edit(DOC, at, 0, 's');
    assert.ok(r.inPlace);
    assert.deepEqual(r.scan.headings, [{ start: 4, end: at + 1 }]);
  });

  it('scans whole where the edit is markup or could complete a tag or a reference', () => {
    const cases: [string, string, number, string][] = [
      ['<p>a &am bc</p>', '&am', 3, 'p'], // &am + p is a reference
      [`<p>a &#${'0'.repeat(60)}6 bc</p>`, '6 bc', 1, '5'], // a digit more in a long numeric reference
      ['<p>a < bc</p>', ' < ', 2, 'x'], // a lone < in the text, which a letter after it makes a tag
      ['<title>x </tit</title>', '</tit', 5, 'le'], // the raw-text element's end tag
      ['<p>Hong Kong</p>', 'Hong', 4, '<'], // markup typed
      ['<p>Hong Kong</p>', 'Hong', 4, '&'],
      ['<img alt=Macau>', 'Macau', 3, ' '], // a space ends an unquoted attribute value
      ['<p>Hong Kong</p>', 'Hong', 0, 'x'], // at a block's first prose character
      ['<p>a<code>b</code></p>', 'b<', 1, 'x'], // next to hidden content
    ];
    for (const [doc, anchor, offset, insert] of cases) {
      const r = edit(doc, doc.indexOf(anchor) + offset, 0, insert);
      assert.ok(!r.inPlace, `${JSON.stringify(doc)} + ${JSON.stringify(insert)}: scanned whole`);
    }
  });

  it('re-scans in place after a tag closed before the edit, and after a reference ended by a space', () => {
    for (const [doc, anchor, offset] of [
      ['<p>a <b>bold</b> words here</p>', 'words', 3],
      ['<p>x &amp; words here</p>', 'words', 3],
    ] as const) {
      assert.ok(edit(doc, doc.indexOf(anchor) + offset, 0, 'y').inPlace, doc);
    }
  });
});
