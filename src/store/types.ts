import type { ChannelRef } from '../core/channel.ts';
import type { QueryContext } from '../core/answer.ts';
import type { Subscription, SubscriptionService } from '../core/subscriptions.ts';

/**
 * The bot's store, whichever database holds it: SQLite (one machine, the default) or
 * PostgreSQL (several replicas). Everything replicas must agree on lives here:
 * subscriptions, the digest send log and its claims, Slack delivery de-duplication,
 * rate-limit buckets and thread memory. Every method is asynchronous because
 * PostgreSQL is; the SQLite implementation answers at once.
 */
export interface BotStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for the banner and `/healthz`; never contains a password. */
  readonly location: string;
  readonly subscriptions: SubscriptionRepository;
  readonly sendLog: SendLogRepository;
  readonly deliveries: DeliveryLog;
  readonly rateLimits: RateBuckets;
  readonly threads: ThreadStore;
  /** A cheap round trip to the database, bounded in time. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** What `/healthz` says about the store. */
export interface StoreHealth {
  kind: BotStore['kind'];
  location: string;
  ok: boolean;
  /** Why it is not ok (connection refused, timed out...). */
  error?: string;
}

/** Subscriptions as the scheduler and commands use them. */
export interface SubscriptionRepository extends SubscriptionService {
  getById(id: number): Promise<Subscription | undefined>;
  /** Every active subscription, oldest first. */
  listActive(): Promise<Subscription[]>;
  /** Stop posting to a subscription (its channel keeps failing); `/subscribe` resumes it. */
  pause(id: number, reason: string, now: Date): Promise<void>;
}

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
  /** The process whose post reached the channel (set with `sent`). */
  postedBy: string | null;
  /** The process whose claim expired and was taken over, if any. */
  takenOverFrom: string | null;
  late: boolean;
  lastError: string | null;
  retryAt: string | null;
}

/** Outcome of trying to claim a digest. */
export type ClaimResult =
  /**
   * This process holds the claim. With `verifyFrom`, the previous holder died while
   * posting: the post may have reached the channel, so check before posting again.
   */
  | { kind: 'claimed'; attempt: number; verifyFrom?: string }
  | { kind: 'sent' }
  /** Another live process holds the claim. */
  | { kind: 'busy'; by: string }
  /** The last attempt failed; the next one is due at `retryAt`. */
  | { kind: 'waiting'; retryAt: string }
  /** Every attempt failed. */
  | { kind: 'exhausted'; attempts: number }
  /** The outcome of a post is unknown (it timed out, or could not be checked); not retried. */
  | { kind: 'unknown' };

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

/**
 * The log of weekly digests, one row per (subscription, week): a digest is posted only
 * by the process holding its row's claim. See `claim-policy.ts` for the row's life.
 */
export interface SendLogRepository {
  get(subscriptionId: number, week: string): Promise<SendRecord | undefined>;
  /** Every row of a subscription, oldest week first. */
  history(subscriptionId: number): Promise<SendRecord[]>;
  /** Claim the digest of a week for this process; atomic against other processes. */
  claim(subscriptionId: number, week: string, options: ClaimOptions): Promise<ClaimResult>;
  /**
   * Record that the platform call is about to start. False when this process no longer
   * holds the claim (it was taken over after the lease ran out): then it must not post.
   */
  markPosting(subscriptionId: number, week: string, instance: string, now: Date): Promise<boolean>;
  /** Record a post that reached the channel, made by `postedBy` (default: the claim holder). */
  markSent(subscriptionId: number, week: string, instance: string, now: Date, postedBy?: string): Promise<void>;
  /** Record a refused post; the next claim may retry from `retryAt` (null: at once) while attempts remain. */
  markFailed(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date | null): Promise<void>;
  /** Give a claim back without posting (the bot itself failed); the attempt does not count. */
  release(subscriptionId: number, week: string, instance: string, error: string, retryAt: Date): Promise<void>;
  /** Record a post whose outcome is unknown: never retried. */
  markUnknown(subscriptionId: number, week: string, instance: string, error: string): Promise<void>;
}

/**
 * Delivery de-duplication shared by replicas: the first writer of a key wins, and a key
 * is remembered until it expires (Slack stops retrying long before).
 */
export interface DeliveryLog {
  /**
   * Record the keys of one delivery; true when none of them was recorded (and fresh)
   * before, i.e. this caller answers. Atomic: of two concurrent callers, one wins.
   */
  firstDelivery(keys: readonly string[], ttlMs: number, now: number): Promise<boolean>;
}

/** Result of asking for one question's worth of budget. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Token buckets shared by replicas (one atomic read-modify-write per question). */
export interface RateBuckets {
  take(key: string, capacity: number, refillMs: number, now: number): Promise<RateDecision>;
}

/** Thread memory shared by replicas: what a conversation established, with an expiry. */
export interface ThreadStore {
  recall(key: string, now: number): Promise<QueryContext | undefined>;
  remember(key: string, context: QueryContext, ttlMs: number, now: number): Promise<void>;
}

/** A channel as stored: platform, workspace ('' when none) and id. */
export function channelKey(channel: ChannelRef): [ChannelRef['platform'], string, string] {
  return [channel.platform, channel.workspace ?? '', channel.id];
}
