/**
 * Units and scales as tables state them, in a caption, a note, a header cell or a row
 * label: "RMB in thousands", "(RMB'000)", "US$'000", "(RMB mn)", "单位:人民币千元",
 * "(百万元)", "亿元", "(%)". Works on folded text. Two different scales in one place are a
 * conflict: nothing that depends on them is read.
 */

/** What one piece of table text says about units. */
export interface UnitNote {
  currency?: 'CNY' | 'USD' | 'HKD';
  /** Multiplier of the numbers written: 1e3 for thousands, 1e8 for 亿. */
  scale?: number;
  /** The numbers are percentages. */
  percent?: boolean;
  /** The numbers are percentage points. */
  points?: boolean;
  /** "except per share data": the scale does not reach per-share figures. */
  exceptPerShare?: boolean;
  /** Two different scales or currencies: nothing read from this note is certain. */
  conflict?: boolean;
  /** Offsets of the unit words found, so a label can be read without them. */
  spans: Array<[number, number]>;
}

// Scale words, most specific first. A currency word may stand before or after them.
const SCALES: Array<[RegExp, number]> = [
  [/千万元|千万/gu, 1e7],
  [/'\s?000\b|\bin thousands\b|\bthousands of\b|\bthousands\b|\bthousand\b|\(k\)|千元|千/gu, 1e3],
  [/\bin millions\b|\bmillions of\b|\bmillions\b|\bmillion\b|\bmn\b|\bmln\b|\bmil\b|(?<=(?:rmb|us\$|hk\$|usd|hkd|cny|\$)\s?)m\b|百万元|百万/gu, 1e6],
  [/\bin billions\b|\bbillions of\b|\bbillions\b|\bbillion\b|\bbn\b|十亿元|十亿/gu, 1e9],
  [/亿元|亿/gu, 1e8],
  [/万元|万/gu, 1e4],
];
const CURRENCIES: Array<[RegExp, 'CNY' | 'USD' | 'HKD']> = [
  [/\bhk\$|\bhkd\b|港元|港币|hong kong dollars?/gu, 'HKD'],
  [/\bus\$|\busd\b|美元|u\.s\. dollars?|us dollars?|\$/gu, 'USD'],
  [/\brmb\b|\bcny\b|renminbi|人民币|\byuan\b|(?<![美港])元/gu, 'CNY'],
];
// "单位:元", "(元)", "(RMB yuan)": amounts written in yuan, scale one.
const PLAIN_YUAN = /单位\s?[:：]?\s?(?:人民币)?元(?![\u4e00-\u9fff])|[(（]\s?(?:人民币)?元\s?[)）]|\brmb yuan\b|\bin (?:rmb|renminbi|yuan)\b(?!\s?(?:'|thousand|million|billion|mn|bn))|元\s?\/\s?股/u;
const PERCENT = /%|\bpercent\b|\bper cent\b|百分比/u;
const POINTS = /\bppts?\b|\bpp\b|\bpts\b|percentage points?|个百分点|百分点/u;
const EXCEPT_PER_SHARE = /except (?:for )?per[- ]share(?: data| amounts?| information| figures)?|except (?:for )?(?:eps|share data)|每股(?:数据|金额)?除外|除每股(?:数据|金额)?(?:外)?/u;

/** Units a folded text states. */
export function readUnits(folded: string): UnitNote {
  const note: UnitNote = { spans: [] };
  const scales = new Set<number>();
  const taken = new Uint8Array(folded.length);
  const mark = (m: RegExpMatchArray) => {
    const s = m.index ?? 0;
    for (let i = s; i < s + m[0].length; i += 1) if (taken[i]) return false;
    taken.fill(1, s, s + m[0].length);
    note.spans.push([s, s + m[0].length]);
    return true;
  };
  const currencies = new Set<string>();
  for (const [re, scale] of SCALES) {
    for (const m of folded.matchAll(re)) {
      if (!mark(m)) continue;
      scales.add(scale);
      // "千元", "百万元": the scale word holds the yuan.
      if (m[0].endsWith('元')) currencies.add('CNY');
    }
  }
  // A currency word inside a longer one already read ("$" of "HK$") is not another currency.
  for (const [re, currency] of CURRENCIES) {
    for (const m of folded.matchAll(re)) if (mark(m)) currencies.add(currency);
  }
  const yuan = folded.match(PLAIN_YUAN);
  if (yuan && scales.size === 0) {
    scales.add(1);
    note.spans.push([yuan.index ?? 0, (yuan.index ?? 0) + yuan[0].length]);
  }
  if (scales.size > 1 || currencies.size > 1) note.conflict = true;
  if (scales.size === 1) note.scale = [...scales][0];
  if (currencies.size === 1) note.currency = [...currencies][0] as UnitNote['currency'];
  const points = folded.match(POINTS);
  if (points) {
    note.points = true;
    note.spans.push([points.index ?? 0, (points.index ?? 0) + points[0].length]);
  } else {
    const pct = folded.match(PERCENT);
    if (pct) {
      note.percent = true;
      note.spans.push([pct.index ?? 0, (pct.index ?? 0) + pct[0].length]);
    }
  }
  const except = folded.match(EXCEPT_PER_SHARE);
  if (except) {
    note.exceptPerShare = true;
    note.spans.push([except.index ?? 0, (except.index ?? 0) + except[0].length]);
  }
  return note;
}

/** True when the note says anything about units. */
export function saysUnits(note: UnitNote): boolean {
  return note.currency !== undefined || note.scale !== undefined || Boolean(note.percent || note.points || note.conflict);
}

/** A short line that is only a unit note ("单位:人民币千元", "(RMB in millions)", "All amounts in US$'000"). */
export function isUnitLine(folded: string): boolean {
  const note = readUnits(folded);
  if (!saysUnits(note) || note.percent) return false;
  let rest = folded;
  for (const [s, e] of note.spans) rest = rest.slice(0, s) + ' '.repeat(e - s) + rest.slice(e);
  return /^[\s(（]*(?:单位|币种|unit|units|currency|note|notes|注|all amounts|amounts|figures|expressed|stated|presented|in)?[\s:：(),（）.]*(?:(?:are|in|of|expressed|stated|presented|unless otherwise stated|unless otherwise specified|除另有说明外|除特别说明外|币种)[\s:：(),（）.]*)*$/u.test(rest);
}
