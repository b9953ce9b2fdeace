import type { ChannelRef } from './channel.ts';

/**
 * Weekly summary subscriptions as the commands see them. The contract is platform-free
 * and storage-free: the SQLite and PostgreSQL stores (src/store) implement it, and
 * commands answer "subscriptions need the bot's database" when a front end runs
 * without one. Methods are asynchronous because the database may be across a network.
 */

/** ISO weekday: Monday 1 ... Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a weekly digest is posted: a weekday and a local time in an IANA time zone. */
export interface WeeklySchedule {
  weekday: Weekday;
  /** Local wall-clock time, `HH:MM`, 24-hour. */
  time: string;
  /** Canonical IANA name, e.g. `Asia/Shanghai`. */
  timeZone: string;
}

/** One channel's subscription (a channel has at most one). */
export interface Subscription extends WeeklySchedule {
  id: number;
  channel: ChannelRef;
  /** Company ids from the registry; empty means every company the corpus covers. */
  companies: string[];
  status: 'active' | 'paused';
  /** Why the scheduler paused it (posting kept failing), null when active. */
  pausedReason: string | null;
  /**
   * When the subscription last took effect (created, changed or resumed), ISO 8601.
   * A scheduled slot before this instant is never owed a digest.
   */
  activeSince: string;
  createdAt: string;
  /** User id of whoever last subscribed the channel. */
  createdBy: string | null;
  /** Monday (YYYY-MM-DD) of the latest week whose digest was posted. */
  lastSentWeek: string | null;
}

/** What `/subscribe` asks for. */
export interface SubscriptionRequest extends WeeklySchedule {
  companies: string[];
  createdBy?: string;
}

/** What `/unsubscribe` did. */
export type RemoveResult =
  | { kind: 'none' }
  | { kind: 'removed'; subscription: Subscription }
  /** Only some companies were dropped; the subscription stays with the others. */
  | { kind: 'narrowed'; subscription: Subscription; dropped: string[]; notFollowed: string[] }
  /** The channel follows all companies; dropping some would need an explicit list. */
  | { kind: 'follows_all'; subscription: Subscription }
  /** None of the companies named are followed. */
  | { kind: 'not_followed'; subscription: Subscription; notFollowed: string[] };

/** Subscriptions per channel, as commands use them. */
export interface SubscriptionService {
  /** Time zone used when `/subscribe` names none (`DEFAULT_TZ`). */
  readonly defaultTimeZone: string;
  /** The channel's subscription, if any. */
  get(channel: ChannelRef): Promise<Subscription | undefined>;
  /** Create the channel's subscription or replace its settings; a paused one becomes active. */
  save(channel: ChannelRef, request: SubscriptionRequest, now: Date): Promise<{ subscription: Subscription; created: boolean }>;
  /** Remove the subscription, or with `companies` only those companies. */
  remove(channel: ChannelRef, now: Date, companies?: readonly string[]): Promise<RemoveResult>;
}
