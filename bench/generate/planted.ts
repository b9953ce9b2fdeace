import { periodLabel } from '../../src/core/periods.ts';
import type { SyntheticCompany } from './companies.ts';
import type { Financials, PlantedMetric, Segment } from './finance.ts';
import { count, enAmount, enStyleFor, percent, zhAmount, type Written, type ZhAmountStyle } from './numbers.ts';
import type { PlantPeriod } from './period-text.ts';
import type { Rng } from './prng.ts';

/**
 * The ground truth: one record per figure a sentence states, made while the sentence
 * is written. `expect: 'fact'` records must become facts of exactly that company,
 * metric, period and value; `expect: 'none'` records are distractors (IPO proceeds,
 * headcount targets, guidance, share buy-backs) that must not become reported figures.
 */
export interface PlantedFigure {
  /** Document id (file name without extension). */
  doc: string;
  /** Company id as the engine's registry derives it. */
  company: string;
  /** Engine metric id; `none` for a number that is no metric at all. */
  metric: PlantedMetric | 'none';
  /** Canonical period label (FY2024, Q4 2022, H1 2024); null when there is none. */
  period: string | null;
  /** Value in base units: yuan or dollars, percent points, people. Signed. */
  value: number;
  unit: 'CNY' | 'USD' | '%' | 'count';
  /** Half a unit of the last written digit. */
  tolerance: number;
  segment?: Segment;
  forecast?: boolean;
  adjusted?: boolean;
  expect: 'fact' | 'none';
  /** Why it is there: the document's own figure, another company's, a segment, a forecast, noise. */
  role: 'primary' | 'other-company' | 'segment' | 'forecast' | 'noise';
  /** Sentence form, e.g. `zh.respectively.revenue`, for recall by form. */
  form: string;
  language: 'en' | 'zh';
  /** The number exactly as it appears in the document (in the document's script). */
  numberText: string;
  /** The sentence that states it, in the document's script, before scraping noise. */
  sentence: string;
}

/** A figure as a template plants it, before the document and script are known. */
export type DraftFigure = Omit<PlantedFigure, 'doc' | 'language' | 'sentence'>;

/** A sentence (or line) with the figures it states. */
export interface Statement {
  text: string;
  figures: DraftFigure[];
  /**
   * The sentence leans on the document's own period ("in the first half"): it opens
   * its paragraph, so no sentence about another year comes before it and changes what
   * a reader would take it to mean.
   */
  leads?: boolean;
}

/** A sentence form: the statement it writes, or null when it does not fit the document. */
export type Form = (ctx: WriteContext) => Statement | null;

/** What a template writes with: the company, its history, the document's dates. */
export interface WriteContext {
  rng: Rng;
  company: SyntheticCompany;
  fin: Financials;
  /** The reporting period of the document, when it has one. */
  docPeriod: PlantPeriod | null;
  /** Publication date (YYYY-MM-DD), when the document has one. */
  published: string | null;
  /** Other companies of the corpus, for sentences about a peer. */
  peers: readonly SyntheticCompany[];
  /** A peer's history. */
  finOf(c: SyntheticCompany): Financials;
}

/** Options of a planted figure beyond its number. */
export interface PlantOptions {
  company?: SyntheticCompany;
  segment?: Segment;
  forecast?: boolean;
  adjusted?: boolean;
  role?: PlantedFigure['role'];
  expect?: PlantedFigure['expect'];
}

/** A record for a written number. */
export function plant(
  ctx: WriteContext,
  form: string,
  metric: PlantedMetric | 'none',
  period: PlantPeriod | null,
  written: Written,
  unit: PlantedFigure['unit'],
  options: PlantOptions = {},
): DraftFigure {
  const company = options.company ?? ctx.company;
  const role = options.role ?? (options.forecast ? 'forecast' : options.segment ? 'segment' : company === ctx.company ? 'primary' : 'other-company');
  const out: DraftFigure = {
    company: company.id,
    metric,
    period: period ? periodLabel(period) : null,
    value: written.value,
    unit,
    tolerance: written.tolerance,
    expect: options.expect ?? 'fact',
    role,
    form,
    numberText: written.text,
  };
  if (options.segment) out.segment = options.segment;
  if (options.forecast) out.forecast = true;
  if (options.adjusted) out.adjusted = true;
  return out;
}

/** The true value of a metric, from the company's (or a peer's) history. */
export function truth(ctx: WriteContext, metric: PlantedMetric, p: PlantPeriod, options: { company?: SyntheticCompany; segment?: Segment } = {}): number {
  const fin = options.company && options.company !== ctx.company ? ctx.finOf(options.company) : ctx.fin;
  return fin.value(metric, p, options.segment);
}

/** An English amount of the true value, in a style that suits its size. */
export function enMoney(ctx: WriteContext, value: number, company: SyntheticCompany = ctx.company): Written {
  const style = enStyleFor(value, (s) => ctx.rng.pick(s));
  return enAmount(value, company.currency === 'USD' && style.endsWith('yuan') ? 'million' : style, company.currency);
}

/** A Chinese amount of the true value; `signed` writes negatives with a minus sign. */
export function zhMoney(ctx: WriteContext, value: number, signed: boolean, company: SyntheticCompany = ctx.company): Written {
  const style: ZhAmountStyle = ctx.rng.pick(['plain', 'plain', 'plain', 'rmb-prefix', 'rmb-suffix']);
  return zhAmount(value, company.currency, style, signed, ctx.rng.chance(0.15));
}

/** A percentage as written (`35.81%`) and its record value; negatives worded by the caller. */
export function pct(ctx: WriteContext, value: number): Written & { abs: string } {
  const p = percent(value, ctx.rng.pick([1, 2] as const));
  return { text: p.abs, abs: p.abs, value: p.value, tolerance: p.tolerance };
}

/** A head count. */
export function people(value: number, lang: 'en' | 'zh'): Written {
  return count(value, lang);
}

/**
 * Percent change between two values, for "down 17.51% year on year" wording. `sane`
 * is false when a writer would not state it (sign change, several-fold swings).
 */
export function change(now: number, before: number): { abs: string; up: boolean; sane: boolean } {
  const c = ((now - before) / Math.abs(before)) * 100;
  return { abs: `${Math.abs(c).toFixed(2)}%`, up: c >= 0, sane: Math.sign(now) === Math.sign(before) && Math.abs(c) < 300 };
}

/** The currency unit of the context company (or a peer). */
export function moneyUnit(company: SyntheticCompany): 'CNY' | 'USD' {
  return company.currency;
}

/** English amounts for a list ("respectively"): one style for every item, as writers do. */
export function enMoneyList(ctx: WriteContext, values: readonly number[], company: SyntheticCompany = ctx.company): Written[] {
  const minAbs = Math.min(...values.map((v) => Math.abs(v)));
  const usd = company.currency === 'USD';
  const style =
    minAbs >= 1e9 ? ctx.rng.pick(['billion', 'million'] as const) : minAbs >= 1e7 ? (usd ? 'million' : ctx.rng.pick(['million', 'million-yuan'] as const)) : 'million-decimal';
  return values.map((v) => enAmount(v, style, company.currency));
}

/** Chinese amounts for a list (`分别为`): each in 亿 or 万 by its size, as the bundled article does. */
export function zhMoneyList(ctx: WriteContext, values: readonly number[], signed: boolean, company: SyntheticCompany = ctx.company): Written[] {
  return values.map((v) => zhAmount(v, company.currency, 'plain', signed));
}
