import type { Company } from '../companies/registry.ts';
import { METRICS, resolveMetric, type MetricDef } from '../facts/metrics.ts';
import { parsePeriod, parsePeriodRange, type Period, type PeriodRange } from '../periods.ts';
import { readMetricWords, type AskedQualifiers, type MetricWords } from '../query/metric-words.ts';
import { fold } from '../text/fold.ts';
import type { CorpusSnapshot } from '../snapshot.ts';

/** Resolution of one name, or why it failed. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string; suggestions: string[] };

/** Accepted period forms, for error messages. */
export const PERIOD_FORMS = '2024, FY2024, FY24, 2024年, Q4 2022, 4Q22, 2022年第四季度, H1 2024, 2024年上半年, 9M 2025, or a range such as 2019-2023';

/** A company by name, alias (either script) or ticker. */
export function resolveCompany(snapshot: CorpusSnapshot, text: string): Resolved<Company> {
  const registry = snapshot.registry;
  const exact = registry.findExact(text) ?? registry.all().find((c) => c.tickers.some((t) => t.toLowerCase() === text.trim().toLowerCase()));
  if (exact) return { ok: true, value: exact };
  const mentioned = registry.mentions(text, { tickers: true });
  if (mentioned.length === 1) return { ok: true, value: mentioned[0]!.company };
  const near = registry.nearest(text);
  const withFacts = snapshot.facts.companies().map((id) => registry.get(id)?.name).filter((n): n is string => Boolean(n));
  const shown = text.trim().length > 60 ? `${text.trim().slice(0, 57)}...` : text.trim();
  return {
    ok: false,
    message: near.length
      ? `I don't know a company called "${shown}". Did you mean ${near.map((c) => c.name).join(' or ')}?`
      : `I don't know a company called "${shown}". Companies with figures: ${withFacts.join(', ') || 'none yet'}.`,
    suggestions: near.length ? near.map((c) => c.name) : withFacts,
  };
}

/** A metric with its qualifiers and segment, read from the words as typed. */
export interface ResolvedMetric {
  metric: MetricDef;
  segment?: string;
  adjusted: boolean;
  forecast: boolean;
  cumulative: boolean;
  qualifiers: AskedQualifiers;
  /** Words the vocabulary does not explain: the look-up answers with passages, not a figure. */
  unknown: string[];
}

/**
 * A metric with its qualifiers and an optional segment ("public cloud revenue",
 * "net profit attributable yoy"), read with the same grammar as questions.
 */
export function resolveMetricText(snapshot: CorpusSnapshot, text: string): Resolved<ResolvedMetric> & { words?: MetricWords } {
  const words = readMetricWords(fold(text));
  const metric = words.metric ?? (words.ambiguous ? undefined : resolveMetric(text));
  if (metric && !words.ambiguous) {
    const q = words.qualifiers;
    return { ok: true, value: { metric, segment: words.segment, adjusted: q.adjusted, forecast: q.forecast, cumulative: q.cumulative, qualifiers: q, unknown: words.unknown }, words };
  }
  const shown = text.trim().length > 60 ? `${text.trim().slice(0, 57)}...` : text.trim();
  return {
    ok: false,
    message: words.ambiguous
      ? `"${shown}" names more than one metric; ask for one at a time.`
      : `I don't know the metric "${shown}" as a figure. Metrics I know: ${METRICS.map((m) => m.label.toLowerCase()).join(', ')}.`,
    suggestions: METRICS.slice(0, 6).map((m) => m.label.toLowerCase()),
    words,
  };
}

/** A period or a range of periods; empty text means "not given". */
export function resolvePeriodText(text: string | undefined): Resolved<{ period?: Period; range?: PeriodRange }> {
  const t = (text ?? '').trim();
  if (!t) return { ok: true, value: {} };
  const range = parsePeriodRange(t);
  if (range) return { ok: true, value: { range } };
  const period = parsePeriod(t);
  if (period?.kind === 'span') return { ok: true, value: { range: { from: { kind: 'FY', year: period.fromYear }, to: { kind: 'FY', year: period.toYear } } } };
  if (period) return { ok: true, value: { period } };
  const shown = t.length > 40 ? `${t.slice(0, 37)}...` : t;
  return { ok: false, message: `"${shown}" is not a period I can read. Use ${PERIOD_FORMS}.`, suggestions: ['2024', 'Q4 2022', 'H1 2024', '2019-2023'] };
}
