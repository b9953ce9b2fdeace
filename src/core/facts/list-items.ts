import { findMetrics } from './metrics.ts';
import { canonicalSegment } from './segments.ts';
import { NOT_A_METRIC } from './metrics.ts';
import type { MetricToken, SentenceView } from './sentence-view.ts';

/**
 * Results releases break a figure down in a list: the item that opens it names the metric
 * ("- Total revenues for the quarter were $31.2 million", or a bare heading "- Active
 * Customers"), and the items under it name only a business line or brand ("- Cloud: $13.6
 * million for the quarter, ..."). Such an item states the opening item's metric for that line.
 */

const LIST_MARK = /^\s*(?:[-*•·▪◦]|\(?(?:\d{1,2}|[a-z]|[一二三四五六七八九十]{1,2})[.)、）])\s?/u;
// "Cloud:", "Smart EV solutions:", "海外业务:": a short name, then a colon, then the figure.
const LABEL = /^([^\s:：\d][^:：\d]{0,39}?)\s?[:：]\s?/u;
const TOTAL_LABEL = /^(?:total|overall|group|consolidated|合计|总计|总额|整体|集团)/u;
const MAX_LABEL_WORDS = 4;
const MAX_LABEL_CJK = 10;

/** True when the folded sentence is an item of a list. */
export function isListItem(folded: string): boolean {
  return LIST_MARK.test(folded);
}

/** The business-line label an item opens with, with its span in the folded sentence. */
export function itemLabel(folded: string): { label: string; start: number; end: number } | null {
  const mark = folded.match(LIST_MARK);
  if (!mark) return null;
  const rest = folded.slice(mark[0].length);
  const m = rest.match(LABEL);
  if (!m) return null;
  const label = m[1]!.trim();
  const cjk = label.match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  if (cjk > MAX_LABEL_CJK || (cjk === 0 && label.split(/\s+/u).length > MAX_LABEL_WORDS)) return null;
  if (TOTAL_LABEL.test(label) || findMetrics(label).length > 0) return null;
  // The figure must follow the colon at once: "Zeta: $13.6 million", not "Note: in 2023 we ...".
  if (!/^[\s(（]*(?:[-−–]?\s?(?:rmb|us\$|hk\$|\$|usd|cny|hkd|人民币|美元|港元)?\s?[\d０-９])/u.test(rest.slice(m[0].length))) return null;
  const start = mark[0].length + (m.index ?? 0);
  return { label, start, end: start + m[1]!.length };
}

/**
 * The metric a labelled item inherits: the opening item's metric and qualifiers, placed on
 * the label, with the label as the business line.
 */
export function inheritedMetric(lead: MetricToken, label: { label: string; start: number; end: number }): MetricToken {
  return { ...lead, start: label.start, end: label.end, segment: canonicalSegment(label.label), segmentFromTopic: false };
}

// "去年同期为人民币17.588亿元。", "A year earlier, it was RMB 1.2 billion.": a sentence that only
// gives the comparison figure goes on with the metric of the sentence before it.
const COMPARISON_OPENING = /^\s?(?:去年同期|上年同期|上一年同期|上年度同期|上季度|上一季度|(?:in\s)?(?:the\s)?(?:same|corresponding)\s(?:period|quarter)\s(?:of\s|in\s)?(?:last|the\sprevious|the\sprior)\s(?:year|quarter)|a\syear\s(?:earlier|ago)|(?:in\s)?the\sprior[- ]year\s(?:period|quarter))\s?(?:,\s?)?(?:为|是|则为|录得|it\swas|this\swas|the\sfigure\swas|was)?/u;

/** The metric a comparison-only sentence continues, placed at its opening words. */
export function continuedMetric(view: SentenceView, previous: MetricToken | null): MetricToken | null {
  if (!previous || view.metrics.length > 0) return null;
  const m = view.folded.match(COMPARISON_OPENING);
  if (!m || m[0].trim().length === 0) return null;
  // The opening words must be read as a period, or the figure would take the wrong one.
  if (!view.periods.some((p) => p.start <= 2 && p.end <= m[0].length + 1)) return null;
  return { ...previous, start: 0, end: 0, segmentFromTopic: false };
}

/** The one metric a sentence states figures of, if it names exactly one. */
export function soleMetric(view: SentenceView): MetricToken | null {
  const named = view.metrics.filter((m) => m.metric !== NOT_A_METRIC);
  if (named.length === 0 || named.length !== view.metrics.length) return null;
  const first = named[0]!;
  return named.every((m) => m.metric.id === first.metric.id && m.segment === first.segment && m.adjusted === first.adjusted && m.attributable === first.attributable) ? first : null;
}
