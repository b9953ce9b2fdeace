import { MessageFlags, type ChatInputCommandInteraction, type InteractionReplyOptions, type Message, type MessageCreateOptions } from 'discord.js';
import type { OutgoingMessage } from './embed-limits.ts';
import type { RenderedAnswer } from './render.ts';

/**
 * Sending rendered answers: as an interaction reply (immediate, or an edit of the
 * deferred one) with follow-ups, or as a reply to a message.
 */

/** Nothing the bot sends may ping anyone. */
const NO_PINGS = { parse: [] as [], repliedUser: false };

function body(m: OutgoingMessage) {
  return {
    // Discord refuses a message with neither text nor embeds nor files.
    content: m.content ?? (m.embeds.length || m.files?.length ? undefined : 'No answer.'),
    embeds: m.embeds,
    files: m.files?.map((f) => ({ attachment: f.path, name: f.name })),
    allowedMentions: NO_PINGS,
  };
}

/**
 * Answer an interaction. A deferred reply can only be edited with the visibility it was
 * deferred with, so an answer meant for the asker only replaces it with an ephemeral
 * follow-up.
 */
export async function sendToInteraction(interaction: ChatInputCommandInteraction, rendered: RenderedAnswer, deferred: boolean): Promise<void> {
  const [first, ...rest] = rendered.messages;
  const flags = rendered.ephemeral ? MessageFlags.Ephemeral : undefined;
  const withFlags = (m: OutgoingMessage): InteractionReplyOptions => ({ ...body(m), ...(flags ? { flags } : {}) });
  if (!first) return;
  if (!deferred) {
    await interaction.reply(withFlags(first));
  } else if (rendered.ephemeral) {
    await interaction.deleteReply();
    await interaction.followUp(withFlags(first));
  } else {
    await interaction.editReply(body(first));
  }
  for (const m of rest) await interaction.followUp(withFlags(m));
}

/** Reply to a message with the first part, and send the rest to the same channel. */
export async function sendAsReply(message: Message, rendered: RenderedAnswer): Promise<void> {
  const [first, ...rest] = rendered.messages;
  if (!first) return;
  await message.reply(body(first));
  for (const m of rest) {
    if (!message.channel.isSendable()) return;
    await message.channel.send(body(m) as MessageCreateOptions);
  }
}

/** The plain REST body of a channel message (no discord.js structures needed). */
export function channelMessageBody(m: OutgoingMessage): Record<string, unknown> {
  return {
    content: m.content,
    embeds: m.embeds,
    allowed_mentions: { parse: [] },
    ...(m.files?.length ? { attachments: m.files.map((f, id) => ({ id, filename: f.name })) } : {}),
  };
}
