import type { Change, Unit } from './answer.ts';

/**
 * Number formatting for answers. Amounts read the way an analyst writes them in
 * English ("RMB 512 million", "US$18.4 million"), keeping the precision the source gave.
 */

const CURRENCY_PREFIX: Record<string, string> = { CNY: 'RMB ', USD: 'US$', HKD: 'HK$' };

/** Round to `digits` significant digits without floating noise. */
export function toSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(Math.max(1, Math.min(15, digits))));
}

const groupFormats = new Map<number, Intl.NumberFormat>();

// One formatter per precision: toLocaleString builds a new one on every call.
function group(n: number, maxFraction: number): string {
  let f = groupFormats.get(maxFraction);
  if (!f) groupFormats.set(maxFraction, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFraction, minimumFractionDigits: 0 })));
  return f.format(n);
}

/** `RMB 512 million`, `-RMB 2.34 billion`, `US$18.4 million`, `RMB 730,000`. */
export function formatAmount(value: number, unit: Unit, precision = 4): string {
  const prefix = CURRENCY_PREFIX[unit] ?? '';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(toSignificant(value, precision));
  let body: string;
  if (abs >= 1e9) body = `${group(abs / 1e9, 6)} billion`;
  else if (abs >= 1e6) body = `${group(abs / 1e6, 6)} million`;
  else body = group(abs, 2);
  return `${sign}${prefix}${body}`;
}

/** `41.27%`, `-13.7%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(4))}%`;
}

/** A value in its unit. */
export function formatValue(value: number, unit: Unit, precision = 4): string {
  if (unit === '%') return formatPercent(value);
  if (unit === 'count') return group(value, 2);
  return formatAmount(value, unit, precision);
}

const BASIS: Record<Change['basis'], string> = {
  yoy: 'year on year',
  qoq: 'quarter on quarter',
  hoh: 'half on half',
  prior: 'on the prior period',
};

/**
 * `down 12.34% year on year`, `up 6.7 pp year on year`. For a loss (`loss: true`) a
 * fall in net income reads `loss widened 5.67% year on year`.
 */
export function formatChange(value: number, unit: '%' | 'pp', basis: Change['basis'], options: { loss?: boolean } = {}): string {
  if (value === 0) return `unchanged ${BASIS[basis]}`;
  const magnitude = `${Number(Math.abs(value).toFixed(2))}${unit === 'pp' ? ' pp' : '%'}`;
  if (options.loss && unit === '%') return `loss ${value < 0 ? 'widened' : 'narrowed'} ${magnitude} ${BASIS[basis]}`;
  return `${value > 0 ? 'up' : 'down'} ${magnitude} ${BASIS[basis]}`;
}

/** Significant digits of a number as written ("4,321" 4, "5.12" 3, "510" 2, "0.05" 1). */
export function significantDigits(written: string): number {
  const digits = written.replace(/[^\d.]/gu, '');
  const [intPart = '', frac = ''] = digits.split('.');
  const int = intPart.replace(/^0+/u, '');
  if (!int) return Math.max(1, frac.replace(/^0+/u, '').length);
  if (frac) return int.length + frac.length;
  // Trailing zeros of an integer are taken as not significant ("370 million").
  return Math.max(1, int.replace(/0+$/u, '').length);
}
