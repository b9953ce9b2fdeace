/**
 * How the synthetic documents write numbers, in the ways the bundled documents do:
 * `RMB 2,131 million`, `RMB 1.34 billion`, `560 million yuan`, `US$29.2 million`,
 * `3.98億元`, `6453.37萬元`, `-1.06億元`, `35.81%`, `453人`. Each writer returns the
 * text together with the value it states (the rounded value, in base units) and the
 * rounding tolerance, so the ground truth is produced with the text, never read back.
 */

/** A number as written, with what it states. */
export interface Written {
  /** Exactly as it appears in the sentence (Simplified script for Chinese). */
  text: string;
  /** The stated value in base units (yuan, dollars, percent points, people); signed. */
  value: number;
  /** Half a unit of the last written digit: how far a reading may be off by rounding. */
  tolerance: number;
}

/** Round to `d` decimals without binary noise in the result. */
export function roundTo(x: number, d: number): number {
  return Number(x.toFixed(d));
}

/** `1234567.5` with `d` decimals; thousands separated by commas when asked. */
function digits(x: number, d: number, commas: boolean): string {
  const fixed = Math.abs(x).toFixed(d);
  if (!commas) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

// A value times a power of ten, without floating error creeping into the ground truth.
function scaled(rounded: number, unit: number, d: number): number {
  return Number((rounded * unit).toFixed(Math.max(0, d - Math.log10(unit) + 2)));
}

/** English amount styles; `rmb-*` also serve US$ when the currency is USD. */
export type EnAmountStyle = 'million' | 'million-decimal' | 'billion' | 'million-yuan' | 'billion-yuan';

/**
 * An English amount, magnitude only: the sentence says whether it is a loss or
 * negative. `sign` is the sign of the stated value.
 */
export function enAmount(value: number, style: EnAmountStyle, currency: 'CNY' | 'USD', sign = Math.sign(value) || 1): Written {
  const abs = Math.abs(value);
  const [unit, word, d] =
    style === 'billion' || style === 'billion-yuan'
      ? [1e9, 'billion', abs >= 1e10 ? 1 : 2]
      : // Below ten million a whole number of millions says too little ("RMB 1 million").
        [1e6, 'million', abs < 1e6 ? 2 : style === 'million-decimal' || abs < 1e7 ? 1 : 0];
  const n = roundTo(abs / unit, d);
  // "RMB 1.30 billion" reads as "RMB 1.3 billion"; the tolerance stays that of 2 decimals.
  const shown = style === 'billion' || style === 'billion-yuan' ? String(n) : digits(n, d, true);
  let text: string;
  if (currency === 'USD') text = `US$${shown} ${word}`;
  else if (style === 'million-yuan' || style === 'billion-yuan') text = `${shown} ${word} yuan`;
  else text = `RMB ${shown} ${word}`;
  return { text, value: sign * scaled(n, unit, d), tolerance: (0.5 * unit) / 10 ** d };
}

/** Pick an English style that suits the size of the amount. */
export function enStyleFor(value: number, pick: (styles: EnAmountStyle[]) => EnAmountStyle): EnAmountStyle {
  const abs = Math.abs(value);
  if (abs >= 1e9) return pick(['million', 'million-decimal', 'billion', 'billion', 'billion-yuan']);
  if (abs >= 1e7) return pick(['million', 'million-decimal', 'million-yuan']);
  return 'million-decimal';
}

/** Chinese amount styles. */
export type ZhAmountStyle = 'plain' | 'rmb-prefix' | 'rmb-suffix';

/**
 * A Chinese amount: `3.98亿元` (from 100 million up), `6453.37万元` (below), or
 * `9,490万元` with commas; `signed` writes a minus sign (`-1.06亿元`) for negatives.
 */
export function zhAmount(value: number, currency: 'CNY' | 'USD', style: ZhAmountStyle, signed: boolean, commasForWan = false): Written {
  const abs = Math.abs(value);
  const yi = abs >= 1e8;
  const unit = yi ? 1e8 : 1e4;
  const d = yi ? 2 : commasForWan && abs >= 1e7 ? 0 : 2;
  const n = roundTo(abs / unit, d);
  const numberText = yi ? String(n) : digits(n, d, commasForWan);
  const currencyWord = currency === 'USD' ? '美元' : '元';
  let text = `${numberText}${yi ? '亿' : '万'}${currencyWord}`;
  const minus = signed && value < 0 ? '-' : '';
  // "人民币-1.06亿元" reads oddly; a signed negative is written without the prefix.
  if (currency === 'CNY' && style === 'rmb-prefix' && !minus) text = `人民币${text}`;
  else if (currency === 'CNY' && style === 'rmb-suffix') text = `${minus}${text}人民币`;
  else text = `${minus}${text}`;
  const sign = value < 0 ? -1 : 1;
  return { text, value: sign * scaled(n, unit, d), tolerance: (0.5 * unit) / 10 ** d };
}

/** A percentage with `d` decimals: `35.81%`; negatives as the caller words them. */
export function percent(value: number, d: 1 | 2): { abs: string; value: number; tolerance: number } {
  const n = roundTo(Math.abs(value), d);
  return { abs: `${n.toFixed(d)}%`, value: (value < 0 ? -1 : 1) * n, tolerance: 0.5 / 10 ** d };
}

/** A count of people: `1,234` in English, `1234人` in Chinese. */
export function count(n: number, lang: 'en' | 'zh'): Written {
  const v = Math.round(n);
  return { text: lang === 'en' ? digits(v, 0, true) : `${v}人`, value: v, tolerance: 0.5 };
}

/**
 * The Chinese translation of an English amount: the same value, in 亿 or 万 with as
 * many decimals as it takes to say it exactly (`RMB 370.4 million` is `3.704亿元`).
 */
export function zhFromEn(en: Written, currency: 'CNY' | 'USD', style: ZhAmountStyle, signed: boolean): Written {
  const abs = Math.abs(en.value);
  const yi = abs >= 1e8;
  const unit = yi ? 1e8 : 1e4;
  let d = 0;
  while (d < 6 && roundTo(abs / unit, d) * unit !== abs && Math.abs(roundTo(abs / unit, d) * unit - abs) > 1e-6 * abs) d += 1;
  const n = roundTo(abs / unit, d);
  const currencyWord = currency === 'USD' ? '美元' : '元';
  const core = `${n.toFixed(d)}${yi ? '亿' : '万'}${currencyWord}`;
  const minus = signed && en.value < 0 ? '-' : '';
  let text = `${minus}${core}`;
  if (currency === 'CNY' && style === 'rmb-prefix' && !minus) text = `人民币${core}`;
  else if (currency === 'CNY' && style === 'rmb-suffix') text = `${minus}${core}人民币`;
  return { text, value: en.value, tolerance: en.tolerance };
}
