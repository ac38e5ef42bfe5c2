/** Small statistics helpers: percentiles over latency samples and a growable sample buffer. */

/** Latency summary in milliseconds; `null` fields mean "no samples". */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  readonly mean: number | null;
}

/** The `q`-quantile (0..1) of ascending-sorted samples, nearest-rank. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Sorts a copy of the samples and summarises them. */
export function summarize(samples: Float64Array | readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : null,
    mean: sorted.length > 0 ? sum / sorted.length : null,
  };
}

/** An append-only buffer of doubles that grows without boxing each sample. */
export class SampleBuffer {
  private data = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  /** A compact copy of the samples so far. */
  toArray(): Float64Array {
    return this.data.slice(0, this.size);
  }

  clear(): void {
    this.size = 0;
  }
}

/** Concatenates sample arrays (from several worker processes). */
export function concatSamples(parts: readonly Float64Array[]): Float64Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The median of a few numbers (e.g. repeated cold loads). */
export function median(values: readonly number[]): number | null {
  return quantile(Float64Array.from(values).sort(), 0.5);
}
