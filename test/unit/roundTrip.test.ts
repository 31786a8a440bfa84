/**
 * Round trips between the term-list formats keep everything both formats can hold, and a writer names
 * whatever it cannot hold (property-tested on random concept lists: several languages, admitted, deprecated
 * and superseded forms, notes with markup characters and line breaks, sources, subjects, definitions, ids,
 * exceptions, explicit case rules, ignore phrases, abbreviations, a language's own abbreviation).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formsIn, languagesOf } from '../../server/src/core/concepts';
import { csvReader } from '../../server/src/core/termlists/csv';
import { jsonReader } from '../../server/src/core/termlists/json';
import { readBackLosses } from '../../server/src/core/termlists/readBack';
import type { TermListReader } from '../../server/src/core/termlists/reader';
import { tbxReader } from '../../server/src/core/termlists/tbx';
import { exceptionNote } from '../../server/src/core/termlists/tbx/write';
import type { TermList } from '../../server/src/core/types';
import { hasUpperCase } from '../../server/src/core/text';
import { fcParams } from '../helpers/arbitraries';

const WORDS = ['Harbour', 'bay', 'Delta', 'port', 'Nansha', 'data', 'exchange', 'Centre', 'river', 'bridge', 'zone', 'Lantau', 'pilot', 'free', 'trade'];
const HAN = ['港', '珠', '澳', '桥', '湾', '区', '南', '沙', '数', '据', '中', '心'];
const NOTE = fc.stringMatching(/^[A-Za-z0-9 ,.;:'"&<>()/\n-]{1,40}$/).map((s) => s.replace(/\s+$/, '').replace(/^\s+/, '')).filter((s) => s !== '');

/** Distinct spellings: words from the pool and a letter suffix unique to each form, so no two forms collide. */
let counter = 0;
function unique(words: string[]): string {
  counter++;
  let tag = '';
  for (let n = counter; n > 0; n = Math.floor(n / 26)) tag += String.fromCharCode(97 + (n % 26));
  return `${words.join(' ')} Q${tag}`;
}

const formArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 });
const hanArb = fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: 5 }).map((cs) => cs.join(''));
const detailArb = fc.record({ note: fc.option(NOTE, { nil: undefined }), source: fc.option(NOTE, { nil: undefined }), superseded: fc.boolean() });

/** A JSON entry in the concept shape, with every field sometimes there. */
const entryArb = fc
  .record({
    admitted: fc.array(formArb, { maxLength: 2 }),
    forbidden: fc.array(fc.tuple(formArb, detailArb), { maxLength: 3 }),
    approved: formArb,
    zhHans: fc.option(fc.tuple(hanArb, fc.array(hanArb, { maxLength: 2 })), { nil: undefined }),
    zhHant: fc.option(hanArb, { nil: undefined }),
    // A language's own abbreviation (大湾区 beside 粤港澳大湾区): false, documents must define it; true, the list does.
    zhHansAbbreviation: fc.option(fc.tuple(hanArb, fc.boolean()), { nil: undefined }),
    zhHantAbbreviation: fc.option(fc.tuple(hanArb, fc.boolean()), { nil: undefined }),
    note: fc.option(NOTE, { nil: undefined }),
    source: fc.option(NOTE, { nil: undefined }),
    subject: fc.option(NOTE, { nil: undefined }),
    definition: fc.option(NOTE, { nil: undefined }),
    id: fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { nil: undefined }),
    exceptions: fc.option(fc.array(formArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    caseSensitive: fc.option(fc.boolean(), { nil: undefined }),
    // An abbreviation (false: documents must define it; true: the list defines it).
    abbreviation: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((e) => {
    const forbidden = e.forbidden.map(([words, d]) => {
      const form = unique(words);
      if (d.note === undefined && d.source === undefined && !d.superseded) return form;
      return { form, ...(d.note !== undefined ? { note: d.note } : {}), ...(d.source !== undefined ? { source: d.source } : {}), ...(d.superseded ? { status: 'superseded' } : {}) };
    });
    const languages: Record<string, unknown> = {
      en: { approved: unique(e.approved), ...(e.admitted.length ? { admitted: e.admitted.map(unique) } : {}), ...(forbidden.length ? { forbidden } : {}) },
    };
    const own = (a: [string, boolean] | undefined) => (a ? { abbreviation: `${a[0].slice(0, 2)}${++counter}`, ...(a[1] ? { abbreviationDefined: true } : {}) } : {});
    if (e.zhHans) languages['zh-Hans'] = { approved: `${e.zhHans[0]}${++counter}`, ...(e.zhHans[1].length ? { admitted: e.zhHans[1].map((h) => `${h}${++counter}`) } : {}), ...own(e.zhHansAbbreviation) };
    if (e.zhHant) languages['zh-Hant'] = { approved: `${e.zhHant}${++counter}`, ...own(e.zhHantAbbreviation) };
    const entry: Record<string, unknown> = { languages };
    for (const k of ['note', 'source', 'subject', 'definition', 'caseSensitive'] as const) if (e[k] !== undefined) entry[k] = e[k];
    if (e.id !== undefined) entry.id = `${e.id}${++counter}`;
    if (e.exceptions) entry.exceptions = e.exceptions.map(unique);
    if (e.abbreviation !== undefined) {
      entry.abbreviation = `AB${++counter}`;
      if (e.abbreviation) entry.abbreviationDefined = true;
    }
    return entry;
  });

const listArb = fc.record({
  terms: fc.array(entryArb, { minLength: 1, maxLength: 6 }),
  title: fc.option(NOTE, { nil: undefined }),
  source: fc.option(NOTE, { nil: undefined }),
  ignore: fc.option(fc.array(formArb.map(unique), { minLength: 1, maxLength: 2 }), { nil: undefined }),
});

function listOf(spec: { terms: unknown[]; title?: string; source?: string; ignore?: string[] }): TermList {
  const file: Record<string, unknown> = { language: 'en', terms: spec.terms };
  if (spec.title !== undefined) file.title = spec.title;
  if (spec.source !== undefined) file.source = spec.source;
  if (spec.ignore !== undefined) file.ignore = spec.ignore;
  const r = jsonReader.read(JSON.stringify(file, null, 2), 'random.terms.json');
  assert.deepEqual(r.problems, []);
  return r.list!;
}

/** What a format holds. */
interface Holds {
  formNotes: boolean;
  /** 'concepts': written as concepts of their own (TBX), which lint the same and read back as concepts. */
  exceptions: boolean | 'concepts';
  caseRule: boolean;
  title: boolean;
  ignore: boolean;
  /** TBX writes an id for every concept (an XML ID is how it names one). */
  addsIds: boolean;
  /** "The list defines the abbreviation" (the abbreviation itself every format holds). */
  abbreviationDefined: boolean;
}
const ALL: Holds = { formNotes: true, exceptions: true, caseRule: true, title: true, ignore: true, addsIds: false, abbreviationDefined: true };
const FORMATS: [string, TermListReader, string, Holds][] = [
  ['JSON', jsonReader, 'out.terms.json', ALL],
  ['TBX', tbxReader, 'out.tbx', { formNotes: true, exceptions: 'concepts', caseRule: false, title: true, ignore: false, addsIds: true, abbreviationDefined: false }],
  ['CSV', csvReader, 'out.terms.csv', { formNotes: false, exceptions: true, caseRule: true, title: false, ignore: false, addsIds: false, abbreviationDefined: true }],
];

/** The content of a list as a format can hold it, independent of which language each concept keeps inline. */
function content(list: TermList, holds: Holds, ids: 'keep' | 'drop'): unknown {
  return {
    title: holds.title ? list.title : undefined,
    ignore: holds.ignore ? list.ignore : undefined,
    terms: list.terms.flatMap((t): unknown[] => {
      const languages: Record<string, unknown> = {};
      for (const lang of languagesOf(t).sort()) {
        const f = formsIn(t, lang)!;
        const details: Record<string, unknown> = {};
        for (const [form, d] of Object.entries(f.details ?? {})) {
          const kept = { ...(holds.formNotes && d.note !== undefined ? { note: d.note } : {}), ...(holds.formNotes && d.source !== undefined ? { source: d.source } : {}), ...(d.status === 'superseded' ? { status: d.status } : {}) };
          if (Object.keys(kept).length > 0) details[form] = kept;
        }
        // CSV groups forbidden forms by status (a column each): their order is not content.
        // A language's own abbreviation (the concept's own language has the concept's, below).
        const abbreviation = f.abbreviation ? { short: f.abbreviation.short, defined: holds.abbreviationDefined && f.abbreviation.defined } : undefined;
        languages[lang] = { approved: f.approved, admitted: [...f.admitted], forbidden: [...f.forbidden].sort(), details, abbreviation };
      }
      const concept = {
        languages,
        note: t.note,
        source: t.source,
        subject: t.subject,
        definition: t.definition,
        id: ids === 'keep' ? t.conceptId : undefined,
        exceptions: holds.exceptions === true ? t.exceptions?.map((e) => e.phrase) : undefined,
        caseSensitive: holds.caseRule ? t.caseSensitive : hasUpperCase(t.term),
        abbreviation: t.abbreviation ? { short: t.abbreviation.short, defined: holds.abbreviationDefined && t.abbreviation.defined } : undefined,
      };
      return [concept];
    }).concat(holds.exceptions === 'concepts' ? exceptionConcepts(list, holds) : []),
  };
}

/** The exceptions of every entry as the concepts TBX writes them as, after the entries (read back they are concepts). */
function exceptionConcepts(list: TermList, holds: Holds): unknown[] {
  return list.terms.flatMap((t) =>
    (t.exceptions ?? []).map((e) => ({
      languages: { [t.lang ?? 'en']: { approved: e.phrase, admitted: [], forbidden: [], details: {}, abbreviation: undefined } },
      note: exceptionNote(t, e.note),
      source: t.source,
      subject: undefined,
      definition: undefined,
      id: undefined,
      exceptions: undefined,
      caseSensitive: holds.caseRule ? hasUpperCase(e.phrase) : hasUpperCase(e.phrase),
      abbreviation: undefined,
    })),
  );
}

/** What a write-read through `holds` may change: everything else must come back; what does not must be named. */
function lost(list: TermList, holds: Holds): boolean {
  return JSON.stringify(content(list, holds, 'keep')) !== JSON.stringify(content(list, ALL, 'keep'));
}

describe('term-list round trips', () => {
  for (const [name, reader, file, holds] of FORMATS) {
    it(`JSON → ${name} → read: everything ${name} holds comes back, and what it cannot hold is named`, () => {
      fc.assert(
        fc.property(listArb, (spec) => {
          const list = listOf(spec);
          const written = reader.write(list, {});
          const back = reader.read(written.text, file);
          assert.deepEqual(back.problems.filter((p) => p.severity === 'error'), [], written.text);
          const ids = holds.addsIds && list.terms.some((t) => t.conceptId === undefined || t.exceptions !== undefined) ? 'drop' : 'keep';
          assert.deepEqual(content(back.list!, holds, ids), content(list, holds, ids), written.text);
          // convert's read-back check finds nothing missing in a write that kept everything.
          assert.deepEqual(readBackLosses(list, back.list!, holds.abbreviationDefined), []);
          if (lost(list, holds)) assert.ok(written.dropped.length + (written.reshaped?.length ?? 0) > 0, `${name} dropped data without saying so:\n${written.text}`);
          else assert.deepEqual(written.dropped, []);
        }),
        fcParams(150),
      );
    });
  }

  it('any format → any other → back again keeps what all of them hold', () => {
    const common: Holds = { formNotes: false, exceptions: 'concepts', caseRule: false, title: false, ignore: false, addsIds: true, abbreviationDefined: false };
    fc.assert(
      fc.property(listArb, fc.constantFrom(...FORMATS), fc.constantFrom(...FORMATS), (spec, [, a, fa], [, b, fb]) => {
        const list = listOf(spec);
        const first = a.read(a.write(list).text, fa).list!;
        const second = b.read(b.write(first).text, fb).list!;
        const third = a.read(a.write(second).text, fa).list!;
        assert.deepEqual(content(third, common, 'drop'), content(list, common, 'drop'));
      }),
      fcParams(150),
    );
  });

  it('TBX writes each exception as a concept of its own, unless that name is already a form of an entry', () => {
    const list = listOf({
      terms: [
        { term: 'Macao', forbidden: ['Macau'], exceptions: ['University of Macau', 'Macau Tower'] },
        { term: 'Macau Tower', note: 'Listed as a term of its own.' },
      ],
    });
    const written = tbxReader.write(list, {});
    assert.deepEqual(written.dropped, ['exceptions that are already forms of an entry, or another exception, of: "Macao"']);
    assert.equal(written.reshaped?.length, 1);
    const back = tbxReader.read(written.text, 'x.tbx').list!;
    assert.deepEqual(back.terms.map((t) => t.term), ['Macao', 'Macau Tower', 'University of Macau']);
  });

  it('a form with a ";" cannot be a CSV form: the writer says so instead of splitting it', () => {
    const list = listOf({ terms: [{ term: 'Macao', forbidden: ['Macau; Makau'] }] });
    const written = csvReader.write(list, {});
    assert.deepEqual(written.dropped, ['forms with a ";" (the separator of forms in a cell): "Macau; Makau"']);
    assert.deepEqual(csvReader.read(written.text, 'x.terms.csv').list!.terms[0]!.forbidden, []);
  });
});
