import { parsePeriod, type Period } from '../periods.ts';
import { monthNumber, monthsFromJanuary, MONTHS_FROM_JANUARY } from '../facts/period-phrases.ts';

/**
 * The period words of a question that the general period patterns would misread:
 * dates, and words that look like a period but name none. A word that is not a valid
 * period (2024-13-45, Q5, 1e308, 2O24, 9999) is reported so the answer can say it was
 * not understood, rather than being dropped (and the whole series shown) or guessed
 * (2024-13-45 read as FY2024).
 */

/** What the period words of a question say. */
export interface PeriodWords {
  /** A date named, as the period that ends on it (or the date itself). */
  period?: Period;
  /** The first period-like words that name no period, as typed. */
  badPeriod?: string;
  /** Spans of the text taken by these words: blank them before other period patterns run. */
  spans: Array<[number, number]>;
}

/**
 * The period a date answers: the longest reporting period that ends on it (FY on 31
 * December, 9M on 30 September, H1 on 30 June, Q1 on 31 March), else the date itself.
 */
export function periodEndingOn(iso: string): Period | null {
  const date = parsePeriod(iso);
  if (!date || date.kind !== 'date') return null;
  const year = Number(iso.slice(0, 4));
  switch (iso.slice(5)) {
    case '12-31':
      return { kind: 'FY', year };
    case '09-30':
      return { kind: '9M', year };
    case '06-30':
      return { kind: 'H', year, half: 1 };
    case '03-31':
      return { kind: 'Q', year, quarter: 1 };
    default:
      return date;
  }
}

const DATE = /(?:(?:截至|截止到|截止|到)\s?)?(?<![\d.])(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})日?(?![\d.])/gu;
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// "as of June 30, 2024", "at 30 June 2024", "截至2023年6月底": the day a balance is counted.
const EN_DATE = new RegExp(`(?:(?:as of|as at|at|on|by)\\s)?(?:(?:the\\s)?end(?:\\sof\\s|-)${MONTH}|${MONTH}\\s(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s${MONTH}),?\\s((?:19|20)\\d{2})(?![\\d.])`, 'gu');
const ZH_MONTH_END = /(?:(?:截至|截止到|截止|到)\s?)?(?<![\d.])((?:19|20)\d{2})年(\d{1,2})月(?:底|末)/gu;

// "2025年9月季度": the quarter that ends in that month.
// "2025年9月季度", "截至2025年9月底的季度", "截至2025年9月30日止三个月": the quarter ending that month.
const ZH_QUARTER_MONTH = /(?:(?:截至|截止到|截止)\s?)?(?<![\d.])((?:19|20)\d{2})年(\d{1,2})月(?:底|末|\d{1,2}日)?(?:份)?(?:止)?(?:的)?(?:季度?|三个月|3个月)(?![度\d])/gu;
const ENDED_BEFORE = /(?:the\s)?(quarter|three months|3 months|six months|6 months|half[- ]year|year|fiscal year|twelve months|12 months)\s(?:ended|ending|to)\s(?:on\s)?$/u;

function isoOf(year: number, month: number, day: number | null): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day ?? last).padStart(2, '0')}`;
}
// Numbers written as no period is: scientific notation, not-a-number words.
const NOT_A_NUMBER = /(?<![\p{L}\d.])(?:\d+(?:\.\d+)?e[+-]?\d+|nan|-?infinity|inf)(?![\p{L}\d])/gu;
// A year with a letter for a digit: 2O24, 2o2l (O for 0, l or I for 1).
const LETTER_YEAR = /(?<![\p{L}\d])[12](?=[\doil]{3}(?![\p{L}\d]))(?=\d*[oil])[\doil]{3}/gu;
// Quarter and half numbers, with the year they may be attached to.
const QUARTER_WORD = /(?<![\p{L}\d])(?:(?:19|20)\d{2}[\s-]?)?(?:fy)?[qh](\d{1,3})(?:[\s-]?(?:19|20)\d{2})?(?![\p{L}\d])|(?<!\p{L})(?:19|20)\d{2}[qh](\d{1,3})(?![\p{L}\d])/gu;
// Four digits standing alone where a year would be.
const FOUR_DIGITS = /(?<![\d.,$¥€£])\d{4}(?![\d.,%]|\s?(?:million|billion|thousand|mn|bn|亿|億|万|萬|元|yuan|rmb|usd|dollars))/gu;
const PLAIN_YEAR = /(?<![\d.,$¥€£-])(?:19|20)\d{2}(?![\d.,%-])/gu;
/** More separate years than this, not written as a range, are not one question. */
const MAX_LOOSE_YEARS = 2;

/**
 * Read the dates and bad period words of a question. `text` is the folded question with
 * company names (and tickers) already blanked out, so "0700" is not taken for a year.
 */
export function readPeriodWords(text: string): PeriodWords {
  const out: PeriodWords = { spans: [] };
  const taken = (start: number, end: number) => out.spans.some(([s, e]) => start < e && end > s);
  const bad = (word: string, start: number, end: number) => {
    out.spans.push([start, end]);
    out.badPeriod ??= word.trim();
  };
  // "2025年1-9月": the months from January, the period they add up to (never a date), as documents read it.
  for (const m of text.matchAll(MONTHS_FROM_JANUARY)) {
    out.spans.push([m.index!, m.index! + m[0].length]);
    out.period ??= monthsFromJanuary(Number(m[1]), Number(m[2]));
  }
  // A quarter named by its last month or day ("截至2025年9月30日止三个月") before the day alone.
  for (const m of text.matchAll(ZH_QUARTER_MONTH)) {
    const month = Number(m[2]);
    if (month % 3 !== 0 || month > 12) bad(m[0], m.index!, m.index! + m[0].length);
    else {
      out.spans.push([m.index!, m.index! + m[0].length]);
      out.period ??= { kind: 'Q', year: Number(m[1]), quarter: (month / 3) as 1 | 2 | 3 | 4 };
    }
  }
  for (const m of text.matchAll(DATE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    const period = periodEndingOn(iso);
    if (!period) bad(m[0], start, end);
    else {
      out.spans.push([start, end]);
      out.period ??= period;
    }
  }
  const dated = (start: number, end: number, iso: string, word: string) => {
    if (taken(start, end)) return;
    const period = periodEndingOn(iso);
    if (!period) bad(word, start, end);
    else {
      out.spans.push([start, end]);
      out.period ??= period;
    }
  };
  for (const m of text.matchAll(EN_DATE)) {
    const month = monthNumber(m[1] ?? m[2] ?? m[5]!);
    const day = m[3] ?? m[4];
    const iso = isoOf(Number(m[6]), month, day ? Number(day) : null);
    // "the quarter ended September 30, 2025" is that quarter, not the nine months to that day.
    const lead = text.slice(Math.max(0, m.index! - 32), m.index!).match(ENDED_BEFORE);
    if (lead && !taken(m.index!, m.index! + m[0].length) && parsePeriod(iso)) {
      const year = Number(m[6]);
      const span = /quarter|three|3/u.test(lead[1]!) ? { kind: 'Q', year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 } : /six|6|half/u.test(lead[1]!) ? { kind: 'H', year, half: month <= 6 ? 1 : 2 } : { kind: 'FY', year };
      const start = m.index! - lead[0].length;
      out.spans.push([start, m.index! + m[0].length]);
      out.period ??= span as Period;
      continue;
    }
    dated(m.index!, m.index! + m[0].length, iso, m[0]);
  }
  for (const m of text.matchAll(ZH_MONTH_END)) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) dated(m.index!, m.index! + m[0].length, isoOf(Number(m[1]), month, null), m[0]);
    else bad(m[0], m.index!, m.index! + m[0].length);
  }
  for (const re of [NOT_A_NUMBER, LETTER_YEAR]) {
    for (const m of text.matchAll(re)) if (!taken(m.index!, m.index! + m[0].length)) bad(m[0], m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(QUARTER_WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const kind = /[q]\d/u.test(m[0]) ? 'q' : 'h';
    const n = Number(m[1] ?? m[2]);
    if ((kind === 'q' && n >= 1 && n <= 4) || (kind === 'h' && n >= 1 && n <= 2)) continue;
    bad(m[0], start, end);
  }
  for (const m of text.matchAll(FOUR_DIGITS)) {
    const start = m.index!;
    const end = start + 4;
    if (taken(start, end)) continue;
    const year = Number(m[0]);
    if (year < 1900 || year > 2099) bad(m[0], start, end);
  }
  // Many loose years ("2000 2001 … 2047") are not a question about one period or a span.
  const years = new Set<string>();
  let first = -1;
  let last = -1;
  for (const m of text.matchAll(PLAIN_YEAR)) {
    if (taken(m.index!, m.index! + 4)) continue;
    years.add(m[0]);
    if (first < 0) first = m.index!;
    last = m.index! + 4;
  }
  if (years.size > MAX_LOOSE_YEARS) {
    const sorted = [...years].sort();
    bad(`${sorted[0]} … ${sorted.at(-1)} (${years.size} years)`, first, last);
  }
  return out;
}
