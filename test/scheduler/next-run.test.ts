import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Weekday, WeeklySchedule } from '../../src/core/subscriptions.ts';
import { digestWeekFor, nextRun, previousRun } from '../../src/scheduler/next-run.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const local = (d: Date, zone: string) => format(new TZDate(d.getTime(), zone), 'EEE yyyy-MM-dd HH:mm xxx');

/** The slots of a schedule, one after the other, starting after `from`. */
function slots(s: WeeklySchedule, from: string, count: number): string[] {
  const out: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < count; i += 1) {
    t = nextRun(s, t);
    out.push(t.toISOString());
  }
  return out;
}

describe('next run across daylight-saving changes', () => {
  const berlin: WeeklySchedule = { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };
  const newYork: WeeklySchedule = { weekday: 1, time: '09:00', timeZone: 'America/New_York' };

  it('Europe/Berlin Monday 09:00 stays 09:00 local when clocks go forward (30 March 2025)', () => {
    // 09:00 CET is 08:00 UTC; 09:00 CEST is 07:00 UTC.
    expect(slots(berlin, '2025-03-20T00:00:00Z', 3)).toEqual(['2025-03-24T08:00:00.000Z', '2025-03-31T07:00:00.000Z', '2025-04-07T07:00:00.000Z']);
  });

  it('Europe/Berlin Monday 09:00 stays 09:00 local when clocks go back (26 October 2025)', () => {
    expect(slots(berlin, '2025-10-15T00:00:00Z', 3)).toEqual(['2025-10-20T07:00:00.000Z', '2025-10-27T08:00:00.000Z', '2025-11-03T08:00:00.000Z']);
  });

  it('America/New_York Monday 09:00 across 9 March and 2 November 2025', () => {
    expect(slots(newYork, '2025-03-01T00:00:00Z', 2)).toEqual(['2025-03-03T14:00:00.000Z', '2025-03-10T13:00:00.000Z']);
    expect(slots(newYork, '2025-10-25T00:00:00Z', 2)).toEqual(['2025-10-27T13:00:00.000Z', '2025-11-03T14:00:00.000Z']);
  });

  it('a Sunday slot on the day of the change itself', () => {
    const sunday9: WeeklySchedule = { weekday: 7, time: '09:00', timeZone: 'Europe/Berlin' };
    expect(local(nextRun(sunday9, new Date('2025-03-29T12:00:00Z')), 'Europe/Berlin')).toBe('Sun 2025-03-30 09:00 +02:00');
    expect(local(nextRun(sunday9, new Date('2025-10-25T12:00:00Z')), 'Europe/Berlin')).toBe('Sun 2025-10-26 09:00 +01:00');
  });

  it('a wall time skipped in spring fires once, shifted by the gap', () => {
    const s: WeeklySchedule = { weekday: 7, time: '02:30', timeZone: 'Europe/Berlin' };
    const [gapDay, after] = slots(s, '2025-03-29T12:00:00Z', 2);
    expect(local(new Date(gapDay!), 'Europe/Berlin')).toBe('Sun 2025-03-30 03:30 +02:00');
    expect(local(new Date(after!), 'Europe/Berlin')).toBe('Sun 2025-04-06 02:30 +02:00');
  });

  it('a wall time that happens twice in autumn fires once', () => {
    const s: WeeklySchedule = { weekday: 7, time: '02:30', timeZone: 'Europe/Berlin' };
    const [twice, after] = slots(s, '2025-10-25T12:00:00Z', 2);
    expect(local(new Date(twice!), 'Europe/Berlin')).toMatch(/^Sun 2025-10-26 02:30 /u);
    expect(new Date(after!).getTime() - new Date(twice!).getTime()).toBe(7 * DAY);
  });

  it('zones without DST and with odd offsets', () => {
    expect(nextRun({ weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai' }, new Date('2025-05-06T00:00:00Z')).toISOString()).toBe('2025-05-12T01:00:00.000Z');
    expect(nextRun({ weekday: 5, time: '17:45', timeZone: 'Asia/Kathmandu' }, new Date('2025-05-06T00:00:00Z')).toISOString()).toBe('2025-05-09T12:00:00.000Z');
    // Lord Howe Island moves its clocks by 30 minutes (first Sunday of April 2025).
    expect(slots({ weekday: 1, time: '09:00', timeZone: 'Australia/Lord_Howe' }, '2025-03-30T00:00:00Z', 2)).toEqual(['2025-03-30T22:00:00.000Z', '2025-04-06T22:30:00.000Z']);
  });
});

describe('next and previous run: properties', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe'];
  const schedule = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }).map((n) => n as Weekday),
    // 04:00-23:59: no zone in the list moves its clocks then, so the wall time always exists.
    time: fc.tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    timeZone: fc.constantFrom(...zones),
  });
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }).map((ms) => new Date(ms));

  it('the next run is strictly later, within a week, on the right local day and time', () => {
    fc.assert(
      fc.property(schedule, instant, (s, t) => {
        const next = nextRun(s, t);
        const wall = new TZDate(next.getTime(), s.timeZone);
        expect(next.getTime()).toBeGreaterThan(t.getTime());
        expect(next.getTime() - t.getTime()).toBeLessThanOrEqual(7 * DAY + 2 * HOUR);
        expect(format(wall, 'HH:mm')).toBe(s.time);
        expect(Number(format(wall, 'i'))).toBe(s.weekday);
      }),
      { numRuns: 400 },
    );
  });

  it('previous and next run bracket every instant, with no slot in between', () => {
    fc.assert(
      fc.property(schedule, instant, (s, t) => {
        const prev = previousRun(s, t);
        const next = nextRun(s, t);
        expect(prev.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(nextRun(s, prev).getTime()).toBe(next.getTime());
        expect(previousRun(s, next).getTime()).toBe(next.getTime());
      }),
      { numRuns: 400 },
    );
  });
});

describe('the week a digest covers', () => {
  it('is the last full Monday-Sunday week before the slot, in the schedule zone', () => {
    const shanghai: WeeklySchedule = { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai' };
    const slot = nextRun(shanghai, new Date('2025-05-06T00:00:00Z'));
    expect(digestWeekFor(shanghai, slot)).toMatchObject({ monday: '2025-05-05', sunday: '2025-05-11' });
  });

  it('a Monday 00:30 slot in Los Angeles covers the local week, though UTC is already Monday', () => {
    const la: WeeklySchedule = { weekday: 1, time: '00:30', timeZone: 'America/Los_Angeles' };
    const slot = nextRun(la, new Date('2025-05-06T00:00:00Z'));
    expect(slot.toISOString()).toBe('2025-05-12T07:30:00.000Z');
    expect(digestWeekFor(la, slot).monday).toBe('2025-05-05');
  });

  it('a week containing a DST change is 167 hours long on the wall clock', () => {
    const s: WeeklySchedule = { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };
    const week = digestWeekFor(s, nextRun(s, new Date('2025-03-30T12:00:00Z')));
    expect(week.monday).toBe('2025-03-24');
    expect((week.end.getTime() - week.start.getTime()) / HOUR).toBe(167);
  });
});
