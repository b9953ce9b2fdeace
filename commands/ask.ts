import { z } from 'zod';
import { answerAsk } from '../src/core/answers/ask-answer.ts';
import { MAX_INPUT_CHARS } from '../src/core/answers/make.ts';
import { defineCommand } from './types.ts';
import { exampleChineseCompany, exampleCompanies } from './examples.ts';

/** `/ask <question>`: a question in English or Chinese, answered with figures or passages. */
export const ask = defineCommand({
  name: 'ask',
  description: 'Ask a question about the companies in the corpus, in English or Chinese',
  usage: '/ask <question>',
  options: [{ name: 'question', description: 'Your question, e.g. how much did a company lose in a year', required: true, maxLength: MAX_INPUT_CHARS }],
  schema: z.object({ question: z.string().max(MAX_INPUT_CHARS).default('') }),
  parseText: (text) => ({ question: text }),
  examples: (snapshot) => {
    const [first] = exampleCompanies(snapshot, 1);
    const zh = exampleChineseCompany(snapshot);
    return [...(first ? [`/ask how much did ${first} lose last year?`, `/ask why did ${first} revenue change`] : []), ...(zh ? [`/ask ${zh}的营收是多少?`] : [])];
  },
  run: (args, ctx) => answerAsk(ctx.engine.snapshot, args.question, ctx.conversation),
});
