import type { Period } from '../../src/core/periods.ts';
import type { SyntheticCompany } from './companies.ts';
import { Rng } from './prng.ts';

/**
 * Each invented company's true financial history, quarter by quarter. Documents state
 * parts of it, so two documents about the same company and period always agree, and a
 * figure attached to the wrong period shows up as a different value.
 */

/** Years the history covers. */
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2025;

/** Metrics the generator plants (engine metric ids, plus the two cloud segments). */
export type PlantedMetric =
  | 'revenue'
  | 'net_income'
  | 'gross_margin'
  | 'rd_expense'
  | 'operating_cash_flow'
  | 'free_cash_flow'
  | 'capex'
  | 'ebitda'
  | 'cash'
  | 'headcount'
  | 'rd_headcount';

/** Business segments of cloud companies: planted as segments of revenue, never as totals. */
export type Segment = 'public cloud' | 'enterprise cloud';

type Flow = 'revenue' | 'net_income' | 'rd_expense' | 'operating_cash_flow' | 'capex' | 'ebitda' | 'gross_profit' | 'public' | 'enterprise';
type Stock = 'cash' | 'headcount' | 'rd_headcount';

const QUARTERS = (LAST_YEAR - FIRST_YEAR + 1) * 4;

function qIndex(year: number, quarter: number): number {
  return (year - FIRST_YEAR) * 4 + quarter - 1;
}

/** The quarters a period spans (indexes into the history). */
function quartersOf(p: Period): number[] {
  if (p.kind === 'FY' || p.kind === 'H' || p.kind === 'Q') {
    if (p.year < FIRST_YEAR || p.year > LAST_YEAR) throw new Error(`no history for ${p.year}: the model covers ${FIRST_YEAR}-${LAST_YEAR}`);
  }
  switch (p.kind) {
    case 'FY':
      return [1, 2, 3, 4].map((q) => qIndex(p.year, q));
    case 'H':
      return p.half === 1 ? [qIndex(p.year, 1), qIndex(p.year, 2)] : [qIndex(p.year, 3), qIndex(p.year, 4)];
    case 'Q':
      return [qIndex(p.year, p.quarter)];
    default:
      throw new Error(`no history for period kind ${p.kind}`);
  }
}

/** A company's quarterly history and the figures of any year, half or quarter. */
export class Financials {
  private readonly flows = new Map<Flow, Float64Array>();
  private readonly stocks = new Map<Stock, Float64Array>();

  constructor(readonly company: SyntheticCompany, seed: number | string) {
    const rng = new Rng(seed, `finance:${company.id}`);
    for (const k of ['revenue', 'net_income', 'rd_expense', 'operating_cash_flow', 'capex', 'ebitda', 'gross_profit', 'public', 'enterprise'] as const) {
      this.flows.set(k, new Float64Array(QUARTERS));
    }
    for (const k of ['cash', 'headcount', 'rd_headcount'] as const) this.stocks.set(k, new Float64Array(QUARTERS));
    const scale = company.currency === 'USD' ? 1 / 7 : 1;
    // Annual revenue between 50 million and 30 billion (log-uniform), then a random walk of growth.
    let annual = Math.exp(rng.float(Math.log(5e7), Math.log(3e10))) * scale;
    let netMargin = rng.float(-0.8, 0.15);
    let grossBase = company.sector === 'cloud' ? rng.float(2, 25) : rng.float(25, 70);
    const rdRatio = company.sector === 'ai' ? rng.float(0.3, 0.9) : rng.float(0.08, 0.4);
    const capexRatio = company.sector === 'cloud' ? rng.float(0.08, 0.3) : rng.float(0.02, 0.1);
    const publicShare = rng.float(0.5, 0.68);
    const enterpriseShare = rng.float(0.25, 0.42 - (publicShare - 0.5) / 2);
    let cash = annual * rng.float(0.4, 2.5);
    let headcount = Math.min(30_000, Math.max(120, (annual / scale / 1e6) * rng.float(0.6, 2.5)));
    const rdShare = rng.float(0.3, 0.65);
    const flow = (k: Flow) => this.flows.get(k)!;
    const stock = (k: Stock) => this.stocks.get(k)!;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      const weights = [0.21, 0.24, 0.25, 0.3].map((w) => w * rng.float(0.85, 1.15));
      const total = weights.reduce((a, b) => a + b, 0);
      netMargin = Math.min(0.3, Math.max(-1.2, netMargin + rng.float(-0.15, 0.15)));
      const yearHeadcountChange = rng.float(-0.45, 0.3);
      for (let q = 1; q <= 4; q += 1) {
        const i = qIndex(year, q);
        const revenue = (annual * weights[q - 1]!) / total;
        flow('revenue')[i] = revenue;
        flow('net_income')[i] = revenue * (netMargin + rng.float(-0.08, 0.08));
        flow('rd_expense')[i] = revenue * rdRatio * rng.float(0.8, 1.2);
        flow('operating_cash_flow')[i] = revenue * rng.float(-0.45, 0.3);
        flow('capex')[i] = revenue * capexRatio * rng.float(0.6, 1.4);
        flow('ebitda')[i] = revenue * (netMargin * 0.6 + rng.float(-0.05, 0.15));
        flow('gross_profit')[i] = (revenue * (grossBase + rng.float(-8, 8))) / 100;
        flow('public')[i] = revenue * publicShare * rng.float(0.95, 1.05);
        flow('enterprise')[i] = revenue * enterpriseShare * rng.float(0.9, 1.1);
        cash = Math.max(annual * 0.05, cash + flow('operating_cash_flow')[i]! - flow('capex')[i]! + annual * rng.float(-0.05, 0.08));
        stock('cash')[i] = cash;
        headcount = Math.max(60, headcount * (1 + yearHeadcountChange / 4));
        stock('headcount')[i] = Math.round(headcount);
        stock('rd_headcount')[i] = Math.round(headcount * rdShare * rng.float(0.95, 1.05));
      }
      annual *= 1 + rng.float(-0.35, 0.5);
      grossBase = Math.min(75, Math.max(-5, grossBase + rng.float(-4, 4)));
    }
  }

  /** Whether the history covers the period. */
  covers(p: Period): boolean {
    const year = p.kind === 'FY' || p.kind === 'H' || p.kind === 'Q' ? p.year : NaN;
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /** The true value of a metric for a period (unrounded); a segment's revenue when asked. */
  value(metric: PlantedMetric, p: Period, segment?: Segment): number {
    const qs = quartersOf(p);
    const sum = (k: Flow) => qs.reduce((s, i) => s + this.flows.get(k)![i]!, 0);
    const last = (k: Stock) => this.stocks.get(k)![qs.at(-1)!]!;
    switch (metric) {
      case 'revenue':
        return segment ? sum(segment === 'public cloud' ? 'public' : 'enterprise') : sum('revenue');
      case 'gross_margin':
        return (sum('gross_profit') / sum('revenue')) * 100;
      case 'free_cash_flow':
        return sum('operating_cash_flow') - sum('capex');
      case 'cash':
      case 'headcount':
      case 'rd_headcount':
        return last(metric);
      default:
        return sum(metric);
    }
  }
}
