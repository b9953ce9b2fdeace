import { periodLabel, previousYear, type Period } from '../periods.ts';
import type { PeriodToken } from './period-phrases.ts';
import { Interner } from '../interner.ts';

/**
 * What each statement of a document speaks of (its metrics and periods), noted while the
 * figures are extracted, so a look-up that finds no figure can show "these sentences may
 * hold it" without reading the document again: in a large corpus, reading a few documents
 * per not-found answer was most of the time of a `/metric` that found nothing.
 */

/**
 * Per document: `rows` holds `start, end, key` per statement (offsets into the cleaned
 * text); `keys` holds each distinct "metric,metric|period,period" once.
 */
export interface StatementNotes {
  rows: number[];
  keys: string[];
}

/** One statement as the notes give it. */
export interface NotedStatement {
  start: number;
  end: number;
  metrics: Set<string>;
  periods: Set<string>;
}

/** Collects the notes of one document. */
export class StatementNoter {
  private readonly rows: number[] = [];
  private readonly keys = new Interner();

  add(start: number, end: number, metrics: Iterable<string>, periods: Iterable<string>): void {
    // A statement of no known metric is noted too: a question about a figure the vocabulary
    // does not know is answered with the sentences that hold its words.
    const m = [...new Set(metrics)];
    this.rows.push(start, end, this.keys.id(`${m.join(',')}|${[...new Set(periods)].join(',')}`));
  }

  notes(): StatementNotes {
    return { rows: this.rows, keys: this.keys.keys };
  }
}

/** The statements of a document's notes, in text order. */
export function notedStatements(notes: StatementNotes): NotedStatement[] {
  const keys = notes.keys.map((k) => {
    const [metrics = '', periods = ''] = k.split('|');
    return { metrics: new Set(metrics.split(',').filter(Boolean)), periods: new Set(periods.split(',').filter(Boolean)) };
  });
  const out: NotedStatement[] = [];
  for (let i = 0; i + 2 < notes.rows.length; i += 3) {
    const key = keys[notes.rows[i + 2]!];
    if (key) out.push({ start: notes.rows[i]!, end: notes.rows[i + 1]!, metrics: key.metrics, periods: key.periods });
  }
  return out;
}

/**
 * The periods a statement speaks of, as labels: absolute ones, each year of a span, and the
 * document's own period a year earlier for "去年同期" / "the same quarter of 2023".
 */
export function statementPeriodLabels(tokens: readonly PeriodToken[], docPeriod: Period | null): string[] {
  const out: string[] = [];
  for (const p of tokens) {
    if (p.ref.type === 'abs') out.push(periodLabel(p.ref.period));
    else if (p.ref.type === 'span') for (let y = p.ref.fromYear; y <= p.ref.toYear; y += 1) out.push(`FY${y}`);
    else if (docPeriod && docPeriod.kind !== 'date' && docPeriod.kind !== 'span') {
      if (p.ref.type === 'same-period-prior-year') out.push(periodLabel(previousYear(docPeriod)));
      else if (p.ref.type === 'same-period-of-year') out.push(periodLabel({ ...docPeriod, year: p.ref.year } as Period));
    }
  }
  return out;
}
