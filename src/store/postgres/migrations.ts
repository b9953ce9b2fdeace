import type { Pool, PoolClient } from 'pg';

/**
 * The PostgreSQL schema, as an ordered list of migrations with the same versions as the
 * SQLite list (src/store/sqlite/migrations.ts). Instants stay ISO 8601 text in the
 * subscription and send-log tables, as in SQLite, because the bot's clock (not the
 * server's) decides what is due; expiries of the shared state are epoch milliseconds.
 * Append new migrations; never edit old ones.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE subscriptions (
        id SERIAL PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        companies TEXT NOT NULL DEFAULT '[]',
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        time TEXT NOT NULL CHECK (time ~ '^[0-2][0-9]:[0-5][0-9]$'),
        time_zone TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        active_since TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by TEXT,
        UNIQUE (platform, workspace, channel_id)
      );
      -- The primary key is what makes a digest go out at most once, whichever replica claims it first.
      CREATE TABLE digest_sends (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        week TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posting', 'sent', 'failed', 'unknown')),
        attempts INTEGER NOT NULL DEFAULT 1,
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        late BOOLEAN NOT NULL DEFAULT FALSE,
        last_error TEXT,
        retry_at TEXT,
        PRIMARY KEY (subscription_id, week)
      );
      CREATE INDEX digest_sends_week ON digest_sends (week);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE digest_sends ADD COLUMN posted_by TEXT;
      ALTER TABLE digest_sends ADD COLUMN taken_over_from TEXT;
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX deliveries_expiry ON deliveries (expires_at);
      CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        updated_at BIGINT NOT NULL,
        allowed BOOLEAN NOT NULL
      );
      CREATE INDEX rate_buckets_updated ON rate_buckets (updated_at);
      CREATE TABLE thread_memory (
        key TEXT PRIMARY KEY,
        context TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX thread_memory_expiry ON thread_memory (expires_at);
    `,
  },
];

/** The schema version this code writes (the same number as SQLite's). */
export const PG_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Key of the advisory lock that serializes migrations of replicas starting together ("finqa" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x66696e7161;

/**
 * Bring the database to the current schema. Replicas starting at once queue on a
 * session advisory lock, so exactly one applies each migration and the others find it
 * done; each migration runs in its own transaction. Refuses a newer database.
 */
export async function migratePostgres(pool: Pool, now: () => Date = () => new Date()): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const from = await versionOf(client);
      if (from > PG_SCHEMA_VERSION) {
        throw new Error(`the database is at schema version ${from}, newer than this bot knows (${PG_SCHEMA_VERSION}); run a newer bot or point DATABASE_URL elsewhere`);
      }
      for (const m of MIGRATIONS) {
        if (m.version <= from) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [m.version, now().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
      return { from, to: PG_SCHEMA_VERSION };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {
        // The connection is gone; the server dropped the lock with the session.
        broken = true;
      });
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}

async function versionOf(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
  return rows[0]?.v ?? 0;
}
