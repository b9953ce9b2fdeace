import type { Figure, Unit } from '../core/answer.ts';

/**
 * Readable units for a chart's value axis: amounts in RMB million or billion chosen from
 * the data range, percentages as they are, counts in thousands or millions when large.
 */

/** How drawn values relate to figure values: drawn = value / divisor. */
export interface ValueScale {
  divisor: number;
  /** Unit as the title names it: `RMB million`, `US$ billion`, `%`, `thousand`, or empty. */
  label: string;
}

const CURRENCY_LABEL: Partial<Record<Unit, string>> = { CNY: 'RMB', USD: 'US$', HKD: 'HK$' };

/**
 * The scale for figures of one unit. Billions only when the typical (median) value is a
 * billion or more: a series mostly in hundreds of millions reads better as 808 than 0.81.
 */
export function chooseScale(unit: Unit, values: readonly number[]): ValueScale {
  if (unit === '%') return { divisor: 1, label: '%' };
  const magnitudes = values.map(Math.abs).sort((a, b) => a - b);
  const maxAbs = magnitudes.at(-1) ?? 0;
  const median = magnitudes[Math.floor((magnitudes.length - 1) / 2)] ?? 0;
  const currency = CURRENCY_LABEL[unit];
  if (currency) {
    if (median >= 1e9) return { divisor: 1e9, label: `${currency} billion` };
    if (maxAbs >= 1e6) return { divisor: 1e6, label: `${currency} million` };
    return { divisor: 1, label: currency };
  }
  if (median >= 1e9) return { divisor: 1e9, label: 'billion' };
  if (maxAbs >= 1e6) return { divisor: 1e6, label: 'million' };
  if (maxAbs >= 1e4) return { divisor: 1e3, label: 'thousand' };
  return { divisor: 1, label: '' };
}

/** Drawn value of a figure value; rounded to 12 significant digits so that 398e6 / 1e6 reads 398, not 397.99999. */
export function scaled(value: number, scale: ValueScale): number {
  return Number((value / scale.divisor).toPrecision(12));
}

// Qualifiers that describe every point of a series belong in the title; the rest are per point.
const TITLE_QUALIFIERS = new Set(['adjusted', 'non-GAAP', 'forecast', 'cumulative', 'excluding one-off items']);

/** `Revenue, RMB million`; `Net income (adjusted), RMB billion`; `Revenue (public cloud), RMB million`. */
export function chartTitle(figures: readonly Figure[], scale: ValueScale): string {
  const first = figures[0];
  if (!first) return '';
  const shared = first.qualifiers.filter((q) => TITLE_QUALIFIERS.has(q) && figures.every((f) => f.qualifiers.includes(q)));
  const details = [...(first.segment ? [first.segment] : []), ...shared];
  const name = `${first.metricLabel}${details.length ? ` (${details.join(', ')})` : ''}`;
  return scale.label ? `${name}, ${scale.label}` : name;
}
