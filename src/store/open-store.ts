import type { Database } from 'better-sqlite3';
import { openDatabase, type OpenDatabaseOptions } from './database.ts';
import { SendLog } from './send-log.ts';
import { SubscriptionStore } from './subscription-store.ts';

/** The bot's database: subscriptions and the digest send log. */
export interface BotStore {
  db: Database;
  subscriptions: SubscriptionStore;
  sendLog: SendLog;
  close(): void;
}

/** Open (create and migrate) the database at `path` (a real file; `:memory:` for throwaway use). */
export function openStore(path: string, options: OpenDatabaseOptions & { defaultTimeZone?: string } = {}): BotStore {
  const db = openDatabase(path, options);
  return {
    db,
    subscriptions: new SubscriptionStore(db, options.defaultTimeZone ?? 'UTC'),
    sendLog: new SendLog(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
