import type { ChannelRef } from '../core/channel.ts';
import type { Subscription, Weekday } from '../core/subscriptions.ts';
import type { SendRecord, SendStatus } from './types.ts';

/** Rows as SQLite and PostgreSQL return them, and their conversion to records. */

/** A subscription row as either database returns it (with the latest week sent). */
export interface SubscriptionRow {
  id: number;
  platform: ChannelRef['platform'];
  workspace: string;
  channel_id: string;
  companies: string;
  weekday: number;
  time: string;
  time_zone: string;
  status: 'active' | 'paused';
  paused_reason: string | null;
  active_since: string;
  created_at: string;
  created_by: string | null;
  last_sent_week: string | null;
}

/** Subscriptions with the latest week sent; the same SQL for both databases. */
export const SUBSCRIPTION_SELECT = `
  SELECT s.*, (SELECT MAX(week) FROM digest_sends d WHERE d.subscription_id = s.id AND d.status = 'sent') AS last_sent_week
  FROM subscriptions s`;

/** A row as the subscription commands see it. */
export function toSubscription(row: SubscriptionRow): Subscription {
  const channel: ChannelRef = { platform: row.platform, id: row.channel_id };
  if (row.workspace) channel.workspace = row.workspace;
  let companies: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.companies);
    if (Array.isArray(parsed)) companies = parsed.filter((c): c is string => typeof c === 'string');
  } catch {
    // A hand-edited, broken list reads as "all companies" rather than failing every digest.
  }
  return {
    id: Number(row.id),
    channel,
    companies,
    weekday: row.weekday as Weekday,
    time: row.time,
    timeZone: row.time_zone,
    status: row.status,
    pausedReason: row.paused_reason,
    activeSince: row.active_since,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastSentWeek: row.last_sent_week,
  };
}

/** A send-log row as either database returns it (snake case). */
export interface SendRow {
  subscription_id: number;
  week: string;
  status: SendStatus;
  attempts: number;
  claimed_by: string;
  claimed_at: string;
  sent_at: string | null;
  posted_by: string | null;
  taken_over_from: string | null;
  late: number | boolean;
  last_error: string | null;
  retry_at: string | null;
}

/** A row of either database as the send log's record. */
export function toSendRecord(r: SendRow): SendRecord {
  return {
    subscriptionId: Number(r.subscription_id),
    week: r.week,
    status: r.status,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    sentAt: r.sent_at,
    postedBy: r.posted_by,
    takenOverFrom: r.taken_over_from,
    late: r.late === 1 || r.late === true,
    lastError: r.last_error,
    retryAt: r.retry_at,
  };
}

