import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { fold } from '../../text/fold.ts';
import { alternation } from '../../vocabulary/vocabulary.ts';

/**
 * The words of tables, read once from src/core/vocabulary/tables.yaml and folded (lower
 * case, Simplified, half-width) like the rest of the vocabulary.
 */

const phrases = z.array(z.string().min(1)).default([]);
const TablesFileSchema = z.object({
  forecast_columns: phrases,
  change_columns: z.object({ yoy: phrases, qoq: phrases, any: phrases }),
  plain_columns: phrases,
  total_rows: phrases,
  subtotal_rows: phrases,
  child_cues: phrases,
  neutral_headings: phrases,
  label_fillers: z.object({ en: phrases, zh: phrases }),
  expense_metrics: phrases,
  current_columns: phrases,
  prior_year_columns: phrases,
});

function readTablesFile(): z.infer<typeof TablesFileSchema> {
  const text = readFileSync(new URL('../../vocabulary/tables.yaml', import.meta.url), 'utf8');
  const result = TablesFileSchema.safeParse(parse(text));
  if (!result.success) throw new Error(`src/core/vocabulary/tables.yaml is not valid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

const file = readTablesFile();
const foldAll = (list: readonly string[]) => [...new Set(list.map((p) => fold(p).trim()).filter(Boolean))];

/** A regular expression matching any of the phrases (longest first, Latin ends bounded). */
function anyOf(list: readonly string[], flags = 'u'): RegExp {
  return new RegExp(alternation(foldAll(list)), flags);
}

/** Whole-text match of one of the phrases, punctuation around it allowed. */
function whole(list: readonly string[]): RegExp {
  return new RegExp(`^[\\s:：.()（）-]*(?:${alternation(foldAll(list))})[\\s:：.()（）-]*$`, 'u');
}

/** Table words, folded and compiled. */
export const TABLE_WORDS = {
  forecast: anyOf(file.forecast_columns, 'gu'),
  changeYoy: anyOf(file.change_columns.yoy, 'gu'),
  changeQoq: anyOf(file.change_columns.qoq, 'gu'),
  changeAny: anyOf(file.change_columns.any, 'gu'),
  plainColumn: anyOf(file.plain_columns, 'gu'),
  totalRow: whole(file.total_rows),
  subtotalRow: whole(file.subtotal_rows),
  childCue: new RegExp(`^[\\s\\-–·•]*(?:${alternation(foldAll(file.child_cues))})\\s?[:：,，]?\\s?`, 'u'),
  neutralHeading: whole(file.neutral_headings),
  labelFiller: anyOf([...file.label_fillers.en, ...file.label_fillers.zh], 'gu'),
  /** Ids of metrics written in parentheses as deductions. */
  expenseMetrics: new Set(file.expense_metrics),
  currentColumn: whole(file.current_columns),
  priorYearColumn: whole(file.prior_year_columns),
  relativeColumn: anyOf([...file.current_columns, ...file.prior_year_columns], 'gu'),
} as const;
