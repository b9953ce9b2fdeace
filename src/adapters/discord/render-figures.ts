import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Figure, Passage, Source } from '../../core/answer.ts';
import { pageLabel } from '../../core/answers/page-label.ts';
import { clip, DISCORD_LIMITS, field } from './embed-limits.ts';
import { tableCiteHead } from '../../core/answers/text.ts';

/**
 * Embeds for figures and passages. Figures, quotes and titles are shown exactly as the
 * answer has them (markdown characters escaped, never reworded); only a quote that
 * cannot fit a field is shortened, visibly, with an ellipsis.
 */

/** Embed colours by answer status. */
export const STATUS_COLORS = { answered: 0x2b8a3e, not_found: 0xe8a317, invalid: 0xd9480f, error: 0xc92a2a } as const;

/** Markdown-safe text: document text may hold `*`, `_` or `|` that Discord would format. */
export function safe(text: string): string {
  return escapeMarkdown(text);
}

/** `Title, YYYY-MM-DD` or `Title (undated)`, with `, p. 14` for a PDF page. */
export function attribution(s: Pick<Source, 'title' | 'published' | 'page'>): string {
  return `${safe(s.title)}${s.published ? `, ${s.published}` : ' (undated)'}${s.page ? `, ${pageLabel(s)}` : ''}`;
}

/** A quote as a Discord block quote, every line marked. */
export function blockQuote(quote: string): string {
  return safe(quote)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** A quote as a block quote of at most `max` characters (escaping included); shortened visibly if it must be. */
export function fittedQuote(quote: string, max: number): string {
  let shown = quote;
  let text = blockQuote(shown);
  while (text.length > max && shown.length > 1) {
    shown = clip(shown, Math.max(1, shown.length - (text.length - max)));
    text = blockQuote(shown);
  }
  return text;
}

/** A quote and its attribution within `max` characters; only the quote is shortened. */
function quoteBlock(source: Source, max: number): string {
  const tail = clip(`\n— ${attribution(source)}`, Math.min(300, Math.floor(max / 3)));
  const place = tablePlace(source, Math.floor(max / 3));
  return `${place}${fittedQuote(source.quote, max - tail.length - place.length)}${tail}`;
}

/** A table figure's caption, unit note and header row, quoted above its row. */
function tablePlace(source: Source, max: number): string {
  const t = source.table;
  if (!t) return '';
  const head = [t.caption ? `*${safe(t.caption)}*` : '', t.note ? `(${safe(t.note)})` : ''].filter(Boolean).join(' ');
  const lines = [...(head ? [`> ${head}`] : []), fittedQuote(t.header, Math.max(20, max - head.length - 4))];
  return `${clip(lines.join('\n'), Math.max(1, max - 1))}\n`;
}

function qualifiersOf(f: Figure): string[] {
  const quals = f.qualifiers.filter((q) => !q.startsWith('segment:'));
  if (f.estimate && !quals.includes('estimate')) quals.push('estimate');
  if (f.computed && !quals.includes('computed')) quals.push('computed');
  return quals;
}

/** `**USD 12.5 million** · down 3% year on year (computed)` (made-up values). */
function valueLine(f: Figure): string {
  const computed = f.change?.computed && !/computed/iu.test(f.change.display) ? ' (computed)' : '';
  const change = f.change ? ` · ${safe(f.change.display)}${computed}` : '';
  return `**${safe(f.display)}**${change}`;
}

function metricName(f: Figure): string {
  return f.segment ? `${f.metricLabel} (${f.segment})` : f.metricLabel;
}

/**
 * One figure as an embed: company, metric and period as the title, the value, the
 * quote with document title and date, then more sources as fields.
 */
export function figureEmbed(f: Figure, color: number): APIEmbed {
  const quals = qualifiersOf(f);
  const lines = [valueLine(f)];
  if (quals.length) lines.push(`*${safe(quals.join(', '))}*`);
  lines.push('', quoteBlock(f.source, DISCORD_LIMITS.description - 600));
  const fields: APIEmbedField[] = [];
  if (f.change?.computed && f.change.against) {
    fields.push(field(`Change computed against ${f.change.against.period}`, quoteBlock(f.change.against.source, DISCORD_LIMITS.fieldValue)));
  }
  for (const c of f.corroborating) fields.push(field('Also stated in', quoteBlock(c, DISCORD_LIMITS.fieldValue)));
  if (f.corroboratingMore) fields.push(field('And', `${f.corroboratingMore} more source${f.corroboratingMore === 1 ? '' : 's'} saying the same`));
  for (const a of f.alternatives) fields.push(field(`Another statement says ${a.display}`, quoteBlock(a.source, DISCORD_LIMITS.fieldValue)));
  return {
    color,
    title: `${f.companyName} · ${metricName(f)} · ${f.period}`,
    description: lines.join('\n'),
    fields,
    footer: { text: `Document: ${f.source.document}` },
  };
}

/**
 * A figure as one field of a series or comparison: value, quote, disagreeing
 * statements. `quotedAbove` names the field that already shows the same sentence (one
 * sentence often states a whole series), which is then referred to, not repeated.
 */
function figureField(name: string, f: Figure, quotedAbove?: string): APIEmbedField {
  const quals = qualifiersOf(f);
  const head = `${valueLine(f)}${quals.length ? ` *[${safe(quals.join(', '))}]*` : ''}`;
  const warnings = f.alternatives.map((a) => `⚠ another statement says ${safe(a.display)} (${attribution(a.source)})`);
  const warningText = warnings.length ? `\n${clip(warnings.join('\n'), 400)}` : '';
  if (quotedAbove) return field(name, `${head}\n↑ same quote as ${safe(quotedAbove)}${warningText}`);
  const room = DISCORD_LIMITS.fieldValue - head.length - warningText.length - 1;
  return field(name, `${head}\n${quoteBlock(f.source, Math.max(60, room))}${warningText}`);
}

/** Fields for figures in order, each quote shown once (later fields refer back to it). */
function figureFields(figures: readonly Figure[], nameOf: (f: Figure) => string): APIEmbedField[] {
  const firstShown = new Map<string, string>();
  return figures.map((f) => {
    const key = `${f.source.document}:${f.source.start}:${f.source.quote}`;
    const above = firstShown.get(key);
    if (!above) firstShown.set(key, nameOf(f));
    return figureField(nameOf(f), f, above);
  });
}

/** A series of one company's metric: one field per period, oldest first. */
export function seriesEmbed(figures: readonly Figure[], header: string, notes: string, color: number): APIEmbed {
  const first = figures[0]!;
  const range = figures.length > 1 ? ` · ${first.period} to ${figures.at(-1)!.period}` : '';
  return {
    color,
    title: header || `${first.companyName} · ${metricName(first)}${range}`,
    description: notes || undefined,
    fields: figureFields(figures, (f) => f.period),
  };
}

/** Companies side by side: one field per company and period. */
export function comparisonEmbed(figures: readonly Figure[], header: string, notes: string, color: number): APIEmbed {
  return {
    color,
    title: header || `${figures[0]!.metricLabel} compared`,
    description: notes || undefined,
    fields: figureFields(figures, (f) => `${f.companyName} · ${f.period}`),
  };
}

/** A passage found by search: document title, the quote, the date. */
export function passageEmbed(p: Passage, color: number): APIEmbed {
  return {
    color,
    title: p.title,
    description: fittedQuote(p.quote, DISCORD_LIMITS.description),
    footer: { text: `${p.published ?? 'undated'} · ${p.document}${p.page ? ` · ${pageLabel(p)}` : ''}` },
  };
}

/** Every quote of a figure (source, corroborating, alternatives, change basis). */
export function quotesOf(f: Figure): string[] {
  const sources = [f.source, ...f.corroborating, ...f.alternatives.map((a) => a.source), ...(f.change?.against ? [f.change.against.source] : [])];
  // A table figure's citation lines (caption, header) are shown with its quote too.
  return sources.flatMap((s) => [s.quote, ...(s.table ? [s.table.header, tableCiteHead(s)] : [])]);
}
