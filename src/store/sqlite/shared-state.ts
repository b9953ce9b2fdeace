import type { Database } from 'better-sqlite3';
import type { QueryContext } from '../../core/answer.ts';
import type { DeliveryLog, RateBuckets, RateDecision, ThreadStore } from '../types.ts';
import { ExpirySweeper } from '../sweep.ts';

/**
 * Delivery keys, rate buckets and thread memory in SQLite: the same tables and rules
 * as in PostgreSQL, so two processes sharing one file (or one machine's restarts)
 * agree. Each write is one statement or one IMMEDIATE transaction.
 */

/** First writer of a key wins; an expired key can be written again. */
export class SqliteDeliveryLog implements DeliveryLog {
  private readonly sweeper = new ExpirySweeper();
  constructor(private readonly db: Database) {}

  async firstDelivery(keys: readonly string[], ttlMs: number, now: number): Promise<boolean> {
    const claim = this.db.prepare(
      `INSERT INTO deliveries (key, expires_at) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE deliveries.expires_at <= ?
       RETURNING key`,
    );
    const won = this.db
      .transaction(() => {
        let fresh = 0;
        for (const key of [...new Set(keys)]) if (claim.get(key, now + ttlMs, now)) fresh += 1;
        return fresh === new Set(keys).size;
      })
      .immediate();
    if (this.sweeper.due(now)) this.db.prepare('DELETE FROM deliveries WHERE expires_at <= ?').run(now);
    return won;
  }
}

/** Token buckets: a burst of `capacity`, then one token per `refillMs`. */
export class SqliteRateBuckets implements RateBuckets {
  private readonly sweeper = new ExpirySweeper();
  constructor(private readonly db: Database) {}

  async take(key: string, capacity: number, refillMs: number, now: number): Promise<RateDecision> {
    // The refill is computed in SQL so that the read and the write are one statement.
    const refilled = `MIN(@capacity, rate_buckets.tokens + MAX(0, @now - rate_buckets.updated_at) * 1.0 / @refillMs)`;
    const row = this.db
      .prepare(
        `INSERT INTO rate_buckets (key, tokens, updated_at, allowed) VALUES (@key, @capacity - 1, @now, 1)
         ON CONFLICT (key) DO UPDATE SET
           tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
           allowed = ${refilled} >= 1,
           updated_at = MAX(rate_buckets.updated_at, @now)
         RETURNING tokens, allowed`,
      )
      .get({ capacity, refillMs, now, key }) as { tokens: number; allowed: number };
    if (this.sweeper.due(now)) this.db.prepare('DELETE FROM rate_buckets WHERE updated_at < ?').run(now - capacity * refillMs - 60_000);
    return row.allowed ? { ok: true } : { ok: false, retryAfterMs: Math.ceil((1 - row.tokens) * refillMs) };
  }
}

/** Thread memory: one JSON context per thread key, forgotten after its expiry. */
export class SqliteThreadStore implements ThreadStore {
  private readonly sweeper = new ExpirySweeper();
  constructor(private readonly db: Database) {}

  async recall(key: string, now: number): Promise<QueryContext | undefined> {
    const row = this.db.prepare('SELECT context FROM thread_memory WHERE key = ? AND expires_at > ?').get(key, now) as { context: string } | undefined;
    return row ? (JSON.parse(row.context) as QueryContext) : undefined;
  }

  async remember(key: string, context: QueryContext, ttlMs: number, now: number): Promise<void> {
    this.db
      .prepare('INSERT INTO thread_memory (key, context, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at')
      .run(key, JSON.stringify(context), now + ttlMs);
    if (this.sweeper.due(now)) this.db.prepare('DELETE FROM thread_memory WHERE expires_at <= ?').run(now);
  }
}
