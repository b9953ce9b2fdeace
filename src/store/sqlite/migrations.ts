import type { Database } from 'better-sqlite3';

/**
 * The SQLite schema, as an ordered list of migrations (PostgreSQL has its own list in
 * src/store/postgres/migrations.ts, with the same versions). `schema_version` records the
 * ones applied; each runs in its own transaction, so a crash leaves the database at
 * the previous version, never half migrated. Append new migrations; never edit old ones.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        companies TEXT NOT NULL DEFAULT '[]',
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        time_zone TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        active_since TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by TEXT,
        UNIQUE (platform, workspace, channel_id)
      );
      -- One row per subscription and digest week. The primary key is what makes a
      -- digest go out at most once, whichever process claims it first.
      CREATE TABLE digest_sends (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        week TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posting', 'sent', 'failed', 'unknown')),
        attempts INTEGER NOT NULL DEFAULT 1,
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        late INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        retry_at TEXT,
        PRIMARY KEY (subscription_id, week)
      );
      CREATE INDEX digest_sends_week ON digest_sends (week);
    `,
  },
  {
    // State that replicas share (see src/store/types.ts); times are epoch milliseconds.
    version: 2,
    sql: `
      ALTER TABLE digest_sends ADD COLUMN posted_by TEXT;
      ALTER TABLE digest_sends ADD COLUMN taken_over_from TEXT;
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX deliveries_expiry ON deliveries (expires_at);
      CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        updated_at INTEGER NOT NULL,
        allowed INTEGER NOT NULL
      );
      CREATE INDEX rate_buckets_updated ON rate_buckets (updated_at);
      CREATE TABLE thread_memory (
        key TEXT PRIMARY KEY,
        context TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX thread_memory_expiry ON thread_memory (expires_at);
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Bring the database to the current schema. Refuses a database from a newer version. */
export function migrate(db: Database, now: () => Date = () => new Date()): { from: number; to: number } {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const versionOf = () => (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const from = versionOf();
  if (from > SCHEMA_VERSION) {
    throw new Error(`the database is at schema version ${from}, newer than this bot knows (${SCHEMA_VERSION}); run a newer bot or point DATABASE_PATH elsewhere`);
  }
  for (const m of MIGRATIONS) {
    // Re-read inside the write lock (IMMEDIATE): another process starting at the same time may have applied it.
    db.transaction(() => {
      if (versionOf() >= m.version) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(m.version, now().toISOString());
    }).immediate();
  }
  return { from, to: SCHEMA_VERSION };
}
