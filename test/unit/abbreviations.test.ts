/**
 * Abbreviations, checked in the same pass as variants, table-driven: { text, findings, fixed }, each finding
 * [kind, found, preferred replacement]. Fix-all must leave nothing to fix.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/lint';
import { compiledOf } from '../helpers/terms';
import { type Case, none, runCases } from '../helpers/consistencyCases';

const cases: Case[] = [
  // What defines one, and what is fine.
  { name: 'a definition, then uses', text: 'The World Trade Organization (WTO) ruled. The WTO appealed.', findings: [] },
  { name: 'the short form first defines too', text: 'The SEZ (Special Economic Zone) grew, and the SEZ hired.', findings: [] },
  { name: 'a plural short form stands for the same abbreviation', text: 'Small and medium-sized enterprises (SMEs) hire; each SME pays less, and SMEs grow.', findings: [] },
  { name: 'letters that do not spell the words define nothing', text: 'The port of Nansha (PDX) opened. PDX grew.', findings: [] },
  { name: 'a parenthesis that is no abbreviation defines nothing', text: 'The plan (draft) and the plan (final).', findings: [] },
  // Used before its definition.
  {
    name: 'used before its definition: defined at the first use, and the late definition becomes the short form',
    text: 'The WTO ruled. Later the World Trade Organization (WTO) appealed, and the WTO lost.',
    findings: [
      ['abbreviation', 'WTO', 'World Trade Organization (WTO)'],
      ['abbreviation', 'World Trade Organization (WTO)', 'WTO'],
    ],
    fixed: 'The World Trade Organization (WTO) ruled. Later the WTO appealed, and the WTO lost.',
  },
  // Defined twice, or two ways.
  {
    name: 'defined twice: the second becomes the short form',
    text: 'The Port Authority (PA) met. The Port Authority (PA) voted; the PA adjourned.',
    findings: [['abbreviation', 'Port Authority (PA)', 'PA']],
    fixed: 'The Port Authority (PA) met. The PA voted; the PA adjourned.',
  },
  {
    name: 'defined with two expansions: the second is reported, fixed to the short form as first defined',
    text: 'The Pearl River Council (PRC) met. The Planning Review Committee (PRC) voted; the PRC adjourned.',
    findings: [['abbreviation', 'Planning Review Committee (PRC)', 'PRC']],
  },
  // The expansion spelled out again.
  {
    name: 'the expansion spelled out after the definition becomes the short form',
    text: 'The Free Trade Zone (FTZ) opened. Firms in the FTZ trade; the Free Trade Zone grows.',
    findings: [['expansion', 'Free Trade Zone', 'FTZ']],
    fixed: 'The Free Trade Zone (FTZ) opened. Firms in the FTZ trade; the FTZ grows.',
  },
  {
    name: 'the expansion across a line break, in another case',
    text: 'The Free Trade Zone (FTZ) opened; the FTZ grows. Firms near the free trade\nzone agree.',
    findings: [['expansion', 'free trade\nzone', 'FTZ']],
  },
  // Defined and never used.
  {
    name: 'defined and never used: the short form is dropped',
    text: 'The Harbour Data Office (HDO) opened in March. It hired ten staff.',
    findings: [['unused-abbreviation', 'Harbour Data Office (HDO)', 'Harbour Data Office']],
    fixed: 'The Harbour Data Office opened in March. It hired ten staff.',
  },
  {
    name: 'defined short form first and never used',
    text: 'The HDO (Harbour Data Office) opened in March.',
    findings: [['unused-abbreviation', 'HDO (Harbour Data Office)', 'Harbour Data Office']],
  },
  // What is never read.
  { name: 'headings are left alone', text: '# The WTO and the Free Trade Zone\n\nThe World Trade Organization (WTO) ruled. The WTO appealed.', findings: [] },
  { name: 'code is not read', text: 'Set `WTO` first. The World Trade Organization (WTO) ruled; the WTO appealed.', findings: [] },
  // Term lists.
  {
    name: 'an abbreviation the term list defines may be used undefined',
    text: 'The IPP said so; the IPP agreed.',
    findings: [],
    terms: () => compiledOf([{ term: 'Institute of Public Policy', abbreviation: 'IPP', abbreviationDefined: true }]),
  },
  {
    name: 'an abbreviation the term list knows but does not define must be defined',
    text: 'The IPP said so; the IPP agreed.',
    findings: [['abbreviation', 'IPP', 'Institute of Public Policy (IPP)']],
    terms: () => compiledOf([{ term: 'Institute of Public Policy', abbreviation: 'IPP' }]),
  },
  {
    name: 'a definition with another expansion than the term list\'s',
    text: 'The International Policy Panel (IPP) met. The IPP agreed.',
    findings: [['abbreviation', 'International Policy Panel (IPP)', 'Institute of Public Policy (IPP)']],
    terms: () => compiledOf([{ term: 'Institute of Public Policy', abbreviation: 'IPP', abbreviationDefined: true }]),
  },
  // Switches.
  { name: 'abbreviations: false', text: 'The WTO ruled. The World Trade Organization (WTO) appealed.', findings: [], options: { abbreviations: false } },
  { name: 'the kinds filter', text: 'The Harbour Data Office (HDO) opened. The WTO ruled. The World Trade Organization (WTO) appealed.', findings: [['unused-abbreviation', 'Harbour Data Office (HDO)', 'Harbour Data Office']], options: { kinds: ['unused-abbreviation'] } },
  { name: 'an ignored abbreviation is not checked', text: 'The WTO ruled. The World Trade Organization (WTO) appealed.', findings: [], terms: () => compiledOf([{ term: 'Unrelated' }], { ignore: ['WTO'] }) },
];

runCases('abbreviations: table of cases', cases);

describe('abbreviations: links and messages', () => {
  it('findings link to the definition or the first use', () => {
    const text = 'The WTO ruled. Later the World Trade Organization (WTO) appealed.';
    assert.deepEqual(
      lintText(text, none, { format: 'plaintext' }).findings.map((f) => f.related?.map((r) => [text.slice(r.start, r.end), r.message])),
      [[['World Trade Organization (WTO)', '"WTO" is defined here']], [['WTO', '"WTO" is first used here']]],
    );
  });

  it('messages say what is wrong', () => {
    const text = 'The WTO ruled. Later the World Trade Organization (WTO) appealed.';
    assert.deepEqual(
      lintText(text, none, { format: 'plaintext' }).findings.map((f) => f.message),
      [
        '"WTO" should be "World Trade Organization (WTO)" (abbreviation: used before its definition "World Trade Organization (WTO)")',
        '"World Trade Organization (WTO)" should be "WTO" (abbreviation: defined after its first use)',
      ],
    );
  });
});
