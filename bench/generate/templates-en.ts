import { cap, enList, recentPeriod, recentYear, yearSpan } from './choose.ts';
import { enAmount } from './numbers.ts';
import { enEndOf, enIn, fy, half, yearBefore, type PlantPeriod } from './period-text.ts';
import { forecast, noise, peerFigure } from './distractors-en.ts';
import { change, enMoney, enMoneyList, moneyUnit, pct, people, plant, truth, type Form } from './planted.ts';

/**
 * English sentence forms of the articles and profiles, each planting the figures it
 * states. A form returns null when it does not fit the company or document (segments
 * of a company without cloud segments, a relative period in an undated profile).
 * Distractors (a peer's figure, forecasts, numbers that are no figure) are in
 * distractors-en.ts.
 */

const netWords = (v: number, w: string) => (v < 0 ? `a net loss of ${w}` : `a net profit of ${w}`);
const signedEn = (v: number, w: string) => (v < 0 ? `negative ${w}` : w);

const revenueSimple: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const w = enMoney(ctx, truth(ctx, 'revenue', p));
  const C = ctx.company.name;
  const text = ctx.rng.pick([
    `${C} reported revenue of ${w.text} ${enIn(p, ctx.rng)}.`,
    `${cap(enIn(p, ctx.rng))}, ${C}'s total revenue was ${w.text}.`,
    `${C}'s operating revenue ${enIn(p, ctx.rng)} came to ${w.text}.`,
  ]);
  return { text, figures: [plant(ctx, 'en.revenue.simple', 'revenue', p, w, moneyUnit(ctx.company))] };
};

const revenueChange: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const now = truth(ctx, 'revenue', p);
  const c = change(now, truth(ctx, 'revenue', yearBefore(p)));
  const w = enMoney(ctx, now);
  if (!c.sane) return null;
  const text = `${cap(enIn(p, ctx.rng))}, revenue was ${w.text}, a year-on-year ${c.up ? 'increase' : 'decrease'} of ${c.abs}.`;
  return { text, figures: [plant(ctx, 'en.revenue.yoy-change', 'revenue', p, w, moneyUnit(ctx.company))] };
};

const revenueRespectively: Form = (ctx) => {
  const years = yearSpan(ctx, ctx.rng.int(3, 5));
  if (years.length < 3) return null;
  const ws = enMoneyList(ctx, years.map((y) => truth(ctx, 'revenue', fy(y))));
  const text = `From ${years[0]} to ${years.at(-1)}, ${ctx.company.name}'s revenue was ${enList(ws.map((w) => w.text))}, respectively.`;
  return { text, figures: ws.map((w, i) => plant(ctx, 'en.respectively.revenue', 'revenue', fy(years[i]!), w, moneyUnit(ctx.company))) };
};

const netIncomeRespectively: Form = (ctx) => {
  const years = yearSpan(ctx, ctx.rng.int(3, 5));
  if (years.length < 3) return null;
  const values = years.map((y) => truth(ctx, 'net_income', fy(y)));
  const ws = enMoneyList(ctx, values);
  const list = enList(ws.map((w) => w.text));
  let text: string;
  if (values.every((v) => v < 0)) {
    text = `From ${years[0]} to ${years.at(-1)}, the company has been incurring losses, with net losses of ${list}, respectively.`;
  } else if (values.every((v) => v > 0)) {
    text = `From ${years[0]} to ${years.at(-1)}, ${ctx.company.name}'s net profit was ${list}, respectively.`;
  } else {
    return null;
  }
  return { text, figures: ws.map((w, i) => plant(ctx, 'en.respectively.net-income', 'net_income', fy(years[i]!), w, moneyUnit(ctx.company))) };
};

const lossCompared: Form = (ctx) => {
  const p: PlantPeriod = ctx.rng.chance(0.5) ? fy(recentYear(ctx)) : { kind: 'Q', year: recentYear(ctx), quarter: ctx.rng.int(1, 4) as 1 | 2 | 3 | 4 };
  const before = yearBefore(p);
  const a = truth(ctx, 'net_income', p);
  const b = truth(ctx, 'net_income', before);
  if (a >= 0 || b >= 0) return null;
  const style = ctx.company.currency === 'USD' ? 'million-decimal' : 'million-yuan';
  const wa = enAmount(a, style, ctx.company.currency);
  const wb = enAmount(b, style, ctx.company.currency);
  const c = change(-a, -b);
  const ordinal = p.kind === 'Q' ? ['', 'first', 'second', 'third', 'fourth'][p.quarter] : '';
  const text =
    p.kind === 'FY'
      ? `The total loss for ${p.year} was ${wa.text}, compared to a loss of ${wb.text} in ${before.year}${c.sane ? `, marking a ${c.abs} ${c.up ? 'increase' : 'decrease'} in losses` : ''}.`
      : `In the ${ordinal} quarter of ${p.year}, ${ctx.company.name} reported a loss of ${wa.text}, ${c.sane ? `${c.up ? 'an increase' : 'a decrease'} of ${c.abs} ` : ''}compared to the loss of ${wb.text} in the ${ordinal} quarter of ${before.year}.`;
  return {
    text,
    figures: [plant(ctx, 'en.loss.compared', 'net_income', p, wa, moneyUnit(ctx.company)), plant(ctx, 'en.loss.compared', 'net_income', before, wb, moneyUnit(ctx.company))],
  };
};

// "In the same period last year": needs the document's own half-year period.
const netIncomeSamePeriod: Form = (ctx) => {
  const d = ctx.docPeriod;
  if (d?.kind !== 'H') return null;
  const a = truth(ctx, 'net_income', d);
  const b = truth(ctx, 'net_income', yearBefore(d));
  const wa = enMoney(ctx, a);
  const wb = enMoney(ctx, b);
  const text =
    a < 0 && b < 0
      ? `According to the latest ${d.year} half-year report, ${ctx.company.name} is still in a state of loss, with a net loss of ${wa.text}, ${-a < -b ? 'a narrowing' : 'a widening'} compared to the net loss of ${wb.text} in the same period last year.`
      : `According to the latest ${d.year} half-year report, ${ctx.company.name} posted ${netWords(a, wa.text)}, compared with ${netWords(b, wb.text)} in the same period last year.`;
  return {
    text,
    figures: [plant(ctx, 'en.net-income.same-period-last-year', 'net_income', d, wa, moneyUnit(ctx.company)), plant(ctx, 'en.net-income.same-period-last-year', 'net_income', yearBefore(d), wb, moneyUnit(ctx.company))],
  };
};

// "Revenue also declined in the first half": the half is the document's.
const revenueInTheHalf: Form = (ctx) => {
  const d = ctx.docPeriod;
  if (d?.kind !== 'H') return null;
  const now = truth(ctx, 'revenue', d);
  const c = change(now, truth(ctx, 'revenue', yearBefore(d)));
  const w = enMoney(ctx, now);
  const text = `However, revenue also ${c.up ? 'grew' : 'declined'} in the ${d.half === 1 ? 'first' : 'second'} half, with revenue of ${w.text}, a year-on-year ${c.up ? 'increase' : 'decrease'} of ${c.abs}.`;
  return { text, figures: [plant(ctx, 'en.revenue.in-the-half', 'revenue', d, w, moneyUnit(ctx.company))], leads: true };
};

// "In the first half of this year": this year is the year of publication.
const rdThisYear: Form = (ctx) => {
  const d = ctx.docPeriod;
  if (d?.kind !== 'H' || d.half !== 1 || !ctx.published?.startsWith(String(d.year))) return null;
  const a = truth(ctx, 'rd_expense', d);
  const prior = yearBefore(d);
  const older = yearBefore(prior);
  const b = truth(ctx, 'rd_expense', prior);
  const o = truth(ctx, 'rd_expense', older);
  const [wa, wb, wo] = enMoneyList(ctx, [a, b, o]);
  const c1 = change(a, b);
  const c2 = change(b, o);
  const text =
    `In the first half of this year, ${ctx.company.name}'s R&D investment was ${wa!.text}, ${c1.up ? 'an increase' : 'a decrease'} of ${c1.abs} compared to the same period in ${prior.year}. ` +
    `Looking further back, the R&D investment in the same period in ${prior.year} was ${wb!.text}, ${c2.up ? 'an increase' : 'a decrease'} of ${c2.abs} compared to ${wo!.text} in the same period in ${older.year}.`;
  const unit = moneyUnit(ctx.company);
  return {
    text,
    figures: [
      plant(ctx, 'en.rd.first-half-of-this-year', 'rd_expense', d, wa!, unit),
      plant(ctx, 'en.rd.same-period-in-year', 'rd_expense', prior, wb!, unit),
      plant(ctx, 'en.rd.same-period-in-year', 'rd_expense', older, wo!, unit),
    ],
  };
};

// "Last year" in an annual article published the following year.
const revenueLastYear: Form = (ctx) => {
  const d = ctx.docPeriod;
  if (d?.kind !== 'FY' || !ctx.published?.startsWith(String(d.year + 1))) return null;
  const now = truth(ctx, 'revenue', d);
  const c = change(now, truth(ctx, 'revenue', yearBefore(d)));
  const w = enMoney(ctx, now);
  const text = `Last year, ${ctx.company.name}'s revenue ${c.up ? 'rose' : 'fell'} ${c.abs} to ${w.text}.`;
  return { text, figures: [plant(ctx, 'en.revenue.last-year', 'revenue', d, w, moneyUnit(ctx.company))] };
};

const rdExpense: Form = (ctx) => {
  const y = recentYear(ctx);
  const now = truth(ctx, 'rd_expense', fy(y));
  const c = change(now, truth(ctx, 'rd_expense', fy(y - 1)));
  const w = enMoney(ctx, now);
  const text = `In ${y}, R&D expenses amounted to ${w.text}, ${c.up ? 'an increase' : 'a decrease'} of ${c.abs} year-on-year.`;
  return { text, figures: [plant(ctx, 'en.rd.expense', 'rd_expense', fy(y), w, moneyUnit(ctx.company))] };
};

const rdPersonnel: Form = (ctx) => {
  const y = recentYear(ctx);
  const n = truth(ctx, 'rd_headcount', fy(y));
  const share = ((n / truth(ctx, 'headcount', fy(y))) * 100).toFixed(2);
  const w = people(n, 'en');
  const text = `As of the end of ${y}, the number of R&D personnel at ${ctx.company.name} was ${w.text}, accounting for ${share}% of the total workforce.`;
  return { text, figures: [plant(ctx, 'en.rd-personnel.end-of-year', 'rd_headcount', fy(y), w, 'count')] };
};

const rdPersonnelFromTo: Form = (ctx) => {
  const y = recentYear(ctx, 1);
  const [p0, p1] = [half(y - 1, 1), half(y, 1)];
  const w0 = people(truth(ctx, 'rd_headcount', p0), 'en');
  const w1 = people(truth(ctx, 'rd_headcount', p1), 'en');
  if (w0.value === w1.value) return null;
  const c = change(w1.value, w0.value);
  const text = `${ctx.company.name} is adjusting its R&D team, with the number of R&D personnel ${c.up ? 'increasing' : 'decreasing'} from ${w0.text} as of June 30, ${y - 1}, to ${w1.text} as of June 30, ${y}, ${c.up ? 'an increase' : 'a reduction'} of approximately ${c.abs}.`;
  return { text, figures: [plant(ctx, 'en.rd-personnel.from-to', 'rd_headcount', p0, w0, 'count'), plant(ctx, 'en.rd-personnel.from-to', 'rd_headcount', p1, w1, 'count')] };
};

const headcount: Form = (ctx) => {
  const p = ctx.rng.chance(0.7) ? fy(recentYear(ctx)) : half(recentYear(ctx), 1);
  const w = people(truth(ctx, 'headcount', p), 'en');
  const end = enEndOf(p, ctx.rng);
  const text = ctx.rng.pick([`${ctx.company.name} had ${w.text} employees as of ${end}.`, `The total workforce of ${ctx.company.name} stood at ${w.text} employees at ${end}.`]);
  return { text, figures: [plant(ctx, 'en.headcount', 'headcount', p, w, 'count')] };
};

const grossMargin: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const w = pct(ctx, truth(ctx, 'gross_margin', p));
  const shown = signedEn(w.value, w.abs);
  const text = ctx.rng.pick([`${ctx.company.name}'s gross margin ${enIn(p, ctx.rng)} was ${shown}.`, `${cap(enIn(p, ctx.rng))}, the gross profit margin of ${ctx.company.name} was ${shown}.`]);
  return { text, figures: [plant(ctx, 'en.gross-margin', 'gross_margin', p, w, '%')] };
};

const cashFlows: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const metric = ctx.rng.pick(['operating_cash_flow', 'free_cash_flow'] as const);
  const v = truth(ctx, metric, p);
  const w = enMoney(ctx, v);
  const name = metric === 'free_cash_flow' ? 'free cash flow' : ctx.rng.pick(['operating cash flow', 'net cash generated from operating activities']);
  const text = `${cap(enIn(p, ctx.rng))}, ${ctx.company.name}'s ${name} was ${signedEn(v, w.text)}.`;
  return { text, figures: [plant(ctx, metric === 'free_cash_flow' ? 'en.free-cash-flow' : 'en.operating-cash-flow', metric, p, w, moneyUnit(ctx.company))] };
};

const capex: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const w = enMoney(ctx, truth(ctx, 'capex', p));
  const text = ctx.rng.pick([`Capital expenditures ${enIn(p, ctx.rng)} were ${w.text}.`, `${ctx.company.name} spent ${w.text} on capital expenditure ${enIn(p, ctx.rng)}.`]);
  return { text, figures: [plant(ctx, 'en.capex', 'capex', p, w, moneyUnit(ctx.company))] };
};

const cash: Form = (ctx) => {
  const p = fy(recentYear(ctx));
  const w = enMoney(ctx, truth(ctx, 'cash', p));
  const end = enEndOf(p, ctx.rng);
  const text = ctx.rng.pick([
    `As of ${end}, ${ctx.company.name}'s cash and cash equivalents and short-term investments were ${w.text}.`,
    `${ctx.company.name} had cash and cash equivalents of ${w.text} as of ${end}.`,
  ]);
  return { text, figures: [plant(ctx, 'en.cash', 'cash', p, w, moneyUnit(ctx.company))] };
};

const ebitda: Form = (ctx) => {
  const p = recentPeriod(ctx);
  const v = truth(ctx, 'ebitda', p);
  const w = enMoney(ctx, v);
  const adjusted = v < 0;
  const text = adjusted ? `Non-GAAP EBITDA ${enIn(p, ctx.rng)} was negative ${w.text}.` : `EBITDA ${enIn(p, ctx.rng)} was ${w.text}.`;
  return { text, figures: [plant(ctx, 'en.ebitda', 'ebitda', p, w, moneyUnit(ctx.company), { adjusted })] };
};

const segments: Form = (ctx) => {
  if (ctx.company.sector !== 'cloud') return null;
  const p = recentPeriod(ctx);
  const pub = enMoney(ctx, truth(ctx, 'revenue', p, { segment: 'public cloud' }));
  const ent = enMoney(ctx, truth(ctx, 'revenue', p, { segment: 'enterprise cloud' }));
  const text = `${cap(enIn(p, ctx.rng))}, revenue from public cloud services was ${pub.text}, while enterprise cloud revenue was ${ent.text}.`;
  return {
    text,
    figures: [
      plant(ctx, 'en.segment.public-cloud', 'revenue', p, pub, moneyUnit(ctx.company), { segment: 'public cloud' }),
      plant(ctx, 'en.segment.enterprise-cloud', 'revenue', p, ent, moneyUnit(ctx.company), { segment: 'enterprise cloud' }),
    ],
  };
};

/** Forms of English articles, with how often each is drawn. */
export const EN_ARTICLE_FORMS: ReadonlyArray<readonly [Form, number]> = [
  [revenueSimple, 3],
  [revenueChange, 2],
  [revenueRespectively, 2],
  [netIncomeRespectively, 2],
  [lossCompared, 2],
  [netIncomeSamePeriod, 3],
  [revenueInTheHalf, 3],
  [rdThisYear, 3],
  [revenueLastYear, 3],
  [rdExpense, 2],
  [rdPersonnel, 1],
  [rdPersonnelFromTo, 1],
  [headcount, 1],
  [grossMargin, 2],
  [cashFlows, 2],
  [capex, 1],
  [cash, 1],
  [ebitda, 1],
  [segments, 2],
  [peerFigure, 2],
  [forecast, 1],
  [noise, 2],
];
