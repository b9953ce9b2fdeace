import type { Company } from '../companies/registry.ts';
import { periodLabel, periodSortKey, previousPeriod, previousYear, type Period } from '../periods.ts';
import type { FactQualifiers, StatedChange } from './fact.ts';
import type { NumberToken } from './numbers.ts';
import { resolveRelative, type PeriodRef, type PeriodToken } from './period-phrases.ts';
import { SEGMENT_METRICS, type MetricToken, type SentenceView } from './sentence-view.ts';
import { excludingBefore } from './qualifier-cues.ts';
import { changeBasis, changeFact, defaultBasis, periodForChange } from './change-figures.ts';
import type { SentenceContext, SentenceFact } from './sentence-fact.ts';
import { LIST_GAP, runs, type Slot } from './slot.ts';
import { pairChangeLists, pairMetrics, resolveMetric, sameToken } from './number-metric.ts';
import { pairListPeriods } from './list-periods.ts';
import { boundOf, expectedByOthers, isApproximate, statedAsNegative } from './value-words.ts';
import { rivalPeriod, subjectBeforeModifier } from './period-doubt.ts';

/**
 * From the tokens of one sentence to figures: which metric, period and company each
 * number belongs to. Every rule prefers dropping a number to guessing: a figure the
 * sentence does not tie to a period is not extracted.
 */

export type { SentenceContext, SentenceFact } from './sentence-fact.ts';

const CHANGE_BEFORE =
  /(?<![a-z])(?:increase[sd]?|decrease[sd]?|decline[sd]?|rose|rise|rises|rising|grew|grow|grows|growth|growing|fell|fall|falls|falling|drop(?:ped|s)?|down|up|reduction|reduced|narrow(?:ed|ing)?|widen(?:ed|ing)?|improve(?:d|ment)|jump(?:ed)?|surge[sd]?|plunge[sd]?|slump(?:ed)?|shrank|expand(?:ed)?|同比|环比|下滑|下降|下跌|增长|上升|增加|减少|扩大|收窄|缩窄|年增|季增|年减|季减|提升|提高|改善|回升|回落|攀升|上涨|下挫|萎缩|倒退|缩水|降低|锐减|大增|大减|大升|大跌|大涨|增|降|减|升|跌|涨|多|少)(?:\s*(?:by|of|about|around|approximately|nearly|roughly|a|significant|significantly|slightly|sharply|substantially|only|了|大幅|小幅|约|近))*\s*$/u;
const AMOUNT_CHANGE_BEFORE = /(?:增加|减少|增长|下降|下滑|上升|多|少|增|减|increased by|decreased by|grew by|rose by|fell by|declined by|up by|down by|an increase of|a decrease of)\s?(?:了|约|近|逾)?\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u;
const CHANGE_AFTER = /^\s?(?:year[- ](?:over|on)[- ]year|yoy|quarter[- ](?:over|on)[- ]quarter|sequentially|increase|decrease|growth|decline|rise|drop|reduction|higher|lower|jump|fall|improvement)/u;
const CHANGE_VERB =
  /(?<![a-z])(?:increase[sd]?|decrease[sd]?|decline[sd]?|rose|rise|rises|rising|grew|grow|grows|growth|growing|fell|fall|falls|falling|drop(?:ped|s)?|down|up|reduction|reduced|narrow(?:ed|ing)?|widen(?:ed|ing)?|improve(?:d|ment)|jump(?:ed)?|surge[sd]?|plunge[sd]?|slump(?:ed)?|shrank|expand(?:ed)?|下滑|下降|下跌|增长|上升|增加|减少|扩大|收窄|缩窄|年增|季增|年减|季减|提升|提高|改善|回升|回落|攀升|上涨|下挫|萎缩|倒退|缩水|降低|锐减|大增|大减|大升|大跌|大涨|增|降|减|升|跌|涨|多|少)/gu;
const NEGATIVE_CHANGE = /decrease|decline|fell|fall|drop|down|reduction|reduced|narrow|lower|shrank|slump|plunge|下滑|下降|下跌|回落|下挫|萎缩|倒退|缩水|大跌|跌|少|减少|缩窄|收窄|降低|锐减|年减|季减|大减|降|减/u;
const FROM_BEFORE = /(?:\bfrom|由|从)\s?(?:[\u4e00-\u9fff\d年底末的]{0,10})?(?:rmb|us\$|usd|\$|人民币)?\s?$/u;
const COMPARE_BEFORE = /(?:compared (?:to|with)|versus|vs\.?|as against|relative to|against|(?:narrower|wider|higher|lower|larger|smaller|bigger|better|worse|more|less) than|(?:up|down|rising|falling|increased|decreased|declined|grew|rose|fell|improved|narrowed|widened|growing) from|较|相比|对比)\s(?:the\s|a\s)?(?:(?:net\s)?(?:loss|losses|profit|revenue)\s(?:of\s)?)?(?:rmb|us\$|usd|\$|人民币)?\s?$/u;
// "较上年同期的运营亏损5.13亿元", "相比去年的": the comparison base, in Chinese word order.
const COMPARE_BEFORE_ZH = /(?:较|相比|对比|相较于?|(?<![占佔])比)(?:[\u4e00-\u9fff\d]{0,14}?)(?:的)?(?:人民币)?\s?$/u;
const NOT_A_BASE = /增|降|减|升|至|为|达|跌|涨|扩大|收窄|录得|实现|分别/u;
const CUMULATIVE_BEFORE = /(?:^|[,，;；]\s?)(?:累计|合计|共计|总计|in total|cumulatively)\s?(?:为|达|达到)?\s?(?:人民币|rmb)?\s?$/u;

function ownPeriod(n: NumberToken, view: SentenceView): PeriodToken | undefined {
  // "RMB141.2 million ($19.9 million) in the second quarter of 2030": the same figure in
  // another currency, in brackets, stands between a value and its period.
  const after = view.periods.find((p) => p.start >= n.end && /^\)?\s?(?:[(（][^()（）]{0,40}[)）]\s?)?(?:(?:in|for|during|at|as of|as at|of|from|by|on)\s(?:the\s)?)?$/u.test(view.folded.slice(n.end, p.start)));
  if (after) return after;
  const before = [...view.periods].reverse().find((p) => p.end <= n.start && /^(?:的|为|是|达|末的|底的)?\s?(?:rmb|us\$|usd|\$|人民币)?\s?$/u.test(view.folded.slice(p.end, n.start)));
  if (before && before.ref.type !== 'span') return before;
  return undefined;
}

function periodOf(ref: PeriodRef, base: Period | null): Period | null {
  return resolveRelative(ref, base);
}

/** Extract the figures of one sentence. */
export function associate(view: SentenceView, ctx: SentenceContext, companyAt: (pos: number) => Company): { facts: SentenceFact[]; period: Period | null; periodList: Period[] | null; listed: boolean } {
  const f = view.folded;
  const slots: Slot[] = view.numbers.map((n) => {
    const before = f.slice(Math.max(0, n.start - 40), n.start);
    const isChange = (n.unit === 'x' && CHANGE_BEFORE.test(before)) || (n.unit === '%' || n.unit === 'pp') && (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(f.slice(n.end, n.end + 30)) || /(?:^|\s)(?:a|an)\s$/u.test(before) && CHANGE_AFTER.test(f.slice(n.end, n.end + 30)));
    return { n, role: isChange ? 'change' : 'value' };
  });
  // "下降27.83%和22.91%": a percentage listed right after a change is a change too.
  for (let i = 1; i < slots.length; i += 1) {
    const a = slots[i - 1]!;
    const b = slots[i]!;
    if (a.role === 'change' && b.role === 'value' && b.n.unit === a.n.unit && /^\s?(?:、|and|,\s?and|及|和|与)\s?$/u.test(f.slice(a.n.end, b.n.start))) b.role = 'change';
  }
  // "研发费用较上期增加4.1亿元": an amount after a change verb is the change, not the level (to … is the level).
  for (const s of slots) {
    if (s.role === 'value' && s.n.unit !== '%' && s.n.unit !== 'pp' && AMOUNT_CHANGE_BEFORE.test(f.slice(Math.max(0, s.n.start - 24), s.n.start))) s.dropped = true;
  }
  // "increased by 120,000 yuan and 80,000 yuan respectively": the amounts listed with it are changes too.
  for (let i = 1; i < slots.length; i += 1) {
    const a = slots[i - 1]!;
    const b = slots[i]!;
    if (a.dropped && a.role === 'value' && b.role === 'value' && b.n.unit === a.n.unit && LIST_GAP.test(f.slice(a.n.end, b.n.start))) b.dropped = true;
  }
  const values = slots.filter((s) => s.role === 'value');
  for (const s of values) s.own = ownPeriod(s.n, view);
  // "Revenue was RMB 3.2 billion (2029: RMB 2.8 billion)", "毛利率为41.5%(2029年上半年:38.2%)": the
  // figure in brackets is the base, of the period written in the brackets, never the figure's own.
  for (let i = 0; i + 1 < values.length; i += 1) {
    const a = values[i]!;
    const b = values[i + 1]!;
    const gap = f.slice(a.n.end, b.n.start);
    if (!PAREN_BASE.test(gap) || !/^\s?[)）]/u.test(f.slice(b.n.end, b.n.end + 2))) continue;
    const open = a.n.end + gap.search(/[(（]/u);
    const inside = view.periods.find((p) => p.start > open && p.end <= b.n.start);
    if (!inside) continue;
    b.prior = true;
    b.current = a;
    b.own = inside;
    if (a.own === inside) a.own = undefined;
  }

  // "between RMB 7.25 billion and RMB 7.75 billion": one figure, a range.
  for (let i = 0; i + 1 < values.length; i += 1) {
    const a = values[i]!;
    const b = values[i + 1]!;
    const between = /between\s(?:rmb|us\$|\$)?\s?$|介于\s?$|在\s?$/u.test(f.slice(Math.max(0, a.n.start - 12), a.n.start)) && /^\s?(?:and|to|至|到|-|–)\s?$/u.test(f.slice(a.n.end, b.n.start));
    // Guidance "revenue of RMB 9.0 billion to RMB 9.5 billion": a range, unless it is "from X to Y".
    const guided = a.n.start > view.forecastAt && a.n.value < b.n.value && /^\s?(?:to|至|到|-|–)\s?(?:rmb|us\$|\$|人民币)?\s?$/u.test(f.slice(a.n.end, b.n.start)) && !FROM_BEFORE.test(f.slice(Math.max(0, a.n.start - 24), a.n.start));
    if ((between || guided) && a.n.unit === b.n.unit) {
      b.dropped = true;
      a.range = { low: a.n, high: b.n };
      a.own ??= b.own;
    }
  }
  const owned = new Set(values.filter((s) => !s.dropped).map((s) => s.own).filter(Boolean));

  const pairedList = pairListPeriods(values, view, ctx, owned);

  // "from X (to) Y": chains of the same metric; earlier values are comparison bases.
  for (let i = 0; i < values.length; i += 1) {
    const first = values[i]!;
    if (first.dropped || first.listPeriod || !FROM_BEFORE.test(f.slice(Math.max(0, first.n.start - 24), first.n.start))) continue;
    const chain = [first];
    for (let j = i + 1; j < values.length; j += 1) {
      const s = values[j]!;
      if (s.dropped || s.n.unit !== first.n.unit) break;
      const between = f.slice(chain.at(-1)!.n.end, s.n.start);
      if (view.metrics.some((m) => m.start >= chain.at(-1)!.n.end && m.end <= s.n.start) || /(?:\bfrom|由|从)\s?[^,，]*$/u.test(between.replace(/^.*?(?:\bto|至|到)/u, ''))) break;
      chain.push(s);
    }
    if (chain.length < 2) continue;
    const current = chain.at(-1)!;
    for (const s of chain.slice(0, -1)) {
      s.prior = true;
      s.current = current;
    }
    // A chain must move forward in time; a statement that does not is a slip of the source.
    for (let k = 0; k + 1 < chain.length; k += 1) {
      const a = chain[k]!.own;
      const b = chain[k + 1]!.own;
      if (a?.ref.type === 'abs' && b?.ref.type === 'abs' && periodSortKey(a.ref.period) >= periodSortKey(b.ref.period)) chain[k]!.dropped = true;
    }
    i += chain.length - 1;
  }

  // "compared to (the loss of) X": a comparison base for the value before it.
  for (const s of values) {
    if (s.prior || s.listPeriod) continue;
    const lead = f.slice(Math.max(0, s.n.start - 40), s.n.start);
    const zh = lead.match(COMPARE_BEFORE_ZH);
    // The base of an amount is an amount: "X, which is 40.0% of revenue, compared to Y".
    const current = values.filter((v) => v.n.end <= s.n.start && !v.prior && !v.dropped && (v.n.unit === '%') === (s.n.unit === '%')).at(-1);
    // "narrowed to X from Y", "improved to 41.5% from 38.2%": the chain written the other way round.
    const toThenFrom = current && TO_BEFORE.test(f.slice(Math.max(0, current.n.start - 12), current.n.start)) && FROM_ONLY_BEFORE.test(f.slice(current.n.end, s.n.start));
    if (!COMPARE_BEFORE.test(lead) && !(zh && !NOT_A_BASE.test(zh[0])) && !toThenFrom) continue;
    if (!current) continue;
    s.prior = true;
    s.current = current;
  }

  // "compared to RMB 29.4 million, or 28.2% of total revenue, in the previous year": a share
  // said of a comparison base is of the base's period.
  for (let i = 1; i < values.length; i += 1) {
    const s = values[i]!;
    const base = values[i - 1]!;
    if (s.n.unit === '%' && base.prior && !s.prior && !s.own && ALONGSIDE_GAP.test(f.slice(base.n.end, s.n.start))) s.alongside = base;
  }

  // Metrics: nearest governing phrase.
  for (const s of values) {
    if (s.dropped) continue;
    const found = resolveMetric(s, view, ctx);
    if (!found) {
      s.dropped = true;
      continue;
    }
    s.metric = { ...found.token, metric: found.metric };
  }

  // Paired metrics: "Selling costs and other costs were RMB 12.3 million and RMB 4.5 million".
  pairMetrics(values, view, ctx);

  // "…分别为A、B、C及D,累计X": a total over the years of the list, of the metric just listed.
  for (const s of values) {
    if (s.metric && !s.metric.cumulative && CUMULATIVE_BEFORE.test(f.slice(Math.max(0, s.n.start - 12), s.n.start))) s.metric = { ...s.metric, cumulative: true };
  }

  // "net profit attributable to equity holders of X, compared to a loss of Y": the base named
  // by a bare word is the same figure as the current one, with its qualifiers.
  for (const s of values) {
    const cur = s.current?.metric;
    if (!s.prior || !s.metric || !cur || s.metric.metric.id !== cur.metric.id) continue;
    if (!/^(?:a |the )?(?:net )?(?:loss|losses|profit|profits|亏损|盈利|净亏损|净利润)$/u.test(f.slice(s.metric.start, s.metric.end))) continue;
    s.metric = { ...cur, start: s.metric.start, end: s.metric.end, negative: s.metric.negative };
  }

  // Periods.
  const sentencePeriodToken = view.periods.find((p) => !owned.has(p) && !p.since && p.ref.type === 'abs');
  const sentencePeriod = sentencePeriodToken?.ref.type === 'abs' ? sentencePeriodToken.ref.period : null;
  const undated = view.periods.some((p) => p.ref.type === 'undated' && !owned.has(p));
  const spanToken = view.periods.find((p) => p.ref.type === 'span' && !p.since);
  for (const s of values) {
    if (s.dropped || s.prior || s.alongside) continue;
    if (s.listPeriod) {
      s.period = s.listPeriod;
      continue;
    }
    if (s.metric?.cumulative || s.metric?.metric.id === 'revenue_cagr') {
      s.period = spanToken?.ref.type === 'span' && !spanToken.ref.last ? { kind: 'span', fromYear: spanToken.ref.fromYear, toYear: spanToken.ref.toYear } : null;
      continue;
    }
    if (s.own) {
      s.period = periodOf(s.own.ref, sentencePeriod ?? ctx.paragraphPeriod ?? ctx.docPeriod);
      continue;
    }
    // "上年同期亏损5.1亿元;每股亏损0.12元": a comparison's period ends with its clause.
    let before = [...view.periods].reverse().find((p) => p.end <= s.n.start && !owned.has(p) && !p.since && p.ref.type !== 'span' && !(p.ref.type === 'same-period-prior-year' && /[;；]/u.test(f.slice(p.end, s.n.start))));
    // "Net margin was negative 36.2% this quarter, and adjusted net margin was
    // negative 14.6%": a later figure shares the period an earlier main figure was given.
    if (!before) before = values.filter((v) => v.n.end <= s.n.start && !v.prior && v.own && !v.own.since && v.own.ref.type === 'abs').at(-1)?.own;
    // "公司第二季度的经营扭转了第一季度业绩下滑的不利局面,实现营业收入…": a period inside a 的-phrase
    // describes something else; the sentence's subject period is the figure's.
    const subject = before ? subjectBeforeModifier(before, view, owned) : undefined;
    if (subject) before = subject;
    const later = view.periods.find((p) => p.start >= s.n.end && !owned.has(p) && !p.since && p.ref.type === 'abs' && !/[,;，；]/u.test(f.slice(s.n.end, p.start)));
    const token = before ?? later;
    // "第二季度的经营扭转了第一季度业绩下滑…,实现营业收入49.54亿元": two periods named one after the
    // other, with no figure between them, before a figure: which one it belongs to is in doubt.
    if (!subject && before && before.ref.type === 'abs' && rivalPeriod(before, s, view, values, owned)) {
      s.period = null;
      continue;
    }
    if (token?.ref.type === 'undated' || (!token && undated)) {
      s.period = null;
      continue;
    }
    if (token) {
      s.period = periodOf(token.ref, sentencePeriod ?? ctx.paragraphPeriod ?? ctx.docPeriod);
      s.periodWritten = token.ref.type === 'abs' && /(?:19|20)\d{2}/u.test(token.text);
      if (token.ref.type === 'abs' && token.ref.yearInferred && ctx.docPeriod && 'year' in ctx.docPeriod && token.ref.period.kind !== 'date' && token.ref.period.kind !== 'span' && token.ref.period.year !== ctx.docPeriod.year) s.periodInferred = true;
      continue;
    }
    const forecast = s.n.start > view.forecastAt;
    if (forecast) {
      s.period = ctx.paragraphPeriod;
      s.periodInferred = true;
      continue;
    }
    s.period = ctx.periodInDoubt ? null : ctx.paragraphPeriod ?? ctx.docPeriod;
    // Carried from an earlier sentence of the paragraph: weaker, but read as the text says.
    s.periodInferred = !ctx.paragraphPeriod;
    s.carried = Boolean(ctx.paragraphPeriod);
  }
  for (const s of values) {
    if (s.dropped || !s.prior || !s.current) continue;
    const base = s.current.period ?? null;
    if (s.own) {
      s.period = periodOf(s.own.ref, base);
    } else if (base && base.kind !== 'span' && base.kind !== 'date') {
      // "compared to X, or 28.2% of revenue, in the previous year": for a base, the year
      // before is the same period a year earlier, not the calendar year before publication.
      const yearBefore = view.periods.find((p) => p.start >= s.n.end && p.start - s.n.end <= 60 && PRIOR_YEAR_WORD.test(p.text) && !values.some((v) => v !== s && v.n.unit === s.n.unit && v.n.start > s.n.end && v.n.start < p.start));
      const basisYoy = (view.yoy && !view.qoq) || Boolean(yearBefore);
      const basisQoq = view.qoq && !view.yoy;
      // "increased by 11.8% from A to B": a change with no basis word is year on year, and so
      // is the base it is measured from; a year is always compared with the year before.
      const defaultYoy = !view.qoq && (base.kind === 'FY' || (slots.some((c) => c.role === 'change') && defaultBasis(f, s.n.start) === 'yoy'));
      if (basisYoy) s.period = previousYear(base);
      else if (basisQoq) s.period = previousPeriod(base);
      else s.period = parallelPrior(s, values) ?? (defaultYoy ? previousYear(base) : null);
    } else {
      s.period = null;
    }
  }

  for (const s of values) {
    if (s.alongside) s.period = s.alongside.dropped ? null : s.alongside.period ?? null;
  }

  // Changes attach to the value they describe; a change with no value of its metric in
  // the clause ("销售费用同比减少59.72%") is a figure of its own.
  const changes = slots.filter((s) => s.role === 'change');
  const attached = new Map<Slot, Array<StatedChange & { n: NumberToken }>>();
  const standalone: Array<{ c: Slot; metric: MetricToken; change: StatedChange }> = [];
  const pairedChanges = pairChangeLists(changes, view);
  for (const c of changes) {
    const afterText = f.slice(c.n.end, c.n.end + 40);
    const paired = pairedChanges.get(c);
    const governing = paired ?? view.metrics.filter((m) => m.end <= c.n.start).at(-1);
    let target: Slot | undefined;
    if (paired) {
      const verbs = [...f.slice(Math.max(0, c.n.start - 40), c.n.start).matchAll(CHANGE_VERB)];
      const sign = c.n.signed ? 1 : NEGATIVE_CHANGE.test(verbs.at(-1)?.[0] ?? '') ? -1 : 1;
      const unit = paired.metric.kind === 'ratio' ? 'pp' : c.n.unit === 'pp' ? 'pp' : '%';
      if (paired.metric.kind === 'ratio' && c.n.unit !== 'pp') continue;
      const magnitude = c.n.unit === 'x' ? Math.round(Math.abs(c.n.value) * 100 * 1e6) / 1e6 : Math.abs(c.n.value);
      standalone.push({ c, metric: paired, change: { value: sign * magnitude, unit, basis: changeBasis(f, view.numbers.find((n) => n.start < c.n.start) ?? c.n, slots.map((x) => x.n)) ?? defaultBasis(f, c.n.start) } });
      continue;
    }
    if (/^\s?(?:year[- ](?:over|on)[- ]year\s|yoy\s|quarter[- ](?:over|on)[- ]quarter\s)?(?:to|至|到)\s?/u.test(afterText)) {
      target = values.find((v) => v.n.start >= c.n.end && !v.dropped);
    } else if (/^\s?(?:year[- ](?:over|on)[- ]year\s|yoy\s)?(?:from|由|从)\s[^;；]{0,70}?(?:\sto|至|到)\s?(?:rmb|us\$|\$|人民币)?\s?\d/u.test(f.slice(c.n.end, c.n.end + 90))) {
      // "increased by 59.2% from A to B": the change is B's.
      target = values.find((v) => v.n.start >= c.n.end && !v.dropped && !v.prior);
    }
    const earlier = values.filter((v) => v.n.end <= c.n.start && !v.dropped && !v.prior).at(-1);
    // The value before the change is its level only when no other metric is named between them.
    if (!target && earlier?.metric && (!governing || governing.start <= earlier.n.start || governing === earlier.metric || sameToken(governing, earlier.metric))) target = earlier;
    // "X in 2024, compared to a loss of Y in 2023, marking a 23.1% increase": the metric named
    // with the comparison base is the current figure's; the change is the current one's.
    if (!target && governing) {
      const base = values.find((v) => v.prior && v.current && !v.current.dropped && v.metric && sameToken(v.metric, governing));
      if (base && base.current!.n.end <= c.n.start) target = base.current;
    }
    if (!target && !governing) target = values.find((v) => v.n.start >= c.n.end && !v.dropped && !v.prior);
    const metricToken = target?.metric ?? governing;
    if (!metricToken || metricToken.metric.blocker) continue;
    // The verb nearest before the number decides the direction ("下滑12.34%至..., 亏损也同比扩大5.67%").
    const verbs = [...f.slice(Math.max(0, c.n.start - 40), c.n.start).matchAll(CHANGE_VERB)];
    const lastVerb = verbs.at(-1)?.[0] ?? '';
    let sign = (lastVerb ? NEGATIVE_CHANGE.test(lastVerb) : /^\s?(?:decrease|decline|drop|reduction|lower|fall)/u.test(afterText)) ? -1 : 1;
    if (c.n.signed) sign = 1;
    const magnitude = c.n.unit === 'x' ? Math.round(Math.abs(c.n.value) * 100 * 1e6) / 1e6 : Math.abs(c.n.value);
    const unit = metricToken.metric.kind === 'ratio' ? 'pp' : c.n.unit === 'pp' ? 'pp' : '%';
    // A ratio moves in points; a percentage change of a ratio is not stated that way.
    if (metricToken.metric.kind === 'ratio' && c.n.unit !== 'pp') continue;
    const basis = changeBasis(f, c.n, slots.map((x) => x.n)) ?? (target ? null : defaultBasis(f, c.n.start));
    if (target) {
      const loss = target.metric!.negative && !target.n.signed;
      // A loss that grows is net income falling: "亏损扩大5.67%" is -5.67%, "loss narrowed" is +.
      const fromPrior = basisFromPrior(target, values);
      // Results compare with the same period a year earlier unless the text says otherwise.
      const stated: StatedChange = { value: (loss ? -sign : sign) * magnitude, unit, basis: basis ?? (fromPrior === 'prior' ? defaultBasis(f, c.n.start) : fromPrior) };
      const list = attached.get(target) ?? [];
      if (!list.some((x) => x.basis === stated.basis)) list.push({ ...stated, n: c.n });
      attached.set(target, list);
    } else {
      standalone.push({ c, metric: metricToken, change: { value: sign * magnitude, unit, basis: basis ?? 'yoy' } });
    }
  }

  const facts: SentenceFact[] = [];
  for (const s of values) {
    if (s.dropped || !s.metric || !s.period) continue;
    const m = s.metric;
    const n = s.n;
    const forecast = n.start > view.forecastAt;
    // Analysts' estimates and consensus figures are not the company's: never a figure of it.
    if (forecast && view.othersForecast) continue;
    if (expectedByOthers(f, n)) continue;
    const approximate = isApproximate(f, n);
    // An approximate figure that is not a forecast and has no period of its own is too loose to quote as a figure.
    // Unless its sentence writes the period out ("截至2030年12月31日,现金约为…", "2030年收入约为…"):
    // spoken round numbers ("about RMB 600 million revenue … last quarter") are not figures.
    if (approximate && !forecast && !s.own && !s.listPeriod && !s.periodWritten) continue;
    if (s.period.kind === 'span' && !m.cumulative && m.metric.id !== 'revenue_cagr') continue;
    if ((m.cumulative || m.metric.id === 'revenue_cagr') && s.period.kind !== 'span') continue;
    const qualifiers: FactQualifiers = {};
    if (m.adjusted) qualifiers.adjusted = true;
    if (m.nonGaap) qualifiers.nonGaap = true;
    if (m.attributable) qualifiers.attributable = true;
    if (m.exclNonrecurring) qualifiers.exclNonrecurring = true;
    // The line of the phrase is the line of every line metric read from it ("cloud gross profit …,
    // or 40% of cloud revenue" is the line's margin, never the company's).
    if (m.segment && SEGMENT_METRICS.has(s.metric.metric.id)) qualifiers.segment = m.segment;
    // The company's share of its own revenue is no figure: a share is always a line's.
    if (s.metric.metric.lineOnly && !qualifiers.segment) continue;
    if (forecast) qualifiers.forecast = true;
    if (m.cumulative) qualifiers.cumulative = true;
    if (approximate) qualifiers.approximate = true;
    const bound = boundOf(f, n);
    if (bound) qualifiers.bound = bound;
    if (view.excluding || excludingBefore(f, n.start)) qualifiers.excludingItems = true;
    if (s.periodInferred) qualifiers.periodInferred = true;
    let value = n.value;
    if (m.negative && !n.signed && m.metric.id === s.metric.metric.id) value = -Math.abs(value);
    if (!n.signed && statedAsNegative(f, n, s.metric.metric)) value = -Math.abs(value);
    let unit: SentenceFact['unit'];
    if (s.metric.metric.kind === 'ratio') unit = '%';
    else if (s.metric.metric.kind === 'count') unit = 'count';
    else unit = (n.unit === 'CNY' || n.unit === 'USD' || n.unit === 'HKD' ? n.unit : ctx.defaultCurrency) ?? 'CNY';
    let confidence = 1;
    if (s.periodInferred) confidence -= 0.25;
    if (s.carried) confidence -= 0.1;
    if (m.segmentFromTopic) confidence -= 0.2;
    if (s.metricAfter) confidence -= 0.1;
    if (approximate) confidence -= 0.1;
    if (s.prior && !s.own) confidence -= 0.15;
    const fact: SentenceFact = {
      company: companyAt(n.start),
      metric: s.metric.metric,
      period: s.period,
      value,
      unit,
      qualifiers,
      number: n,
      confidence: Math.max(0.05, confidence),
    };
    if (s.range) {
      const low = Math.min(s.range.low.value, s.range.high.value);
      const high = Math.max(s.range.low.value, s.range.high.value);
      fact.range = { low, high };
      fact.value = (low + high) / 2;
      fact.number = { ...n, end: s.range.high.end, text: f.slice(n.start, s.range.high.end) };
    }
    const stated = attached.get(s) ?? [];
    const first = stated.find((c) => c.basis === 'yoy') ?? stated[0];
    if (first) fact.change = { value: first.value, unit: first.unit, basis: first.basis };
    facts.push(fact);
    for (const { n: changeNumber, ...change } of stated) {
      // The change of a loss is stated as the text says it ("亏损扩大51.5%" is +51.5).
      const asWritten = s.metric?.negative && !n.signed ? -change.value : change.value;
      facts.push(changeFact(fact, { ...change, value: asWritten }, changeNumber));
    }
  }
  for (const { c, metric, change } of standalone) {
    const period = periodForChange(c.n, view, ctx);
    if (!period || period.kind === 'date' || (period.kind === 'span') !== Boolean(metric.cumulative)) continue;
    const qualifiers: FactQualifiers = {};
    if (metric.adjusted) qualifiers.adjusted = true;
    if (metric.attributable) qualifiers.attributable = true;
    if (metric.exclNonrecurring) qualifiers.exclNonrecurring = true;
    if (metric.segment) qualifiers.segment = metric.segment;
    if (metric.metric.lineOnly && !qualifiers.segment) continue;
    if (metric.cumulative) qualifiers.cumulative = true;
    if (c.n.start > view.forecastAt) qualifiers.forecast = true;
    if (qualifiers.forecast && view.othersForecast) continue;
    if (view.excluding || excludingBefore(f, c.n.start)) qualifiers.excludingItems = true;
    const base: SentenceFact = { company: companyAt(c.n.start), metric: metric.metric, period, value: 0, unit: '%', qualifiers, number: c.n, confidence: 0.8 };
    facts.push(changeFact(base, change, c.n));
  }
  // The period the sentence reports goes on for the paragraph; a comparison's period does not
  // ("…compared to RMB 19.4 million in the previous year" leaves the next item in this year).
  // A forecast's period ("expects fourth-quarter revenue of…") is not the period the paragraph reports.
  const reported = values.find((v) => !v.dropped && !v.prior && v.period && v.period.kind !== 'span' && v.period.kind !== 'date' && v.n.start <= view.forecastAt)?.period;
  const established = reported ?? (sentencePeriod && sentencePeriod.kind !== 'span' && !(sentencePeriodToken && sentencePeriodToken.start > view.forecastAt) ? sentencePeriod : null);
  // Figures of several periods listed: no one period goes on for the paragraph.
  const listed = new Set(values.filter((v) => v.listPeriod && !v.dropped).map((v) => periodLabel(v.listPeriod!))).size > 1;
  return { facts, period: listed ? null : established, periodList: pairedList, listed };
}

// "(2029: RMB", "(去年同期:", "(2029年上半年:": a base in brackets, its period before the colon.
const PAREN_BASE = /^\s?[(（][^()（）:：]{1,30}[:：]\s?(?:rmb|us\$|usd|hk\$|\$|¥|人民币)?\s?$/u;
const TO_BEFORE = /(?:\bto|至|到)\s?(?:rmb|us\$|usd|\$|¥|人民币)?\s?$/u;
const FROM_ONLY_BEFORE = /^\s?(?:,\s?)?(?:from|由|从)\s?(?:rmb|us\$|usd|\$|¥|人民币)?\s?$/u;

// Between an amount and a share said of it: "X, or 28.2% of revenue", "X (28.2% of revenue)".
const ALONGSIDE_GAP = /^\s?(?:,\s?)?(?:or|which is|which was|representing|accounting for|\()\s?$/u;


// A year word that, after a comparison base, means the same period a year earlier.
const PRIOR_YEAR_WORD = /^(?:last year|the previous year|the prior year|a year (?:ago|earlier|before)|去年|上年)$/u;



// "900 million in 2030, compared to 800 million in 2029, a 12.5% increase": the
// comparison's period tells what the change is measured against.
function basisFromPrior(target: Slot, values: Slot[]): StatedChange['basis'] {
  const prior = values.find((v) => v.current === target && v.period && !v.dropped);
  if (!prior?.period || !target.period) return 'prior';
  const p = periodLabel(prior.period);
  if (p === periodLabel(previousYear(target.period))) return 'yoy';
  if (p === periodLabel(previousPeriod(target.period))) return target.period.kind === 'Q' ? 'qoq' : target.period.kind === 'H' ? 'hoh' : 'yoy';
  return 'prior';
}



// "员工人数由2030年底的900人减少至600人,研发人员从500人减少至300人": the second prior
// takes the period the sentence gave the first one when both end in the same period.
function parallelPrior(s: Slot, values: Slot[]): Period | undefined {
  const currentLabel = s.current?.period ? periodLabel(s.current.period) : null;
  for (const other of values) {
    if (other === s || !other.prior || !other.own || other.own.ref.type !== 'abs') continue;
    const otherCurrent = other.current?.period ? periodLabel(other.current.period) : null;
    if (otherCurrent && otherCurrent === currentLabel) return other.own.ref.period;
  }
  return undefined;
}

