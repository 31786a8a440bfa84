/**
 * A pulled report's result id names its content: equal diagnostics, equal id; any change to what the client holds,
 * a new one. Fixes are not held by the client (code actions look them up in the current lint), so they do not count.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticsResultId } from '../../server/src/linting';

function diagnostic(patch: (d: Diagnostic) => void = () => undefined): Diagnostic {
  const d: Diagnostic = {
    range: { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } },
    severity: 2,
    source: 'termlint',
    code: 'joined',
    message: '"productivityforces" should be "productivity forces" (joined words)',
    data: { termId: 'new quality productivity forces' },
    relatedInformation: [{ location: { uri: 'file:///t.terms.json', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } } }, message: 'Term list entry' }],
  };
  patch(d);
  return d;
}

describe('diagnostics result id', () => {
  it('is the same for equal diagnostics', () => {
    assert.equal(diagnosticsResultId([diagnostic(), diagnostic()]), diagnosticsResultId([diagnostic(), diagnostic()]));
    assert.equal(diagnosticsResultId([]), diagnosticsResultId([]));
  });

  it('changes with anything the client holds', () => {
    const base = diagnosticsResultId([diagnostic()]);
    const variants: ((d: Diagnostic) => void)[] = [
      (d) => (d.range.start.character = 5),
      (d) => (d.range.end.line = 3),
      (d) => (d.severity = 1),
      (d) => (d.code = 'split'),
      (d) => (d.message += '.'),
      (d) => ((d.data as { termId: string }).termId = 'productivity forces'),
      (d) => (d.data = { path: 'terms[0]' }),
      (d) => (d.source = 'other'),
      (d) => (d.relatedInformation![0]!.location.range.start.line = 5),
      (d) => (d.relatedInformation = undefined),
    ];
    const ids = new Set([base]);
    for (const v of variants) ids.add(diagnosticsResultId([diagnostic(v)]));
    assert.equal(ids.size, variants.length + 1);
    assert.notEqual(diagnosticsResultId([diagnostic(), diagnostic()]), base);
  });

  it('reads strings by content, whatever it has seen before (its digests of strings are dropped when full)', () => {
    const before = diagnosticsResultId([diagnostic()]);
    // More distinct messages than the digests it keeps: the table is emptied on the way.
    for (let i = 0; i < 20_000; i++) diagnosticsResultId([diagnostic((d) => (d.message = `message ${i}`))]);
    assert.equal(diagnosticsResultId([diagnostic()]), before);
    // The same strings in other fields, or swapped: other ids.
    const swapped = diagnosticsResultId([diagnostic((d) => ((d.code = 'termlint'), (d.source = 'joined')))]);
    assert.notEqual(swapped, before);
    // A copy of a message made at run time is the same message.
    const copy = diagnosticsResultId([diagnostic((d) => (d.message = [...(d.message as string)].join('')))]);
    assert.equal(copy, before);
  });
});
