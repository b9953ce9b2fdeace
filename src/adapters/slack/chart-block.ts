import type { types } from '@slack/bolt';
import type { Chart } from '../../core/answer.ts';
import { truncate } from './render-limits.ts';

/** Slack's limits for an image block's texts. */
export const IMAGE_BLOCK_LIMITS = { altText: 2_000, title: 2_000 } as const;

/**
 * The Block Kit image block showing a chart the bot uploaded (`slack_file: { id }`).
 * The alt text is what a screen reader says and what shows when the picture cannot:
 * the title, the companies drawn and the chart's note, plain text (no markup).
 */
export function chartImageBlock(chart: Chart, fileId: string): types.ImageBlock {
  const labels = [...new Set(chart.series.map((s) => s.label))];
  // e.g. "Chart: Revenue, RMB million (Acme Cloud, Beta Corp). 1 figure in US$ left out."
  const alt = [`Chart: ${chart.title}${labels.length ? ` (${labels.join(', ')})` : ''}.`, chart.note].filter(Boolean).join(' ');
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: truncate(alt, IMAGE_BLOCK_LIMITS.altText),
    title: { type: 'plain_text', text: truncate(chart.title.trim() || 'Chart', IMAGE_BLOCK_LIMITS.title), emoji: false },
  };
}
