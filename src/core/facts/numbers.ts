import { significantDigits } from '../format.ts';

/**
 * Numbers as documents write them: `RMB 4,321 million`, `US$18.4 million`, `5.12亿元`
 * (folded from 6.34億元), `8765.43万元`, `-2.34亿元`, `negative RMB 321.7 million`,
 * `41.27%`, `negative 13.7%`, `612人`, bare `731`. Works on folded text (lower case,
 * Simplified, half-width), so one pattern serves both scripts.
 */

/** A number found in folded text. */
export interface NumberToken {
  start: number;
  end: number;
  /** Value in base units; negative only when the text writes a sign ("-", "negative", "负"). */
  value: number;
  /** CNY/USD/HKD for money, % for percentages, pp for percentage points, count for 人/名, x for 倍 (times), null when bare. */
  unit: 'CNY' | 'USD' | 'HKD' | '%' | 'pp' | 'count' | 'x' | null;
  /** The text carries a scale word (million, 亿, ...). */
  scaled: boolean;
  /** The text writes a sign. */
  signed: boolean;
  /** Significant digits as written. */
  precision: number;
  /** The matched text (folded). */
  text: string;
}

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  千: 1e3,
  万: 1e4,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  万亿: 1e12,
};

const CURRENCY: Record<string, 'CNY' | 'USD' | 'HKD'> = {
  rmb: 'CNY',
  cny: 'CNY',
  '人民币': 'CNY',
  // In writing about Chinese companies ¥ is the yuan.
  '¥': 'CNY',
  yuan: 'CNY',
  renminbi: 'CNY',
  元: 'CNY',
  元人民币: 'CNY',
  'us$': 'USD',
  usd: 'USD',
  $: 'USD',
  'us dollars': 'USD',
  dollars: 'USD',
  美元: 'USD',
  'hk$': 'HKD',
  hkd: 'HKD',
  港元: 'HKD',
  港币: 'HKD',
  'hong kong dollars': 'HKD',
};

const SHORT_SCALE: Record<string, string> = { m: 'million', b: 'billion', k: 'thousand' };

const NUMBER_RE = new RegExp(
  [
    String.raw`(?<sign>(?:negative|minus)\s+|负\s?|(?<![\d\w.])[-−](?=\s?(?:rmb|us\$|usd|hk\$|\$|¥|人民币)?\s?\d))?`,
    // "RMB-167.6 million": the sign after the currency.
    String.raw`(?:(?<pre>rmb|cny|us\$|usd|hk\$|hkd|\$|¥|人民币)\s?(?<sign2>[-−](?=\d))?)?`,
    // "16. 1%": a page that put a space after the decimal point (percentages only, small integers).
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}\.\s\d{1,2}(?=\s?%)|\d+(?:\.\d+)?)`,
    // "US$21.3M", "$1.2B": a one-letter scale, only after a currency sign (checked below).
    String.raw`(?:\s?(?<scale>trillion|billion|million|thousand|bn|mn)\b|(?<shortscale>[mbk])(?![a-z])|\s?(?<zhscale>万亿|千万|百万|亿|万|千)(?!分))?`,
    String.raw`(?:\s?(?<post>元人民币|元|美元|港元|港币|hong kong dollars|us dollars|dollars|yuan|renminbi|rmb)(?![a-z])|\s?(?<cnpost>人民币))?`,
    String.raw`(?:\s?(?<pct>%|percent\b|per cent\b|个百分点|百分点|percentage points?\b|ppts?\b|pp\b|pcts?\b|bps?\b|basis points?\b)|(?<people>人|名(?!字))|(?<times>倍))?`,
  ].join(''),
  'gu',
);

/** Every number in a folded text, with unit, scale and sign as written. */
export function findNumbers(folded: string): NumberToken[] {
  const out: NumberToken[] = [];
  const chinese = /[\u4e00-\u9fff]/u.test(folded);
  for (const m of folded.matchAll(NUMBER_RE)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const text = m[0];
    // A digit run glued to letters ("gpt4", "h1", "q4", "5g") is a name, not a number.
    const before = folded[start - 1] ?? '';
    const after = folded[start + text.length] ?? '';
    if (!g.sign && !g.pre && /[a-z]/u.test(before)) continue;
    // "covid-19", "gpt-4": a number hyphenated to a word is part of a name.
    if (!g.pre && /[a-z]-$/u.test(folded.slice(Math.max(0, start - 2), start + (g.sign ? 1 : 0)))) continue;
    if (/[a-z]/u.test(after) && !g.scale && !g.post && !g.pct && !g.shortscale) continue;
    if (g.shortscale && !g.pre) continue;
    const raw = g.num!;
    let value = Number(raw.replace(/,|\s/gu, ''));
    if (!Number.isFinite(value)) continue;
    const scaleWord = g.scale ?? g.zhscale ?? (g.shortscale ? SHORT_SCALE[g.shortscale] : undefined);
    if (scaleWord) value *= SCALE[scaleWord] ?? 1;
    const currencyWord = g.pre ?? g.post ?? g.cnpost;
    let unit: NumberToken['unit'] = currencyWord ? (CURRENCY[currencyWord] ?? null) : null;
    if (g.pct) unit = /百分点|point|pp|bp/u.test(g.pct) ? 'pp' : '%';
    // "同增3.41pct" in a Chinese broker's note is points; "rose 5 pct" in English is percent.
    if (g.pct && /^pcts?$/u.test(g.pct)) unit = chinese ? 'pp' : '%';
    // "50 bps", "50 basis points": hundredths of a percentage point.
    if (g.pct && /^(?:bps?|basis points?)$/u.test(g.pct)) value /= 100;
    if (g.people) unit = 'count';
    if (g.times) unit = 'x';
    const signed = Boolean(g.sign ?? g.sign2);
    if (signed) value = -value;
    out.push({
      start,
      end: start + text.length,
      value: cleanFloat(value),
      unit,
      scaled: Boolean(scaleWord),
      signed,
      precision: significantDigits(raw.replace(/\s/gu, "")),
      text: text.trim(),
    });
  }
  // "按年跌三成", "升兩成半": tenths written in Chinese numerals, a percentage of its own.
  for (const m of folded.matchAll(TENTHS_RE)) {
    const start = m.index ?? 0;
    const value = (CN_DIGIT[m[1]!] ?? 0) * 10 + (m[2] ? 5 : 0);
    if (value > 0) out.push({ start, end: start + m[0].length, value, unit: '%', scaled: false, signed: false, precision: m[2] ? 2 : 1, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}

// 成 is one tenth; never 成本 (cost), 成为 (become), 成长 (growth), 成功, 成立, 成交, 成员, 成果, 成绩, 成熟.
const TENTHS_RE = /(?<![几数])([一二两三四五六七八九])成(半)?(?![本为长功立交员果绩熟份品型效都])/gu;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Remove binary floating noise (a decimal times 1e8 is not always an integer). */
export function cleanFloat(value: number): number {
  return Number(value.toPrecision(12));
}
