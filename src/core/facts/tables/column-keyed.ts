import type { Company } from '../../companies/registry.ts';
import { periodLabel, type Period } from '../../periods.ts';
import { fold } from '../../text/fold.ts';
import type { Fact, FactQualifiers } from '../fact.ts';
import { findPeriods } from '../period-phrases.ts';
import type { PipeTable } from './find-tables.ts';
import { cleanLabel, readLabel } from './row-label.ts';
import { readCell } from './table-cell.ts';
import { readColumn } from './table-header.ts';
import { usableCaption, type MetricLabel, type TableContext, type TableScope } from './table-scope.ts';
import { changeValue, levelValue, signOf, type NumberCell } from './table-values.ts';
import { TABLE_WORDS } from './table-vocabulary.ts';

/**
 * Tables whose columns name the metrics: rows are periods ("| Year | Revenue (RMB mn) |
 * Net loss |") or companies (a market summary: "| 公司 | 2030年营收(亿元) | 同比 |", its period
 * in the header or the caption). A row gives figures only when its label is exactly a period
 * or exactly one known company; a change column ("同比", "YoY") is the change of the metric
 * column right before it.
 */

interface MetricColumn {
  kind: 'metric';
  label: MetricLabel;
  period: Period | null;
  forecast: boolean;
}
interface ChangeOf {
  kind: 'change';
  of: MetricColumn;
  basis: 'yoy' | 'qoq' | 'hoh' | null;
}
type KeyedColumn = MetricColumn | ChangeOf | null;

const EMPTY = /^[\s()（）[\]【】:：,，.。/\\|*'"-]*$/u;

/** A header cell naming a metric, possibly with its period ("2030年营收(亿元)", "Revenue 2030E"). */
function metricColumn(text: string, ctx: TableContext): MetricColumn | null {
  let t = cleanLabel(text);
  let forecast = false;
  t = t.replace(/((?:19|20)\d{2})\s?年?\s?[ef]\b/gu, (_m, y: string) => {
    forecast = true;
    return y;
  });
  t = t.replace(TABLE_WORDS.forecast, (m) => {
    forecast = true;
    return ' '.repeat(m.length);
  });
  const periods = findPeriods(t, ctx.time);
  if (periods.length > 1) return null;
  let period: Period | null = null;
  const p = periods[0];
  if (p) {
    if (p.ref.type !== 'abs' || p.ref.yearInferred || p.since || !/\d{2}/u.test(p.text) || p.ref.period.kind === 'span' || p.ref.period.kind === 'date') return null;
    period = p.ref.period;
    t = t.slice(0, p.start) + ' '.repeat(p.end - p.start) + t.slice(p.end);
  }
  const label = readLabel(t, ctx.registry);
  if (label.kind !== 'metric' || label.child || label.segment || label.change) return null;
  return { kind: 'metric', label, period, forecast };
}

function columnsOf(table: PipeTable, ctx: TableContext): KeyedColumn[] {
  const columns: KeyedColumn[] = [null];
  for (const cell of table.header.cells.slice(1)) {
    const metric = metricColumn(cell.text, ctx);
    if (metric) {
      columns.push(metric);
      continue;
    }
    const read = readColumn(cell.text, ctx.time, ctx.registry);
    const before = columns.at(-1);
    columns.push(read.kind === 'change' && before?.kind === 'metric' ? { kind: 'change', of: before, basis: read.basis } : null);
  }
  return columns;
}

/** A row label that is exactly one known company, a ticker or a "-W" mark aside. */
function rowCompany(text: string, ctx: TableContext): Company | null {
  const t = cleanLabel(text);
  const mentions = ctx.registry.mentionsInFolded(t);
  if (!mentions.length || new Set(mentions.map((m) => m.company.id)).size > 1) return null;
  let rest = t;
  for (const m of mentions) rest = rest.slice(0, m.start) + ' '.repeat(m.end - m.start) + rest.slice(m.end);
  rest = rest.replace(/[(（]?\s?\d{4,6}(?:\.\s?hk)?\s?[)）]?|-(?:w|s|sw|b)\b/gu, ' ');
  return EMPTY.test(rest) ? mentions[0]!.company : null;
}

/** The one period a caption names ("2030年中期业绩一览"), if it names exactly one. */
function captionPeriod(table: PipeTable, ctx: TableContext): { period: Period; forecast: boolean } | null {
  const caption = table.caption ? usableCaption(table.caption.text, ctx) : null;
  if (!caption) return null;
  const found = findPeriods(caption, ctx.time).filter((p) => p.ref.type !== 'undated');
  if (found.length !== 1) return null;
  const p = found[0]!;
  if (p.ref.type !== 'abs' || p.ref.yearInferred || p.ref.point || !/\d{2}/u.test(p.text) || p.ref.period.kind === 'span' || p.ref.period.kind === 'date') return null;
  return { period: p.ref.period, forecast: new RegExp(TABLE_WORDS.forecast.source, 'u').test(fold(caption)) };
}

/** Figures of a table whose columns name metrics; nothing when it is not one. */
export function columnKeyedFacts(table: PipeTable, ctx: TableContext, scope: TableScope): Fact[] {
  const columns = columnsOf(table, ctx);
  if (!columns.some((c) => c?.kind === 'metric')) return [];
  const fromCaption = captionPeriod(table, ctx);
  const width = table.header.cells.length;
  const facts: Fact[] = [];
  const rows = table.rows.filter((r) => r.cells.length === width);
  const cellsOf = rows.map((r) => r.cells.slice(1).map((c) => readCell(c.text)));
  // A loss or cost column with some figures in parentheses and some not: which sign is meant is in doubt.
  const mixed = columns.map((c, j) => {
    if (c?.kind !== 'metric' || !signOf(c.label) || j === 0) return false;
    const numbers = cellsOf.map((cells) => cells[j - 1]).filter((x): x is NumberCell => x?.kind === 'number');
    return numbers.some((n) => n.negative) && numbers.some((n) => !n.negative);
  });
  rows.forEach((row, r) => {
    const labelText = row.cells[0]!.text;
    const asPeriod = readColumn(labelText, ctx.time, ctx.registry);
    const company = asPeriod.kind === 'period' ? null : rowCompany(labelText, ctx);
    if (asPeriod.kind !== 'period' && !company) return;
    if (asPeriod.kind === 'period' && asPeriod.point) return;
    const zh = /[\u3400-\u9fff]/u.test(`${table.header.cells.map((c) => c.text).join('')}${labelText}`);
    cellsOf[r]!.forEach((cell, i) => {
      const column = columns[i + 1];
      if (!column || cell.kind !== 'number' || mixed[i + 1]) return;
      const metricColumn = column.kind === 'metric' ? column : column.of;
      const label = metricColumn.label;
      const rowPeriod = asPeriod.kind === 'period' ? asPeriod.period : null;
      if (rowPeriod && metricColumn.period && periodLabel(rowPeriod) !== periodLabel(metricColumn.period)) return;
      const period = rowPeriod ?? metricColumn.period ?? fromCaption?.period ?? null;
      if (!period) return;
      const forecast = (asPeriod.kind === 'period' && asPeriod.forecast) || metricColumn.forecast || (!rowPeriod && !metricColumn.period && Boolean(fromCaption?.forecast));
      const owner = company ?? label.company ?? scope.company;
      if (!owner || (company && label.company && company.id !== label.company.id)) return;
      const q: FactQualifiers = {};
      if (label.adjusted) q.adjusted = true;
      if (label.attributable) q.attributable = true;
      if (label.exclNonrecurring) q.exclNonrecurring = true;
      if (forecast) q.forecast = true;
      const base = { company: owner.id, metric: label.metric.id, doc: ctx.docId, start: row.start, end: row.end, numberText: row.cells[i + 1]!.text, precision: cell.token.precision, confidence: 1, language: (zh ? 'zh' : 'en') as Fact['language'], origin: 'table' as const };
      const rowUnits = asPeriod.kind === 'period' ? asPeriod.units : { spans: [] };
      if (column.kind === 'change') {
        const basis = column.basis ?? (period.kind === 'FY' ? 'yoy' : null);
        const change = basis ? changeValue(label.metric, cell, rowUnits, column.of.label.units) : null;
        if (!basis || !change) return;
        facts.push({ ...base, period, value: change.value, unit: '%', qualifiers: { ...q, change: basis }, change: { value: change.value, unit: change.unit, basis } });
        return;
      }
      if (label.metric.pointInTime && period.kind !== 'FY' && period.kind !== 'Q' && period.kind !== 'H') return;
      const level = levelValue(label.metric, cell, rowUnits, label.units, scope.units, ctx);
      if (!level) return;
      const sign = signOf(label);
      const value = sign === 'negative' ? -Math.abs(level.value) : sign === 'positive' ? Math.abs(level.value) : level.value;
      facts.push({ ...base, period, value, unit: level.unit, qualifiers: q });
    });
  });
  return facts;
}
