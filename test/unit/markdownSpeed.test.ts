/**
 * SkipProse lets lezer skip runs of prose in its inline pass. The tree it gives must be lezer's own without
 * it, node for node, except HardBreak nodes (which mask nothing): random documents mixing every construct,
 * with autolinks, e-mail addresses and delimiters dropped in anywhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree } from '@lezer/common';
import { GFM, parser } from '@lezer/markdown';
import { SkipProse } from '../../server/src/core/formats/markdown/skipProse';
import { REPO_ROOT } from '../helpers/terms';
import { droppedDocument } from '../helpers/markdownDocs';
import { rng } from '../helpers/random';

const plain = parser.configure(GFM);
const skipping = parser.configure([SkipProse, GFM]);

function nodes(tree: Tree): string {
  const out: string[] = [];
  tree.iterate({
    enter(n) {
      if (n.name !== 'HardBreak') out.push(`${n.name}:${n.from}-${n.to}`);
    },
  });
  return out.join(' ');
}

function assertSameTree(doc: string, label: string): void {
  assert.equal(nodes(skipping.parse(doc)), nodes(plain.parse(doc)), `${label}\n${JSON.stringify(doc)}`);
}

describe('SkipProse keeps lezer\'s tree', () => {
  it('on the example draft and the README', () => {
    for (const file of ['examples/draft.md', 'README.md']) {
      const p = path.join(REPO_ROOT, file);
      if (fs.existsSync(p)) assertSameTree(fs.readFileSync(p, 'utf8'), file);
    }
  });

  it('on 2,000 random documents with autolinks, addresses and delimiters dropped in', () => {
    const random = rng(0x5c1b);
    for (let i = 0; i < 2000; i++) {
      assertSameTree(droppedDocument(random, 4 + Math.floor(random() * 25)), `document ${i}`);
    }
  });
});
