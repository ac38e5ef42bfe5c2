/**
 * A seeded pseudo-random generator (mulberry32) of numbers in [0, 1): randomized tests and benchmarks draw from it
 * so that a run can be repeated, and a failing one replayed, from its seed. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
