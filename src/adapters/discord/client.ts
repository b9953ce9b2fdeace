import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { DiscordSettings } from './settings.ts';

/**
 * Intents the bot asks for. None is privileged: without MessageContent, Discord still
 * sends the content of messages that mention the bot, which is all `mentions.ts` reads.
 * Guilds brings GUILD_CREATE, which caches the channels mentions arrive in.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/** Options a caller may change on the client (tests point REST at a fake and turn retries off). */
export interface DiscordClientOptions {
  rest?: Partial<RESTOptions>;
}

/**
 * Build the discord.js client from settings, without logging in. The REST base URL
 * comes from the settings (DISCORD_API_URL); the gateway URL is whatever
 * `GET /gateway/bot` on that API returns.
 */
export function createDiscordClient(settings: DiscordSettings, options: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are never cached in advance; without this partial, mentions in DMs are dropped.
    partials: [Partials.Channel],
    // Quotes come from documents: nothing the bot posts may ping anyone.
    allowedMentions: { parse: [], repliedUser: false },
    // A reply to a question deleted meanwhile is still posted.
    failIfNotExists: false,
    rest: { api: settings.apiUrl, ...options.rest },
    // This replica's shards of the bot's total (DISCORD_SHARDS, DISCORD_SHARD_IDS): each
    // guild's events arrive on exactly one shard, so replicas running disjoint shards never
    // both see an event.
    shards: [...(settings.shards?.ids ?? [0])],
    shardCount: settings.shards?.count ?? 1,
  });
}
