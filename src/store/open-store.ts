import type { CoreLogger } from '../core/logger.ts';
import { openPgStore, type PgStore } from './postgres/open.ts';
import { openSqliteStore, type SqliteStore } from './sqlite/open.ts';
import type { BotStore } from './types.ts';

export type { BotStore } from './types.ts';

/** Where the store lives: `DATABASE_URL` (PostgreSQL) wins over `DATABASE_PATH` (SQLite). */
export interface StoreTarget {
  databaseUrl?: string;
  databasePath: string;
  defaultTimeZone?: string;
  logger?: CoreLogger;
}

/**
 * Open the configured store. SQLite opens and migrates at once (and throws when it
 * cannot); PostgreSQL connects and migrates on first use, so call `ready()` to find
 * out at start whether the server answers.
 */
export function openBotStore(target: StoreTarget): SqliteStore | PgStore {
  if (target.databaseUrl) return openPgStore(target.databaseUrl, { defaultTimeZone: target.defaultTimeZone, logger: target.logger });
  return openSqliteStore(target.databasePath, { defaultTimeZone: target.defaultTimeZone });
}

/** Open (create and migrate) the SQLite store at `path`; kept for tests and tools. */
export const openStore = openSqliteStore;
