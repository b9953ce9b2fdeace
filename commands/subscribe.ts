import { z } from 'zod';
import { makeAnswer } from '../src/core/answers/make.ts';
import { coveredCompanies, resolveWatchlist } from '../src/core/digest/watchlist.ts';
import type { Weekday } from '../src/core/subscriptions.ts';
import { nextRun } from '../src/scheduler/next-run.ts';
import { DAY_FORMS, looksLikeDay, looksLikeTime, looksLikeTimeZone, parseDay, parseTime, parseTimeZone, TIME_FORMS, ZONE_FORMS } from '../src/scheduler/schedule-spec.ts';
import { describeCompanies, describeSubscription, SUBSCRIBE_USAGE, subscriptionScope } from './subscription-text.ts';
import { defineCommand, type CommandContext, type RawArgs } from './types.ts';
import { exampleCompanies } from './examples.ts';

const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 37)}...` : v);

const day = z
  .string()
  .trim()
  .max(40)
  .optional()
  .refine((v) => !v || !/\s/u.test(v), { error: (i) => `Name one day, not "${shown(String(i.input))}": a summary is posted once a week. Use ${DAY_FORMS}` })
  .refine((v) => !v || /\s/u.test(v) || parseDay(v) !== null, { error: (i) => `"${shown(String(i.input))}" is not a day I can read. Use ${DAY_FORMS}` })
  .transform((v) => (v ? (parseDay(v) as Weekday) : undefined));

const time = z
  .string()
  .trim()
  .max(20)
  .optional()
  .refine((v) => !v || parseTime(v) !== null, { error: (i) => `"${shown(String(i.input))}" is not a time I can read. Use ${TIME_FORMS}` })
  .transform((v) => (v ? parseTime(v)! : undefined));

const timezone = z
  .string()
  .trim()
  .max(64)
  .optional()
  .refine((v) => !v || parseTimeZone(v) !== null, { error: (i) => `"${shown(String(i.input))}" is not a time zone I know. Use ${ZONE_FORMS}` })
  .transform((v) => (v ? parseTimeZone(v)! : undefined));

/**
 * Split free text into companies, day, time and zone by the shape of each word, so the
 * parts may come in any order. A word shaped like a day, time or zone that does not
 * parse stays in its slot and is reported with the accepted forms.
 */
function splitSubscribeText(text: string, ctx: CommandContext): RawArgs {
  const words = text
    .replace(/(\d)\s+(am|pm|a\.m\.|p\.m\.)(?=\s|$)/giu, '$1$2')
    .split(/\s+/u)
    .filter(Boolean);
  const slots: Record<'companies' | 'day' | 'time' | 'timezone', string[]> = { companies: [], day: [], time: [], timezone: [] };
  for (const word of words) {
    if (looksLikeTimeZone(word)) slots.timezone.push(word);
    else if (looksLikeTime(word)) slots.time.push(word);
    else if (looksLikeDay(word) && !ctx.engine.snapshot.registry.findExact(word)) slots.day.push(word);
    else slots.companies.push(word);
  }
  const join = (list: string[]) => (list.length ? list.join(' ') : undefined);
  return { companies: join(slots.companies), day: join(slots.day), time: join(slots.time), timezone: join(slots.timezone) };
}

/** `/subscribe [companies...] [day] [time] [time zone]`: a weekly summary in this channel. */
export const subscribe = defineCommand({
  name: 'subscribe',
  description: 'Post a weekly summary of some companies (or all) in this channel',
  usage: SUBSCRIBE_USAGE,
  options: [
    { name: 'companies', description: 'Companies to follow, e.g. names or tickers separated by spaces (default: all)', required: false, autocomplete: 'company', maxLength: 300 },
    { name: 'day', description: 'Day of the week: monday ... sunday or mon ... sun (default: Monday)', required: false, maxLength: 40 },
    { name: 'time', description: 'Local time as HH:MM, 24-hour, or 9am (default: 09:00)', required: false, maxLength: 20 },
    { name: 'timezone', description: 'IANA time zone, e.g. Asia/Shanghai (default: the bot setting)', required: false, maxLength: 64 },
  ],
  schema: z.object({ companies: z.string().trim().max(300).optional(), day, time, timezone }),
  parseText: splitSubscribeText,
  examples: (snapshot) => {
    const names = exampleCompanies(snapshot, 2);
    return ['/subscribe', '/subscribe monday 09:00 Asia/Shanghai', ...(names.length ? [`/subscribe ${names.join(' ')} fri 17:30 Europe/Berlin`] : [])];
  },
  run: async (args, ctx) => {
    const query = [args.companies, args.day, args.time, args.timezone].filter((v) => v !== undefined).join(' ');
    const scope = subscriptionScope('subscribe', query, ctx);
    if ('answer' in scope) return scope.answer;
    const snapshot = ctx.engine.snapshot;
    const resolved = resolveWatchlist(snapshot, args.companies);
    if (!resolved.ok) {
      return makeAnswer({ query, command: 'subscribe', status: 'not_found', message: `${resolved.message}\nNothing was changed.`, suggestions: resolved.suggestions });
    }
    const existing = await scope.service.get(scope.channel);
    // Parts left out keep their current value; a new subscription starts from the defaults.
    const request = {
      companies: args.companies !== undefined ? resolved.companies.map((c) => c.id) : (existing?.companies ?? []),
      weekday: args.day ?? existing?.weekday ?? 1,
      time: args.time ?? existing?.time ?? '09:00',
      timeZone: args.timezone ?? existing?.timeZone ?? scope.service.defaultTimeZone,
      createdBy: ctx.user?.id,
    };
    const now = ctx.now();
    const { subscription, created } = await scope.service.save(scope.channel, request, now);
    const covered = new Set(coveredCompanies(snapshot));
    const uncovered = subscription.companies.filter((id) => !covered.has(id));
    const lines = [
      created ? 'Subscribed.' : existing?.status === 'paused' ? 'Subscription updated and resumed.' : 'Subscription updated.',
      ...describeSubscription(snapshot, subscription, now),
    ];
    if (uncovered.length) lines.push(`The corpus has nothing about ${describeCompanies(snapshot, uncovered)} yet; figures will appear once documents about them are added.`);
    lines.push('/summary shows a digest now; /unsubscribe stops them.');
    return makeAnswer({
      query,
      command: 'subscribe',
      status: 'answered',
      message: lines.join('\n'),
      suggestions: ['/summary', '/subscriptions', '/unsubscribe'],
      data: { subscription, created, nextRun: nextRun(subscription, now).toISOString() },
    });
  },
});
