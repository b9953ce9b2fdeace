import type { App, webApi } from '@slack/bolt';
import { safeError } from '../bolt-logger.ts';
import { encodeButtonValue } from '../button-value.ts';
import { stripSlackMarkup } from '../markup.ts';
import { renderAnswer } from '../render.ts';
import { threadKey } from '../thread-memory.ts';
import { requestFromLine, type HandlerState } from './state.ts';

/** A message addressed to the bot: a mention in a channel, or a direct message. */
interface IncomingMessage {
  kind: 'mention' | 'dm';
  eventId?: string;
  team?: string;
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
}

/**
 * Mentions and direct messages, answered in the thread of the message. Each thread keeps
 * what it established, so a follow-up ("and in 2023?") may leave it out. A chart is shown
 * in the answer's message as on slash commands (see `chart-send.ts` for why).
 */
export function registerMessageHandlers(app: App, state: HandlerState): void {
  app.event('app_mention', async ({ event, body, client }) => {
    if (!event.user || event.bot_id || event.subtype) return;
    await handle(state, client, {
      kind: 'mention',
      eventId: body.event_id,
      team: body.team_id,
      channel: event.channel,
      user: event.user,
      text: event.text,
      ts: event.ts,
      threadTs: event.thread_ts,
    });
  });

  app.message(async ({ message, body, client }) => {
    // Only direct messages: in channels the bot answers when mentioned.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    await handle(state, client, {
      kind: 'dm',
      eventId: (body as { event_id?: string }).event_id,
      team: (body as { team_id?: string }).team_id,
      channel: message.channel,
      user: message.user,
      text: message.text ?? '',
      ts: message.ts,
      threadTs: message.thread_ts,
    });
  });
}

async function handle(state: HandlerState, client: webApi.WebClient, m: IncomingMessage): Promise<void> {
  // A retry repeats the event id; a DM that also counts as a mention repeats the message.
  if (!(await state.dedupe.firstDelivery(m.eventId && `event:${m.eventId}`, `message:${m.channel}:${m.ts}`))) {
    state.logger.info({ kind: m.kind }, 'slack event redelivered; answered once');
    return;
  }
  const origin = { team: m.team, channel: m.channel, user: m.user };
  const root = m.threadTs ?? m.ts;
  const refusal = await state.refusal(origin);
  if (refusal) {
    await client.chat.postEphemeral({ channel: m.channel, user: m.user, text: refusal, thread_ts: m.threadTs }).catch((error: unknown) => {
      state.logger.warn({ err: safeError(error) }, 'slack could not send the rate limit notice');
    });
    return;
  }
  const key = threadKey(m.team, m.channel, root);
  // Top-level DMs form one conversation with the bot; their threads are their own.
  const dmKey = m.kind === 'dm' ? threadKey(m.team, m.channel, 'dm') : undefined;
  const conversation = (await state.threads.recall(key)) ?? (dmKey && !m.threadTs ? await state.threads.recall(dmKey) : undefined);
  const request = { ...requestFromLine(stripSlackMarkup(m.text)), conversation };
  await state.track(
    (async () => {
      const answer = await state.answer(request, origin);
      await state.threads.remember(key, answer.context);
      if (dmKey && !m.threadTs) await state.threads.remember(dmKey, answer.context);
      const moreSources = encodeButtonValue(request);
      try {
        await state.send(
          answer,
          origin,
          (chartImage) => renderAnswer(answer, { moreSources, chartImage }),
          (message) => client.chat.postMessage({ channel: m.channel, thread_ts: root, unfurl_links: false, unfurl_media: false, ...message }),
        );
      } catch (error) {
        state.logger.error({ kind: m.kind, errorId: answer.errorId, err: safeError(error) }, 'slack could not post the answer');
      }
    })(),
  );
}
