import { z } from 'zod';
import { answerMetrics } from '../src/core/answers/catalog-answer.ts';
import { defineCommand } from './types.ts';
import { exampleCompanies } from './examples.ts';

/** `/metrics [company]`: companies, metrics and periods the corpus knows. */
export const metrics = defineCommand({
  name: 'metrics',
  description: 'What the corpus knows: companies, metrics and periods',
  usage: '/metrics [company]',
  options: [{ name: 'company', description: 'Only this company', required: false, autocomplete: 'company', maxLength: 100 }],
  schema: z.object({ company: z.string().trim().max(100).optional() }),
  parseText: (text) => ({ company: text || undefined }),
  examples: (snapshot) => ['/metrics', ...exampleCompanies(snapshot, 1).map((c) => `/metrics ${c}`)],
  run: (args, ctx) => answerMetrics(ctx.engine.snapshot, args.company ?? '', args.company),
});
