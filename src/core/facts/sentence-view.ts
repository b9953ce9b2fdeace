import type { CompanyMention, CompanyRegistry } from '../companies/registry.ts';
import { findMetrics, NOT_A_METRIC, type MetricDef } from './metrics.ts';
import { findNumbers, type NumberToken } from './numbers.ts';
import { findPeriods, type PeriodToken, type TimeContext } from './period-phrases.ts';
import { explicitTotal, phraseQualifiers } from './qualifier-cues.ts';
import { canonicalSegment, headingSegment, productSubject, refersToTopic, segmentAfter, segmentBefore } from './segments.ts';

/** A metric phrase of a sentence with what it says about the figure. */
export interface MetricToken {
  start: number;
  end: number;
  metric: MetricDef;
  /** "net loss", "亏损": the figure is the negative side. */
  negative: boolean;
  adjusted: boolean;
  nonGaap: boolean;
  /** Attributable to the owners of the parent (归母, 股东应占). */
  attributable: boolean;
  /** Excluding non-recurring items (扣非). */
  exclNonrecurring: boolean;
  cumulative: boolean;
  segment: string | null;
  /** The segment comes from an earlier sentence's topic, not this one. */
  segmentFromTopic: boolean;
}

/** A segment an earlier sentence made the topic ("Turning to our storage business."). */
export interface SegmentTopic {
  segment: string;
  /** Set in the same paragraph: a bare "revenue" then means the segment's. */
  sameParagraph: boolean;
}

/** Everything extraction needs to know about one folded sentence. */
export interface SentenceView {
  folded: string;
  numbers: NumberToken[];
  metrics: MetricToken[];
  periods: PeriodToken[];
  companies: CompanyMention[];
  /** Position of the first forecast word; numbers after it are forecasts. */
  forecastAt: number;
  /** The forecast is someone else's (analysts, consensus, brokers): never the company's figure. */
  othersForecast: boolean;
  yoy: boolean;
  qoq: boolean;
  /** "would have been": a what-if figure excluding items. */
  excluding: boolean;
}

// Words that make what follows an increment of a metric rather than its level.
const INCREMENT_BEFORE = /(?:新增|新增加|额外|增量|additional|incremental|extra)\s?$/u;
// "per capita revenue", "人均毛利", "单客户收入", "月均亏损": a ratio to heads or to time, never the company's figure.
const PER_HEAD_BEFORE = /(?:per[- ](?:capita|head|employee|customer|user|client)|average|monthly|daily|人均|单客户|每名员工|每位员工|每用户|单用户|户均[\u4e00-\u9fff]{0,2}|月均|月平均|日均|季均|年均|平均每月|平均每年|每月|每日)\s?$/u;
// "Total selling, administrative, and financial expenses", "销售、管理、财务费用合计": several
// expense lines together, never the last one named.
const EXPENSES_LISTED_BEFORE = /(?:selling|sales|administrative|general(?: and administrative)?|marketing|research and development|r&d)(?:\s?,\s?|\s(?:and|&)\s|,\s(?:and|&)\s)+$|(?:销售|管理|研发|财务)、$/u;

// Bare words that name a metric only in the right company: "a loss of RMB 1 million" but
// not "a loss of disposal of properties", "adjusted stock profit" or "exchange loss".
const AMBIGUOUS = new Set(['loss', 'losses', 'profit', 'profits', 'profitability', 'sales']);
const ALLOWED_BEFORE = /(?:^|[\s(,"“])(?:net|a|an|the|total|its|our|their|cumulative|accumulated|quarterly|annual|of|with|reported|posted|recorded|and|in|this|that|first|full-year|full year)\s$|^\s*$|[,(“"]\s?$/u;
const NOT_A_FIGURE_AFTER = /^\s(?:on|from|in (?:the )?(?:disposal|exchange|value)|of (?:disposal|properties|property|equipment|assets|control|share|market|momentum|customers?|the|our|its|confidence|faith|interest))/u;

const FORECAST = /\b(?:expects?|expected|expectation|estimates?|estimated|projects?|projected|projection|forecasts?|forecasted|guidance|outlook|targets?|targeted|anticipates?|anticipated|plans? to|aims? to|would reach|will reach|is set to)\b|预计|预期|预测|目标|指引|有望|计划/u;
const ESTIMATE_YEAR = /\d{2}e$/u;
// Whose forecast: "analysts expect", "beating analysts' estimates of", "市场普遍预期".
const OTHERS_FORECAST = /analysts?'?|consensus|brokers?|wall street|lseg|refinitiv|bloomberg|factset|visible alpha|分析师|券商|大行|投行|市场普遍|市场一致|机构预测|机构预期/u;
const NOT_FORECAST = /\b(?:than expected|than anticipated|as expected|than forecast|beyond expectations?|(?:in line with|above|below|beat|missed|exceeded|met) (?:market |analysts' |consensus )?(?:expectations?|estimates?|forecasts?)|consensus)\b|超预期|不及预期|好于预期|逊于预期|符合预期|预期之内|预期内|预期上限|预期下限|市场预期|胜预期|低于预期|高于预期/u;
const YOY = /year[- ](?:over|on)[- ]year|\byoy\b|same (?:period|quarter) (?:of |in )?(?:last year|a year|the previous year|20\d\d)|同比|年增|年减|去年同期|上年同期|按年|比上年/u;
const QOQ = /quarter[- ](?:over|on)[- ]quarter|sequential(?:ly)?|\bqoq\b|(?:from|over|than|versus|vs\.?|compared (?:to|with)|against) (?:the )?(?:last|previous|prior|preceding) quarter|环比|季增|季减|(?:较|比|与|相比|对比)上一?季|按季/u;

// Parenthetical definitions ("free cash flow, as measured in net cash ... minus capital
// expenditures, was ...") name other metrics that do not govern the number.
const APPOSITIVE = /,\s*(?:as measured (?:in|by|as)|measured as|defined as|calculated as|which is|which are|i\.e\.|namely|representing)[^,]*,/gu;

const PART_OPENING = /(?:其中|of which|among which)[,，:：]?\s*([^,，;；。:：]{0,16}?)\s*$/u;

/** Metrics a business line reports on its own: the only ones a segment qualifies. */
export const SEGMENT_METRICS = new Set(['revenue', 'revenue_share', 'gross_profit', 'gross_margin', 'operating_income', 'operating_margin', 'ebita', 'ebitda', 'customers', 'net_retention_rate', 'arr']);

/** A phrase that takes its numbers so that no metric does ("新增研发投入", "人均收入"). */
function shield(m: { start: number; end: number }): MetricToken {
  return { start: m.start, end: m.end, metric: NOT_A_METRIC, negative: false, adjusted: false, nonGaap: false, attributable: false, exclNonrecurring: false, cumulative: false, segment: null, segmentFromTopic: false };
}

function metricTokens(folded: string, topic: SegmentTopic | null, companies: CompanyMention[]): MetricToken[] {
  // An appositive that states a figure of its own ("representing a gross margin of 33.2%,") is kept.
  const masked = folded.replace(APPOSITIVE, (m) => (/\d/u.test(m) ? m : m.replace(/[^,]/gu, ' ')));
  // A company's own name ("Acme Cloud revenue") is never a segment name.
  let nameless = folded;
  for (const c of companies) nameless = nameless.slice(0, c.start) + ' '.repeat(c.end - c.start) + nameless.slice(c.end);
  const out: MetricToken[] = [];
  for (const m of findMetrics(masked)) {
    // "Operating profit (loss)", "净利润(亏损)": a label's other side, not a metric of its own.
    if (/[(（]\s?$/u.test(masked.slice(Math.max(0, m.start - 2), m.start)) && /^\s?[)）]/u.test(masked.slice(m.end, m.end + 2)) && out.some((t) => t.end >= m.start - 3)) continue;
    // "占收入比例", "as a percentage of revenue": the denominator of a ratio, not a figure's metric.
    if (/(?<![应應])(?:占|佔)(?:比)?(?:总|總)?\s?$|(?:percentage|percent|share|proportion|portion|\d%) of (?:total |its |our |the )?$/u.test(masked.slice(Math.max(0, m.start - 24), m.start))) continue;
    // "新增研发投入7.4亿元", "additional R&D investment": an increment, not the level; its numbers are nobody's.
    const lead = masked.slice(Math.max(0, m.start - 40), m.start);
    if (INCREMENT_BEFORE.test(lead) || PER_HEAD_BEFORE.test(lead) || (m.metric.kind === 'amount' && EXPENSES_LISTED_BEFORE.test(lead) && /expense|费用|开支/u.test(m.phrase))) {
      out.push(shield(m));
      continue;
    }
    if (AMBIGUOUS.has(m.phrase)) {
      const before = masked.slice(Math.max(0, m.start - 14), m.start);
      if (!ALLOWED_BEFORE.test(before)) continue;
      if (NOT_A_FIGURE_AFTER.test(masked.slice(m.end, m.end + 30))) continue;
    }
    const q = phraseQualifiers(folded, m.start, m.end);
    // "归属泽塔的净利润": attributable to the company is to its shareholders; "归属于泽塔核心的净利润"
    // is a line's profit, which the company's figure must never be taken for.
    const owner = m.metric.id === 'net_income' ? ownerBefore(folded, nameless, m.start) : null;
    if (owner === 'line') {
      out.push(shield(m));
      continue;
    }
    if (owner === 'company') q.attributable = true;
    const adjusted = q.adjusted || /\badjusted\b/u.test(m.phrase);
    const cumulative = q.cumulative || /^(?:累计|合计)/u.test(m.phrase);
    let segment: string | null = null;
    let segmentFromTopic = false;
    if (SEGMENT_METRICS.has(m.metric.id)) {
      // "中国电商业务总收入" is the line's total; "总收入" alone is the company's.
      const total = explicitTotal(nameless, m.start) || (/^total|^总/u.test(m.phrase) && !segmentBefore(nameless, m.start));
      segment = total ? null : (segmentBefore(nameless, m.start, m.phrase) ?? segmentAfter(nameless, m.end) ?? headingSegment(nameless, m.start) ?? productSubject(nameless, m.start));
      // "AIDC收入347.99亿元,多一成;经调整EBITA转赚1.62亿元": a line named earlier in the sentence
      // goes on for the figures after it, unless they are said to be the total.
      // "其中泽塔核心营收为…", "of which, …": a part of the total named before, never the total.
      if (!segment && !total) {
        const part = nameless.slice(Math.max(0, m.start - 24), m.start).match(PART_OPENING);
        // "其中二季度实现收入…" is a part in time, not a line: its period says so.
        if (part && !/\d|季|年|月|quarter|half|month|year|实现|录得|取得/u.test(part[1]!)) segment = canonicalSegment(part[1]!.trim() || 'unnamed segment');
      }
      // Another figure of the same metric names its own line: it never takes the earlier one.
      const earlier = segment || total ? undefined : [...out].reverse().find((t) => t.segment && !t.segmentFromTopic && t.metric.id !== m.metric.id);
      if (earlier) {
        segment = earlier.segment;
        segmentFromTopic = true;
      } else if (!segment && !total && refersToTopic(folded, m.start, m.end)) {
        segment = topic?.segment ?? 'unnamed segment';
        segmentFromTopic = true;
      } else if (!segment && !total && topic?.sameParagraph) {
        // "Turning to our storage business. Revenue grew ...": the paragraph's topic.
        segment = topic.segment;
        segmentFromTopic = true;
      }
    }
    out.push({ start: m.start, end: m.end, metric: m.metric, negative: m.negative, adjusted, nonGaap: false, attributable: q.attributable, exclNonrecurring: q.exclNonrecurring, cumulative, segment, segmentFromTopic });
  }
  const all = [...out, ...namedParts(nameless, out)].sort((a, b) => a.start - b.start);
  carryQualifiersToBareResult(folded, all);
  return all;
}

const BARE_RESULT_PHRASE = /^(?:亏损|盈利|loss|losses|profit|profits)$/u;
// Between a metric and the bare word that gives its value: "attributable to shareholders was a".
const RESULT_IS = /^\s?(?:was|were|is|came in at|stood at|recorded|posted|reported|turned into|swung to|为|录得)?\s?(?:a|an)?\s?$/u;
const OWNER_WORDS = /\b(?:attributable|to|of|the|shareholders|equity|holders|owners|parent|company|listed|ordinary)\b/gu;
// A clause that opens with a conjunction, or with the comparison's period only ("上年同期", "a year earlier").
const SAME_FIGURE_CLAUSE = /^\s?(?:(?:而|则|但|其|且|同时|while|and)\s?|(?:而|则|但)?(?:上年同期|去年同期|上年|去年)(?:则|的|为)?|(?:while |and )?(?:a year (?:earlier|ago)|in the same period (?:of )?last year|the same period last year)(?:,)?(?: it was| was)?)?\s?(?:a |an )?$/u;

/**
 * A bare loss or profit right after a metric named with its qualifiers is that figure:
 * "net profit attributable to shareholders was a loss of X" (the bare word gives the sign),
 * "股东应占亏损收窄至3.2亿元,上年同期亏损5.1亿元" (the same figure a year earlier),
 * "归母净利-2.71亿元,亏损规模同减19.42%" (its size, its change). A clause that names anything
 * else first ("年内亏损") is a line of its own.
 */
function carryQualifiersToBareResult(folded: string, tokens: MetricToken[]): void {
  for (let i = 1; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    const p = tokens[i - 1]!;
    if (t.adjusted || t.attributable || t.exclNonrecurring || !BARE_RESULT_PHRASE.test(folded.slice(t.start, t.end))) continue;
    if (p.metric.id !== t.metric.id || !(p.adjusted || p.attributable || p.exclNonrecurring)) continue;
    const between = folded.slice(p.end, t.start);
    if (/[。]/u.test(between)) continue;
    const clauses = between.split(/[,，;；]/u);
    const sameClause = clauses.length === 1 && RESULT_IS.test(between.replace(OWNER_WORDS, ' ').replace(/\s+/gu, ' '));
    const nextClause = clauses.length > 1 && SAME_FIGURE_CLAUSE.test(clauses.at(-1)!);
    if (!sameClause && !nextClause) continue;
    tokens[i] = { ...t, adjusted: p.adjusted, nonGaap: p.nonGaap, attributable: p.attributable, exclNonrecurring: p.exclNonrecurring };
  }
}

const OWNER_BEFORE = /归属(?:于)?([\u4e00-\u9fffa-z0-9\s]{1,16}?)(?:的)?\s?$/u;
const OWNER_IS_HOLDERS = /^(?:母公司|本公司|公司|集团|上市公司)?(?:股东|普通股股东|拥有人|所有者|权益持有人)?$/u;

/** Whom a profit is attributable to, when the text names the company: the company, or a line of it. */
function ownerBefore(folded: string, nameless: string, start: number): 'company' | 'line' | null {
  const from = Math.max(0, start - 24);
  const m = nameless.slice(from, start).match(OWNER_BEFORE);
  if (!m) return null;
  const at = from + (m.index ?? 0);
  // Only when a company is named there (blanked in `nameless`): other owners are the vocabulary's cues.
  if (folded.slice(at, start) === nameless.slice(at, start)) return null;
  const rest = m[1]!.replace(/\s+/gu, '');
  return OWNER_IS_HOLDERS.test(rest) ? 'company' : 'line';
}

// Between a line named on its own at the start of a clause and its figure: a change or a level word.
const PART_FIGURE_AFTER = /^\s?(?:按年|同比|按季|环比|收入|营收|营业额)?\s?(?:上升|下跌|下降|增长|增加|减少|下滑|回落|倒退|升|跌|增|减|录得|为|达)/u;

/**
 * "智慧零售及智慧城市收入就录跌幅,智慧零售按年下跌23.4%至7390万元": two lines named together,
 * then one of them alone at the start of a clause with its figure. That clause's figure is
 * the one line's, of the metric named with both.
 */
function namedParts(text: string, tokens: readonly MetricToken[]): MetricToken[] {
  const out: MetricToken[] = [];
  for (const t of tokens) {
    if (!t.segment || t.segmentFromTopic) continue;
    const parts = t.segment.split(/及|和|与|、|\sand\s/u).map((x) => x.trim()).filter((x) => x.length >= 2);
    if (parts.length < 2) continue;
    for (const part of parts) {
      let at = text.indexOf(part, t.end);
      while (at >= 0) {
        const next = tokens.find((x) => x.start > at);
        const opensClause = /[,，;；]\s?$/u.test(text.slice(Math.max(0, at - 2), at));
        if (opensClause && PART_FIGURE_AFTER.test(text.slice(at + part.length, at + part.length + 12)) && (!next || next.start > at + part.length + 12)) {
          out.push({ ...t, start: at, end: at + part.length, segment: canonicalSegment(part) });
          break;
        }
        at = text.indexOf(part, at + 1);
      }
    }
  }
  return out;
}

// A bare number followed by a unit of time or a count word is not a figure of a metric.
const NOT_A_VALUE_AFTER = /^\s?(?:consecutive\s|straight\s)?(?:years?|quarters?|months?|weeks?|days?|hours?|times|x\b|fold|industries|companies|customers|projects|key|new|major|points?\b|个|年|季|次|倍|家|项|月|天|大)/u;

/** Build the view of one folded sentence. */
export function viewSentence(folded: string, ctx: TimeContext, registry: CompanyRegistry, topic: SegmentTopic | null): SentenceView {
  const periods = findPeriods(folded, ctx);
  const inPeriod = (n: NumberToken) => periods.some((p) => n.start < p.end && n.end > p.start);
  const numbers = findNumbers(folded).filter((n) => {
    if (inPeriod(n)) return false;
    if (n.unit === null && !n.scaled && NOT_A_VALUE_AFTER.test(folded.slice(n.end, n.end + 16))) return false;
    // "[7]" is a note mark; "185.0港元/股" a price per share, never an amount of the company.
    if (/\[\s?$/u.test(folded.slice(Math.max(0, n.start - 2), n.start)) && /^\s?\]/u.test(folded.slice(n.end, n.end + 2))) return false;
    if (/^\s?(?:港元|元|美元|人民币)?\s?\/\s?(?:股|share)/u.test(folded.slice(n.end, n.end + 8)) && !/每股|per share|\beps\b/u.test(folded.slice(Math.max(0, n.start - 20), n.start))) return false;
    return true;
  });
  const notForecast = folded.replace(NOT_FORECAST, (m) => ' '.repeat(m.length));
  const said = notForecast.match(FORECAST);
  // "FY30E revenue of RMB 5.2bn": a year marked as an estimate makes its figures forecasts.
  const estimated = periods.find((p) => ESTIMATE_YEAR.test(p.text));
  const f = estimated && (!said || estimated.start < (said.index ?? 0)) ? Object.assign([estimated.text], { index: estimated.start }) : said;
  const companies = registry.mentionsInFolded(folded);
  return {
    folded,
    numbers,
    metrics: metricTokens(folded, topic, companies),
    periods,
    companies,
    forecastAt: f?.index ?? Number.POSITIVE_INFINITY,
    othersForecast: f ? OTHERS_FORECAST.test(folded.slice(Math.max(0, (f.index ?? 0) - 40), (f.index ?? 0) + f[0].length + 16)) : false,
    yoy: YOY.test(folded),
    qoq: QOQ.test(folded),
    excluding: /would have been|本应为|将为/u.test(folded),
  };
}
