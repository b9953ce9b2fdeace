import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { fold } from '../text/fold.ts';

/**
 * The one vocabulary of figures, read from the YAML files beside this module: metric
 * phrases, qualifier cues, words that are not metrics, change words and segment heads.
 * Document extraction and question parsing both read it, so a question and a document
 * meet on the same terms. Phrases are folded once here (lower case, Simplified, half-width).
 */

const phrases = z.array(z.string().min(1)).default([]);

const MetricEntrySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/u),
  label: z.string(),
  label_zh: z.string(),
  kind: z.enum(['amount', 'ratio', 'count', 'per_share']),
  point_in_time: z.boolean().optional(),
  headline: z.boolean().optional(),
  share_of_revenue: z.string().optional(),
  line_only: z.boolean().optional(),
  en: phrases,
  zh: phrases,
  negative: phrases,
  question_only: phrases,
});

const MetricsFileSchema = z.object({
  metrics: z.array(MetricEntrySchema).min(1),
  not_metrics: z.object({ en: phrases, zh: phrases }),
});

const QualifierSchema = z.object({ label: z.string().optional(), before: phrases, after: phrases, question: phrases });

const QualifiersFileSchema = z.object({
  qualifiers: z.object({
    adjusted: QualifierSchema,
    attributable: QualifierSchema,
    excl_nonrecurring: QualifierSchema,
    cumulative: QualifierSchema,
    forecast: QualifierSchema,
  }),
  excluding_cues: phrases,
  changes: z.object({ yoy: z.object({ question: phrases }), qoq: z.object({ question: phrases }) }),
  segment_heads: z.object({ en: phrases, zh: phrases }),
  total_cues: phrases,
  question_noise: z.object({ en: phrases, zh: phrases }),
  segment_words: z.record(z.string(), phrases),
});

/** A metric entry of metrics.yaml. */
export type MetricEntry = z.infer<typeof MetricEntrySchema>;
/** Cues of one qualifier, folded. */
export type QualifierCues = z.infer<typeof QualifierSchema>;

function readYaml<T>(name: string, schema: z.ZodType<T>): T {
  const text = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
  const result = schema.safeParse(parse(text));
  if (!result.success) throw new Error(`src/core/vocabulary/${name} is not valid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

const foldAll = (list: readonly string[]) => [...new Set(list.map((p) => fold(p).trim()).filter(Boolean))];
const foldCues = (q: QualifierCues): QualifierCues => ({ label: q.label, before: foldAll(q.before), after: foldAll(q.after), question: foldAll(q.question) });

const metricsFile = readYaml('metrics.yaml', MetricsFileSchema);
const qualifiersFile = readYaml('qualifiers.yaml', QualifiersFileSchema);

/** Metric entries, as written in metrics.yaml. */
export const METRIC_ENTRIES: readonly MetricEntry[] = metricsFile.metrics;

/** Folded phrases that look like a metric but are not one ("利息收入", "other income"). */
export const NOT_METRIC_PHRASES: readonly string[] = foldAll([...metricsFile.not_metrics.en, ...metricsFile.not_metrics.zh]);

/** Folded cues per qualifier. */
export const QUALIFIER_CUES = {
  adjusted: foldCues(qualifiersFile.qualifiers.adjusted),
  attributable: foldCues(qualifiersFile.qualifiers.attributable),
  exclNonrecurring: foldCues(qualifiersFile.qualifiers.excl_nonrecurring),
  cumulative: foldCues(qualifiersFile.qualifiers.cumulative),
  forecast: foldCues(qualifiersFile.qualifiers.forecast),
} as const;

/** Folded cues of restated or what-if figures. */
export const EXCLUDING_CUES: readonly string[] = foldAll(qualifiersFile.excluding_cues);

/** Folded question words asking for a change. */
export const CHANGE_WORDS = { yoy: foldAll(qualifiersFile.changes.yoy.question), qoq: foldAll(qualifiersFile.changes.qoq.question) } as const;

/** Folded words ending a business-line noun phrase. */
export const SEGMENT_HEADS = { en: foldAll(qualifiersFile.segment_heads.en), zh: foldAll(qualifiersFile.segment_heads.zh) } as const;

/** Folded question words that carry no meaning for a look-up. */
export const QUESTION_NOISE = { en: new Set(foldAll(qualifiersFile.question_noise.en)), zh: foldAll(qualifiersFile.question_noise.zh) } as const;

/** Folded words that mark a total. */
export const TOTAL_CUES: readonly string[] = foldAll(qualifiersFile.total_cues);

/** Words of business-line names, each with its spellings in both languages ("auto": 汽车, automotive). */
export const SEGMENT_WORDS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(qualifiersFile.segment_words).map(([word, spellings]) => [word, foldAll([word, ...spellings])]));

/** Escape a phrase for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * One alternation of phrases, longest first, Latin phrases bounded by word edges and
 * spaces in them matching any run of spaces or hyphens.
 */
export function alternation(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = escapeRegExp(p).replace(/(?:\\-|\s)+/gu, '[\\s-]?');
      const start = /^[a-z0-9]/u.test(p) ? '(?<![a-z0-9])' : '';
      const end = /[a-z0-9]$/u.test(p) ? '(?![a-z0-9])' : '';
      return `${start}${body}${end}`;
    })
    .join('|');
}
