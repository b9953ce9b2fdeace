import { describe, expect, it, onTestFinished } from 'vitest';
import { SharedDedupe, SharedRateLimiter, SharedThreads } from '../../src/adapters/shared/shared-state.ts';
import { DeliveryDedupe } from '../../src/adapters/slack/dedupe.ts';
import { ThreadMemory } from '../../src/adapters/slack/thread-memory.ts';
import { openSqliteStore } from '../../src/store/sqlite/open.ts';
import type { BotStore } from '../../src/store/types.ts';
import { tempDir } from '../store/temp-store.ts';

/**
 * The shared state in front of a real store (SQLite files; the replica tests do the
 * same on PostgreSQL). "Replicas" are two front ends with their own in-process memory
 * over one database; `down` makes one's store fail as a lost database does.
 */

function database() {
  const tmp = tempDir('finqa-shared-');
  const opened: BotStore[] = [];
  onTestFinished(async () => {
    for (const s of opened) await s.close();
    tmp.cleanup();
  });
  /** A store on the file, with a switch that makes every call fail (connection refused). */
  return () => {
    const store = openSqliteStore(tmp.dbPath);
    opened.push(store);
    const state = { down: false };
    const guard = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, key, receiver) {
          const value = Reflect.get(t, key, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => (state.down ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : value.apply(t, args));
        },
      });
    return { state, deliveries: guard(store.deliveries), rateLimits: guard(store.rateLimits), threads: guard(store.threads) };
  };
}

const logs = () => {
  const lines: string[] = [];
  return { lines, logger: { warn: (_o: object, m?: string) => lines.push(`warn ${m}`), info: (_o: object, m?: string) => lines.push(`info ${m}`) } };
};

describe('shared de-duplication', () => {
  it('a delivery answered by one replica is refused by the other', async () => {
    const open = database();
    const a = new SharedDedupe(open().deliveries, new DeliveryDedupe(), logs().logger);
    const b = new SharedDedupe(open().deliveries, new DeliveryDedupe(), logs().logger);
    expect(await a.firstDelivery('event:E1', 'message:C1:1.0')).toBe(true);
    expect(await b.firstDelivery('event:E1', 'message:C1:1.0')).toBe(false);
    // A DM also delivered as a mention shares the message key only.
    expect(await b.firstDelivery(undefined, 'message:C1:1.0')).toBe(false);
    expect(await b.firstDelivery('event:E2', 'message:C1:2.0')).toBe(true);
  });

  it('without its database a replica still answers (once per replica), says so once, and writes the keys back when it returns', async () => {
    const open = database();
    const sa = open();
    const log = logs();
    const a = new SharedDedupe(sa.deliveries, new DeliveryDedupe(), log.logger);
    const b = new SharedDedupe(open().deliveries, new DeliveryDedupe(), logs().logger);
    sa.state.down = true;
    expect(await a.firstDelivery('event:E1')).toBe(true);
    expect(await a.firstDelivery('event:E1')).toBe(false);
    expect(await a.firstDelivery('event:E2')).toBe(true);
    expect(log.lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    sa.state.down = false;
    expect(await a.firstDelivery('event:E3')).toBe(true);
    expect(log.lines.at(-1)).toMatch(/^info the store answers again/u);
    await new Promise((r) => setTimeout(r, 50));
    // Keys taken during the outage are in the database now: the other replica refuses their retries.
    expect(await b.firstDelivery('event:E1')).toBe(false);
    expect(await b.firstDelivery('event:E2')).toBe(false);
  });

  it('a store that never answers is given up on after the bound', async () => {
    const hanging = { firstDelivery: () => new Promise<boolean>(() => {}) };
    const d = new SharedDedupe(hanging, new DeliveryDedupe(), logs().logger, { storeTimeoutMs: 50 });
    const started = Date.now();
    expect(await d.firstDelivery('event:E1')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('shared rate limit', () => {
  it('one budget across replicas; each replica limits on its own while the database is away', async () => {
    const open = database();
    const sa = open();
    const limits = { capacity: 2, refillMs: 60_000 };
    const a = new SharedRateLimiter(sa.rateLimits, limits, logs().logger);
    const b = new SharedRateLimiter(open().rateLimits, limits, logs().logger);
    expect((await a.take('U1')).ok).toBe(true);
    expect((await b.take('U1')).ok).toBe(true);
    expect(await a.take('U1')).toMatchObject({ ok: false });
    expect(await b.take('U1')).toMatchObject({ ok: false });
    sa.state.down = true;
    expect((await a.take('U2')).ok).toBe(true);
    expect((await a.take('U2')).ok).toBe(true);
    expect((await a.take('U2')).ok).toBe(false);
  });
});

describe('shared thread memory', () => {
  it('a follow-up on another replica recalls what the thread established; the local memory covers an outage', async () => {
    const open = database();
    const sa = open();
    const a = new SharedThreads(sa.threads, new ThreadMemory(), logs().logger);
    const b = new SharedThreads(open().threads, new ThreadMemory(), logs().logger);
    await a.remember('T1:C1:1.0', { company: 'acme', metric: 'revenue' });
    expect(await b.recall('T1:C1:1.0')).toEqual({ company: 'acme', metric: 'revenue' });
    await b.remember('T1:C1:1.0', { company: 'acme', metric: 'gross_margin' });
    // The database wins over what replica A remembers locally: B moved the thread on.
    expect(await a.recall('T1:C1:1.0')).toEqual({ company: 'acme', metric: 'gross_margin' });
    sa.state.down = true;
    expect(await a.recall('T1:C1:1.0')).toEqual({ company: 'acme', metric: 'revenue' });
    // An answer that established nothing leaves the thread as it was.
    await b.remember('T1:C1:1.0', {});
    expect(await b.recall('T1:C1:1.0')).toEqual({ company: 'acme', metric: 'gross_margin' });
  });
});
