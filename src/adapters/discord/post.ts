import { readFile } from 'node:fs/promises';
import { DiscordAPIError, RESTJSONErrorCodes, Routes, type Client } from 'discord.js';
import type { ChannelRef } from '../../core/channel.ts';
import type { Answer } from '../../core/answer.ts';
import { renderAnswer } from './render.ts';
import { scrubDiscord } from './safe-log.ts';
import { channelMessageBody } from './send.ts';

/** Why an answer could not be posted to a channel, with the Discord error code when there is one. */
export class DiscordPostError extends Error {
  constructor(
    message: string,
    readonly channelId: string,
    readonly code?: number | string,
  ) {
    super(message);
    this.name = 'DiscordPostError';
  }
}

/** A sentence saying what went wrong and what to do, for the errors a digest meets. */
function explain(error: unknown, channelId: string): DiscordPostError {
  if (error instanceof DiscordAPIError) {
    switch (error.code) {
      case RESTJSONErrorCodes.UnknownChannel:
        return new DiscordPostError(`Discord channel ${channelId} does not exist (Unknown Channel, 10003); it was deleted or the id is wrong.`, channelId, error.code);
      case RESTJSONErrorCodes.MissingAccess:
        return new DiscordPostError(`The bot cannot see Discord channel ${channelId} (Missing Access, 50001): it was removed from the server or lacks View Channel there.`, channelId, error.code);
      case RESTJSONErrorCodes.MissingPermissions:
        return new DiscordPostError(`The bot may not post in Discord channel ${channelId} (Missing Permissions, 50013): give it Send Messages and Embed Links there.`, channelId, error.code);
      default:
        return new DiscordPostError(`Discord refused the message for channel ${channelId}: ${scrubDiscord(error.message)} (${error.code}).`, channelId, error.code);
    }
  }
  return new DiscordPostError(`Could not post to Discord channel ${channelId}: ${scrubDiscord(error instanceof Error ? error.message : String(error))}`, channelId);
}

/**
 * Post an answer to a channel without a user's message (weekly digests): every part of
 * the rendered answer, in order. Rejects with a `DiscordPostError` saying why when the
 * channel is unknown or the bot may not post there.
 */
export async function postAnswer(client: Client, channel: ChannelRef, answer: Answer): Promise<void> {
  if (channel.platform !== 'discord') throw new DiscordPostError(`Channel ${channel.id} belongs to ${channel.platform}, not Discord.`, channel.id);
  if (!/^\d{17,20}$/u.test(channel.id)) throw new DiscordPostError(`"${channel.id.slice(0, 40)}" is not a Discord channel id.`, channel.id);
  for (const message of renderAnswer(answer).messages) {
    const files = await Promise.all((message.files ?? []).map(async (f) => ({ name: f.name, data: await readFile(f.path), contentType: 'image/png' })));
    try {
      await client.rest.post(Routes.channelMessages(channel.id), { body: channelMessageBody(message), files: files.length ? files : undefined });
    } catch (error) {
      throw explain(error, channel.id);
    }
  }
}
