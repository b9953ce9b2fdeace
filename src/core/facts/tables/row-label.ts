import type { Company, CompanyRegistry } from '../../companies/registry.ts';
import { fold } from '../../text/fold.ts';
import { alternation, QUALIFIER_CUES } from '../../vocabulary/vocabulary.ts';
import { findMetrics, type MetricDef } from '../metrics.ts';
import { explicitTotal, phraseQualifiers, SEGMENT_HEAD_EN, SEGMENT_HEAD_ZH } from '../qualifier-cues.ts';
import { canonicalSegment, segmentAfter, segmentBefore } from '../segments.ts';
import { SEGMENT_METRICS } from '../sentence-view.ts';
import { isUnitLine, readUnits, type UnitNote } from './table-units.ts';
import { TABLE_WORDS } from './table-vocabulary.ts';

/**
 * What a row label says, read with the same vocabulary as sentences: the metric
 * (metrics.yaml), its qualifiers (qualifiers.yaml), a business line, a total, a part of
 * the row above ("of which"), units. A label with a word left unexplained is `unknown`:
 * its row gives no figure.
 */
export type RowLabel =
  | {
      kind: 'metric';
      metric: MetricDef;
      /** "Net loss": the figures are the negative side. */
      negative: boolean;
      adjusted: boolean;
      attributable: boolean;
      exclNonrecurring: boolean;
      segment: string | null;
      /** "Total revenue", "整体毛利": the label names the total, never a segment. */
      total: boolean;
      /** "Revenue growth", "营收同比增长": the row holds changes. */
      change: 'yoy' | 'qoq' | 'any' | null;
      child: boolean;
      units: UnitNote;
      company: Company | null;
    }
  | { kind: 'segment'; segment: string; child: boolean; units: UnitNote; company: Company | null }
  | { kind: 'total'; units: UnitNote }
  | { kind: 'subtotal' }
  | { kind: 'neutral' }
  | { kind: 'unit'; units: UnitNote }
  | { kind: 'empty' }
  | { kind: 'unknown' };

const QUALIFIER_WORDS = new RegExp(
  alternation([...QUALIFIER_CUES.adjusted.before, ...QUALIFIER_CUES.adjusted.after, ...QUALIFIER_CUES.attributable.before, ...QUALIFIER_CUES.attributable.after, ...QUALIFIER_CUES.exclNonrecurring.before, ...QUALIFIER_CUES.exclNonrecurring.after]),
  'gu',
);
const CUMULATIVE = /累计|cumulative|accumulated/u;
const EMPTY = /^[\s()（）[\]【】:：,，.。/\\|*'"&+-]*$/u;
const SEGMENT_NAME_EN = new RegExp(`^(?:[a-z&-]+\\s){0,5}[a-z&-]*(?:${SEGMENT_HEAD_EN})$`, 'u');
const SEGMENT_NAME_ZH = new RegExp(`^[\\u4e00-\\u9fffa-z\\s]{0,14}(?:${SEGMENT_HEAD_ZH})$`, 'u');
const NOT_SEGMENT = /^(?:total|operating|net|gross|other|others|all other|overall|group|consolidated|company|quarterly|annual|\d)|^(?:其他|其它|总|整体|集团|公司|合并)/u;

/** Label text as a table writes it, folded, without emphasis marks and footnote marks. */
export function cleanLabel(text: string): string {
  return fold(text)
    .replace(/\*\*|__|`/gu, '')
    // "净利润(净亏损以“-”号填列)": how the statement writes a loss, not part of the name.
    .replace(/[(（][^()（）]{0,12}以\s?["“”']?\s?[-－]\s?["“”']?\s?号?填列[)）]/gu, ' ')
    .replace(/\s?(?:[(（[]\s?(?:\d{1,2}|[a-z]|[ivx]{1,4})\s?[)）\]]|\*+|†|‡)\s*$/u, '')
    .replace(/([a-z\u4e00-\u9fff)）])\d{1,2}$/u, '$1')
    .trim();
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function blankRe(text: string, re: RegExp): { text: string; found: boolean } {
  let found = false;
  const out = text.replace(re, (m) => {
    found = true;
    return ' '.repeat(m.length);
  });
  return { text: out, found };
}

/** Read one row label. */
export function readLabel(raw: string, registry: CompanyRegistry): RowLabel {
  let t = cleanLabel(raw);
  if (!t) return { kind: 'empty' };
  let child = false;
  const cue = t.match(TABLE_WORDS.childCue);
  if (cue) {
    child = true;
    t = t.slice(cue[0].length).trim();
  } else if (/^[-–·•]\s/u.test(t)) {
    child = true;
    t = t.slice(2).trim();
  }
  if (!t) return { kind: 'unknown' };
  if (isUnitLine(t)) return { kind: 'unit', units: readUnits(t) };
  const units = readUnits(t);
  if (units.conflict) return { kind: 'unknown' };
  for (const [s, e] of units.spans) t = blank(t, s, e);
  if (TABLE_WORDS.subtotalRow.test(t)) return { kind: 'subtotal' };
  if (TABLE_WORDS.totalRow.test(t)) return { kind: 'total', units };
  if (TABLE_WORDS.neutralHeading.test(t)) return { kind: 'neutral' };
  const mentions = registry.mentionsInFolded(t);
  if (new Set(mentions.map((m) => m.company.id)).size > 1) return { kind: 'unknown' };
  const company = mentions[0]?.company ?? null;
  for (const m of mentions) t = blank(t, m.start, m.end);
  if (CUMULATIVE.test(t)) return { kind: 'unknown' };

  const found = findMetrics(t);
  if (found.some((m) => m.metric.blocker)) return { kind: 'unknown' };
  if (found.length === 0) return segmentLabel(t, child, units, company);
  // "Net profit/(loss)", "Profit (loss) for the year": one metric named by both its sides.
  if (new Set(found.map((m) => m.metric.id)).size > 1) return { kind: 'unknown' };
  const first = found[0]!;
  if (found.length > 1 && first.negative) return { kind: 'unknown' };
  const negative = found.length === 1 && first.negative;
  const q = phraseQualifiers(t, first.start, first.end);
  const adjusted = q.adjusted || /\badjusted\b|non-?gaap|non-?ifrs|经调整|调整后/u.test(t);
  let segment: string | null = null;
  const total = explicitTotal(t, first.start) || /^(?:total|总)/u.test(first.phrase);
  let rest = t;
  for (const m of found) rest = blank(rest, m.start, m.end);
  if (SEGMENT_METRICS.has(first.metric.id) && !total) {
    const before = segmentBefore(t, first.start);
    // "Revenue from cloud services": only a business line's name (ending in a segment word) is a segment here.
    const tail = t.slice(found.at(-1)!.end).replace(/^\s(?:from|for|generated by|contributed by)\s(?:our\s|the\s|its\s)?/u, '').replace(/[()（）]/gu, ' ').trim();
    const after = before || !SEGMENT_NAME_EN.test(tail) ? null : segmentAfter(t, found.at(-1)!.end);
    segment = before ?? after;
    // The words naming the segment are read: only the other side of the metric must be explained.
    if (before) rest = blank(rest, 0, first.start);
    if (after) rest = blank(rest, found.at(-1)!.end, rest.length);
  }
  rest = blankRe(rest, QUALIFIER_WORDS).text;
  const yoy = blankRe(rest, TABLE_WORDS.changeYoy);
  const qoq = blankRe(yoy.text, TABLE_WORDS.changeQoq);
  const any = blankRe(qoq.text, TABLE_WORDS.changeAny);
  rest = blankRe(any.text, TABLE_WORDS.labelFiller).text;
  if (!EMPTY.test(rest)) return { kind: 'unknown' };
  if (yoy.found && qoq.found) return { kind: 'unknown' };
  const change = yoy.found ? 'yoy' : qoq.found ? 'qoq' : any.found ? 'any' : null;
  return { kind: 'metric', metric: first.metric, negative, adjusted, attributable: q.attributable, exclNonrecurring: q.exclNonrecurring, segment, total, change, child, units, company };
}

function segmentLabel(t: string, child: boolean, units: UnitNote, company: Company | null): RowLabel {
  const name = blankRe(t, /\b(?:the|our|its)\b/gu).text.replace(/[()（）:：]/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (!name || NOT_SEGMENT.test(name)) return { kind: 'unknown' };
  if (SEGMENT_NAME_EN.test(name) || SEGMENT_NAME_ZH.test(name)) return { kind: 'segment', segment: canonicalSegment(name), child, units, company };
  return { kind: 'unknown' };
}
