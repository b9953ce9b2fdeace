import { tz, TZDate } from '@date-fns/tz';
import { addDays, format, isValid, startOfISOWeek, subWeeks } from 'date-fns';

/**
 * Digest weeks: Monday 00:00 to the next Monday 00:00 in a time zone. Calendar
 * arithmetic is done in the zone (via @date-fns/tz), so a week spanning a
 * daylight-saving change is 167 or 169 hours long, as on the wall clock.
 */

/** One digest week. */
export interface DigestWeek {
  /** Monday, YYYY-MM-DD: the key of the week in the send log. */
  monday: string;
  /** Sunday, YYYY-MM-DD: the last day of the week. */
  sunday: string;
  /** Monday 00:00 in the zone. */
  start: Date;
  /** The next Monday 00:00 in the zone (exclusive). */
  end: Date;
  timeZone: string;
}

/** The week (in `timeZone`) that contains the instant. */
export function weekContaining(instant: Date, timeZone: string): DigestWeek {
  const inZone = { in: tz(timeZone) };
  const start = startOfISOWeek(instant, inZone);
  const end = addDays(start, 7, inZone);
  return {
    monday: format(start, 'yyyy-MM-dd'),
    sunday: format(addDays(start, 6, inZone), 'yyyy-MM-dd'),
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
    timeZone,
  };
}

/** The last week that ended at or before the instant (in `timeZone`). */
export function lastFullWeekBefore(instant: Date, timeZone: string): DigestWeek {
  const current = startOfISOWeek(instant, { in: tz(timeZone) });
  return weekContaining(subWeeks(current, 1, { in: tz(timeZone) }), timeZone);
}

/** The week containing a calendar date `YYYY-MM-DD` (the zone only places its instants). */
export function weekOfDate(isoDate: string, timeZone: string): DigestWeek | null {
  const m = isoDate.trim().match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/u);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Noon avoids any zone whose midnight is skipped by a daylight-saving change.
  const date = new TZDate(y, mo - 1, d, 12, 0, 0, 0, timeZone);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return weekContaining(date, timeZone);
}
