import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef, CommandContext } from '../../commands/index.ts';
import { startDiscord, type RunningDiscord } from '../../src/adapters/discord/index.ts';
import { startSlackBot, type SlackBot } from '../../src/adapters/slack/index.ts';
import { loadBaseConfig } from '../../src/config.ts';
import type { RunningFrontEnd } from '../../src/front-end.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/scheduler/clock.ts';
import { frontEndDelivery } from '../../src/scheduler/delivery.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { FakeSlack } from '../fakes/fake-slack.ts';
import { bundledEngine } from '../helpers/engine.ts';
import { StorePool, tempDir } from '../store/temp-store.ts';
import { schedulerFor } from './harness.ts';

/**
 * Weekly digests delivered end to end: the real scheduler and store, the real Slack
 * (Bolt) and Discord (discord.js) adapters, and the fake platforms on 127.0.0.1. What
 * the channels received is read from the fakes' records.
 */

const SLACK_BOT_TOKEN = 'xoxb-9999999999-8888888888-DIGESTdigestDIGESTdigest';
const SLACK_APP_TOKEN = 'xapp-1-A0009-7777777777-digestdigestdigestdigestdigest';
const DISCORD_TOKEN = `MTMwMDAwMDAwMDAwMDAwMDAwOQ.GdIgEs.${'dIgEsT-nOt-ReAl_'.repeat(3)}`;
const DISCORD_APP_ID = '1300000000000000009';
const UNKNOWN_DISCORD_CHANNEL = '1219999999999999999';
const RESULTS_TITLE = '8年累計虧45.8億元 云從科技裁員求生';

let slack: FakeSlack;
let discord: FakeDiscord;
let slackBot: SlackBot;
let discordBot: RunningDiscord;
let running: RunningFrontEnd[];
const logLines: string[] = [];
const tmp = tempDir('finqa-delivery-');
const pool = new StorePool(tmp.dbPath);
const logger = createLogger('debug', new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }));

beforeAll(async () => {
  const engine = bundledEngine();
  const context = (): CommandContext => ({ engine, now: () => new Date('2025-05-12T09:00:00Z'), logger });
  slack = await FakeSlack.start({ botTokens: [SLACK_BOT_TOKEN], appTokens: [SLACK_APP_TOKEN], failingChannels: { CGONE: 'channel_not_found' } });
  discord = await FakeDiscord.start({ token: DISCORD_TOKEN, applicationId: DISCORD_APP_ID });
  slackBot = await startSlackBot(
    { mode: 'socket', botToken: SLACK_BOT_TOKEN, appToken: SLACK_APP_TOKEN, apiUrl: slack.apiUrl, port: 0 },
    { logger, context },
    { clientOptions: { retryConfig: { retries: 0 }, timeout: 5_000 }, drainMs: 1_000 },
  );
  discordBot = await startDiscord(
    { token: DISCORD_TOKEN, applicationId: DISCORD_APP_ID, apiUrl: discord.apiUrl },
    { engine, config: loadBaseConfig({}).config, logger, now: () => new Date(), context },
    { rest: { retries: 0 }, drainMs: 1_000 },
  );
  // As `main` lists them: the Slack front end wraps the bot, Discord's is the running front end itself.
  running = [{ name: 'slack', stop: () => slackBot.stop(), post: (c, a) => slackBot.post(c, a) }, discordBot];
});

afterAll(async () => {
  await Promise.allSettled(running?.map((r) => r.stop()) ?? []);
  await slack?.close();
  await discord?.close();
  pool.closeAll();
  tmp.cleanup();
});

describe('digest delivery through the fake Slack and Discord', () => {
  it('posts each week once to each channel, and pauses channels that are gone', async () => {
    const store = pool.connect();
    const clock = new ManualClock('2025-05-01T00:00:00Z');
    const slackChannel: ChannelRef = { platform: 'slack', id: 'C0DIGEST', workspace: 'T0001' };
    const goneSlack: ChannelRef = { platform: 'slack', id: 'CGONE', workspace: 'T0001' };
    const discordChannel: ChannelRef = { platform: 'discord', id: discord.channelId, workspace: discord.guildId };
    const goneDiscord: ChannelRef = { platform: 'discord', id: UNKNOWN_DISCORD_CHANNEL, workspace: discord.guildId };
    for (const channel of [slackChannel, goneSlack, discordChannel, goneDiscord]) {
      await store.subscriptions.save(channel, { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', companies: ['cloudwalk-technology'] }, clock.now());
    }
    const scheduler = schedulerFor(store, clock, frontEndDelivery(running), { logger, retryDelaysMs: [5 * 60_000] });

    clock.set('2025-05-12T01:00:00Z'); // Monday 09:00 in Shanghai
    const events = await scheduler.tick();
    expect(events.map((e) => e.outcome).sort()).toEqual(['failed', 'failed', 'posted', 'posted']);

    const slackPosts = () => slack.calls('chat.postMessage').filter((c) => c.params.channel === slackChannel.id);
    const discordPosts = () => discord.posts(discord.channelId);
    expect(slackPosts()).toHaveLength(1);
    expect(slackPosts()[0]!.token).toBe(SLACK_BOT_TOKEN);
    expect(JSON.stringify(slackPosts()[0]!.params)).toContain(RESULTS_TITLE);
    expect(discordPosts().length).toBeGreaterThan(0);
    expect(discordPosts().every((p) => p.auth === 'bot')).toBe(true);
    expect(discordPosts().map((p) => JSON.stringify(p.body)).join('\n')).toContain(RESULTS_TITLE);
    const discordMessagesPerDigest = discordPosts().length;

    // Retries for the gone channels, a restart of the process, and more ticks in the same week.
    for (const minutes of [5, 10, 15, 60]) {
      clock.set(new Date(Date.parse('2025-05-12T01:00:00Z') + minutes * 60_000));
      await scheduler.tick();
    }
    const restarted = schedulerFor(pool.connect(), clock, frontEndDelivery(running), { logger, retryDelaysMs: [5 * 60_000] });
    await restarted.start();
    await restarted.stop();
    expect(slackPosts()).toHaveLength(1);
    expect(discordPosts()).toHaveLength(discordMessagesPerDigest);

    // The gone channels were tried three times each, then paused.
    expect(slack.calls('chat.postMessage').filter((c) => c.params.channel === 'CGONE')).toHaveLength(3);
    expect(discord.posts(UNKNOWN_DISCORD_CHANNEL)).toHaveLength(3);
    expect(await store.subscriptions.get(goneSlack)).toMatchObject({ status: 'paused' });
    expect((await store.subscriptions.get(goneSlack))?.pausedReason).toContain('channel_not_found');
    expect((await store.subscriptions.get(goneDiscord))?.pausedReason).toContain('Unknown Channel, 10003');
    expect(await store.subscriptions.get(slackChannel)).toMatchObject({ status: 'active', lastSentWeek: '2025-05-05' });

    // Next week: the live channels get the next digest, the paused ones are left alone.
    clock.set('2025-05-19T01:00:00Z');
    await scheduler.tick();
    expect(slackPosts()).toHaveLength(2);
    expect(discordPosts().length).toBeGreaterThan(discordMessagesPerDigest);
    expect(slack.calls('chat.postMessage').filter((c) => c.params.channel === 'CGONE')).toHaveLength(3);
    expect(discord.posts(UNKNOWN_DISCORD_CHANNEL)).toHaveLength(3);

    const logs = logLines.join('');
    expect(logs).toContain('weekly digest subscription paused');
    expect(logs).not.toContain(SLACK_BOT_TOKEN);
    expect(logs).not.toContain(DISCORD_TOKEN);
  });
});
