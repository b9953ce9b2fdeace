import { describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/channel.ts';
import type { Answer } from '../../src/core/answer.ts';
import { bundledEngine } from '../helpers/engine.ts';
import { RecordingLogger, schedulerFor, schedulerWorld, weekOf } from './harness.ts';

const MINUTE = 60_000;
const channel: ChannelRef = { platform: 'slack', id: 'C-DIGEST', workspace: 'T1' };
const monday9utc = { weekday: 1 as const, time: '09:00', timeZone: 'UTC', companies: [] };

const setup = schedulerWorld;

describe('no double posts', () => {
  it('a restarted process does not post a week again', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    await pool.connect().subscriptions.save(channel, monday9utc, clock.now());
    clock.set('2025-05-12T09:00:00Z');
    const first = schedulerFor(pool.connect(), clock, delivery);
    await first.start();
    await first.stop();
    pool.closeAll(); // the process ends

    for (const at of ['2025-05-12T09:00:00Z', '2025-05-12T09:20:00Z', '2025-05-15T00:00:00Z']) {
      clock.set(at);
      const restarted = schedulerFor(pool.connect(), clock, delivery);
      await restarted.start();
      await restarted.stop();
      pool.closeAll();
    }
    expect(delivery.posts.map(weekOf)).toEqual(['2025-05-05']);
  });

  it('two schedulers on one database file post each digest exactly once', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const setupStore = pool.connect();
    const channels = Array.from({ length: 5 }, (_, i): ChannelRef => ({ platform: i % 2 ? 'discord' : 'slack', id: `C${i}` }));
    for (const c of channels) await setupStore.subscriptions.save(c, monday9utc, clock.now());
    // Posts take real time, so both schedulers have posts in flight at once.
    delivery.delayMs = 5;
    const a = schedulerFor(pool.connect(), clock, delivery, { instanceId: 'process-a' });
    const b = schedulerFor(pool.connect(), clock, delivery, { instanceId: 'process-b' });
    for (const week of ['2025-05-12', '2025-05-19', '2025-05-26']) {
      for (const minute of [0, 1, 2]) {
        clock.set(new Date(Date.parse(`${week}T09:00:00Z`) + minute * MINUTE));
        await Promise.all([a.tick(), b.tick(), a.tick()]);
      }
    }
    expect(delivery.posts).toHaveLength(channels.length * 3);
    for (const c of channels) expect(delivery.to(c.id).map(weekOf)).toEqual(['2025-05-05', '2025-05-12', '2025-05-19']);
  });

  it('a process that died mid-post is not followed by a second post from another', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    await pool.connect().subscriptions.save(channel, monday9utc, clock.now());
    clock.set('2025-05-12T09:00:00Z');
    // Process A's post reaches the channel, but A never hears back (it hangs, then is killed).
    let releaseA: () => void = () => {};
    const hanging = {
      canDeliver: () => true,
      post: (c: ChannelRef, answer: Answer) => {
        delivery.posts.push({ channel: c, answer, at: clock.now() });
        return new Promise<void>((resolve) => (releaseA = resolve));
      },
    };
    const storeA = pool.connect();
    const a = schedulerFor(storeA, clock, hanging, { instanceId: 'process-a', postTimeoutMs: 60 * MINUTE });
    const aTick = a.tick();
    await new Promise((r) => setTimeout(r, 20));
    expect(delivery.posts).toHaveLength(1);

    const logger = new RecordingLogger();
    const b = schedulerFor(pool.connect(), clock, delivery, { instanceId: 'process-b', logger });
    clock.advance(MINUTE);
    expect(await b.tick()).toEqual([]); // A's claim is live: B keeps off
    clock.advance(15 * MINUTE); // A's lease has run out
    expect(await b.tick()).toMatchObject([{ outcome: 'unknown', week: '2025-05-05' }]);
    expect(logger.messages('warn').some((m) => m.includes('not retried, to avoid a double post'))).toBe(true);
    clock.advance(3 * 24 * 60 * MINUTE);
    await b.tick();
    expect(delivery.posts).toHaveLength(1);

    releaseA();
    await aTick;
    await a.stop();
  });

  it('a claim left by a process that died before posting is taken over and posted once', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const store = pool.connect();
    const { subscription } = await store.subscriptions.save(channel, monday9utc, clock.now());
    clock.set('2025-05-12T09:00:00Z');
    // The dead process got as far as the claim.
    store.sendLog.claim(subscription.id, '2025-05-05', { instance: 'dead', now: clock.now(), late: false, leaseMs: 10 * MINUTE, maxAttempts: 3 });
    const b = schedulerFor(pool.connect(), clock, delivery, { instanceId: 'process-b' });
    clock.advance(5 * MINUTE);
    await b.tick();
    expect(delivery.posts).toHaveLength(0);
    clock.advance(10 * MINUTE);
    expect(await b.tick()).toMatchObject([{ outcome: 'posted', attempt: 2 }]);
    await b.tick();
    expect(delivery.posts.map(weekOf)).toEqual(['2025-05-05']);
  });

  describe('a process that died while posting', () => {
    async function diedWhilePosting(wasPosted?: (marker: string) => boolean) {
      const world = setup('2025-05-01T00:00:00Z');
      const store = world.pool.connect();
      const { subscription } = await store.subscriptions.save(channel, monday9utc, world.clock.now());
      world.clock.set('2025-05-12T09:00:00Z');
      await store.sendLog.claim(subscription.id, '2025-05-05', { instance: 'dead', now: world.clock.now(), late: false, leaseMs: 10 * MINUTE, maxAttempts: 3 });
      await store.sendLog.markPosting(subscription.id, '2025-05-05', 'dead', world.clock.now());
      const asked: string[] = [];
      const delivery = Object.assign(world.delivery, wasPosted ? { wasPosted: async (_c: ChannelRef, marker: string) => (asked.push(marker), wasPosted(marker)) } : {});
      const b = schedulerFor(world.pool.connect(), world.clock, delivery, { instanceId: 'process-b' });
      world.clock.advance(5 * MINUTE);
      expect(await b.tick()).toEqual([]);
      world.clock.advance(6 * MINUTE);
      return { ...world, store, b, id: subscription.id, asked };
    }

    it('its post did not arrive: another process posts it once, and the log says who', async () => {
      const { b, delivery, store, id, asked } = await diedWhilePosting(() => false);
      expect(await b.tick()).toMatchObject([{ outcome: 'posted', attempt: 2 }]);
      await b.tick();
      expect(asked).toEqual([`digest:${id}:2025-05-05`]);
      expect(delivery.posts.map(weekOf)).toEqual(['2025-05-05']);
      expect(await store.sendLog.get(id, '2025-05-05')).toMatchObject({ status: 'sent', postedBy: 'process-b', takenOverFrom: 'dead' });
    });

    it('its post arrived: recorded as sent by the dead process, not posted again', async () => {
      const { b, delivery, store, id } = await diedWhilePosting(() => true);
      expect(await b.tick()).toMatchObject([{ outcome: 'confirmed' }]);
      expect(delivery.posts).toHaveLength(0);
      expect(await store.sendLog.get(id, '2025-05-05')).toMatchObject({ status: 'sent', postedBy: 'dead', takenOverFrom: 'dead' });
    });

    it('a platform that cannot tell: unknown, never posted again', async () => {
      const { b, delivery, store, id, clock } = await diedWhilePosting();
      expect(await b.tick()).toMatchObject([{ outcome: 'unknown' }]);
      clock.advance(60 * MINUTE);
      await b.tick();
      expect(delivery.posts).toHaveLength(0);
      expect((await store.sendLog.get(id, '2025-05-05'))?.lastError).toContain('stopped while posting');
    });
  });

  it('a post that times out is not retried: it may have arrived', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const store = pool.connect();
    const { subscription } = await store.subscriptions.save(channel, monday9utc, clock.now());
    clock.set('2025-05-12T09:00:00Z');
    let calls = 0;
    const slow = { canDeliver: () => true, post: () => (calls++, new Promise<void>((r) => setTimeout(r, 400))) };
    const scheduler = schedulerFor(store, clock, slow, { postTimeoutMs: 30 });
    expect(await scheduler.tick()).toMatchObject([{ outcome: 'unknown' }]);
    clock.advance(60 * MINUTE);
    await scheduler.tick();
    expect(calls).toBe(1);
    expect((await store.sendLog.get(subscription.id, '2025-05-05'))?.status).toBe('unknown');
    expect((await store.subscriptions.get(channel))?.status).toBe('active');
    await new Promise((r) => setTimeout(r, 400));
  });
});

describe('a channel that is gone or removed the bot', () => {
  it('is retried a bounded number of times, then paused, while other channels carry on', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const store = pool.connect();
    const healthy: ChannelRef = { platform: 'discord', id: 'HEALTHY' };
    await store.subscriptions.save(channel, monday9utc, clock.now());
    await store.subscriptions.save(healthy, monday9utc, clock.now());
    delivery.broken.set(channel.id, 'Slack could not post to channel C-DIGEST: channel_not_found');
    const logger = new RecordingLogger();
    const scheduler = schedulerFor(store, clock, delivery, { logger, retryDelaysMs: [5 * MINUTE, 30 * MINUTE] });

    const at = (m: number) => clock.set(new Date(Date.parse('2025-05-12T09:00:00Z') + m * MINUTE));
    at(0);
    expect(await scheduler.tick()).toMatchObject([
      { subscription: 1, outcome: 'failed', attempt: 1 },
      { subscription: 2, outcome: 'posted' },
    ]);
    at(1);
    expect(await scheduler.tick()).toMatchObject([{ outcome: 'waiting' }]);
    at(5);
    expect(await scheduler.tick()).toMatchObject([{ outcome: 'failed', attempt: 2 }]);
    at(20);
    await scheduler.tick();
    at(35);
    expect(await scheduler.tick()).toMatchObject([{ outcome: 'paused', attempt: 3 }]);
    expect(delivery.refused).toHaveLength(3);

    const paused = (await store.subscriptions.get(channel))!;
    expect(paused.status).toBe('paused');
    expect(paused.pausedReason).toMatch(/posting failed 3 times.*channel_not_found/u);
    expect(logger.messages('warn').filter((m) => m.includes('will retry'))).toHaveLength(2);
    expect(logger.messages('error').some((m) => m.includes('subscription paused'))).toBe(true);

    // Paused: the next week is not attempted; the healthy channel still gets its digest.
    clock.set('2025-05-19T09:00:00Z');
    await scheduler.tick();
    expect(delivery.refused).toHaveLength(3);
    expect(delivery.to(healthy.id).map(weekOf)).toEqual(['2025-05-05', '2025-05-12']);

    // The bot is invited back and the channel subscribes again: posting resumes next slot.
    delivery.broken.clear();
    clock.set('2025-05-20T10:00:00Z');
    await store.subscriptions.save(channel, monday9utc, clock.now());
    await scheduler.tick();
    expect(delivery.to(channel.id)).toHaveLength(0);
    clock.set('2025-05-26T09:00:00Z');
    await scheduler.tick();
    expect(delivery.to(channel.id).map(weekOf)).toEqual(['2025-05-19']);
  });

  it('a digest the bot fails to build is retried later and never pauses the channel', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const store = pool.connect();
    await store.subscriptions.save(channel, monday9utc, clock.now());
    const engine = bundledEngine();
    let broken = true;
    const logger = new RecordingLogger();
    const snapshot = () => {
      if (broken) throw new Error('index file unreadable');
      return engine.snapshot;
    };
    const scheduler = schedulerFor(store, clock, delivery, { logger, snapshot, maxAttempts: 2, retryDelaysMs: [5 * MINUTE] });
    for (const minutes of [0, 5, 10, 15]) {
      clock.set(new Date(Date.parse('2025-05-12T09:00:00Z') + minutes * MINUTE));
      await scheduler.tick();
    }
    expect((await store.subscriptions.get(channel))?.status).toBe('active');
    expect(logger.messages('error').filter((m) => m.includes('could not build a weekly digest'))).toHaveLength(4);
    broken = false;
    clock.advance(5 * MINUTE);
    await scheduler.tick();
    expect(delivery.posts.map(weekOf)).toEqual(['2025-05-05']);
  });

  it('keeps tokens out of the stored reason and the log', async () => {
    const { pool, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const store = pool.connect();
    await store.subscriptions.save(channel, monday9utc, clock.now());
    delivery.broken.set(channel.id, 'request failed with token xoxb-1234-5678-abcdefghijkl');
    const logger = new RecordingLogger();
    const scheduler = schedulerFor(store, clock, delivery, { logger, maxAttempts: 1 });
    clock.set('2025-05-12T09:00:00Z');
    await scheduler.tick();
    expect((await store.subscriptions.get(channel))?.pausedReason).toContain('[redacted]');
    expect(JSON.stringify(logger.entries)).not.toContain('xoxb-');
    expect(JSON.stringify(store.sendLog.history(1))).not.toContain('xoxb-');
  });
});
