import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, withDeadline } from '../../../src/adapters/slack/deadlines.ts';
import { DeliveryDedupe } from '../../../src/adapters/slack/dedupe.ts';
import { ExpiringLru } from '../../../src/adapters/slack/expiring-lru.ts';
import { ThreadMemory, threadKey } from '../../../src/adapters/slack/thread-memory.ts';

describe('ExpiringLru', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const lru = new ExpiringLru<string, number>({ maxEntries: 2, ttlMs: 60_000 });
    lru.set('a', 1, 0);
    lru.set('b', 2, 0);
    expect(lru.get('a', 1)).toBe(1); // a is now the most recent
    lru.set('c', 3, 2);
    expect(lru.get('b', 3)).toBeUndefined();
    expect(lru.get('a', 3)).toBe(1);
    expect(lru.size).toBe(2);
  });

  it('forgets entries older than their time to live', () => {
    const lru = new ExpiringLru<string, number>({ maxEntries: 10, ttlMs: 100 });
    lru.set('a', 1, 0);
    expect(lru.get('a', 99)).toBe(1);
    expect(lru.has('a', 300)).toBe(false);
    expect(lru.get('a', 300)).toBeUndefined();
  });
});

describe('DeliveryDedupe', () => {
  it('answers each delivery once, whichever of its keys repeats', () => {
    const d = new DeliveryDedupe();
    expect(d.firstDelivery('event:Ev1', 'message:C1:1.0')).toBe(true);
    expect(d.firstDelivery('event:Ev1', 'message:C1:1.0')).toBe(false);
    // Same message delivered under another event id (a DM that is also a mention).
    expect(d.firstDelivery('event:Ev2', 'message:C1:1.0')).toBe(false);
    expect(d.firstDelivery(undefined, 'message:C1:2.0')).toBe(true);
  });

  it('keeps bounded memory however many deliveries arrive', () => {
    const d = new DeliveryDedupe({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) d.firstDelivery(`event:${i}`);
    expect(d.size).toBe(100);
  });
});

describe('ThreadMemory', () => {
  it('remembers what a thread established, and ignores answers that established nothing', () => {
    const m = new ThreadMemory();
    const key = threadKey('T1', 'C1', '1.0');
    m.remember(key, { company: 'acme', metric: 'revenue', period: 'FY2022' });
    m.remember(key, {});
    m.remember(key, undefined);
    expect(m.recall(key)).toEqual({ company: 'acme', metric: 'revenue', period: 'FY2022' });
    expect(m.recall(threadKey('T1', 'C1', '2.0'))).toBeUndefined();
  });

  it('is bounded', () => {
    const m = new ThreadMemory({ maxThreads: 10 });
    for (let i = 0; i < 1000; i++) m.remember(threadKey('T', 'C', String(i)), { company: 'x' });
    expect(m.size).toBe(10);
  });
});

describe('withDeadline', () => {
  it('passes a result through, and rejects work that outlives the deadline', async () => {
    await expect(withDeadline(Promise.resolve(1), 1_000)).resolves.toBe(1);
    await expect(withDeadline(new Promise(() => {}), 20)).rejects.toBeInstanceOf(DeadlineExceededError);
  });
});
