/** The seeded generator every run of the benchmark draws from, so that each does the same work. */
export { seededRandom } from '@concord/domain';

/** An integer in [min, max] from `random`. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
