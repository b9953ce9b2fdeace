import { tz, TZDate } from '@date-fns/tz';
import { addDays, startOfISOWeek } from 'date-fns';
import { lastFullWeekBefore, type DigestWeek } from '../core/digest/week.ts';
import type { WeeklySchedule } from '../core/subscriptions.ts';

/**
 * When a weekly schedule fires. Each slot is built from its calendar date and wall
 * time in the zone, never by adding 168 hours, so 09:00 Europe/Berlin stays 09:00 on
 * both sides of a daylight-saving change. A wall time that does not exist (the hour
 * skipped in spring) fires at the same time shifted by the gap (02:30 becomes 03:30);
 * a wall time that happens twice (autumn) fires once, at the instant @date-fns/tz
 * picks (the later, standard-time one).
 */

/** The slot of the schedule in the ISO week that contains `instant` (in the schedule's zone). */
function slotInWeekOf(schedule: WeeklySchedule, instant: Date, weekOffset: number): Date {
  const inZone = { in: tz(schedule.timeZone) };
  const monday = addDays(startOfISOWeek(instant, inZone), weekOffset * 7, inZone);
  const day = addDays(monday, schedule.weekday - 1, inZone);
  const [h, m] = schedule.time.split(':').map(Number);
  const slot = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h ?? 0, m ?? 0, 0, 0, schedule.timeZone);
  return new Date(slot.getTime());
}

/** The first slot strictly after `after`. */
export function nextRun(schedule: WeeklySchedule, after: Date): Date {
  for (let offset = 0; offset <= 2; offset += 1) {
    const slot = slotInWeekOf(schedule, after, offset);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error('unreachable: a weekly slot always exists within two weeks');
}

/** The latest slot at or before `atOrBefore`. */
export function previousRun(schedule: WeeklySchedule, atOrBefore: Date): Date {
  for (let offset = 0; offset >= -2; offset -= 1) {
    const slot = slotInWeekOf(schedule, atOrBefore, offset);
    if (slot.getTime() <= atOrBefore.getTime()) return slot;
  }
  throw new Error('unreachable: a weekly slot always exists within two weeks');
}

/** The week a digest sent at `slot` covers: the last full week before it, in the schedule's zone. */
export function digestWeekFor(schedule: WeeklySchedule, slot: Date): DigestWeek {
  return lastFullWeekBefore(slot, schedule.timeZone);
}
