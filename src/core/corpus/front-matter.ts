import { parseDocument } from 'yaml';
import { z } from 'zod';
import { parsePeriod } from '../periods.ts';

/**
 * Front matter is read by hand (the fence) and parsed by `yaml` alone, with limits: a
 * file anyone can drop into the folder must not be able to spend the bot's memory or
 * time, nor put a screenful of its own text into a warning.
 */

/** Longest front matter block read; longer blocks are refused and the body read alone. */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;
/** Alias nodes one front matter block may resolve ("billion laughs" needs thousands). */
export const MAX_YAML_ALIASES = 20;
/** Longest text a warning quotes from the file. */
export const MAX_QUOTED_CHARS = 200;
/** Size caps per field: enough for any real title or company name, not for a dump. */
export const FIELD_LIMITS = { title: 300, company: 120, alias: 120, aliases: 20, source: 500, language: 40 } as const;

/** Front matter a document may carry. Only `title` and `company` are required. */
export const FrontMatterSchema = z
  .object({
    title: z
      .string({ error: 'expected a text title' })
      .trim()
      .min(1, 'expected a non-empty title')
      .max(FIELD_LIMITS.title, `expected a title of at most ${FIELD_LIMITS.title} characters`),
    company: z
      .string({ error: 'expected the name of the primary company' })
      .trim()
      .min(1, 'expected a company name')
      .max(FIELD_LIMITS.company, `expected a company name of at most ${FIELD_LIMITS.company} characters`),
    aliases: z
      .array(
        z
          .union([z.string(), z.number()])
          .transform(String)
          .refine((s) => s.length <= FIELD_LIMITS.alias, `expected names of at most ${FIELD_LIMITS.alias} characters`),
        { error: 'expected a list of names, e.g. [CloudWalk, 云从科技]' },
      )
      .max(FIELD_LIMITS.aliases, `expected at most ${FIELD_LIMITS.aliases} names`)
      .default([]),
    published: z
      .preprocess(
        (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
        z
          .string({ error: 'expected a date as YYYY-MM-DD' })
          .regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date as YYYY-MM-DD')
          .refine((s) => parsePeriod(s)?.kind === 'date', 'expected a real calendar date as YYYY-MM-DD'),
      )
      .optional(),
    period: z
      .union([z.string(), z.number()])
      .transform(String)
      .refine((s) => s.length <= 40 && parsePeriod(s) !== null, 'expected a reporting period such as FY2024, Q4 2022 or H1 2024')
      .optional(),
    source: z.string({ error: 'expected a text naming the source' }).max(FIELD_LIMITS.source, `expected at most ${FIELD_LIMITS.source} characters`).optional(),
    language: z.string({ error: 'expected a language tag such as en, zh-Hans or zh-Hant' }).max(FIELD_LIMITS.language, 'expected a language tag such as en, zh-Hans or zh-Hant').optional(),
  })
  .passthrough();
/** Validated front matter. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** A problem with one file, named so the person who added it can fix it. */
export interface DocumentProblem {
  file: string;
  field?: string;
  message: string;
}

/** Result of splitting a file into front matter and body. */
export type ParsedFile =
  | { kind: 'front-matter'; data: FrontMatter; body: string }
  | { kind: 'plain'; body: string }
  | { kind: 'invalid'; problems: DocumentProblem[]; body: string };

/** The raw front matter block and the body after it, or null when the file has none. */
export function splitFence(content: string): { yaml: string; body: string; closed: boolean } | null {
  const text = content.replace(/^\uFEFF/u, '');
  const open = text.match(/^---[ \t]*\r?\n/u);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  // The closing fence is a `---` line of its own; an empty block closes at once.
  const empty = rest.match(/^---[ \t]*(?:\r?\n|$)/u);
  if (empty) return { yaml: '', body: rest.slice(empty[0].length), closed: true };
  const m = rest.match(/\r?\n---[ \t]*(?:\r?\n|$)/u);
  if (!m || m.index === undefined) return { yaml: rest, body: '', closed: false };
  return { yaml: rest.slice(0, m.index), body: rest.slice(m.index + m[0].length), closed: true };
}

/** At most `MAX_QUOTED_CHARS` of a text, on one line, for a warning. */
export function quoteForWarning(text: string, max = MAX_QUOTED_CHARS): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}

/** Split and validate front matter. A file without any is `plain` and still ingested. */
export function parseFrontMatter(file: string, content: string): ParsedFile {
  const fence = splitFence(content);
  if (!fence) return { kind: 'plain', body: content };
  const invalid = (message: string): ParsedFile => ({ kind: 'invalid', body: content, problems: [{ file, message }] });
  if (!fence.closed) return invalid('front matter has no closing `---` line');
  if (fence.yaml.length > MAX_FRONT_MATTER_CHARS) {
    return invalid(`front matter is ${Math.ceil(fence.yaml.length / 1024)} KB, over the ${MAX_FRONT_MATTER_CHARS / 1024} KB limit`);
  }
  let data: unknown;
  try {
    const doc = parseDocument(fence.yaml, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first) throw first;
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const raw = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const reason = quoteForWarning(raw).replace(/[:\s]+$/u, '');
    return invalid(`front matter is not valid YAML: ${reason}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) return invalid('front matter is not a list of `field: value` lines');
  const result = FrontMatterSchema.safeParse(data);
  if (!result.success) {
    return {
      kind: 'invalid',
      body: fence.body,
      problems: result.error.issues.map((issue) => ({
        file,
        field: issue.path.map(String).join('.') || undefined,
        message: issue.path.length
          ? `field \`${issue.path.map(String).join('.')}\`: ${issue.message}${describeGot(data, issue.path)}`
          : issue.message,
      })),
    };
  }
  return { kind: 'front-matter', data: result.data, body: fence.body };
}

function describeGot(data: unknown, path: PropertyKey[]): string {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (value === undefined) return ' (missing)';
  let shown: string | undefined;
  try {
    shown = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value);
  } catch {
    shown = String(value);
  }
  if (shown === undefined) return '';
  // Only the start is shown: a warning never repeats a field's whole (maybe huge) value.
  return ` (got ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown})`;
}
