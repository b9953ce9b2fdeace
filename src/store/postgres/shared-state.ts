import type { QueryContext } from '../../core/answer.ts';
import { ExpirySweeper } from '../sweep.ts';
import type { DeliveryLog, RateBuckets, RateDecision, ThreadStore } from '../types.ts';
import type { PgConnection } from './connection.ts';

/**
 * Delivery keys, rate buckets and thread memory in PostgreSQL. Each operation is one
 * statement: the row lock taken by `INSERT ... ON CONFLICT DO UPDATE` makes replicas
 * racing on one key take turns, so exactly one wins a delivery and every question
 * takes one token.
 */

/** First writer of a key wins; an expired key can be written again. */
export class PgDeliveryLog implements DeliveryLog {
  private readonly sweeper = new ExpirySweeper();
  constructor(private readonly pg: PgConnection) {}

  async firstDelivery(keys: readonly string[], ttlMs: number, now: number): Promise<boolean> {
    // Sorted, so two deliveries sharing keys lock them in the same order (no deadlock).
    const unique = [...new Set(keys)].sort();
    const { rows } = await this.pg.query<{ key: string }>(
      `INSERT INTO deliveries (key, expires_at) SELECT k, $2::bigint FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE deliveries.expires_at <= $3::bigint
       RETURNING key`,
      [unique, now + ttlMs, now],
    );
    if (this.sweeper.due(now)) void this.pg.query('DELETE FROM deliveries WHERE expires_at <= $1', [now]).catch(() => undefined);
    return rows.length === unique.length;
  }
}

/** Token buckets: a burst of `capacity`, then one token per `refillMs`. */
export class PgRateBuckets implements RateBuckets {
  private readonly sweeper = new ExpirySweeper();
  constructor(private readonly pg: PgConnection) {}

  async take(key: string, capacity: number, refillMs: number, now: number): Promise<RateDecision> {
    const refilled = `LEAST($1::float8, rate_buckets.tokens + GREATEST(0, $3::bigint - rate_buckets.updated_at)::float8 / $2::float8)`;
    const { rows } = await this.pg.query<{ tokens: number; allowed: boolean }>(
      `INSERT INTO rate_buckets (key, tokens, updated_at, allowed) VALUES ($4, $1::float8 - 1, $3::bigint, TRUE)
       ON CONFLICT (key) DO UPDATE SET
         tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
         allowed = ${refilled} >= 1,
         updated_at = GREATEST(rate_buckets.updated_at, $3::bigint)
       RETURNING tokens, allowed`,
      [capacity, refillMs, now, key],
    );
    if (this.sweeper.due(now)) void this.pg.query('DELETE FROM rate_buckets WHERE updated_at < $1', [now - capacity * refillMs - 60_000]).catch(() => undefined);
    const row = rows[0]!;
    return row.allowed ? { ok: true } : { ok: false, retryAfterMs: Math.ceil((1 - row.tokens) * refillMs) };
  }
}

/** Thread memory: one JSON context per thread key, forgotten after its expiry. */
export class PgThreadStore implements ThreadStore {
  private readonly sweeper = new ExpirySweeper();
  constructor(private readonly pg: PgConnection) {}

  async recall(key: string, now: number): Promise<QueryContext | undefined> {
    const { rows } = await this.pg.query<{ context: string }>('SELECT context FROM thread_memory WHERE key = $1 AND expires_at > $2', [key, now]);
    return rows[0] ? (JSON.parse(rows[0].context) as QueryContext) : undefined;
  }

  async remember(key: string, context: QueryContext, ttlMs: number, now: number): Promise<void> {
    await this.pg.query(
      'INSERT INTO thread_memory (key, context, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at',
      [key, JSON.stringify(context), now + ttlMs],
    );
    if (this.sweeper.due(now)) void this.pg.query('DELETE FROM thread_memory WHERE expires_at <= $1', [now]).catch(() => undefined);
  }
}
