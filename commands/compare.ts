import { z } from 'zod';
import { answerCompare } from '../src/core/answers/compare-answer.ts';
import { periodLabel } from '../src/core/periods.ts';
import { parseLookup } from '../src/core/query/parse-query.ts';
import { defineCommand, type RawArgs } from './types.ts';
import { exampleCompanies } from './examples.ts';

/** `/compare <metric> <company> <company> [...] [period]`: side by side, each with its source. */
export const compare = defineCommand({
  name: 'compare',
  description: 'Compare a metric across companies, each figure with its source',
  usage: '/compare <metric> <company> <company> [...] [period]',
  options: [
    { name: 'metric', description: 'revenue, net profit, gross margin, ...', required: true, autocomplete: 'metric', maxLength: 100 },
    { name: 'companies', description: 'Two or more companies, separated by spaces or commas', required: true, maxLength: 300 },
    { name: 'period', description: '2024, Q4 2022, H1 2024 or a range such as 2019-2023', required: false, maxLength: 40 },
  ],
  schema: z
    .object({
      metric: z.string().trim().max(100).min(1, 'name a metric, e.g. /compare revenue <company> <company> 2023'),
      companies: z.string().trim().max(300).min(1, 'name two or more companies'),
      period: z.string().trim().max(40).optional(),
    })
    .transform((a) => ({ metric: a.metric, companies: splitCompanies(a.companies), period: a.period })),
  parseText: (input, ctx): RawArgs => {
    const parsed = parseLookup(input, ctx.engine.snapshot.registry);
    const names = parsed.companies.map((c) => c.name);
    // Unknown names stay in so the answer can say which one was not recognised.
    const leftovers = parsed.rest.split(' ').filter((w) => w.length > 2);
    const metricText = parsed.metric ? `${parsed.cumulative ? 'cumulative ' : ''}${parsed.adjusted ? 'adjusted ' : ''}${parsed.segment ? `${parsed.segment} ` : ''}${parsed.metricPhrase ?? parsed.metric.label}` : (leftovers.shift() ?? '');
    const period = parsed.period ? periodLabel(parsed.period) : parsed.range ? `${periodLabel(parsed.range.from)}-${periodLabel(parsed.range.to)}` : undefined;
    return { metric: metricText, companies: [...names, ...leftovers].join(', '), period };
  },
  examples: (snapshot) => {
    const names = exampleCompanies(snapshot, 3);
    return names.length < 2 ? [] : [`/compare revenue ${names[0]} ${names[1]}`, `/compare net profit ${names.join(' ')}`];
  },
  run: (args, ctx) => answerCompare(ctx.engine.snapshot, `${args.metric} ${args.companies.join(', ')} ${args.period ?? ''}`.trim(), args),
});

function splitCompanies(text: string): string[] {
  const parts = text.split(/\s*[,;，、]\s*|\s+(?:and|vs\.?|versus|&)\s+/u).filter(Boolean);
  return parts.length > 1 ? parts : text.split(/\s+/u).filter(Boolean);
}
