import type { ClaimOptions, ClaimResult, SendStatus } from './types.ts';

/**
 * What a claim does to an existing send-log row, decided the same way for SQLite and
 * PostgreSQL (each runs it inside its own lock on the row).
 *
 * Row life: `claimed` (digest being built) → `posting` (the platform call is under
 * way) → `sent`; or `failed` (the platform refused; retried later, a bounded number of
 * times). A claim whose process died is recognised by its age (the lease):
 * - stale `claimed`: the post never started, so another process takes it over;
 * - stale `posting`: the post may or may not have reached the channel. Another process
 *   takes it over with `verifyFrom`: it asks the platform whether the post arrived and
 *   posts only if not; a platform that cannot tell makes it `unknown` (never retried:
 *   a missed digest is better than a double one).
 */

/** The fields of a row the policy reads. */
export interface ClaimRow {
  status: SendStatus;
  attempts: number;
  claimedBy: string;
  claimedAt: string;
  retryAt: string | null;
}

/** The write that goes with a decision. */
export type ClaimWrite =
  | { kind: 'none' }
  /** Take the row: status `claimed`, this instance, attempt number, late flag, `takenOverFrom`. */
  | { kind: 'take'; attempt: number; takenOverFrom: string | null }
  /** Give up on the week: status `failed`, keeping the first error. */
  | { kind: 'exhaust'; reason: string };

/** Decide a claim on an existing row. */
export function decideClaim(row: ClaimRow, o: ClaimOptions): { result: ClaimResult; write: ClaimWrite } {
  const at = o.now.toISOString();
  const stale = o.now.getTime() - Date.parse(row.claimedAt) >= o.leaseMs;
  const none = (result: ClaimResult) => ({ result, write: { kind: 'none' } as const });
  switch (row.status) {
    case 'sent':
      return none({ kind: 'sent' });
    case 'unknown':
      return none({ kind: 'unknown' });
    case 'posting':
    case 'claimed': {
      if (!stale) return none({ kind: 'busy', by: row.claimedBy });
      if (row.attempts >= o.maxAttempts && row.status === 'claimed') {
        return { result: { kind: 'exhausted', attempts: row.attempts }, write: { kind: 'exhaust', reason: 'the process stopped before posting' } };
      }
      const attempt = row.attempts + 1;
      const verifyFrom = row.status === 'posting' ? row.claimedBy : undefined;
      return { result: { kind: 'claimed', attempt, ...(verifyFrom ? { verifyFrom } : {}) }, write: { kind: 'take', attempt, takenOverFrom: row.claimedBy } };
    }
    case 'failed':
      if (row.attempts >= o.maxAttempts) return none({ kind: 'exhausted', attempts: row.attempts });
      if (row.retryAt && row.retryAt > at) return none({ kind: 'waiting', retryAt: row.retryAt });
      return { result: { kind: 'claimed', attempt: row.attempts + 1 }, write: { kind: 'take', attempt: row.attempts + 1, takenOverFrom: null } };
  }
}
