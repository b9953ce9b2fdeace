import type { Answer, Figure } from '../core/answer.ts';
import { parsePeriod, periodSortKey, type Period } from '../core/periods.ts';
import { chartTitle, chooseScale, type ValueScale } from './chart-units.ts';

/**
 * Deciding whether an answer gets a chart and what it draws. Pure: no rendering here, so
 * the rules (which answers, which figures, in which order, with which notes) are tested
 * on their own. Values are never changed: a plan holds the figures' own values.
 */

/** Most points a chart draws; beyond it the earliest periods are left out with a note. */
export const MAX_CHART_POINTS = 40;

/** One point to draw: a figure's period and value. */
export interface PlannedPoint {
  period: string;
  value: number;
  /** Computed from other facts rather than stated by a source: drawn hollow. */
  computed: boolean;
  /** Forecast or approximation stated as such. */
  estimate: boolean;
}

/** One line (series) or one colour of bars (comparison). */
export interface PlannedSeries {
  /** Canonical company id. */
  company: string;
  /** Legend label: the company name, plus the granularity when an answer mixes them. */
  label: string;
  points: PlannedPoint[];
}

/** What a chart shows, before any rendering. */
export interface ChartPlan {
  /** Line for a time series; grouped bars (one group per period) for a comparison. */
  kind: 'line' | 'bars';
  /** Metric and unit, e.g. `Revenue, RMB million`. */
  title: string;
  scale: ValueScale;
  /** X axis: every drawn period, in chronological order. */
  periods: string[];
  series: PlannedSeries[];
  /** Titles of the source documents of the drawn figures, in first-use order. */
  sources: string[];
  /** Sentences for `chart.note`: what was left out, what is computed or estimated. */
  notes: string[];
}

/** A plan, or why the answer gets no chart. */
export type PlanResult = { ok: true; plan: ChartPlan } | { ok: false; reason: string };

const GRANULARITY: Record<Exclude<Period['kind'], 'span'>, string> = {
  FY: 'annual',
  Q: 'quarterly',
  H: 'half-year',
  '9M': 'nine months',
  date: 'point in time',
};

interface Candidate {
  figure: Figure;
  period: Period;
  key: number;
  index: number;
}

function layoutOf(answer: Answer): string | undefined {
  const data = answer.data;
  if (data && typeof data === 'object' && 'layout' in data && typeof data.layout === 'string') return data.layout;
  return undefined;
}

/** Figures of different metrics or units never share an axis. */
function groupKey(f: Figure): string {
  return [f.metric, f.segment ?? '', f.unit].join('\u0000');
}

function listPeriods(periods: readonly string[]): string {
  return periods.length > 6 ? `${periods.slice(0, 5).join(', ')} and ${periods.length - 5} more` : periods.join(', ');
}

/** Decide whether an answer gets a chart, and plan it. */
export function planChart(answer: Answer): PlanResult {
  if (answer.status !== 'answered') return { ok: false, reason: 'the answer has no figures' };
  const layout = layoutOf(answer);
  if (layout !== 'series' && layout !== 'comparison') return { ok: false, reason: 'only series and comparisons are charted' };
  const notes: string[] = [];

  const candidates: Candidate[] = [];
  const spans: string[] = [];
  answer.figures.forEach((figure, index) => {
    const period = parsePeriod(figure.period);
    if (!period || !Number.isFinite(figure.value)) return;
    // A multi-year total is not a point in time; drawing it beside annual points would mislead.
    if (period.kind === 'span') spans.push(figure.period);
    else candidates.push({ figure, period, key: periodSortKey(period), index });
  });
  if (spans.length) notes.push(`Multi-year totals are not drawn: ${listPeriods(spans)}.`);

  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = groups.get(groupKey(c.figure)) ?? [];
    list.push(c);
    groups.set(groupKey(c.figure), list);
  }
  // The group with most figures is drawn; ties go to the one the answer lists first.
  const chosen = [...groups.values()].reduce<Candidate[] | undefined>((best, g) => (!best || g.length > best.length ? g : best), undefined);
  if (!chosen) return { ok: false, reason: 'no figure can be placed on a time axis' };
  const left = candidates.length - chosen.length;
  if (left > 0) notes.push(`${left} figure${left === 1 ? ' is' : 's are'} in another unit or metric and not drawn.`);

  const kinds = new Set(chosen.map((c) => c.period.kind));
  const seriesOf = new Map<string, { company: string; label: string; points: Candidate[] }>();
  const duplicates: string[] = [];
  for (const c of chosen) {
    const granularity = kinds.size > 1 ? GRANULARITY[c.period.kind as keyof typeof GRANULARITY] : undefined;
    const id = `${c.figure.company}\u0000${granularity ?? ''}`;
    let series = seriesOf.get(id);
    if (!series) {
      series = { company: c.figure.company, label: granularity ? `${c.figure.companyName} (${granularity})` : c.figure.companyName, points: [] };
      seriesOf.set(id, series);
    }
    // Two values at one x would draw a vertical jump that no source states; keep the one the answer gives first.
    if (series.points.some((p) => p.figure.period === c.figure.period)) duplicates.push(c.figure.period);
    else series.points.push(c);
  }
  if (duplicates.length) notes.push(`Only the first figure is drawn where a period has several: ${listPeriods(duplicates)}.`);

  const all = [...seriesOf.values()];
  if (layout === 'comparison' && !all.some((s) => s.points.length >= 2)) {
    return { ok: false, reason: 'a comparison is charted over a range of periods' };
  }
  let drawn = all.flatMap((s) => s.points);
  if (drawn.length < 2) return { ok: false, reason: 'a chart of one point is not drawn' };

  const byPeriod = new Map<string, number>();
  for (const c of [...drawn].sort((a, b) => a.key - b.key || a.index - b.index)) if (!byPeriod.has(c.figure.period)) byPeriod.set(c.figure.period, c.key);
  let periods = [...byPeriod.keys()];
  if (drawn.length > MAX_CHART_POINTS) {
    // Trim, never aggregate: a sum of quarters is a figure no source states.
    const counts = new Map<string, number>();
    for (const c of drawn) counts.set(c.figure.period, (counts.get(c.figure.period) ?? 0) + 1);
    let total = 0;
    let first = periods.length;
    while (first > 0 && total + counts.get(periods[first - 1]!)! <= MAX_CHART_POINTS) total += counts.get(periods[--first]!)!;
    first = Math.min(first, periods.length - 1);
    const kept = periods.slice(first);
    const before = drawn.length;
    drawn = drawn.filter((c) => kept.includes(c.figure.period));
    notes.push(`Showing the latest ${drawn.length} of ${before} points (${kept[0]} to ${kept.at(-1)}); the text lists them all.`);
    periods = kept;
  }
  const keptPeriods = new Set(periods);
  const series = all
    .map((s) => ({ ...s, points: s.points.filter((c) => keptPeriods.has(c.figure.period)).sort((a, b) => a.key - b.key || a.index - b.index) }))
    .filter((s) => s.points.length > 0);

  const figures = series.flatMap((s) => s.points.map((c) => c.figure));
  const computed = figures.filter((f) => f.computed === true).map((f) => f.period);
  if (computed.length) notes.push(`Hollow markers are computed from other figures, not stated by a source: ${listPeriods(computed)}.`);
  const estimates = figures.filter((f) => f.estimate === true).map((f) => f.period);
  if (estimates.length) notes.push(`Forecast or approximate: ${listPeriods(estimates)}.`);

  const scale = chooseScale(figures[0]!.unit, figures.map((f) => f.value));
  return {
    ok: true,
    plan: {
      kind: layout === 'comparison' ? 'bars' : 'line',
      title: chartTitle(figures, scale),
      scale,
      periods,
      series: series.map((s) => ({
        company: s.company,
        label: s.label,
        points: s.points.map((c) => ({ period: c.figure.period, value: c.figure.value, computed: c.figure.computed === true, estimate: c.figure.estimate === true })),
      })),
      sources: [...new Set(figures.map((f) => f.source.title))],
      notes,
    },
  };
}
