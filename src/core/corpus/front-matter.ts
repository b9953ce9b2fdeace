import matter from 'gray-matter';
import { z } from 'zod';
import { parsePeriod } from '../periods.ts';

/** Front matter a document may carry. Only `title` and `company` are required. */
export const FrontMatterSchema = z
  .object({
    title: z.string({ error: 'expected a text title' }).trim().min(1, 'expected a non-empty title'),
    company: z.string({ error: 'expected the name of the primary company' }).trim().min(1, 'expected a company name'),
    aliases: z
      .array(z.union([z.string(), z.number()]).transform(String), { error: 'expected a list of names, e.g. [CloudWalk, 云从科技]' })
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
      .refine((s) => parsePeriod(s) !== null, 'expected a reporting period such as FY2024, Q4 2022 or H1 2024')
      .optional(),
    source: z.string({ error: 'expected a text naming the source' }).optional(),
    language: z.string({ error: 'expected a language tag such as en, zh-Hans or zh-Hant' }).optional(),
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

/** Split and validate front matter. A file without any is `plain` and still ingested. */
export function parseFrontMatter(file: string, content: string): ParsedFile {
  if (!/^\uFEFF?---[ \t]*\r?\n/u.test(content)) return { kind: 'plain', body: content };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object keeps gray-matter from caching by content across files.
    parsed = matter(content.replace(/^\uFEFF/u, ''), {});
  } catch (error) {
    const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/[:\s]+$/u, '');
    return { kind: 'invalid', body: content, problems: [{ file, message: `front matter is not valid YAML: ${reason}` }] };
  }
  const result = FrontMatterSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    return {
      kind: 'invalid',
      body: parsed.content,
      problems: result.error.issues.map((issue) => ({
        file,
        field: issue.path.join('.') || undefined,
        message: issue.path.length
          ? `field \`${issue.path.join('.')}\`: ${issue.message}${describeGot(parsed.data, issue.path)}`
          : issue.message,
      })),
    };
  }
  return { kind: 'front-matter', data: result.data, body: parsed.content };
}

function describeGot(data: unknown, path: PropertyKey[]): string {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (value === undefined) return ' (missing)';
  const shown = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value);
  return ` (got ${shown && shown.length > 60 ? `${shown.slice(0, 57)}...` : shown})`;
}
