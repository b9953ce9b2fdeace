import { z } from 'zod';
import { makeAnswer } from '../src/core/answers/make.ts';
import { resolveWatchlist } from '../src/core/digest/watchlist.ts';
import { describeCompanies, describeSubscription, SUBSCRIBE_USAGE, subscriptionScope } from './subscription-text.ts';
import { defineCommand } from './types.ts';
import { exampleCompanies } from './examples.ts';

/** `/unsubscribe [companies...]`: stop this channel's weekly summary, or drop some companies from it. */
export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  description: "Stop this channel's weekly summary, or only drop some companies from it",
  usage: '/unsubscribe [companies...]',
  options: [{ name: 'companies', description: 'Only stop following these companies', required: false, autocomplete: 'company', maxLength: 300 }],
  schema: z.object({ companies: z.string().trim().max(300).optional() }),
  parseText: (text) => ({ companies: text || undefined }),
  examples: (snapshot) => ['/unsubscribe', ...exampleCompanies(snapshot, 1).map((c) => `/unsubscribe ${c}`)],
  run: async (args, ctx) => {
    const query = args.companies ?? '';
    const command = 'unsubscribe';
    const scope = subscriptionScope(command, query, ctx);
    if ('answer' in scope) return scope.answer;
    const snapshot = ctx.engine.snapshot;
    const resolved = resolveWatchlist(snapshot, args.companies);
    if (!resolved.ok) return makeAnswer({ query, command, status: 'not_found', message: `${resolved.message}\nNothing was changed.`, suggestions: resolved.suggestions });
    const ids = resolved.companies.map((c) => c.id);
    const now = ctx.now();
    const result = await scope.service.remove(scope.channel, now, ids);
    switch (result.kind) {
      case 'none':
        return makeAnswer({ query, command, status: 'not_found', message: `This channel has no weekly summary. ${SUBSCRIBE_USAGE} starts one.`, suggestions: [SUBSCRIBE_USAGE] });
      case 'removed':
        return makeAnswer({
          query,
          command,
          status: 'answered',
          message: `Unsubscribed: this channel will get no more weekly summaries${ids.length ? ` (it followed only ${describeCompanies(snapshot, result.subscription.companies)})` : ''}.`,
          data: { removed: result.subscription },
        });
      case 'follows_all':
        return makeAnswer({
          query,
          command,
          status: 'invalid',
          message: `This channel follows all companies, so there is no list to take ${describeCompanies(snapshot, ids)} out of. Subscribe to the companies you want instead (${SUBSCRIBE_USAGE}), or /unsubscribe alone to stop the summary.`,
          suggestions: [SUBSCRIBE_USAGE, '/unsubscribe'],
        });
      case 'not_followed':
        return makeAnswer({
          query,
          command,
          status: 'not_found',
          message: `This channel does not follow ${describeCompanies(snapshot, result.notFollowed)}. Nothing was changed.\n${describeSubscription(snapshot, result.subscription, now).join('\n')}`,
          data: { subscription: result.subscription },
        });
      case 'narrowed': {
        const lines = [`No longer following ${describeCompanies(snapshot, result.dropped)}.`];
        if (result.notFollowed.length) lines.push(`(${describeCompanies(snapshot, result.notFollowed)} was not followed.)`);
        lines.push(...describeSubscription(snapshot, result.subscription, now));
        return makeAnswer({ query, command, status: 'answered', message: lines.join('\n'), data: { subscription: result.subscription } });
      }
    }
  },
});
