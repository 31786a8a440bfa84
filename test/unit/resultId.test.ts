/** A pulled report's result id names its content: equal diagnostics, equal id; any visible change, a new one. */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticsResultId } from '../../server/src/linting';

function diagnostic(offset: number, patch: (d: Diagnostic) => void = () => undefined): Diagnostic {
  const d: Diagnostic = {
    range: { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } },
    severity: 2,
    source: 'termlint',
    code: 'joined',
    message: '"productivityforces" should be "productivity forces" (joined words)',
    data: { termId: 'new quality productivity forces', kind: 'joined', found: 'productivityforces', offset, replacements: [{ text: 'productivity forces', edits: [{ start: offset + 12, end: offset + 12, text: ' ' }] }] },
    relatedInformation: [{ location: { uri: 'file:///t.terms.json', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } } }, message: 'Term list entry' }],
  };
  patch(d);
  return d;
}

describe('diagnostics result id', () => {
  it('is the same when only the offsets in data moved together (text inserted on an earlier line)', () => {
    assert.equal(diagnosticsResultId([diagnostic(100)]), diagnosticsResultId([diagnostic(140)]));
    assert.equal(diagnosticsResultId([]), diagnosticsResultId([]));
  });

  it('changes with anything the client shows or a fix would do', () => {
    const base = diagnosticsResultId([diagnostic(100)]);
    const variants: ((d: Diagnostic) => void)[] = [
      (d) => (d.range.start.character = 5),
      (d) => (d.range.end.line = 3),
      (d) => (d.severity = 1),
      (d) => (d.code = 'split'),
      (d) => (d.message += '.'),
      (d) => ((d.data as { found: string }).found = 'Productivityforces'),
      (d) => ((d.data as { replacements: { edits: { start: number }[] }[] }).replacements[0]!.edits[0]!.start += 1),
      (d) => ((d.data as { replacements: { text: string }[] }).replacements[0]!.text = 'x'),
      (d) => (d.relatedInformation![0]!.location.range.start.line = 5),
      (d) => (d.relatedInformation = undefined),
    ];
    const ids = new Set([base]);
    for (const v of variants) ids.add(diagnosticsResultId([diagnostic(100, v)]));
    assert.equal(ids.size, variants.length + 1);
    assert.notEqual(diagnosticsResultId([diagnostic(100), diagnostic(100)]), base);
  });
});
