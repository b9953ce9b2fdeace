import type { Fact } from '../fact.ts';
import type { MetricDef } from '../metrics.ts';
import type { CellValue } from './table-cell.ts';
import type { MetricLabel, TableContext } from './table-scope.ts';
import { TABLE_WORDS } from './table-vocabulary.ts';
import type { UnitNote } from './table-units.ts';

/**
 * The value of a cell with its unit, from the units the cell, the row, the column and
 * the table state: nearest first, and none guessed.
 */

/** A number cell. */
export type NumberCell = Extract<CellValue, { kind: 'number' }>;

/** A level and its unit, or nothing when a unit or scale is in doubt. */
export type Amount = { value: number; unit: Fact['unit'] } | null;

/** The value and unit of a level cell, from the cell, row, column and table units. */
export function levelValue(metric: MetricDef, cell: NumberCell, row: UnitNote, column: UnitNote, stated: UnitNote, ctx: TableContext): Amount {
  const t = cell.token;
  // Table notes that disagree say nothing certain: only the cell, row and column may speak.
  const table: UnitNote = stated.conflict ? { spans: [] } : stated;
  if (row.conflict || column.conflict) return null;
  const percent = t.unit === '%' || row.percent || column.percent;
  const points = t.unit === 'pp' || row.points || column.points;
  if (points || t.unit === 'x') return null;
  if (metric.kind === 'ratio') {
    if (!(percent || table.percent) || t.scaled || t.unit === 'CNY' || t.unit === 'USD' || t.unit === 'HKD' || t.unit === 'count') return null;
    return { value: cell.value, unit: '%' };
  }
  if (percent) return null;
  const tokenCurrency = t.unit === 'CNY' || t.unit === 'USD' || t.unit === 'HKD' ? t.unit : null;
  if (metric.kind === 'count') {
    if (tokenCurrency || t.scaled || row.currency || column.currency || row.scale !== undefined || column.scale !== undefined) return null;
    if (!Number.isInteger(cell.value) || cell.negative) return null;
    return { value: cell.value, unit: 'count' };
  }
  if (row.scale !== undefined && column.scale !== undefined && row.scale !== column.scale) return null;
  if (row.currency && column.currency && row.currency !== column.currency) return null;
  const nearCurrency = tokenCurrency ?? row.currency ?? column.currency;
  if (metric.kind === 'per_share') {
    // A table's scale ("in thousands") never reaches a per-share figure; its currency must be said.
    const nearScale = row.scale ?? column.scale;
    if (t.scaled || (nearScale !== undefined && nearScale !== 1)) return null;
    const currency = nearCurrency ?? (table.exceptPerShare || table.scale === undefined || table.scale === 1 ? (table.currency ?? null) : null);
    if (!currency) return null;
    return { value: cell.value, unit: currency };
  }
  const scale = t.scaled ? 1 : (row.scale ?? column.scale ?? table.scale);
  if (scale === undefined) return null;
  const currency = nearCurrency ?? table.currency ?? (t.scaled || scale !== undefined ? ctx.defaultCurrency : null);
  if (!currency) return null;
  return { value: Number((cell.value * scale).toPrecision(12)), unit: currency };
}

/** A change cell: percent for amounts and counts, percentage points for ratios. */
export function changeValue(metric: MetricDef, cell: NumberCell, row: UnitNote, column: UnitNote): { value: number; unit: '%' | 'pp' } | null {
  const t = cell.token;
  if (t.scaled || (t.unit !== null && t.unit !== '%' && t.unit !== 'pp')) return null;
  const percent = t.unit === '%' || (t.unit === null && (row.percent || column.percent));
  const points = t.unit === 'pp' || (t.unit === null && (row.points || column.points));
  if (metric.kind === 'ratio') return points ? { value: cell.value, unit: 'pp' } : null;
  return percent && !points ? { value: cell.value, unit: '%' } : null;
}

/** A stated change agrees with the two levels of its row, within its rounding. */
export function agrees(stated: NonNullable<Fact['change']>, current: number, prior: number, loss: boolean): boolean {
  if (prior === 0) return false;
  const [a, b] = loss ? [Math.abs(current), Math.abs(prior)] : [current, prior];
  const computed = stated.unit === 'pp' ? a - b : ((a - b) / Math.abs(b)) * 100;
  const decimals = (String(Math.abs(stated.value)).split('.')[1] ?? '').length;
  return Math.abs(computed - stated.value) <= 0.5 * 10 ** -decimals + 0.02 * Math.abs(stated.value) + 0.1;
}

/**
 * A row whose figures have one sign whatever the parentheses say: a loss ("Net loss (120)" is a
 * loss of 120) or a cost a statement writes as a deduction ("R&D expenses (45)" is 45 of costs).
 */
export function signOf(label: MetricLabel): 'negative' | 'positive' | null {
  if (label.negative) return 'negative';
  return TABLE_WORDS.expenseMetrics.has(label.metric.id) ? 'positive' : null;
}
