// Seeded randomness for the bulk generator: one PRNG threaded through every phase, so the same
// options give the same data set.

/** A fast, seeded PRNG (mulberry32): the same options give the same distributions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)];
export const between = (rand: Rand, lo: number, hi: number): number => lo + rand() * (hi - lo);
export const intBetween = (rand: Rand, lo: number, hi: number): number =>
  lo + Math.floor(rand() * (hi - lo + 1));
/** Picks a key by weight: `[[value, weight], …]`. */
export function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  let r = rand() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}
