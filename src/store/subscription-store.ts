import type { Database, Statement } from 'better-sqlite3';
import type { ChannelRef } from '../core/channel.ts';
import type { RemoveResult, Subscription, SubscriptionRequest, SubscriptionService, Weekday } from '../core/subscriptions.ts';

interface SubscriptionRow {
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

const SELECT = `
  SELECT s.*, (SELECT MAX(week) FROM digest_sends d WHERE d.subscription_id = s.id AND d.status = 'sent') AS last_sent_week
  FROM subscriptions s`;

function toSubscription(row: SubscriptionRow): Subscription {
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
    id: row.id,
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

/** Subscriptions in SQLite: one per channel (platform, workspace, channel id). */
export class SubscriptionStore implements SubscriptionService {
  private readonly byChannel: Statement<[string, string, string], SubscriptionRow>;
  private readonly byId: Statement<[number], SubscriptionRow>;
  private readonly active: Statement<[], SubscriptionRow>;

  constructor(
    private readonly db: Database,
    readonly defaultTimeZone: string,
  ) {
    this.byChannel = db.prepare(`${SELECT} WHERE s.platform = ? AND s.workspace = ? AND s.channel_id = ?`);
    this.byId = db.prepare(`${SELECT} WHERE s.id = ?`);
    this.active = db.prepare(`${SELECT} WHERE s.status = 'active' ORDER BY s.id`);
  }

  get(channel: ChannelRef): Subscription | undefined {
    const row = this.byChannel.get(channel.platform, channel.workspace ?? '', channel.id);
    return row ? toSubscription(row) : undefined;
  }

  /** A subscription by id. */
  getById(id: number): Subscription | undefined {
    const row = this.byId.get(id);
    return row ? toSubscription(row) : undefined;
  }

  /** Every active subscription, for the scheduler. */
  listActive(): Subscription[] {
    return this.active.all().map(toSubscription);
  }

  save(channel: ChannelRef, request: SubscriptionRequest, now: Date): { subscription: Subscription; created: boolean } {
    const at = now.toISOString();
    const companies = JSON.stringify([...new Set(request.companies)]);
    return this.db
      .transaction(() => {
        const existing = this.get(channel);
        if (existing) {
          // Same id on purpose: the send log is keyed on it, so a week already posted stays posted.
          this.db
            .prepare(
              `UPDATE subscriptions SET companies = ?, weekday = ?, time = ?, time_zone = ?, status = 'active', paused_reason = NULL,
               active_since = ?, updated_at = ?, created_by = COALESCE(?, created_by) WHERE id = ?`,
            )
            .run(companies, request.weekday, request.time, request.timeZone, at, at, request.createdBy ?? null, existing.id);
          return { subscription: this.getById(existing.id)!, created: false };
        }
        const info = this.db
          .prepare(
            `INSERT INTO subscriptions (platform, workspace, channel_id, companies, weekday, time, time_zone, active_since, created_at, updated_at, created_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(channel.platform, channel.workspace ?? '', channel.id, companies, request.weekday, request.time, request.timeZone, at, at, at, request.createdBy ?? null);
        return { subscription: this.getById(Number(info.lastInsertRowid))!, created: true };
      })
      .immediate();
  }

  remove(channel: ChannelRef, now: Date, companies?: readonly string[]): RemoveResult {
    return this.db
      .transaction((): RemoveResult => {
        const existing = this.get(channel);
        if (!existing) return { kind: 'none' };
        if (!companies?.length) {
          this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(existing.id);
          return { kind: 'removed', subscription: existing };
        }
        if (existing.companies.length === 0) return { kind: 'follows_all', subscription: existing };
        const dropped = existing.companies.filter((c) => companies.includes(c));
        const notFollowed = companies.filter((c) => !existing.companies.includes(c));
        if (!dropped.length) return { kind: 'not_followed', subscription: existing, notFollowed };
        const left = existing.companies.filter((c) => !dropped.includes(c));
        if (!left.length) {
          this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(existing.id);
          return { kind: 'removed', subscription: existing };
        }
        this.db.prepare('UPDATE subscriptions SET companies = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(left), now.toISOString(), existing.id);
        return { kind: 'narrowed', subscription: this.getById(existing.id)!, dropped, notFollowed };
      })
      .immediate();
  }

  /** Stop posting to a subscription (its channel keeps failing); `/subscribe` resumes it. */
  pause(id: number, reason: string, now: Date): void {
    this.db.prepare(`UPDATE subscriptions SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ?`).run(reason.slice(0, 500), now.toISOString(), id);
  }
}
