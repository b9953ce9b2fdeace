import type { Figure } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import type { Fact } from '../facts/fact.ts';
import { METRIC_BY_ID, type MetricDef } from '../facts/metrics.ts';
import { fold } from '../text/fold.ts';
import { segmentWordsOf } from './segment-words.ts';
import { inRange, periodEndIso, periodLabel, periodSortKey, previousPeriod, previousYear, type Period, type PeriodRange } from '../periods.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { buildFigure } from './figures.ts';
import type { AskedQualifiers } from './metric-words.ts';

/** A metric look-up: one company, one metric, a period, a range or neither. */
export interface LookupRequest {
  company: Company;
  metric: MetricDef;
  segment?: string;
  adjusted?: boolean;
  forecast?: boolean;
  /** Attributable to shareholders (归母), excluding non-recurring items (扣非), a change asked for. */
  qualifiers?: Partial<Pick<AskedQualifiers, 'attributable' | 'exclNonrecurring' | 'change'>>;
  /** Only statements in this currency answer ("in US dollars"). */
  currency?: 'CNY' | 'USD' | 'HKD';
  /** A total over the range is wanted, not the series. */
  cumulative?: boolean;
  period?: Period;
  range?: PeriodRange;
}

/** Figures found, or what is known instead. */
export interface LookupResult {
  found: boolean;
  /** One figure per period, oldest first. */
  figures: Figure[];
  /** What the corpus knows when the request is not (fully) answered. */
  known: string[];
  /** Periods asked for in a range that the corpus does not state. */
  missing: string[];
  /** Statements of the same metric and period with other qualifiers: shown as what they are, never as the answer. */
  neighbours: Figure[];
}

/** A statement's business line is the one asked for (or neither names one). */
export function segmentMatches(factSegment: string | undefined, wanted: string | undefined): boolean {
  if (!wanted) return !factSegment;
  if (!factSegment) return false;
  const plain = (s: string) => fold(s).replace(/\b(?:services?|business(?:es)?|segments?)\b|业务|服务|板块|分部/gu, '').replace(/\s+/gu, ' ').trim();
  const a = plain(factSegment);
  const b = plain(wanted);
  if (a === b) return true;
  // Across languages: the same words of the vocabulary, every word of both names known.
  const wa = segmentWordsOf(a);
  const wb = segmentWordsOf(b);
  if (wa === null || wb === null || wa.length === 0 || wb.length === 0) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  // "non-automotive" and 非车解决方案: a line's generic head word says nothing of which line it is.
  const core = (w: string[]) => w.filter((x) => !GENERIC_LINE_WORDS.has(x)).join(' ');
  return core(wa) !== '' && core(wa) === core(wb);
}

// Head words every line may carry or drop ("automotive solutions" = "automotive").
const GENERIC_LINE_WORDS = new Set(['solutions', 'business']);

/**
 * A statement answers the request only when every qualifier matches: adjusted or not,
 * attributable or not, 扣非 or not, the change asked for or the level, reported or
 * forecast. A restated what-if figure never answers.
 */
export function qualifiersMatch(f: Fact, req: LookupRequest): boolean {
  const q = f.qualifiers;
  const a = req.qualifiers ?? {};
  if (q.excludingItems) return false;
  if (Boolean(q.adjusted || q.nonGaap) !== Boolean(req.adjusted)) return false;
  if (Boolean(q.attributable) !== Boolean(a.attributable)) return false;
  if (Boolean(q.exclNonrecurring) !== Boolean(a.exclNonrecurring)) return false;
  if ((q.change ?? null) !== (a.change ?? null)) return false;
  if (Boolean(q.forecast) !== Boolean(req.forecast)) return false;
  return true;
}

/** Rank of statements that all match: plain statements before approximate ones. */
function distance(f: Fact): number {
  return f.qualifiers.approximate ? 1 : 0;
}

/** The statements of the period closest to what was asked (same distance only). */
function closest(facts: readonly Fact[]): Fact[] {
  if (facts.length === 0) return [];
  const min = Math.min(...facts.map((f) => distance(f)));
  return facts.filter((f) => distance(f) === min);
}

function byPeriod(facts: readonly Fact[]): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = periodLabel(f.period);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  return groups;
}

/**
 * "Zeta Core", "the Zeta Cloud business": a line asked with the company's own name before
 * it is the line without the name, as documents name it ("泽塔核心营收" gives 核心).
 */
export function withoutOwnName(segment: string | undefined, company: Company): string | undefined {
  if (!segment) return segment;
  const s = fold(segment).trim();
  for (const name of [company.name, ...company.aliases].map((n) => fold(n)).sort((a, b) => b.length - a.length)) {
    if (!s.startsWith(name)) continue;
    const rest = s.slice(name.length).replace(/^[\s'’s-]+/u, '').trim();
    if (rest && !/^[a-z]/u.test(s.slice(name.length))) return rest;
  }
  return segment;
}

/** The line asked for, as typed and without the company's own name before it: a statement matches either. */
function segmentAsked(req: LookupRequest): (f: Fact) => boolean {
  const bare = withoutOwnName(req.segment, req.company);
  if (bare === req.segment) return (f) => segmentMatches(f.qualifiers.segment, req.segment);
  return (f) => segmentMatches(f.qualifiers.segment, req.segment) || segmentMatches(f.qualifiers.segment, bare);
}

function candidates(snapshot: CorpusSnapshot, req: LookupRequest): Fact[] {
  // A money figure asked in a currency is the statement in that currency, never a conversion.
  const inCurrency = (f: Fact) => !req.currency || f.qualifiers.change !== undefined || f.unit === '%' || f.unit === 'count' || f.unit === req.currency;
  const onLine = segmentAsked(req);
  return snapshot.facts.series(req.company.id, req.metric.id).filter((f) => onLine(f) && qualifiersMatch(f, req) && inCurrency(f));
}

/** Same company, metric and period, other qualifiers or segment: what the corpus says instead. */
function neighboursOf(snapshot: CorpusSnapshot, req: LookupRequest, period: Period): Figure[] {
  const label = periodLabel(period);
  const onLine = segmentAsked(req);
  const near = snapshot.facts.series(req.company.id, req.metric.id).filter((f) => periodLabel(f.period) === label && !(onLine(f) && qualifiersMatch(f, req)));
  const groups = new Map<string, Fact[]>();
  for (const f of near) {
    const key = JSON.stringify({ ...f.qualifiers, approximate: undefined, periodInferred: undefined, bound: undefined });
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].slice(0, 4).map((facts) => buildFigure(snapshot, req.company, facts));
}

function figureFor(snapshot: CorpusSnapshot, req: LookupRequest, statements: Fact[], pool: readonly Fact[]): Figure {
  const period = statements[0]!.period;
  const priorPeriod = periodLabel(previousYear(period));
  const variant = (f: Fact) => distance(f) === distance(statements[0]!);
  const prior = pool.filter((f) => periodLabel(f.period) === priorPeriod && variant(f));
  return buildFigure(snapshot, req.company, statements, prior);
}

function describePeriods(facts: readonly Fact[]): string {
  const labels = [...new Set([...facts].sort((a, b) => periodSortKey(a.period) - periodSortKey(b.period)).map((f) => periodLabel(f.period)))];
  return labels.join(', ');
}

/** What else is known about the company and metric, for not-found answers. */
export function knownAbout(snapshot: CorpusSnapshot, company: Company, metric?: MetricDef): string[] {
  const known: string[] = [];
  if (metric) {
    const all = snapshot.facts.series(company.id, metric.id);
    const reported = all.filter((f) => !f.qualifiers.segment && !f.qualifiers.forecast);
    const forecasts = all.filter((f) => !f.qualifiers.segment && f.qualifiers.forecast);
    const segments = all.filter((f) => f.qualifiers.segment);
    if (reported.length) known.push(`${company.name} ${metric.label.toLowerCase()} is stated for: ${describePeriods(reported)}.`);
    if (forecasts.length) known.push(`Forecasts (not reported results) exist for: ${describePeriods(forecasts)}.`);
    if (segments.length) {
      const names = [...new Set(segments.map((f) => f.qualifiers.segment))].join(', ');
      known.push(`Segment figures (${names}) exist for: ${describePeriods(segments)}; they are not totals.`);
    }
  }
  const metrics = snapshot.facts.metricsOf(company.id).filter((m) => m !== metric?.id);
  if (metrics.length) {
    const labels = metrics.map((m) => METRIC_BY_ID.get(m)?.label.toLowerCase() ?? m);
    known.push(`Other metrics known for ${company.name}: ${labels.join(', ')}.`);
  }
  if (!known.length) known.push(`The corpus states no figures for ${company.name}.`);
  return known;
}

/** Look up a metric. Never returns a figure of another period than the one asked. */
export function lookup(snapshot: CorpusSnapshot, req: LookupRequest): LookupResult {
  const pool = candidates(snapshot, req);
  if (req.period) {
    const label = periodLabel(req.period);
    // A balance or headcount at a period end answers for every period ending that day:
    // cash "at the end of 2030" is both the FY2030 and the Q4 2030 closing figure.
    const endIso = periodEndIso(req.period);
    const exact = pool.filter((f) => periodLabel(f.period) === label || (req.metric.pointInTime && f.period.kind !== 'span' && periodEndIso(f.period) === endIso));
    const statements = closest(exact);
    if (statements.length === 0) return { found: false, figures: [], known: knownAbout(snapshot, req.company, req.metric), missing: [label], neighbours: neighboursOf(snapshot, req, req.period) };
    const figure = figureFor(snapshot, req, statements, pool);
    // A balance counted on the day the asked period ends is that period's figure: said as such.
    if (figure.period !== label) {
      figure.period = label;
      if (endIso) figure.qualifiers = [...figure.qualifiers, `as at ${endIso}`];
    }
    return { found: true, figures: [figure], known: [], missing: [], neighbours: [] };
  }
  const range = req.range;
  const inScope = pool.filter((f) => (range ? inRange(f.period, range) : f.period.kind !== 'span'));
  const groups = byPeriod(inScope);
  const figures: Figure[] = [];
  for (const statements of groups.values()) {
    const chosen = closest(statements);
    // A series shows reported results; forecasts join only when asked for.
    if (!req.forecast && chosen.every((f) => f.qualifiers.forecast)) continue;
    figures.push(figureFor(snapshot, req, chosen, pool));
  }
  const order = new Map(inScope.map((f) => [periodLabel(f.period), periodSortKey(f.period)]));
  figures.sort((a, b) => (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0));
  const missing: string[] = [];
  if (range) {
    for (let p: Period = range.to; periodSortKey(p) >= periodSortKey(range.from); p = previousPeriod(p)) {
      if (!figures.some((f) => f.period === periodLabel(p))) missing.unshift(periodLabel(p));
    }
  }
  // A range asked for may be stated only as a total over it ("2030年至2035年累计亏损").
  if (range && (figures.length === 0 || req.cumulative)) {
    const spanLabel = periodLabel({ kind: 'span', fromYear: 'year' in range.from ? range.from.year : 0, toYear: 'year' in range.to ? range.to.year : 0 });
    const cumulative = closest(pool.filter((f) => f.period.kind === 'span' && periodLabel(f.period) === spanLabel));
    if (cumulative.length) return { found: true, figures: [figureFor(snapshot, req, cumulative, pool)], known: ['This is a cumulative figure over the whole range; the corpus states no per-year figures for it.'], missing: [], neighbours: [] };
  }
  const known = figures.length === 0 ? knownAbout(snapshot, req.company, req.metric) : [];
  if (missing.length && figures.length) known.push(`Not stated in the corpus: ${missing.join(', ')}.`);
  return { found: figures.length > 0, figures, known, missing, neighbours: [] };
}
