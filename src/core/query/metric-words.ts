import { findMetrics, METRIC_BY_ID, METRICS, type MetricDef } from '../facts/metrics.ts';
import { fold } from '../text/fold.ts';
import { canonicalSegment } from '../facts/segments.ts';
import { SEGMENT_METRICS } from '../facts/sentence-view.ts';
import { alternation, CHANGE_WORDS, QUALIFIER_CUES, QUESTION_NOISE, SEGMENT_HEADS } from '../vocabulary/vocabulary.ts';

/**
 * The metric words of a question or command, read with the same vocabulary as the
 * documents: the metric, every qualifier, a segment, a change asked for, and the words
 * nothing explains. A figure is answered only when nothing is left unexplained.
 */

/** Qualifiers a question asks for; each must match the figure's exactly. */
export interface AskedQualifiers {
  adjusted: boolean;
  attributable: boolean;
  exclNonrecurring: boolean;
  cumulative: boolean;
  forecast: boolean;
  /** A change of the metric is asked for, not its level. */
  change?: 'yoy' | 'qoq';
}

/** What the metric words of a request say. */
export interface MetricWords {
  metric?: MetricDef;
  /** The metric phrase as found ("net loss", "營收"). */
  phrase?: string;
  qualifiers: AskedQualifiers;
  /** Business line named with the metric ("public cloud" revenue). */
  segment?: string;
  /** Words no vocabulary entry explains ("basic", "turnover days"). */
  unknown: string[];
  /** Several metrics were named and none governs the others. */
  ambiguous: boolean;
  /** "in US dollars", "多少美元": the statement in that currency is wanted. */
  currency?: 'CNY' | 'USD' | 'HKD';
}

const cue = (list: readonly string[]) => new RegExp(alternation(list), 'gu');
// "未经调整", "unadjusted", "not adjusted": the plain figure, asked for explicitly.
// "GAAP net profit", "on a reported basis": the plain figure, asked for by name (never "non-GAAP").
const NOT_ADJUSTED = /未经调整|未调整|非经调整|unadjusted|not adjusted|non-adjusted|(?<!非|non[-\s]?)\b(?:gaap|ifrs)\b|(?:on\s(?:a|an)\s)?(?:reported|statutory)\sbasis|as reported/gu;
const QUALIFIER_RES = {
  adjusted: cue([...QUALIFIER_CUES.adjusted.question, ...QUALIFIER_CUES.adjusted.before]),
  attributable: cue([...QUALIFIER_CUES.attributable.question, ...QUALIFIER_CUES.attributable.before, ...QUALIFIER_CUES.attributable.after]),
  exclNonrecurring: cue([...QUALIFIER_CUES.exclNonrecurring.question, ...QUALIFIER_CUES.exclNonrecurring.before, ...QUALIFIER_CUES.exclNonrecurring.after]),
  cumulative: cue([...QUALIFIER_CUES.cumulative.question, ...QUALIFIER_CUES.cumulative.before]),
  forecast: cue(QUALIFIER_CUES.forecast.question),
} as const;
const QOQ_RE = cue(CHANGE_WORDS.qoq);
const YOY_RE = cue(CHANGE_WORDS.yoy);
const NOISE_ZH = new RegExp(alternation(QUESTION_NOISE.zh), 'gu');
// "R&D as a share of revenue", "研发投入占收入比例": a ratio of one metric to revenue.
const SHARE_OF_REVENUE = /(?:\b(?:share|percentage|proportion|percent)|%)\s(?:of\s)?(?:its\s|total\s)?(?:revenue|revenues|sales)|(?:as\s(?:a\s)?(?:share|percentage|proportion|%)\sof|\bto)\s(?:its\s|total\s)?(?:revenue|revenues|sales)|占\s*(?:总)?(?:营业额|(?:营业)?(?:收入|营收))的?(?:比例|比重|比率|百分比)?|占比/u;
// The metric whose share of revenue is asked (R&D spending, a line's own revenue) gives the ratio.
const RATIO_OF_REVENUE: Record<string, string> = Object.fromEntries(METRICS.filter((m) => m.shareOfRevenue).map((m) => [m.shareOfRevenue!, m.id]));
// Words a user adds that do not change which figure is meant.
const HARMLESS = new Set(['basic', 'net', 'gaap', 'ifrs', 'us', 'reported', 'headline', '基本', '报告', '财报']);
const SEGMENT_HEAD_EN = new Set(SEGMENT_HEADS.en);
const QUESTION_ONLY = new Set(METRICS.flatMap((m) => (m.questionOnly ?? []).map((p) => `${m.id}:${fold(p)}`)));

/**
 * Read folded metric words (companies and periods already blanked out). Works for
 * `/metric` arguments ("net loss attributable yoy") and for whole questions.
 */
export function readMetricWords(folded: string): MetricWords {
  let text = folded;
  const qualifiers: AskedQualifiers = { adjusted: false, attributable: false, exclNonrecurring: false, cumulative: false, forecast: false };
  let ambiguous = false;
  let segmentOfShare: string | undefined;

  const mentions = findMetrics(text, { question: true });
  const blockers = mentions.filter((m) => m.metric.blocker);
  let real = mentions.filter((m) => !m.metric.blocker);
  let metric: MetricDef | undefined;
  let phrase: string | undefined;
  let main = real[0];
  // "What share of revenue did X spend on R&D": the ratio, not either amount.
  const share = text.match(SHARE_OF_REVENUE);
  if (real.length >= 1 && share) {
    // "What share of revenue did it spend on R&D": R&D named anywhere is what the share is of.
    const base = real.find((m) => m.metric.id !== 'revenue' && RATIO_OF_REVENUE[m.metric.id]) ?? real.find((m) => RATIO_OF_REVENUE[m.metric.id]);
    if (base) {
      metric = METRIC_BY_ID.get(RATIO_OF_REVENUE[base.metric.id]!);
      phrase = base.phrase;
      // "汽车解决方案占总营业额的比例": the line is named right before the share.
      if (metric?.lineOnly) {
        const shareEnd = (share.index ?? 0) + share[0].length;
        // "What share of total revenue came from cloud": the line after the share.
        const from = text.slice(shareEnd).match(LINE_AFTER_METRIC);
        if (from) {
          segmentOfShare = from[1]!.trim();
          const at = shareEnd + (from.index ?? 0);
          text = text.slice(0, at) + ' '.repeat(from[0].length) + text.slice(at + from[0].length);
        }
        const line = from ? undefined : segmentWords(text, share.index ?? 0) ?? segmentWords(text, base.start);
        if (line) {
          segmentOfShare = line.words;
          text = text.slice(0, line.start) + ' '.repeat((share.index ?? 0) - line.start) + text.slice(share.index ?? 0);
        }
      }
      text = text.replace(SHARE_OF_REVENUE, (m) => ' '.repeat(m.length));
      for (const m of real) text = text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end);
      real = [];
      main = undefined;
    }
  }
  // "How much revenue did X make": a verb of the question yields to a metric named outright.
  const asked = real.filter((m) => !QUESTION_ONLY.has(`${m.metric.id}:${m.phrase}`));
  if (!metric && asked.length && asked.length < real.length) {
    real = asked;
    main = real[0];
  }
  if (!metric && real.length) {
    const distinct = [...new Set(real.map((m) => m.metric.id))];
    if (distinct.length > 1) {
      // "revenue" named beside a more specific metric is usually its base ("gross profit of revenue").
      const specific = real.filter((m) => m.metric.id !== 'revenue');
      if (new Set(specific.map((m) => m.metric.id)).size === 1 && specific.length < real.length) main = specific[0];
      else ambiguous = true;
    }
    metric = main?.metric;
    phrase = main?.phrase;
  }

  // Qualifier and change words first (outside the metric phrases), so they are never read as a segment.
  const spans = real.map((m) => [m.start, m.end] as const);
  const outside = (re: RegExp, on: () => void) => {
    text = text.replace(re, (m, ...rest) => {
      const at = rest.find((x) => typeof x === 'number') as number;
      if (spans.some(([a, b]) => at < b && at + m.length > a)) return m;
      on();
      return ' '.repeat(m.length);
    });
  };
  outside(NOT_ADJUSTED, () => undefined);
  for (const key of Object.keys(QUALIFIER_RES) as Array<keyof typeof QUALIFIER_RES>) {
    outside(QUALIFIER_RES[key], () => {
      qualifiers[key] = true;
    });
  }
  if (qualifiers.exclNonrecurring) qualifiers.attributable = false;
  outside(QOQ_RE, () => {
    qualifiers.change = 'qoq';
  });
  outside(YOY_RE, () => {
    qualifiers.change ??= 'yoy';
  });

  // Segment: the words written right before the metric phrase ("smart life revenue", "公有云收入").
  let segment: string | undefined = segmentOfShare;
  let unknownSegment: string | undefined;
  if (main) {
    const found = segmentWords(text, main.start);
    if (found) {
      segment = found.words;
      text = text.slice(0, found.start) + ' '.repeat(main.start - found.start) + text.slice(main.start);
    }
  }
  // "revenue from enterprise cloud", "make from licensing and services": the line after the metric.
  if (main && !segment) {
    const after = text.slice(main.end).match(LINE_AFTER_METRIC);
    if (after) {
      segment = after[1]!.trim();
      const at = main.end + (after.index ?? 0);
      text = text.slice(0, at) + ' '.repeat(after[0].length) + text.slice(at + after[0].length);
    }
  }
  // "the gross margin of Horizon's automotive solutions in H1": the line owned by the company
  // named (blanked out before this reads the words).
  if (main && !segment) {
    const owned = text.match(LINE_OF_COMPANY);
    const at = (owned?.index ?? 0) + (owned?.[0].indexOf(owned[1] ?? '') ?? 0);
    const words = owned?.[1]?.trim().split(/\s+/u) ?? [];
    if (owned && words.every((w) => !SEGMENT_STOP.has(w)) && !mentions.some((m) => m.start < at + owned[1]!.length && m.end > at)) {
      segment = owned[1]!.trim();
      text = text.slice(0, at) + ' '.repeat(owned[1]!.length) + text.slice(at + owned[1]!.length);
    }
  }
  // Money a line makes, earns or brings in is its revenue, whatever verb the question used.
  if (segment && main && metric && QUESTION_ONLY.has(`${metric.id}:${main.phrase}`) && EARNING_VERBS.has(main.phrase)) metric = METRIC_BY_ID.get('revenue');
  for (const m of mentions) text = text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end);
  if (blockers.length && !metric) ambiguous = true;
  // Only a business line's own metrics have segments: other words before "loss per share" are unexplained.
  if (segment && metric && !SEGMENT_METRICS.has(metric.id)) {
    unknownSegment = segment;
    segment = undefined;
  }
  if (segment) segment = canonicalSegment(segment);
  const currency = /us\s?dollars?|\busd\b|us\$|美元/u.test(folded) ? 'USD' : /港元|港币|hk\$|\bhkd\b|hong kong dollars?/u.test(folded) ? 'HKD' : /人民币|\brmb\b|renminbi|\byuan\b|\bcny\b/u.test(folded) ? 'CNY' : undefined;
  const unknown = [...(unknownSegment ? unknownSegment.split(/\s+/u) : []), ...leftoverWords(text)];
  return { metric, phrase, qualifiers, segment, unknown, ambiguous, currency };
}

const LINE_AFTER_METRIC = /^\s(?:(?:came|comes|come|coming)\s)?(?:from|generated by|contributed by)\s(?:the\s|its\s|our\s|their\s)?([a-z0-9&+-]+(?:\s[a-z0-9&+-]+){0,4}?)(?=\s+(?:in|during|for|over|at|as|by|of|on|q[1-4]|h[12]|fy)\b|\s*[?？.]?\s*$)/u;
const LINE_OF_COMPANY = /(?:^|\s)'s\s+([a-z0-9&+-]+(?:\s[a-z0-9&+-]+){0,3}?)(?=\s+(?:in|during|for|over|at|as|by|on|bring|brought|make|made|earn|earned|generate|generated|contribute|contributed|change|grow|grew|rise|rose|fall|fell|q[1-4]|h[12]|fy)\b|\s*[?？.]?\s*$)/u;
const EARNING_VERBS = new Set(['make', 'made', 'earn', 'earned', 'bring in', 'brought in', 'generate', 'generated']);

const SEGMENT_STOP = new Set([...QUESTION_NOISE.en, 'net', 'operating', 'gross', 'total', 'adjusted', 'non-gaap', 'quarterly', 'annual', 'overall', 'group', 'consolidated']);

// 中 is noise ("在…中") but never the 中 of 中国 ("中国电商").
const ZH_EDGE_NOISE = new RegExp(`^(?:${alternation(QUESTION_NOISE.zh.filter((w) => w !== '中'))}|中(?!国))+|(?:的|之)+$`, 'u');

function segmentWords(text: string, metricStart: number): { words: string; start: number } | undefined {
  const before = text.slice(0, metricStart);
  const zh = before.match(/([\u4e00-\u9fffa-z0-9]{2,12})\s*$/u);
  if (zh && /[\u4e00-\u9fff]/u.test(zh[1]!)) {
    let words = zh[1]!;
    for (let k = 0; k < 3; k += 1) words = words.replace(ZH_EDGE_NOISE, '');
    if (words.length < 2 || !/[\u4e00-\u9fff]/u.test(words)) return undefined;
    return { words, start: (zh.index ?? 0) + zh[1]!.indexOf(words) };
  }
  // "iot paas收入": Latin words may touch a Chinese metric.
  const en = before.match(/((?:[a-z0-9&+-]+\s+){0,3}[a-z0-9&+-]+\s*)$/u);
  if (!en) return undefined;
  const words = en[1]!.trim().split(/\s+/u);
  // Keep the words adjacent to the metric, up to the first question word.
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const w = words[i]!.replace(/'s$/u, '');
    if (SEGMENT_STOP.has(w) || SEGMENT_STOP.has(words[i]!) || /^(?:19|20)\d\d$/u.test(w)) break;
    kept.unshift(w);
  }
  if (!kept.length) return undefined;
  const phrase = kept.join(' ');
  if (phrase.length < 2) return undefined;
  return { words: phrase, start: before.lastIndexOf(kept[0]!) };
}

function leftoverWords(text: string): string[] {
  const out: string[] = [];
  const cleaned = text.replace(NOISE_ZH, ' ');
  for (const raw of cleaned.split(/[^\p{L}\p{N}&+'-]+/u)) {
    const w = raw.replace(/^['-]+|['-]+$/gu, '').replace(/'s$/u, '');
    if (!w || QUESTION_NOISE.en.has(w) || HARMLESS.has(w)) continue;
    if (/^\d+$/u.test(w)) continue;
    if (/^[\u4e00-\u9fff]$/u.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** True when the segment's last word is a business-line head ("cloud", "services"). */
export function hasSegmentHead(segment: string): boolean {
  return SEGMENT_HEAD_EN.has(segment.split(' ').at(-1) ?? '');
}
