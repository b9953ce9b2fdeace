import { z } from 'zod';
import { makeAnswer } from '../src/core/answers/make.ts';
import { nextRun } from '../src/scheduler/next-run.ts';
import { describeSubscription, SUBSCRIBE_USAGE, subscriptionScope } from './subscription-text.ts';
import { defineCommand } from './types.ts';

/** `/subscriptions`: this channel's weekly summary, its schedule and state. */
export const subscriptions = defineCommand({
  name: 'subscriptions',
  description: "Show this channel's weekly summary: companies, schedule, next post",
  usage: '/subscriptions',
  options: [],
  schema: z.object({}),
  parseText: () => ({}),
  examples: () => ['/subscriptions'],
  run: async (_args, ctx) => {
    const command = 'subscriptions';
    const scope = subscriptionScope(command, '', ctx);
    if ('answer' in scope) return scope.answer;
    const sub = await scope.service.get(scope.channel);
    if (!sub) {
      return makeAnswer({
        query: '',
        command,
        status: 'not_found',
        message: `This channel has no weekly summary. ${SUBSCRIBE_USAGE} starts one (defaults: all companies, Monday 09:00, ${scope.service.defaultTimeZone}).`,
        suggestions: [SUBSCRIBE_USAGE],
        data: { subscriptions: [] },
      });
    }
    const now = ctx.now();
    return makeAnswer({
      query: '',
      command,
      status: 'answered',
      message: describeSubscription(ctx.engine.snapshot, sub, now).join('\n'),
      suggestions: ['/summary', '/unsubscribe'],
      data: { subscriptions: [sub], nextRun: sub.status === 'active' ? nextRun(sub, now).toISOString() : null },
    });
  },
});
