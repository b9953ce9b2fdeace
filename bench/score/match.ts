import type { Fact } from '../../src/core/facts/fact.ts';
import { METRIC_BY_ID } from '../../src/core/facts/metrics.ts';
import { parsePeriod, periodEndIso, periodLabel, type Period } from '../../src/core/periods.ts';
import { fold } from '../../src/core/text/fold.ts';
import type { PlantedMetric } from '../generate/finance.ts';
import type { PlantedFigure } from '../generate/planted.ts';

/**
 * How an extracted fact is compared with a planted figure. Balances (cash, head counts)
 * match on the day they are measured, so "as of December 31, 2022" is the same balance
 * whether it is labelled FY2022, Q4 2022 or 2022-12-31.
 */

const endCache = new Map<string, string | null>();

function plantedEnd(label: string): string | null {
  let end = endCache.get(label);
  if (end === undefined) {
    const p = parsePeriod(label);
    end = p ? periodEndIso(p) : null;
    endCache.set(label, end);
  }
  return end;
}

/** The fact's period is the planted one (for balances: ends the same day). */
export function samePeriod(fact: Period, planted: string | null, metric: string): boolean {
  if (!planted) return false;
  if (periodLabel(fact) === planted) return true;
  if (!METRIC_BY_ID.get(metric)?.pointInTime) return false;
  return fact.kind !== 'span' && periodEndIso(fact) === plantedEnd(planted);
}

/** Values agree within the rounding of the planted number. */
export function sameValue(fact: number, planted: PlantedFigure): boolean {
  return Math.abs(fact - planted.value) <= planted.tolerance + 1e-9 * Math.abs(planted.value);
}

/** Segment qualifiers agree: none for totals; the right one for segments, in either language. */
export function sameSegment(fact: string | undefined, planted: PlantedFigure['segment']): boolean {
  if (!planted) return !fact;
  if (!fact) return false;
  const f = fold(fact);
  return planted === 'public cloud' ? /public|公有/u.test(f) : /enterprise|企业/u.test(f);
}

/** Everything but the language agrees: the figure itself was recovered. */
export function recovers(fact: Fact, planted: PlantedFigure): boolean {
  return (
    fact.doc === planted.doc &&
    fact.company === planted.company &&
    fact.metric === planted.metric &&
    fact.unit === planted.unit &&
    Boolean(fact.qualifiers.forecast) === Boolean(planted.forecast) &&
    sameSegment(fact.qualifiers.segment, planted.segment) &&
    sameValue(fact.value, planted) &&
    samePeriod(fact.period, planted.period, planted.metric)
  );
}

/** Metrics the generator plants; facts of other metrics are never compared with its figures. */
export const PLANTED_METRICS: ReadonlySet<string> = new Set<PlantedMetric>([
  'revenue',
  'net_income',
  'gross_margin',
  'rd_expense',
  'operating_cash_flow',
  'free_cash_flow',
  'capex',
  'ebitda',
  'cash',
  'headcount',
  'rd_headcount',
]);

/** What is wrong with a fact that recovers no planted figure. */
export type Verdict =
  | 'correct'
  | 'wrong-company'
  | 'wrong-period'
  | 'wrong-metric'
  | 'wrong-qualifier'
  | 'wrong-unit'
  | 'noise-taken'
  | 'noise-as-forecast'
  | 'unmatched';

/**
 * Judge one extracted fact against the figures planted in its document: correct, or
 * the value of a planted figure attached to the wrong company, period, metric, segment
 * or forecast flag, or a distractor taken as a figure, or a value nothing planted.
 */
export function judge(fact: Fact, plantedInDoc: readonly PlantedFigure[]): { verdict: Verdict; against?: PlantedFigure } {
  const expected = plantedInDoc.filter((p) => p.expect === 'fact');
  if (expected.some((p) => recovers(fact, p))) return { verdict: 'correct' };
  // A stated range (guidance "between X and Y") is judged by its ends, not by its midpoint.
  if (fact.range) {
    const guidance = plantedInDoc.filter((p) => p.expect === 'none' && p.forecast && p.unit === fact.unit);
    const low = guidance.find((p) => sameValue(fact.range!.low, p));
    if (low && guidance.some((p) => sameValue(fact.range!.high, p))) return { verdict: fact.qualifiers.forecast ? 'noise-as-forecast' : 'noise-taken', against: low };
  }
  const sameNumber = plantedInDoc.filter((p) => sameValue(fact.value, p));
  const period = (p: PlantedFigure) => samePeriod(fact.period, p.period, p.metric);
  // Same number in another unit is the same figure only for the same company, metric and period.
  const unitSlip = sameNumber.find((p) => p.expect === 'fact' && p.unit !== fact.unit && p.company === fact.company && p.metric === fact.metric && period(p));
  if (unitSlip) return { verdict: 'wrong-unit', against: unitSlip };
  const sameUnit = sameNumber.filter((p) => p.unit === fact.unit);
  const noise = sameUnit.find((p) => p.expect === 'none');
  const real = sameUnit.filter((p) => p.expect === 'fact');
  const pick = (test: (p: PlantedFigure) => boolean) => real.find(test);
  let hit: PlantedFigure | undefined;
  if ((hit = pick((p) => p.company === fact.company && p.metric === fact.metric && period(p)))) return { verdict: 'wrong-qualifier', against: hit };
  if ((hit = pick((p) => p.metric === fact.metric && period(p)))) return { verdict: 'wrong-company', against: hit };
  // Same metric, other period: a wrong period when the company is right, else a wrong company.
  if ((hit = pick((p) => p.metric === fact.metric))) return { verdict: hit.company === fact.company ? 'wrong-period' : 'wrong-company', against: hit };
  if (noise) return { verdict: fact.qualifiers.forecast ? 'noise-as-forecast' : 'noise-taken', against: noise };
  // A metric the generator never plants (a CAGR, a share of staff) cannot be told from a coincidence.
  if ((hit = real[0]) && PLANTED_METRICS.has(fact.metric)) return { verdict: 'wrong-metric', against: hit };
  return { verdict: 'unmatched' };
}
