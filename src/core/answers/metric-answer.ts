import type { Answer, Figure } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import type { MetricDef } from '../facts/metrics.ts';
import { periodLabel, type Period, type PeriodRange } from '../periods.ts';
import { lookup } from '../query/lookup.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { makeAnswer } from './make.ts';
import { resolveCompany, resolveMetricText, resolvePeriodText } from './resolve.ts';
import { figureBlock } from './text.ts';

/** Arguments of `/metric`, as text from any front end. */
export interface MetricArgs {
  company: string;
  metric: string;
  period?: string;
}

/** A resolved metric request. */
export interface MetricRequest {
  company: Company;
  metric: MetricDef;
  segment?: string;
  adjusted: boolean;
  forecast: boolean;
  cumulative?: boolean;
  period?: Period;
  range?: PeriodRange;
}

function metricName(req: MetricRequest): string {
  const base = req.metric.label.toLowerCase();
  return req.segment ? `${req.segment} ${base}` : base;
}

function periodName(req: Pick<MetricRequest, 'period' | 'range'>): string {
  if (req.period) return periodLabel(req.period);
  if (req.range) return `${periodLabel(req.range.from)} to ${periodLabel(req.range.to)}`;
  return 'any period';
}

/** Answer a resolved metric request. */
export function metricAnswerFor(snapshot: CorpusSnapshot, query: string, command: string, req: MetricRequest): Answer {
  const result = lookup(snapshot, { ...req });
  const context = { company: req.company.id, metric: req.metric.id, period: req.period ? periodLabel(req.period) : undefined };
  if (!result.found) {
    const message = [
      `Not found: the corpus does not state ${req.company.name} ${metricName(req)} for ${periodName(req)}.`,
      ...result.known,
    ].join('\n');
    return makeAnswer({ query, command, status: 'not_found', message, known: result.known, context, suggestions: suggestionsFrom(result.known, req) });
  }
  const figures = result.figures;
  const layout = req.period ? 'single' : 'series';
  let message: string;
  if (layout === 'single') {
    message = figures.map(figureBlock).join('\n\n');
  } else {
    const latest = figures.at(-1)!;
    const lines = [
      req.range ? `${req.company.name} ${metricName(req)}, ${periodName(req)}:` : `${req.company.name} ${metricName(req)}: latest ${latest.period} ${latest.display}. Series known:`,
      ...figures.map((f) => `- ${seriesLine(f)}`),
      '',
      'Sources:',
      ...uniqueSources(figures),
    ];
    if (result.known.length) lines.push('', ...result.known);
    message = lines.join('\n');
  }
  return makeAnswer({ query, command, status: 'answered', message, figures, known: result.known, context, data: { layout } });
}

function seriesLine(f: Figure): string {
  const change = f.change ? ` (${f.change.display})` : '';
  const quals = f.qualifiers.filter((q) => !q.startsWith('segment:'));
  return `${f.period}: ${f.display}${change}${quals.length ? ` [${quals.join(', ')}]` : ''}`;
}

function uniqueSources(figures: readonly Figure[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of figures) {
    const key = `${f.source.document}:${f.source.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`- ${f.period}: "${f.source.quote}" (${f.source.title}${f.source.published ? `, ${f.source.published}` : ''})`);
  }
  return out;
}

function suggestionsFrom(known: readonly string[], req: MetricRequest): string[] {
  const periods = known[0]?.match(/stated for: (.*)\.$/u)?.[1]?.split(', ') ?? [];
  const last = periods.at(-1);
  return last ? [`/metric ${req.company.name.toLowerCase()} ${metricName(req)} ${last}`] : [];
}

/** `/metric <company> <metric> [period | from-to]`. */
export function answerMetric(snapshot: CorpusSnapshot, query: string, args: MetricArgs): Answer {
  const command = 'metric';
  const company = resolveCompany(snapshot, args.company);
  if (!company.ok) return makeAnswer({ query, command, status: 'not_found', message: company.message, suggestions: company.suggestions });
  const metric = resolveMetricText(snapshot, args.metric);
  if (!metric.ok) {
    return makeAnswer({ query, command, status: 'not_found', message: metric.message, suggestions: metric.suggestions, known: [] });
  }
  const period = resolvePeriodText(args.period);
  if (!period.ok) return makeAnswer({ query, command, status: 'invalid', message: period.message, suggestions: period.suggestions });
  return metricAnswerFor(snapshot, query, command, { company: company.value, ...metric.value, ...period.value });
}

