import type { DocumentInfo, Figure, Passage, Source } from '../../core/answer.ts';
import { figuresNote, inferredNote, kindLabel } from '../../core/answers/document-kind.ts';
import { pageLabel } from '../../core/answers/page-label.ts';
import { escapeMrkdwn } from './markup.ts';
import { SLACK_LIMITS, truncate } from './render-limits.ts';

/**
 * Figures, quotes and documents as mrkdwn. Every piece of document or user text is
 * escaped here; callers only assemble the pieces.
 */

/** Room kept for the figure line and the citation when a quote must be shortened. */
const QUOTE_ROOM = SLACK_LIMITS.sectionText - 400;

/** `— _Title_, 2025-05-08` (`, p. 14` for a PDF page) */
export function citation(source: Pick<Source, 'title' | 'published' | 'page'>): string {
  return `— _${escapeMrkdwn(source.title)}_, ${source.published ?? 'undated'}${source.page ? `, ${pageLabel(source)}` : ''}`;
}

/**
 * A quote as a mrkdwn block quote followed by its citation. A quote too long for one
 * section is shortened at the end and says so; it stays an exact prefix of the source.
 */
export function quoteText(source: Pick<Source, 'quote' | 'title' | 'published' | 'table' | 'page'>, room: number = QUOTE_ROOM): string {
  const place = tablePlace(source);
  const escaped = escapeMrkdwn(source.quote.trim());
  const shown = truncate(escaped, Math.max(80, room - place.length), ' …');
  const note = shown.length < escaped.length ? `\n_(quote shortened; the full sentence is in the document)_` : '';
  const quoted = `${place}${shown}`
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  return `${quoted}\n${citation(source)}${note}`;
}

/** A table figure's caption, unit note and header row, quoted above its row. */
function tablePlace(source: Pick<Source, 'table'>): string {
  const t = source.table;
  if (!t) return '';
  const head = [t.caption ? `_${escapeMrkdwn(truncate(t.caption, 300, ' …'))}_` : '', t.note ? `(${escapeMrkdwn(truncate(t.note, 200, ' …'))})` : ''].filter(Boolean).join(' ');
  return `${head ? `${head}\n` : ''}${escapeMrkdwn(truncate(t.header, 1000, ' …'))}\n`;
}

/** The metric as read: `Revenue`, `Revenue (cloud services)`. */
export function metricName(f: Pick<Figure, 'metricLabel' | 'segment'>): string {
  return f.segment ? `${f.metricLabel} (${f.segment})` : f.metricLabel;
}

/** Qualifiers worth telling the reader (the segment is already in the metric name). */
export function qualifierNotes(f: Figure): string[] {
  const notes = f.qualifiers.filter((q) => !q.startsWith('segment:'));
  if (f.estimate && !notes.includes('forecast') && !notes.includes('approximate')) notes.push('estimate');
  if (f.computed) notes.push('computed from other stated figures');
  if (f.change?.computed && f.change.against) notes.push(`change computed against ${f.change.against.period}`);
  return notes;
}

/** `*RMB 512 million* · down 12.34% year on year` */
export function valueLine(f: Figure): string {
  const change = f.change ? ` · ${escapeMrkdwn(f.change.display)}` : '';
  return `*${escapeMrkdwn(f.display)}*${change}`;
}

/** One figure of a several-figure answer: its label, value, qualifiers and quote, in one section. */
export function figureSectionText(f: Figure): string {
  const notes = qualifierNotes(f);
  const label = `*${escapeMrkdwn(f.companyName)}* · ${escapeMrkdwn(metricName(f))} · ${escapeMrkdwn(f.period)}: ${valueLine(f)}`;
  const quals = notes.length ? ` _(${escapeMrkdwn(notes.join(', '))})_` : '';
  return `${label}${quals}\n${quoteText(f.source)}`;
}

/** Lines warning that other sources state a different value for the same figure. */
export function alternativeLines(f: Figure): string[] {
  return f.alternatives.map((a) => `:warning: Another source states *${escapeMrkdwn(a.display)}* (${escapeMrkdwn(a.source.title)}, ${a.source.published ?? 'undated'})`);
}

/** A passage found by search, numbered, with its quote and citation. */
export function passageText(p: Passage, index: number): string {
  return `*${index + 1}.*\n${quoteText(p)}`;
}

/** One document line for `/sources`. */
export function documentLine(d: DocumentInfo): string {
  const kind = kindLabel(d);
  const inferred = inferredNote(d);
  const parts = [escapeMrkdwn(d.companyName), d.published ?? 'undated', d.period ? `covers ${escapeMrkdwn(d.period)}` : undefined, escapeMrkdwn(d.language), kind ?? undefined, figuresNote(d), inferred ? escapeMrkdwn(inferred) : undefined].filter(Boolean);
  return `• *${escapeMrkdwn(d.title)}* (${parts.join('; ')})`;
}
