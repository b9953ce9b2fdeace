import { endOfMonth, endOfQuarter, endOfYear, format } from 'date-fns';
import { fold } from './text/fold.ts';

/**
 * Reporting periods. Companies in the corpus report on calendar years, so FY2024 is
 * January to December 2024; quarters and halves are calendar quarters and halves.
 */
export type Period =
  | { kind: 'FY'; year: number }
  | { kind: 'Q'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'H'; year: number; half: 1 | 2 }
  | { kind: '9M'; year: number }
  | { kind: 'span'; fromYear: number; toYear: number }
  | { kind: 'date'; date: string };

/** Canonical label: FY2024, Q4 2022, H1 2024, 9M 2025, FY2018-FY2022, 2024-11-07. */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'FY':
      return `FY${p.year}`;
    case 'Q':
      return `Q${p.quarter} ${p.year}`;
    case 'H':
      return `H${p.half} ${p.year}`;
    case '9M':
      return `9M ${p.year}`;
    case 'span':
      return `FY${p.fromYear}-FY${p.toYear}`;
    case 'date':
      return p.date;
  }
}

/** First day of the period. */
export function periodStart(p: Period): Date {
  switch (p.kind) {
    case 'FY':
    case '9M':
      return new Date(p.year, 0, 1);
    case 'Q':
      return new Date(p.year, (p.quarter - 1) * 3, 1);
    case 'H':
      return new Date(p.year, p.half === 1 ? 0 : 6, 1);
    case 'span':
      return new Date(p.fromYear, 0, 1);
    case 'date':
      return parseIsoDate(p.date);
  }
}

/** Last day of the period. */
export function periodEnd(p: Period): Date {
  switch (p.kind) {
    case 'FY':
      return endOfYear(new Date(p.year, 0, 1));
    case '9M':
      return endOfMonth(new Date(p.year, 8, 1));
    case 'Q':
      return endOfQuarter(new Date(p.year, (p.quarter - 1) * 3, 1));
    case 'H':
      return endOfMonth(new Date(p.year, p.half === 1 ? 5 : 11, 1));
    case 'span':
      return endOfYear(new Date(p.toYear, 0, 1));
    case 'date':
      return parseIsoDate(p.date);
  }
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** YYYY-MM-DD of the last day of the period (plain arithmetic: it runs on every look-up). */
export function periodEndIso(p: Period): string {
  switch (p.kind) {
    case 'FY':
      return `${p.year}-12-31`;
    case '9M':
      return `${p.year}-09-30`;
    case 'Q':
      return `${p.year}-${QUARTER_END[p.quarter - 1]}`;
    case 'H':
      return `${p.year}-${p.half === 1 ? '06-30' : '12-31'}`;
    case 'span':
      return `${p.toYear}-12-31`;
    case 'date':
      return p.date;
  }
}

/** Parse YYYY-MM-DD as a local calendar date. */
export function parseIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/**
 * Sort key: periods ending earlier come first; among equal ends, longer periods first.
 * Plain arithmetic (no Date objects): it runs for every fact when an index loads.
 */
export function periodSortKey(p: Period): number {
  let y: number;
  let m: number;
  let d = 31;
  let months: number;
  switch (p.kind) {
    case 'FY':
      [y, m, months] = [p.year, 12, 12];
      break;
    case '9M':
      [y, m, months] = [p.year, 9, 9];
      break;
    case 'Q':
      [y, m, months] = [p.year, p.quarter * 3, 3];
      break;
    case 'H':
      [y, m, months] = [p.year, p.half * 6, 6];
      break;
    case 'span':
      [y, m, months] = [p.toYear, 12, (p.toYear - p.fromYear + 1) * 12];
      break;
    case 'date': {
      const [yy, mm, dd] = p.date.split('-').map(Number);
      [y, m, d, months] = [yy ?? 0, mm ?? 0, dd ?? 0, 0];
      break;
    }
  }
  return (y * 10000 + m * 100 + d) * 1000 + (999 - Math.min(999, months));
}

/** The same period one year earlier. */
export function previousYear(p: Period): Period {
  switch (p.kind) {
    case 'span':
      return { kind: 'span', fromYear: p.fromYear - 1, toYear: p.toYear - 1 };
    case 'date': {
      const d = parseIsoDate(p.date);
      return { kind: 'date', date: format(new Date(d.getFullYear() - 1, d.getMonth(), d.getDate()), 'yyyy-MM-dd') };
    }
    default:
      return { ...p, year: p.year - 1 } as Period;
  }
}

/** The period immediately before (previous quarter, half or year). */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'Q':
      return p.quarter === 1 ? { kind: 'Q', year: p.year - 1, quarter: 4 } : { kind: 'Q', year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
    case 'H':
      return p.half === 1 ? { kind: 'H', year: p.year - 1, half: 2 } : { kind: 'H', year: p.year, half: 1 };
    default:
      return previousYear(p);
  }
}

/** True when both denote the same period. */
export function samePeriod(a: Period, b: Period): boolean {
  return periodLabel(a) === periodLabel(b);
}

/** The quarter, half or year containing a date, at the given granularity. */
export function periodContaining(date: Date, kind: 'FY' | 'Q' | 'H'): Period {
  const year = date.getFullYear();
  if (kind === 'FY') return { kind: 'FY', year };
  if (kind === 'H') return { kind: 'H', year, half: date.getMonth() < 6 ? 1 : 2 };
  return { kind: 'Q', year, quarter: (Math.floor(date.getMonth() / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** Calendar period that a point-in-time date closes, if it is a period end. */
export function periodClosedBy(iso: string): Period | null {
  const d = parseIsoDate(iso);
  if (format(endOfYear(d), 'yyyy-MM-dd') === iso) return { kind: 'FY', year: d.getFullYear() };
  if (format(endOfMonth(d), 'yyyy-MM-dd') === iso && d.getMonth() === 5) return { kind: 'H', year: d.getFullYear(), half: 1 };
  if (format(endOfQuarter(d), 'yyyy-MM-dd') === iso) return periodContaining(d, 'Q');
  return null;
}

function expandYear(text: string): number | null {
  const n = Number(text);
  if (!Number.isInteger(n)) return null;
  if (text.length === 2) return 2000 + n;
  if (text.length === 4 && n >= 1900 && n <= 2199) return n;
  return null;
}

const QUARTER_WORDS: Record<string, 1 | 2 | 3 | 4> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Parse a period as a user or front matter writes it: `2024`, `FY2024`, `FY24`, `2024年`,
 * `2024年度`, `Q4 2022`, `4Q22`, `2022Q4`, `H1 2024`, `1H24`, `2024年上半年`, `9M 2025`,
 * `2022年第四季度`, `2024-11-07`. Returns null when the text is not a single period.
 */
export function parsePeriod(input: string): Period | null {
  const t = fold(input).trim().replace(/\s+/gu, ' ');
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})-(\d{2})-(\d{2})$/u))) {
    const d = parseIsoDate(t);
    return Number.isNaN(d.getTime()) || format(d, 'yyyy-MM-dd') !== t ? null : { kind: 'date', date: t };
  }
  if ((m = t.match(/^(?:fy|財年|财年)?\s?'?(\d{4}|\d{2})(?:\s?(?:年度?|财年|fy))?$/u))) {
    const year = expandYear(m[1]!);
    if (year === null || (m[1]!.length === 2 && !/fy|年|'/u.test(t))) return null;
    return { kind: 'FY', year };
  }
  if ((m = t.match(/^(?:fy)?\s?(\d{4})\s?(?:fy)?$/u))) {
    const year = expandYear(m[1]!);
    return year === null ? null : { kind: 'FY', year };
  }
  if ((m = t.match(/^q([1-4])[\s-]?(?:fy)?'?(\d{4}|\d{2})$/u)) || (m = t.match(/^([1-4])q[\s-]?'?(\d{4}|\d{2})$/u))) {
    const year = expandYear(m[2]!);
    return year === null ? null : { kind: 'Q', year, quarter: QUARTER_WORDS[m[1]!]! };
  }
  if ((m = t.match(/^(\d{4})[\s-]?q([1-4])$/u))) {
    return { kind: 'Q', year: Number(m[1]), quarter: QUARTER_WORDS[m[2]!]! };
  }
  if ((m = t.match(/^h([12])[\s-]?'?(\d{4}|\d{2})$/u)) || (m = t.match(/^([12])h[\s-]?'?(\d{4}|\d{2})$/u))) {
    const year = expandYear(m[2]!);
    return year === null ? null : { kind: 'H', year, half: Number(m[1]) as 1 | 2 };
  }
  if ((m = t.match(/^(\d{4})[\s-]?h([12])$/u))) return { kind: 'H', year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  if ((m = t.match(/^9m[\s-]?'?(\d{4}|\d{2})$/u)) || (m = t.match(/^(\d{4})[\s-]?9m$/u))) {
    const year = expandYear(m[1]!);
    return year === null ? null : { kind: '9M', year };
  }
  if ((m = t.match(/^(\d{4})年?第?([一二三四1-4])季度?$/u))) {
    return { kind: 'Q', year: Number(m[1]), quarter: QUARTER_WORDS[m[2]!]! };
  }
  if ((m = t.match(/^(\d{4})年?([上下])半年度?$/u))) return { kind: 'H', year: Number(m[1]), half: m[2] === '上' ? 1 : 2 };
  if ((m = t.match(/^(\d{4})年?前三季度$/u))) return { kind: '9M', year: Number(m[1]) };
  if ((m = t.match(/^(?:fy)?(\d{4})\s?(?:-|–|to|至|到)\s?(?:fy)?(\d{4})年?(?:度)?$/u))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return from < to ? { kind: 'span', fromYear: from, toYear: to } : null;
  }
  return null;
}

/** A requested range of periods, `2017-2024` or `Q1 2022-Q4 2022`: both ends inclusive. */
export interface PeriodRange {
  from: Period;
  to: Period;
}

/** Parse `2019-2023`, `FY2019 to FY2023`, `Q1 2022 - Q4 2022`, `2017-2024年`. */
export function parsePeriodRange(input: string): PeriodRange | null {
  const t = fold(input).trim();
  const parts = t.split(/\s*(?:-|–|—|~|\bto\b|至|到)\s*/u).filter(Boolean);
  if (parts.length !== 2) return null;
  const from = parsePeriod(parts[0]!);
  const to = parsePeriod(parts[1]!.replace(/年度?$/u, ''));
  if (!from || !to || from.kind !== to.kind || from.kind === 'span' || from.kind === 'date') return null;
  return periodSortKey(from) < periodSortKey(to) ? { from, to } : null;
}

/** True when the period lies inside the range and is of the same granularity. */
export function inRange(p: Period, r: PeriodRange): boolean {
  if (p.kind !== r.from.kind) return false;
  const k = periodSortKey(p);
  return k >= periodSortKey(r.from) && k <= periodSortKey(r.to);
}

