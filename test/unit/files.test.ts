/** The CLI loads the glob library only for inputs that can be globs: its shortcut must agree with the library. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as tinyglobby from 'tinyglobby';
import { isDynamicPattern } from '../../server/src/cli/files';
import { fcParams } from '../helpers/arbitraries';

describe('CLI inputs: paths or globs', () => {
  it('tells globs from paths as tinyglobby does', () => {
    for (const p of ['draft.md', 'docs/a b.md', 'a+b@c.md', 'x\\y.md', '**/*.md', 'a?.md', '[ab].md', '{a,b}.md', '!a.md', '+(a).md', 'a(b).md', 'a{b}.md', 'a[.md']) {
      assert.equal(isDynamicPattern(p), tinyglobby.isDynamicPattern(p), p);
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '.', '/', '\\', '*', '?', '[', ']', '{', '}', ',', '(', ')', '!', '+', '@', '..', ' ', '-', 'é'), { maxLength: 12 }), (parts) => {
        const p = parts.join('');
        assert.equal(isDynamicPattern(p), tinyglobby.isDynamicPattern(p), p);
      }),
      fcParams(2000),
    );
  });
});
