import { z } from 'zod';
import { makeAnswer } from '../src/core/answers/make.ts';
import { digestAnswer } from '../src/core/digest/digest-answer.ts';
import { resolveWatchlist } from '../src/core/digest/watchlist.ts';
import { lastFullWeekBefore, weekOfDate } from '../src/core/digest/week.ts';
import { defineCommand, type RawArgs } from './types.ts';
import { exampleCompanies } from './examples.ts';

const WEEK_FORMS = 'any date inside the week as YYYY-MM-DD (the week runs Monday to Sunday)';

/** `2024-01-15`, `2024/1/15`, `2024.01.15`, `2024年1月15日` → `2024-01-15`; other text unchanged. */
function normalizeDate(text: string): string {
  const m = text.trim().match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text.trim();
}

/** Words shaped like a date, valid or not. */
function looksLikeDate(word: string): boolean {
  return /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/u.test(word) || /^\d{4}-\d{1,2}(?:-\d{0,2})?$/u.test(word);
}

/** `/summary [company...] [week]`: the weekly digest on demand. */
export const summary = defineCommand({
  name: 'summary',
  description: 'The weekly summary now: new documents of a week and the latest headline figures',
  usage: '/summary [companies...] [week]',
  options: [
    { name: 'companies', description: "Companies to cover (default: the channel's subscription, or all)", required: false, autocomplete: 'company', maxLength: 300 },
    { name: 'week', description: 'A date inside the week, YYYY-MM-DD (default: last week)', required: false, maxLength: 20 },
  ],
  schema: z.object({
    companies: z.string().trim().max(300).optional(),
    week: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((v) => (v ? normalizeDate(v) : undefined))
      .refine((v) => !v || weekOfDate(v, 'UTC') !== null, { error: (i) => `"${String(i.input).slice(0, 20)}" is not a date I can read. Name the week by ${WEEK_FORMS}` }),
  }),
  parseText: (text): RawArgs => {
    const words = text.split(/\s+/u).filter(Boolean);
    const dates = words.filter(looksLikeDate);
    const rest = words.filter((w) => !looksLikeDate(w));
    return { companies: rest.length ? rest.join(' ') : undefined, week: dates.length ? dates.join(' ') : undefined };
  },
  examples: (snapshot) => {
    // A week the corpus has documents in, so the example shows a digest with content.
    const latest = snapshot.documents.map((d) => d.published).filter((p): p is string => Boolean(p)).sort().at(-1);
    const [first] = exampleCompanies(snapshot, 1);
    return ['/summary', ...(first ? [`/summary ${first}`] : []), ...(latest ? [`/summary ${latest}`] : [])];
  },
  run: async (args, ctx) => {
    const command = 'summary';
    const query = [args.companies, args.week].filter(Boolean).join(' ');
    const snapshot = ctx.engine.snapshot;
    // A digest on demand needs no database: if it is unreachable, the defaults apply.
    const subscription = ctx.channel ? await ctx.subscriptions?.get(ctx.channel).catch(() => undefined) : undefined;
    const timeZone = subscription?.timeZone ?? ctx.subscriptions?.defaultTimeZone ?? 'UTC';
    const now = ctx.now();
    const week = args.week ? weekOfDate(args.week, timeZone) : lastFullWeekBefore(now, timeZone);
    if (!week) return makeAnswer({ query, command, status: 'invalid', message: `Name the week by ${WEEK_FORMS}.`, suggestions: ['/summary'] });
    if (week.start.getTime() > now.getTime()) {
      return makeAnswer({ query, command, status: 'invalid', message: `The week of ${week.monday} has not started yet. Name a past week by ${WEEK_FORMS}, or leave it out for last week.`, suggestions: ['/summary'] });
    }
    let companies = subscription?.companies ?? [];
    if (args.companies) {
      const resolved = resolveWatchlist(snapshot, args.companies);
      if (!resolved.ok) return makeAnswer({ query, command, status: 'not_found', message: resolved.message, suggestions: resolved.suggestions });
      companies = resolved.companies.map((c) => c.id);
    }
    return digestAnswer(snapshot, { week, companies, now, query: query || `summary ${week.monday}` });
  },
});
