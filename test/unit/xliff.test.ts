/**
 * XLIFF 1.2 and 2.x as translation pairs: units read with their inline markup, every character placed in the
 * file, the same XML rules as TBX (no DTD, no entity but XML's own), and the translation check unit by unit.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fixes';
import { checkXliff, readXliff } from '../../server/src/core/translation/xliff/check';
import type { VariantKind } from '../../server/src/core/types';
import { compiledOf } from '../helpers/terms';

const terms = compiledOf([{ term: 'Guangdong' }, { term: 'Macao', forbidden: ['Macau'] }, { term: 'Hong Kong' }, { term: 'R&D centre' }]);

const V12 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="plan.md" source-language="en-GB" target-language="en-US" datatype="markdown">
    <body>
      <group id="g1">
        <trans-unit id="1">
          <source>Macao and <g id="1">Hong Kong</g> grow.</source>
          <target state="translated">Macau and <g id="1">Hong Kong</g> grow.</target>
        </trans-unit>
      </group>
      <trans-unit id="2">
        <source>Guangdong leads<x id="1"/>.</source>
        <target>The province leads<x id="1"/>.</target>
      </trans-unit>
      <trans-unit id="3"><source>Our R&amp;D centre.</source><target>Our <![CDATA[R&D]]> centre &#x263A;.</target></trans-unit>
      <trans-unit id="4" translate="no"><source>Guangdong</source><target>x</target></trans-unit>
      <trans-unit id="5"><source>Hong Kong</source></trans-unit>
    </body>
  </file>
</xliff>
`;

const V2 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment><source>Macao grows.</source><target>Macau <pc id="1">grows</pc>.</target></segment>
      <ignorable><source> </source><target> </target></ignorable>
      <segment><source>Guangdong too.</source><target>Guangdong<ph id="2"/> too.</target></segment>
    </unit>
  </file>
</xliff>
`;

type Row = [VariantKind, string, string | null];

describe('XLIFF', () => {
  it('reads 1.2: units in groups, inline codes, CDATA and references, no translate="no", untranslated units', () => {
    const r = readXliff(V12);
    assert.ok('document' in r);
    const d = r.document;
    assert.equal(d.version, '1.2');
    assert.equal(d.sourceLang, 'en');
    assert.equal(d.targetLang, 'en');
    assert.deepEqual(
      d.units.map((u) => [u.id, u.source.text, u.target?.text]),
      [
        ['1', 'Macao and Hong Kong grow.', 'Macau and Hong Kong grow.'],
        ['2', 'Guangdong leads .', 'The province leads .'],
        ['3', 'Our R&D centre.', 'Our R&D centre ☺.'],
        ['5', 'Hong Kong', undefined],
      ],
    );
    // Every character knows where it was read from.
    const t = d.units[2]!.target!;
    assert.equal(V12.slice(t.starts[4]!, t.ends[4]!), 'R');
    assert.equal(V12.slice(t.starts[t.text.length - 2]!, t.ends[t.text.length - 2]!), '&#x263A;');
  });

  it('reads 2.x: segments and ignorables of a unit, in order', () => {
    const r = readXliff(V2);
    assert.ok('document' in r);
    assert.equal(r.document.sourceLang, 'zh-Hans');
    assert.deepEqual(r.document.units.map((u) => [u.source.text, u.target?.text]), [['Macao grows.   Guangdong too.', 'Macau grows.   Guangdong  too.']]);
  });

  const cases: { name: string; xliff: string; rows: Row[] }[] = [
    {
      name: '1.2: findings placed in the file, fixes edit only text',
      xliff: V12,
      rows: [
        ['forbidden', 'Macau', 'Macao'],
        ['translation', 'Macau', 'Macao'],
        ['translation', 'The province leads .', null],
      ],
    },
    {
      name: '2.x: a unit of several segments is one pair',
      xliff: V2,
      rows: [
        ['forbidden', 'Macau', 'Macao'],
        ['translation', 'Macau', 'Macao'],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = readXliff(c.xliff);
      assert.ok('document' in r);
      const check = checkXliff(r.document, terms, { source: 'en', target: 'en' });
      assert.deepEqual(check.findings.map((f): Row => [f.kind, f.found, f.replacements[0]?.text ?? null]), c.rows);
      for (const f of check.findings) {
        if (f.replacements[0]) {
          const fixed = applyEdits(c.xliff, f.replacements[0].edits);
          const again = readXliff(fixed);
          assert.ok('document' in again, 'a fix leaves the XLIFF well-formed');
        }
        if (f.counterpart) assert.match(c.xliff.slice(f.counterpart.start, f.counterpart.end), /Macao|Guangdong/);
      }
    });
  }

  it('a fix inside a paired code is an edit of its text; one that would cross markup is not offered', () => {
    const x = (target: string) => `<xliff version="1.2"><file source-language="en" target-language="en"><body><trans-unit id="1"><source>Macao</source><target>${target}</target></trans-unit></body></file></xliff>`;
    const check = (target: string) => {
      const r = readXliff(x(target));
      assert.ok('document' in r);
      return checkXliff(r.document, terms, { source: 'en', target: 'en' }).findings.map((g) => [g.kind, g.found, g.replacements.map((rep) => applyEdits(x(target), rep.edits).replace(/.*<target>|<\/target>.*/g, ''))]);
    };
    assert.deepEqual(check('<g id="1">Macau</g> &amp; more'), [['forbidden', 'Macau', ['<g id="1">Macao</g> &amp; more']], ['translation', 'Macau', ['<g id="1">Macao</g> &amp; more']]]);
    assert.deepEqual(check('<g id="1">Hong</g> Kong'), [['translation', 'Hong Kong', []]]);
  });

  const errors: [string, string, RegExp][] = [
    ['an external entity (XXE)', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&e;</source></trans-unit></body></file></xliff>', /Entity "&e;" is not defined/],
    ['malformed XML', '<xliff version="1.2"><file><body></bdy></file></xliff>', /Malformed XML/],
    ['not XLIFF', '<tbx/>', /Not an XLIFF file/],
    ['an unknown version', '<xliff version="3.1"/>', /Unknown XLIFF version "3.1"/],
  ];
  for (const [name, text, message] of errors) {
    it(`refuses ${name}, positioned`, () => {
      const r = readXliff(text);
      assert.ok('error' in r);
      assert.match(r.error.message, message);
      assert.ok(r.error.offset >= 0 && r.error.offset <= text.length);
    });
  }
});
