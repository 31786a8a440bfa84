/**
 * A lint result's term uses (`occurrences`) are made when first read (matching/findings.ts): a keystroke's lint
 * reads none, and most matches an edit moves are new objects. Read, they must be exactly the uses lintText gives,
 * in order, whatever the result went through (the checks' findings merged in, a spread, JSON, a structured clone
 * to another thread), and a value set on the result must stay set.
 */
import * as assert from 'node:assert/strict';
import { DocumentLinter } from '../../server/src/core/document';
import { lintText } from '../../server/src/core/lint';
import type { Match } from '../../server/src/core/matching/match';
import type { LintResult } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';
import { rng } from '../helpers/random';

const compiled = compiledOf([
  { term: 'new quality productivity forces', forbidden: ['productivityforces'] },
  { term: 'Hong Kong', exceptions: ['Hongkong Post'], forbidden: ['Hongkong'] },
  { term: 'Qianhai Data Centre', admitted: ['Qianhai Data Center'] },
  { term: 'cross-border', admitted: ['cross border'] },
  { term: 'Nansha' },
]);

const DRAFT = [
  '# Notes on Qianhai',
  '',
  'The Qianhai Data Centre and the Qianhai Data Center work with Nansha on cross-border data.',
  '',
  'Hongkong Post delivers; Hongkong firms and Hong Kong ones trade cross border with Nansha and Nanshaa.',
  '',
  'Productivityforces, new quality productivity forces, and the Qianhai Data Centre again.',
  '',
].join('\n');

function matchesOf(linter: DocumentLinter): readonly Match[] {
  return (linter as unknown as { state: { matches: Match[] } }).state.matches;
}

describe('term uses made when first read', () => {
  it('are the uses lintText gives, after random edits, read at once or several edits later', () => {
    const random = rng(7);
    const linter = new DocumentLinter(compiled, { format: 'markdown' });
    let doc = DRAFT;
    let kept: { result: LintResult; text: string }[] = [];
    for (let step = 0; step < 120; step++) {
      const at = Math.floor(random() * (doc.length + 1));
      const typed = [' Nansha', 'x', ' cross border', '\n\n', 'Hongkong', ' Qianhai Data Center'][Math.floor(random() * 6)]!;
      doc = random() < 0.25 ? doc.slice(0, at) + doc.slice(at + 3) : doc.slice(0, at) + typed + doc.slice(at);
      const result = linter.lint(doc);
      kept.push({ result, text: doc });
      // Some results are read at once, the others a few edits later (the editor's cache holds them).
      if (random() < 0.5 || kept.length > 4) {
        for (const k of kept) assert.deepEqual(k.result.occurrences, lintText(k.text, compiled, { format: 'markdown' }).occurrences, `step ${step}`);
        kept = [];
      }
    }
  });

  it('are not made by a keystroke\'s lint, and are made for the matches an edit moved when read', () => {
    const linter = new DocumentLinter(compiled, { format: 'markdown' });
    linter.lint(DRAFT);
    const at = DRAFT.indexOf('with Nansha');
    const result = linter.lint(DRAFT.slice(0, at) + 'x' + DRAFT.slice(at));
    const moved = matchesOf(linter).filter((m) => m.start > at);
    assert.ok(moved.length >= 5, `matches after the edit: ${moved.length}`);
    assert.ok(moved.every((m) => m.occurrence === undefined), 'no use made before it is read');
    assert.equal(result.occurrences.length, matchesOf(linter).filter((m) => !m.exception).length);
    assert.ok(moved.filter((m) => !m.exception).every((m) => m.occurrence !== undefined));
    // Made once: the same array at every read.
    assert.equal(result.occurrences, result.occurrences);
  });

  it('read through a spread, JSON and a structured clone like any other field, in the fields\' order; a value set stays', () => {
    const result = new DocumentLinter(compiled, { format: 'markdown' }).lint(DRAFT);
    const eager = lintText(DRAFT, compiled, { format: 'markdown' });
    assert.deepEqual(Object.keys(result), ['findings', 'occurrences', 'excepted']);
    assert.deepEqual({ ...result }.occurrences, eager.occurrences);
    assert.deepEqual(JSON.parse(JSON.stringify(result)), JSON.parse(JSON.stringify(eager)));
    assert.deepEqual(structuredClone(result).occurrences, eager.occurrences);
    assert.ok(result.excepted && result.excepted.length === 1, 'the exception is reported as excepted');
    const other = lintText(DRAFT, compiled, { format: 'markdown' });
    other.occurrences = [];
    assert.deepEqual(other.occurrences, []);
    assert.deepEqual(Object.keys(other), ['findings', 'occurrences', 'excepted']);
  });
});
