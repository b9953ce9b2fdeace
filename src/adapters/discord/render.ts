import { existsSync } from 'node:fs';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer } from '../../core/answer.ts';
import { chunkText } from '../shared/chunk-text.ts';
import { clip, DISCORD_LIMITS, field, packMessages, type OutgoingMessage } from './embed-limits.ts';
import { comparisonEmbed, figureEmbed, passageEmbed, quotesOf, safe, seriesEmbed, STATUS_COLORS } from './render-figures.ts';

/**
 * Turn the platform-free `Answer` into Discord messages: embeds for figures and
 * passages, text embeds for everything else, within Discord's limits and split into
 * follow-up messages when one is not enough.
 */

/** The messages of one answer and whether only the asker should see them. */
export interface RenderedAnswer {
  /** At least one message; the first is the reply, the rest follow-ups. */
  messages: OutgoingMessage[];
  /** Invalid input and internal errors are shown to the asker only. */
  ephemeral: boolean;
}

/** File name charts are attached under (the embed refers to it as `attachment://`). */
export const CHART_FILE_NAME = 'chart.png';

/** Render an answer. `fileExists` is for charts whose PNG may be gone. */
export function renderAnswer(answer: Answer, fileExists: (path: string) => boolean = existsSync): RenderedAnswer {
  if (answer.status === 'error') return { messages: [{ content: errorText(answer), embeds: [] }], ephemeral: true };
  const color = STATUS_COLORS[answer.status];
  let content: string | undefined;
  let embeds: APIEmbed[];
  if (answer.figures.length) {
    embeds = figureEmbeds(answer, color);
  } else if (answer.passages.length) {
    // The passage embeds carry each quote and its heading line ("1. Title, date"); a title alone
    // is too short a key (it may be the company's name, which the lead line names too).
    const quoted = answer.passages.flatMap((p, i) => [p.quote, `${i + 1}. ${p.title}`]);
    content = safe(leftoverLines(answer.message, quoted).join('\n')) || undefined;
    embeds = answer.passages.map((p) => passageEmbed(p, color));
  } else {
    embeds = textEmbeds(answer, color);
  }
  if (answer.status !== 'answered') appendHelpFields(embeds, answer, color);
  const files: OutgoingMessage['files'] = [];
  if (answer.chart && fileExists(answer.chart.path)) {
    files.push({ path: answer.chart.path, name: CHART_FILE_NAME });
    embeds.push({ color, title: answer.chart.title, image: { url: `attachment://${CHART_FILE_NAME}` }, footer: answer.chart.note ? { text: answer.chart.note } : undefined });
  }
  return { messages: packMessages(embeds, { content, files }), ephemeral: answer.status === 'invalid' };
}

/** The apology for an internal error, always with its reference id. */
function errorText(answer: Answer): string {
  const text = answer.message.trim() || 'Sorry, something went wrong while answering.';
  const withId = answer.errorId && !text.includes(answer.errorId) ? `${text} (reference ${answer.errorId})` : text;
  return clip(withId, DISCORD_LIMITS.content);
}

function figureEmbeds(answer: Answer, color: number): APIEmbed[] {
  const figures = answer.figures;
  const covered = figures.flatMap((f) => [f.display, ...quotesOf(f)]);
  const notes = leftoverLines(answer.message, covered);
  const layout = (answer.data as { layout?: unknown } | undefined)?.layout;
  if (layout === 'comparison' || layout === 'series') {
    // The core's own header line ("Revenue compared, FY2023:") becomes the title.
    const header = notes[0]?.endsWith(':') ? notes.shift()!.slice(0, -1) : '';
    const rest = safe(notes.join('\n'));
    return [layout === 'series' ? seriesEmbed(figures, header, rest, color) : comparisonEmbed(figures, header, rest, color)];
  }
  const embeds = figures.map((f) => figureEmbed(f, color));
  if (notes.length) embeds.push(...chunkText(safe(notes.join('\n')), DISCORD_LIMITS.description).map((description) => ({ color, description })));
  return embeds;
}

/**
 * Lines of the plain-text message that the embeds do not already show: headers, notes
 * on what is known, companies without a figure. A line holding a figure or a quote is
 * in an embed already.
 */
function leftoverLines(message: string, covered: readonly string[]): string[] {
  const parts = covered.filter((c) => c.length >= 3);
  return message
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && l.trim() !== 'Sources:' && !parts.some((c) => l.includes(c)));
}

function textEmbeds(answer: Answer, color: number): APIEmbed[] {
  // Discord refuses an embed whose description is blank: a message of only white space says so plainly.
  const text = answer.message.trim() ? answer.message : '(no text)';
  return chunkText(safe(text), DISCORD_LIMITS.description).filter((d) => d.trim()).map((description) => ({ color, description }));
}

/** `not_found` and `invalid` say what is known and what to try, unless the text already does. */
function appendHelpFields(embeds: APIEmbed[], answer: Answer, color: number): void {
  const fields: APIEmbedField[] = [];
  const known = answer.known.filter((k) => !answer.message.includes(k));
  if (known.length) fields.push(...chunkText(safe(known.join('\n')), DISCORD_LIMITS.fieldValue).map((v, i) => field(i ? 'What the corpus has (continued)' : 'What the corpus has', v)));
  const tries = answer.suggestions.map((s) => (s.startsWith('/') ? `\`${s.replaceAll('`', "'")}\`` : safe(s)));
  if (tries.length) fields.push(field('Try', clip(tries.slice(0, 10).join('\n'), DISCORD_LIMITS.fieldValue)));
  if (!fields.length) return;
  const last = embeds.at(-1);
  if (last && !last.image) last.fields = [...(last.fields ?? []), ...fields];
  else embeds.push({ color, fields });
}
