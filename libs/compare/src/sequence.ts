/**
 * Positions of one longest strictly increasing subsequence of `values` (patience sorting, O(n log n)).
 * Among several longest ones it keeps, at each length, the one ending in the smallest value, so the result
 * depends on the input alone.
 */
export function longestIncreasingSubsequence(values: readonly number[]): ReadonlySet<number> {
  // tails[k]: position of the smallest last value of an increasing subsequence of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((values[tails[middle] ?? 0] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    previous[position] = low > 0 ? (tails[low - 1] ?? -1) : -1;
    tails[low] = position;
  });
  const kept = new Set<number>();
  for (let position = tails[tails.length - 1] ?? -1; position >= 0; position = previous[position] ?? -1) kept.add(position);
  return kept;
}

/**
 * The keys of two ordered sequences merged into one reading order: every key of `newer` in its order, and
 * each key only `older` has right after the last key before it that both have (or first, if none does).
 */
export function mergeOrder(older: readonly string[], newer: readonly string[], inNewer: ReadonlySet<string> | ReadonlyMap<string, unknown>): readonly string[] {
  const after = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const key of older) {
    if (inNewer.has(key)) {
      anchor = key;
      continue;
    }
    const run = after.get(anchor);
    if (run) run.push(key);
    else after.set(anchor, [key]);
  }
  if (after.size === 0) return newer;
  const merged: string[] = [...(after.get(null) ?? [])];
  for (const key of newer) {
    merged.push(key);
    const run = after.get(key);
    if (run) merged.push(...run);
  }
  return merged;
}
