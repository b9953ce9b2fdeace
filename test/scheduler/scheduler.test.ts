import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/channel.ts';
import type { Digest } from '../../src/core/digest/digest.ts';
import { RecordingLogger, schedulerFor, schedulerWorld, weekOf } from './harness.ts';

const MINUTE = 60_000;
const slack: ChannelRef = { platform: 'slack', id: 'C-SLACK', workspace: 'T1' };
const discord: ChannelRef = { platform: 'discord', id: '1234567890', workspace: 'G1' };
const RESULTS_TITLE = '8年累計虧45.8億元 云從科技裁員求生';

const setup = schedulerWorld;

const digestOf = (answer: { data?: unknown }) => (answer.data as { digest: Digest }).digest;

describe('weekly posting', () => {
  it('posts at the local time, not a minute before, and once per week', async () => {
    const { store, clock, delivery } = setup('2025-05-07T00:00:00Z');
    await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', companies: [] }, clock.now());
    const scheduler = schedulerFor(store, clock, delivery);

    clock.set('2025-05-12T00:59:00Z'); // 08:59 in Shanghai
    expect(await scheduler.tick()).toEqual([]);
    expect(delivery.posts).toHaveLength(0);

    clock.set('2025-05-12T01:00:00Z'); // 09:00 in Shanghai
    const events = await scheduler.tick();
    expect(events).toMatchObject([{ outcome: 'posted', week: '2025-05-05', late: false }]);
    expect(delivery.posts).toHaveLength(1);
    const post = delivery.posts[0]!;
    expect(post.channel).toEqual(slack);
    expect(post.answer.status).toBe('answered');
    expect(digestOf(post.answer).week).toMatchObject({ monday: '2025-05-05', sunday: '2025-05-11', timeZone: 'Asia/Shanghai' });
    expect(post.answer.message).toContain(RESULTS_TITLE);
    expect(post.answer.message).not.toMatch(/^Late:/mu);

    for (const minutes of [1, 30, 600, 6 * 24 * 60]) {
      clock.set(new Date(Date.parse('2025-05-12T01:00:00Z') + minutes * MINUTE));
      await scheduler.tick();
    }
    expect(delivery.posts).toHaveLength(1);

    clock.set('2025-05-19T01:00:00Z');
    await scheduler.tick();
    expect(delivery.posts.map(weekOf)).toEqual(['2025-05-05', '2025-05-12']);
    expect((await store.subscriptions.get(slack))?.lastSentWeek).toBe('2025-05-12');
  });

  it('owes nothing for a slot that passed before the subscription was made', async () => {
    const { store, clock, delivery } = setup('2025-05-12T02:00:00Z'); // Monday 10:00 in Shanghai
    await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', companies: [] }, clock.now());
    const scheduler = schedulerFor(store, clock, delivery);
    await scheduler.tick();
    expect(delivery.posts).toHaveLength(0);
    clock.set('2025-05-19T01:00:00Z');
    await scheduler.tick();
    expect(delivery.posts.map(weekOf)).toEqual(['2025-05-12']);
  });

  it('posts each digest to its own channel with its own companies and zone', async () => {
    const { store, clock, delivery } = setup('2025-05-11T00:00:00Z');
    const engineCompanies = { cloudwalk: 'cloudwalk-technology', qingcloud: 'qingcloud-technology' };
    await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', companies: [engineCompanies.cloudwalk] }, clock.now());
    await store.subscriptions.save(discord, { weekday: 1, time: '09:00', timeZone: 'America/New_York', companies: [engineCompanies.qingcloud] }, clock.now());
    const scheduler = schedulerFor(store, clock, delivery);
    clock.set('2025-05-12T01:00:00Z');
    await scheduler.tick();
    expect(delivery.to(slack.id)).toHaveLength(1);
    expect(delivery.to(discord.id)).toHaveLength(0); // 09:00 in New York is 13:00 UTC
    clock.set('2025-05-12T13:00:00Z');
    await scheduler.tick();
    const [shanghai] = delivery.to(slack.id);
    const [newYork] = delivery.to(discord.id);
    expect(digestOf(shanghai!.answer).watchlist.map((w) => w.company)).toEqual([engineCompanies.cloudwalk]);
    expect(digestOf(shanghai!.answer).documents.map((d) => d.title)).toContain(RESULTS_TITLE);
    expect(digestOf(newYork!.answer).watchlist.map((w) => w.company)).toEqual([engineCompanies.qingcloud]);
    // The CloudWalk results article is about a company this channel does not follow.
    expect(digestOf(newYork!.answer).documents).toEqual([]);
    expect(newYork!.answer.message).toMatch(/Quiet week/u);
  });
});

describe('catch-up after downtime', () => {
  it('posts only the latest missed week, once, marked late', async () => {
    const { store, clock, delivery } = setup('2025-04-01T00:00:00Z');
    const { subscription } = await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', companies: [] }, clock.now());
    // Down from 1 April to Wednesday 14 May: six Monday slots were missed.
    clock.set('2025-05-14T03:00:00Z');
    const scheduler = schedulerFor(store, clock, delivery);
    const events = await scheduler.start();
    await scheduler.stop();
    expect(events).toMatchObject([{ outcome: 'posted', week: '2025-05-05', late: true }]);
    expect(delivery.posts).toHaveLength(1);
    const post = delivery.posts[0]!;
    expect(digestOf(post.answer).lateFor).toBe('2025-05-12T01:00:00.000Z');
    expect(post.answer.message).toMatch(/Late: this digest was due Monday 2025-05-12 09:00 Asia\/Shanghai/u);
    expect((await store.sendLog.history(subscription.id)).map((r) => [r.week, r.status, r.late])).toEqual([['2025-05-05', 'sent', true]]);

    clock.advance(MINUTE);
    await scheduler.tick();
    expect(delivery.posts).toHaveLength(1);
  });

  it('a digest a few minutes behind its slot is not marked late', async () => {
    const { store, clock, delivery } = setup('2025-05-01T00:00:00Z');
    await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai', companies: [] }, clock.now());
    clock.set('2025-05-12T01:04:00Z');
    await schedulerFor(store, clock, delivery).tick();
    expect(digestOf(delivery.posts[0]!.answer).lateFor).toBeUndefined();
  });

  it('waits while no front end of the platform runs, then posts once it does', async () => {
    const { store, clock, delivery } = setup('2025-05-01T00:00:00Z');
    const { subscription } = await store.subscriptions.save(discord, { weekday: 1, time: '09:00', timeZone: 'UTC', companies: [] }, clock.now());
    const logger = new RecordingLogger();
    delivery.platforms.delete('discord');
    const scheduler = schedulerFor(store, clock, delivery, { logger });
    clock.set('2025-05-12T09:00:00Z');
    expect(await scheduler.tick()).toMatchObject([{ outcome: 'no_front_end' }]);
    await scheduler.tick();
    expect(logger.messages('warn').filter((m) => m.includes('no running front end'))).toHaveLength(1);
    expect(await store.sendLog.history(subscription.id)).toEqual([]);
    delivery.platforms.add('discord');
    clock.advance(5 * MINUTE);
    await scheduler.tick();
    expect(delivery.posts.map(weekOf)).toEqual(['2025-05-05']);
  });
});

describe('daylight-saving changes, driven tick by tick', () => {
  async function postsBetween(from: string, to: string, timeZone: string): Promise<string[]> {
    const { store, clock, delivery } = setup(from);
    await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone, companies: [] }, clock.now());
    const scheduler = schedulerFor(store, clock, delivery);
    for (let t = Date.parse(from); t <= Date.parse(to); t += 15 * MINUTE) {
      clock.set(new Date(t));
      await scheduler.tick();
    }
    return delivery.posts.map((p) => format(new TZDate(p.at.getTime(), timeZone), 'yyyy-MM-dd HH:mm xxx'));
  }

  it('Europe/Berlin 09:00 on both sides of the March and October changes', async () => {
    expect(await postsBetween('2025-03-20T00:00:00Z', '2025-04-08T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2025-03-24 09:00 +01:00',
      '2025-03-31 09:00 +02:00',
      '2025-04-07 09:00 +02:00',
    ]);
    expect(await postsBetween('2025-10-15T00:00:00Z', '2025-11-04T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2025-10-20 09:00 +02:00',
      '2025-10-27 09:00 +01:00',
      '2025-11-03 09:00 +01:00',
    ]);
  });

  it('America/New_York 09:00 on both sides of the March and November changes', async () => {
    expect(await postsBetween('2025-03-01T00:00:00Z', '2025-03-11T00:00:00Z', 'America/New_York')).toEqual(['2025-03-03 09:00 -05:00', '2025-03-10 09:00 -04:00']);
    expect(await postsBetween('2025-10-25T00:00:00Z', '2025-11-04T00:00:00Z', 'America/New_York')).toEqual(['2025-10-27 09:00 -04:00', '2025-11-03 09:00 -05:00']);
  });
});

describe('timers', () => {
  it('start catches up at once and stop leaves nothing running', async () => {
    const { store, clock, delivery } = setup('2025-05-01T00:00:00Z');
    await store.subscriptions.save(slack, { weekday: 1, time: '09:00', timeZone: 'UTC', companies: [] }, clock.now());
    clock.set('2025-05-12T09:30:00Z');
    const scheduler = schedulerFor(store, clock, delivery, { maxSleepMs: 50 });
    await scheduler.start();
    expect(delivery.posts).toHaveLength(1);
    // Let the real timer fire a few times: it ticks again, and posts nothing new.
    await new Promise((r) => setTimeout(r, 1300));
    await scheduler.stop();
    expect(delivery.posts).toHaveLength(1);
    expect((await scheduler.nextWake())?.toISOString()).toBe('2025-05-19T09:00:00.000Z');
  });
});
