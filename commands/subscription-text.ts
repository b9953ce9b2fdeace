import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { ChannelRef } from '../src/core/channel.ts';
import type { CommandContext } from './types.ts';
import type { Answer } from '../src/core/answer.ts';
import { makeAnswer } from '../src/core/answers/make.ts';
import { nameOf } from '../src/core/digest/watchlist.ts';
import type { CorpusSnapshot } from '../src/core/snapshot.ts';
import type { Subscription, SubscriptionService } from '../src/core/subscriptions.ts';
import { nextRun } from '../src/scheduler/next-run.ts';
import { describeSchedule } from '../src/scheduler/schedule-spec.ts';

/** Usage of `/subscribe`, shared by the command and the messages that point to it. */
export const SUBSCRIBE_USAGE = '/subscribe [companies...] [day] [time] [time zone]';

/** `Monday 2025-05-12 09:00 Asia/Shanghai` */
export function formatLocal(instant: Date, timeZone: string): string {
  return `${format(new TZDate(instant.getTime(), timeZone), 'EEEE yyyy-MM-dd HH:mm')} ${timeZone}`;
}

/** `CloudWalk Technology and QingCloud Technology`, or `all companies in the corpus`. */
export function describeCompanies(snapshot: CorpusSnapshot, ids: readonly string[]): string {
  if (!ids.length) return 'all companies in the corpus';
  const names = ids.map((id) => nameOf(snapshot, id));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The lines `/subscriptions` and `/subscribe` show for a subscription. */
export function describeSubscription(snapshot: CorpusSnapshot, sub: Subscription, now: Date): string[] {
  const lines = [`Weekly summary of ${describeCompanies(snapshot, sub.companies)}, every ${describeSchedule(sub)}.`];
  if (sub.status === 'paused') {
    lines.push(`Paused: ${sub.pausedReason ?? 'posting kept failing'}. Run /subscribe here again to resume it.`);
  } else {
    lines.push(`Next digest: ${formatLocal(nextRun(sub, now), sub.timeZone)}.`);
  }
  lines.push(sub.lastSentWeek ? `Last digest posted: the week of ${sub.lastSentWeek}.` : 'No digest posted yet.');
  return lines;
}

/** The service and channel a subscription command needs, or the answer saying what is missing. */
export function subscriptionScope(command: string, query: string, ctx: CommandContext): { service: SubscriptionService; channel: ChannelRef } | { answer: Answer } {
  if (!ctx.subscriptions) {
    return {
      answer: makeAnswer({
        query,
        command,
        status: 'invalid',
        message: "Weekly summaries are not available here: subscriptions need the bot's database, and this front end runs without one. /summary still shows a digest on demand.",
        suggestions: ['/summary'],
      }),
    };
  }
  if (!ctx.channel) {
    return {
      answer: makeAnswer({
        query,
        command,
        status: 'invalid',
        message: 'Subscriptions belong to a channel: run this command in a Slack or Discord channel, or in the console.',
        suggestions: ['/summary'],
      }),
    };
  }
  return { service: ctx.subscriptions, channel: ctx.channel };
}
