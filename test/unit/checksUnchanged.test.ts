/**
 * After an edit that changes no hyphenation, spelling or capitalisation finding, DocumentLinter moves those
 * findings past the edit instead of checking the document again (core/consistency/unchanged.ts). The moved findings
 * must be exactly the ones the checks give: the edits below make, break and move groups of every kind the three
 * classes compare (names and single words in capitals, titles), next to the edit and far from it, and random typing (one character at a time, as an author types)
 * holds DocumentLinter to lintText. Each test also counts how often the findings were moved, so a rule that
 * said "changed" to everything could not pass for one that works.
 */
import * as assert from 'node:assert/strict';
import { DocumentLinter } from '../../server/src/core/document';
import { lintText } from '../../server/src/core/lint';
import type { FormatId, LintOptions } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';
import { rng } from '../helpers/random';
import { none } from '../helpers/consistencyCases';

const unchanged = require('../../server/src/core/consistency/unchanged') as typeof import('../../server/src/core/consistency/unchanged');

/** How often each class was moved while `run` ran. */
function counting(run: () => void): { asked: number; hyphenation: number; spelling: number; capitalization: number } {
  const original = unchanged.unchangedClasses;
  const seen = { asked: 0, hyphenation: 0, spelling: 0, capitalization: 0 };
  (unchanged as { unchangedClasses: typeof original }).unchangedClasses = (...args) => {
    const r = original(...args);
    seen.asked++;
    if (r.hyphenation) seen.hyphenation++;
    if (r.spelling) seen.spelling++;
    if (r.capitalization) seen.capitalization++;
    return r;
  };
  try {
    run();
  } finally {
    (unchanged as { unchangedClasses: typeof original }).unchangedClasses = original;
  }
  return seen;
}

/** Lints `before`, then `after` with the same linter, and checks the result against lintText's. */
function edited(before: string, after: string, options: LintOptions = { format: 'plaintext' }, compiled = none) {
  const linter = new DocumentLinter(compiled, options);
  linter.lint(before);
  const result = linter.lint(after);
  assert.deepEqual(result, lintText(after, compiled, options), `${JSON.stringify(before)}\n→ ${JSON.stringify(after)}`);
  return result;
}

/**
 * Types `letters` a letter at a time at `at` (each keystroke's text is `before` + the letters so far, inserted
 * there), one DocumentLinter throughout, each result checked against lintText's; how often each class was moved.
 */
function typedAt(text: string, at: number, letters: string, { before = '', compiled = none }: { before?: string; compiled?: typeof none } = {}) {
  const linter = new DocumentLinter(compiled, { format: 'plaintext' });
  linter.lint(text);
  return counting(() => {
    for (let i = 1; i <= letters.length; i++) {
      const after = text.slice(0, at) + before + letters.slice(0, i) + text.slice(at);
      assert.deepEqual(linter.lint(after), lintText(after, compiled, { format: 'plaintext' }), after);
    }
  });
}

const variants = (r: { findings: { kind: string; found: string; start: number }[] }) => r.findings.filter((f) => f.kind === 'variant').map((f) => `${f.found}@${f.start}`);

describe('checks without a list: findings moved past an edit that changes none of them', () => {
  const prose = 'The harbour board met on Monday. Cross-border freight grew, and the cross-border rules held. Planners wrote a long report about the quay. The color guide was printed.\n\nThe colour of the signs changed; cross border traffic slowed in the afternoon.\n';

  it('typing a word far from every group moves the findings with the text', () => {
    const at = prose.indexOf('about');
    const after = prose.slice(0, at) + 'and short ' + prose.slice(at);
    const seen = counting(() => {
      const r = edited(prose, after);
      assert.equal(variants(r).length, 2, JSON.stringify(variants(r)));
    });
    assert.deepEqual(seen, { asked: 1, hyphenation: 1, spelling: 1, capitalization: 1 });
  });

  // Edits that change a group, or might: each class named is checked again (and, like all, agrees with lintText).
  const changes: [string, 'hyphenation' | 'spelling' | 'capitalization', (text: string) => string][] = [
    ['a compound written as one word, away from its other forms', 'hyphenation', (t) => t.replace('a long report', 'a crossborder report')],
    ['the same letters two words apart, as a new pair', 'hyphenation', (t) => t.replace('quay', 'data base') + 'The database grew.\n'],
    ['one word of a pair typed next to its joined form elsewhere', 'hyphenation', (t) => t.replace('the quay', 'the harbour master') + 'The harbourmaster left.\n'],
    ['a hyphen typed into the last spaced form', 'hyphenation', (t) => t.replace('cross border traffic', 'cross-border traffic')],
    ['one word of a spaced form deleted', 'hyphenation', (t) => t.replace('cross border traffic', 'cross traffic')],
    ['a spaced form broken by a full stop', 'hyphenation', (t) => t.replace('cross border traffic', 'cross. Border traffic')],
    ['a word joined to a pair by deleting its space', 'hyphenation', (t) => t.replace('cross border traffic', 'crossborder traffic')],
    ["the other dialect's spelling", 'spelling', (t) => t.replace('the quay', 'the color')],
    ['a dialect word deleted', 'spelling', (t) => t.replace('The colour of', 'The shade of')],
    ['a capitalised word typed', 'capitalization', (t) => t.replace('about the quay', 'about the Quay')],
    ['a capital typed next to a capitalised word', 'capitalization', (t) => t.replace('on Monday', 'on Late Monday')],
    ['a number typed next to a capitalised word', 'capitalization', (t) => t.replace('on Monday', 'on 2 Monday')],
    ['a number typed after a capitalised word', 'capitalization', (t) => t.replace('Planners wrote', 'Planners 2 wrote')],
    ['a connector typed next to a capitalised word', 'capitalization', (t) => t.replace('on Monday', 'on of Monday')],
    ['a hyphen typed next to a capitalised word', 'capitalization', (t) => t.replace('on Monday', 'on-Monday')],
    ['a lower-case word written capitalised elsewhere', 'capitalization', (t) => t.replace('the quay', 'the monday')],
    ['a connector typed between words', 'capitalization', (t) => t.replace('a long report', 'a long of report')],
  ];
  for (const [name, cls, change] of changes) {
    it(`${name}: ${cls} is checked again`, () => {
      const seen = counting(() => edited(prose, change(prose)));
      assert.equal(seen.asked, 1);
      assert.equal(seen[cls], 0);
    });
  }

  it('a lower-case word typed next to a capitalised one, across white space: capitals are moved', () => {
    for (const after of [prose.replace('met on Monday', 'met soon on Monday'), prose.replace('Planners wrote', 'Planners then wrote')]) {
      const seen = counting(() => edited(prose, after));
      assert.deepEqual([seen.asked, seen.capitalization], [1, 1], after);
    }
  });

  it('a word deleted between two capitalised ones: they may be one name now, and capitals are checked again', () => {
    const text = 'The board met at Nansha and Port today. Later the nansha port opened, and the Nansha Port closed.\n';
    const seen = counting(() => edited(text, text.replace('Nansha and Port', 'Nansha Port')));
    assert.deepEqual([seen.asked, seen.capitalization], [1, 0]);
  });

  it('a word typed into a lower-case use of a name, in the white space between two of its words: capitals are checked again', () => {
    // The words either side read as before (so they are no changed words): the use through them is broken, or
    // made, all the same, and the count of each form with it.
    const cases: [string, string, string][] = [
      ['We met the Institute of Public Policy today. Then the institute of public policy met, and the institute  of public policy left.', 'institute  of', 'institute x of'],
      ['They saw the Greater Bay Area grow. Later the greater bay area shrank, and the greater  bay area rose.', 'greater  bay', 'greater x bay'],
      ['They banked with the Bank of the West once. Later the bank of the west closed, and the bank of  the west opened.', 'of  the west opened', 'of x the west opened'],
      ['They banked with the Bank of the West once. Later the bank of the west closed, and the bank  of the west opened.', 'bank  of the west opened', 'bank x of the west opened'],
      ['They banked with the Bank of the West once. Later the bank of the west closed, and the bank of the  west opened.', 'the  west opened', 'the x west opened'],
      ['They saw the Greater Bay Area grow. Later the greater bay area shrank, and the greater x bay area rose.', 'greater x bay', 'greater  bay'],
    ];
    for (const [text, from, to] of cases) {
      const seen = counting(() => edited(text, text.replace(from, to)));
      assert.deepEqual([seen.asked, seen.capitalization], [1, 0], to);
    }
  });

  it('a capitalised word typed a letter at a time between lower-case words, its letters nowhere else: capitals are moved', () => {
    const text = 'The harbour board met on Monday, and the Harbour Board met again. Planners wrote a long report about the quay.\n';
    const seen = typedAt(text, text.indexOf(' report'), 'Zorvath', { before: ' ' });
    // The space itself and the first letter (a word is made) are asked too: all of the name's letters moved.
    assert.equal(seen.asked, 7);
    assert.equal(seen.capitalization, 7);
    // After "the" (which joins names only after "of" or "for"): moved too.
    const after = text.replace('about the quay', 'about the Zorvath quay');
    const moved = counting(() => edited(text, after));
    assert.deepEqual([moved.asked, moved.capitalization], [1, 1]);
  });

  it('a capitalised word typed next to a name, a number or its own letters: capitals are checked again', () => {
    const text = 'The harbour board met on Monday, and the Harbour Board met again. Planners wrote a long report about the quay, and a zorvath too.\n';
    const changes: [string, string][] = [
      ['long report', 'long Zorv Harbour report'], // next to a capitalised word
      ['long report', 'long 2 Zorv report'], // next to a number
      ['long report', 'long Zorvath report'], // its letters elsewhere, in lower case
      ['long report', 'long Zorv and Zorv report'], // twice on its side of the edit
      ['long report', 'long Zorv zorv report'], // and in lower case there
      ['long report', 'long Zorv-report'], // joined by a hyphen
      ['long report', 'long of Zorv report'], // after a connector
    ];
    // "the" joins a name only after "of" or "for": "Bank of the Zorv" is a name, and "Bank" no single word now.
    const bank = 'Funds went to the Bank of the port. Later the bank of the river paid.\n';
    {
      const seen = counting(() => edited(bank, bank.replace('of the port', 'of the Zorv port')));
      assert.deepEqual([seen.asked, seen.capitalization], [1, 0], 'Bank of the Zorv');
    }
    for (const [from, to] of changes) {
      const seen = counting(() => edited(text, text.replace(from, to)));
      assert.deepEqual([seen.asked, seen.capitalization], [1, 0], to);
    }
  });

  it('a word of a name typed a letter at a time, its letters nowhere else: capitals are moved', () => {
    // "Zo" is the name's first word, then "Ka" its middle one: each keystroke changes only its letters, and the name
    // it makes ("Zorvath Harbour Board") is written nowhere else.
    const text = 'The harbour board met on Monday, and the Harbour Board met again. Later the Zo Harbour Board and the Port of Ka Rules met.\n';
    for (const [at, name] of [[text.indexOf('Zo Harbour') + 2, 'Zo'], [text.indexOf('Ka Rules') + 2, 'Ka']] as const) {
      const seen = typedAt(text, at, 'rvath');
      assert.deepEqual([seen.asked, seen.capitalization], [5, 5], `${name} at ${at}`);
    }
  });

  it('a word of a name whose letters change into, or out of, those of another word: capitals are checked again', () => {
    const text = 'The harbour board met on Monday, and the Harbour Board met again. Later the Zorv Board and the harbou board met.\n';
    const cases: [string, string][] = [
      ['the Zorv Board', 'the Harbour Board'], // the name is now written elsewhere: a use of it
      ['the Zorv Board', 'the Harbou Board'], // its letters are a lower-case word's elsewhere
      ['the Zorv Board', 'the Zorv Boar'], // "Boar" (the other word) stays a name's word, but "Board" is one elsewhere
      ['the Zorv Board', 'the zorv Board'], // no longer capitalised: the name is one word shorter
      ['the Zorv Board', 'the ZORV Board'], // capitals throughout: no word of a name
      ['the Zorv Board', 'the ZorV Board'], // a capital inside: the same
    ];
    for (const [from, to] of cases) {
      const seen = counting(() => edited(text, text.replace(from, to)));
      assert.deepEqual([seen.asked, seen.capitalization], [1, 0], to);
    }
    // A sentence's first word, by its letters an ordinary word or not, stands next to "Harbour Board" as a word or
    // as a name: "Grand Harbour Board" holds a use of the name, "Gran Harbour Board" is a longer name.
    const start = 'The harbour board met on Monday, and the Harbour Board met again. Gran Harbour Board members left.\n';
    for (const after of [start.replace('Gran ', 'Grand '), start.replace('Gran ', 'Grant ')]) {
      const seen = counting(() => edited(start, after));
      assert.deepEqual([seen.asked, seen.capitalization], [1, 0], after);
    }
    // An abbreviation that becomes a number's neighbour ("QX2"): the name next to it is part of something longer.
    const abbreviation = 'The harbour board met on Monday, and the Harbour Board QX met again.\n';
    const before = lintText(abbreviation, none, { format: 'plaintext' }).findings.length;
    const seen = counting(() => assert.notEqual(edited(abbreviation, abbreviation.replace('QX', 'QX2')).findings.length, before));
    assert.deepEqual([seen.asked, seen.capitalization], [1, 0], 'QX2');
  });

  it('capitals the check does not read (a term\'s words, capitals throughout, a capital inside): typed next to names, moved', () => {
    // A term list's words are its own to check, "IPP" is an abbreviation's, "iPhone" is no name's word: none
    // makes a name with the capitalised words next to it, so typing them changes no group of capitals.
    const compiled = compiledOf([{ term: 'Qianhai' }, { term: 'Nansha Port' }]);
    const text = 'The harbour board met on Monday, and the Harbour Board met again. Later the board of the IPP met, and the port rules held.\n';
    const typeAt = (doc: string, at: number, piece: string) => typedAt(doc, at, piece, { compiled });
    // The term's last letter makes it one: that keystroke and the rest are moved, next to the name "Harbour Board".
    const seen = typeAt(text, text.indexOf('Harbour Board met again'), 'Qianhai ');
    assert.ok(seen.capitalization >= 2, `moved ${seen.capitalization} of ${seen.asked}`);
    // A word typed after the abbreviation, and the abbreviation typed longer.
    const ipp = text.indexOf('IPP') + 3;
    assert.deepEqual([typeAt(text, ipp, ' Zorvath').capitalization, typeAt(text, ipp, 'QX').capitalization], [8, 2]);
    // A capital inside a word typed before a name: moved once it has its capital.
    const phone = typeAt(text, text.indexOf('Harbour Board met again'), 'iPhone ');
    assert.ok(phone.capitalization >= 5, `moved ${phone.capitalization} of ${phone.asked}`);
  });

  it('a word typed into a title, next to no capital: the title is read again', () => {
    // The title's "Harbour Board" is no use of the name; once the line is prose, it is one.
    const text = 'The port rules were read.\n\nPort Rules and Harbour Board\n\nThe harbour board met, and the Harbour Board met again.\n';
    for (const after of [text.replace('Rules and Harbour', 'Rules andx Harbour'), text.replace('were read', 'were all read')]) {
      const seen = counting(() => edited(text, after));
      assert.equal(seen.asked, 1);
      // Into the title: checked again; far from it and from every capital: moved.
      assert.equal(seen.capitalization, after.includes('andx') ? 0 : 1, after);
    }
  });

  it('a full stop typed before a compound makes it a sentence start: its capitals no longer say how it is written', () => {
    const text = 'Trade grew in the Cross-Border zone, and cross-border rules held; cross border flows rose.';
    const before = lintText(text, none, { format: 'plaintext' }).findings.find((f) => f.found === 'cross border');
    const after = edited(text, text.replace('the Cross', 'the. Cross')).findings.find((f) => f.found === 'cross border');
    assert.deepEqual([before?.expected, after?.expected], ['Cross-Border', 'cross-border']);
  });

  it('an opening quote typed before a compound does the same (one the findings do not link to)', () => {
    const text = 'Trade grew in cross-border zones, the Cross-Border fund and the Cross-Border office; cross border flows rose.';
    const before = lintText(text, none, { format: 'plaintext' }).findings.find((f) => f.found === 'cross border');
    const after = edited(text, text.replace('the Cross-Border office', 'the "Cross-Border office')).findings.find((f) => f.found === 'cross border');
    assert.deepEqual([before?.expected, after?.expected], ['Cross-Border', 'cross-border']);
  });

  it('an exception phrase made by the edit: its words are asked of first', () => {
    const compiled = compiledOf([{ term: 'Guangdong', exceptions: ['cross border express'] }]);
    const text = 'Cross-border trade and cross-border rules; the cross border route opened.';
    edited(text, text.replace('route', 'express'), { format: 'plaintext' }, compiled);
  });

  it('an expansion spelled out again moves the abbreviation\'s claim: variants under it are counted again', () => {
    const text = 'The Cross Border Office (CBO) met. Cross-border trade, cross-border rules. The cross border office closed.';
    edited(text, text.replace('closed', 'later closed'));
    edited(text, text.replace('The cross border office closed.', 'The Cross Border Office closed.'));
    // The definition deleted far from the spaced form: nothing claims "cross border office" any more.
    const seen = counting(() => {
      const before = lintText(text, none, { format: 'plaintext' }).findings.filter((f) => f.kind === 'variant');
      const after = edited(text, text.replace(' (CBO)', '')).findings.filter((f) => f.kind === 'variant');
      assert.deepEqual([before.length, after.length], [1, 3]);
    });
    assert.equal(seen.hyphenation, 1);
  });
});

describe('checks without a list: the word filters kept while a long document is edited', () => {
  // wordFilter.ts: what the words could answer, moved from edit to edit. A word typed at one place must be in the
  // filters when another place asks for it later, as one word, two words apart or a compound.
  const filler = Array.from({ length: 400 }, (_, i) => `The harbour board met on day ${i} and wrote a short note about the quay.`).join(' ');
  const text = `${filler}\n\n${filler}\n`;
  const pairs: [string, string][] = [
    ['database', ' data base'],
    ['cross-border', ' cross border'],
    ['cross border', ' crossborder'],
    ['Qilinlang', ' qilinlang'],
    // A compound of four words: its last letters typed, its hash is the whole compound's.
    ['state-of-the-art', ' state of the art'],
  ];
  for (const [first, second] of pairs) {
    it(`"${first}" typed a letter at a time far away, then "${second.trim()}": a variant, as lintText finds it`, () => {
      const linter = new DocumentLinter(none, { format: 'plaintext' });
      let doc = text;
      linter.lint(doc);
      const typeAt = (at: number, piece: string) => {
        for (const ch of piece) {
          doc = doc.slice(0, at) + ch + doc.slice(at);
          at++;
          assert.deepEqual(linter.lint(doc), lintText(doc, none, { format: 'plaintext' }), `typing ${JSON.stringify(piece)}`);
        }
      };
      typeAt(doc.indexOf(' about the quay') + 1, `${first} `);
      typeAt(doc.lastIndexOf(' about the quay'), second);
      const variants = linter.lint(doc).findings.filter((f) => f.kind === 'variant');
      assert.ok(variants.length > 0, JSON.stringify(variants));
    });
  }

  it('a compound far away changed at its end, then its words written apart: a variant, as lintText finds it', () => {
    // The compound's hash is the whole compound's, from its first word: the filters must gain it from there.
    let doc = text.replace(' about the quay', ' about the state-of-the-arts quay');
    const linter = new DocumentLinter(none, { format: 'plaintext' });
    linter.lint(doc);
    // A word typed elsewhere first: the filters are made at the first edit that asks them.
    const start = doc.indexOf('a short note');
    doc = doc.slice(0, start) + 'a very short note' + doc.slice(start + 'a short note'.length);
    assert.deepEqual(linter.lint(doc), lintText(doc, none, { format: 'plaintext' }));
    const at = doc.indexOf('arts quay') + 3;
    doc = doc.slice(0, at) + doc.slice(at + 1);
    assert.deepEqual(linter.lint(doc), lintText(doc, none, { format: 'plaintext' }));
    let to = doc.lastIndexOf(' about the quay');
    for (const ch of ' state of the art') {
      doc = doc.slice(0, to) + ch + doc.slice(to);
      to++;
      assert.deepEqual(linter.lint(doc), lintText(doc, none, { format: 'plaintext' }), doc.slice(to - 20, to));
    }
    assert.ok(linter.lint(doc).findings.some((f) => f.kind === 'variant' && f.found === 'state of the art'));
  });
});

describe('checks without a list: DocumentLinter agrees with lintText as an author types', () => {
  const WORDS = [
    'cross-border', 'cross border', 'crossborder', 'Cross-border', 'long-term', 'long term', 'longterm', 'work force', 'workforce', 'data base', 'database',
    'colour', 'color', 'organise', 'organize', 'Internet', 'internet', 'Pearl River Delta', 'pearl river delta', 'every day', 'everyday',
    'the', 'port', 'and', 'of', 'trade', 'rules', 'grew', 'in', 'May', 'Phase 2', '**bold**', '`code`', 'IPP', 'Institute of Public Policy (IPP)',
    '"Port Rules"', 'state-of-the-art', 'state of the art', 'e-learning', 'elearning',
    'Greater Bay Area', 'greater bay area', 'Greater bay area', 'Bank of the West', 'bank of the west', 'board', 'Board', 'Harbour Board Rules of the Port\n', 'xi', 'Xi',
    'institute of public policy', 'Nansha', 'nansha', 'qilin', 'Qilin',
  ];
  const GLUE = [' ', ' ', ' ', ' ', '\n', ', ', '. ', '; ', '\n\n', ' (', ') ', '-'];
  // Capitals as well as lower case: a name typed a letter at a time is a new word at every keystroke.
  const TYPED = ['a', 'e', 'r', ' ', ' ', '-', '.', '\n', 'B', 'x', '"', 'o', 'f', 'Q', 'Z', 'n'];

  function doc(random: () => number, words: number): string {
    let out = '';
    for (let i = 0; i < words; i++) out += WORDS[Math.floor(random() * WORDS.length)]! + GLUE[Math.floor(random() * GLUE.length)]!;
    return out;
  }

  // Names typed into and next to, with a term list's words, abbreviations and words with a capital inside among
  // them: the edits that change only a name's letters, and those next to words the capitals check does not read.
  const NAMES = [
    'Harbour Board', 'harbour board', 'Zorvath Harbour Board', 'Port of Zorv', 'Qianhai', 'Qianhai Port', 'Nansha Port', 'nansha port', 'IPP', 'QX',
    'iPhone', 'the', 'of', 'for', 'and', 'met', 'rules', 'Board', 'board', 'Zorv', 'Kalla', 'Kall', 'port', 'Bank of the West', '"Port Rules"', 'May',
    'cross-border', 'Cross-Border', 'Harbour-Board',
  ];
  const NAME_TYPED = ['a', 'r', 'd', 'l', 'Z', 'K', 'Q', 'P', 'X', ' ', ' ', '-', '.', 'i', 'h'];
  const termsOfNames = compiledOf([{ term: 'Qianhai' }, { term: 'Nansha Port' }, { term: 'Harbour Board' }]);

  it('typing inside names and next to terms, abbreviations and odd capitals (plaintext, with a term list)', () => {
    const random = rng(47);
    const seen = counting(() => {
      for (let d = 0; d < 30; d++) {
        let text = '';
        for (let i = 0, n = 30 + Math.floor(random() * 50); i < n; i++) text += NAMES[Math.floor(random() * NAMES.length)]! + GLUE[Math.floor(random() * GLUE.length)]!;
        const linter = new DocumentLinter(termsOfNames, { format: 'plaintext' });
        linter.lint(text);
        let at = Math.floor(random() * text.length);
        for (let e = 0; e < 40; e++) {
          const r = random();
          if (r < 0.1) at = Math.floor(random() * (text.length + 1));
          if (r < 0.75) {
            const piece = random() < 0.85 ? NAME_TYPED[Math.floor(random() * NAME_TYPED.length)]! : NAMES[Math.floor(random() * NAMES.length)]!;
            text = text.slice(0, at) + piece + text.slice(at);
            at += piece.length;
          } else {
            at = Math.max(0, Math.min(text.length, at) - 1);
            text = text.slice(0, at) + text.slice(at + 1);
          }
          assert.deepEqual(linter.lint(text), lintText(text, termsOfNames, { format: 'plaintext' }), `document ${d}, edit ${e}:\n${JSON.stringify(text)}`);
        }
      }
    });
    assert.ok(seen.asked > 800, `${seen.asked} edits asked`);
    assert.ok(seen.capitalization > seen.asked * 0.05 && seen.capitalization < seen.asked * 0.9, `capitalization moved ${seen.capitalization} of ${seen.asked}`);
  });

  for (const format of ['plaintext', 'markdown'] as FormatId[]) {
    it(`typing, deleting and pasting words (${format})`, () => {
      const random = rng(format === 'markdown' ? 41 : 43);
      const seen = counting(() => {
        for (let d = 0; d < 30; d++) {
          let text = doc(random, 30 + Math.floor(random() * 60));
          const linter = new DocumentLinter(none, { format });
          linter.lint(text);
          let at = Math.floor(random() * text.length);
          for (let e = 0; e < 40; e++) {
            const r = random();
            if (r < 0.6) {
              // Type on where the last edit was, as an author does, or start elsewhere.
              if (random() < 0.2) at = Math.floor(random() * (text.length + 1));
              const piece = random() < 0.8 ? TYPED[Math.floor(random() * TYPED.length)]! : WORDS[Math.floor(random() * WORDS.length)]!;
              text = text.slice(0, at) + piece + text.slice(at);
              at += piece.length;
            } else if (r < 0.9) {
              at = Math.max(0, Math.min(text.length, at)) - (random() < 0.7 ? 1 : 0);
              if (at < 0) at = 0;
              text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * (random() < 0.8 ? 1 : 12)));
            } else {
              at = Math.floor(random() * (text.length + 1));
              text = text.slice(0, at) + doc(random, 1 + Math.floor(random() * 3)) + text.slice(at);
            }
            assert.deepEqual(linter.lint(text), lintText(text, none, { format }), `document ${d}, edit ${e}:\n${JSON.stringify(text)}`);
          }
        }
      });
      // Most keystrokes change nothing of a class; many change something (the documents are all variants).
      assert.ok(seen.asked > 800, `${seen.asked} edits asked`);
      assert.ok(seen.hyphenation > seen.asked * 0.15 && seen.hyphenation < seen.asked * 0.95, `hyphenation moved ${seen.hyphenation} of ${seen.asked}`);
      assert.ok(seen.spelling > seen.asked * 0.15 && seen.spelling < seen.asked * 0.98, `spelling moved ${seen.spelling} of ${seen.asked}`);
      assert.ok(seen.capitalization > seen.asked * 0.05 && seen.capitalization < seen.asked * 0.9, `capitalization moved ${seen.capitalization} of ${seen.asked}`);
    });
  }
});
