import type { types } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.ts';
import { safeError } from './bolt-logger.ts';
import { chartImageBlock } from './chart-block.ts';
import type { ChartUploader } from './chart-upload.ts';
import type { SlackMessage } from './render-limits.ts';

/**
 * Sending an answer with its chart.
 *
 * One approach on every surface: the chart is an image block (`slack_file: { id }`) inside
 * the answer's own message, for slash commands (private, through the response URL),
 * "Post to channel", and mentions and DMs answered in their thread. A response URL
 * cannot share a file, so commands need the image block anyway; for threads,
 * `files.completeUploadExternal` with `channel_id` + `thread_ts` would post the file as a
 * second message that Slack shares asynchronously, so it could land before or after the
 * answer and apart from its buttons. One message keeps the picture with its figures and
 * sources, and the 50-block limit and alt text are handled in one place.
 */

/** Renders the answer's message, with the chart's image block or without. */
export type RenderWithChart = (chartImage?: types.ImageBlock) => SlackMessage;

/** What `sendWithChart` needs. */
export interface ChartSend {
  answer: Answer;
  /** Workspace of the conversation: files are remembered per workspace. */
  team: string | undefined;
  charts: ChartUploader;
  logger: Logger;
  render: RenderWithChart;
  /** Deliver one message (respond, chat.postMessage); rejects when Slack refuses it. */
  send: (message: SlackMessage) => Promise<unknown>;
}

/**
 * Send the answer, with its chart when it has one. The chart never costs the answer:
 * when the upload fails the answer goes without the image, and when Slack refuses the
 * message with the image (the file deleted, or not processed yet) it is sent again
 * without it, and the failure is logged. Rejects only when the plain answer is refused.
 */
export async function sendWithChart({ answer, team, charts, logger, render, send }: ChartSend): Promise<void> {
  const chart = answer.chart;
  const fileId = chart ? await charts.fileFor(chart, team) : undefined;
  if (!chart || !fileId) {
    await send(render());
    return;
  }
  try {
    await send(render(chartImageBlock(chart, fileId)));
  } catch (error) {
    charts.forget(chart, team);
    logger.warn({ file: fileId, err: safeError(error) }, 'slack refused the answer with its chart; sending it without the picture');
    await send(render());
  }
}
