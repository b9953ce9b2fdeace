import { describe, expect, it } from 'vitest';
import { readDiscordSettings, startDiscord } from '../../../src/adapters/discord/index.ts';
import { loadBaseConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { bundledContext, bundledEngine } from '../../helpers/engine.ts';
import { APP_ID, TOKEN } from './harness.ts';

const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID };

describe('Discord sharding', () => {
  it('DISCORD_SHARDS is the total (default one), DISCORD_SHARD_IDS the shards this replica runs (default all)', () => {
    expect(readDiscordSettings(env)).toMatchObject({ ok: true, settings: { shards: { count: 1, ids: [0] } } });
    expect(readDiscordSettings({ ...env, DISCORD_SHARDS: '4' })).toMatchObject({ ok: true, settings: { shards: { count: 4, ids: [0, 1, 2, 3] } } });
    expect(readDiscordSettings({ ...env, DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: ' 3, 1 ' })).toMatchObject({ ok: true, settings: { shards: { count: 4, ids: [1, 3] } } });
  });

  it('refuses shard numbers that do not fit, saying what they must be', () => {
    expect(readDiscordSettings({ ...env, DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '0,2' })).toMatchObject({ ok: false, reason: expect.stringMatching(/DISCORD_SHARD_IDS lists shard 2.*numbered 0 to 1/u) });
    expect(readDiscordSettings({ ...env, DISCORD_SHARDS: 'two' })).toMatchObject({ ok: false, reason: expect.stringContaining('DISCORD_SHARDS must be a whole number') });
    expect(readDiscordSettings({ ...env, DISCORD_SHARD_IDS: 'a,b' })).toMatchObject({ ok: false, reason: expect.stringContaining('DISCORD_SHARD_IDS must list shard numbers') });
  });

  it('a replica running shard 1 of 2 identifies to the gateway as that shard', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN, applicationId: APP_ID });
    const logger = createLogger('silent');
    const engine = bundledEngine();
    const read = readDiscordSettings({ ...env, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1' });
    if (!read.ok) throw new Error(read.reason);
    const bot = await startDiscord(read.settings, { engine, config: loadBaseConfig({}).config, logger, now: () => new Date(), context: () => bundledContext({ logger }) }, { rest: { retries: 0 } });
    try {
      const identify = await fake.waitFor('IDENTIFY', () => fake.sent(2)[0]);
      expect(identify.d.shard).toEqual([1, 2]);
      expect(fake.sent(2)).toHaveLength(1);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
