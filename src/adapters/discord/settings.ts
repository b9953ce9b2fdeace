import { z } from 'zod';

/**
 * The Discord adapter's environment, checked as a group: a missing or malformed
 * variable disables Discord with a message naming the variable and the fix (never its
 * value: the token must not reach a log or a terminal).
 */

/** Where discord.js sends REST calls unless DISCORD_API_URL says otherwise. */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

// A bot token is three base64url parts joined by dots (user id, timestamp, HMAC).
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/u;
const SNOWFLAKE = /^\d{17,20}$/u;

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const snowflake = (variable: string, where: string) =>
  z.string().trim().regex(SNOWFLAKE, `${variable} must be a numeric Discord id (17 to 20 digits): copy it from ${where}`);

const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'DISCORD_TOKEN is not set: copy the bot token from Developer Portal > your application > Bot > Reset Token' })
    .trim()
    .regex(TOKEN_SHAPE, 'DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it again from Developer Portal > Bot > Reset Token'),
  DISCORD_APPLICATION_ID: z.preprocess(
    blankIsUnset,
    z.string({ error: 'DISCORD_APPLICATION_ID is not set: copy the Application ID from Developer Portal > your application > General Information' }).pipe(
      snowflake('DISCORD_APPLICATION_ID', 'Developer Portal > General Information'),
    ),
  ),
  DISCORD_GUILD_ID: z.preprocess(blankIsUnset, snowflake('DISCORD_GUILD_ID', 'Discord (Developer Mode on, right-click the server > Copy Server ID)').optional()),
  DISCORD_API_URL: z.preprocess(
    blankIsUnset,
    z.url({ protocol: /^https?$/u, error: 'DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, or unset it to use Discord itself' }).optional(),
  ),
  DISCORD_SHARDS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'DISCORD_SHARDS must be a whole number of shards (1 or more), the same on every replica' })
      .int({ error: 'DISCORD_SHARDS must be a whole number of shards (1 or more), the same on every replica' })
      .min(1, { error: 'DISCORD_SHARDS must be a whole number of shards (1 or more), the same on every replica' })
      .max(1024, { error: 'DISCORD_SHARDS must be at most 1024' })
      .default(1),
  ),
  DISCORD_SHARD_IDS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/u, { error: 'DISCORD_SHARD_IDS must list shard numbers separated by commas, e.g. 0,2 (or unset it to run every shard)' })
      .optional(),
  ),
});

/** What the Discord adapter needs to run. */
export interface DiscordSettings {
  /** Bot token; only ever handed to discord.js. */
  token: string;
  applicationId: string;
  /** Register commands to this server only (instant updates) instead of globally. */
  guildId?: string;
  /** REST base URL without the version, e.g. `https://discord.com/api`. */
  apiUrl: string;
  /** The bot's shard count, and the shards this process runs (default: one shard, run here). */
  shards?: { count: number; ids: readonly number[] };
}

/** The settings, or why Discord stays off. `configured` is false when no Discord variable is set at all. */
export type DiscordSettingsResult = { ok: true; settings: DiscordSettings } | { ok: false; configured: boolean; reason: string };

const VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_SHARDS', 'DISCORD_SHARD_IDS'] as const;

/** Read and check the Discord variables. */
export function readDiscordSettings(env: NodeJS.ProcessEnv): DiscordSettingsResult {
  const input: Record<string, string | undefined> = {};
  for (const key of VARIABLES) input[key] = env[key];
  if (!input.DISCORD_TOKEN?.trim() && !input.DISCORD_APPLICATION_ID?.trim()) {
    return { ok: false, configured: false, reason: 'set DISCORD_TOKEN and DISCORD_APPLICATION_ID to enable it' };
  }
  const parsed = DiscordEnvSchema.safeParse(input);
  if (!parsed.success) {
    // Issue messages are ours and never echo the value.
    return { ok: false, configured: true, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  }
  const v = parsed.data;
  const count = v.DISCORD_SHARDS;
  const ids = v.DISCORD_SHARD_IDS ? [...new Set(v.DISCORD_SHARD_IDS.split(',').map((id) => Number(id.trim())))].sort((a, b) => a - b) : Array.from({ length: count }, (_, i) => i);
  const outside = ids.filter((id) => id >= count);
  if (outside.length) {
    return { ok: false, configured: true, reason: `DISCORD_SHARD_IDS lists shard ${outside.join(', ')}, but DISCORD_SHARDS is ${count} (shards are numbered 0 to ${count - 1})` };
  }
  return {
    ok: true,
    settings: {
      token: v.DISCORD_TOKEN,
      applicationId: v.DISCORD_APPLICATION_ID,
      guildId: v.DISCORD_GUILD_ID,
      apiUrl: (v.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/u, ''),
      shards: { count, ids },
    },
  };
}
