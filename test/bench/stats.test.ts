import { describe, expect, it } from 'vitest';
import { median, medianSummary, quantile, summarize } from '../../bench/stats.ts';

describe('latency statistics', () => {
  it('interpolates quantiles between closest ranks, whatever the input order', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(quantile(samples, 0)).toBe(1);
    expect(quantile(samples, 1)).toBe(5);
    expect(median(samples)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.99)).toBeCloseTo(99.01, 6);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it('summarises samples and takes medians over runs', () => {
    expect(summarize([1, 2, 3, 10])).toEqual({ n: 4, p50: 2.5, p99: quantile([1, 2, 3, 10], 0.99), mean: 4, max: 10 });
    const runs = [summarize([1, 1, 1]), summarize([2, 2, 2]), summarize([9, 9, 9])];
    expect(medianSummary(runs)).toEqual({ n: 3, p50: 2, p99: 2, mean: 2, max: 2 });
  });
});
