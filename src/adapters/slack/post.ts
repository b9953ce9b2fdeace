import { webApi } from '@slack/bolt';
import type { ChannelRef } from '../../core/channel.ts';
import type { Answer } from '../../core/answer.ts';
import { scrubSecrets } from '../../logger.ts';
import { renderAnswer } from './render.ts';

/** Slack's reasons for refusing a post that mean the channel cannot take it. */
const CHANNEL_PROBLEMS: Record<string, string> = {
  channel_not_found: 'was not found (deleted, or private and the bot is not in it)',
  not_in_channel: 'does not have the bot as a member (invite it with /invite)',
  is_archived: 'is archived',
};

/** A post refused by Slack, with Slack's reason code. */
export class SlackPostError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SlackPostError';
  }
}

/**
 * Post an answer to a channel without a user's message (scheduled digests). Rejects with
 * a `SlackPostError` naming the channel and the reason when Slack refuses.
 */
export async function postAnswer(client: webApi.WebClient, channel: ChannelRef, answer: Answer): Promise<void> {
  if (channel.platform !== 'slack') throw new SlackPostError(`Channel ${channel.id} is a ${channel.platform} channel, not a Slack one`, 'wrong_platform');
  try {
    await client.chat.postMessage({ channel: channel.id, unfurl_links: false, unfurl_media: false, ...renderAnswer(answer) });
  } catch (error) {
    const code = platformErrorCode(error);
    if (code && CHANNEL_PROBLEMS[code]) throw new SlackPostError(`Slack channel ${channel.id} ${CHANNEL_PROBLEMS[code]} (${code})`, code);
    const detail = scrubSecrets(error instanceof Error ? error.message : String(error));
    throw new SlackPostError(`Slack could not post to channel ${channel.id}: ${detail}`, code ?? 'request_failed');
  }
}

function platformErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && (error as { code?: string }).code === webApi.ErrorCode.PlatformError) {
    return (error as { data?: { error?: string } }).data?.error;
  }
  return undefined;
}
