import type { Company } from '../../companies/registry.ts';
import { periodLabel, previousPeriod, previousYear, type Period } from '../../periods.ts';
import type { Fact, FactQualifiers } from '../fact.ts';
import { SEGMENT_METRICS } from '../sentence-view.ts';
import type { PipeTable, TableCell, TableLine } from './find-tables.ts';
import { readCell, type CellValue } from './table-cell.ts';
import { dropDuplicateColumns, readColumn, resolveChangeColumns, type ColumnInfo } from './table-header.ts';
import { readLabel, type RowLabel } from './row-label.ts';
import { mergeUnits, scopeOf, type MetricLabel, type TableContext, type TableScope } from './table-scope.ts';
import { agrees, changeValue, levelValue, signOf, type NumberCell } from './table-values.ts';
import type { UnitNote } from './table-units.ts';
import { columnKeyedFacts } from './column-keyed.ts';

export type { TableContext } from './table-scope.ts';

/**
 * Figures of pipe tables: each data cell gives a figure from its row label (metric,
 * qualifiers, segment) and its column header (period, forecast, change), with the units
 * the cell, the row, the column or the table states. Precision first: a cell whose
 * metric, period, unit or scale is in doubt gives nothing.
 */

type PeriodColumn = Extract<ColumnInfo, { kind: 'period' }>;
type ChangeColumn = Extract<ColumnInfo, { kind: 'change' }>;

/** Where a row's metric comes from when its label names only a segment or a total. */
interface Parent {
  label: MetricLabel;
  /** A heading row (no figures): every following row is under it until the next heading. */
  heading: boolean;
  indent: number;
}

/** Everything the table pass finds in one document's tables. */
export function tableFacts(tables: readonly PipeTable[], ctx: TableContext): Fact[] {
  const out: Fact[] = [];
  for (const table of tables) out.push(...factsOfTable(table, ctx));
  return out;
}

/** Header lines: the header, then body lines with no label that only hold periods. */
function headerLines(table: PipeTable, ctx: TableContext): number {
  let count = 0;
  for (const row of table.rows) {
    if (row.cells[0]?.text.trim() || row.cells.length !== table.header.cells.length) break;
    const cells = row.cells.slice(1).filter((c) => c.text.trim());
    if (!cells.length) break;
    const read = cells.map((c) => readColumn(c.text, ctx.time, ctx.registry, ctx.reportPeriod));
    if (read.some((r) => r.kind === 'other') || !read.some((r) => r.kind === 'period')) break;
    count += 1;
  }
  return count;
}

function columnsOf(table: PipeTable, extraHeaderLines: number, ctx: TableContext): ColumnInfo[] {
  const lines: TableLine[] = [table.header, ...table.rows.slice(0, extraHeaderLines)];
  const width = table.header.cells.length;
  const columns: ColumnInfo[] = [{ kind: 'other' }];
  for (let j = 1; j < width; j += 1) {
    // A header line with a cell over some columns and none over others: merged cells; the
    // empty ones are not read.
    const merged = lines.some((l) => !l.cells[j]?.text.trim() && l.cells.slice(1).some((c) => c.text.trim()));
    const text = lines.map((l) => l.cells[j]?.text ?? '').join(' ').trim();
    columns.push(merged ? { kind: 'other' } : readColumn(text, ctx.time, ctx.registry, ctx.reportPeriod));
  }
  resolveChangeColumns(columns);
  dropDuplicateColumns(columns);
  return columns;
}

function factsOfTable(table: PipeTable, ctx: TableContext): Fact[] {
  const width = table.header.cells.length;
  if (width < 2 || table.rows.length === 0) return [];
  const scope = scopeOf(table, ctx);
  const extra = headerLines(table, ctx);
  const columns = columnsOf(table, extra, ctx);
  // No column of periods: the columns may name the metrics instead.
  if (!columns.some((c) => c.kind === 'period')) return withoutRivals(columnKeyedFacts(table, ctx, scope));
  const zh = /[\u3400-\u9fff]/u.test(`${table.caption?.text ?? ''}${table.header.cells[0]?.text ?? ''}`);

  const facts: Fact[] = [];
  let parent: Parent | null = null;
  let section: { segment: string } | 'neutral' | 'unknown' | null = null;
  let tableUnits = scope.units;
  for (const row of table.rows.slice(extra)) {
    if (row.cells.length !== width) {
      parent = null;
      continue;
    }
    const labelCell = row.cells[0]!;
    const label = readLabel(labelCell.text, ctx.registry);
    const cells = row.cells.slice(1).map((c) => readCell(c.text));
    const hasFigures = cells.some((c) => c.kind !== 'empty');
    if (!hasFigures) {
      // A heading row: it sets what the rows below it mean.
      if (label.kind === 'metric' && !label.change) {
        parent = { label, heading: true, indent: labelCell.indent };
        section = null;
      } else if (label.kind === 'segment') {
        section = { segment: label.segment };
        parent = null;
      } else if (label.kind === 'neutral' || label.kind === 'empty') {
        section = label.kind === 'neutral' ? 'neutral' : section;
        parent = label.kind === 'neutral' ? null : parent;
      } else if (label.kind === 'unit') {
        tableUnits = mergeUnits([scope.units, label.units]);
      } else {
        section = 'unknown';
        parent = null;
      }
      continue;
    }
    if (section === 'unknown') continue;
    const read = resolveRow(label, labelCell, parent, section, scope);
    if (label.kind === 'metric' && !label.child && !label.change) parent = { label, heading: false, indent: labelCell.indent };
    // A total closes the breakdown above it: a line after it is not one of its parts.
    else if (label.kind === 'total') parent = null;
    else if (label.kind !== 'segment' && label.kind !== 'metric') parent = parent?.heading ? parent : null;
    if (!read) continue;
    facts.push(...rowFacts(row, cells, read, columns, { ...scope, units: tableUnits }, ctx, zh || /[\u3400-\u9fff]/u.test(labelCell.text)));
  }
  return withoutRivals(facts);
}

/** The metric a row's figures are of, with the segment it is about. */
interface RowRead {
  label: MetricLabel;
  segment: string | null;
  /** The metric came from a heading, the row above or the caption. */
  inherited: boolean;
  company: Company | null;
  units: UnitNote;
}

function resolveRow(label: RowLabel, cell: TableCell, parent: Parent | null, section: { segment: string } | 'neutral' | null, scope: TableScope): RowRead | null {
  const sectionSegment = section && section !== 'neutral' ? section.segment : null;
  if (label.kind === 'metric') {
    // Under a business line's heading, a metric is that line's; a total there is in doubt.
    if (sectionSegment && (!SEGMENT_METRICS.has(label.metric.id) || label.total || label.segment)) return null;
    const segment = label.segment ?? (label.total ? null : sectionSegment);
    return { label, segment, inherited: false, company: label.company, units: label.units };
  }
  if (label.kind === 'segment' || label.kind === 'total') {
    // The metric of a segment or total row: the heading above, the row it is part of, or the caption's.
    const partOf = parent && (parent.heading || (label.kind === 'segment' && (label.child || cell.indent > parent.indent))) ? parent.label : null;
    const source = partOf ?? (parent ? null : scope.metric);
    if (!source || source.change || source.segment) return null;
    // The row takes the units its metric's label states ("Revenue (RMB mn)" above its parts).
    const units = mergeUnits([source.units, label.units]);
    if (label.kind === 'total') {
      if (sectionSegment) return null;
      return { label: source, segment: null, inherited: true, company: source.company, units };
    }
    if (!SEGMENT_METRICS.has(source.metric.id) || sectionSegment) return null;
    return { label: source, segment: label.segment, inherited: true, company: label.company ?? source.company, units };
  }
  return null;
}

function companyFor(read: RowRead, column: PeriodColumn | ChangeColumn, scope: TableScope): Company | null {
  if (read.company && column.company && read.company.id !== column.company.id) return null;
  return column.company ?? read.company ?? scope.company;
}

function rowFacts(row: TableLine, cells: CellValue[], read: RowRead, columns: ColumnInfo[], scope: TableScope, ctx: TableContext, zh: boolean): Fact[] {
  const { label } = read;
  const fixedSign = signOf(label);
  const levelCells = cells.filter((c, i): c is NumberCell => c.kind === 'number' && columns[i + 1]?.kind === 'period');
  // "Net loss" or "R&D expenses" with some levels in parentheses and some not: which sign is meant is in doubt.
  if (fixedSign && !label.change && levelCells.some((c) => c.negative) && levelCells.some((c) => !c.negative)) return [];
  const qualifiers: FactQualifiers = {};
  if (label.adjusted) qualifiers.adjusted = true;
  if (label.attributable) qualifiers.attributable = true;
  if (label.exclNonrecurring) qualifiers.exclNonrecurring = true;
  if (read.segment) qualifiers.segment = read.segment;
  const out: Fact[] = [];
  const levels = new Map<string, Fact>();
  const changes: Fact[] = [];
  cells.forEach((cell, i) => {
    const column = columns[i + 1]!;
    if (cell.kind !== 'number' || column.kind === 'other') return;
    const company = companyFor(read, column, scope);
    if (!company) return;
    const base = { company: company.id, metric: label.metric.id, doc: ctx.docId, start: row.start, end: row.end, numberText: row.cells[i + 1]!.text, precision: cell.token.precision, confidence: read.inherited ? 0.9 : 1, language: (zh ? 'zh' : 'en') as Fact['language'], origin: 'table' as const };
    const q: FactQualifiers = { ...qualifiers };
    if (column.forecast) q.forecast = true;
    const rowChange = label.change;
    if (column.kind === 'change' || rowChange) {
      const period = column.period;
      const basis = column.kind === 'change' ? column.basis : rowChange === 'any' ? (period?.kind === 'FY' ? 'yoy' : null) : rowChange;
      if (!period || !basis || (column.kind === 'change' && rowChange)) return;
      const change = changeValue(label.metric, cell, read.units, column.units);
      if (!change) return;
      changes.push({ ...base, period, value: change.value, unit: '%', qualifiers: { ...q, change: basis }, change: { value: change.value, unit: change.unit, basis } });
      return;
    }
    if (column.point && !label.metric.pointInTime) return;
    if (!column.point && label.metric.pointInTime && column.period.kind !== 'FY' && column.period.kind !== 'Q' && column.period.kind !== 'H') return;
    const level = levelValue(label.metric, cell, read.units, column.units, scope.units, ctx);
    if (!level) return;
    const value = fixedSign === 'negative' ? -Math.abs(level.value) : fixedSign === 'positive' ? Math.abs(level.value) : level.value;
    const fact: Fact = { ...base, period: column.period, value, unit: level.unit, qualifiers: q };
    out.push(fact);
    levels.set(levelKey(fact.company, column.period, Boolean(q.forecast)), fact);
  });
  for (const c of changes) {
    const stated = c.change!;
    const current = levels.get(levelKey(c.company, c.period, Boolean(c.qualifiers.forecast)));
    const prior = levels.get(levelKey(c.company, stated.basis === 'yoy' ? previousYear(c.period) : previousPeriod(c.period), false));
    // The row states both levels: a change they do not give is a misread column.
    if (current && prior && !agrees(stated, current.value, prior.value, fixedSign !== null)) continue;
    out.push(c);
    // The level's change, as sentences carry it: a loss that shrinks is net income rising.
    if (current && !current.change) current.change = { ...stated, value: label.negative ? -stated.value : stated.value };
  }
  return out;
}

function levelKey(company: string, period: Period, forecast: boolean): string {
  return `${company}|${periodLabel(period)}|${forecast}`;
}

/** Two cells of one table giving the same figure different values: neither is certain. */
function withoutRivals(facts: Fact[]): Fact[] {
  const key = (f: Fact) => `${f.company}|${f.metric}|${periodLabel(f.period)}|${JSON.stringify(f.qualifiers)}|${f.unit}`;
  const values = new Map<string, Set<number>>();
  for (const f of facts) values.set(key(f), (values.get(key(f)) ?? new Set()).add(f.value));
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = key(f);
    if ((values.get(k)?.size ?? 0) > 1 || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
