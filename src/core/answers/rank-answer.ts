import type { Answer, Figure } from '../answer.ts';
import type { Fact } from '../facts/fact.ts';
import { resolveMetric, type MetricDef } from '../facts/metrics.ts';
import { parsePeriod, periodLabel, periodSortKey, type Period } from '../periods.ts';
import { buildFigure } from '../query/figures.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { fold } from '../text/fold.ts';
import { makeAnswer } from './make.ts';
import { citeLine, figureHeadline } from './text.ts';

/**
 * `/rank <metric> [period]` and "which company lost the most money in 2023?": every
 * company that states the metric for the period, ordered, each with its quote. Only
 * plain reported figures take part (no segment, forecast, adjusted or cumulative
 * figure), so the companies are ranked on the same footing.
 */

/** Which end of the ranking comes first. */
export type RankOrder = 'highest' | 'lowest';

/** Arguments of a ranking, as text from any front end. */
export interface RankArgs {
  metric: string;
  period?: string;
  /** Default: highest first, or the largest loss first when the metric was named as a loss. */
  order?: RankOrder;
}

const COMMAND = 'rank';

/** True when the metric was named by its negative side ("net loss", "亏损"). */
function namedAsLoss(metric: MetricDef, text: string): boolean {
  const folded = fold(text);
  return (metric.negative ?? []).some((p) => folded.includes(fold(p))) || /\blos[et]\b|\blost\b|亏/u.test(folded);
}

/** A plain reported figure: not a segment's, a forecast, an adjusted or a cumulative one. */
function plain(f: Fact): boolean {
  const q = f.qualifiers;
  return !q.segment && !q.forecast && !q.adjusted && !q.nonGaap && !q.cumulative && !q.excludingItems && f.period.kind !== 'span';
}

/** Plain statements of each company for the metric and period. */
function statementsAt(snapshot: CorpusSnapshot, metric: MetricDef, period: Period): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const company of snapshot.facts.companies()) {
    const facts = snapshot.facts.at(company, metric.id, period).filter(plain);
    if (facts.length) out.set(company, facts);
  }
  return out;
}

/** The latest period (years first) that at least two companies state the metric for. */
function latestSharedPeriod(snapshot: CorpusSnapshot, metric: MetricDef): Period | undefined {
  const companiesByPeriod = new Map<string, Set<string>>();
  for (const company of snapshot.facts.companies()) {
    for (const f of snapshot.facts.series(company, metric.id)) {
      if (!plain(f)) continue;
      const label = periodLabel(f.period);
      let set = companiesByPeriod.get(label);
      if (!set) companiesByPeriod.set(label, (set = new Set()));
      set.add(company);
    }
  }
  const shared = [...companiesByPeriod].filter(([, set]) => set.size >= 2).map(([label]) => parsePeriod(label)).filter((p): p is Period => p !== null);
  // A full year is the usual question; quarters and halves when no year is shared.
  const years = shared.filter((p) => p.kind === 'FY');
  const pool = years.length ? years : shared;
  return pool.sort((a, b) => periodSortKey(a) - periodSortKey(b)).at(-1);
}

/** Rank the companies on one metric for one period (default: the latest shared period). */
export function answerRank(snapshot: CorpusSnapshot, query: string, args: RankArgs): Answer {
  const metric = resolveMetric(args.metric);
  if (!metric) {
    const shown = args.metric.trim().length > 60 ? `${args.metric.trim().slice(0, 57)}...` : args.metric.trim();
    return makeAnswer({ query, command: COMMAND, status: 'not_found', message: `I don't know the metric "${shown}". Try revenue, net profit, net loss or gross margin.`, suggestions: ['/rank revenue', '/rank net loss', '/metrics'] });
  }
  let period: Period | undefined;
  if (args.period?.trim()) {
    const parsed = parsePeriod(args.period.trim());
    if (!parsed || parsed.kind === 'span') {
      return makeAnswer({
        query,
        command: COMMAND,
        status: 'invalid',
        message: `"${args.period.trim().slice(0, 40)}" is not one period I can rank on. Name a year (2023), a quarter (Q4 2022) or a half (H1 2024); a ranking covers one period.`,
        suggestions: [`/rank ${args.metric.trim()}`],
      });
    }
    period = parsed;
  } else {
    period = latestSharedPeriod(snapshot, metric);
  }
  const order: RankOrder = args.order ?? (namedAsLoss(metric, args.metric) ? 'lowest' : 'highest');
  const byCompany = period ? statementsAt(snapshot, metric, period) : new Map<string, Fact[]>();
  if (!period || byCompany.size === 0) {
    const stated = [...new Set(snapshot.facts.companies().flatMap((c) => snapshot.facts.series(c, metric.id).filter(plain).map((f) => periodLabel(f.period))))];
    const known = stated.length ? [`${metric.label} is stated for: ${stated.slice(-8).join(', ')}.`] : [`No company in the corpus states ${metric.label.toLowerCase()}.`];
    return makeAnswer({
      query,
      command: COMMAND,
      status: 'not_found',
      message: [`No company states ${metric.label.toLowerCase()}${period ? ` for ${periodLabel(period)}` : ''}.`, ...known].join('\n'),
      known,
      suggestions: ['/metrics'],
    });
  }
  const figures: Figure[] = [];
  for (const [id, statements] of byCompany) {
    const company = snapshot.registry.get(id);
    if (company) figures.push(buildFigure(snapshot, company, statements));
  }
  // Amounts in different currencies are not ranked against each other: the most common
  // unit is ranked, the others are listed after it.
  const unitCount = new Map<string, number>();
  for (const f of figures) unitCount.set(f.unit, (unitCount.get(f.unit) ?? 0) + 1);
  const rankedUnit = [...unitCount].sort((a, b) => b[1] - a[1])[0]![0];
  const sign = order === 'highest' ? -1 : 1;
  const ranked = figures.filter((f) => f.unit === rankedUnit).sort((a, b) => sign * (a.value - b.value) || a.companyName.localeCompare(b.companyName));
  const apart = figures.filter((f) => f.unit !== rankedUnit);
  const label = periodLabel(period);
  // For a metric with a loss side (net profit), the lowest value is the largest loss.
  const how = order === 'highest' ? 'highest first' : metric.negative?.length ? 'largest loss first' : 'lowest first';
  const lines = [`${metric.label}, ${label}, ${ranked.length} ${ranked.length === 1 ? 'company' : 'companies'} (${how}):`];
  ranked.forEach((f, i) => lines.push(`${i + 1}. ${figureHeadline(f)}`, `   Source: ${citeLine(f.source)}`));
  if (apart.length) {
    lines.push(`Stated in another currency, not ranked with the above:`);
    for (const f of apart) lines.push(`- ${figureHeadline(f)}`, `   Source: ${citeLine(f.source)}`);
  }
  if (ranked.length === 1 && !apart.length) lines.push(`Only one company states ${metric.label.toLowerCase()} for ${label}.`);
  return makeAnswer({
    query,
    command: COMMAND,
    status: 'answered',
    message: lines.join('\n'),
    figures: [...ranked, ...apart],
    context: { metric: metric.id, period: label },
    data: { layout: 'ranking', order, companies: ranked.map((f) => f.company) },
  });
}

/** "which company", "which AI companies", "who": the question asks for companies. */
const ASKS_WHICH = /\b(?:which|what)\s+(?:[\w-]+\s+)?(?:company|companies|firm|firms)\b|\bwho\b|\brank(?:ed|ing|s)?\b/u;
const SUPERLATIVE = /\b(?:most|least|highest|lowest|largest|biggest|smallest|top|best|worst)\b|\brank(?:ed|ing|s)?\b/u;
const RANK_ZH = /(?:哪家|哪个|哪一家|哪些|谁).*最(?:多|少|高|低|大|小|好|差)|排名|排行/u;
const LOWEST = /\b(?:least|lowest|smallest|worst)\b|最(?:少|低|小|差)/u;

/**
 * A question asking for a ranking ("which company lost the most money in 2023?",
 * "哪家公司亏损最多"), given the metric and period the question router read from it,
 * and no company named. Null when the question is not a ranking.
 */
export function rankingQuestion(question: string, read: { metricText?: string; period?: Period; companies: number }): RankArgs | null {
  if (read.companies > 0 || !read.metricText) return null;
  const folded = fold(question);
  if (!(ASKS_WHICH.test(folded) && SUPERLATIVE.test(folded)) && !RANK_ZH.test(folded)) return null;
  const metric = resolveMetric(read.metricText);
  if (!metric) return null;
  // "lost the most" ranks the largest loss first; "the least revenue" the lowest first.
  const loss = /\blos[et]\b|\blost\b|\blosses\b|亏/u.test(folded);
  const lowestWanted = LOWEST.test(folded);
  const order: RankOrder = loss ? (lowestWanted ? 'highest' : 'lowest') : lowestWanted ? 'lowest' : 'highest';
  return { metric: metric.id, period: read.period ? periodLabel(read.period) : undefined, order };
}
