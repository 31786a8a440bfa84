/** CLI reports written in pieces: the pieces must add up to exactly what one JSON.stringify would print. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonChunks, linesOf } from '../../server/src/cli/report';
import { LineIndex } from '../../server/src/core/lines';
import { fcParams } from '../helpers/arbitraries';

describe('reports in pieces', () => {
  it('jsonChunks equals JSON.stringify(value, null, 2), wherever the big array sits', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), fc.nat({ max: 3 }), (big, other, depth) => {
        let value: unknown = big;
        for (let d = 0; d < depth; d++) value = d % 2 === 0 ? { ...other, results: value } : [value, other];
        assert.equal([...jsonChunks(value, big, big)].join(''), JSON.stringify(value, null, 2));
      }),
      fcParams(300),
    );
  });

  it('writes more records than fit in one string', function () {
    this.timeout(60_000);
    // 600,000 records of ~1,000 characters: 600 million characters, past V8's limit of about 536 million.
    const record = { message: 'x'.repeat(1000) };
    const big = Array.from({ length: 600_000 }, () => record);
    let total = 0;
    for (const chunk of jsonChunks(big, big, big)) total += chunk.length;
    assert.ok(total > 600_000_000, String(total));
  });

  it('places offsets on the lines LineIndex reads, with or without carriage returns', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '\u2028', 'é'), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const lines = linesOf(text);
        const reference = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.at(offset), reference.at(offset), `${JSON.stringify(text)} at ${offset}`);
      }),
      fcParams(300),
    );
  });
});
