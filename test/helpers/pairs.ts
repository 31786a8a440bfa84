/**
 * The aligned test pairs (test/fixtures/pairs/): short policy documents written in Chinese with their English
 * translations, and the block links a reader would draw between them (links.json: for each link, the source
 * blocks and the target blocks, by index among the blocks with prose). Scored as precision and recall of the
 * block-to-block links an alignment makes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompiledTerms } from '../../server/src/core/compile';
import { type BlockLink, checkPair } from '../../server/src/core/translation/check';
import { REPO_ROOT } from './terms';

export const PAIRS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'pairs');

export interface AlignedPair {
  name: string;
  source: string;
  target: string;
  /** [source block indexes, target block indexes] per link. */
  gold: [number[], number[]][];
}

export function alignedPairs(): AlignedPair[] {
  const gold = JSON.parse(fs.readFileSync(path.join(PAIRS_DIR, 'links.json'), 'utf8')) as Record<string, [number[], number[]][]>;
  return Object.entries(gold).map(([name, links]) => ({
    name,
    source: fs.readFileSync(path.join(PAIRS_DIR, `${name}.zh.md`), 'utf8'),
    target: fs.readFileSync(path.join(PAIRS_DIR, `${name}.en.md`), 'utf8'),
    gold: links,
  }));
}

/** Block-to-block pairs of some links, as `i-j` keys (a 1-2 link is two of them; a gap none). */
export function linkPairs(links: readonly [readonly number[], readonly number[]][]): Set<string> {
  const out = new Set<string>();
  for (const [s, t] of links) for (const i of s) for (const j of t) out.add(`${i}-${j}`);
  return out;
}

export function asIndexes(links: readonly BlockLink[]): [number[], number[]][] {
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);
  return links.map((l) => [range(l.sourceFrom, l.sourceTo), range(l.targetFrom, l.targetTo)]);
}

export interface Score {
  name: string;
  correct: number;
  predicted: number;
  gold: number;
  sourceBlocks: number;
  targetBlocks: number;
}

export function scorePairs(compiled: CompiledTerms): Score[] {
  return alignedPairs().map((p) => {
    const r = checkPair({ text: p.source, format: 'markdown', lang: 'zh-Hans' }, { text: p.target, format: 'markdown', lang: 'en' }, compiled);
    const gold = linkPairs(p.gold);
    const predicted = linkPairs(asIndexes(r.links));
    let correct = 0;
    for (const k of predicted) if (gold.has(k)) correct++;
    return { name: p.name, correct, predicted: predicted.size, gold: gold.size, sourceBlocks: r.sourceBlocks.length, targetBlocks: r.targetBlocks.length };
  });
}
