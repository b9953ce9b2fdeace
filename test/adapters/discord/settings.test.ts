import { describe, expect, it } from 'vitest';
import { discordFrontEnd, readDiscordSettings } from '../../../src/adapters/discord/index.ts';
import { APP_ID, TOKEN } from './harness.ts';

describe('Discord settings', () => {
  it('is off, saying how to turn it on, when no Discord variable is set', () => {
    expect(discordFrontEnd.check({})).toEqual({ enabled: false, reason: 'set DISCORD_TOKEN and DISCORD_APPLICATION_ID to enable it' });
    expect(discordFrontEnd.check({ DISCORD_TOKEN: '  ', DISCORD_APPLICATION_ID: '' })).toMatchObject({ enabled: false });
  });

  it('names the missing or malformed variable and the fix, never the value', () => {
    const noApp = readDiscordSettings({ DISCORD_TOKEN: TOKEN });
    expect(noApp).toMatchObject({ ok: false, configured: true });
    expect(!noApp.ok && noApp.reason).toMatch(/^DISCORD_APPLICATION_ID is not set: copy the Application ID from Developer Portal/u);

    const badToken = 'not-a-token-but-a-secret-anyway';
    const bad = readDiscordSettings({ DISCORD_TOKEN: badToken, DISCORD_APPLICATION_ID: APP_ID });
    expect(!bad.ok && bad.reason).toMatch(/DISCORD_TOKEN does not look like a bot token/u);
    expect(!bad.ok && bad.reason).not.toContain(badToken);

    const badIds = readDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'my-app', DISCORD_GUILD_ID: '12', DISCORD_API_URL: 'discord.com' });
    expect(!badIds.ok && badIds.reason.split('; ').map((r) => r.split(' ')[0])).toEqual(['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL']);
  });

  it('reads valid settings, with Discord itself as the default API', () => {
    expect(readDiscordSettings({ DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '' })).toEqual({
      ok: true,
      settings: { token: TOKEN, applicationId: APP_ID, guildId: undefined, apiUrl: 'https://discord.com/api', shards: { count: 1, ids: [0] } },
    });
    const local = readDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '1200000000000000001', DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(local.ok && local.settings).toMatchObject({ guildId: '1200000000000000001', apiUrl: 'http://127.0.0.1:9/api' });
    expect(discordFrontEnd.check({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID })).toEqual({ enabled: true });
  });
});
