import type { Period } from '../../src/core/periods.ts';
import type { Rng } from './prng.ts';

/**
 * Periods written the ways the bundled documents write them: `2024`, `FY2022`,
 * `Q1 2023`, `the first quarter of 2023`, `the first half of 2024`, `2024年`,
 * `2024年上半年`, `2023年第一季度`, and balances at `the end of 2022` / `2024年底`.
 */

/** A year, half or quarter: the periods the generator plants figures for. */
export type PlantPeriod = Extract<Period, { kind: 'FY' } | { kind: 'H' } | { kind: 'Q' }>;

const ORDINAL_EN = ['', 'first', 'second', 'third', 'fourth'] as const;
const ORDINAL_ZH = ['', '一', '二', '三', '四'] as const;

/** A full year. */
export function fy(year: number): PlantPeriod {
  return { kind: 'FY', year };
}

/** A quarter. */
export function quarter(year: number, q: 1 | 2 | 3 | 4): PlantPeriod {
  return { kind: 'Q', year, quarter: q };
}

/** A half year. */
export function half(year: number, h: 1 | 2): PlantPeriod {
  return { kind: 'H', year, half: h };
}

/** The same period a year earlier. */
export function yearBefore(p: PlantPeriod): PlantPeriod {
  return { ...p, year: p.year - 1 };
}

/** The period just before (previous quarter or half, or year). */
export function periodBefore(p: PlantPeriod): PlantPeriod {
  if (p.kind === 'Q') return p.quarter === 1 ? quarter(p.year - 1, 4) : quarter(p.year, (p.quarter - 1) as 1 | 2 | 3);
  if (p.kind === 'H') return p.half === 1 ? half(p.year - 1, 2) : half(p.year, 1);
  return fy(p.year - 1);
}

/**
 * A flow period in English as a sentence-initial or inner phrase: `in 2024`,
 * `in FY2024`, `in Q1 2023`, `in the first quarter of 2023`, `in the first half of 2024`.
 */
export function enIn(p: PlantPeriod, rng: Rng): string {
  if (p.kind === 'FY') return rng.pick([`in ${p.year}`, `in ${p.year}`, `in FY${p.year}`, `for the full year ${p.year}`]);
  if (p.kind === 'Q') return rng.pick([`in Q${p.quarter} ${p.year}`, `in the ${ORDINAL_EN[p.quarter]} quarter of ${p.year}`]);
  return rng.pick([`in the ${ORDINAL_EN[p.half]} half of ${p.year}`, `in H${p.half} ${p.year}`]);
}

/** `the first quarter of 2023`, `the first half of 2024`, `2024` as a noun phrase. */
export function enNoun(p: PlantPeriod): string {
  if (p.kind === 'FY') return String(p.year);
  if (p.kind === 'Q') return `the ${ORDINAL_EN[p.quarter]} quarter of ${p.year}`;
  return `the ${ORDINAL_EN[p.half]} half of ${p.year}`;
}

/** End of the period for a balance: `the end of 2022`, `June 30, 2023`, `the end of Q3 2023`. */
export function enEndOf(p: PlantPeriod, rng: Rng): string {
  if (p.kind === 'FY') return rng.pick([`the end of ${p.year}`, `December 31, ${p.year}`]);
  if (p.kind === 'H') return p.half === 1 ? `June 30, ${p.year}` : `December 31, ${p.year}`;
  const ends = ['', 'March 31', 'June 30', 'September 30', 'December 31'];
  return rng.pick([`${ends[p.quarter]}, ${p.year}`, `the end of Q${p.quarter} ${p.year}`]);
}

/** A flow period in Chinese (Simplified): `2024年`, `2024年度`, `2023年第一季度`, `2024年上半年`. */
export function zhPeriod(p: PlantPeriod, rng: Rng): string {
  if (p.kind === 'FY') return rng.pick([`${p.year}年`, `${p.year}年`, `${p.year}年度`]);
  if (p.kind === 'Q') return rng.pick([`${p.year}年第${ORDINAL_ZH[p.quarter]}季度`, `${p.year}年Q${p.quarter}`]);
  return `${p.year}年${p.half === 1 ? '上' : '下'}半年`;
}

/** End of the period in Chinese: `2024年底`, `2024年末`, `2023年6月30日`. */
export function zhEndOf(p: PlantPeriod, rng: Rng): string {
  if (p.kind === 'FY') return rng.pick([`${p.year}年底`, `${p.year}年末`, `${p.year}年12月31日`]);
  if (p.kind === 'H') return p.half === 1 ? `${p.year}年6月30日` : `${p.year}年底`;
  const ends = ['', '3月31日', '6月30日', '9月30日', '12月31日'];
  return `${p.year}年${ends[p.quarter]}`;
}

/** `Q4 2022` style label of a quarter for titles. */
export function enShort(p: PlantPeriod): string {
  if (p.kind === 'FY') return `FY${p.year}`;
  if (p.kind === 'Q') return `Q${p.quarter} ${p.year}`;
  return `H${p.half} ${p.year}`;
}

/** `Fourth Quarter and Full Year 2022` / `Second Quarter 2023` for transcript titles. */
export function enQuarterTitle(p: Extract<PlantPeriod, { kind: 'Q' }>): string {
  const word = ORDINAL_EN[p.quarter]!;
  const cap = word[0]!.toUpperCase() + word.slice(1);
  return p.quarter === 4 ? `${cap} Quarter and Full Year ${p.year}` : `${cap} Quarter ${p.year}`;
}

/** `2022年第四季度` for Chinese lines of a transcript. */
export function zhQuarter(p: Extract<PlantPeriod, { kind: 'Q' }>): string {
  return `${p.year}年第${ORDINAL_ZH[p.quarter]}季度`;
}
