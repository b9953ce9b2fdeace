import type { Period } from '../periods.ts';
import type { NumberToken } from './numbers.ts';
import type { PeriodToken } from './period-phrases.ts';
import type { MetricToken } from './sentence-view.ts';

/** A number of a sentence is a level of a metric or a change of one. */
export type Role = 'value' | 'change';

/** What a number of a sentence is taken for, filled in pass by pass. */
export interface Slot {
  n: NumberToken;
  role: Role;
  metric?: MetricToken;
  /** Metric found after the number ("RMB 512.3 million net operating cash inflow"). */
  metricAfter?: boolean;
  own?: PeriodToken;
  /** A comparison base: "compared to X", "from X to ...". */
  prior?: boolean;
  /** Current value of the from-to or comparison this prior belongs to. */
  current?: Slot;
  /** "compared to X, or 28.2% of revenue": a figure said of the same period as another. */
  alongside?: Slot;
  period?: Period | null;
  periodInferred?: boolean;
  /** The period came from a phrase of the sentence that writes its year ("2030年", "as of June 30, 2030"). */
  periodWritten?: boolean;
  listPeriod?: Period;
  /** Period carried from an earlier sentence of the paragraph. */
  carried?: boolean;
  dropped?: boolean;
  range?: { low: NumberToken; high: NumberToken };
}

/** Between the items of a list: "A, B and C", "A、B及C". */
export const LIST_GAP = /^\s?(?:,|、|;|；|and|,\s?and|及|和|与)\s?$/u;

/** Maximal runs of items that follow each other as a list. */
export function runs<T>(items: readonly T[], joined: (a: T, b: T) => boolean): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const current = out.at(-1);
    if (current && joined(current.at(-1)!, item)) current.push(item);
    else out.push([item]);
  }
  return out;
}
