/** Order statistics for latency samples and repeated runs. */

/** The q-quantile (0..1) by linear interpolation between closest ranks; NaN when empty. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The median. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Latency summary in milliseconds. */
export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Summarise latency samples. */
export function summarize(samples: readonly number[]): LatencySummary {
  const n = samples.length;
  return {
    n,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : Number.NaN,
    max: n ? Math.max(...samples) : Number.NaN,
  };
}

/** The median of each numeric field over several runs' summaries. */
export function medianSummary(runs: readonly LatencySummary[]): LatencySummary {
  return {
    n: median(runs.map((r) => r.n)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    mean: median(runs.map((r) => r.mean)),
    max: median(runs.map((r) => r.max)),
  };
}
