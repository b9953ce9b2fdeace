import { z } from 'zod';
import { answerRank } from '../src/core/answers/rank-answer.ts';
import { parsePeriod } from '../src/core/periods.ts';
import { exampleCompanies } from './examples.ts';
import { defineCommand, type RawArgs } from './types.ts';

/** Split `net loss Q4 2022` into the metric and a trailing period (one or two words). */
function splitMetricPeriod(text: string): RawArgs {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const tail = words.slice(-n).join(' ');
    if (parsePeriod(tail) || /^(?:19|20)\d{2}\S*$/u.test(tail)) return { metric: words.slice(0, -n).join(' '), period: tail };
  }
  return { metric: words.join(' '), period: undefined };
}

/** `/rank <metric> [period]`: the companies ordered by a metric, each with its quote. */
export const rank = defineCommand({
  name: 'rank',
  description: 'Rank the companies by a metric for a period, each figure with its source',
  usage: '/rank <metric> [period]',
  options: [
    { name: 'metric', description: 'revenue, net loss, gross margin, ... (net loss ranks the largest loss first)', required: true, autocomplete: 'metric', maxLength: 100 },
    { name: 'period', description: '2023, Q4 2022 or H1 2024 (default: the latest period several companies state)', required: false, maxLength: 40 },
  ],
  schema: z.object({
    metric: z.string().trim().max(100).min(1, 'name a metric, e.g. /rank revenue 2023 or /rank net loss 2023'),
    period: z.string().trim().max(40).optional(),
  }),
  parseText: splitMetricPeriod,
  examples: (snapshot) => (exampleCompanies(snapshot, 2).length < 2 ? [] : ['/rank revenue', '/rank net loss', '/rank gross margin']),
  run: (args, ctx) => answerRank(ctx.engine.snapshot, [args.metric, args.period].filter(Boolean).join(' '), args),
});
