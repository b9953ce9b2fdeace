import type { Database } from 'better-sqlite3';

/**
 * The log of weekly digests, one row per (subscription, week). A digest is posted only
 * by the process that claimed its row, and the claim is taken inside a write
 * transaction against the primary key, so two processes on one database file (or a
 * restarted one) can never both post it.
 *
 * Row life: `claimed` (digest being built) → `posting` (the platform call is under
 * way) → `sent`; or `failed` (the platform refused; retried later, a bounded number of
 * times). A claim whose process died is recognised by its age (the lease):
 * - stale `claimed`: the post never started, so it is safe to claim again;
 * - stale `posting`: the post may or may not have reached the channel. It becomes
 *   `unknown` and is never retried: a missed digest is better than a double one.
 */

/** Status of a send-log row. */
export type SendStatus = 'claimed' | 'posting' | 'sent' | 'failed' | 'unknown';

/** One row of the send log. */
export interface SendRecord {
  subscriptionId: number;
  /** Monday (YYYY-MM-DD) of the digest week. */
  week: string;
  status: SendStatus;
  attempts: number;
  claimedBy: string;
  claimedAt: string;
  sentAt: string | null;
  late: boolean;
  lastError: string | null;
  retryAt: string | null;
}

/** Outcome of trying to claim a digest. */
export type ClaimResult =
  | { kind: 'claimed'; attempt: number }
  | { kind: 'sent' }
  /** Another live process holds the claim. */
  | { kind: 'busy'; by: string }
  /** The last attempt failed; the next one is due at `retryAt`. */
  | { kind: 'waiting'; retryAt: string }
  /** Every attempt failed. */
  | { kind: 'exhausted'; attempts: number }
  /** A process died while posting; the outcome is unknown and it is not retried. */
  | { kind: 'unknown'; recovered: boolean };

/** Policy of a claim. */
export interface ClaimOptions {
  /** Who claims: a per-process id, for diagnosis. */
  instance: string;
  now: Date;
  late: boolean;
  /** Age after which a claim is taken as left behind by a dead process (ms). */
  leaseMs: number;
  /** Attempts allowed per week, including the first. */
  maxAttempts: number;
}

interface SendRow {
  subscription_id: number;
  week: string;
  status: SendStatus;
  attempts: number;
  claimed_by: string;
  claimed_at: string;
  sent_at: string | null;
  late: number;
  last_error: string | null;
  retry_at: string | null;
}

function toRecord(r: SendRow): SendRecord {
  return {
    subscriptionId: r.subscription_id,
    week: r.week,
    status: r.status,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    sentAt: r.sent_at,
    late: r.late === 1,
    lastError: r.last_error,
    retryAt: r.retry_at,
  };
}

/** The send log in SQLite. */
export class SendLog {
  constructor(private readonly db: Database) {}

  /** The row of a subscription and week, if any. */
  get(subscriptionId: number, week: string): SendRecord | undefined {
    const row = this.db.prepare('SELECT * FROM digest_sends WHERE subscription_id = ? AND week = ?').get(subscriptionId, week) as SendRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Every row of a subscription, oldest week first. */
  history(subscriptionId: number): SendRecord[] {
    return (this.db.prepare('SELECT * FROM digest_sends WHERE subscription_id = ? ORDER BY week').all(subscriptionId) as SendRow[]).map(toRecord);
  }

  /**
   * Claim the digest of a week for this process. Runs as one IMMEDIATE transaction:
   * the write lock is taken before the row is read, so two claimers serialize.
   */
  claim(subscriptionId: number, week: string, o: ClaimOptions): ClaimResult {
    const at = o.now.toISOString();
    const stale = (claimedAt: string) => o.now.getTime() - Date.parse(claimedAt) >= o.leaseMs;
    const take = (attempt: number): ClaimResult => {
      this.db
        .prepare(
          `UPDATE digest_sends SET status = 'claimed', attempts = ?, claimed_by = ?, claimed_at = ?, late = ?, retry_at = NULL
           WHERE subscription_id = ? AND week = ?`,
        )
        .run(attempt, o.instance, at, o.late ? 1 : 0, subscriptionId, week);
      return { kind: 'claimed', attempt };
    };
    return this.db
      .transaction((): ClaimResult => {
        const row = this.db.prepare('SELECT * FROM digest_sends WHERE subscription_id = ? AND week = ?').get(subscriptionId, week) as SendRow | undefined;
        if (!row) {
          this.db
            .prepare(`INSERT INTO digest_sends (subscription_id, week, status, attempts, claimed_by, claimed_at, late) VALUES (?, ?, 'claimed', 1, ?, ?, ?)`)
            .run(subscriptionId, week, o.instance, at, o.late ? 1 : 0);
          return { kind: 'claimed', attempt: 1 };
        }
        switch (row.status) {
          case 'sent':
            return { kind: 'sent' };
          case 'unknown':
            return { kind: 'unknown', recovered: false };
          case 'posting':
            if (!stale(row.claimed_at)) return { kind: 'busy', by: row.claimed_by };
            this.db
              .prepare(`UPDATE digest_sends SET status = 'unknown', last_error = ? WHERE subscription_id = ? AND week = ?`)
              .run(`process ${row.claimed_by} stopped while posting; not retried to avoid a double post`, subscriptionId, week);
            return { kind: 'unknown', recovered: true };
          case 'claimed':
            if (!stale(row.claimed_at)) return { kind: 'busy', by: row.claimed_by };
            if (row.attempts >= o.maxAttempts) return this.exhaust(row, 'the process stopped before posting');
            return take(row.attempts + 1);
          case 'failed':
            if (row.attempts >= o.maxAttempts) return { kind: 'exhausted', attempts: row.attempts };
            if (row.retry_at && row.retry_at > at) return { kind: 'waiting', retryAt: row.retry_at };
            return take(row.attempts + 1);
        }
      })
      .immediate();
  }

  private exhaust(row: SendRow, reason: string): ClaimResult {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'failed', last_error = COALESCE(last_error, ?) WHERE subscription_id = ? AND week = ?`)
      .run(reason, row.subscription_id, row.week);
    return { kind: 'exhausted', attempts: row.attempts };
  }

  /**
   * Record that the platform call is about to start. Returns false when this process
   * no longer holds the claim (it was taken over after the lease ran out): then it
   * must not post.
   */
  markPosting(subscriptionId: number, week: string, instance: string, now: Date): boolean {
    const info = this.db
      .prepare(`UPDATE digest_sends SET status = 'posting', claimed_at = ? WHERE subscription_id = ? AND week = ? AND status = 'claimed' AND claimed_by = ?`)
      .run(now.toISOString(), subscriptionId, week, instance);
    return info.changes === 1;
  }

  /** Record a successful post. */
  markSent(subscriptionId: number, week: string, instance: string, now: Date): void {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'sent', sent_at = ?, last_error = NULL WHERE subscription_id = ? AND week = ? AND claimed_by = ?`)
      .run(now.toISOString(), subscriptionId, week, instance);
  }

  /** Record a refused post; the next claim may retry from `retryAt` (null: at once) while attempts remain. */
  markFailed(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date | null): void {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'failed', last_error = ?, retry_at = ? WHERE subscription_id = ? AND week = ? AND claimed_by = ?`)
      .run(error.slice(0, 500), retryAt?.toISOString() ?? null, subscriptionId, week, instance);
  }

  /**
   * Give a claim back without posting, when the bot itself failed (the digest could not
   * be built): the attempt does not count against the channel, and is retried from `retryAt`.
   */
  release(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date): void {
    this.db
      .prepare(
        `UPDATE digest_sends SET status = 'failed', attempts = attempts - 1, last_error = ?, retry_at = ?
         WHERE subscription_id = ? AND week = ? AND claimed_by = ? AND status = 'claimed'`,
      )
      .run(error.slice(0, 500), retryAt.toISOString(), subscriptionId, week, instance);
  }

  /** Record a post whose outcome is unknown (it timed out): never retried. */
  markUnknown(subscriptionId: number, week: string, instance: string, error: string): void {
    this.db
      .prepare(`UPDATE digest_sends SET status = 'unknown', last_error = ? WHERE subscription_id = ? AND week = ? AND claimed_by = ?`)
      .run(error.slice(0, 500), subscriptionId, week, instance);
  }
}
