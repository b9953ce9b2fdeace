import { z } from 'zod';

/**
 * The one contract every front end renders. The core builds an `Answer`; the console,
 * Slack and Discord adapters only turn it into text, Block Kit or embeds.
 */

/** Where a figure or passage comes from: an exact excerpt of the cleaned document text. */
export const SourceSchema = z.object({
  /** Document id (file name without extension). */
  document: z.string(),
  title: z.string(),
  /** YYYY-MM-DD, or null when the document shows no date. */
  published: z.string().nullable(),
  /** Exact excerpt of the cleaned document text (`text.slice(start, end) === quote`). */
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * A figure read from a table: the table's caption or heading, its header row and the unit
   * note beside it, so the reader sees where the number sits. `quote` is the row.
   */
  table: z.object({ caption: z.string().nullable(), header: z.string(), note: z.string().optional() }).optional(),
  /** The PDF page the quote starts on (PDF documents only). */
  page: z.number().int().positive().optional(),
});
/** Where a figure or passage comes from. */
export type Source = z.infer<typeof SourceSchema>;

/** Units a figure can carry. Amounts are in base units (yuan, dollars), not millions. */
export const UnitSchema = z.enum(['CNY', 'USD', 'HKD', '%', 'count']);
/** Unit of a figure value. */
export type Unit = z.infer<typeof UnitSchema>;

/** A change stated in the text or computed from two facts. */
export const ChangeSchema = z.object({
  /** Percent change (for amounts and counts) or percentage points (for ratios). */
  value: z.number(),
  unit: z.enum(['%', 'pp']),
  /** What the change is measured against. */
  basis: z.enum(['yoy', 'qoq', 'hoh', 'prior']),
  display: z.string(),
  /** True when computed from two facts rather than stated by the source. */
  computed: z.boolean(),
  /** The fact the change was computed against, when computed. */
  against: z.object({ period: z.string(), value: z.number(), source: SourceSchema }).optional(),
});
/** A change stated in the text or computed from two facts. */
export type Change = z.infer<typeof ChangeSchema>;

/** Another statement of the same figure that disagrees with the one answered. */
export const AlternativeSchema = z.object({
  value: z.number(),
  display: z.string(),
  source: SourceSchema,
});
/** Another statement of the same figure that disagrees with the one answered. */
export type Alternative = z.infer<typeof AlternativeSchema>;

/** One figure of an answer. */
export const FigureSchema = z.object({
  /** Canonical company id, e.g. `cloudwalk`. */
  company: z.string(),
  companyName: z.string(),
  /** Canonical metric id, e.g. `revenue`, `net_income`. */
  metric: z.string(),
  metricLabel: z.string(),
  /** Canonical period label: `FY2024`, `Q4 2022`, `H1 2024`, `9M 2025`, `FY2018-FY2022`. */
  period: z.string(),
  value: z.number(),
  unit: UnitSchema,
  /** Human display, e.g. `RMB 634 million (6.34億元)`. */
  display: z.string(),
  /** adjusted, non-GAAP, segment:<name>, forecast, cumulative, approximate, at least ... */
  qualifiers: z.array(z.string()),
  /** Business segment, when the figure is a segment's (never answers a total). */
  segment: z.string().optional(),
  change: ChangeSchema.optional(),
  /** True when the value itself was computed from other facts. */
  computed: z.boolean().optional(),
  /** True for forecasts, guidance and approximations stated as such. */
  estimate: z.boolean().optional(),
  /** Low and high of a stated range (guidance "between X and Y"). */
  range: z.object({ low: z.number(), high: z.number() }).optional(),
  source: SourceSchema,
  /** Further statements of the same value (other documents, translations). */
  corroborating: z.array(SourceSchema).default([]),
  /** Further agreeing statements not listed in `corroborating` (an answer quotes only a few). */
  corroboratingMore: z.number().int().nonnegative().optional(),
  /** Statements of a different value for the same company, metric and period. */
  alternatives: z.array(AlternativeSchema).default([]),
});
/** One figure of an answer. */
export type Figure = z.infer<typeof FigureSchema>;

/** A passage found by search. */
export const PassageSchema = SourceSchema.extend({
  score: z.number(),
});
/** A passage found by search. */
export type Passage = z.infer<typeof PassageSchema>;

/** What the question was understood as; adapters keep it per thread for follow-ups. */
export const QueryContextSchema = z.object({
  company: z.string().optional(),
  metric: z.string().optional(),
  period: z.string().optional(),
});
/** What the question was understood as. */
export type QueryContext = z.infer<typeof QueryContextSchema>;

/** A document of the corpus, as `/sources` lists it. */
export const DocumentInfoSchema = z.object({
  document: z.string(),
  title: z.string(),
  company: z.string(),
  companyName: z.string(),
  published: z.string().nullable(),
  period: z.string().nullable(),
  language: z.string(),
  source: z.string().nullable(),
  facts: z.number().int().nonnegative(),
  /** The file's format; a PDF also gives its page count. */
  kind: z.enum(['markdown', 'text', 'pdf', 'html']).optional(),
  pages: z.number().int().nonnegative().optional(),
  /** Figures read from the document's tables (the rest are from sentences). */
  tableFacts: z.number().int().nonnegative().optional(),
  /** Fields guessed from the text because neither front matter nor a sidecar gave them. */
  inferred: z.array(z.string()).optional(),
});
/** A document of the corpus, as `/sources` lists it. */
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

/** A chart attached to an answer: the PNG on disk and the data drawn. */
export const ChartSchema = z.object({
  path: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  title: z.string(),
  series: z.array(
    z.object({
      company: z.string(),
      label: z.string(),
      points: z.array(z.object({ period: z.string(), value: z.number(), computed: z.boolean() })),
    }),
  ),
  note: z.string().optional(),
});
/** A chart attached to an answer. */
export type Chart = z.infer<typeof ChartSchema>;

/** answered: figures or passages found; not_found: the corpus does not say; invalid: the input is unusable; error: the bot failed (adapters only). */
export const AnswerStatusSchema = z.enum(['answered', 'not_found', 'invalid', 'error']);

/** The answer to one command or question. */
export const AnswerSchema = z.object({
  /** The input as received (capped). */
  query: z.string(),
  /** The command that answered (`ask`, `metric`, ...). */
  command: z.string(),
  status: AnswerStatusSchema,
  /** Plain-text rendering; the console prints it, chat adapters use it as fallback text. */
  message: z.string(),
  figures: z.array(FigureSchema),
  passages: z.array(PassageSchema),
  /** What the user could try instead: near names, known companies, example commands. */
  suggestions: z.array(z.string()),
  /** What the corpus does know when the exact figure is not there. */
  known: z.array(z.string()).default([]),
  context: QueryContextSchema.optional(),
  documents: z.array(DocumentInfoSchema).optional(),
  chart: ChartSchema.optional(),
  /** Free-form structured payload of commands that are not figure look-ups (digests, lists). */
  data: z.unknown().optional(),
  /** Reference id of an internal error, also written to the log. */
  errorId: z.string().optional(),
});
/** The answer to one command or question. */
export type Answer = z.infer<typeof AnswerSchema>;
