import type { Database } from 'better-sqlite3';
import type { BotStore } from '../types.ts';
import { openDatabase, type OpenDatabaseOptions } from './database.ts';
import { SqliteSendLog } from './send-log.ts';
import { SqliteDeliveryLog, SqliteRateBuckets, SqliteThreadStore } from './shared-state.ts';
import { SqliteSubscriptions } from './subscription-store.ts';

/** The SQLite store; `db` is exposed for tests and maintenance. */
export interface SqliteStore extends BotStore {
  readonly kind: 'sqlite';
  readonly db: Database;
}

/** Open (create and migrate) the SQLite store at `path` (a real file; `:memory:` for throwaway use). */
export function openSqliteStore(path: string, options: OpenDatabaseOptions & { defaultTimeZone?: string } = {}): SqliteStore {
  const db = openDatabase(path, options);
  return {
    kind: 'sqlite',
    location: path,
    db,
    subscriptions: new SqliteSubscriptions(db, options.defaultTimeZone ?? 'UTC'),
    sendLog: new SqliteSendLog(db),
    deliveries: new SqliteDeliveryLog(db),
    rateLimits: new SqliteRateBuckets(db),
    threads: new SqliteThreadStore(db),
    async health() {
      try {
        db.prepare('SELECT 1').get();
        return { kind: 'sqlite', location: path, ok: true };
      } catch (error) {
        return { kind: 'sqlite', location: path, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
