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

/** Event type of the message metadata that marks a scheduled post (see `findMarkedPost`). */
export const POST_MARKER_EVENT = 'finqa_scheduled_post';

/**
 * Post an answer to a channel without a user's message (scheduled digests). Rejects with
 * a `SlackPostError` naming the channel and the reason when Slack refuses. A `marker`
 * travels as message metadata, so that another replica can find the post again.
 */
export async function postAnswer(client: webApi.WebClient, channel: ChannelRef, answer: Answer, marker?: string): Promise<void> {
  if (channel.platform !== 'slack') throw new SlackPostError(`Channel ${channel.id} is a ${channel.platform} channel, not a Slack one`, 'wrong_platform');
  try {
    await client.chat.postMessage({
      channel: channel.id,
      unfurl_links: false,
      unfurl_media: false,
      ...renderAnswer(answer),
      ...(marker ? { metadata: { event_type: POST_MARKER_EVENT, event_payload: { marker } } } : {}),
    });
  } catch (error) {
    const code = platformErrorCode(error);
    if (code && CHANNEL_PROBLEMS[code]) throw new SlackPostError(`Slack channel ${channel.id} ${CHANNEL_PROBLEMS[code]} (${code})`, code);
    const detail = scrubSecrets(error instanceof Error ? error.message : String(error));
    throw new SlackPostError(`Slack could not post to channel ${channel.id}: ${detail}`, code ?? 'request_failed');
  }
}

/**
 * Whether the bot's post carrying `marker` is in the channel's history since `since`
 * (needs the `channels:history` / `groups:history` scopes). Rejects when Slack cannot
 * say, and the caller then treats the outcome as unknown.
 */
export async function findMarkedPost(client: webApi.WebClient, channel: ChannelRef, marker: string, since: Date): Promise<boolean> {
  let cursor: string | undefined;
  // A few pages: a digest channel is quiet, and a very busy one is better left unknown than scanned.
  for (let page = 0; page < 5; page += 1) {
    const result = await client.conversations.history({ channel: channel.id, oldest: (since.getTime() / 1000).toFixed(6), include_all_metadata: true, limit: 200, cursor });
    const found = (result.messages ?? []).some((m) => {
      const metadata = (m as { metadata?: { event_type?: string; event_payload?: { marker?: unknown } } }).metadata;
      return metadata?.event_type === POST_MARKER_EVENT && metadata.event_payload?.marker === marker;
    });
    if (found) return true;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return false;
  }
  throw new Error('too many messages to search for the post');
}

function platformErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && (error as { code?: string }).code === webApi.ErrorCode.PlatformError) {
    return (error as { data?: { error?: string } }).data?.error;
  }
  return undefined;
}
