import { describe, expect, it } from 'vitest';
import { describeSchedule, looksLikeDay, looksLikeTime, looksLikeTimeZone, parseDay, parseTime, parseTimeZone } from '../../src/scheduler/schedule-spec.ts';

describe('parseDay', () => {
  it.each([
    ['monday', 1],
    ['Mon', 1],
    ['mondays', 1],
    ['TUE', 2],
    ['tues', 2],
    ['wednesday', 3],
    ['thu', 4],
    ['thurs', 4],
    ['Friday', 5],
    ['sat', 6],
    ['sun', 7],
    ['sunday', 7],
    ['周一', 1],
    ['週三', 3],
    ['星期五', 5],
    ['星期日', 7],
    ['星期天', 7],
    ['礼拜六', 6],
  ])('%s is weekday %i', (text, weekday) => {
    expect(parseDay(text)).toBe(weekday);
  });

  it.each(['funday', 'mo', 'monday friday', '周八', 'weekday', '', 'tomorrow'])('refuses %j', (text) => {
    expect(parseDay(text)).toBeNull();
  });

  it('recognises words meant as days (so a typo is reported as a day, not as a company)', () => {
    for (const w of ['mondya', 'funday', 'wensday', '周八', 'frday']) expect(looksLikeDay(w)).toBe(true);
    for (const w of ['cloudwalk', 'qingcloud', 'kingsoft', 'ai', '688327']) expect(looksLikeDay(w)).toBe(false);
  });
});

describe('parseTime', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['17:30', '17:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['9am', '09:00'],
    ['9 AM', '09:00'],
    ['9:30pm', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['12:15am', '00:15'],
  ])('%s is %s', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it.each(['24:00', '9:60', '13pm', '0am', '9', 'nine', '09:00:00', '9h'])('refuses %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it('recognises time-shaped words, valid or not', () => {
    for (const w of ['25:00', '9:7', '13pm', '9h', '09:00']) expect(looksLikeTime(w)).toBe(true);
    for (const w of ['688327', '2024', 'cloudwalk']) expect(looksLikeTime(w)).toBe(false);
  });
});

describe('parseTimeZone', () => {
  it('returns the canonical spelling of any IANA zone, in any case', () => {
    expect(parseTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(parseTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(parseTimeZone('EUROPE/BERLIN')).toBe('Europe/Berlin');
    // Names the runtime lists under an older spelling keep the spelling users know.
    expect(parseTimeZone('america/argentina/buenos_aires')).toBe('America/Argentina/Buenos_Aires');
    expect(parseTimeZone('Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(parseTimeZone('asia/calcutta')).toMatch(/^Asia\/(Calcutta|Kolkata)$/u);
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('utc')).toBe('UTC');
  });

  it('refuses unknown names and bare offsets', () => {
    for (const z of ['Mars/Olympus', 'Asia/Shangai', '+08:00', 'UTC+8', '', 'Europe/Berlin; DROP TABLE']) expect(parseTimeZone(z)).toBeNull();
  });

  it('recognises zone-shaped words, valid or not', () => {
    for (const w of ['Mars/Olympus', 'UTC+8', 'GMT', '+08:00', 'asia/shanghai']) expect(looksLikeTimeZone(w)).toBe(true);
    for (const w of ['cloudwalk', 'monday', '09:00']) expect(looksLikeTimeZone(w)).toBe(false);
  });
});

it('describes a schedule', () => {
  expect(describeSchedule({ weekday: 3, time: '17:30', timeZone: 'Europe/Berlin' })).toBe('Wednesday 17:30 Europe/Berlin');
});
