import { describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../commands/types.ts';
import type { BotStore } from '../../src/store/types.ts';
import { BACKENDS, notePgSkip } from './backends.ts';

/**
 * The store contract, run against every backend: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. "Another connection" is a second store on the same data,
 * as a second replica (or process) has.
 */

notePgSkip('store contract tests against PostgreSQL');

const channel: ChannelRef = { platform: 'slack', id: 'C0001', workspace: 'T0001' };
const monday9 = { weekday: 1 as const, time: '09:00', timeZone: 'Asia/Shanghai' };
const now = new Date('2025-05-12T00:00:00Z');
const week = '2025-05-05';
const opts = (instance: string, at: Date) => ({ instance, now: at, late: false, leaseMs: 10 * 60_000, maxAttempts: 3 });

for (const backend of BACKENDS) {
  describe(`store contract: ${backend.name}`, () => {
    async function two(): Promise<[BotStore, BotStore]> {
      const connect = await backend.fresh();
      return [await connect(), await connect()];
    }
    async function withSubscription() {
      const [a, b] = await two();
      const { subscription } = await a.subscriptions.save(channel, { ...monday9, companies: [] }, now);
      return { a, b, id: subscription.id };
    }

    describe('subscriptions', () => {
      it('keeps one subscription per channel: subscribing again updates it in place', async () => {
        const [store] = await two();
        const first = await store.subscriptions.save(channel, { ...monday9, companies: ['a', 'b'], createdBy: 'U1' }, now);
        expect(first.created).toBe(true);
        const later = new Date('2025-05-13T00:00:00Z');
        const second = await store.subscriptions.save(channel, { weekday: 5, time: '17:30', timeZone: 'Europe/Berlin', companies: ['b'] }, later);
        expect(second.created).toBe(false);
        expect(second.subscription.id).toBe(first.subscription.id);
        expect(second.subscription).toMatchObject({ weekday: 5, time: '17:30', timeZone: 'Europe/Berlin', companies: ['b'], createdBy: 'U1', activeSince: later.toISOString() });
        expect(await store.subscriptions.listActive()).toHaveLength(1);
      });

      it('tells channels apart by platform, workspace and id', async () => {
        const [store] = await two();
        await store.subscriptions.save(channel, { ...monday9, companies: ['a'] }, now);
        await store.subscriptions.save({ ...channel, workspace: 'T0002' }, { ...monday9, companies: ['b'] }, now);
        await store.subscriptions.save({ platform: 'discord', id: 'C0001' }, { ...monday9, companies: ['c'] }, now);
        expect((await store.subscriptions.listActive()).map((s) => s.companies[0])).toEqual(['a', 'b', 'c']);
        expect((await store.subscriptions.get({ platform: 'discord', id: 'C0001' }))?.channel).toEqual({ platform: 'discord', id: 'C0001' });
      });

      it('removes a whole subscription, or narrows its company list', async () => {
        const [store] = await two();
        await store.subscriptions.save(channel, { ...monday9, companies: ['a', 'b', 'c'] }, now);
        expect(await store.subscriptions.remove(channel, now, ['a', 'z'])).toMatchObject({ kind: 'narrowed', dropped: ['a'], notFollowed: ['z'] });
        expect((await store.subscriptions.get(channel))?.companies).toEqual(['b', 'c']);
        expect(await store.subscriptions.remove(channel, now, ['z'])).toMatchObject({ kind: 'not_followed', notFollowed: ['z'] });
        expect((await store.subscriptions.remove(channel, now, ['b', 'c'])).kind).toBe('removed');
        expect(await store.subscriptions.get(channel)).toBeUndefined();
        expect((await store.subscriptions.remove(channel, now)).kind).toBe('none');
      });

      it('will not narrow "all companies" into a guessed list', async () => {
        const [store] = await two();
        await store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
        expect((await store.subscriptions.remove(channel, now, ['a'])).kind).toBe('follows_all');
        expect((await store.subscriptions.get(channel))?.companies).toEqual([]);
      });

      it('pauses, and a new save resumes with the same id', async () => {
        const [store] = await two();
        const { subscription } = await store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
        await store.subscriptions.pause(subscription.id, 'channel_not_found', now);
        expect(await store.subscriptions.listActive()).toEqual([]);
        expect(await store.subscriptions.get(channel)).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found' });
        const resumed = await store.subscriptions.save(channel, { ...monday9, companies: [] }, now);
        expect(resumed.subscription).toMatchObject({ id: subscription.id, status: 'active', pausedReason: null });
      });

      it('deleting a subscription deletes its send log', async () => {
        const { a, id } = await withSubscription();
        await a.sendLog.claim(id, week, opts('a', now));
        await a.subscriptions.remove(channel, now);
        expect(await a.sendLog.history(id)).toEqual([]);
      });

      it('two connections subscribing the same channel at once end with one subscription', async () => {
        const [a, b] = await two();
        const results = await Promise.all([a, b, a, b].map((s, i) => s.subscriptions.save(channel, { ...monday9, companies: [`c${i}`] }, now)));
        expect(new Set(results.map((r) => r.subscription.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(await b.subscriptions.listActive()).toHaveLength(1);
      });
    });

    describe('send log claims', () => {
      it('lets exactly one of two connections claim a week, and a sent week is never claimed again', async () => {
        const { a, b, id } = await withSubscription();
        expect(await a.sendLog.claim(id, week, opts('A', now))).toEqual({ kind: 'claimed', attempt: 1 });
        expect(await b.sendLog.claim(id, week, opts('B', now))).toEqual({ kind: 'busy', by: 'A' });
        expect(await a.sendLog.markPosting(id, week, 'A', now)).toBe(true);
        await a.sendLog.markSent(id, week, 'A', now);
        expect(await b.sendLog.claim(id, week, opts('B', new Date(now.getTime() + 30 * 86_400_000)))).toEqual({ kind: 'sent' });
        expect((await a.subscriptions.get(channel))?.lastSentWeek).toBe(week);
        expect(await b.sendLog.get(id, week)).toMatchObject({ status: 'sent', postedBy: 'A', takenOverFrom: null });
      });

      it('concurrent claims from two connections: exactly one wins each week', async () => {
        const { a, b, id } = await withSubscription();
        const weeks = Array.from({ length: 40 }, (_, i) => `w${String(i).padStart(3, '0')}`);
        const results = await Promise.all(weeks.flatMap((w) => [a.sendLog.claim(id, w, opts('A', now)), b.sendLog.claim(id, w, opts('B', now))]));
        const won = results.filter((r) => r.kind === 'claimed');
        expect(won).toHaveLength(weeks.length);
        expect(results.filter((r) => r.kind === 'busy')).toHaveLength(weeks.length);
      });

      it('takes over a claim left by a process that died before posting, once its lease has run out', async () => {
        const { a, b, id } = await withSubscription();
        await a.sendLog.claim(id, week, opts('dead', now));
        expect((await b.sendLog.claim(id, week, opts('B', new Date(now.getTime() + 60_000)))).kind).toBe('busy');
        const afterLease = new Date(now.getTime() + 11 * 60_000);
        expect(await b.sendLog.claim(id, week, opts('B', afterLease))).toEqual({ kind: 'claimed', attempt: 2 });
        // The dead process's late write cannot take the row back.
        expect(await a.sendLog.markPosting(id, week, 'dead', afterLease)).toBe(false);
        expect(await b.sendLog.markPosting(id, week, 'B', afterLease)).toBe(true);
        expect(await b.sendLog.get(id, week)).toMatchObject({ takenOverFrom: 'dead', claimedBy: 'B' });
      });

      it('hands a claim whose process died while posting to another, which must check before posting', async () => {
        const { a, b, id } = await withSubscription();
        await a.sendLog.claim(id, week, opts('dead', now));
        await a.sendLog.markPosting(id, week, 'dead', now);
        expect((await b.sendLog.claim(id, week, opts('B', new Date(now.getTime() + 60_000)))).kind).toBe('busy');
        const afterLease = new Date(now.getTime() + 11 * 60_000);
        expect(await b.sendLog.claim(id, week, opts('B', afterLease))).toEqual({ kind: 'claimed', attempt: 2, verifyFrom: 'dead' });
        // The post had arrived: recorded as sent by the dead process, confirmed by B.
        await b.sendLog.markSent(id, week, 'B', afterLease, 'dead');
        expect(await a.sendLog.get(id, week)).toMatchObject({ status: 'sent', postedBy: 'dead', takenOverFrom: 'dead', claimedBy: 'B' });
      });

      it('an unknown outcome is never retried', async () => {
        const { a, b, id } = await withSubscription();
        await a.sendLog.claim(id, week, opts('A', now));
        await a.sendLog.markPosting(id, week, 'A', now);
        await a.sendLog.markUnknown(id, week, 'A', 'timed out');
        expect(await b.sendLog.claim(id, week, opts('B', new Date(now.getTime() + 86_400_000)))).toEqual({ kind: 'unknown' });
      });

      it('retries a failed post after its retry time, a bounded number of times', async () => {
        const { a, id } = await withSubscription();
        let at = now;
        for (let attempt = 1; attempt <= 3; attempt += 1) {
          expect(await a.sendLog.claim(id, week, opts('A', at))).toEqual({ kind: 'claimed', attempt });
          await a.sendLog.markPosting(id, week, 'A', at);
          const retryAt = new Date(at.getTime() + 5 * 60_000);
          await a.sendLog.markFailed(id, week, 'A', 'channel_not_found', retryAt);
          if (attempt < 3) expect(await a.sendLog.claim(id, week, opts('A', new Date(at.getTime() + 60_000)))).toEqual({ kind: 'waiting', retryAt: retryAt.toISOString() });
          at = retryAt;
        }
        expect(await a.sendLog.claim(id, week, opts('A', new Date(at.getTime() + 86_400_000)))).toEqual({ kind: 'exhausted', attempts: 3 });
        expect(await a.sendLog.get(id, week)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'channel_not_found' });
      });

      it('a released claim does not count as an attempt', async () => {
        const { a, id } = await withSubscription();
        await a.sendLog.claim(id, week, opts('A', now));
        await a.sendLog.release(id, week, 'A', 'digest could not be built', new Date(now.getTime() + 1000));
        expect(await a.sendLog.claim(id, week, opts('A', new Date(now.getTime() + 2000)))).toEqual({ kind: 'claimed', attempt: 1 });
      });
    });

    describe('delivery de-duplication', () => {
      it('the first writer of a key wins, across connections, until the key expires', async () => {
        const [a, b] = await two();
        const t = 1_000_000;
        expect(await a.deliveries.firstDelivery(['event:E1'], 60_000, t)).toBe(true);
        expect(await b.deliveries.firstDelivery(['event:E1'], 60_000, t + 10)).toBe(false);
        // A delivery sharing any key with an earlier one is a repeat; its new keys are still recorded.
        expect(await b.deliveries.firstDelivery(['event:E2', 'event:E1'], 60_000, t + 20)).toBe(false);
        expect(await a.deliveries.firstDelivery(['event:E2'], 60_000, t + 30)).toBe(false);
        expect(await a.deliveries.firstDelivery(['event:E1'], 60_000, t + 60_001)).toBe(true);
      });

      it('of many concurrent deliveries of one key, exactly one wins', async () => {
        const [a, b] = await two();
        const keys = Array.from({ length: 30 }, (_, i) => `command:T${i}`);
        const results = await Promise.all(keys.flatMap((k) => [a, b, a, b].map((s) => s.deliveries.firstDelivery([k, `alias:${k}`], 60_000, 5_000))));
        expect(results.filter(Boolean)).toHaveLength(keys.length);
      });
    });

    describe('rate buckets', () => {
      it('one budget per key across connections: a burst, then one per refill', async () => {
        const [a, b] = await two();
        const t = 2_000_000;
        const decisions = [];
        for (let i = 0; i < 6; i += 1) decisions.push(await (i % 2 ? b : a).rateLimits.take('T1:U1', 3, 10_000, t));
        expect(decisions.map((d) => d.ok)).toEqual([true, true, true, false, false, false]);
        expect(decisions[3]).toEqual({ ok: false, retryAfterMs: 10_000 });
        expect((await b.rateLimits.take('T1:U2', 3, 10_000, t)).ok).toBe(true);
        expect((await a.rateLimits.take('T1:U1', 3, 10_000, t + 10_000)).ok).toBe(true);
        expect((await b.rateLimits.take('T1:U1', 3, 10_000, t + 10_001)).ok).toBe(false);
      });

      it('concurrent takes never hand out more than the burst', async () => {
        const [a, b] = await two();
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).rateLimits.take('T1:U9', 5, 60_000, 3_000_000)));
        expect(results.filter((r) => r.ok)).toHaveLength(5);
      });
    });

    describe('thread memory', () => {
      it('a context remembered by one connection is recalled by another, until it expires', async () => {
        const [a, b] = await two();
        await a.threads.remember('T1:C1:1.0', { company: 'acme', metric: 'revenue' }, 60_000, 1_000);
        expect(await b.threads.recall('T1:C1:1.0', 2_000)).toEqual({ company: 'acme', metric: 'revenue' });
        await b.threads.remember('T1:C1:1.0', { company: 'acme', metric: 'net_income' }, 60_000, 3_000);
        expect(await a.threads.recall('T1:C1:1.0', 4_000)).toEqual({ company: 'acme', metric: 'net_income' });
        expect(await a.threads.recall('T1:C1:1.0', 63_001)).toBeUndefined();
        expect(await a.threads.recall('T1:C1:other', 4_000)).toBeUndefined();
      });
    });

    it('reports its health', async () => {
      const [a] = await two();
      expect(await a.health()).toMatchObject({ kind: backend.name, ok: true });
      expect(a.location).not.toMatch(/:[^:@/]+@/u);
    });
  });
}
