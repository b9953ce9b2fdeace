import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot, type SlackBot } from '../../../src/adapters/slack/app.ts';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/open.ts';
import type { RateBuckets } from '../../../src/store/types.ts';
import { deliver, FakeSlack, formBody } from '../../fakes/fake-slack.ts';
import { bundledContext, bundledEngine } from '../../helpers/engine.ts';
import { tempDir } from '../../store/temp-store.ts';
import { BOT_TOKEN, fixture, LogCapture, SIGNING_SECRET } from './harness.ts';

/**
 * Slack with a shared store that is slow to answer (a loaded database): a command is
 * still acknowledged within Slack's 3 s, and a refusal decided after the ack reaches the
 * user through the response URL. The store is a real SQLite file; only the rate buckets
 * are delayed.
 */
let fake: FakeSlack;
let bot: SlackBot;
let store: SqliteStore;
let cleanup: () => void;
let delayMs = 0;

beforeAll(async () => {
  bundledEngine();
  const tmp = tempDir('finqa-slow-store-');
  cleanup = tmp.cleanup;
  store = openSqliteStore(tmp.dbPath);
  const slowBuckets: RateBuckets = {
    take: async (...args) => {
      await new Promise((r) => setTimeout(r, delayMs));
      return store.rateLimits.take(...args);
    },
  };
  fake = await FakeSlack.start({ botTokens: [BOT_TOKEN] });
  const logs = new LogCapture();
  bot = await startSlackBot(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    { logger: logs.logger, context: () => bundledContext({ logger: logs.logger }), store: { deliveries: store.deliveries, threads: store.threads, rateLimits: slowBuckets } },
    { host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } }, rateLimit: { capacity: 1, refillMs: 60_000 }, drainMs: 2_000 },
  );
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
  cleanup?.();
});

function command(id: string, user: string) {
  return formBody({ ...fixture('slash-command.json'), command: '/help', text: '', user_id: user, trigger_id: `trigger-${id}`, response_url: fake.responseUrl(id) });
}

describe('a slow shared store', () => {
  it('acks a command in time and sends the rate-limit refusal through the response URL', async () => {
    const url = `http://127.0.0.1:${bot.port}/slack/events`;
    delayMs = 0;
    expect((await deliver(url, SIGNING_SECRET, command('fast-1', 'USLOW'), 'form')).text).toBe('');
    await fake.waitFor('the first answer', () => fake.responsesTo('fast-1')[0]);
    // The bucket is empty now; the store takes 2.5 s to say so.
    delayMs = 2_500;
    const ack = await deliver(url, SIGNING_SECRET, command('slow-2', 'USLOW'), 'form');
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(2_500);
    expect(ack.text).toBe('');
    const refusal = await fake.waitFor('the refusal at the response URL', () => fake.responsesTo('slow-2')[0], 8_000);
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/faster than I can keep up/u) });
    await fake.settle(300);
    expect(fake.responsesTo('slow-2')).toHaveLength(1);
  });
});
