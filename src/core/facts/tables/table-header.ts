import { fold } from '../../text/fold.ts';
import { parsePeriod, periodEndIso, periodLabel, periodSortKey, previousPeriod, previousYear, type Period } from '../../periods.ts';
import { findPeriods, monthNumber, type TimeContext } from '../period-phrases.ts';
import type { CompanyMention, CompanyRegistry } from '../../companies/registry.ts';
import type { Company } from '../../companies/registry.ts';
import { readUnits, type UnitNote } from './table-units.ts';
import { TABLE_WORDS } from './table-vocabulary.ts';

/**
 * What a column header says: the period of its figures (with the one period grammar of
 * src/core/facts/period-phrases.ts and src/core/periods.ts), whether they are forecasts,
 * whether the column holds changes instead of levels, and its units. A header with any
 * word left unexplained gives no period: its column is not read.
 */

/** A column as its header reads. */
export type ColumnInfo =
  | { kind: 'period'; period: Period; forecast: boolean; point: boolean; units: UnitNote; company: Company | null }
  | { kind: 'change'; basis: 'yoy' | 'qoq' | 'hoh' | null; period: Period | null; forecast: boolean; units: UnitNote; company: Company | null }
  | { kind: 'other' };

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';

/** Header wordings the grammar reads in another order, rewritten to the order it knows. */
function normalise(t: string): string {
  return (
    t
      // "30 June 2024" -> "june 30, 2024"
      .replace(new RegExp(`\\b(\\d{1,2})\\s(${MONTHS})\\.?,?\\s((?:19|20)\\d{2})\\b`, 'gu'), '$2 $1, $3')
      // "2024年1-6月" -> "2024年上半年"; 1-3 a first quarter, 1-9 nine months, 1-12 the year.
      .replace(/((?:19|20)\d{2})\s?年\s?1\s?(?:-|~|至|到)\s?(3|6|9|12)\s?月(?:份)?/gu, (_m, y: string, to: string) => `${y}年${to === '3' ? '第一季度' : to === '6' ? '上半年' : to === '9' ? '前三季度' : '度'}`)
      // "2023A" (actual) is the year.
      .replace(/\b((?:fy\s?)?(?:19|20)?\d{2})a\b/gu, '$1')
  );
}

// "2025E", "FY25F", "2025年E": the year of a forecast column.
const FORECAST_SUFFIX = /((?:19|20)\d{2}|\bfy\s?'?\d{2}|[1-4]q\s?'?\d{2}|\bq[1-4]\s?'?\d{2,4}|[12]h\s?'?\d{2}|\bh[12]\s?'?\d{2,4})\s?年?\s?[ef]\b/gu;

function blank(text: string, spans: ReadonlyArray<[number, number]>): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

function blankAll(text: string, re: RegExp): { text: string; found: boolean } {
  let found = false;
  const out = text.replace(re, (m) => {
    found = true;
    return ' '.repeat(m.length);
  });
  return { text: out, found };
}

/** Nothing but spaces, punctuation and separators left. */
const EMPTY = /^[\s()（）[\]【】:：,，.。/\\|*'"-]*$/u;

/** Read one column header (the header cells of the column, top to bottom, joined). */
export function readColumn(text: string, time: TimeContext, registry: CompanyRegistry, reportPeriod: Period | null = null): ColumnInfo {
  let t = normalise(fold(text).trim());
  if (!t) return { kind: 'other' };
  const units = readUnits(t);
  if (units.conflict) return { kind: 'other' };
  t = blank(t, units.spans);
  // A column may name a company ("Acme 2024"): its figures are that company's.
  const mentions: CompanyMention[] = registry.mentionsInFolded(t);
  const companies = new Set(mentions.map((m) => m.company.id));
  if (companies.size > 1) return { kind: 'other' };
  const company = mentions[0]?.company ?? null;
  t = blank(t, mentions.map((m) => [m.start, m.end]));
  let forecast = false;
  t = t.replace(FORECAST_SUFFIX, (_m, p: string) => {
    forecast = true;
    return p;
  });
  const fc = blankAll(t, TABLE_WORDS.forecast);
  t = fc.text;
  forecast ||= fc.found;
  const yoy = blankAll(t, TABLE_WORDS.changeYoy);
  const qoq = blankAll(yoy.text, TABLE_WORDS.changeQoq);
  const any = blankAll(qoq.text, TABLE_WORDS.changeAny);
  t = any.text;
  if (yoy.found || qoq.found || any.found) {
    if (yoy.found && qoq.found) return { kind: 'other' };
    // A change column may repeat the period it compares ("2024 vs 2023"): it is taken from the level columns.
    const rest = blankAll(t, TABLE_WORDS.relativeColumn).text.replace(/(?:19|20)\d{2}\s?年?|\bvs\.?\b|\bversus\b|\bover\b|较|对比|比/gu, ' ');
    if (!EMPTY.test(blankAll(rest, TABLE_WORDS.plainColumn).text)) return { kind: 'other' };
    return { kind: 'change', basis: yoy.found ? 'yoy' : qoq.found ? 'qoq' : null, period: null, forecast, units, company };
  }
  const period = periodOf(t, time) ?? ownPeriod(t, reportPeriod);
  if (!period) return { kind: 'other' };
  return { kind: 'period', period: period.period, point: period.point, forecast, units, company };
}

const YEARLESS_ENDED = /\b(?:(six|6|three|3|nine|9|twelve|12) months|(?:fiscal )?year) ended (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b/gu;
const KIND_OF_LENGTH: Record<string, Period['kind']> = { six: 'H', '6': 'H', three: 'Q', '3': 'Q', nine: '9M', '9': '9M', twelve: 'FY', '12': 'FY' };

/**
 * "Six months ended June 30" over "H1 2024" (a merged header): the words without a year that
 * say the same period as the one with it. Spans to blank; none when they say another.
 */
function agreeingEnding(t: string, period: Period): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of t.matchAll(YEARLESS_ENDED)) {
    const kind = m[1] ? KIND_OF_LENGTH[m[1]] : 'FY';
    const end = periodEndIso(period).slice(5);
    const said = `${String(monthNumber(m[2]!)).padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (kind === period.kind && end === said) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

/** "本报告期", "上年同期": the document's stated reporting period, or the same period a year before. */
function ownPeriod(t: string, reportPeriod: Period | null): { period: Period; point: boolean } | null {
  if (!reportPeriod || reportPeriod.kind === 'span' || reportPeriod.kind === 'date') return null;
  const plain = blankAll(t, TABLE_WORDS.plainColumn).text.trim();
  if (TABLE_WORDS.currentColumn.test(plain)) return { period: reportPeriod, point: false };
  if (TABLE_WORDS.priorYearColumn.test(plain)) return { period: previousYear(reportPeriod), point: false };
  return null;
}

function periodOf(t: string, time: TimeContext): { period: Period; point: boolean } | null {
  const plain = blankAll(t, TABLE_WORDS.plainColumn).text;
  const whole = parsePeriod(plain.replace(/[()（）]/gu, ' ').trim());
  if (whole && whole.kind !== 'span' && whole.kind !== 'date') return { period: whole, point: false };
  const found = findPeriods(t, time);
  if (found.length !== 1) return null;
  const p = found[0]!;
  // "Q4", "this year", "上半年": a header that leaves the year to be guessed is not read.
  if (p.ref.type !== 'abs' || p.since || p.ref.yearInferred || !/\d{2}/u.test(p.text)) return null;
  if (p.ref.period.kind === 'span' || p.ref.period.kind === 'date') return null;
  const rest = blankAll(blank(blank(t, [[p.start, p.end]]), agreeingEnding(t, p.ref.period)), TABLE_WORDS.plainColumn).text;
  if (!EMPTY.test(rest)) return null;
  return { period: p.ref.period, point: p.ref.point };
}

/**
 * The period and basis of each change column. The change compares a period with the one
 * its basis names, and both must be columns of the table: first among the level columns
 * since the previous change column ("| H1 30 | H1 29 | 同比 |"), else among all level
 * columns before it ("| Q2 | Q2 a year ago | YoY | Q1 | QoQ |"). A basis the header does not
 * name is read from which of the two is there.
 */
export function resolveChangeColumns(columns: ColumnInfo[]): void {
  let groupStart = 0;
  columns.forEach((c, i) => {
    if (c.kind !== 'change') return;
    const levels = (from: number) => columns.slice(from, i).filter((x): x is PeriodColumn => x.kind === 'period' && !x.point);
    const resolved = changeOver(c, levels(groupStart)) ?? changeOver(c, levels(0));
    groupStart = i + 1;
    columns[i] = resolved ?? { kind: 'other' };
  });
}

type PeriodColumn = Extract<ColumnInfo, { kind: 'period' }>;
type ChangeColumn = Extract<ColumnInfo, { kind: 'change' }>;

function changeOver(c: ChangeColumn, levels: PeriodColumn[]): ChangeColumn | null {
  if (levels.length < 2) return null;
  const latest = Math.max(...levels.map((x) => periodSortKey(x.period)));
  const tops = levels.filter((x) => periodSortKey(x.period) === latest);
  if (tops.length !== 1) return null;
  const current = tops[0]!;
  const has = (p: Period) => levels.some((x) => x !== current && periodLabel(x.period) === periodLabel(p) && x.company?.id === current.company?.id);
  const sequential: 'qoq' | 'hoh' | null = current.period.kind === 'Q' ? 'qoq' : current.period.kind === 'H' ? 'hoh' : null;
  let basis: ChangeColumn['basis'] = null;
  if (c.basis === 'yoy') basis = has(previousYear(current.period)) ? 'yoy' : null;
  else if (c.basis === 'qoq' || c.basis === 'hoh') basis = sequential && has(previousPeriod(current.period)) ? sequential : null;
  else if (has(previousYear(current.period))) basis = 'yoy';
  else if (sequential && has(previousPeriod(current.period))) basis = sequential;
  if (!basis) return null;
  return { ...c, basis, period: current.period, forecast: c.forecast || current.forecast, company: c.company ?? current.company };
}

/**
 * Level columns with the same period, units and company twice are in doubt: which one is
 * meant is not said (a restated and an original column, two currencies unnamed).
 */
export function dropDuplicateColumns(columns: ColumnInfo[]): void {
  const key = (c: ColumnInfo) => (c.kind === 'period' ? `${periodLabel(c.period)}|${c.forecast}|${c.units.currency ?? ''}|${c.units.scale ?? ''}|${c.company?.id ?? ''}` : null);
  const counts = new Map<string, number>();
  for (const c of columns) {
    const k = key(c);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  columns.forEach((c, i) => {
    const k = key(c);
    if (k && (counts.get(k) ?? 0) > 1) columns[i] = { kind: 'other' };
  });
}
