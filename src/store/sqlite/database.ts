import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.ts';

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
  now?: () => Date;
}

/**
 * Open (creating the folder and file if needed) and migrate the bot's database. WAL
 * mode lets readers and one writer work at once, so two bot processes can share the
 * file; the busy timeout makes a writer wait for the other's short transactions.
 * The database holds subscriptions, the send log and short-lived shared state
 * (delivery keys, rate buckets, thread memory): deleting it never touches the corpus
 * or its index.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
