import pg from 'pg';
import type { CoreLogger } from '../../core/logger.ts';
import { migratePostgres } from './migrations.ts';

/** Knobs of the PostgreSQL connection; the defaults suit a bot that must keep answering. */
export interface PgOptions {
  /** Connections per replica (default 10). */
  maxConnections?: number;
  /**
   * A connection attempt (or the wait for a free one) fails after this long (default
   * 10 s). A server that is down refuses at once; this bound is for one that hangs. It
   * is generous because a busy replica's event loop delays the answer, and a timeout
   * that fires first would count a slow database as a lost one.
   */
  connectTimeoutMs?: number;
  /** A query fails after this long (default 10 s, for the same reason). */
  queryTimeoutMs?: number;
  logger?: CoreLogger;
  now?: () => Date;
}

/**
 * The pool and the migration state. Migrations run on first use and again after a
 * failure, so a replica that starts while the database is down comes right once it is
 * back, instead of refusing to start.
 */
export class PgConnection {
  readonly pool: pg.Pool;
  private migrated = false;
  private migrating: Promise<void> | null = null;

  constructor(
    readonly url: string,
    private readonly options: PgOptions = {},
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      query_timeout: options.queryTimeoutMs ?? 10_000,
      // Connections are kept: opening one (TLS, SCRAM) costs more than holding it.
      idleTimeoutMillis: 5 * 60_000,
      keepAlive: true,
      application_name: 'finqa-bot',
    });
    // An idle connection the server dropped (restart, failover) must not crash the bot.
    this.pool.on('error', (error) => options.logger?.warn({ err: error.message }, 'a PostgreSQL connection was lost; the pool reconnects on next use'));
  }

  /** Apply the migrations unless done; concurrent callers share one attempt. */
  ready(): Promise<void> {
    if (this.migrated) return Promise.resolve();
    this.migrating ??= migratePostgres(this.pool, this.options.now)
      .then(() => {
        this.migrated = true;
      })
      .finally(() => {
        this.migrating = null;
      });
    return this.migrating;
  }

  /** One statement, after the migrations. */
  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready();
    return this.pool.query<R>(text, values);
  }

  /** Run `work` in one transaction on one connection; rolled back when it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.ready();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A database URL without its password, for banners and logs. */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `postgres://${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
