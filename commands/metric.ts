import { z } from 'zod';
import { answerMetric } from '../src/core/answers/metric-answer.ts';
import { parseLookup } from '../src/core/query/parse-query.ts';
import { periodLabel } from '../src/core/periods.ts';
import { defineCommand, type RawArgs } from './types.ts';
import { exampleCommands } from '../src/core/answers/examples.ts';
import { exampleCompanies } from './examples.ts';

const text = (max: number) => z.string().trim().max(max);

/** `/metric <company> <metric> [period | from-to]`: one figure, or a series, with sources. */
export const metric = defineCommand({
  name: 'metric',
  description: 'A company figure for a period (or the series known), with the quoted source',
  usage: '/metric <company> <metric> [period | from-to]',
  options: [
    { name: 'company', description: 'Company name, Chinese name or ticker', required: true, autocomplete: 'company', maxLength: 100 },
    { name: 'metric', description: 'revenue, net profit, gross margin, free cash flow, ...', required: true, autocomplete: 'metric', maxLength: 100 },
    { name: 'period', description: '2024, Q4 2022, H1 2024 or a range such as 2019-2023', required: false, maxLength: 40 },
  ],
  schema: z.object({
    company: text(100).min(1, 'name a company, e.g. /metric <company> revenue 2024'),
    metric: text(100).min(1, 'name a metric such as revenue, net profit or gross margin'),
    period: text(40).optional(),
  }),
  parseText: (input, ctx): RawArgs => {
    const parsed = parseLookup(input, ctx.engine.snapshot.registry);
    // The name as typed: a brand ("zetawave") may name a business line of the company.
    const company = parsed.companies[0] ? (parsed.names[0] ?? parsed.companies[0].name) : firstWords(parsed.rest);
    // The metric words go on as typed: the core reads metric, qualifiers and segment from them once.
    const metricText = parsed.companies.length ? parsed.metricText : parsed.metric ? parsed.metricText.replace(company, '').trim() : '';
    const period = parsed.period ? periodLabel(parsed.period) : parsed.range ? `${periodLabel(parsed.range.from)}-${periodLabel(parsed.range.to)}` : (parsed.badPeriod ?? undefined);
    return { company, metric: metricText, period };
  },
  examples: (snapshot) => {
    const [first] = exampleCompanies(snapshot, 1);
    return [...exampleCommands(snapshot, 2), ...(first ? [`/metric ${first} revenue`] : [])];
  },
  run: (args, ctx) => answerMetric(ctx.engine.snapshot, [args.company, args.metric, args.period].filter(Boolean).join(' '), args),
});

function firstWords(rest: string): string {
  return rest.split(' ').slice(0, 3).join(' ');
}
