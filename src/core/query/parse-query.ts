import type { Company, CompanyMention, CompanyRegistry } from '../companies/registry.ts';
import type { MetricDef } from '../facts/metrics.ts';
import { readMetricWords, type AskedQualifiers } from './metric-words.ts';
import { parsePeriod, parsePeriodRange, type Period, type PeriodRange } from '../periods.ts';
import { fold } from '../text/fold.ts';
import { readPeriodWords } from './period-words.ts';
import { monthNumber } from '../facts/period-phrases.ts';

/** What a look-up question or command names. */
export interface ParsedLookup {
  companies: Company[];
  metric?: MetricDef;
  /** The metric words as typed ("r&d ratio"), so re-reading them gives the same metric. */
  metricPhrase?: string;
  /** "cumulative", "in total", "累计": a total over a span of years is wanted. */
  cumulative: boolean;
  /** Segment named with the metric ("public cloud" revenue). */
  segment?: string;
  /** The names the question gave its companies, folded, as typed ("zetawave"). */
  names: string[];
  adjusted: boolean;
  forecast: boolean;
  /** Every qualifier asked for (adjusted, attributable, 扣非, a change ...). */
  qualifiers: AskedQualifiers;
  /** Words nothing in the vocabulary explains: a figure is not answered with doubt. */
  unknown: string[];
  /** Several metrics named, none governing. */
  ambiguous: boolean;
  /** The currency asked for ("in US dollars"), if any. */
  currency?: 'CNY' | 'USD' | 'HKD';
  /** The metric words as typed (the request without company and period), for `/metric`. */
  metricText: string;
  period?: Period;
  range?: PeriodRange;
  /** Period words that did not parse ("2024Q7"), to explain the refusal. */
  badPeriod?: string;
  /** Words left over once companies, metric and period are taken: maybe an unknown company. */
  rest: string;
  /** A quarter or half named without its year ("泽塔云第三季度净利润"): the latest one is meant. */
  yearless?: YearlessPeriod;
}

const YEAR = '(?:19|20)\\d{2}';
const SHORT_YEAR = "'?\\d{2}";
// Order matters: ranges before single periods, long forms before short ones.
const PERIOD_PATTERNS: RegExp[] = [
  new RegExp(`\\bfrom\\s+(?:fy\\s?)?${YEAR}\\s+(?:to|through|until)\\s+(?:fy\\s?)?${YEAR}\\b`, 'gu'),
  new RegExp(`(?:fy\\s?)?${YEAR}\\s?(?:-|–|—|~|to|至|到)\\s?(?:fy\\s?)?${YEAR}年?度?`, 'gu'),
  new RegExp(`\\b(?:q[1-4]|[1-4]q|h[12]|[12]h)[\\s-]?(?:${YEAR}|${SHORT_YEAR})\\s?(?:-|–|to)\\s?(?:q[1-4]|[1-4]q|h[12]|[12]h)[\\s-]?(?:${YEAR}|${SHORT_YEAR})\\b`, 'gu'),
  new RegExp(`${YEAR}年?(?:第?[一二三四1-4]季度?|[上下]半年度?|前三季度|前三季|首三季度?|中期|中报|半年报|半年度)`, 'gu'),
  new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth)\\s+quarter\\s+(?:of\\s+|in\\s+)?(?:fy\\s?)?${YEAR}\\b`, 'gu'),
  new RegExp(`\\b(?:the\\s+)?(first|second)\\s+half\\s+(?:of\\s+|in\\s+)?${YEAR}\\b`, 'gu'),
  new RegExp(`\\b(?:q[1-4]|[1-4]q|h[12]|[12]h|9m)[\\s-]?(?:fy)?(?:${YEAR}|${SHORT_YEAR})\\b`, 'gu'),
  new RegExp(`\\b${YEAR}[\\s-]?(?:q[1-4]|h[12]|9m)\\b`, 'gu'),
  new RegExp(`\\bfy\\s?(?:${YEAR}|\\d{2})\\b`, 'gu'),
  // "2024年Q4", "the first nine months of 2025", "the first three quarters of 2025", "mid-2024",
  // "end-2024", "the September 2025 quarter", "the quarter to September 2025".
  new RegExp(`${YEAR}\\s?年\\s?q[1-4]\\b`, 'gu'),
  new RegExp(`${YEAR}\\s?年\\s?(?:底|末|年底|年末)`, 'gu'),
  new RegExp(`\\b(?:the\\s+)?first\\s+(?:nine\\s+months|three\\s+quarters)\\s+(?:of\\s+|in\\s+)?${YEAR}\\b`, 'gu'),
  new RegExp(`\\b(?:mid|end)[-\\s](?:of\\s+)?${YEAR}\\b`, 'gu'),
  new RegExp(`\\b(?:the\\s+)?(?:march|june|september|december)\\s+${YEAR}\\s+quarter\\b|\\bquarter\\s+(?:to|ending|ended)\\s+(?:march|june|september|december)\\s+${YEAR}\\b|\\b(?:the\\s+)?(?:march|june|september|december)\\s+quarter\\s+(?:of\\s+)?${YEAR}\\b`, 'gu'),
  // "25年一季度": a two-digit year, only when a quarter or half follows it.
  /(?<![\d.])\d{2}年(?:第?[一二三四1-4]季度?|[上下]半年度?|前三季度|中期)/gu,
  new RegExp(`${YEAR}(?:年度?|财年)?`, 'gu'),
];
// Period-like words that name no real period ("2024Q7", "Q5 2023"): reported, never guessed.
const BAD_PERIOD = new RegExp(`\\b(?:${YEAR}[\\s-]?[qh]\\d+|[qh]\\d+[\\s-]?${YEAR})\\b`, 'u');
const ORDINAL: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4' };

/** Turn a matched period phrase into the forms `parsePeriod` reads. */
function normalizePeriodPhrase(phrase: string): string {
  let p = phrase.trim();
  let m = p.match(/^(?:the\s+)?(first|second|third|fourth)\s+quarter\s+(?:of\s+|in\s+)?(?:fy\s?)?(\d{4})$/u);
  if (m) return `Q${ORDINAL[m[1]!]} ${m[2]}`;
  m = p.match(/^(?:the\s+)?(first|second)\s+half\s+(?:of\s+|in\s+)?(\d{4})$/u);
  if (m) return `H${ORDINAL[m[1]!]} ${m[2]}`;
  m = p.match(/^from\s+(?:fy\s?)?(\d{4})\s+(?:to|through|until)\s+(?:fy\s?)?(\d{4})$/u);
  if (m) return `${m[1]}-${m[2]}`;
  m = p.match(/^(\d{4})\s?年?(?:中期|中报|半年报|半年度)$/u);
  if (m) return `H1 ${m[1]}`;
  m = p.match(/^(\d{4})\s?年?\s?(?:首三季度?|前三季)$/u);
  if (m) return `${m[1]}年前三季度`;
  m = p.match(/^(\d{4})\s?年\s?(?:底|末|年底|年末)$/u);
  if (m) return `FY${m[1]}`;
  m = p.match(/^(\d{4})\s?年\s?q([1-4])$/u);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = p.match(/^(?:the\s+)?first\s+(?:nine\s+months|three\s+quarters)\s+(?:of\s+|in\s+)?(\d{4})$/u);
  if (m) return `9M ${m[1]}`;
  m = p.match(/^(mid|end)[-\s](?:of\s+)?(\d{4})$/u);
  if (m) return m[1] === 'mid' ? `H1 ${m[2]}` : `FY${m[2]}`;
  m = p.match(/(march|june|september|december)\D*?(\d{4})/u);
  if (m && /quarter/u.test(p)) return `Q${monthNumber(m[1]!) / 3} ${m[2]}`;
  if (/^\d{2}年/u.test(p)) return `20${p}`;
  p = p.replace(/^fy\s?(\d{4})/u, 'FY$1');
  return p;
}

// "Zeta业务", "Zeta品牌(海外)业务", "the Zeta-branded business": the name said to be a line.
const LINE_AFTER_NAME = /^(?:(?:\s?(?:业务|品牌|板块)|\s?[(（][^()（）\d]{1,10}[)）](?=\s?(?:业务|品牌|板块)))+|(?:-|\s)branded\s(?:business|segment)|\s(?:business|brand|segment)\b)/u;

// "the parent", "母公司": the question is about the whole company, whatever brand it names.
const PARENT_WORDS = /\bparent\b|母公司|集团整体/u;

/**
 * A company named a second time, apart from its first name ("/metric zeta zetawave revenue",
 * "Zeta's Zeta segment"), names a brand or business line of it: the name stays among the
 * metric words as the segment, so a total never answers it.
 */
function namesLineOfBusiness(m: CompanyMention, all: CompanyMention[], folded: string): boolean {
  if (PARENT_WORDS.test(folded)) return false;
  const first = all.find((o) => o.company === m.company);
  if (!first || first === m) return false;
  // "Zeta (ZTA)", "云从科技(CloudWalk)": one company given two names side by side.
  return !/^\s*[(（,，]\s*$/u.test(folded.slice(first.end, m.start));
}

/** A part of a year named without the year. */
export type YearlessPeriod = { kind: 'Q'; quarter: 1 | 2 | 3 | 4 } | { kind: 'H'; half: 1 | 2 } | { kind: '9M' };

const YEARLESS = /第?([一二三四])季度?|(?<![\d\p{L}])q([1-4])(?![\d\p{L}])|(?:the\s+)?(first|second|third|fourth)\s+quarter|([上下])半年|(?:the\s+)?(first|second)\s+half|前三季度?|(?:the\s+)?first\s+nine\s+months/u;
const ORDINAL_NUMBER: Record<string, 1 | 2 | 3 | 4> = { 一: 1, 二: 2, 三: 3, 四: 4, first: 1, second: 2, third: 3, fourth: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function yearlessPeriod(text: string): { period: YearlessPeriod; start: number; end: number } | undefined {
  const m = text.match(YEARLESS);
  if (!m) return undefined;
  const start = m.index ?? 0;
  const end = start + m[0].length;
  const q = m[1] ?? m[2] ?? m[3];
  if (q) return { period: { kind: 'Q', quarter: ORDINAL_NUMBER[q]! }, start, end };
  const h = m[4] ?? m[5];
  if (h) return { period: { kind: 'H', half: h === '上' || h === 'first' ? 1 : 2 }, start, end };
  return { period: { kind: '9M' }, start, end };
}

const QUESTION_NOISE = new Set(
  (
    'what whats how much many was were is are did does do the a an of in for at on by to from and or its it their s ' +
    'tell me show give please about latest last current figure figures number value reported report results result year ' +
    'quarter period company companies vs versus compare between with than during total ' +
    '是 多少 的 了 吗 呢 为 在 年 请问 请 告诉 我 什么 几 如何 怎么'
  ).split(' '),
);

/**
 * Parse the companies, metric and period a command or question names. Works on text
 * in any order ("revenue cloudwalk 2024", "What was CloudWalk's revenue in 2024?",
 * "云从科技2023年净利润是多少").
 */
export function parseLookup(input: string, registry: CompanyRegistry): ParsedLookup {
  // Chat markup ("<@U0BOT>", "<#C1|general>") names people and channels, never a figure.
  // "first-half 2025", "third-quarter": the hyphen of an ordinal period is a space (same length, same offsets).
  const folded = fold(input)
    .replace(/<[@#!][^<>]{0,80}>/gu, (m) => ' '.repeat(m.length))
    .replace(/\b(first|second|third|fourth)-(quarter|half)\b/gu, '$1 $2');
  const mask = folded.split('');
  const blank = (start: number, end: number) => {
    for (let k = start; k < end; k += 1) mask[k] = ' ';
  };

  const companies: Company[] = [];
  const names: string[] = [];
  const mentions = registry.mentionsInFolded(folded, { tickers: true });
  for (const m of mentions) {
    if (!companies.includes(m.company)) companies.push(m.company);
    if (namesLineOfBusiness(m, mentions, folded)) continue;
    // "Zeta业务", "the Zeta-branded business": the name, said to be a line of business.
    const line = folded.slice(m.end).match(LINE_AFTER_NAME);
    const end = m.end + (line?.[0].length ?? 0);
    names.push(folded.slice(m.start, end));
    blank(m.start, end);
  }
  // "What was Horizon's gross margin": a short form, when no full name was given.
  if (companies.length === 0) {
    for (const m of registry.shortFormMentions(mask.join(''))) {
      if (!companies.includes(m.company)) companies.push(m.company);
      names.push(folded.slice(m.start, m.end));
      blank(m.start, m.end);
    }
  }

  // Dates, and words that look like a period but name none, are read first (period-words.ts).
  const periodWords = readPeriodWords(mask.join(''));
  for (const [s, e] of periodWords.spans) blank(s, e);
  let period: Period | undefined = periodWords.period;
  let range: PeriodRange | undefined;
  let badPeriod: string | undefined = periodWords.badPeriod;
  const bad = folded.match(BAD_PERIOD);
  if (!badPeriod && bad && parsePeriod(bad[0]) === null) {
    badPeriod = bad[0];
    blank(bad.index ?? 0, (bad.index ?? 0) + bad[0].length);
  }
  for (const re of PERIOD_PATTERNS) {
    const text = mask.join('');
    for (const m of text.matchAll(re)) {
      const phrase = normalizePeriodPhrase(m[0]);
      const r = parsePeriodRange(phrase);
      const p = r ? undefined : parsePeriod(phrase);
      if (r && !range && !period) range = r;
      else if (p && !period && !range) period = p;
      else if (!r && !p && !badPeriod) badPeriod = m[0].trim();
      blank(m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  }
  // A plain span ("2018-2022") asked as a period is a range of years.
  if (period?.kind === 'span') {
    range = { from: { kind: 'FY', year: period.fromYear }, to: { kind: 'FY', year: period.toYear } };
    period = undefined;
  }

  let yearless: YearlessPeriod | undefined;
  if (!period && !range && !badPeriod) {
    const y = yearlessPeriod(mask.join(''));
    if (y) {
      yearless = y.period;
      blank(y.start, y.end);
    }
  }
  const afterPeriods = mask.join('');
  const words = readMetricWords(afterPeriods);
  const metricText = afterPeriods.replace(/\s+/gu, ' ').trim();
  // With no company named, the words before the metric may be an unknown company, not a segment.
  const nameWords = companies.length === 0 && words.segment ? [words.segment] : [];
  const rest = [...nameWords, ...(words.metric ? words.unknown : words.unknown.filter((w) => !QUESTION_NOISE.has(w)))].join(' ');
  const q = words.qualifiers;
  return { companies, metric: words.metric, metricPhrase: words.phrase, cumulative: q.cumulative, segment: words.segment, names, adjusted: q.adjusted, forecast: q.forecast, qualifiers: q, unknown: words.unknown, ambiguous: words.ambiguous, currency: words.currency, metricText, period, range, badPeriod, rest, yearless };
}
