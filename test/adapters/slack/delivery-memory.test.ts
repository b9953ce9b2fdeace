import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, withDeadline } from '../../../src/adapters/slack/deadlines.ts';
import { DeliveryDedupe } from '../../../src/adapters/slack/dedupe.ts';
import { ThreadMemory, threadKey } from '../../../src/adapters/slack/thread-memory.ts';

describe('ThreadMemory over lru-cache', () => {
  it('forgets the least recently used thread beyond its size', () => {
    const m = new ThreadMemory({ maxThreads: 2 });
    m.remember('a', { company: 'a' });
    m.remember('b', { company: 'b' });
    expect(m.recall('a')).toEqual({ company: 'a' }); // a is now the most recent
    m.remember('c', { company: 'c' });
    expect(m.recall('b')).toBeUndefined();
    expect(m.recall('a')).toEqual({ company: 'a' });
    expect(m.size).toBe(2);
  });

  it('forgets threads idle longer than their time to live', () => {
    let now = 1_000;
    const m = new ThreadMemory({ ttlMs: 100, now: () => now });
    m.remember('a', { company: 'a' });
    now += 99;
    expect(m.recall('a')).toEqual({ company: 'a' });
    now += 200;
    expect(m.recall('a')).toBeUndefined();
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
