export { seededRandom as seeded } from '@concord/domain';

/** A whole number in [0, n). */
export function below(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** A shuffled copy of `items` (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
