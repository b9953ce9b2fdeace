import type { Message } from 'discord.js';
import { runCommand, runInput, type CommandContext } from '../../../commands/index.ts';
import { errorAnswer, newErrorId } from '../../../commands/run.ts';
import { rateLimitMessage } from '../shared/rate-limit.ts';
import { ConversationStore } from './conversation.ts';
import type { HandlerDeps } from './interactions.ts';
import { renderAnswer } from './render.ts';
import { describeError } from './safe-log.ts';
import { sendAsReply } from './send.ts';
import { withDeadline } from './timing.ts';

/**
 * Questions asked by mentioning the bot. The bot has no MessageContent intent: Discord
 * gives it the text of messages that mention it and of DMs, and nothing else, which is
 * what is answered here, as a reply to the message.
 */

/** The mention forms of a user id: `<@id>` and the older nickname form `<@!id>`. */
function mentionPattern(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, 'gu');
}

/** The question in a message: its text without the bot's mentions. */
export function questionFromMention(content: string, botId: string): string {
  return content.replace(mentionPattern(botId), ' ').replace(/\s+/gu, ' ').trim();
}

/** True when the message mentions the bot (in the text, or as a reply that pings it), not via @everyone or a role. */
export function mentionsBot(message: Message, botId: string): boolean {
  return message.mentions.users.has(botId) || mentionPattern(botId).test(message.content);
}

/** Answer a message that mentions the bot; ignore every other message, and all from bots. */
export async function handleMention(message: Message, deps: HandlerDeps): Promise<void> {
  const botId = message.client.user.id;
  // Never answer bots or webhooks (two bots would answer each other forever).
  if (message.author.bot || message.webhookId || message.author.id === botId) return;
  if (!mentionsBot(message, botId)) return;
  const log = deps.logger.child({ platform: 'discord', mention: true, user: message.author.id, channel: message.channelId });
  try {
    const decision = await deps.limiter.take(`discord:${message.author.id}`);
    if (!decision.ok) {
      log.info({ retryAfterMs: decision.retryAfterMs }, 'rate limited');
      await message.reply({ content: rateLimitMessage(decision.retryAfterMs), allowedMentions: { parse: [], repliedUser: false } });
      return;
    }
    const started = Date.now();
    const key = ConversationStore.key(message.channelId, message.author.id);
    const ctx: CommandContext = {
      ...deps.context(),
      channel: { platform: 'discord', id: message.channelId, workspace: message.guildId ?? undefined },
      user: { id: message.author.id, name: message.author.username },
      conversation: deps.conversations.get(key),
    };
    const question = questionFromMention(message.content, botId);
    // A bare mention is a request for help.
    const pending = question ? runInput(question, ctx) : runCommand('help', { text: '' }, ctx);
    const { value: answer, slow } = await withDeadline(pending, deps.deferAfterMs, async () => {
      if (message.channel.isSendable()) await message.channel.sendTyping().catch(() => undefined);
    });
    deps.conversations.remember(key, answer);
    log.info({ status: answer.status, ms: Date.now() - started, typing: slow, errorId: answer.errorId }, 'answered');
    await sendAsReply(message, renderAnswer(answer));
  } catch (error) {
    const errorId = newErrorId();
    log.error({ errorId, err: describeError(error) }, 'discord mention failed');
    await message
      .reply({ content: errorAnswer('mention', 'mention', errorId).message, allowedMentions: { parse: [], repliedUser: false } })
      .catch((sendError: unknown) => log.warn({ errorId, err: describeError(sendError) }, 'could not send the apology either'));
  }
}
