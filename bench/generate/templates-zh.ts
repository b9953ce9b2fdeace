import { peer, recentPeriod, recentYear, yearSpan } from './choose.ts';
import { LAST_YEAR } from './finance.ts';
import { zhAmount, type Written } from './numbers.ts';
import { fy, half, yearBefore, zhEndOf, zhPeriod } from './period-text.ts';
import { change, moneyUnit, pct, people, plant, truth, zhMoney, zhMoneyList, type Form, type WriteContext } from './planted.ts';

/**
 * Chinese sentence forms of the articles, written in Simplified with full-width commas;
 * Traditional documents are converted afterwards (see documents-zh.ts). Forms follow
 * the bundled Traditional article: `营收同比大幅下滑36.69%至3.98亿元`, `分别为` lists,
 * `截至2024年底`, a peer's figure in parentheses, a prospectus forecast.
 */

const signedPct = (w: Written & { abs: string }): Written => ({ ...w, text: `${w.value < 0 ? '-' : ''}${w.abs}` });
const zhName = (ctx: WriteContext) => ctx.company.zhHans;
const upDown = (up: boolean, upWord: string, downWord: string) => (up ? upWord : downWord);

const annualReport: Form = (ctx) => {
  const y = ctx.docPeriod?.kind === 'FY' ? ctx.docPeriod.year : recentYear(ctx);
  const p = fy(y);
  const rev = truth(ctx, 'revenue', p);
  const net = truth(ctx, 'net_income', p);
  const cr = change(rev, truth(ctx, 'revenue', fy(y - 1)));
  const prevNet = truth(ctx, 'net_income', fy(y - 1));
  const wr = zhMoney(ctx, rev, false);
  const wn = zhMoney(ctx, net, false);
  const cn = change(Math.abs(net), Math.abs(prevNet));
  const flipped = Math.sign(net) !== Math.sign(prevNet);
  let netClause: string;
  let netForm: string;
  if (flipped) {
    netClause = net < 0 ? `由盈转亏，亏损${wn.text}` : `扭亏为盈，净利润${wn.text}`;
    netForm = net < 0 ? 'zh.annual-report.turned-to-loss' : 'zh.annual-report.turned-to-profit';
  } else if (cn.sane) {
    netClause = net < 0 ? `亏损也同比${upDown(cn.up, '扩大', '收窄')}${cn.abs}至${wn.text}` : `净利润同比${upDown(cn.up, '增长', '下降')}${cn.abs}至${wn.text}`;
    netForm = net < 0 ? 'zh.annual-report.loss-to' : 'zh.annual-report.profit-to';
  } else {
    netClause = net < 0 ? `亏损${wn.text}` : `净利润${wn.text}`;
    netForm = net < 0 ? 'zh.annual-report.loss' : 'zh.annual-report.profit';
  }
  const text = `${zhName(ctx)}披露了${y}年年报，不仅营收同比${upDown(cr.up, '增长', '大幅下滑')}${cr.abs}至${wr.text}，${netClause}。`;
  return {
    text,
    figures: [
      plant(ctx, 'zh.annual-report.revenue-to', 'revenue', p, wr, moneyUnit(ctx.company)),
      plant(ctx, netForm, 'net_income', p, wn, moneyUnit(ctx.company)),
    ],
  };
};

const respectively: Form = (ctx) => {
  const years = yearSpan(ctx, ctx.rng.int(4, 8));
  if (years.length < 3) return null;
  const revs = zhMoneyList(ctx, years.map((y) => truth(ctx, 'revenue', fy(y))), false);
  const nets = zhMoneyList(ctx, years.map((y) => truth(ctx, 'net_income', fy(y))), true);
  const text =
    `回顾${zhName(ctx)}上市后的历年财报数据显示，${years[0]}-${years.at(-1)}年度，公司营收分别为${revs.map((w) => w.text).join('、')}，` +
    `归属于母公司所有者的净利润分别为${nets.map((w) => w.text).join('、')}。`;
  const unit = moneyUnit(ctx.company);
  return {
    text,
    figures: [
      ...revs.map((w, i) => plant(ctx, 'zh.respectively.revenue', 'revenue', fy(years[i]!), w, unit)),
      ...nets.map((w, i) => plant(ctx, 'zh.respectively.net-income', 'net_income', fy(years[i]!), w, unit)),
    ],
  };
};

const grossMarginWithPeer: Form = (ctx) => {
  const y = recentYear(ctx);
  const w = signedPct(pct(ctx, truth(ctx, 'gross_margin', fy(y))));
  const D = peer(ctx);
  const figures = [plant(ctx, 'zh.gross-margin', 'gross_margin', fy(y), w, '%')];
  let text = `从${zhName(ctx)}的毛利率来看，其${y}年毛利率仅${w.text}`;
  if (D) {
    const wd = signedPct(pct(ctx, truth(ctx, 'gross_margin', fy(y), { company: D })));
    text += `，${wd.value > w.value ? '显著低于' : '高于'}同行（${D.zhHans}${y}年毛利率为${wd.text}）`;
    figures.push(plant(ctx, 'zh.other-company.gross-margin', 'gross_margin', fy(y), wd, '%', { company: D }));
  }
  return { text: `${text}。`, figures };
};

const peerRevenue: Form = (ctx) => {
  const D = peer(ctx);
  if (!D) return null;
  const y = recentYear(ctx);
  const w = zhMoney(ctx, truth(ctx, 'revenue', fy(y), { company: D }), false, D);
  return { text: `作为对比，${D.zhHans}${y}年营收为${w.text}。`, figures: [plant(ctx, 'zh.other-company.revenue', 'revenue', fy(y), w, moneyUnit(D), { company: D })] };
};

const operatingCashFlow: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const v = truth(ctx, 'operating_cash_flow', p);
  const c = change(v, truth(ctx, 'operating_cash_flow', yearBefore(p)));
  const w = zhMoney(ctx, v, true);
  const trend = c.sane ? `，同比${upDown(c.up, '增长', '下降')}${c.abs}` : '';
  const text = `从${zhName(ctx)}的现金流来看，其${zhPeriod(p, ctx.rng)}经营活动净现金流为${w.text}${trend}。`;
  return { text, figures: [plant(ctx, 'zh.operating-cash-flow', 'operating_cash_flow', p, w, moneyUnit(ctx.company))] };
};

const cash: Form = (ctx) => {
  const p = ctx.rng.chance(0.8) ? fy(recentYear(ctx)) : half(recentYear(ctx), 1);
  const w = zhMoney(ctx, truth(ctx, 'cash', p), false);
  const end = zhEndOf(p, ctx.rng);
  const text = ctx.rng.pick([`截至${end}，${zhName(ctx)}账面货币资金仅剩${w.text}。`, `截至${end}，${zhName(ctx)}货币资金为${w.text}。`]);
  return { text, figures: [plant(ctx, 'zh.cash', 'cash', p, w, moneyUnit(ctx.company))] };
};

const rdTo: Form = (ctx) => {
  const y = recentYear(ctx);
  const a = truth(ctx, 'rd_expense', fy(y));
  const b = truth(ctx, 'rd_expense', fy(y - 2));
  const c = change(a, truth(ctx, 'rd_expense', fy(y - 1)));
  const wa = zhMoney(ctx, a, false);
  const wb = zhMoney(ctx, b, false);
  const text = `从研发投入来看，${zhName(ctx)}${y}年的研发费用同比${upDown(c.up, '增长了', '下滑了')}${c.abs}至${wa.text}，${y - 2}年时${b > a ? '还有' : '仅为'}${wb.text}。`;
  return {
    text,
    figures: [plant(ctx, 'zh.rd.to', 'rd_expense', fy(y), wa, moneyUnit(ctx.company)), plant(ctx, 'zh.rd.year-earlier', 'rd_expense', fy(y - 2), wb, moneyUnit(ctx.company))],
  };
};

const headcountFromTo: Form = (ctx) => {
  const y = recentYear(ctx);
  const [p0, p1] = [fy(y - 1), fy(y)];
  const h0 = people(truth(ctx, 'headcount', p0), 'zh');
  const h1 = people(truth(ctx, 'headcount', p1), 'zh');
  const r0 = people(truth(ctx, 'rd_headcount', p0), 'zh');
  const r1 = people(truth(ctx, 'rd_headcount', p1), 'zh');
  if (h0.value === h1.value || r0.value === r1.value) return null;
  const ch = change(h1.value, h0.value);
  const cr = change(r1.value, r0.value);
  const text =
    `财报显示，截至${y}年底，${zhName(ctx)}员工人数已由${y - 1}年底的${h0.text}${upDown(ch.up, '增加了', '大幅减少了')}${ch.abs}至${h1.text}，` +
    `研发人员更是从${r0.text}${upDown(cr.up, '增至', '锐减至')}${r1.text}。`;
  return {
    text,
    figures: [
      plant(ctx, 'zh.headcount.from-to', 'headcount', p0, h0, 'count'),
      plant(ctx, 'zh.headcount.from-to', 'headcount', p1, h1, 'count'),
      plant(ctx, 'zh.rd-personnel.from-to', 'rd_headcount', p0, r0, 'count'),
      plant(ctx, 'zh.rd-personnel.from-to', 'rd_headcount', p1, r1, 'count'),
    ],
  };
};

const halfRevenue: Form = (ctx) => {
  const d = ctx.docPeriod;
  const thisYear = d?.kind === 'H' && d.half === 1 && ctx.published?.startsWith(String(d.year)) && ctx.rng.chance(0.6);
  const p = thisYear && d ? d : half(recentYear(ctx), 1);
  const v = truth(ctx, 'revenue', p);
  const c = change(v, truth(ctx, 'revenue', yearBefore(p)));
  const w = zhMoney(ctx, v, false);
  const text = thisYear
    ? `今年上半年，${zhName(ctx)}实现营业收入${w.text}，同比${upDown(c.up, '增长', '下降')}${c.abs}。`
    : `${zhName(ctx)}${zhPeriod(p, ctx.rng)}营收为${w.text}，同比${upDown(c.up, '增长', '下降')}${c.abs}。`;
  return { text, figures: [plant(ctx, thisYear ? 'zh.half.this-year' : 'zh.half.revenue', 'revenue', p, w, moneyUnit(ctx.company))] };
};

const quarterSamePeriod: Form = (ctx) => {
  const p = { kind: 'Q' as const, year: recentYear(ctx), quarter: ctx.rng.int(1, 4) as 1 | 2 | 3 | 4 };
  const a = truth(ctx, 'net_income', p);
  const b = truth(ctx, 'net_income', yearBefore(p));
  const bothLoss = a < 0 && b < 0;
  const wa = zhMoney(ctx, a, !bothLoss);
  const wb = zhMoney(ctx, b, !bothLoss);
  const text = bothLoss
    ? `${zhPeriod(p, ctx.rng)}，${zhName(ctx)}净亏损${wa.text}，去年同期净亏损${wb.text}。`
    : `${zhPeriod(p, ctx.rng)}，${zhName(ctx)}净利润为${wa.text}，去年同期为${wb.text}。`;
  return {
    text,
    figures: [plant(ctx, 'zh.quarter.net-income', 'net_income', p, wa, moneyUnit(ctx.company)), plant(ctx, 'zh.same-period-last-year', 'net_income', yearBefore(p), wb, moneyUnit(ctx.company))],
  };
};

const otherFlows: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const metric = ctx.rng.pick(['capex', 'free_cash_flow', 'ebitda'] as const);
  const w = zhMoney(ctx, truth(ctx, metric, p), true);
  const word = { capex: '资本支出', free_cash_flow: '自由现金流', ebitda: 'EBITDA' }[metric];
  const text = `${zhPeriod(p, ctx.rng)}，${zhName(ctx)}${word}为${w.text}。`;
  return { text, figures: [plant(ctx, `zh.${metric.replace(/_/gu, '-')}`, metric, p, w, moneyUnit(ctx.company))] };
};

const rdPersonnel: Form = (ctx) => {
  const p = fy(recentYear(ctx));
  const n = truth(ctx, 'rd_headcount', p);
  const w = people(n, 'zh');
  const share = ((n / truth(ctx, 'headcount', p)) * 100).toFixed(2);
  const text = `截至${zhEndOf(p, ctx.rng)}，${zhName(ctx)}研发人员共${w.text}，占员工总数的${share}%。`;
  return { text, figures: [plant(ctx, 'zh.rd-personnel', 'rd_headcount', p, w, 'count')] };
};

const segments: Form = (ctx) => {
  if (ctx.company.sector !== 'cloud') return null;
  const p = recentPeriod(ctx);
  const pub = zhMoney(ctx, truth(ctx, 'revenue', p, { segment: 'public cloud' }), false);
  const ent = zhMoney(ctx, truth(ctx, 'revenue', p, { segment: 'enterprise cloud' }), false);
  const text = `${zhPeriod(p, ctx.rng)}，${zhName(ctx)}公有云服务收入为${pub.text}，企业云服务收入为${ent.text}。`;
  return {
    text,
    figures: [
      plant(ctx, 'zh.segment.public-cloud', 'revenue', p, pub, moneyUnit(ctx.company), { segment: 'public cloud' }),
      plant(ctx, 'zh.segment.enterprise-cloud', 'revenue', p, ent, moneyUnit(ctx.company), { segment: 'enterprise cloud' }),
    ],
  };
};

const prospectusForecast: Form = (ctx) => {
  const listed = recentYear(ctx, 3) - 1;
  const years = [listed, listed + 1, listed + 2, listed + 3];
  let base = Math.abs(truth(ctx, 'revenue', fy(listed - 1)));
  const values = years.map(() => (base *= ctx.rng.float(1.2, 1.6)));
  const ws = zhMoneyList(ctx, values, false);
  const text =
    `而根据${zhName(ctx)}${listed}年上市初期公布的招股书显示，其预计${years[0]}年到${years.at(-1)}年公司营收分别为${ws.map((w) => w.text).join('、')}，年均复合增长率${(ctx.rng.int(1500, 4500) / 100).toFixed(2)}%。` +
    `但实际上，${zhName(ctx)}的真实业绩与当初的预期相去甚远。`;
  return { text, figures: ws.map((w, i) => plant(ctx, 'zh.forecast.respectively', 'revenue', fy(years[i]!), w, moneyUnit(ctx.company), { forecast: true })) };
};

const forecastReach: Form = (ctx) => {
  const base = ctx.docPeriod?.year ?? recentYear(ctx);
  const y = base + ctx.rng.int(1, 2);
  const w = zhMoney(ctx, Math.abs(truth(ctx, 'revenue', fy(Math.min(base, LAST_YEAR)))) * ctx.rng.float(1.2, 2), false);
  return { text: `公司预计${y}年营收将达到${w.text}。`, figures: [plant(ctx, 'zh.forecast.reach', 'revenue', fy(y), w, moneyUnit(ctx.company), { forecast: true })] };
};

const noise: Form = (ctx) => {
  const kind = ctx.rng.pick(['ipo', 'fundraise', 'target'] as const);
  if (kind === 'ipo') {
    const w = zhAmount(ctx.rng.int(500, 3000) * 1e6, 'CNY', 'plain', false);
    return { text: `${zhName(ctx)}的累计亏损已远超IPO募资总额（${w.text}）。`, figures: [plant(ctx, 'zh.noise.ipo-proceeds', 'none', null, w, 'CNY', { role: 'noise', expect: 'none' })] };
  }
  if (kind === 'fundraise') {
    const a = ctx.rng.pick([20, 30, 36, 40]);
    const b = a / 2 + ctx.rng.int(1, 9) / 10;
    const wa = { text: `${a}亿元`, value: a * 1e8, tolerance: 5e7 };
    const wb = { text: `${b.toFixed(2)}亿元`, value: Number(b.toFixed(2)) * 1e8, tolerance: 5e5 };
    const text = `虽然${zhName(ctx)}在${recentYear(ctx)}年拟募资${wa.text}用于大模型研发，但是并未成功，即便随后拟募资额降至${wb.text}仍失败，反映投资者对持续亏损的担忧。`;
    return {
      text,
      figures: [
        plant(ctx, 'zh.noise.fundraising', 'none', null, wa, 'CNY', { role: 'noise', expect: 'none' }),
        plant(ctx, 'zh.noise.fundraising', 'none', null, wb, 'CNY', { role: 'noise', expect: 'none' }),
      ],
    };
  }
  const n = ctx.rng.pick([1000, 2000, 5000]);
  const w = { text: `${n}人`, value: n, tolerance: 0.5 };
  return { text: `公司计划在未来3年内将员工人数扩大至${w.text}以上。`, figures: [plant(ctx, 'zh.noise.headcount-target', 'headcount', null, w, 'count', { role: 'noise', expect: 'none' })] };
};

/** Forms of Chinese articles, with how often each is drawn. */
export const ZH_ARTICLE_FORMS: ReadonlyArray<readonly [Form, number]> = [
  [annualReport, 3],
  [respectively, 3],
  [grossMarginWithPeer, 2],
  [peerRevenue, 1],
  [operatingCashFlow, 2],
  [cash, 2],
  [rdTo, 2],
  [headcountFromTo, 2],
  [halfRevenue, 2],
  [quarterSamePeriod, 2],
  [otherFlows, 3],
  [rdPersonnel, 1],
  [segments, 2],
  [prospectusForecast, 1],
  [forecastReach, 1],
  [noise, 2],
];

