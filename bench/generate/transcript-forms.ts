import { enAmount, zhFromEn, type Written, type ZhAmountStyle } from './numbers.ts';
import { periodBefore, yearBefore, type PlantPeriod } from './period-text.ts';
import { change, enMoney, moneyUnit, pct, people, plant, truth, type DraftFigure, type Statement, type WriteContext } from './planted.ts';

/**
 * Lines of an earnings call: an English line and its Chinese (Simplified) translation,
 * both stating the same figures. Periods are mostly relative to the call's quarter:
 * `this quarter`, `last quarter`, `the same period last year`.
 */
export interface PairedStatement {
  en: Statement;
  zh: Statement;
}

/** A transcript form; `d` is the call's quarter. */
export type PairedForm = (ctx: WriteContext, d: Extract<PlantPeriod, { kind: 'Q' }>) => PairedStatement | null;

const MONTH_END = ['', 'March', 'June', 'September', 'December'] as const;

function zhOf(ctx: WriteContext, en: Written, signed: boolean, afterWord = false): Written {
  // After a word such as 负 ("negative") the currency goes last: 负2.451亿元人民币.
  const style: ZhAmountStyle = ctx.rng.pick(afterWord ? ['plain', 'rmb-suffix'] : ['plain', 'rmb-prefix', 'rmb-suffix']);
  return zhFromEn(en, ctx.company.currency, style, signed);
}

// Both languages' records of the same figures; the Chinese form id is prefixed `tr.zh.`.
function pair(enText: string, zhText: string, en: DraftFigure[], zh: DraftFigure[]): PairedStatement {
  return { en: { text: enText, figures: en }, zh: { text: zhText, figures: zh } };
}

function both(ctx: WriteContext, form: string, metric: Parameters<typeof plant>[2], p: PlantPeriod, en: Written, zh: Written, unit: DraftFigure['unit'], extra: Parameters<typeof plant>[6] = {}): [DraftFigure, DraftFigure] {
  return [plant(ctx, `tr.${form}`, metric, p, en, unit, extra), plant(ctx, `tr.zh.${form}`, metric, p, zh, unit, extra)];
}

const revenueThisQuarter: PairedForm = (ctx, d) => {
  const en = enMoney(ctx, truth(ctx, 'revenue', d));
  const zh = zhOf(ctx, en, false);
  const [a, b] = both(ctx, 'revenue.this-quarter', 'revenue', d, en, zh, moneyUnit(ctx.company));
  return pair(`Lastly, our total revenue was ${en.text} this quarter.`, `最后，本季我们的总收入为${zh.text}。`, [a], [b]);
};

const segments: PairedForm = (ctx, d) => {
  if (ctx.company.sector !== 'cloud') return null;
  const pubEn = enMoney(ctx, truth(ctx, 'revenue', d, { segment: 'public cloud' }));
  const pubZh = zhOf(ctx, pubEn, false);
  const entNow = truth(ctx, 'revenue', d, { segment: 'enterprise cloud' });
  const c = change(entNow, truth(ctx, 'revenue', periodBefore(d), { segment: 'enterprise cloud' }));
  const entEn = enMoney(ctx, entNow);
  const entZh = zhOf(ctx, entEn, false);
  const unit = moneyUnit(ctx.company);
  const [p1, p2] = both(ctx, 'segment.public-cloud', 'revenue', d, pubEn, pubZh, unit, { segment: 'public cloud' });
  const [e1, e2] = both(ctx, 'segment.enterprise-cloud', 'revenue', d, entEn, entZh, unit, { segment: 'enterprise cloud' });
  return pair(
    `Revenue from public cloud services was ${pubEn.text}, remained stable compared with last quarter. Revenue from enterprise cloud services ${c.up ? 'increased' : 'decreased'} by ${c.abs} quarter-over-quarter to ${entEn.text} in Q${d.quarter}.`,
    `公有云服务收入为${pubZh.text}，与上一季相比维持稳定。第${'一二三四'[d.quarter - 1]}季企业云服务收入为${entZh.text}，环比${c.up ? '增长' : '下降'}${c.abs}。`,
    [p1, e1],
    [p2, e2],
  );
};

const yoyFromTo: PairedForm = (ctx, d) => {
  const metric = ctx.rng.pick(['revenue', 'rd_expense', 'capex'] as const);
  const a = truth(ctx, metric, d);
  const b = truth(ctx, metric, yearBefore(d));
  const [wa, wb] = [enMoney(ctx, a), enMoney(ctx, b)];
  const [za, zb] = [zhOf(ctx, wa, false), zhOf(ctx, wb, false)];
  const up = wa.value >= wb.value;
  const nameEn = { revenue: 'Total revenue', rd_expense: 'R&D expenses', capex: 'Capital expenditure' }[metric];
  const nameZh = { revenue: '总收入', rd_expense: '研发费用', capex: '资本支出' }[metric];
  const unit = moneyUnit(ctx.company);
  const [n1, n2] = both(ctx, 'yoy.from-to', metric, d, wa, za, unit);
  const [o1, o2] = both(ctx, 'yoy.from-to', metric, yearBefore(d), wb, zb, unit);
  return pair(
    `${nameEn} ${up ? 'increased' : 'decreased'} year-over-year from ${wb.text} to ${wa.text} this quarter.`,
    `本季${nameZh}由去年同期的${zb.text}${up ? '增加' : '减少'}至${za.text}。`,
    [n1, o1],
    [n2, o2],
  );
};

const grossMarginThree: PairedForm = (ctx, d) => {
  const periods = [d, periodBefore(d), yearBefore(d)];
  const ws = periods.map((p) => pct(ctx, truth(ctx, 'gross_margin', p)));
  const en = ws.map((w) => (w.value < 0 ? `negative ${w.abs}` : w.abs));
  const zhTexts = ws.map((w) => (w.value < 0 ? `负${w.abs}` : w.abs));
  const enFigs = ws.map((w, i) => plant(ctx, 'tr.gross-margin.this-last-same', 'gross_margin', periods[i]!, w, '%'));
  const zhFigs = ws.map((w, i) => plant(ctx, 'tr.zh.gross-margin.this-last-same', 'gross_margin', periods[i]!, w, '%'));
  return pair(
    `Gross margin was ${en[0]} this quarter, compared with ${en[1]} last quarter and ${en[2]} in the same period of ${d.year - 1}.`,
    `本季毛利率为${zhTexts[0]}，上一季为${zhTexts[1]}，${d.year - 1}年同期为${zhTexts[2]}。`,
    enFigs,
    zhFigs,
  );
};

const rdLastQuarter: PairedForm = (ctx, d) => {
  const prev = periodBefore(d);
  const wa = enMoney(ctx, truth(ctx, 'rd_expense', d));
  const wb = enMoney(ctx, truth(ctx, 'rd_expense', prev));
  const [za, zb] = [zhOf(ctx, wa, false), zhOf(ctx, wb, false)];
  const unit = moneyUnit(ctx.company);
  const [a1, a2] = both(ctx, 'rd.last-quarter', 'rd_expense', d, wa, za, unit, { adjusted: true });
  const [b1, b2] = both(ctx, 'rd.last-quarter', 'rd_expense', prev, wb, zb, unit, { adjusted: true });
  return pair(
    `Within that, adjusted R&D expenses was ${wa.text}, compared with ${wb.text} from last quarter.`,
    `其中，调整后研发费用为${za.text}，上季为${zb.text}。`,
    [a1, b1],
    [a2, b2],
  );
};

const operatingCash: PairedForm = (ctx, d) => {
  const v = truth(ctx, 'operating_cash_flow', d);
  const en = enMoney(ctx, v);
  const zh = zhOf(ctx, en, false);
  const [a, b] = both(ctx, v >= 0 ? 'operating-cash-inflow' : 'operating-cash-outflow', 'operating_cash_flow', d, en, zh, moneyUnit(ctx.company));
  return v >= 0
    ? pair(`We have achieved ${en.text} net operating cash inflow this quarter.`, `本季实现净经营性现金流入${zh.text}。`, [a], [b])
    : pair(`Net operating cash outflow was ${en.text} this quarter.`, `本季净经营现金流出${zh.text}。`, [a], [b]);
};

const freeCashFlow: PairedForm = (ctx, d) => {
  const v = truth(ctx, 'free_cash_flow', d);
  const en = enMoney(ctx, v);
  const zh = zhOf(ctx, en, true);
  const [a, b] = both(ctx, 'free-cash-flow', 'free_cash_flow', d, en, zh, moneyUnit(ctx.company));
  return pair(
    `Free cash flow, as measured in net cash generated from operating activities minus capital expenditures, was ${v < 0 ? 'negative ' : ''}${en.text}.`,
    `自由现金流（以经营活动产生的净现金减去资本支出来衡量）为${zh.text}。`,
    [a],
    [b],
  );
};

const capexAndCash: PairedForm = (ctx, d) => {
  const capex = enMoney(ctx, truth(ctx, 'capex', d));
  const cash = enMoney(ctx, truth(ctx, 'cash', d));
  const [zc, zk] = [zhOf(ctx, capex, false), zhOf(ctx, cash, false)];
  const unit = moneyUnit(ctx.company);
  const [c1, c2] = both(ctx, 'capex.this-quarter', 'capex', d, capex, zc, unit);
  const [k1, k2] = both(ctx, 'cash.month-end', 'cash', d, cash, zk, unit);
  return pair(
    `As of ${MONTH_END[d.quarter]} end ${d.year}, our cash and cash equivalents and short-term investments was ${cash.text}. The capital expenditure for this quarter was ${capex.text}.`,
    `截至${d.year}年${d.quarter * 3}月底，我们的现金及现金等价物和短期投资为${zk.text}。本季的资本支出为${zc.text}。`,
    [k1, c1],
    [k2, c2],
  );
};

const fullYear: PairedForm = (ctx, d) => {
  if (d.quarter !== 4) return null;
  const y: PlantPeriod = { kind: 'FY', year: d.year };
  const rev = enMoney(ctx, truth(ctx, 'revenue', y));
  const netValue = truth(ctx, 'net_income', y);
  const net = enMoney(ctx, netValue);
  const [zr, zn] = [zhOf(ctx, rev, false), zhOf(ctx, net, false)];
  const unit = moneyUnit(ctx.company);
  const [r1, r2] = both(ctx, 'full-year.revenue', 'revenue', y, rev, zr, unit);
  const [n1, n2] = both(ctx, 'full-year.net-income', 'net_income', y, net, zn, unit);
  return pair(
    `For the full year ${d.year}, total revenue was ${rev.text}, and net ${netValue < 0 ? 'loss' : 'profit'} was ${net.text}.`,
    `${d.year}年全年总收入为${zr.text}，净${netValue < 0 ? '亏损' : '利润'}为${zn.text}。`,
    [r1, n1],
    [r2, n2],
  );
};

const staff: PairedForm = (ctx, d) => {
  const h = people(truth(ctx, 'headcount', d), 'en');
  const r = people(truth(ctx, 'rd_headcount', d), 'en');
  const [hz, rz] = [people(h.value, 'zh'), people(r.value, 'zh')];
  const [h1, h2] = both(ctx, 'headcount.end-of-quarter', 'headcount', d, h, hz, 'count');
  const [r1, r2] = both(ctx, 'rd-personnel.end-of-quarter', 'rd_headcount', d, r, rz, 'count');
  return pair(
    `We ended the quarter with ${h.text} employees, including ${r.text} R&D personnel.`,
    `本季末我们共有员工${hz.text}，其中研发人员${rz.text}。`,
    [h1, r1],
    [h2, r2],
  );
};

const ebitda: PairedForm = (ctx, d) => {
  const v = truth(ctx, 'ebitda', d);
  const en = enMoney(ctx, v);
  const zh = zhOf(ctx, en, false, v < 0);
  const [a, b] = both(ctx, 'ebitda', 'ebitda', d, en, zh, moneyUnit(ctx.company), { adjusted: true });
  return v < 0
    ? pair(`Non-GAAP EBITDA was negative ${en.text}, impacted by nonrecurring expenses.`, `非公认会计准则EBITDA为负${zh.text}，受非经常性费用影响。`, [a], [b])
    : pair(`Adjusted EBITDA was ${en.text} this quarter.`, `本季调整后EBITDA为${zh.text}。`, [a], [b]);
};

const guidance: PairedForm = (ctx, d) => {
  const next = d.quarter === 4 ? ({ kind: 'Q', year: d.year + 1, quarter: 1 } as const) : ({ kind: 'Q', year: d.year, quarter: (d.quarter + 1) as 2 | 3 | 4 } as const);
  const mid = Math.abs(truth(ctx, 'revenue', d)) * ctx.rng.float(0.95, 1.1);
  const low = enAmount(mid * 0.95, mid >= 1e9 ? 'billion' : 'million', ctx.company.currency);
  const high = enAmount(mid * 1.05, mid >= 1e9 ? 'billion' : 'million', ctx.company.currency);
  const [zl, zh] = [zhOf(ctx, low, false), zhOf(ctx, high, false)];
  const words = ['', 'first', 'second', 'third', 'fourth'][next.quarter];
  const unit = moneyUnit(ctx.company);
  const options = { forecast: true, role: 'noise', expect: 'none' } as const;
  const [l1, l2] = both(ctx, 'guidance.range', 'revenue', next, low, zl, unit, options);
  const [h1, h2] = both(ctx, 'guidance.range', 'revenue', next, high, zh, unit, options);
  return pair(
    `We expect our total revenue to be between ${low.text} and ${high.text} for the ${words} quarter of ${next.year}.`,
    `我们预计${next.year}年第${'一二三四'[next.quarter - 1]}季度的总收入将在${zl.text}至${zh.text}之间。`,
    [l1, h1],
    [l2, h2],
  );
};

const buyback: PairedForm = (ctx) => {
  const shares = ctx.rng.int(50, 300) / 10;
  const cost = ctx.rng.int(100, 900) / 10;
  const en: Written = { text: `US$${cost.toFixed(1)} million`, value: cost * 1e6, tolerance: 5e4 };
  const zh: Written = { text: `${Math.round(cost * 100)}万美元`, value: cost * 1e6, tolerance: 5e3 };
  const options = { role: 'noise', expect: 'none' } as const;
  return pair(
    `Since the release of our second quarter results, we bought a total of ${shares.toFixed(1)} million ADR shares for the cost of roughly ${en.text}.`,
    `自第二季业绩公布以来，我们共回购了${Math.round(shares * 100)}万股ADR股票，成本约为${zh.text}。`,
    [plant(ctx, 'tr.noise.share-buyback', 'none', null, en, 'USD', options)],
    [plant(ctx, 'tr.zh.noise.share-buyback', 'none', null, zh, 'USD', options)],
  );
};

const headcountTarget: PairedForm = (ctx) => {
  const n = ctx.rng.pick([1000, 2000, 3000]);
  const en: Written = { text: n.toLocaleString('en-US'), value: n, tolerance: 0.5 };
  const zh: Written = { text: `${n.toLocaleString('en-US')}人`, value: n, tolerance: 0.5 };
  const options = { role: 'noise', expect: 'none' } as const;
  return pair(
    `We expect to grow the headcount of the new research center to more than ${en.text} over the next 3 years.`,
    `预计未来3年内新研究中心的员工人数将增加到${zh.text}以上。`,
    [plant(ctx, 'tr.noise.headcount-target', 'headcount', null, en, 'count', options)],
    [plant(ctx, 'tr.zh.noise.headcount-target', 'headcount', null, zh, 'count', options)],
  );
};

/** The CEO's part: a few figures among strategy talk. */
export const CEO_FORMS: readonly PairedForm[] = [segments, yoyFromTo, operatingCash, headcountTarget, staff];
/** The CFO's part: most of the figures. */
export const CFO_FORMS: readonly PairedForm[] = [grossMarginThree, rdLastQuarter, freeCashFlow, capexAndCash, ebitda, fullYear, buyback, guidance, revenueThisQuarter];
