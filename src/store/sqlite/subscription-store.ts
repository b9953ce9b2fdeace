import type { Database, Statement } from 'better-sqlite3';
import type { ChannelRef } from '../../core/channel.ts';
import type { RemoveResult, Subscription, SubscriptionRequest } from '../../core/subscriptions.ts';
import { SUBSCRIPTION_SELECT as SELECT, toSubscription, type SubscriptionRow } from '../rows.ts';
import type { SubscriptionRepository } from '../types.ts';

/** Subscriptions in SQLite: one per channel (platform, workspace, channel id). */
export class SqliteSubscriptions implements SubscriptionRepository {
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

  async get(channel: ChannelRef): Promise<Subscription | undefined> {
    return this.getNow(channel);
  }

  private getNow(channel: ChannelRef): Subscription | undefined {
    const row = this.byChannel.get(channel.platform, channel.workspace ?? '', channel.id);
    return row ? toSubscription(row) : undefined;
  }

  /** A subscription by id. */
  async getById(id: number): Promise<Subscription | undefined> {
    return this.getByIdNow(id);
  }

  private getByIdNow(id: number): Subscription | undefined {
    const row = this.byId.get(id);
    return row ? toSubscription(row) : undefined;
  }

  /** Every active subscription, for the scheduler. */
  async listActive(): Promise<Subscription[]> {
    return this.active.all().map(toSubscription);
  }

  async save(channel: ChannelRef, request: SubscriptionRequest, now: Date): Promise<{ subscription: Subscription; created: boolean }> {
    const at = now.toISOString();
    const companies = JSON.stringify([...new Set(request.companies)]);
    return this.db
      .transaction(() => {
        const existing = this.getNow(channel);
        if (existing) {
          // Same id on purpose: the send log is keyed on it, so a week already posted stays posted.
          this.db
            .prepare(
              `UPDATE subscriptions SET companies = ?, weekday = ?, time = ?, time_zone = ?, status = 'active', paused_reason = NULL,
               active_since = ?, updated_at = ?, created_by = COALESCE(?, created_by) WHERE id = ?`,
            )
            .run(companies, request.weekday, request.time, request.timeZone, at, at, request.createdBy ?? null, existing.id);
          return { subscription: this.getByIdNow(existing.id)!, created: false };
        }
        const info = this.db
          .prepare(
            `INSERT INTO subscriptions (platform, workspace, channel_id, companies, weekday, time, time_zone, active_since, created_at, updated_at, created_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(channel.platform, channel.workspace ?? '', channel.id, companies, request.weekday, request.time, request.timeZone, at, at, at, request.createdBy ?? null);
        return { subscription: this.getByIdNow(Number(info.lastInsertRowid))!, created: true };
      })
      .immediate();
  }

  async remove(channel: ChannelRef, now: Date, companies?: readonly string[]): Promise<RemoveResult> {
    return this.db
      .transaction((): RemoveResult => {
        const existing = this.getNow(channel);
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
        return { kind: 'narrowed', subscription: this.getByIdNow(existing.id)!, dropped, notFollowed };
      })
      .immediate();
  }

  /** Stop posting to a subscription (its channel keeps failing); `/subscribe` resumes it. */
  async pause(id: number, reason: string, now: Date): Promise<void> {
    this.db.prepare(`UPDATE subscriptions SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ?`).run(reason.slice(0, 500), now.toISOString(), id);
  }
}
