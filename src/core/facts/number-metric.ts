import { METRIC_BY_ID, type MetricDef } from './metrics.ts';
import type { NumberToken } from './numbers.ts';
import type { SentenceContext } from './sentence-fact.ts';
import type { MetricToken, SentenceView } from './sentence-view.ts';
import { LIST_GAP, runs, type Slot } from './slot.ts';

/**
 * Which metric a number of a sentence is a figure of: the nearest governing phrase of a
 * compatible kind, pairs of metrics and values listed together, and lists of changes.
 */

// A margin's amount: "gross margin … RMB 2.1 billion" is gross profit.
const AMOUNT_COUNTERPART: Record<string, string> = { ebitda_margin: 'ebitda', gross_margin: 'gross_profit', net_margin: 'net_income', operating_margin: 'operating_income' };

export function compatible(metric: MetricDef, n: NumberToken, ctx: SentenceContext): boolean {
  if (metric.kind === 'ratio') return n.unit === '%';
  if (metric.kind === 'count') return n.unit === 'count' || (n.unit === null && !n.scaled && Number.isInteger(n.value));
  // A company's revenue or loss is never a few yuan: "a loss of RMB 42.5" is per share.
  if (metric.kind === 'amount' && !n.scaled && Math.abs(n.value) < 10_000) return false;
  return n.unit === 'CNY' || n.unit === 'USD' || n.unit === 'HKD' || (n.unit === null && n.scaled && ctx.defaultCurrency !== null);
}

// A profit as a share of revenue is its margin: "gross profit of X, which is 40.0% of total revenue".
const MARGIN_OF: Record<string, string> = Object.fromEntries(Object.entries(AMOUNT_COUNTERPART).map(([margin, amount]) => [amount, margin]));
const OF_REVENUE = /^\s?(?:of|of the)\s(?:(?:its|our|the company's)\s)?(?:total\s|operating\s)?revenues?(?![a-z])|^\s?(?:的)?营收|^\s?(?:的)?收入/u;

/** A ratio written next to an amount or count metric: "R&D investment representing 87.5% of revenue". */
function ratioOf(token: MetricToken, n: NumberToken, after: string): MetricDef | null {
  const metric = token.metric;
  if (n.unit !== '%') return null;
  if (metric.id === 'rd_expense' && OF_REVENUE.test(after)) return METRIC_BY_ID.get('rd_ratio') ?? null;
  // "Cloud revenue was RMB 2.1 billion, or 23% of total revenue": the line's share.
  if (metric.id === 'revenue' && token.segment && OF_REVENUE.test(after)) return METRIC_BY_ID.get('revenue_share') ?? null;
  // A loss as a share of revenue would be a negative margin the text does not write, and a
  // line's profit as a share of "revenue" may be of the company's: both left alone.
  const margin = MARGIN_OF[metric.id];
  if (margin && !token.negative && !token.segment && OF_REVENUE.test(after) && !/^\s?(?:的)/u.test(after)) return METRIC_BY_ID.get(margin) ?? null;
  if (metric.id === 'rd_headcount' && /^\s?(?:of|of the)\s(?:total\s)?(?:workforce|employees|staff|headcount)/u.test(after)) return METRIC_BY_ID.get('rd_headcount_share') ?? null;
  return null;
}

// "研发开支中第三方服务费…", "其中…": what follows is a part of the metric, not the metric.
const PART_OF_AFTER = /^\s?(?:中|之中|当中)|其中|of which|among which|including/u;
const SHARE_OF_STAFF = /(?:占|佔)(?:公司)?(?:员工|雇员|职工)(?:总数|总人数|人数)?(?:的)?(?:比例|比重)?|of (?:the |its |total )?(?:workforce|employees|staff|headcount)/u;
const SHARE_OF_REVENUE = /占(?:比)?(?:总)?(?:营业额|(?:营业)?(?:收入|营收))(?:的)?(?:比例|比重|比率|之比|百分比)?/u;

// Money words that are not metrics: a number after one of them ("IPO listing expenses of
// RMB 61.2 million", "上市費用 6,120 萬元") belongs to it, not to a metric named earlier.
const OTHER_MONEY_NOUN = /\b(?:expenses?|costs?|charges?|fees?|proceeds|gains?|payments?|compensation|assets|liabilities|debts?|loans?|fund(?:s|ing)?|buybacks?|repurchases?|dividends?|investments?|program|impairments?)\b|费用|成本|损失|收益|支出|募资|资金|资产|负债|贷款|回购|股息|投资|服务费|手续费|佣金|薪酬|福利/u;

const NEW_CLAUSE_BEFORE = /(?:[,;，；]|\bwhile|\bwhereas|\bbut)\s?(?:while|whereas|but|and|而|但)?\s?(?:the\s)?$/u;

export function parenDepthAt(text: string, pos: number): number {
  let depth = 0;
  for (let i = 0; i < pos; i += 1) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth += 1;
    else if ((ch === ')' || ch === '）') && depth > 0) depth -= 1;
  }
  return depth;
}

export function resolveMetric(slot: Slot, view: SentenceView, ctx: SentenceContext): { token: MetricToken; metric: MetricDef } | null {
  const n = slot.n;
  const after = view.folded.slice(n.end, n.end + 40);
  const depth = parenDepthAt(view.folded, n.start);
  // "556 employees, including 250 R&D personnel": a metric right after the number names it.
  const adjacent = view.metrics.find((m) => m.start >= n.end && /^\s?(?:(?:on|in|for)\s(?:the\s)?)?$/u.test(view.folded.slice(n.end, m.start)));
  if (adjacent && !adjacent.metric.blocker && compatible(adjacent.metric, n, ctx)) {
    slot.metricAfter = true;
    return { token: adjacent, metric: adjacent.metric };
  }
  const preceding = view.metrics.filter((m) => m.end <= n.start).reverse();
  for (const token of preceding) {
    if (token.metric.blocker) return null;
    // A metric inside a parenthesis does not govern a number outside it.
    if (parenDepthAt(view.folded, token.start) > depth) continue;
    const between = view.folded.slice(token.end, n.start).replace(/[(（][^()（）]*[)）]/gu, ' ');
    if (OTHER_MONEY_NOUN.test(between) || PART_OF_AFTER.test(between)) return null;
    // "Omega reported net profit of X, while Zeta lost Y": a new subject after a clause break
    // starts a statement the earlier metric does not govern.
    if (view.companies.some((c) => c.start >= token.end && c.end <= n.start && NEW_CLAUSE_BEFORE.test(view.folded.slice(token.end, c.start)))) return null;
    // "研发开支…,占收入比例分别为37.8%…": R&D as a share of revenue.
    if (token.metric.id === 'rd_expense' && n.unit === '%' && SHARE_OF_REVENUE.test(between)) return { token, metric: METRIC_BY_ID.get('rd_ratio')! };
    // "汽车解决方案:营业额…9.13亿元,占总营业额97.7%": a line's share of the company's revenue.
    // "云业务收入30亿元,占比60%": the share said right after the line's revenue.
    if (token.metric.id === 'revenue' && token.segment && n.unit === '%' && (SHARE_OF_REVENUE.test(between) || /[,，]\s?占比\s?(?:为|达|约|约为)?\s?$/u.test(between))) return { token, metric: METRIC_BY_ID.get('revenue_share')! };
    // "研发团队共有657人,占员工总数的74%": R&D staff as a share of all employees.
    if (token.metric.id === 'rd_headcount' && n.unit === '%' && SHARE_OF_STAFF.test(between)) return { token, metric: METRIC_BY_ID.get('rd_headcount_share')! };
    const ratio = ratioOf(token, n, after);
    if (ratio) return { token, metric: ratio };
    if (compatible(token.metric, n, ctx)) return { token, metric: token.metric };
    const counterpart = AMOUNT_COUNTERPART[token.metric.id];
    // "gross margin ... RMB 2.1 billion": the margin's amount; never points or times.
    const amount = counterpart ? METRIC_BY_ID.get(counterpart)! : null;
    if (amount && n.unit !== null && compatible(amount, n, ctx)) return { token, metric: amount };
    // The nearest metric of another kind governs this part of the sentence: stop here
    // rather than reach back past it to a metric the number probably does not belong to.
    if (token.metric.kind !== 'ratio' || n.unit === '%') break;
  }
  const next = view.metrics.find((m) => m.start >= n.end && m.start - n.end <= 2);
  if (next && !next.metric.blocker && compatible(next.metric, n, ctx) && !/[,;，；]/u.test(view.folded.slice(n.end, next.start))) {
    slot.metricAfter = true;
    return { token: next, metric: next.metric };
  }
  return null;
}

/** The same phrase of the sentence. */
export function sameToken(a: MetricToken, b: MetricToken): boolean {
  return a.start === b.start && a.end === b.end;
}

export function pairMetrics(values: Slot[], view: SentenceView, ctx: SentenceContext): void {
  const f = view.folded;
  // "Selling and marketing expenses, general and administrative expenses and R&D expenses were
  // A, B and C, respectively": a list of metrics and a list of values pair in order.
  const metricRuns = runs(view.metrics.filter((m) => !m.metric.blocker), (a, b) => METRIC_GAP.test(f.slice(a.end, b.start)));
  // "Selling costs and R&D expenses were A and B": more values listed than metrics named, and
  // no periods to pair them with: which value is whose is not said.
  for (const valueList of runs(values.filter((v) => !v.dropped), (a, b) => a.n.unit === b.n.unit && /^\s?(?:and|及|和|与|、|,|,\s?and)\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u.test(f.slice(a.n.end, b.n.start)))) {
    if (valueList.length < 2 || valueList.some((v) => v.listPeriod || v.prior)) continue;
    const lead = view.metrics.filter((m) => m.end <= valueList[0]!.n.start).at(-1);
    if (!lead || !/^\s?(?:were|are|分别为|分别是)\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u.test(f.slice(lead.end, valueList[0]!.n.start))) continue;
    const named = metricRuns.find((r) => r.includes(lead))?.length ?? 1;
    if (named < valueList.length) for (const v of valueList) v.dropped = true;
  }
  for (const list of metricRuns) {
    if (list.length < 2) continue;
    const last = list.at(-1)!;
    const after = values.filter((v) => v.n.start >= last.end && !v.dropped);
    const paired = after.slice(0, list.length);
    if (paired.length < list.length) continue;
    if (!/^\s?(?:were|was|are|is|of|amounted to|totaled|totalled|reached|分别为|分别是|分别达|为|:)\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u.test(f.slice(last.end, paired[0]!.n.start))) continue;
    if (!paired.every((v, i) => i === 0 || /^\s?(?:and|及|和|与|、|,|,\s?and)\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u.test(f.slice(paired[i - 1]!.n.end, v.n.start)))) continue;
    // Three or more need the text to say so; two read the same either way.
    if (list.length > 2 && !/respectively|分别/u.test(f.slice(last.end, Math.min(f.length, paired.at(-1)!.n.end + 16)))) continue;
    if (!paired.every((v, i) => compatible(list[i]!.metric, v.n, ctx))) continue;
    const own = paired.find((v) => v.own)?.own;
    paired.forEach((v, i) => {
      v.metric = list[i]!;
      // "X and Y were A and B this quarter": the period at the end is every figure's.
      v.own ??= own;
    });
  }
}

const METRIC_GAP = /^\s?(?:and|及|和|与|、|,|,\s?and)\s?$/u;

/**
 * "营业收入和毛利分别较上年同期下降27.83%和22.91%", "revenue and gross profit rose 5% and 3%
 * respectively": a list of metrics and a list of changes of the same length pair in order.
 */
export function pairChangeLists(changes: Slot[], view: SentenceView): Map<Slot, MetricToken> {
  const f = view.folded;
  const out = new Map<Slot, MetricToken>();
  const metricRuns = runs(view.metrics.filter((m) => !m.metric.blocker), (a, b) => /^\s?(?:and|及|和|与|、|,)\s?$/u.test(f.slice(a.end, b.start)));
  for (const list of runs(changes, (a, b) => LIST_GAP.test(f.slice(a.n.end, b.n.start)))) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const last = list.at(-1)!;
    const metrics = [...metricRuns].reverse().find((r) => r.at(-1)!.end <= first.n.start);
    if (!metrics || metrics.length !== list.length) continue;
    // Nothing but the comparison words between the metrics and their changes, and "respectively" said.
    const between = f.slice(metrics.at(-1)!.end, first.n.start);
    if (/[,，;；。]/u.test(between) || view.numbers.some((n) => n.start >= metrics.at(-1)!.end && n.end <= first.n.start)) continue;
    if (!/分别|分別|依次|respectively/u.test(between + f.slice(last.n.end, last.n.end + 16))) continue;
    list.forEach((c, i) => out.set(c, metrics[i]!));
  }
  return out;
}

// "A, B and C were X, Y and Z, respectively": a list of values that pairs with a list of metrics
// (pairMetrics), not with periods.
export function pairsWithMetrics(list: Slot[], view: SentenceView): boolean {
  const f = view.folded;
  const first = list[0]!;
  const before = view.metrics.filter((m) => !m.metric.blocker && m.end <= first.n.start);
  const lead = before.at(-1);
  if (!lead || !/^\s?(?:were|was|are|is|of|amounted to|totaled|totalled|分别为|分别是|分别达|为|:)\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u.test(f.slice(lead.end, first.n.start))) return false;
  let count = 1;
  for (let i = before.length - 1; i > 0 && /^\s?(?:and|及|和|与|、|,|,\s?and)\s?$/u.test(f.slice(before[i - 1]!.end, before[i]!.start)); i -= 1) count += 1;
  return count === list.length;
}
