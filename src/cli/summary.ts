import { parseArgs } from 'node:util';
import { renderText } from '../adapters/console/render-text.ts';
import { loadBaseConfig, loadDotEnv } from '../config.ts';
import { digestAnswer } from '../core/digest/digest-answer.ts';
import { resolveWatchlist } from '../core/digest/watchlist.ts';
import { lastFullWeekBefore, weekOfDate } from '../core/digest/week.ts';
import { createLogger } from '../logger.ts';
import { openEngine } from '../open-engine.ts';
import { parseTimeZone, ZONE_FORMS } from '../scheduler/schedule-spec.ts';

const USAGE = 'usage: npm run --silent summary -- [--week YYYY-MM-DD] [--tz <IANA zone>] [--json] [company...]';

/**
 * `npm run --silent summary -- --week 2025-05-05 [--json] [company...]`: print the
 * weekly digest of the week containing that date (default: last full week), for the
 * companies named (default: all). Reads only the corpus, never the bot's database.
 * Exit code 2 on bad arguments.
 */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        week: { type: 'string' },
        tz: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  loadDotEnv();
  const { config } = loadBaseConfig();
  const timeZone = values.tz === undefined ? config.defaultTz : parseTimeZone(values.tz);
  if (!timeZone) return usageError(`"${values.tz}" is not a time zone I know; use ${ZONE_FORMS}.`);
  const week = values.week === undefined ? lastFullWeekBefore(new Date(), timeZone) : weekOfDate(values.week, timeZone);
  if (!week) return usageError(`"${values.week}" is not a date; name the week by any date inside it as YYYY-MM-DD.`);
  const engine = openEngine(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  const resolved = resolveWatchlist(engine.snapshot, positionals.join(', '));
  if (!resolved.ok) return usageError(resolved.message);
  const answer = digestAnswer(engine.snapshot, { week, companies: resolved.companies.map((c) => c.id), now: new Date() });
  process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : renderText(answer));
}

function usageError(message: string): void {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`summary failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
