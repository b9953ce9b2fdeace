import { fold } from '../text/fold.ts';
import { findNumbers } from './numbers.ts';

/**
 * The last guard against a wrong figure: a value is only given with a quote that
 * states it. Compares magnitudes (a loss written "7.77億元" is the value -777 million),
 * and both ends of a range.
 */
export function quoteStatesValue(quote: string, value: number, range?: { low: number; high: number }): boolean {
  return statesValue(statedValues(quote), value, range);
}

/** The magnitudes a quote states, read once per sentence. */
export function statedValues(quote: string): number[] {
  return findNumbers(fold(quote)).map((n) => Math.abs(n.value));
}

/** True when one of the stated magnitudes is the value (both ends of a range). */
export function statesValue(stated: readonly number[], value: number, range?: { low: number; high: number }): boolean {
  const wanted = range ? [range.low, range.high] : [value];
  return wanted.every((w) => stated.some((s) => Math.abs(s - Math.abs(w)) <= Math.max(1e-9, Math.abs(w) * 1e-9)));
}
