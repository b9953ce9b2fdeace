import type { Answer, Figure } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import type { MetricDef } from '../facts/metrics.ts';
import { periodLabel, type Period, type PeriodRange } from '../periods.ts';
import { lookup } from '../query/lookup.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { makeAnswer } from './make.ts';
import { resolveCompany, resolveMetricText, resolvePeriodText } from './resolve.ts';
import { citeLine, figureBlock, passageBlock } from './text.ts';
import { evidencePassages } from './evidence.ts';
import { canonicalSegment } from '../facts/segments.ts';
import { fold } from '../text/fold.ts';
import type { AskedQualifiers } from '../query/metric-words.ts';

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
  /** Attributable, 扣非 and a change asked for: matched exactly. */
  qualifiers?: Partial<AskedQualifiers>;
  /** Words of the request nothing explains: answered with passages, never a figure. */
  unknown?: readonly string[];
  /** The currency asked for: only statements in it answer. */
  currency?: 'CNY' | 'USD' | 'HKD';
  period?: Period;
  range?: PeriodRange;
  /** The names the company was asked by, as typed: a brand may name a business line. */
  namedAs?: readonly string[];
}

/**
 * A company asked for by one of its brands ("Zetawave's revenue") when its documents state
 * that metric for a business line of that name: the question is about the line, and the
 * company's total must not answer it.
 */
const LINE_MARK = /(?:业务|品牌|板块|[\s-](?:business|brand|segment|branded business))$/u;

function brandSegment(snapshot: CorpusSnapshot, req: MetricRequest): string | undefined {
  if (req.segment || !req.namedAs?.length) return req.segment;
  const own = fold(req.company.name).trim();
  // "Zeta品牌(海外)业务": a gloss in brackets says nothing of which line is meant.
  const names = req.namedAs.map((n) => fold(n).replace(/[(（][^()（）]*[)）]/gu, '').trim());
  // "泽浪业务", "Zeta业务": a name of the company said to be a business is a line, even when no
  // figure of it is known (then nothing answers, never the company's total).
  const said = names.find((n) => LINE_MARK.test(n));
  if (said) return canonicalSegment(said);
  const segments = snapshot.facts.segmentsOf(req.company.id, req.metric.id);
  if (segments.size === 0) return undefined;
  // The company's own name names the company; another of its names that the documents state
  // figures of as a line ("Zetawave's revenue") is that line.
  const brands = names.filter((n) => n !== own).map((n) => canonicalSegment(n)).filter((n) => segments.has(n));
  return brands.length === req.namedAs.length ? brands[0] : undefined;
}

function metricName(req: MetricRequest): string {
  const q = req.qualifiers ?? {};
  const words = [
    req.cumulative ? 'cumulative' : '',
    req.adjusted ? 'adjusted' : '',
    req.segment ?? '',
    req.metric.label.toLowerCase(),
    q.attributable ? 'attributable to shareholders' : '',
    q.exclNonrecurring ? 'excluding non-recurring items' : '',
    q.change === 'qoq' ? 'change quarter on quarter' : q.change ? 'change year on year' : '',
    req.forecast ? '(forecast)' : '',
  ];
  return words.filter(Boolean).join(' ');
}

/** Not found, with what is known instead and the sentences that may hold it. */
function notFound(snapshot: CorpusSnapshot, query: string, command: string, req: MetricRequest, lead: string, known: string[], neighbours: readonly Figure[]): Answer {
  const passages = evidencePassages(snapshot, { company: req.company, metric: req.metric, segment: req.segment, qualifiers: { ...req.qualifiers, adjusted: req.adjusted }, period: req.period, words: req.unknown });
  const lines = [lead];
  if (neighbours.length) {
    lines.push('The corpus states, for the same period, with other qualifiers (not the figure asked):');
    for (const f of neighbours) lines.push(`- ${f.metricLabel}${f.qualifiers.length ? ` [${f.qualifiers.join(', ')}]` : ''}: ${f.display} — "${f.source.quote}"`);
  }
  lines.push(...known);
  if (passages.length) lines.push('These sentences may hold it:', ...passages.map(passageBlock));
  const knownOut = [...neighbours.map((f) => `${f.metricLabel}${f.qualifiers.length ? ` [${f.qualifiers.join(', ')}]` : ''} ${f.period}: ${f.display}`), ...known];
  const context = { company: req.company.id, metric: req.metric.id, period: req.period ? periodLabel(req.period) : undefined };
  return makeAnswer({ query, command, status: 'not_found', message: lines.join('\n'), known: knownOut, passages, context, suggestions: suggestionsFrom(known, req) });
}

function periodName(req: Pick<MetricRequest, 'period' | 'range'>): string {
  if (req.period) return periodLabel(req.period);
  if (req.range) return `${periodLabel(req.range.from)} to ${periodLabel(req.range.to)}`;
  return 'any period';
}

/** Answer a resolved metric request. */
export function metricAnswerFor(snapshot: CorpusSnapshot, query: string, command: string, asked: MetricRequest): Answer {
  const segment = brandSegment(snapshot, asked);
  const req = segment === asked.segment ? asked : { ...asked, segment };
  if (req.unknown?.length) {
    const lead = `Not found: I can't tie "${req.unknown.join(' ')}" to a figure I know for ${req.company.name} ${metricName(req)}, so I give no figure.`;
    return notFound(snapshot, query, command, req, lead, [], []);
  }
  const result = lookup(snapshot, { ...req });
  const context = { company: req.company.id, metric: req.metric.id, period: req.period ? periodLabel(req.period) : undefined };
  if (!result.found) {
    return notFound(snapshot, query, command, req, `Not found: the corpus does not state ${req.company.name} ${metricName(req)} for ${periodName(req)}.`, result.known, result.neighbours);
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
    out.push(`- ${f.period}: ${citeLine(f.source)}`);
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
  const period = resolvePeriodText(args.period);
  if (!period.ok) return makeAnswer({ query, command, status: 'invalid', message: period.message, suggestions: period.suggestions });
  const metric = resolveMetricText(snapshot, args.metric);
  if (!metric.ok) {
    const words = metric.words ? [...metric.words.unknown, ...(metric.words.segment ? metric.words.segment.split(' ') : [])] : [];
    const passages = words.length ? evidencePassages(snapshot, { company: company.value, period: period.value.period, words }) : [];
    const message = passages.length ? [metric.message, 'These sentences may hold it:', ...passages.map(passageBlock)].join('\n') : metric.message;
    return makeAnswer({ query, command, status: 'not_found', message, passages, suggestions: metric.suggestions, known: [] });
  }
  return metricAnswerFor(snapshot, query, command, { company: company.value, ...metric.value, ...period.value, namedAs: [args.company] });
}

