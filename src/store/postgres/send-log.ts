import type pg from 'pg';
import { decideClaim } from '../claim-policy.ts';
import { toSendRecord, type SendRow } from '../rows.ts';
import type { ClaimOptions, ClaimResult, SendLogRepository, SendRecord } from '../types.ts';
import type { PgConnection } from './connection.ts';

/**
 * The send log in PostgreSQL. A claim inserts the row if it is missing (the primary key
 * decides between replicas inserting at once), else locks it with `FOR UPDATE` and
 * applies the shared claim policy, all in one transaction.
 */
export class PgSendLog implements SendLogRepository {
  constructor(private readonly pg: PgConnection) {}

  async get(subscriptionId: number, week: string): Promise<SendRecord | undefined> {
    const { rows } = await this.pg.query<SendRow>('SELECT * FROM digest_sends WHERE subscription_id = $1 AND week = $2', [subscriptionId, week]);
    return rows[0] ? toSendRecord(rows[0]) : undefined;
  }

  async history(subscriptionId: number): Promise<SendRecord[]> {
    const { rows } = await this.pg.query<SendRow>('SELECT * FROM digest_sends WHERE subscription_id = $1 ORDER BY week', [subscriptionId]);
    return rows.map(toSendRecord);
  }

  claim(subscriptionId: number, week: string, o: ClaimOptions): Promise<ClaimResult> {
    const at = o.now.toISOString();
    return this.pg.transaction(async (c: pg.PoolClient): Promise<ClaimResult> => {
      const inserted = await c.query(
        `INSERT INTO digest_sends (subscription_id, week, status, attempts, claimed_by, claimed_at, late) VALUES ($1, $2, 'claimed', 1, $3, $4, $5)
         ON CONFLICT (subscription_id, week) DO NOTHING RETURNING 1`,
        [subscriptionId, week, o.instance, at, o.late],
      );
      if (inserted.rowCount === 1) return { kind: 'claimed', attempt: 1 };
      const { rows } = await c.query<SendRow>('SELECT * FROM digest_sends WHERE subscription_id = $1 AND week = $2 FOR UPDATE', [subscriptionId, week]);
      const { result, write } = decideClaim(toSendRecord(rows[0]!), o);
      if (write.kind === 'take') {
        await c.query(
          `UPDATE digest_sends SET status = 'claimed', attempts = $1, claimed_by = $2, claimed_at = $3, late = $4, retry_at = NULL,
           taken_over_from = COALESCE($5, taken_over_from) WHERE subscription_id = $6 AND week = $7`,
          [write.attempt, o.instance, at, o.late, write.takenOverFrom, subscriptionId, week],
        );
      } else if (write.kind === 'exhaust') {
        await c.query(`UPDATE digest_sends SET status = 'failed', last_error = COALESCE(last_error, $1) WHERE subscription_id = $2 AND week = $3`, [write.reason, subscriptionId, week]);
      }
      return result;
    });
  }

  async markPosting(subscriptionId: number, week: string, instance: string, now: Date): Promise<boolean> {
    const r = await this.pg.query(
      `UPDATE digest_sends SET status = 'posting', claimed_at = $1 WHERE subscription_id = $2 AND week = $3 AND status = 'claimed' AND claimed_by = $4`,
      [now.toISOString(), subscriptionId, week, instance],
    );
    return r.rowCount === 1;
  }

  async markSent(subscriptionId: number, week: string, instance: string, now: Date, postedBy = instance): Promise<void> {
    await this.pg.query(`UPDATE digest_sends SET status = 'sent', sent_at = $1, posted_by = $2, last_error = NULL WHERE subscription_id = $3 AND week = $4 AND claimed_by = $5`, [
      now.toISOString(),
      postedBy,
      subscriptionId,
      week,
      instance,
    ]);
  }

  async markFailed(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date | null): Promise<void> {
    await this.pg.query(`UPDATE digest_sends SET status = 'failed', last_error = $1, retry_at = $2 WHERE subscription_id = $3 AND week = $4 AND claimed_by = $5`, [
      error.slice(0, 500),
      retryAt?.toISOString() ?? null,
      subscriptionId,
      week,
      instance,
    ]);
  }

  async release(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date): Promise<void> {
    await this.pg.query(
      `UPDATE digest_sends SET status = 'failed', attempts = attempts - 1, last_error = $1, retry_at = $2
       WHERE subscription_id = $3 AND week = $4 AND claimed_by = $5 AND status = 'claimed'`,
      [error.slice(0, 500), retryAt.toISOString(), subscriptionId, week, instance],
    );
  }

  async markUnknown(subscriptionId: number, week: string, instance: string, error: string): Promise<void> {
    await this.pg.query(`UPDATE digest_sends SET status = 'unknown', last_error = $1 WHERE subscription_id = $2 AND week = $3 AND claimed_by = $4`, [
      error.slice(0, 500),
      subscriptionId,
      week,
      instance,
    ]);
  }
}
