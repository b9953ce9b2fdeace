import { inRange, periodEndIso, periodLabel, periodSortKey, type Period, type PeriodRange } from '../periods.ts';
import type { Fact } from './fact.ts';

/**
 * Facts indexed by company, then metric; each list sorted by period. Look-ups never
 * scan the whole store, so they stay fast as the corpus grows.
 */
export class FactStore {
  private readonly byCompany = new Map<string, Map<string, Fact[]>>();
  private readonly byDoc = new Map<string, Fact[]>();
  readonly size: number;

  constructor(readonly facts: readonly Fact[]) {
    for (const fact of facts) {
      let metrics = this.byCompany.get(fact.company);
      if (!metrics) this.byCompany.set(fact.company, (metrics = new Map()));
      let list = metrics.get(fact.metric);
      if (!list) metrics.set(fact.metric, (list = []));
      list.push(fact);
      let docFacts = this.byDoc.get(fact.doc);
      if (!docFacts) this.byDoc.set(fact.doc, (docFacts = []));
      docFacts.push(fact);
    }
    for (const metrics of this.byCompany.values()) {
      for (const list of metrics.values()) {
        if (list.length > 1) sortByPeriod(list);
      }
    }
    this.size = facts.length;
  }

  /** Every fact of a company and metric, oldest period first. */
  series(company: string, metric: string): readonly Fact[] {
    return this.byCompany.get(company)?.get(metric) ?? [];
  }

  /** Facts for exactly this period; a point-in-time fact matches any period ending that day. */
  at(company: string, metric: string, period: Period): Fact[] {
    const label = periodLabel(period);
    const endIso = periodEndIso(period);
    return this.series(company, metric).filter(
      (f) => periodLabel(f.period) === label || (f.period.kind === 'date' && f.period.date === endIso),
    );
  }

  /** Facts whose period falls in the range (same granularity). */
  inRange(company: string, metric: string, range: PeriodRange): Fact[] {
    return this.series(company, metric).filter((f) => inRange(f.period, range));
  }

  /** Business lines a company's figures of a metric are stated for. */
  segmentsOf(company: string, metric: string): ReadonlySet<string> {
    const key = `${company}\u0000${metric}`;
    let out = this.segments.get(key);
    if (!out) {
      out = new Set<string>();
      for (const f of this.series(company, metric)) if (f.qualifiers.segment) out.add(f.qualifiers.segment);
      // The store never changes: each company's lines of a metric are read once.
      this.segments.set(key, out);
    }
    return out;
  }

  private readonly segments = new Map<string, Set<string>>();

  /** Metrics known for a company. */
  metricsOf(company: string): string[] {
    return [...(this.byCompany.get(company)?.keys() ?? [])];
  }

  /** Companies with at least one fact. */
  companies(): string[] {
    return [...this.byCompany.keys()];
  }

  /** Facts extracted from one document, in text order. */
  ofDocument(doc: string): Fact[] {
    return [...(this.byDoc.get(doc) ?? [])].sort((a, b) => a.start - b.start);
  }
}

// Each period's key computed once, not twice per comparison (a large index's facts are sorted at
// every start); the sort is stable, so facts of one period keep their order.
function sortByPeriod(list: Fact[]): void {
  const keyed = list.map((fact) => ({ key: periodSortKey(fact.period), fact }));
  keyed.sort((a, b) => a.key - b.key);
  keyed.forEach((k, i) => {
    list[i] = k.fact;
  });
}
