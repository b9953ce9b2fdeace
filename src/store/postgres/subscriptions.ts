import type { ChannelRef } from '../../core/channel.ts';
import type { RemoveResult, Subscription, SubscriptionRequest } from '../../core/subscriptions.ts';
import { SUBSCRIPTION_SELECT, toSubscription, type SubscriptionRow } from '../rows.ts';
import { channelKey, type SubscriptionRepository } from '../types.ts';
import type { PgConnection } from './connection.ts';

/** Subscriptions in PostgreSQL: one per channel (platform, workspace, channel id). */
export class PgSubscriptions implements SubscriptionRepository {
  constructor(
    private readonly pg: PgConnection,
    readonly defaultTimeZone: string,
  ) {}

  async get(channel: ChannelRef): Promise<Subscription | undefined> {
    const { rows } = await this.pg.query<SubscriptionRow>(`${SUBSCRIPTION_SELECT} WHERE s.platform = $1 AND s.workspace = $2 AND s.channel_id = $3`, channelKey(channel));
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async getById(id: number): Promise<Subscription | undefined> {
    const { rows } = await this.pg.query<SubscriptionRow>(`${SUBSCRIPTION_SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async listActive(): Promise<Subscription[]> {
    const { rows } = await this.pg.query<SubscriptionRow>(`${SUBSCRIPTION_SELECT} WHERE s.status = 'active' ORDER BY s.id`);
    return rows.map(toSubscription);
  }

  async save(channel: ChannelRef, request: SubscriptionRequest, now: Date): Promise<{ subscription: Subscription; created: boolean }> {
    const at = now.toISOString();
    const companies = JSON.stringify([...new Set(request.companies)]);
    // One statement: two replicas saving the same channel at once end with one row.
    // Same id on update on purpose: the send log is keyed on it, so a week already posted stays posted.
    const { rows } = await this.pg.query<{ id: number; created: boolean }>(
      `INSERT INTO subscriptions (platform, workspace, channel_id, companies, weekday, time, time_zone, active_since, created_at, updated_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8, $9)
       ON CONFLICT (platform, workspace, channel_id) DO UPDATE SET companies = excluded.companies, weekday = excluded.weekday, time = excluded.time,
         time_zone = excluded.time_zone, status = 'active', paused_reason = NULL, active_since = excluded.active_since, updated_at = excluded.updated_at,
         created_by = COALESCE(excluded.created_by, subscriptions.created_by)
       RETURNING id, (xmax = 0) AS created`,
      [...channelKey(channel), companies, request.weekday, request.time, request.timeZone, at, request.createdBy ?? null],
    );
    const subscription = await this.getById(Number(rows[0]!.id));
    return { subscription: subscription!, created: rows[0]!.created };
  }

  remove(channel: ChannelRef, now: Date, companies?: readonly string[]): Promise<RemoveResult> {
    return this.pg.transaction(async (c): Promise<RemoveResult> => {
      const { rows } = await c.query<SubscriptionRow>(
        `SELECT s.*, NULL AS last_sent_week FROM subscriptions s WHERE s.platform = $1 AND s.workspace = $2 AND s.channel_id = $3 FOR UPDATE`,
        channelKey(channel),
      );
      if (!rows[0]) return { kind: 'none' };
      const last = await c.query<{ w: string | null }>(`SELECT MAX(week) AS w FROM digest_sends WHERE subscription_id = $1 AND status = 'sent'`, [rows[0].id]);
      const existing = toSubscription({ ...rows[0], last_sent_week: last.rows[0]?.w ?? null });
      const drop = async () => {
        await c.query('DELETE FROM subscriptions WHERE id = $1', [existing.id]);
        return { kind: 'removed' as const, subscription: existing };
      };
      if (!companies?.length) return drop();
      if (existing.companies.length === 0) return { kind: 'follows_all', subscription: existing };
      const dropped = existing.companies.filter((co) => companies.includes(co));
      const notFollowed = companies.filter((co) => !existing.companies.includes(co));
      if (!dropped.length) return { kind: 'not_followed', subscription: existing, notFollowed };
      const left = existing.companies.filter((co) => !dropped.includes(co));
      if (!left.length) return drop();
      await c.query('UPDATE subscriptions SET companies = $1, updated_at = $2 WHERE id = $3', [JSON.stringify(left), now.toISOString(), existing.id]);
      return { kind: 'narrowed', subscription: { ...existing, companies: left }, dropped, notFollowed };
    });
  }

  async pause(id: number, reason: string, now: Date): Promise<void> {
    await this.pg.query(`UPDATE subscriptions SET status = 'paused', paused_reason = $1, updated_at = $2 WHERE id = $3`, [reason.slice(0, 500), now.toISOString(), id]);
  }
}
