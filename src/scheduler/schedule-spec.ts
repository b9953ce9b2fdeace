import type { Weekday, WeeklySchedule } from '../core/subscriptions.ts';
import { distance } from 'fastest-levenshtein';

/**
 * Reading the day, time and time zone of a weekly schedule as users type them, and
 * writing them back. Every error message names the forms that are accepted.
 */

/** Accepted day forms, for error messages. */
export const DAY_FORMS = 'a day of the week: mon, tue, wed, thu, fri, sat, sun or the full name (monday ... sunday), also 周一 ... 周日 or 星期一 ... 星期日';
/** Accepted time forms, for error messages. */
export const TIME_FORMS = 'a time as 24-hour HH:MM (09:00, 17:30) or with am/pm (9am, 9:30pm)';
/** Accepted time zone forms, for error messages. */
export const ZONE_FORMS = 'an IANA time zone name such as UTC, Asia/Shanghai, Europe/Berlin or America/New_York';

const DAY_NAMES: ReadonlyArray<readonly [Weekday, readonly string[]]> = [
  [1, ['monday', 'mon']],
  [2, ['tuesday', 'tue', 'tues']],
  [3, ['wednesday', 'wed']],
  [4, ['thursday', 'thu', 'thur', 'thurs']],
  [5, ['friday', 'fri']],
  [6, ['saturday', 'sat']],
  [7, ['sunday', 'sun']],
];
const ENGLISH_DAYS = new Map<string, Weekday>(DAY_NAMES.flatMap(([n, names]) => names.map((w) => [w, n] as const)));
const CHINESE_DAY_DIGITS: Record<string, Weekday> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

/** English day name by ISO weekday. */
export function dayName(weekday: Weekday): string {
  return DAY_NAMES[weekday - 1]![1][0]!.replace(/^./u, (c) => c.toUpperCase());
}

/** `monday`, `Mon`, `mondays`, `周一`, `週一`, `星期一`, `礼拜一` → ISO weekday; null otherwise. */
export function parseDay(text: string): Weekday | null {
  const t = text.trim().toLowerCase().replace(/\.$/u, '');
  const english = ENGLISH_DAYS.get(t) ?? ENGLISH_DAYS.get(t.replace(/s$/u, ''));
  if (english) return english;
  const m = t.match(/^(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])$/u);
  return m ? (CHINESE_DAY_DIGITS[m[1]!] ?? null) : null;
}

/**
 * True for words a user most likely meant as a day (so a typo is reported as a bad
 * day, not as an unknown company): Chinese day prefixes, English words ending in
 * "day", or within two edits of a day name.
 */
export function looksLikeDay(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (parseDay(t) !== null) return true;
  if (/^(?:周|週|星期|礼拜|禮拜)/u.test(t)) return true;
  if (/^[a-z]{3,}day$/u.test(t)) return true;
  if (!/^[a-z]{4,}$/u.test(t)) return false;
  return DAY_NAMES.some(([, names]) => distance(t, names[0]!) <= 2);
}

/** `09:00`, `9:00`, `17:30`, `9am`, `9 am`, `9:30pm`, `12am` → `HH:MM`; null otherwise. */
export function parseTime(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/gu, '').replace(/\.$/u, '');
  let m = t.match(/^(\d{1,2}):(\d{2})$/u);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null;
  }
  m = t.match(/^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)$/u);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? '0');
    if (h < 1 || h > 12 || min > 59) return null;
    const pm = m[3]!.startsWith('p');
    return `${pad((h % 12) + (pm ? 12 : 0))}:${pad(min)}`;
  }
  return null;
}

/** True for words shaped like a time (digits with a colon, or am/pm), valid or not. */
export function looksLikeTime(text: string): boolean {
  const t = text.trim().toLowerCase();
  return /^\d{1,2}:\d{1,2}$/u.test(t) || /^\d{1,2}(?::\d{1,2})?\s?(?:am|pm|a\.m\.|p\.m\.)$/u.test(t) || /^\d{1,2}h\d{0,2}$/u.test(t);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

let canonicalZones: Map<string, string> | undefined;
const REGION = /^(?:africa|america|antarctica|arctic|asia|atlantic|australia|europe|indian|pacific)\//iu;

/**
 * An IANA time zone name, any case (`asia/shanghai`), as its canonical spelling; null
 * when the runtime does not know it. Offsets such as `+08:00` are refused: a named zone
 * keeps daylight-saving rules.
 */
export function parseTimeZone(text: string): string | null {
  const t = text.trim();
  if (!t || t.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/u.test(t)) return null;
  canonicalZones ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  const known = canonicalZones.get(t.toLowerCase());
  if (known) return known;
  // Current names the runtime's list still spells the old way (Asia/Kathmandu): keep the
  // name the user means, with the usual capitals, rather than the runtime's alias.
  if (REGION.test(t)) {
    const titled = t.toLowerCase().replace(/(^|[/_-])([a-z])/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    if (zoneExists(titled)) return titled;
  }
  return zoneExists(t) ? new Intl.DateTimeFormat('en-US', { timeZone: t }).resolvedOptions().timeZone : null;
}

function zoneExists(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True for words shaped like a zone name (`Area/City`, `UTC`, `GMT`, `Etc/...`), valid or not. */
export function looksLikeTimeZone(text: string): boolean {
  const t = text.trim();
  return /^[A-Za-z_]+\/[A-Za-z0-9_+\-/]+$/u.test(t) || /^(?:utc|gmt|z)(?:[+-]\d{1,2}(?::?\d{2})?)?$/iu.test(t) || /^[+-]\d{1,2}(?::?\d{2})?$/u.test(t);
}

/** `Monday 09:00 Asia/Shanghai` */
export function describeSchedule(s: WeeklySchedule): string {
  return `${dayName(s.weekday)} ${s.time} ${s.timeZone}`;
}
