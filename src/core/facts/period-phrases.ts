import { addDays, format } from 'date-fns';
import { parseIsoDate, periodClosedBy, periodEnd, periodLabel, previousPeriod, previousYear, type Period } from '../periods.ts';

/**
 * Period phrases in folded document text, resolved against what the document says
 * about itself: its publication date ("this year", "last year") and its reporting
 * period ("this quarter", "last quarter"). Phrases that depend on the figure they
 * go with ("the same period last year") stay relative until the figure is known.
 */

/** What a period phrase refers to. */
export type PeriodRef =
  | { type: 'abs'; period: Period; yearInferred: boolean; point: boolean }
  | { type: 'same-period-prior-year' }
  | { type: 'same-period-of-year'; year: number }
  | { type: 'span'; fromYear: number; toYear: number; last?: Period }
  | { type: 'undated' };

/** A period phrase found in a sentence. */
export interface PeriodToken {
  start: number;
  end: number;
  ref: PeriodRef;
  /** "since Q2 of last year", "compared with last quarter": a reference point, never the period of the sentence. */
  since: boolean;
  text: string;
}

/** What the document tells about time. */
export interface TimeContext {
  /** The document's reporting period. */
  docPeriod: Period | null;
  /** "Now" for the document: publication date, else the day after its reporting period. */
  now: Date | null;
  /** Year for phrases without one ("the first half", "Q4"). */
  contextYear: number | null;
  /** The document speaks of "this quarter" (a call or release): "last quarter" is the one before. */
  speaksOfThisQuarter?: boolean;
  /** The company's fiscal year end, MM-DD, when not 31 December. */
  fiscalYearEnd?: string;
}

/** "this quarter", "本季": the document reports its quarter in the present. */
export const THIS_QUARTER = /\b(?:this|the current) quarter\b|本季|当季|本季度/u;

/** "Now" of a document. */
export function documentNow(published: string | null, docPeriod: Period | null): Date | null {
  if (published) return parseIsoDate(published);
  if (docPeriod) return addDays(periodEnd(docPeriod), 1);
  return null;
}

const ORD: Record<string, 1 | 2 | 3 | 4> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};
/** Month names and their short forms, as written in English text. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** The number of a month named in English ("June", "Sept.", "dec"), or 0. */
export function monthNumber(word: string): number {
  return MONTHS[word.replace(/\.$/u, '')] ?? MONTHS[word.slice(0, 3)] ?? 0;
}

const Y = '((?:19|20)\\d{2})';

/** "2030年1-9月", "1至6月": months from January, as the period they add up to (questions read it too). */
export const MONTHS_FROM_JANUARY = /(?<![\d.])((?:19|20)\d{2})\s?年\s?1\s?(?:-|–|—|~|至|到)\s?(3|6|9|12)\s?月(?:份)?/gu;

const ORDW = '(first|second|third|fourth|1st|2nd|3rd|4th)';
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';

type Builder = (m: RegExpMatchArray, ctx: TimeContext) => PeriodRef | null;

const q = (year: number, quarter: 1 | 2 | 3 | 4, yearInferred = false): PeriodRef => ({ type: 'abs', period: { kind: 'Q', year, quarter }, yearInferred, point: false });
const h = (year: number, half: 1 | 2, yearInferred = false): PeriodRef => ({ type: 'abs', period: { kind: 'H', year, half }, yearInferred, point: false });
const fy = (year: number, yearInferred = false): PeriodRef => ({ type: 'abs', period: { kind: 'FY', year }, yearInferred, point: false });

function pointAt(iso: string): PeriodRef {
  const closed = periodClosedBy(iso);
  return { type: 'abs', period: closed ?? { kind: 'date', date: iso }, yearInferred: false, point: true };
}
function yearEnd(year: number): PeriodRef {
  return { type: 'abs', period: { kind: 'FY', year }, yearInferred: false, point: true };
}
function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(year, month - 1, day);
  return d.getMonth() === month - 1 ? format(d, 'yyyy-MM-dd') : null;
}
function monthEnd(year: number, month: number): string {
  return format(new Date(year, month, 0), 'yyyy-MM-dd');
}
const nowYear = (ctx: TimeContext) => ctx.now?.getFullYear() ?? null;
const ctxYear = (ctx: TimeContext) => ctx.contextYear ?? (ctx.docPeriod && ctx.docPeriod.kind !== 'date' && ctx.docPeriod.kind !== 'span' ? ctx.docPeriod.year : nowYear(ctx));

// Most specific first: the scanner takes the earliest, longest match at each position.
const RULES: Array<[RegExp, Builder]> = [
  // Spans: "from 2019 to 2023", "2017-2024年度", "2018年至2024年", "(2018-2022)"
  [new RegExp(`(?:from|between) (?:fy\\s?)?${Y} (?:to|and|through) (?:fy\\s?)?${Y}`, 'u'), (m) => span(+m[1]!, +m[2]!)],
  // "2022年至2025年上半年": whole years, then part of the last one.
  [new RegExp(`${Y}\\s?年?\\s?(?:-|–|—|~|至|到|to)\\s?${Y}\\s?年?\\s?(?:(上|下)半年|前三季度?|第?([一二三四])季度?)`, 'u'), (m) => partialSpan(+m[1]!, +m[2]!, m[3] ? { kind: 'H', year: +m[2]!, half: m[3] === '上' ? 1 : 2 } : m[4] ? { kind: 'Q', year: +m[2]!, quarter: ORD[m[4]]! as 1 | 2 | 3 | 4 } : { kind: '9M', year: +m[2]! })],
  [new RegExp(`${Y}\\s?年?\\s?(?:-|–|—|~|至|到|to)\\s?${Y}\\s?年?度?`, 'u'), (m) => span(+m[1]!, +m[2]!)],
  // Points in time
  [new RegExp(`(?:as of |as at |on )?${MONTH} (\\d{1,2}),? ${Y}`, 'u'), (m) => dateRef(+m[3]!, MONTHS[m[1]!]!, +m[2]!)],
  [new RegExp(`(?:as of |as at |by |at )?(?:the )?(?:end of |year-end of |year end of )(?:fy\\s?|fiscal (?:year )?)?${Y}`, 'u'), (m) => yearEnd(+m[1]!)],
  [new RegExp(`(?:by |at )?${MONTH} end,? ${Y}`, 'u'), (m) => endOfMonthRef(+m[2]!, MONTHS[m[1]!]!)],
  [new RegExp(`(?:by |at )?(?:the )?end of ${MONTH},? ${Y}`, 'u'), (m) => endOfMonthRef(+m[2]!, MONTHS[m[1]!]!)],
  // "截至2025年6月30日止中期", "截至今年6月30日止六个月": the period that ends on that day.
  [new RegExp(`(?:截至|截止)?(${Y.slice(1, -1)}|今年|去年|本年)年?(\\d{1,2})月(\\d{1,2})日止(中期|半年度?|六个月|6个月|九个月|9个月|三个月|3个月|年度|十二个月|12个月)`, 'u'), (m, c) => endingPeriod(m[1]!, +m[2]!, +m[3]!, m[4]!, c)],
  [/(?:截至|截止|截止到|到)?(今年|去年|本年)(\d{1,2})月(\d{1,2})日/u, (m, c) => relYear(c, m[1] === '去年' ? 'last' : 'this', (y) => dateRef(y, +m[2]!, +m[3]!) ?? fy(y))],
  // "截至今年6月底", "较去年底": a balance counted at a month's or the year's end.
  [/(?:截至|截止|截止到|到)?(今年|去年|本年)(\d{1,2})月(?:底|末)/u, (m, c) => relYear(c, m[1] === '去年' ? 'last' : 'this', (y) => endOfMonthRef(y, +m[2]!) ?? fy(y))],
  [/(?:截至|截止|截止到|到)?(今年|去年|本年|上年)(?:年)?(?:底|末)/u, (m, c) => relYear(c, m[1] === '去年' || m[1] === '上年' ? 'last' : 'this', (y) => yearEnd(y))],
  [new RegExp(`(?:截至|截止|截止到|到)?${Y}年(\\d{1,2})月(\\d{1,2})日`, 'u'), (m) => dateRef(+m[1]!, +m[2]!, +m[3]!)],
  [new RegExp(`(?:截至|截止|截止到|到)?${Y}年(\\d{1,2})月(?:底|末)`, 'u'), (m) => endOfMonthRef(+m[1]!, +m[2]!)],
  [new RegExp(`(?:截至|截止|截止到|到)?${Y}年(?:底|末|年底|年末)`, 'u'), (m) => yearEnd(+m[1]!)],
  // Quarters with a year
  [new RegExp(`(?:the )?${ORDW} quarter (?:of |in )?(?:fiscal (?:year )?|fy\\s?)?${Y}`, 'u'), (m) => q(+m[2]!, ORD[m[1]!]!)],
  [new RegExp(`\\bq([1-4])(?: of|,)?\\s?(?:fy\\s?)?${Y}`, 'u'), (m) => q(+m[2]!, ORD[m[1]!]!)],
  [new RegExp(`\\b([1-4])q\\s?'?(\\d{2})\\b`, 'u'), (m) => q(2000 + +m[2]!, ORD[m[1]!]!)],
  [new RegExp(`${Y}\\s?年?\\s?q([1-4])\\b`, 'u'), (m) => q(+m[1]!, ORD[m[2]!]!)],
  [new RegExp(`${Y}\\s?年\\s?第?([一二三四1-4])季度?`, 'u'), (m) => q(+m[1]!, ORD[m[2]!]!)],
  [new RegExp(`${Y}\\s?年?(?:前三季度|前三季|首三季度?)`, 'u'), (m) => ({ type: 'abs', period: { kind: '9M', year: +m[1]! }, yearInferred: false, point: false })],
  // "2030年三季报显示…": a third-quarter report states the quarter and the nine months alike;
  // which one a figure is of must be said by the figure's own words.
  [new RegExp(`(?:${Y}\\s?年?)?(?:第三季度报告|三季度报告|三季报|三季度报)`, 'u'), () => ({ type: 'undated' })],
  // "今年首三季", "去年前三季度": the first nine months of the year named relatively.
  [/(今年|去年|本年)(?:首|前)三季度?/u, (m, c) => relYear(c, m[1] === '去年' ? 'last' : 'this', (y) => ({ type: 'abs', period: { kind: '9M', year: y }, yearInferred: false, point: false }))],
  // "2030年1-9月", "1至6月": months from January, the period they add up to.
  [new RegExp(MONTHS_FROM_JANUARY.source, 'u'), (m) => abs(monthsFromJanuary(+m[1]!, +m[2]!))],
  [/(今年|去年|本年)\s?1\s?(?:-|–|—|~|至|到)\s?(3|6|9|12)\s?月(?:份)?/u, (m, c) => relYear(c, m[1] === '去年' ? 'last' : 'this', (y) => abs(monthsFromJanuary(y, +m[2]!)))],
  [new RegExp(`(?:the )?first (?:three quarters|nine months) (?:of )?${Y}`, 'u'), (m) => ({ type: 'abs', period: { kind: '9M', year: +m[1]! }, yearInferred: false, point: false })],
  [new RegExp(`(?:the )?nine months ended september 30,? ${Y}`, 'u'), (m) => ({ type: 'abs', period: { kind: '9M', year: +m[1]! }, yearInferred: false, point: false })],
  // "for the six months ended June 30, 2024", "the three months ended March 31, 2025", "the year ended December 31, 2024".
  [new RegExp(`(?:for )?(?:the )?(six|6|three|3|twelve|12) months ended ${MONTH} (\\d{1,2}),? ${Y}`, 'u'), (m, c) => endingPeriod(m[4]!, MONTHS[m[2]!]!, +m[3]!, /six|6/u.test(m[1]!) ? '六个月' : /three|3/u.test(m[1]!) ? '三个月' : '年度', c)],
  [new RegExp(`(?:for )?(?:the )?(?:fiscal )?year ended ${MONTH} (\\d{1,2}),? ${Y}`, 'u'), (m, c) => endingPeriod(m[3]!, MONTHS[m[1]!]!, +m[2]!, '年度', c)],
  // Nine months without a year: the year of the clause, else the document's.
  [/前三季度|前三季|首三季|(?:the )?first (?:three quarters|nine months)\b|(?:the )?nine months ended september 30\b/u, (_m, c) => withYear(c, (y) => ({ type: 'abs', period: { kind: '9M', year: y }, yearInferred: true, point: false }))],
  // Relative quarters
  [new RegExp(`(?:the )?${ORDW} quarter (?:of )?(last|this|the previous|the prior) year`, 'u'), (m, c) => relYear(c, m[2]!, (y) => q(y, ORD[m[1]!]!))],
  [new RegExp(`q([1-4]) (?:of )?(last|this) year`, 'u'), (m, c) => relYear(c, m[2]!, (y) => q(y, ORD[m[1]!]!))],
  [/(去年|今年|上年)第?([一二三四])季度?/u, (m, c) => relYear(c, m[1] === '今年' ? 'this' : 'last', (y) => q(y, ORD[m[2]!]!))],
  [/(?:the )?same (?:period|quarter) (?:of |in )?((?:19|20)\d{2})/u, (m) => ({ type: 'same-period-of-year', year: +m[1]! })],
  [/((?:19|20)\d{2})\s?年同期/u, (m) => ({ type: 'same-period-of-year', year: +m[1]! })],
  [/本季度?末|本季度?底/u, (_m, c) => (c.docPeriod?.kind === 'Q' ? { type: 'abs', period: c.docPeriod, yearInferred: false, point: true } : null)],
  [/(?:the )?same (?:period|quarter|time) (?:of |in )?(?:last year|a year (?:ago|earlier)|the previous year|the prior year|the year before)|去年同期|上年同期/u, () => ({ type: 'same-period-prior-year' })],
  // "from RMB 30.2 million a year ago", "the prior-year quarter": the period a year before the one
  // the sentence reports, not the calendar year before publication.
  [/\b(?:a year (?:ago|earlier|before)|(?:in )?the prior[- ]year (?:quarter|period|half)|(?:in )?the year[- ]ago (?:quarter|period))\b/u, () => ({ type: 'same-period-prior-year' })],
  [/\b(?:this|the current|the) quarter\b|本季度|本季|当季|单季/u, (_m, c) => (c.docPeriod?.kind === 'Q' ? { type: 'abs', period: c.docPeriod, yearInferred: false, point: false } : null)],
  [/\b(?:last|previous|prior|the previous|the prior|the last) quarter\b|上一季度|上一季|上季度|上季/u, (_m, c) => lastQuarter(c)],
  [new RegExp(`(?:the )?${ORDW} quarter\\b`, 'u'), (m, c) => withYear(c, (y) => q(y, ORD[m[1]!]!, true))],
  [/\bq([1-4])\b/u, (m, c) => withYear(c, (y) => q(y, ORD[m[1]!]!, true))],
  [/第([一二三四])季度?/u, (m, c) => withYear(c, (y) => q(y, ORD[m[1]!]!, true))],
  // "二季度实现收入15.3亿元", "四季度": a quarter named without 第.
  [/(?<![第前首后近两三四五六七八九十\d])([一二三四])季度/u, (m, c) => withYear(c, (y) => q(y, ORD[m[1]!]!, true))],
  // "Q2'24", "H1'24", "1H 2025", "the June quarter of 2024", "the September 2024 quarter".
  [/\bq([1-4])\s?'(\d{2})\b/u, (m) => q(2000 + +m[2]!, +m[1]! as 1 | 2 | 3 | 4)],
  [/\bh([12])\s?'(\d{2})\b/u, (m) => h(2000 + +m[2]!, +m[1]! as 1 | 2)],
  [new RegExp(`\\b([12])h\\s?(?:fy\\s?)?${Y}`, 'u'), (m) => h(+m[2]!, +m[1]! as 1 | 2)],
  [new RegExp(`(?:the )?(march|june|september|december) quarter (?:of )?(?:fiscal (?:year )?)?${Y}|(?:the )?(march|june|september|december),? ${Y} quarter`, 'u'), (m) => q(+(m[2] ?? m[4])!, ({ march: 1, june: 2, september: 3, december: 4 } as const)[(m[1] ?? m[3]) as 'march']!)],
  // "YTD 2025", "year-to-date": part of a year, never the year.
  [new RegExp(`\\b(?:ytd|year[- ]to[- ]date)\\s?(?:of\\s)?${Y}?`, 'u'), () => ({ type: 'undated' })],
  // Halves
  [new RegExp(`(?:the )?(first|second) half (?:of )?(?:fiscal (?:year )?)?${Y}`, 'u'), (m) => h(+m[2]!, m[1] === 'first' ? 1 : 2)],
  [new RegExp(`\\bh([12])\\s?(?:fy\\s?)?${Y}`, 'u'), (m) => h(+m[2]!, +m[1]! as 1 | 2)],
  [new RegExp(`\\b([12])h\\s?'?(\\d{2})\\b`, 'u'), (m) => h(2000 + +m[2]!, +m[1]! as 1 | 2)],
  [new RegExp(`${Y}\\s?h([12])\\b`, 'u'), (m) => h(+m[1]!, +m[2]! as 1 | 2)],
  [new RegExp(`${Y}\\s?年?\\s?(上|下)半年度?`, 'u'), (m) => h(+m[1]!, m[2] === '上' ? 1 : 2)],
  [new RegExp(`${Y} (?:half-year|half year|interim|semi-annual|semiannual) (?:report|results)`, 'u'), (m) => h(+m[1]!, 1)],
  // "released its semi-annual report for 2024": the half the report covers, never the year.
  [new RegExp(`(?:half-year|half year|interim|semi-annual|semiannual) (?:report|results) (?:for|of) (?:fiscal (?:year )?)?${Y}`, 'u'), (m) => h(+m[1]!, 1)],
  [new RegExp(`${Y}\\s?年?(?:半年报|半年度报告|中报|中期报告)`, 'u'), (m) => h(+m[1]!, 1)],
  [/(?:the )?(first|second) half (?:of )?(this|last) year/u, (m, c) => relYear(c, m[2]!, (y) => h(y, m[1] === 'first' ? 1 : 2))],
  [/(今年|去年|本年)(上|下)半年/u, (m, c) => relYear(c, m[1] === '去年' ? 'last' : 'this', (y) => h(y, m[2] === '上' ? 1 : 2))],
  [/(?:the )?(first|second) half\b/u, (m, c) => withYear(c, (y) => h(y, m[1] === 'first' ? 1 : 2, true))],
  [/(上|下)半年/u, (m, c) => withYear(c, (y) => h(y, m[1] === '上' ? 1 : 2, true))],
  // Years
  [new RegExp(`${Y}\\s?(?:annual report|年报|年度报告)`, 'u'), (m) => fy(+m[1]!)],
  // "for the full year 2017": the year written after it (longer than "for the full year" alone).
  [new RegExp(`(?:for )?(?:the )?full[- ]year (?:of )?(?:fiscal (?:year )?)?${Y}`, 'u'), (m) => fy(+m[1]!)],
  // "its annual report for 2024": the year the report covers.
  [new RegExp(`annual (?:report|results) (?:for|of) (?:fiscal (?:year )?)?${Y}`, 'u'), (m) => fy(+m[1]!)],
  [new RegExp(`${Y}\\s?(?:full[- ]year|fiscal year)`, 'u'), (m) => fy(+m[1]!)],
  [new RegExp(`${Y}\\s?年?全年`, 'u'), (m) => fy(+m[1]!)],
  // "全年营收81亿元", "for the full year": the year the clause is about.
  [/全年|(?:for )?the full year\b|\bfull[- ]year\b/u, (_m, c) => withYear(c, (y) => fy(y, true))],
  [new RegExp(`(?:fy|fiscal year|fiscal)\\s?${Y}`, 'u'), (m) => fy(+m[1]!)],
  [/\bfy\s?'?(\d{2})\b/u, (m) => fy(2000 + +m[1]!)],
  // An analyst's estimate year: "FY30E", "2030E", "30E" (the figure is a forecast, sentence-view.ts).
  [new RegExp(`\\b(?:fy\\s?'?(\\d{2})|${Y}|(\\d{2}))e\\b`, 'u'), (m) => fy(m[2] ? +m[2] : 2000 + +(m[1] ?? m[3])!)],
  [new RegExp(`${Y}\\s?(?:年度|财年|年)`, 'u'), (m) => fy(+m[1]!)],
  // "累计今年6个月", "the first six months of this year": part of a year, not the year.
  [/(?:累计)?(?:今年|本年度?|年内)(?:首|前)?\d{1,2}个月|(?:首|前)\d{1,2}个月|\bthe first (?:six|three|\d{1,2}) months(?: of (?:this|the) year)?\b/u, () => ({ type: 'undated' })],
  [/\b(?:this year|the current year)\b|今年|本年度?/u, (_m, c) => (nowYear(c) ? fy(nowYear(c)!) : null)],
  [/\b(?:last year|the previous year|the prior year|a year ago)\b|去年|上年/u, (_m, c) => (nowYear(c) ? fy(nowYear(c)! - 1) : null)],
  [/\b(?:at one point|once|at its peak|at the peak|historically|every year|each year|per year|annually|every quarter|each quarter)\b|曾经|一度|最高时|每年|每季度?/u, () => ({ type: 'undated' })],
  // A month names when something happened, not a reporting period.
  [new RegExp(`(?:in )?${MONTH},? ${Y}`, 'u'), () => ({ type: 'undated' })],
  [new RegExp(`${Y}\\s?年\\s?(\\d{1,2})\\s?月(?![底末\\d])`, 'u'), () => ({ type: 'undated' })],
  // "股份代号:2013", "stock code 2013": a listing code, not a year.
  [/(?<=(?:股份代号|股票代码|股份代码|代号|代码|stock code|ticker|hkex|sehk)\s?[:：]?\s?)\d{4}(?!\d)/u, () => ({ type: 'undated' })],
  [new RegExp(`(?<![\\d.,$])${Y}(?![\\d%.,]\\d|\\d|\\s?(?:million|billion|亿|万|%|人|名))`, 'u'), (m) => fy(+m[1]!)],
];

/**
 * "Last quarter": in a call or release that speaks of "this quarter", the quarter before the
 * one reported; in a news story written after the quarter closed ("泽塔上季收入…"), the
 * quarter reported, the last one closed when the story was published.
 */
function lastQuarter(c: TimeContext): PeriodRef | null {
  if (c.docPeriod?.kind !== 'Q') return null;
  const closedLast = c.now ? periodLabel(previousPeriod(quarterOf(c.now))) === periodLabel(c.docPeriod) : false;
  if (!c.speaksOfThisQuarter && closedLast) {
    return { type: 'abs', period: c.docPeriod, yearInferred: false, point: false };
  }
  return { type: 'abs', period: previousPeriod(c.docPeriod), yearInferred: false, point: false };
}

/** The period January to `lastMonth` adds up to: Q1, H1, the nine months or the year. */
export function monthsFromJanuary(year: number, lastMonth: number): Period {
  return lastMonth === 3 ? { kind: 'Q', year, quarter: 1 } : lastMonth === 6 ? { kind: 'H', year, half: 1 } : lastMonth === 9 ? { kind: '9M', year } : { kind: 'FY', year };
}

function abs(period: Period): PeriodRef {
  return { type: 'abs', period, yearInferred: false, point: false };
}

function quarterOf(d: Date): Extract<Period, { kind: 'Q' }> {
  return { kind: 'Q', year: d.getFullYear(), quarter: (Math.floor(d.getMonth() / 3) + 1) as 1 | 2 | 3 | 4 };
}

function endingPeriod(yearWord: string, month: number, day: number, length: string, c: TimeContext): PeriodRef | null {
  const year = /^\d/u.test(yearWord) ? +yearWord : nowYear(c) === null ? null : nowYear(c)! - (yearWord === '去年' ? 1 : 0);
  if (year === null || !isoDate(year, month, day)) return null;
  const months = /中期|半年|六|6/u.test(length) ? 6 : /九|9/u.test(length) ? 9 : /三|3/u.test(length) ? 3 : 12;
  const quarterEnd = month % 3 === 0 && monthEnd(year, month).endsWith(String(day).padStart(2, '0'));
  if (!quarterEnd) return null;
  // "the fiscal year ended March 31, 2025": the company's FY2025, named by the year it ends in.
  if (months === 12 && c.fiscalYearEnd === `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`) return fy(year);
  if (months === 6 && month === 6) return h(year, 1);
  if (months === 6 && month === 12) return h(year, 2);
  if (months === 9 && month === 9) return { type: 'abs', period: { kind: '9M', year }, yearInferred: false, point: false };
  if (months === 3) return q(year, (month / 3) as 1 | 2 | 3 | 4);
  if (months === 12 && month === 12) return fy(year);
  return null;
}

function partialSpan(from: number, to: number, last: Period): PeriodRef | null {
  return from < to && to - from <= 30 ? { type: 'span', fromYear: from, toYear: to, last } : null;
}
function span(from: number, to: number): PeriodRef | null {
  return from < to && to - from <= 30 ? { type: 'span', fromYear: from, toYear: to } : null;
}
function dateRef(year: number, month: number, day: number): PeriodRef | null {
  const iso = isoDate(year, month, day);
  return iso ? pointAt(iso) : null;
}
function endOfMonthRef(year: number, month: number): PeriodRef | null {
  return month >= 1 && month <= 12 ? pointAt(monthEnd(year, month)) : null;
}
function relYear(c: TimeContext, which: string, make: (year: number) => PeriodRef): PeriodRef | null {
  const y = nowYear(c);
  if (y === null) return null;
  return make(which === 'this' ? y : y - 1);
}
function withYear(c: TimeContext, make: (year: number) => PeriodRef): PeriodRef | null {
  const y = ctxYear(c);
  return y === null ? null : make(y);
}

// "去年下半年开启新战略,…收入18.16亿元", "in 2023 the company launched…": the time of an event,
// not the period of the figures the sentence goes on to give.
const EVENT_AFTER = /^\s?(?:(?:the company|it|we|集团|公司)\s?)?(?:开启|推出|发布|成立|宣布|启动|上市|创立|launched|started|announced|introduced|began|unveiled|founded|listed)/u;
const SINCE = /(?:since|starting from|starting in|beginning in|compared (?:to|with)|versus|vs\.?|than|relative to|from|against|自|较|与|相比|比)\s?(?:the\s)?$/u;
const STICKY: Array<[RegExp, Builder]> = RULES.map(([re, build]) => [new RegExp(re.source, 'uy'), build]);
// Where a period phrase can begin: a word start, a digit run start, or one of these Han characters.
const HAN_STARTS = new Set('截至到去今上本当单第前曾一二三四自每全'.split(''));

/**
 * All period phrases of a folded sentence, left to right, without overlaps. A phrase
 * that cannot be resolved (a relative phrase in an undated document) is still returned
 * as `undated` so its words are not read as numbers.
 */
export function findPeriods(folded: string, ctx: TimeContext): PeriodToken[] {
  const found: PeriodToken[] = [];
  let i = 0;
  while (i < folded.length) {
    const ch = folded[i]!;
    const prev = i > 0 ? folded[i - 1]! : ' ';
    const latinStart = /[a-z0-9]/u.test(ch) && !/[a-z0-9.,$]/u.test(prev);
    if (!latinStart && !HAN_STARTS.has(ch) && !/(?:19|20)/u.test(folded.slice(i, i + 2))) {
      i += 1;
      continue;
    }
    let best: { start: number; end: number; ref: PeriodRef | null } | null = null;
    for (const [sticky, build] of STICKY) {
      sticky.lastIndex = i;
      const m = sticky.exec(folded);
      if (!m || m[0].length === 0) continue;
      // Latin phrases need a word boundary before them.
      if (/^[a-z0-9]/u.test(m[0]) && i > 0 && /[a-z0-9]/u.test(prev)) continue;
      if (!best || m[0].length > best.end - best.start) best = { start: i, end: i + m[0].length, ref: build(m, ctx) };
    }
    if (best) {
      const ref = best.ref ?? { type: 'undated' as const };
      const since = SINCE.test(folded.slice(Math.max(0, best.start - 16), best.start)) || EVENT_AFTER.test(folded.slice(best.end, best.end + 16));
      found.push({ start: best.start, end: best.end, ref, since, text: folded.slice(best.start, best.end) });
      i = best.end;
    } else {
      i += 1;
    }
  }
  return found;
}

/** Resolve a relative reference against the period of the figure it is compared with. */
export function resolveRelative(ref: PeriodRef, base: Period | null): Period | null {
  switch (ref.type) {
    case 'abs':
      return ref.period;
    case 'same-period-prior-year':
      return base ? previousYear(base) : null;
    case 'same-period-of-year':
      return base && base.kind !== 'date' && base.kind !== 'span' ? ({ ...base, year: ref.year } as Period) : null;
    case 'span':
      // A span ending in part of a year is no period of its own ("累计" over it is not 2022-2025).
      return ref.last ? null : { kind: 'span', fromYear: ref.fromYear, toYear: ref.toYear };
    case 'undated':
      return null;
  }
}
