/**
 * Answers to an asynchronous question kept for a short time, with concurrent askers of the same key sharing one
 * lookup. Built for admission to the collaboration server, where a client reconnecting to several documents, or a
 * room of clients joining at once, would otherwise ask the database the same thing many times over a few
 * milliseconds. A failed lookup is not kept: the next asker tries again.
 */
export class ShortLivedCache<K, V> {
  private readonly entries = new Map<K, { readonly value: Promise<V>; readonly until: number }>();
  private nextSweep = 0;

  /**
   * @param ttlMs how long an answer is kept after its lookup began
   * @param now the clock (replaceable in tests)
   */
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The kept answer for `key`, or the one `lookup` gives (kept for the next askers). */
  get(key: K, lookup: () => Promise<V>): Promise<V> {
    const at = this.now();
    this.sweep(at);
    const kept = this.entries.get(key);
    if (kept && kept.until > at) return kept.value;
    const value = lookup();
    const entry = { value, until: at + this.ttlMs };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets the answers whose key matches (all of them without a predicate). */
  forget(match?: (key: K) => boolean): void {
    if (!match) {
      this.entries.clear();
      return;
    }
    for (const key of [...this.entries.keys()]) if (match(key)) this.entries.delete(key);
  }

  /** How many answers are kept (expired ones included until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops expired answers, at most once per time-to-live, so that the map never outgrows one period's keys. */
  private sweep(at: number): void {
    if (at < this.nextSweep) return;
    this.nextSweep = at + this.ttlMs;
    for (const [key, entry] of this.entries) if (entry.until <= at) this.entries.delete(key);
  }
}
