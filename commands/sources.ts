import { z } from 'zod';
import { answerSources } from '../src/core/answers/catalog-answer.ts';
import { defineCommand } from './types.ts';
import { exampleCompanies } from './examples.ts';

/** `/sources [company]`: the documents in the corpus, with dates and languages. */
export const sources = defineCommand({
  name: 'sources',
  description: 'List the documents in the corpus, with dates and languages',
  usage: '/sources [company]',
  options: [{ name: 'company', description: 'Only documents about this company', required: false, autocomplete: 'company', maxLength: 100 }],
  schema: z.object({ company: z.string().trim().max(100).optional() }),
  parseText: (text) => ({ company: text || undefined }),
  examples: (snapshot) => ['/sources', ...exampleCompanies(snapshot, 1).map((c) => `/sources ${c}`)],
  run: (args, ctx) => answerSources(ctx.engine.snapshot, args.company ?? '', args.company),
});
