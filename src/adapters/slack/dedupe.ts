import { LRUCache } from 'lru-cache';

/**
 * Slack redelivers an event or command it thinks we missed (HTTP retries carry
 * `x-slack-retry-num`, Socket Mode envelopes `retry_attempt`), and a DM can arrive both
 * as a message and as a mention. Each delivery key is answered once; the memory is
 * bounded because the bot runs for weeks.
 */
export class DeliveryDedupe {
  private readonly seen: LRUCache<string, true>;

  constructor(options: { maxEntries?: number; ttlMs?: number } = {}) {
    // Slack retries for about an hour at most (three attempts with backoff).
    this.seen = new LRUCache({ max: options.maxEntries ?? 10_000, ttl: options.ttlMs ?? 2 * 60 * 60_000 });
  }

  /**
   * Record the keys of one delivery. True when none was seen before: the caller answers.
   * Keys that are undefined (a payload without that id) are ignored.
   */
  firstDelivery(...keys: Array<string | undefined>): boolean {
    const present = keys.filter((k): k is string => Boolean(k));
    const repeated = present.some((k) => this.seen.has(k));
    for (const k of present) this.seen.set(k, true);
    return !repeated;
  }

  get size(): number {
    return this.seen.size;
  }
}
