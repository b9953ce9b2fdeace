import { peer, recentYear } from './choose.ts';
import { LAST_YEAR } from './finance.ts';
import { enAmount } from './numbers.ts';
import { fy } from './period-text.ts';
import { enMoney, moneyUnit, pct, plant, truth, type Form } from './planted.ts';

/**
 * English distractors: a peer company's figure (which belongs to the peer), forecasts
 * (planted as forecasts), and numbers that are no figure of the company at all (IPO
 * proceeds, a head-count target, a share buy-back).
 */

const signedEn = (v: number, w: string) => (v < 0 ? `negative ${w}` : w);

/** A peer's gross margin or revenue, named by the peer's English name. */
export const peerFigure: Form = (ctx) => {
  const D = peer(ctx);
  if (!D) return null;
  const y = recentYear(ctx);
  if (ctx.rng.chance(0.5)) {
    const w = pct(ctx, truth(ctx, 'gross_margin', fy(y), { company: D }));
    const text = `By comparison, ${D.name}'s gross margin in ${y} was ${signedEn(w.value, w.abs)}.`;
    return { text, figures: [plant(ctx, 'en.other-company.gross-margin', 'gross_margin', fy(y), w, '%', { company: D })] };
  }
  const w = enMoney(ctx, truth(ctx, 'revenue', fy(y), { company: D }), D);
  const text = `Its larger rival ${D.name} reported revenue of ${w.text} in ${y}.`;
  return { text, figures: [plant(ctx, 'en.other-company.revenue', 'revenue', fy(y), w, moneyUnit(D), { company: D })] };
};

/** A revenue forecast for a year after the document's. */
export const forecast: Form = (ctx) => {
  // A forecast is for a year after the document's (or after the latest year it states).
  const y = ctx.docPeriod?.year ?? recentYear(ctx);
  const target = y + ctx.rng.int(1, 3);
  const v = Math.abs(truth(ctx, 'revenue', fy(Math.min(y, LAST_YEAR)))) * ctx.rng.float(1.3, 2.5);
  const w = enAmount(v, v >= 1e9 ? 'billion-yuan' : 'million-yuan', ctx.company.currency);
  const text = ctx.rng.pick([
    `By ${target}, it was estimated that operating revenue would reach around ${w.text}.`,
    `${ctx.company.name}'s revenue is expected to reach ${w.text} by ${target}.`,
  ]);
  return { text, figures: [plant(ctx, 'en.forecast.reach', 'revenue', fy(target), w, moneyUnit(ctx.company), { forecast: true })] };
};

/** IPO proceeds, a head-count target or a share buy-back: no figure of the company. */
export const noise: Form = (ctx) => {
  const kind = ctx.rng.pick(['ipo', 'target', 'buyback'] as const);
  const C = ctx.company.name;
  if (kind === 'ipo') {
    const x = ctx.rng.pick([1, 1.5, 2, 3, 5]);
    const w = { text: `RMB ${x} billion`, value: x * 1e9, tolerance: 5e7 };
    const text = `In ${recentYear(ctx, 4) - 2}, ${C} was listed on the STAR Market, raising ${w.text} in its IPO.`;
    return { text, figures: [plant(ctx, 'en.noise.ipo-proceeds', 'none', null, w, 'CNY', { role: 'noise', expect: 'none' })] };
  }
  if (kind === 'target') {
    const n = ctx.rng.pick([500, 1000, 2000, 3000]);
    const w = { text: n.toLocaleString('en-US'), value: n, tolerance: 0.5 };
    const text = `${C} expects to grow the headcount of its new research center to more than ${w.text} over the next 3 years.`;
    return { text, figures: [plant(ctx, 'en.noise.headcount-target', 'headcount', null, w, 'count', { role: 'noise', expect: 'none' })] };
  }
  const shares = (ctx.rng.int(20, 200) / 10).toFixed(1);
  const millions = ctx.rng.int(100, 900) / 10;
  const w = { text: `US$${millions.toFixed(1)} million`, value: millions * 1e6, tolerance: 5e4 };
  const text = `Since then, ${C} has bought back a total of ${shares} million shares for roughly ${w.text}.`;
  return { text, figures: [plant(ctx, 'en.noise.share-buyback', 'none', null, w, 'USD', { role: 'noise', expect: 'none' })] };
};

