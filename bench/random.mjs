// A small seeded PRNG (mulberry32): the same seed gives the same drafts and term lists on every machine.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** An index in [0, n) skewed towards small values (a few terms are mentioned far more than others). */
    zipf: (n, s = 1.1) => Math.min(n - 1, Math.floor(Math.pow(n + 1, Math.pow(next(), s)) - 1)),
  };
}
