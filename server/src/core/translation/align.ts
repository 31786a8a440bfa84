/**
 * Block alignment of a document and its translation: a dynamic programme over the moves 1-1, 1-2, 2-1, 1-0 and
 * 0-1 (Gale and Church's, 1993), each scored by how well the blocks it links agree:
 *
 * - length: the target's prose length against the source's, scaled by the two documents' overall ratio (a
 *   Chinese character is worth about three English letters, but the documents say how many), as a normal
 *   deviation that narrows with length;
 * - block type: a heading links to a heading, a list item to a list item, a table row to a table row;
 * - anchors: numbers, Latin words in prose of another script, list numbering (一、 ↔ 1.) and the terms both
 *   sides use (the concept of 新质生产力 is the concept of "new quality productivity forces"), counted only when
 *   the other document has them somewhere, so a number only one side writes does not pull links apart.
 *
 * A paragraph the translator split in two is one 1-2 link, two merged are a 2-1 link, a block left out or added
 * is a 1-0 or 0-1 link. The search is banded around the diagonal (plus the difference in block counts), so two
 * documents of thousands of blocks align in linear time; the costs below were tuned on the aligned test pairs
 * in test/fixtures/pairs/ (their precision and recall are in the README).
 */
import type { PairBlock } from './blocks';

/** One link: source blocks [sourceFrom, sourceTo) are translated by target blocks [targetFrom, targetTo). */
export interface BlockLink {
  sourceFrom: number;
  sourceTo: number;
  targetFrom: number;
  targetTo: number;
}

/** The moves, as (source blocks, target blocks). */
const MOVES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 0],
  [0, 1],
];

/** The moves' source and target block counts, as typed arrays for the inner loop. */
const MOVE_DI = Int8Array.from(MOVES, (m) => m[0]);
const MOVE_DJ = Int8Array.from(MOVES, (m) => m[1]);

/** Cost of each move before its blocks are compared: a split or a merge is rarer than a 1-1 link, a gap rarer still. */
const PRIOR = { one: 0, split: 2.8, gap: 2.5 };
/** Variance of a target block's length per unit of expected length (Gale and Church's s², in target units). */
const LENGTH_VARIANCE = 6;
/**
 * Translators vary more than Gale and Church's model allows between languages this far apart: a block's ratio
 * strays some 30% from the documents' either way (measured on the test pairs), whatever its length.
 */
const LENGTH_RELATIVE = 0;
/** Short blocks (headings) vary more than the variance model says: a floor under the deviation's scale. */
const LENGTH_FLOOR = 16;
/** The length cost is capped: a heading rewritten at twice its length is still its heading. */
const LENGTH_CAP = 7;
const ANCHOR_SHARED = 1.1;
const ANCHOR_MISSING = 0.7;
const NUMBER_SAME = 0.3;
const NUMBER_DIFFERENT = 0.2;

function typeCost(a: PairBlock, b: PairBlock): number {
  if (a.kind === b.kind) return a.kind === 'heading' && a.level !== b.level ? 0.3 : 0;
  // A numbered Chinese paragraph (一、…) is often a heading or a list item in the translation.
  if ((a.kind === 'heading' || b.kind === 'heading') && (a.kind === 'table-row' || b.kind === 'table-row')) return 3;
  if (a.kind === 'heading' || b.kind === 'heading') return a.number >= 0 && a.number === b.number ? 0.6 : 1.8;
  if (a.kind === 'table-row' || b.kind === 'table-row') return 2.5;
  return 0.6; // paragraph ↔ list item
}

/**
 * Each block's anchors and concepts that the other document has too, as small integer ids with counts: the cost of
 * a move compares them without building a map per move (a 1-2 move is tried at every cell of the band).
 */
interface Bags {
  /** Per block: [start, end) into `ids` and `counts`. */
  from: Int32Array;
  to: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  /** Per block: the sum of its counts (what a gap costs). */
  totals: Int32Array;
}

function bagsOf(blocks: readonly PairBlock[], shared: ReadonlyMap<string, number>): Bags {
  const from = new Int32Array(blocks.length);
  const to = new Int32Array(blocks.length);
  const totals = new Int32Array(blocks.length);
  const ids: number[] = [];
  const counts: number[] = [];
  const bag = new Map<number, number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    bag.clear();
    for (const a of b.anchors) {
      const id = shared.get(a);
      if (id !== undefined) bag.set(id, (bag.get(id) ?? 0) + 1);
    }
    for (const c of b.concepts) {
      const id = shared.get(`=${c}`);
      if (id !== undefined) bag.set(id, (bag.get(id) ?? 0) + 1);
    }
    from[i] = ids.length;
    for (const [id, n] of bag) {
      ids.push(id);
      counts.push(n);
      totals[i]! += n;
    }
    to[i] = ids.length;
  }
  return { from, to, ids: Int32Array.from(ids), counts: Int32Array.from(counts), totals };
}

/** Keys of every anchor and concept of `blocks`. */
function keysOf(blocks: readonly PairBlock[]): Set<string> {
  const keys = new Set<string>();
  for (const b of blocks) {
    for (const a of b.anchors) keys.add(a);
    for (const c of b.concepts) keys.add(`=${c}`);
  }
  return keys;
}

/** The median of some sizes. */
function median(sizes: number[]): number {
  sizes.sort((a, b) => a - b);
  const k = sizes.length >> 1;
  return sizes.length % 2 ? sizes[k]! : (sizes[k - 1]! + sizes[k]!) / 2;
}

/**
 * Aligns `source` with `target` block by block; the links cover both documents in order. Which length ratio the
 * translation has is not known beforehand: the documents' totals are skewed by a block left out (a short
 * document missing a long paragraph looks translated at half its length), the median blocks' by a paragraph
 * split in two. Both are tried, each refined by the ratio of the blocks its alignment linked, and the alignment
 * that explains the documents at the lower cost wins.
 */
export function alignBlocks(source: readonly PairBlock[], target: readonly PairBlock[]): BlockLink[] {
  if (source.length === 0 || target.length === 0) return alignWith(source, target, 1).links;
  let sourceSize = 0;
  let targetSize = 0;
  for (const b of source) sourceSize += b.size;
  for (const b of target) targetSize += b.size;
  const candidates = [targetSize / Math.max(1, sourceSize), median(target.map((b) => b.size)) / Math.max(1, median(source.map((b) => b.size)))];
  let best: Alignment | undefined;
  const tried: number[] = [];
  const attempt = (ratio: number): Alignment | undefined => {
    if (!(ratio > 0) || tried.some((r) => Math.abs(r / ratio - 1) < 0.02)) return undefined;
    tried.push(ratio);
    const a = alignWith(source, target, ratio);
    if (!best || a.cost < best.cost) best = a;
    return a;
  };
  for (const ratio of candidates) {
    const a = attempt(ratio);
    if (a) attempt(linkedRatio(source, target, a.links));
  }
  return best!.links;
}

/** The length ratio of the blocks some links pair (gaps left out). */
function linkedRatio(source: readonly PairBlock[], target: readonly PairBlock[], links: readonly BlockLink[]): number {
  let s = 0;
  let t = 0;
  for (const l of links) {
    if (l.sourceTo === l.sourceFrom || l.targetTo === l.targetFrom) continue;
    for (let i = l.sourceFrom; i < l.sourceTo; i++) s += source[i]!.size;
    for (let j = l.targetFrom; j < l.targetTo; j++) t += target[j]!.size;
  }
  return s > 0 ? t / s : 0;
}

interface Alignment {
  links: BlockLink[];
  cost: number;
}

function alignWith(source: readonly PairBlock[], target: readonly PairBlock[], ratio: number): Alignment {
  const n = source.length;
  const m = target.length;
  if (n === 0 || m === 0) {
    const links: BlockLink[] = [];
    for (let i = 0; i < n; i++) links.push({ sourceFrom: i, sourceTo: i + 1, targetFrom: 0, targetTo: 0 });
    for (let j = 0; j < m; j++) links.push({ sourceFrom: 0, sourceTo: 0, targetFrom: j, targetTo: j + 1 });
    return { links, cost: 0 };
  }
  // Anchors count only where the other document has them too.
  const sourceKeys = keysOf(source);
  const targetKeys = keysOf(target);
  const shared = new Map<string, number>();
  for (const k of sourceKeys) if (targetKeys.has(k)) shared.set(k, shared.size);
  const sourceBags = bagsOf(source, shared);
  const targetBags = bagsOf(target, shared);
  // Scratch tallies of one move's two groups, by anchor id; `mark` says which ids this move has set.
  const inSource = new Int32Array(shared.size);
  const inTarget = new Int32Array(shared.size);
  const mark = new Int32Array(shared.size);
  const touched = new Int32Array(shared.size);
  let stamp = 0;
  let touchedCount = 0;
  /** Adds the anchor counts of blocks [from, to) into `into`, clearing each id's tallies the first time this move meets it. */
  const tally = (bags: Bags, from: number, to: number, into: Int32Array): void => {
    for (let k = from; k < to; k++) {
      for (let x = bags.from[k]!, end = bags.to[k]!; x < end; x++) {
        const id = bags.ids[x]!;
        if (mark[id] !== stamp) {
          mark[id] = stamp;
          inSource[id] = 0;
          inTarget[id] = 0;
          touched[touchedCount++] = id;
        }
        into[id]! += bags.counts[x]!;
      }
    }
  };

  const cost = (i: number, di: number, j: number, dj: number): number => {
    if (di === 0 || dj === 0) {
      // A block left out or added: the rarer, the more it holds that the other side shares.
      return PRIOR.gap + 0.3 * (di === 0 ? targetBags.totals[j]! : sourceBags.totals[i]!);
    }
    let ls = 0;
    let lt = 0;
    for (let k = i; k < i + di; k++) ls += source[k]!.size;
    for (let k = j; k < j + dj; k++) lt += target[k]!.size;
    const expected = ls * ratio;
    const delta = (lt - expected) / Math.sqrt(LENGTH_VARIANCE * expected + (LENGTH_RELATIVE * expected) ** 2 + LENGTH_FLOOR * ratio);
    let c = di === 1 && dj === 1 ? PRIOR.one : PRIOR.split;
    c += Math.min(LENGTH_CAP, (delta * delta) / 2);
    // Types: the one block against each of the many.
    if (di === 1) for (let k = j; k < j + dj; k++) c += typeCost(source[i]!, target[k]!) / dj;
    else for (let k = i; k < i + di; k++) c += typeCost(source[k]!, target[j]!) / di;
    const a = source[i]!.number;
    const b = target[j]!.number;
    if (a >= 0 && b >= 0) c += a === b ? -NUMBER_SAME : NUMBER_DIFFERENT;
    // Anchors of the two groups: those both have (each as often as the rarer side has it) and the rest.
    stamp++;
    touchedCount = 0;
    tally(sourceBags, i, i + di, inSource);
    tally(targetBags, j, j + dj, inTarget);
    let both = 0;
    let onlyOne = 0;
    for (let x = 0; x < touchedCount; x++) {
      const id = touched[x]!;
      const cs = inSource[id]!;
      const ct = inTarget[id]!;
      both += cs < ct ? cs : ct;
      onlyOne += cs > ct ? cs - ct : ct - cs;
    }
    return c - ANCHOR_SHARED * both + ANCHOR_MISSING * onlyOne;
  };

  // The band: row i covers columns around i·m/n, wide enough for the difference in counts (every block left out
  // or split off shifts the path by one) and some drift of splits against merges. Rows' bounds are computed once.
  const width = Math.abs(n - m) + Math.max(24, Math.ceil(0.03 * Math.max(n, m)));
  const rowLo = new Int32Array(n + 1);
  const rowHi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    rowLo[i] = Math.max(0, Math.floor((i * m) / n) - width);
    rowHi[i] = Math.min(m, Math.ceil((i * m) / n) + width);
  }
  const span = 2 * width + 3;
  const size = (n + 1) * span;
  const best = new Float64Array(size).fill(Infinity);
  const move = new Int8Array(size).fill(-1);
  const at = (i: number, j: number): number => {
    const k = j - rowLo[i]!;
    return k < 0 || k >= span || j > rowHi[i]! ? -1 : i * span + k;
  };
  best[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = rowLo[i]!, end = rowHi[i]!; j <= end; j++) {
      const here = at(i, j);
      if (here < 0 || (i === 0 && j === 0)) continue;
      let b = Infinity;
      let mv = -1;
      for (let k = 0; k < MOVE_DI.length; k++) {
        const di = MOVE_DI[k]!;
        const dj = MOVE_DJ[k]!;
        if (i < di || j < dj) continue;
        const from = at(i - di, j - dj);
        if (from < 0 || best[from] === Infinity) continue;
        const c = best[from]! + cost(i - di, di, j - dj, dj);
        if (c < b) {
          b = c;
          mv = k;
        }
      }
      best[here] = b;
      move[here] = mv;
    }
  }
  const links: BlockLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = move[at(i, j)]!;
    if (k < 0) throw new Error(`Termlint: no alignment path at ${i}, ${j}`);
    const [di, dj] = MOVES[k]!;
    links.push({ sourceFrom: i - di, sourceTo: i, targetFrom: j - dj, targetTo: j });
    i -= di;
    j -= dj;
  }
  return { links: links.reverse(), cost: best[at(n, m)]! };
}
