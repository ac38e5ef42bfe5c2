/**
 * Answers to an asynchronous question shared by the askers of the same key: those who ask while a lookup is under
 * way share it, and its answer is kept `keepMs` after it arrives (not at all with 0, the default). Built for
 * admission to the collaboration server, where a room of clients joining at once, or one client opening several
 * documents, would otherwise put the same questions to the database many times over a few milliseconds. A failed
 * lookup is never kept: the next asker tries again.
 */
export class ShortLivedCache<K, V> {
  /** Each key's answer; `until` is null while its lookup is under way. */
  private readonly entries = new Map<K, { readonly value: Promise<V>; until: number | null }>();
  private nextSweep = 0;

  /**
   * @param keepMs how long an answer is kept once it arrived; 0 shares lookups under way only
   * @param now the clock (replaceable in tests)
   */
  constructor(
    private readonly keepMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer kept or under way for `key`, or the one `lookup` gives (shared with the next askers). */
  get(key: K, lookup: () => Promise<V>): Promise<V> {
    const at = this.now();
    this.sweep(at);
    const kept = this.entries.get(key);
    if (kept && (kept.until === null || kept.until > at)) return kept.value;
    const value = lookup();
    const entry: { readonly value: Promise<V>; until: number | null } = { value, until: null };
    this.entries.set(key, entry);
    value.then(
      () => {
        if (this.entries.get(key) !== entry) return;
        if (this.keepMs > 0) entry.until = this.now() + this.keepMs;
        else this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** Forgets the answers whose key matches (all of them without a predicate); lookups under way finish unshared. */
  forget(match?: (key: K) => boolean): void {
    if (!match) {
      this.entries.clear();
      return;
    }
    for (const key of [...this.entries.keys()]) if (match(key)) this.entries.delete(key);
  }

  /** How many answers are kept or under way (expired ones included until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops expired answers, at most once per keeping time, so that the map never outgrows one period's keys. */
  private sweep(at: number): void {
    if (this.keepMs === 0 || at < this.nextSweep) return;
    this.nextSweep = at + this.keepMs;
    for (const [key, entry] of this.entries) if (entry.until !== null && entry.until <= at) this.entries.delete(key);
  }
}
