/**
 * The invariants every lint result keeps, whatever the document and the term list: ranges inside the document
 * on whole characters, `found` the document's slice, replacements whose minimal edits stay inside their
 * finding and produce their text, findings in offset order, fix-all edits disjoint. Property tests and
 * table-driven cases check them alike.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import type { Edit, LintResult } from '../../server/src/core/types';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

export function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) inside [0, ${text.length}]`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: [${start}, ${end}) splits a surrogate pair`);
}

/** Edits sorted and disjoint; two insertions at one point would be ambiguous, so they count as overlapping. */
export function assertDisjoint(edits: readonly Edit[], what: string): void {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    assert.ok(a.end <= b.start, `${what}: edits [${a.start}, ${a.end}) and [${b.start}, ${b.end}) overlap`);
    assert.ok(!(a.start === a.end && b.start === b.end && a.start === b.start), `${what}: two insertions at ${a.start}`);
  }
}

/** Applies edits independently of `applyEdits`, checking everything between them is copied unchanged. */
export function applyChecked(text: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += text.slice(pos);
  const viaCore = applyEdits(text, edits);
  assert.equal(viaCore, out, 'applyEdits agrees with a plain splice');
  // Text outside the edits is unchanged: every gap between edits appears, in order, in the result.
  let at = 0;
  pos = 0;
  for (const e of edits) {
    const kept = text.slice(pos, e.start);
    assert.equal(out.slice(at, at + kept.length), kept, `text before ${e.start} unchanged`);
    at += kept.length + e.text.length;
    pos = e.end;
  }
  assert.equal(out.slice(at), text.slice(pos), 'text after the last edit unchanged');
  return out;
}

/** Every invariant of one lint result against its text. */
export function checkResult(text: string, result: LintResult): void {
  for (const o of result.occurrences) assertRange(text, o.start, o.end, `occurrence ${o.termId}`);
  for (const f of result.findings) {
    const what = `${f.kind} "${f.found}" at ${f.start}`;
    assertRange(text, f.start, f.end, what);
    assert.equal(text.slice(f.start, f.end), f.found, `${what}: found is the document slice`);
    assert.ok(f.replacements.length > 0, `${what}: has a replacement`);
    for (const r of f.related ?? []) assertRange(text, r.start, r.end, `${what}: related "${r.message}"`);
    assert.equal(f.expected, f.replacements[0]!.text, `${what}: expected is the preferred replacement`);
    for (const r of f.replacements) {
      assert.ok(r.edits.length > 0, `${what}: replacement "${r.text}" has edits`);
      assertDisjoint(r.edits, what);
      for (const e of r.edits) {
        assertRange(text, e.start, e.end, `${what}: edit`);
        assert.ok(f.start <= e.start && e.end <= f.end, `${what}: edit [${e.start}, ${e.end}) inside the finding`);
      }
      const fixed = applyChecked(text, r.edits);
      assert.equal(fixed.slice(f.start, fixed.length - (text.length - f.end)), r.text, `${what}: edits produce "${r.text}"`);
      assert.notEqual(r.text, f.found, `${what}: a replacement changes something`);
    }
  }
  for (let i = 1; i < result.findings.length; i++) {
    assert.ok(result.findings[i - 1]!.start <= result.findings[i]!.start, 'findings sorted by offset');
  }
  assertDisjoint(fixAllEdits(result.findings), 'fix-all');
}

