/**
 * Per-user rate limit for questions: a token bucket per key. A burst of `capacity`
 * questions is allowed, then one more every `refillMs`. Old buckets are dropped so a
 * long-running bot does not grow without bound.
 */
export interface RateLimitOptions {
  capacity: number;
  refillMs: number;
  /** Buckets idle for this long are forgotten. */
  idleMs?: number;
}

/** Result of asking for one question's worth of budget. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(key: string, now = Date.now()): RateDecision {
    this.sweep(now);
    const { capacity, refillMs } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updated: now };
    const refilled = Math.min(capacity, bucket.tokens + (now - bucket.updated) / refillMs);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, updated: now });
      return { ok: false, retryAfterMs: Math.ceil((1 - refilled) * refillMs) };
    }
    this.buckets.set(key, { tokens: refilled - 1, updated: now });
    return { ok: true };
  }

  private sweep(now: number): void {
    const idle = this.options.idleMs ?? 10 * 60_000;
    if (this.buckets.size < 1000) return;
    for (const [key, b] of this.buckets) if (now - b.updated > idle) this.buckets.delete(key);
  }
}

/** The polite refusal shown when a user asks too fast. */
export function rateLimitMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up with. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
