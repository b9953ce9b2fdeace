import type { MetricDef } from './metrics.ts';
import type { NumberToken } from './numbers.ts';

/**
 * The words right around a number that say what kind of figure it is: approximate, a bound,
 * an outflow or a loss, or someone else's expectation rather than the company's figure.
 */

const CURRENCY = String.raw`(?:rmb|us\$|usd|\$|¥|人民币)?`;
const APPROX_BEFORE = new RegExp(String.raw`(?:about|around|approximately|roughly|nearly|almost|some|circa|approx\.?|(?:约|近|大约|接近|将近)(?:为|达|是|有)?)\s?${CURRENCY}\s?$`, 'u');
const AT_LEAST_BEFORE = new RegExp(String.raw`(?:over|more than|higher than|greater than|larger than|above|exceed(?:ed|ing|s)?|at least|in excess of|超过|超|逾|多于|高于)\s?${CURRENCY}\s?$`, 'u');
const AT_MOST_BEFORE = new RegExp(String.raw`(?:under|less than|lower than|fewer than|smaller than|below|at most|up to|不到|不足|低于)\s?${CURRENCY}\s?$`, 'u');
// "自由现金流为流出218亿元", "a net outflow of RMB 5 million": the flow is out.
const OUTFLOW_BEFORE = new RegExp(String.raw`(?:为|录得|是)?\s?(?:净)?流出\s?(?:人民币)?\s?$|(?:an?\s)?(?:net\s)?(?:cash\s)?outflows?\s(?:of\s)?${CURRENCY}\s?$`, 'u');
// "由盈转亏,录得X", "swung to a loss of X": a profit line stated as a loss.
const TURNED_TO_LOSS_BEFORE = new RegExp(String.raw`(?:转盈为亏|由盈转亏|盈转亏|由盈利转为亏损)[^,，;；。]{0,4}[,，]?\s?(?:录得|为|至)?\s?(?:人民币)?\s?$|(?:swung|swinging|turned|turning) (?:in)?to a (?:net )?loss (?:of )?${CURRENCY}\s?$`, 'u');
const PROFIT_LINES = new Set(['net_income', 'operating_income', 'gross_profit', 'ebitda', 'ebita']);
// Values a market or analysts expected: "逊市场预期的240亿元", "versus consensus of $1.15 billion".
const EXPECTED_BEFORE = new RegExp(String.raw`(?:市场|分析师|市场普遍|彭博|路透|market|analysts?'?|consensus|street)\s?(?:的)?\s?(?:预期|预测|预估|估计|expectations?|estimates?|forecasts?)?\s?(?:的|为|of|for)?\s?${CURRENCY}\s?$`, 'u');

const before = (f: string, n: NumberToken, chars: number) => f.slice(Math.max(0, n.start - chars), n.start);

/** "about RMB 1 billion", "约为16.58亿元", "10亿元左右". */
export function isApproximate(f: string, n: NumberToken): boolean {
  return APPROX_BEFORE.test(before(f, n, 16)) || /^\s?(?:or so|左右)/u.test(f.slice(n.end, n.end + 8));
}

/** "over RMB 1 billion", "超过10亿元", "10亿元以上"; "under", "不到". */
export function boundOf(f: string, n: NumberToken): 'at_least' | 'at_most' | undefined {
  if (AT_LEAST_BEFORE.test(before(f, n, 18)) || /以上$/u.test(f.slice(n.end, n.end + 2))) return 'at_least';
  if (AT_MOST_BEFORE.test(before(f, n, 18))) return 'at_most';
  return undefined;
}

/** The words say the amount is an outflow, or a profit line turned to a loss. */
export function statedAsNegative(f: string, n: NumberToken, metric: MetricDef): boolean {
  const lead = before(f, n, 24);
  return (metric.kind === 'amount' && OUTFLOW_BEFORE.test(lead)) || (PROFIT_LINES.has(metric.id) && TURNED_TO_LOSS_BEFORE.test(lead));
}

/** A value the market or analysts expected: never the company's figure. */
export function expectedByOthers(f: string, n: NumberToken): boolean {
  return EXPECTED_BEFORE.test(before(f, n, 20));
}
