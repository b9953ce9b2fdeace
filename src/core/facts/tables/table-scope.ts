import type { Company, CompanyRegistry } from '../../companies/registry.ts';
import type { Period } from '../../periods.ts';
import { fold } from '../../text/fold.ts';
import { findMetrics } from '../metrics.ts';
import { findNumbers } from '../numbers.ts';
import { findPeriods, type TimeContext } from '../period-phrases.ts';
import { phraseQualifiers } from '../qualifier-cues.ts';
import { segmentAfter, segmentBefore } from '../segments.ts';
import { SEGMENT_METRICS } from '../sentence-view.ts';
import type { PipeTable } from './find-tables.ts';
import { cleanLabel, type RowLabel } from './row-label.ts';
import { isUnitLine, readUnits, type UnitNote } from './table-units.ts';

/**
 * What a whole table says before its cells are read: the document's context, the units of
 * its caption, corner cell and notes, its company, and the one metric its caption names.
 */

/** What the document tells the table pass. */
export interface TableContext {
  docId: string;
  registry: CompanyRegistry;
  /** The document's company. */
  primary: Company;
  /** Periods of headers are read against the document's time, never a paragraph's. */
  time: TimeContext;
  /** The currency the document states for its amounts ("denominated in RMB"). */
  defaultCurrency: 'CNY' | 'USD' | 'HKD' | null;
  /** The reporting period the document states (never a guessed one), for "本报告期" and "上年同期" columns. */
  reportPeriod?: Period | null;
}

/** A row label that names a metric. */
export type MetricLabel = Extract<RowLabel, { kind: 'metric' }>;

/** What the caption, corner cell and notes say for every cell of a table. */
export interface TableScope {
  units: UnitNote;
  company: Company | null;
  /** The one metric the caption names ("Revenue by segment"), for segment and total rows. */
  metric: MetricLabel | null;
}

/** Units of several notes together; two that disagree make a conflict. */
export function mergeUnits(notes: UnitNote[]): UnitNote {
  const merged: UnitNote = { spans: [] };
  for (const n of notes) {
    if (n.conflict) merged.conflict = true;
    if (n.currency) {
      if (merged.currency && merged.currency !== n.currency) merged.conflict = true;
      merged.currency = n.currency;
    }
    if (n.scale !== undefined) {
      if (merged.scale !== undefined && merged.scale !== n.scale) merged.conflict = true;
      merged.scale = n.scale;
    }
    if (n.percent) merged.percent = true;
    if (n.points) merged.points = true;
    if (n.exceptPerShare) merged.exceptPerShare = true;
  }
  return merged;
}

/** A caption or heading line the pass may read: short, and stating no figure of its own. */
export function usableCaption(text: string, ctx: TableContext): string | null {
  // "Table 2:", "表一:" number the table; they are not part of what it says.
  const folded = fold(text).replace(/^#+\s*/u, '').replace(/^(?:table|figure|exhibit|表|图|附表)\s?(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s?[.:：、-]?\s*/u, '');
  if (folded.length > 160 || /[.。;；!?！？]\s*\S/u.test(folded.replace(/\d\.\d/gu, ''))) return null;
  const periods = findPeriods(folded, ctx.time);
  const units = readUnits(folded).spans;
  const inside = (n: { start: number; end: number }, spans: Array<[number, number]>) => spans.some(([s, e]) => n.start < e && n.end > s);
  const numbers = findNumbers(folded).filter((n) => !inside(n, periods.map((p) => [p.start, p.end])) && !inside(n, units));
  return numbers.length ? null : folded;
}

/** The scope of a table: units, company and caption metric. */
export function scopeOf(table: PipeTable, ctx: TableContext): TableScope {
  const caption = table.caption ? usableCaption(table.caption.text, ctx) : null;
  const notes: UnitNote[] = [];
  if (caption) notes.push(readUnits(caption));
  for (const line of table.notes) {
    const folded = fold(line);
    if (isUnitLine(folded)) notes.push(readUnits(folded));
  }
  const corner = table.header.cells[0];
  const cornerText = corner ? cleanLabel(corner.text) : '';
  if (cornerText) notes.push(readUnits(cornerText));
  const units = mergeUnits(notes);
  let company: Company | null = ctx.primary;
  let metric: MetricLabel | null = null;
  if (table.caption && !caption) {
    // A caption that is a sentence may name another company: the table's company is in doubt.
    if (ctx.registry.mentions(table.caption.text).some((m) => m.company.id !== ctx.primary.id)) company = null;
  }
  if (caption) {
    const ids = new Set(ctx.registry.mentionsInFolded(caption).map((m) => m.company.id));
    if (ids.size > 1) company = null;
    else if (ids.size === 1) company = ctx.registry.get([...ids][0]!) ?? null;
    metric = captionMetric(caption);
  }
  // "| 收入(按分部) | 2024年 | 2023年 |": the corner cell may name the metric the rows break down.
  if (!metric && cornerText) metric = captionMetric(cornerText);
  return { units, company, metric };
}

/**
 * The one metric a caption names ("Revenue by segment (RMB million)", "分部收入"), with the
 * qualifiers written around it. A caption naming a segment, a change or two metrics gives none.
 */
export function captionMetric(caption: string): MetricLabel | null {
  // A title, not a sentence: short, no verb's full stop ("The table below shows revenue." names no breakdown).
  const words = caption.replace(/[\u3400-\u9fff]/gu, ' x ').split(/\s+/u).filter(Boolean).length;
  if (words > 12 || /[.。!?！？;；]\s*$/u.test(caption) || CAPTION_PROSE.test(caption)) return null;
  const found = findMetrics(caption);
  if (!found.length || found.some((m) => m.metric.blocker) || new Set(found.map((m) => m.metric.id)).size > 1 || found.length > 1) return null;
  const m = found[0]!;
  if (CAPTION_CHANGE.test(caption) || (SEGMENT_METRICS.has(m.metric.id) && (segmentBefore(caption, m.start) || segmentAfter(caption, m.end)))) return null;
  const q = phraseQualifiers(caption, m.start, m.end);
  const adjusted = q.adjusted || /\badjusted\b|non-?gaap|non-?ifrs|经调整|调整后/u.test(caption);
  return { kind: 'metric', metric: m.metric, negative: m.negative, adjusted, attributable: q.attributable, exclNonrecurring: q.exclNonrecurring, segment: null, total: false, change: null, child: false, units: { spans: [] }, company: null };
}

const CAPTION_CHANGE = /growth|change|yoy|同比|环比|增长|增速|变动|累计|cumulative/u;
const CAPTION_PROSE = /\b(?:is|are|was|were|shows?|showed|below|above|following|includes?|including|compared|and|other)\b|如下|以下|包括|及|和|与/u;

