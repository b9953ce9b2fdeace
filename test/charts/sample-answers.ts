import { AnswerSchema, type Answer, type Figure } from '../../src/core/answer.ts';

/**
 * Answers shaped as the engine builds them (figures with sources, `data.layout`), with
 * made-up values, so the chart code is tested without depending on what the extraction
 * finds in the bundled corpus today.
 */

/** Options of one sample figure. */
export interface FigureOptions {
  company?: string;
  companyName?: string;
  metric?: string;
  metricLabel?: string;
  unit?: Figure['unit'];
  computed?: boolean;
  estimate?: boolean;
  qualifiers?: string[];
  title?: string;
}

/** One figure as `buildFigure` makes it. */
export function sampleFigure(period: string, value: number, o: FigureOptions = {}): Figure {
  const company = o.company ?? 'cloudwalk';
  const companyName = o.companyName ?? 'CloudWalk Technology';
  const title = o.title ?? `${companyName} annual report ${period.match(/\d{4}/u)?.[0] ?? ''}`.trim();
  const quote = `${companyName} reported ${o.metricLabel ?? 'revenue'} of ${value} in ${period}.`;
  return {
    company,
    companyName,
    metric: o.metric ?? 'revenue',
    metricLabel: o.metricLabel ?? 'Revenue',
    period,
    value,
    unit: o.unit ?? 'CNY',
    display: String(value),
    qualifiers: o.qualifiers ?? [],
    ...(o.computed ? { computed: true } : {}),
    ...(o.estimate ? { estimate: true } : {}),
    source: { document: `${company}-${period.replace(/\s/gu, '-').toLowerCase()}`, title, published: '2024-04-30', quote, start: 0, end: quote.length },
    corroborating: [],
    alternatives: [],
  };
}

/** An answered `/metric` or `/compare`, validated against the Answer schema. */
export function sampleAnswer(layout: 'series' | 'comparison' | 'single', figures: Figure[], status: Answer['status'] = 'answered'): Answer {
  return AnswerSchema.parse({
    query: layout === 'comparison' ? 'revenue cloudwalk qingcloud 2019-2023' : 'cloudwalk revenue',
    command: layout === 'comparison' ? 'compare' : 'metric',
    status,
    message: figures.map((f) => `${f.period}: ${f.display}`).join('\n'),
    figures,
    passages: [],
    suggestions: [],
    known: [],
    data: { layout },
  });
}

/** Eight fiscal years of losses, one of them computed. */
export function lossSeries(companyName = 'QingCloud Technology'): Answer {
  const values = [-12.3e6, -20.1e6, -80.5e6, -150e6, 20e6, -284e6, -291e6, -120e6];
  return sampleAnswer(
    'series',
    values.map((v, i) =>
      sampleFigure(`FY${2017 + i}`, v, { company: 'qingcloud', companyName, metric: 'net_income', metricLabel: 'Net income', computed: i === 4 }),
    ),
  );
}

/** Two companies over five fiscal years. */
export function revenueComparison(second = { company: 'qingcloud', companyName: 'QingCloud Technology' }): Answer {
  const a = [805e6, 755e6, 1.07e9, 526e6, 623e6];
  const b = [377e6, 429e6, 424e6, 385e6, 315e6];
  return sampleAnswer('comparison', [
    ...a.map((v, i) => sampleFigure(`FY${2019 + i}`, v)),
    ...b.map((v, i) => sampleFigure(`FY${2019 + i}`, v, second)),
  ]);
}

/** The (period, value) pairs of figures, in order. */
export function pairs(figures: ReadonlyArray<{ period: string; value: number }>): Array<[string, number]> {
  return figures.map((f) => [f.period, f.value]);
}
