import { aliasesOf, type SyntheticCompany } from './companies.ts';
import type { PlantedFigure, Statement, WriteContext } from './planted.ts';
import type { Rng } from './prng.ts';

/** Pieces shared by the document writers: drawing forms, front matter, dates. */

/** What kind of document; the mix follows the bundled corpus. */
export type DocKind = 'en-article' | 'en-profile' | 'zh-article' | 'transcript';

/** One generated document with the figures it plants. */
export interface GeneratedDocument {
  /** Document id, as the engine derives it from the file name. */
  id: string;
  file: string;
  kind: DocKind;
  /** Front matter `language`. */
  language: string;
  company: string;
  /** The whole file: front matter and body. */
  content: string;
  figures: PlantedFigure[];
}

/**
 * Up to `k` statements from weighted forms, each form at most once; forms that do not
 * fit the document (null) are skipped.
 */
export function drawStatements<F extends (ctx: WriteContext) => Statement | null>(ctx: WriteContext, forms: ReadonlyArray<readonly [F, number]>, k: number): Statement[] {
  const pool = forms.map(([form, weight]) => ({ form, weight }));
  const out: Statement[] = [];
  while (out.length < k && pool.length) {
    const total = pool.reduce((s, f) => s + f.weight, 0);
    let r = ctx.rng.next() * total;
    let i = 0;
    while (i < pool.length - 1 && (r -= pool[i]!.weight) >= 0) i += 1;
    const [chosen] = pool.splice(i, 1);
    const statement = chosen!.form(ctx);
    if (statement) out.push(statement);
  }
  return out;
}

/** Attach the document, language and sentence to a statement's draft figures. */
export function finishFigures(doc: string, statement: Statement, language: 'en' | 'zh', convert: (s: string) => string = (s) => s): PlantedFigure[] {
  const sentence = convert(statement.text);
  return statement.figures.map((f) => ({ ...f, doc, language, sentence, numberText: convert(f.numberText) }));
}

// A plain YAML scalar when safe, else a double-quoted one (JSON strings are valid YAML).
function scalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} &.'-]*$/u.test(text) && !/^\d+$/u.test(text) ? text : JSON.stringify(text);
}

/** Front matter as the bundled documents write it. */
export function frontMatter(fields: { title: string; company: SyntheticCompany; published?: string | null; period?: string | null; source: string; language: string }): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    `company: ${fields.company.name}`,
    `aliases: [${aliasesOf(fields.company).map(scalar).join(', ')}]`,
  ];
  if (fields.published) lines.push(`published: ${fields.published}`);
  if (fields.period) lines.push(`period: ${fields.period}`);
  lines.push(`source: ${JSON.stringify(fields.source)}`, `language: ${fields.language}`, '---', '');
  return lines.join('\n');
}

/** YYYY-MM-DD of a UTC date. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A date `from` plus a random number of days in [min, max]. */
export function daysAfter(rng: Rng, from: Date, min: number, max: number): Date {
  return new Date(from.getTime() + rng.int(min, max) * 86_400_000);
}

/**
 * Interleave statements with filler sentences into paragraphs of one to three sentences
 * each; a statement that `leads` always opens its paragraph.
 */
export function paragraphs(rng: Rng, statements: ReadonlyArray<string | { text: string; leads?: boolean }>, filler: readonly string[], join: string): string[] {
  const items = rng.shuffle([...statements.map((s) => (typeof s === 'string' ? { s, leads: false } : { s: s.text, leads: Boolean(s.leads) })), ...filler.map((s) => ({ s, leads: false }))]);
  const out: string[] = [];
  let current: string[] = [];
  for (const item of items) {
    if (item.leads && current.length) {
      out.push(current.join(join));
      current = [];
    }
    current.push(item.s);
    if (current.length >= rng.int(1, 3)) {
      out.push(current.join(join));
      current = [];
    }
  }
  if (current.length) out.push(current.join(join));
  return out;
}
