import type { Database } from 'better-sqlite3';
import { decideClaim } from '../claim-policy.ts';
import { toSendRecord, type SendRow } from '../rows.ts';
import type { ClaimOptions, ClaimResult, SendLogRepository, SendRecord } from '../types.ts';

/**
 * The send log in SQLite. A claim runs as one IMMEDIATE transaction: the write lock is
 * taken before the row is read, so two processes on one file serialize.
 */
export class SqliteSendLog implements SendLogRepository {
  constructor(private readonly db: Database) {}

  async get(subscriptionId: number, week: string): Promise<SendRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM digest_sends WHERE subscription_id = ? AND week = ?').get(subscriptionId, week) as SendRow | undefined;
    return row ? toSendRecord(row) : undefined;
  }

  async history(subscriptionId: number): Promise<SendRecord[]> {
    return (this.db.prepare('SELECT * FROM digest_sends WHERE subscription_id = ? ORDER BY week').all(subscriptionId) as SendRow[]).map(toSendRecord);
  }

  async claim(subscriptionId: number, week: string, o: ClaimOptions): Promise<ClaimResult> {
    const at = o.now.toISOString();
    return this.db
      .transaction((): ClaimResult => {
        const row = this.db.prepare('SELECT * FROM digest_sends WHERE subscription_id = ? AND week = ?').get(subscriptionId, week) as SendRow | undefined;
        if (!row) {
          this.db
            .prepare(`INSERT INTO digest_sends (subscription_id, week, status, attempts, claimed_by, claimed_at, late) VALUES (?, ?, 'claimed', 1, ?, ?, ?)`)
            .run(subscriptionId, week, o.instance, at, o.late ? 1 : 0);
          return { kind: 'claimed', attempt: 1 };
        }
        const r = toSendRecord(row);
        const { result, write } = decideClaim(r, o);
        if (write.kind === 'take') {
          this.db
            .prepare(
              `UPDATE digest_sends SET status = 'claimed', attempts = ?, claimed_by = ?, claimed_at = ?, late = ?, retry_at = NULL,
               taken_over_from = COALESCE(?, taken_over_from) WHERE subscription_id = ? AND week = ?`,
            )
            .run(write.attempt, o.instance, at, o.late ? 1 : 0, write.takenOverFrom, subscriptionId, week);
        } else if (write.kind === 'exhaust') {
          this.db
            .prepare(`UPDATE digest_sends SET status = 'failed', last_error = COALESCE(last_error, ?) WHERE subscription_id = ? AND week = ?`)
            .run(write.reason, subscriptionId, week);
        }
        return result;
      })
      .immediate();
  }

  async markPosting(subscriptionId: number, week: string, instance: string, now: Date): Promise<boolean> {
    const info = this.db
      .prepare(`UPDATE digest_sends SET status = 'posting', claimed_at = ? WHERE subscription_id = ? AND week = ? AND status = 'claimed' AND claimed_by = ?`)
      .run(now.toISOString(), subscriptionId, week, instance);
    return info.changes === 1;
  }

  async markSent(subscriptionId: number, week: string, instance: string, now: Date, postedBy = instance): Promise<void> {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'sent', sent_at = ?, posted_by = ?, last_error = NULL WHERE subscription_id = ? AND week = ? AND claimed_by = ?`)
      .run(now.toISOString(), postedBy, subscriptionId, week, instance);
  }

  async markFailed(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date | null): Promise<void> {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'failed', last_error = ?, retry_at = ? WHERE subscription_id = ? AND week = ? AND claimed_by = ?`)
      .run(error.slice(0, 500), retryAt?.toISOString() ?? null, subscriptionId, week, instance);
  }

  async release(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date): Promise<void> {
    this.db
      .prepare(
        `UPDATE digest_sends SET status = 'failed', attempts = attempts - 1, last_error = ?, retry_at = ?
         WHERE subscription_id = ? AND week = ? AND claimed_by = ? AND status = 'claimed'`,
      )
      .run(error.slice(0, 500), retryAt.toISOString(), subscriptionId, week, instance);
  }

  async markUnknown(subscriptionId: number, week: string, instance: string, error: string): Promise<void> {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'unknown', last_error = ? WHERE subscription_id = ? AND week = ? AND claimed_by = ?`)
      .run(error.slice(0, 500), subscriptionId, week, instance);
  }
}
