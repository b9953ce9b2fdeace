import type { QueryContext } from '../../core/answer.ts';
import type { DeliveryLog, RateBuckets, RateDecision, ThreadStore } from '../../store/types.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';

/**
 * Delivery de-duplication, rate limits and thread memory for replicas: the store is the
 * truth, the in-process structures are a cache in front (de-duplication) and the
 * fallback while the database is unreachable. A question never waits on the database
 * for long: past `storeTimeoutMs` the local answer is used, so a replica that lost its
 * database keeps answering (de-duplicated per replica only, until the database is back).
 */

/** The in-process de-duplication (`dedupe.ts`): records keys, true when none was seen. */
export interface LocalDedupe {
  firstDelivery(...keys: Array<string | undefined>): boolean;
}

/** The in-process thread memory (`thread-memory.ts`). */
export interface LocalThreads {
  recall(key: string): QueryContext | undefined;
  remember(key: string, context: QueryContext | undefined): void;
}

/** Where outages are reported (once when the store stops answering, once when it is back). */
export interface StateLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

/** Timing of the shared state. */
export interface SharedStateOptions {
  /**
   * Longest wait for the store before the local answer is used (default 12 s, past the
   * PostgreSQL pool's own connect and query timeouts, which normally fail first).
   */
  storeTimeoutMs?: number;
  /** How long a delivery key is remembered (default 2 h; Slack retries for about an hour). */
  dedupeTtlMs?: number;
  /** How long an idle thread is remembered (default 24 h). */
  threadTtlMs?: number;
  now?: () => number;
}

const DEFAULT_STORE_TIMEOUT_MS = 12_000;

/** Tracks whether the store answers, to log an outage once rather than per question. */
class Outage {
  private down = false;
  constructor(
    private readonly logger: StateLogger,
    private readonly what: string,
  ) {}
  failed(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `the store did not answer; ${this.what} is per replica until it is back`);
  }
  answered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info({}, `the store answers again; ${this.what} is shared again`);
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * First delivery wins across replicas. A key this replica has seen is refused without
 * asking the store; keys accepted while the store was down are written to it when it
 * answers again, so a retry reaching another replica afterwards is still refused.
 */
export class SharedDedupe {
  private readonly outage: Outage;
  private readonly pending = new Map<string, { keys: string[]; expires: number }>();
  private readonly o: Required<Pick<SharedStateOptions, 'storeTimeoutMs' | 'dedupeTtlMs' | 'now'>>;

  constructor(
    private readonly store: DeliveryLog | undefined,
    private readonly local: LocalDedupe,
    logger: StateLogger,
    options: SharedStateOptions = {},
  ) {
    this.outage = new Outage(logger, 'de-duplication of retried deliveries');
    this.o = { storeTimeoutMs: options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS, dedupeTtlMs: options.dedupeTtlMs ?? 2 * 60 * 60_000, now: options.now ?? Date.now };
  }

  /** True when this delivery is the first of its keys: the caller answers it. */
  async firstDelivery(...keys: Array<string | undefined>): Promise<boolean> {
    const present = keys.filter((k): k is string => Boolean(k));
    if (!this.local.firstDelivery(...present)) return false;
    if (!this.store || !present.length) return true;
    const now = this.o.now();
    try {
      const first = await within(this.store.firstDelivery(present, this.o.dedupeTtlMs, now), this.o.storeTimeoutMs);
      this.outage.answered();
      if (this.pending.size) void this.flush();
      return first;
    } catch (error) {
      this.outage.failed(error);
      if (this.pending.size < 10_000) this.pending.set(present.join('\n'), { keys: present, expires: now + this.o.dedupeTtlMs });
      return true;
    }
  }

  /** Write the keys accepted during an outage (they were answered here). */
  private async flush(): Promise<void> {
    for (const [id, entry] of [...this.pending]) {
      this.pending.delete(id);
      const now = this.o.now();
      if (entry.expires <= now) continue;
      try {
        await within(this.store!.firstDelivery(entry.keys, entry.expires - now, now), this.o.storeTimeoutMs);
      } catch {
        this.pending.set(id, entry);
        return;
      }
    }
  }
}

/** Per-user token buckets in the store (one budget across replicas); local buckets while it is down. */
export class SharedRateLimiter {
  private readonly outage: Outage;
  private readonly local: RateLimiter;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: RateBuckets | undefined,
    private readonly limits: RateLimitOptions,
    logger: StateLogger,
    options: SharedStateOptions = {},
  ) {
    this.outage = new Outage(logger, 'the rate limit');
    this.local = new RateLimiter(limits);
    this.timeoutMs = options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  async take(key: string): Promise<RateDecision> {
    const now = this.now();
    if (!this.store) return this.local.take(key, now);
    try {
      const decision = await within(this.store.take(key, this.limits.capacity, this.limits.refillMs, now), this.timeoutMs);
      this.outage.answered();
      return decision;
    } catch (error) {
      this.outage.failed(error);
      return this.local.take(key, now);
    }
  }
}

/**
 * Thread memory in the store, so a follow-up reaching another replica keeps its
 * context. The store is read first (another replica may have moved the thread on);
 * the local memory answers only while the store does not.
 */
export class SharedThreads {
  private readonly outage: Outage;
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: ThreadStore | undefined,
    private readonly local: LocalThreads,
    private readonly logger: StateLogger,
    options: SharedStateOptions = {},
  ) {
    this.outage = new Outage(logger, 'thread memory');
    this.timeoutMs = options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
    this.ttlMs = options.threadTtlMs ?? 24 * 60 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async recall(key: string): Promise<QueryContext | undefined> {
    if (!this.store) return this.local.recall(key);
    try {
      const context = await within(this.store.recall(key, this.now()), this.timeoutMs);
      this.outage.answered();
      return context;
    } catch (error) {
      this.outage.failed(error);
      return this.local.recall(key);
    }
  }

  /** Keep what an answer established; answers that established nothing leave it as it was. */
  async remember(key: string, context: QueryContext | undefined): Promise<void> {
    this.local.remember(key, context);
    if (!this.store || !context || !(context.company || context.metric)) return;
    try {
      await within(this.store.remember(key, context, this.ttlMs, this.now()), this.timeoutMs);
      this.outage.answered();
    } catch (error) {
      this.outage.failed(error);
    }
  }
}
